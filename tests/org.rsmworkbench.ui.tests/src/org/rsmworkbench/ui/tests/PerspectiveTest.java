// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.ui.internal.perspectives.RsmDebugPerspective;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;

/** Both perspectives open with the RSM views; the product is defined. */
class PerspectiveTest {
    private static final String NEW_CLUSTER_WIZARD = "org.rsmworkbench.model.editor.newClusterWizard";

    @Test
    void rsmPerspectivesShowTheViews() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        for (String id : new String[] {RsmPerspective.ID, RsmDebugPerspective.ID}) {
            IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(id, window);
            assertEquals(id, page.getPerspective().getId());
            assertNotNull(page.findView(RsmPerspective.CLUSTER_VIEW), id + " shows the Clusters view");
            assertNotNull(page.findView(RsmPerspective.PERMISSIONS_VIEW), id + " has the Permissions view");
            assertNotNull(page.findViewReference(RsmPerspective.TOPOLOGY_VIEW), id + " has the Topology view");
        }
    }

    /**
     * The Timeline opens in the wide bottom folder of both perspectives, beside the Topology view, wherever the user
     * clicked before: it needs the width.
     */
    @Test
    void theTimelineOpensInTheWideBottomFolder() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        for (String id : new String[] {RsmPerspective.ID, RsmDebugPerspective.ID}) {
            IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(id, window);
            page.resetPerspective();
            page.activate(page.showView(RsmPerspective.CLUSTER_VIEW));
            IViewPart timeline = page.showView(RsmPerspective.TIMELINE_VIEW);
            try {
                IViewPart topology = page.showView(RsmPerspective.TOPOLOGY_VIEW, null, IWorkbenchPage.VIEW_CREATE);
                assertTrue(Arrays.asList(page.getViewStack(timeline)).contains(topology), "in " + id
                        + " the Timeline opens beside the Topology view, not with " + Arrays.toString(page.getViewStack(timeline)));
            } finally {
                page.hideView(timeline);
            }
        }
    }

    /** File > New of the RSM perspective makes what an RSM program and its cluster are made of; so does the Java one. */
    @Test
    void fileNewOffersTheClusterAndJavaWizards() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(RsmPerspective.ID, window);
        page.resetPerspective();
        List<String> shortcuts = Arrays.asList(page.getNewWizardShortcuts());
        for (String wizard : List.of(NEW_CLUSTER_WIZARD, "org.eclipse.jdt.ui.wizards.NewClassCreationWizard",
                "org.eclipse.jdt.ui.wizards.NewPackageCreationWizard")) {
            assertTrue(shortcuts.contains(wizard), wizard + " in File > New of the RSM perspective: " + shortcuts);
        }
        assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(NEW_CLUSTER_WIZARD),
                "the cluster wizard's id names the wizard");
        boolean inJava = Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.perspectiveExtensions"))
                .filter(e -> "org.eclipse.jdt.ui.JavaPerspective".equals(e.getAttribute("targetID")))
                .flatMap(e -> Arrays.stream(e.getChildren("newWizardShortcut")))
                .anyMatch(e -> NEW_CLUSTER_WIZARD.equals(e.getAttribute("id")));
        assertTrue(inJava, "the Java perspective offers the cluster wizard in File > New");
    }

    @Test
    void theProductIsDefined() {
        IExtension product = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.products",
                "org.rsmworkbench.ui.product");
        assertNotNull(product);
        assertEquals("RSM Workbench", product.getConfigurationElements()[0].getAttribute("name"));
    }
}
