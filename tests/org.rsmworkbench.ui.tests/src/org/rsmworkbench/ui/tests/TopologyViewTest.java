// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.topology.TopologyLayout;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.preferences.Preferences;
import org.rsmworkbench.ui.internal.topology.TopologyView;

/** The topology view draws the cluster, a click on a link toggles it (taking it down once confirmed), PNG export. */
class TopologyViewTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(4);
    private TopologyView view;
    private IProject project;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        RsmUiPlugin.getDefault().getPreferenceStore().setToDefault(Preferences.CONFIRM_FAULTS);
        RunningClusters.getDefault().addLaunched(tc.cluster(), "topology-test", new FaultInjector(tc.cluster(), console::add));
        view = (TopologyView) Ui.page().showView(TopologyView.ID);
        Ui.page().setPartState(Ui.page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        Ui.spin(100);
    }

    @AfterEach
    void stop() throws Exception {
        Ui.forgetDialogs();
        Ui.page().hideView(view);
        RunningClusters.getDefault().removeAll();
        Ui.page().closeAllEditors(false);
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    /** A cluster file of three nodes whose first link starts down, opened in the cluster editor (which is then active). */
    private IEditorPart openClusterFile() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("topology-test-" + System.nanoTime());
        project.create(null);
        project.open(null);
        Cluster model = ClusterSpecs.fromSpec(ClusterSpec.fullyConnected(3));
        model.getLinks().get(0).setUp(false);
        IFile file = project.getFile("three.rsmcluster");
        ClusterFiles.save(model, file.getLocation().toPath());
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        return IDE.openEditor(Ui.page(), file);
    }

    /** A point on the link that hits it (not a node, nor another link), or fails. */
    private double[] pointOn(TopologyLayout layout, TopologyLayout.LinkShape link) {
        for (double t = 0.2; t <= 0.8; t += 0.05) {
            double x = link.x1() + t * (link.x2() - link.x1());
            double y = link.y1() + t * (link.y2() - link.y1());
            if (link.equals(layout.linkAt(x, y))) {
                return new double[] {x, y};
            }
        }
        throw new AssertionError("no clickable point on " + link.label() + " in a canvas of " + view.canvas().getSize());
    }

    private void click(double x, double y) {
        Event event = new Event();
        event.x = (int) Math.round(x);
        event.y = (int) Math.round(y);
        event.button = 1;
        view.canvas().notifyListeners(SWT.MouseUp, event);
    }

    @Test
    void clickingALinkTakesItDownAndUp(@TempDir Path dir) {
        Ui.waitUntil("the cluster is drawn", 5000, () -> view.cluster() != null && view.layout() != null
                && view.cluster().cluster() == tc.cluster());
        TopologyLayout layout = view.layout();
        assertEquals(4, layout.nodes().size());
        assertEquals(6, layout.links().size());
        TopologyLayout.LinkShape link = layout.links().get(0);
        double[] at = pointOn(layout, link);
        AtomicReference<String> asked = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Cancel"));
        click(at[0], at[1]);
        assertNotNull(asked.get(), "taking a link down asks first");
        assertTrue(asked.get().startsWith("Take link 1:emu0 - 2:emu0 down in topology-test?"), asked.get());
        assertTrue(tc.cluster().state().links().get(0).up(), "cancelled: the link stays up");
        Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Take link 1:emu0 - 2:emu0 down"));
        click(at[0], at[1]);
        Ui.waitUntil("the click took link " + link.label() + " down", 5000, () -> !tc.cluster().state().links().get(0).up());
        Ui.waitUntil("drawn down", 5000, () -> !view.layout().links().get(0).up());
        TopologyLayout.LinkShape down = view.layout().links().get(0);
        double[] again = pointOn(view.layout(), down);
        asked = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Cancel"));
        click(again[0], again[1]);
        Ui.waitUntil("a second click brought it up", 5000, () -> tc.cluster().state().links().get(0).up());
        assertNull(asked.get(), "bringing a link up asks nothing");
        Ui.waitUntil(() -> "both faults logged: " + console, 5000, () -> console.size() == 2);
        assertTrue(console.get(0).endsWith(" take link 1:emu0 - 2:emu0 down (Topology view)"), console.toString());
        assertTrue(console.get(1).endsWith(" bring link 1:emu0 - 2:emu0 up (Topology view)"), console.toString());

        TopologyLayout.NodeShape node = view.layout().nodes().get(0);
        click(node.x(), node.y());
        assertTrue(tc.cluster().state().links().stream().allMatch(l -> l.up()), "a click on a node changes no link");

        Path png = dir.resolve("topology.png");
        view.exportPng(png);
        ImageData[] images = new ImageLoader().load(png.toString());
        assertEquals(1, images.length);
        assertTrue(images[0].width >= 400 && images[0].height >= 300);
    }

    /**
     * Choosing a cluster file in its editor draws it as it starts (its down link down), again at each edit, with no
     * fault on a click; a cluster launched meanwhile, or closing the editor, brings back a running cluster.
     */
    @Test
    void drawsTheClusterFileChosenInItsEditor() throws Exception {
        Ui.waitUntil("the running cluster is drawn", 5000, () -> view.cluster() != null && view.layout() != null);
        EmulatedCluster launched = null;
        try {
            IEditorPart editor = openClusterFile();
            Ui.waitUntil(() -> "the file drawn, not " + view.title(), 5000,
                    () -> view.design() == editor && view.layout() != null && view.layout().nodes().size() == 3);
            assertNull(view.cluster());
            assertTrue(view.title().startsWith(" three.rsmcluster as it starts: 3 nodes, 3 links (1 down)"), view.title());
            assertEquals(List.of(false, true, true), view.layout().links().stream().map(TopologyLayout.LinkShape::up).toList());

            EditingDomain domain = ((IEditingDomainProvider) editor).getEditingDomain();
            Cluster edited = (Cluster) domain.getResourceSet().getResources().get(0).getContents().get(0);
            Node fourth = ClusterSpecs.fromSpec(ClusterSpec.fullyConnected(4)).getNodes().get(3);
            domain.getCommandStack().execute(AddCommand.create(domain, edited, ClusterPackage.Literals.CLUSTER__NODES, fourth));
            Ui.waitUntil("the added node drawn", 5000, () -> view.layout().nodes().size() == 4);

            Ui.page().activate(view);
            TopologyLayout.LinkShape link = view.layout().links().get(1);
            double[] at = pointOn(view.layout(), link);
            AtomicReference<String> asked = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Cancel"));
            click(at[0], at[1]);
            Ui.spin(100);
            assertNull(asked.get(), "a link of a file is no fault to confirm");
            assertEquals(editor, view.design(), "activating the view keeps the file drawn");

            launched = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
            RunningClusters.getDefault().addLaunched(launched, "launched-meanwhile", new FaultInjector(launched, console::add));
            EmulatedCluster newOne = launched;
            Ui.waitUntil("the cluster launched meanwhile drawn", 5000,
                    () -> view.design() == null && view.cluster() != null && view.cluster().cluster() == newOne);

            Ui.page().activate(editor);
            Ui.waitUntil("the file drawn again", 5000, () -> view.design() == editor);
            Ui.page().closeEditor(editor, false);
            Ui.waitUntil("a running cluster once the editor is closed", 5000, () -> view.design() == null && view.cluster() != null);
        } finally {
            if (launched != null) {
                launched.close();
            }
        }
    }

    /** Opened while the cluster editor is the active part (the cheat sheet's order), the view draws its file. */
    @Test
    void opensOnTheClusterFileOfTheActiveEditor() throws Exception {
        Ui.page().hideView(view);
        IEditorPart editor = openClusterFile();
        view = (TopologyView) Ui.page().showView(TopologyView.ID);
        Ui.waitUntil(() -> "the file drawn, not " + view.title(), 5000,
                () -> view.design() == editor && view.layout() != null && view.layout().nodes().size() == 3);
        Ui.spin(300);
        assertEquals(editor, view.design(), "the running cluster's next update keeps the file drawn");
    }

    /** A cluster that is gone is no longer drawn (before, its last state stayed, with its title, once none was left). */
    @Test
    void aClusterThatIsGoneIsNoLongerDrawn() {
        Ui.waitUntil("the cluster drawn", 5000, () -> view.cluster() != null && view.title().contains("4 nodes"));
        RunningClusters.getDefault().removeAll();
        Ui.waitUntil("no cluster drawn", 5000, () -> view.title().equals(" No cluster"));
        assertNull(view.cluster());
    }

    @Test
    void nodeStateIsDrawn() {
        tc.cluster().killNode(2);
        Ui.waitUntil("node 2 drawn down", 5000, () -> view.layout() != null && !view.layout().nodes().get(1).up());
        assertTrue(view.layout().nodes().get(0).up());
    }
}
