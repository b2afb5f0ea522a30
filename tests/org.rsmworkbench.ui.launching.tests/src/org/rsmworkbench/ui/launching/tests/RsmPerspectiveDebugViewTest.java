// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The RSM perspective shows the Debug view, where a launch is terminated whole (a node's console terminates only its
 * node), in a folder of its own beside the Clusters view.
 */
class RsmPerspectiveDebugViewTest {
    private static final String RSM_PERSPECTIVE = "org.rsmworkbench.ui.perspective";
    private static final String CLUSTERS_VIEW = "org.rsmworkbench.ui.clusterView";

    @Test
    void theRsmPerspectiveShowsTheDebugViewBesideTheClustersView() throws Exception {
        var workbench = PlatformUI.getWorkbench();
        IWorkbenchPage page = workbench.showPerspective(RSM_PERSPECTIVE, workbench.getActiveWorkbenchWindow());
        page.resetPerspective();
        IViewPart debug = page.findView(IDebugUIConstants.ID_DEBUG_VIEW);
        assertNotNull(debug, "the RSM perspective shows the Debug view");
        IViewPart clusters = page.findView(CLUSTERS_VIEW);
        assertNotNull(clusters);
        assertFalse(Arrays.asList(page.getViewStack(debug)).contains(clusters),
                "a tab beside the Clusters view in the narrow left folder would cut both titles");
    }
}
