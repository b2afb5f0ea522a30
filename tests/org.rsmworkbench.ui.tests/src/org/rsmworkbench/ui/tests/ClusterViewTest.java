// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.clusters.AttachClusterHandler;
import org.rsmworkbench.ui.internal.clusters.ClusterView;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.ui.internal.permissions.PermissionsView;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** The Clusters view against a running cluster: rows, live updates, throttling, attach, detach. */
class ClusterViewTest {
    /** The tooltip of the view's Detach tool item (plugin.xml). */
    private static final String DETACH_TOOLTIP = "Stop watching the selected cluster (an attached cluster keeps running)";

    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RsmLibrary exporter;
    private RsmLibrary importer;
    private ExportSegment segment;
    private RunningCluster launched;
    private ClusterView view;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        exporter = tc.process(1, new Credentials(100, 10, Set.of(), 022, false));
        importer = tc.process(2, new Credentials(200, 10, Set.of(), 022, false));
        MemorySegment memory = exporter.allocate(64 * 1024);
        segment = exporter.getController("emu0").createExportSegment(memory, 0);
        segment.publish(0x400100, List.of(new AccessEntry(2, 0640), new AccessEntry(3, 0604)));
        importer.getController("emu0").connect(1, 0x400100, Rsm.PERM_READ);
        launched = RunningClusters.getDefault().addLaunched(tc.cluster(), "ui-test");
        view = (ClusterView) Ui.page().showView(ClusterView.ID);
    }

    @AfterEach
    void stop() {
        Ui.page().hideView(view);
        RunningClusters.getDefault().removeAll();
    }

    private List<String> rows() {
        view.viewer().expandAll();
        return Ui.texts(view.viewer().getTree());
    }

    private String state() {
        return rows() + "; " + RsmUiPlugin.getDefault().monitor() + "; view refreshes " + view.refreshes();
    }

    @Test
    void showsNodesProcessesExportsAndImports() {
        Ui.waitUntil("the cluster shows", 5000, () -> rows().stream().anyMatch(t -> t.startsWith("ui-test [launched]")));
        List<String> rows = rows();
        assertTrue(rows.contains("node 1 (node1) up"), rows.toString());
        assertTrue(rows.stream().anyMatch(t -> t.startsWith("segment 0x400100, 64 KiB, published, ACL 2 nodes: 2:0640 3:0604, 1 importer")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(t -> t.startsWith("node 1 segment 0x400100: asked r, granted r, barrier implicit")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(t -> t.contains("uid=100 gid=10")), rows.toString());
        assertTrue(rows.contains("controller emu0: links to 2:emu0 up, 3:emu0 up"), rows.toString());
    }

    @Test
    void followsTheClusterLive() throws Exception {
        Ui.waitUntil(() -> "node 3 up: " + state(), 5000, () -> rows().contains("node 3 (node3) up"));
        tc.cluster().killNode(3);
        Ui.waitUntil(() -> "node 3 down: " + state(), 5000, () -> rows().contains("node 3 (node3) DOWN"));
        segment.unpublish();
        Ui.waitUntil("the segment unpublished", 5000,
                () -> rows().stream().anyMatch(t -> t.startsWith("segment 0x400100, 64 KiB, bound, not published")));
        tc.cluster().setLink(1, "emu0", 2, "emu0", false);
        Ui.waitUntil("the link down", 5000, () -> rows().contains("controller emu0: links to 2:emu0 DOWN, 3:emu0 up"));
    }

    @Test
    void manyChangesDoNotFloodTheUiThread() throws Exception {
        Ui.waitUntil("the cluster shows", 5000, () -> view.refreshes() > 0);
        long[] before = RsmUiPlugin.getDefault().monitor().counters();
        int refreshesBefore = view.refreshes();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread churn = new Thread(() -> {
            int i = 0;
            try {
                while (!stop.get()) {
                    segment.republish(List.of(new AccessEntry(2, (i++ & 1) == 0 ? 0640 : 0600)));
                }
            } catch (Exception e) {
                failure.set(e);
            }
        });
        churn.start();
        long start = System.currentTimeMillis();
        Ui.spin(2000);
        stop.set(true);
        churn.join();
        long seconds = Math.max(1, (System.currentTimeMillis() - start) / 1000);
        assertNull(failure.get());
        long[] after = RsmUiPlugin.getDefault().monitor().counters();
        long asyncExecs = after[1] - before[1];
        int applied = view.refreshes() - refreshesBefore;
        // 5 Hz by default: about 10 in 2 s, whatever thousands of republishes happened
        assertTrue(asyncExecs <= 8 * seconds + 3, asyncExecs + " asyncExecs in " + seconds + " s");
        assertTrue(applied >= 2, "the view kept updating: " + applied);
        assertTrue(applied <= asyncExecs + 1, applied + " view updates from " + asyncExecs + " asyncExecs");
    }

    @Test
    void attachedClusterIsShownAndDetached() throws Exception {
        EmulatedCluster other = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
        try {
            RunningCluster attached = AttachClusterHandler.attach(view.getSite().getShell(), other.directory());
            assertNotNull(attached);
            Ui.waitUntil(() -> "the attached cluster shows: " + state(), 5000,
                    () -> rows().stream().anyMatch(t -> t.startsWith(other.spec().name() + " [attached] 2/2 nodes up")));
            RunningClusters.getDefault().remove(attached);
            Ui.waitUntil("the attached cluster goes", 5000,
                    () -> rows().stream().noneMatch(t -> t.contains("[attached]")));
        } finally {
            other.close();
        }
    }

    /**
     * Detach is one command whose handler the view's context menu, toolbar and Delete key share: each follows the
     * selection (enabled on a cluster's row only) and detaches the selected cluster.
     */
    @Test
    void detachIsOneCommandOfTheContextMenuTheToolbarAndTheDeleteKey() throws Exception {
        EmulatedCluster other = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
        try {
            RunningCluster attached = AttachClusterHandler.attach(view.getSite().getShell(), other.directory());
            Ui.waitUntil(() -> "both clusters show: " + state(), 5000,
                    () -> rows().stream().anyMatch(t -> t.contains("[attached]")) && rows().stream().anyMatch(t -> t.startsWith("ui-test")));
            Ui.page().activate(view);
            view.setFocus();
            ToolItem detach = toolItem(DETACH_TOOLTIP);

            select(t -> t.startsWith("node 1 "));
            Ui.waitUntil("Detach disabled on a node's row", 5000, () -> !detach.isEnabled());
            assertFalse(Ui.contextMenuItemEnabled(view.viewer().getControl(), "Detach"), "Detach in the menu of a node's row");

            select(t -> t.contains("[attached]"));
            Ui.waitUntil("Detach enabled on a cluster's row", 5000, detach::isEnabled);
            Event delete = new Event();
            delete.keyCode = SWT.DEL;
            delete.character = SWT.DEL;
            view.viewer().getControl().notifyListeners(SWT.KeyDown, delete);
            Ui.waitUntil(() -> "the Delete key detached the attached cluster: " + state(), 5000,
                    () -> rows().stream().noneMatch(t -> t.contains("[attached]")));
            assertFalse(RunningClusters.getDefault().clusters().contains(attached));

            select(t -> t.startsWith("ui-test"));
            Ui.waitUntil("Detach enabled on the launched cluster's row", 5000, detach::isEnabled);
            detach.notifyListeners(SWT.Selection, new Event());
            Ui.waitUntil(() -> "the toolbar's Detach detached the launched cluster: " + state(), 5000, () -> rows().isEmpty());
        } finally {
            other.close();
        }
    }

    /**
     * The toolbar's buttons act on the view's selection while another part is active: before, Detach and Terminate
     * Cluster followed the handler of the active part, stayed disabled and did nothing when clicked.
     */
    @Test
    void theToolbarWorksWhileAnotherPartIsActive() throws Exception {
        Ui.waitUntil(() -> "the cluster shows: " + state(), 5000, () -> rows().stream().anyMatch(t -> t.startsWith("ui-test")));
        Ui.page().activate(view);
        select(t -> t.startsWith("ui-test"));
        IViewPart other = Ui.page().showView(IPageLayout.ID_PROBLEM_VIEW);
        try {
            assertSame(other, Ui.page().getActivePart(), "another view is active");
            ToolItem detach = toolItem(DETACH_TOOLTIP);
            Ui.waitUntil("Detach enabled on the launched cluster's row", 5000, detach::isEnabled);
            detach.notifyListeners(SWT.Selection, new Event());
            Ui.waitUntil(() -> "the toolbar's Detach detached the launched cluster: " + state(), 5000, () -> rows().isEmpty());
            assertSame(view, Ui.page().getActivePart(), "the click activated the Clusters view");
        } finally {
            Ui.page().hideView(other);
        }
    }

    /**
     * With nothing selected, Terminate Cluster acts on the only cluster shown: its toolbar button follows what the view
     * shows, not only the selection (here the launch's terminator is set, then a node's death changes what is shown).
     */
    @Test
    void theToolbarsTerminateFollowsTheOnlyClusterShown() throws Exception {
        Ui.waitUntil(() -> "the cluster shows: " + state(), 5000, () -> rows().stream().anyMatch(t -> t.startsWith("ui-test")));
        view.viewer().setSelection(StructuredSelection.EMPTY);
        IViewPart other = Ui.page().showView(IPageLayout.ID_PROBLEM_VIEW);
        try {
            ToolItem terminate = toolItem("Terminate Cluster: stop every node of the selected launched cluster");
            assertFalse(terminate.isEnabled(), "no launch can terminate the cluster yet");
            AtomicInteger terminated = new AtomicInteger();
            launched.terminatedBy(terminated::incrementAndGet);
            tc.cluster().killNode(3);
            Ui.waitUntil(() -> "node 3 down: " + state(), 5000, () -> rows().contains("node 3 (node3) DOWN"));
            Ui.waitUntil("Terminate enabled on the only cluster shown", 5000, terminate::isEnabled);
            terminate.notifyListeners(SWT.Selection, new Event());
            Ui.waitUntil("the toolbar's Terminate Cluster terminated the launch", 5000, () -> terminated.get() == 1);
        } finally {
            Ui.page().hideView(other);
        }
    }

    /**
     * Open in Inspector and Show Permissions act on the selected export or import: disabled on a node's row, each opens
     * its view on the selected segment.
     */
    @Test
    void theSegmentCommandsOpenTheirViewsOnTheSelectedSegment() throws Exception {
        SegmentRef selected = new SegmentRef(launched, 1, 0x400100);
        Ui.waitUntil(() -> "the segment shows: " + state(), 5000, () -> rows().stream().anyMatch(t -> t.startsWith("segment 0x400100")));
        Ui.page().activate(view);
        select(t -> t.startsWith("node 1 "));
        assertFalse(Ui.contextMenuItemEnabled(view.viewer().getControl(), "Open in Inspector"), "on a node's row");
        assertFalse(Ui.contextMenuItemEnabled(view.viewer().getControl(), "Show Permissions"), "on a node's row");

        select(t -> t.startsWith("segment 0x400100"));
        IHandlerService commands = view.getSite().getService(IHandlerService.class);
        commands.executeCommand("org.rsmworkbench.ui.clusters.showPermissions", null);
        PermissionsView permissions = (PermissionsView) Ui.page().findView(PermissionsView.ID);
        assertNotNull(permissions, "Show Permissions opened the Segment Permissions view");
        try {
            assertEquals(selected, permissions.ref());
        } finally {
            Ui.page().hideView(permissions);
        }

        Ui.page().activate(view);
        select(t -> t.startsWith("node 1 segment 0x400100"));
        commands.executeCommand("org.rsmworkbench.ui.clusters.openInspector", null);
        SegmentInspector inspector = (SegmentInspector) Ui.page().getActiveEditor();
        assertNotNull(inspector, "Open in Inspector opened the segment");
        try {
            assertEquals(selected, inspector.ref());
        } finally {
            Ui.page().closeEditor(inspector, false);
        }
    }

    private ToolItem toolItem(String tooltip) {
        ToolBar toolbar = ((ToolBarManager) view.getViewSite().getActionBars().getToolBarManager()).getControl();
        List<String> tooltips = new java.util.ArrayList<>();
        for (ToolItem item : toolbar.getItems()) {
            // the workbench appends the key binding: "... (Delete)"
            if (item.getToolTipText() != null && item.getToolTipText().startsWith(tooltip)) {
                return item;
            }
            tooltips.add(item.getToolTipText());
        }
        throw new AssertionError("no tool item \"" + tooltip + "\" in the view's toolbar: " + tooltips);
    }

    /** Selects the first row whose text matches, as a click does. */
    private void select(java.util.function.Predicate<String> row) {
        view.viewer().expandAll();
        TreeItem item = find(view.viewer().getTree().getItems(), row);
        assertNotNull(item, "a row to select in " + rows());
        view.viewer().setSelection(new StructuredSelection(item.getData()), true);
    }

    private static TreeItem find(TreeItem[] items, java.util.function.Predicate<String> row) {
        for (TreeItem item : items) {
            TreeItem found = row.test(item.getText()) ? item : find(item.getItems(), row);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void attachingADirectoryWithoutAClusterSaysWhy(@TempDir Path empty) {
        Display display = Display.getCurrent();
        AtomicReference<String> shown = new AtomicReference<>();
        Runnable closer = new Runnable() {
            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if ("Attach to Cluster".equals(shell.getText()) && shell.isVisible()) {
                        StringBuilder text = new StringBuilder();
                        collect(shell, text);
                        shown.set(text.toString());
                        shell.close();
                        return;
                    }
                }
                display.timerExec(100, this);
            }
        };
        display.timerExec(100, closer);
        boolean automated = org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE;
        org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE = false; // the test harness hides error dialogs
        try {
            assertNull(AttachClusterHandler.attach(view.getSite().getShell(), empty));
        } finally {
            org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE = automated;
        }
        assertNotNull(shown.get(), "an error dialog was shown");
        assertTrue(shown.get().contains("No running RSM cluster in " + empty), shown.get());
        assertEquals(1, RunningClusters.getDefault().clusters().size());
    }

    private static void collect(Control control, StringBuilder text) {
        if (control instanceof Label label) {
            text.append(label.getText()).append('\n');
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, text);
            }
        }
    }
}
