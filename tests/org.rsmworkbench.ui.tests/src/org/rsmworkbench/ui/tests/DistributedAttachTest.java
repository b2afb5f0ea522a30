// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.distributed.DistributedClusters;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.distributed.internal.ZooKeeperRegistry;
import org.rsmworkbench.distributed.ui.internal.AttachDistributedClusterHandler;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.ui.internal.clusters.ClusterView;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.ui.internal.permissions.PermissionsView;
import org.rsmworkbench.ui.internal.topology.TopologyView;

/**
 * RSM > Attach to Distributed Cluster... driven through its dialog against the registry of a distributed cluster (an
 * embedded ensemble; a process of node 1 exports, one of node 2 imports, here): the Clusters, Permissions and Topology
 * views show the cluster, Detach lets it go; where nothing answers, an error dialog says what to check. The Segment
 * Inspector opened from the Clusters view shows a segment's bytes live, read through UCX, and writes only as a stated
 * node and credentials the segment's ACL lets write.
 */
class DistributedAttachTest {
    private static final String ATTACH_COMMAND = "org.rsmworkbench.distributed.ui.attach";
    private static final String DETACH_COMMAND = "org.rsmworkbench.ui.clusters.detach";
    private static final String OPEN_INSPECTOR_COMMAND = "org.rsmworkbench.ui.clusters.openInspector";
    private static final int SEGMENT = 0x400100;
    private static final MemorySegment MEMORY = Arena.global().allocate(4096, 4096);

    private EmbeddedZooKeeper ensemble;
    private DistributedBackend.LaunchedRegistry cluster;
    private ZooKeeperRegistry exporter;
    private ZooKeeperRegistry importer;
    private ClusterView clusters;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        ClusterSpec spec = ClusterSpec.fullyConnected(3);
        ensemble = EmbeddedZooKeeper.start();
        cluster = new ZooKeeperBackend().create(ensemble.connectString(), spec, DistributedBackend.DEFAULT_SESSION_TIMEOUT);
        Credentials groupMember = new Credentials(200, 10, Set.of(), 022, false);
        exporter = ZooKeeperRegistry.join(cluster.connectString(), DistributedBackend.DEFAULT_SESSION_TIMEOUT, spec, 1,
                new Credentials(100, 10, Set.of(), 022, false), true, _ -> { });
        importer = ZooKeeperRegistry.join(cluster.connectString(), DistributedBackend.DEFAULT_SESSION_TIMEOUT, spec, 2, groupMember,
                true, _ -> { });
        exporter.publish(new PublishedSegment(1, SEGMENT, "emu0", 4096, 100, 10, 0640, List.of(new AccessEntry(2, 0640))), MEMORY,
                () -> { });
        importer.connect("emu0", false, groupMember, 1, SEGMENT, Rsm.PERM_READ);
        clusters = (ClusterView) Ui.page().showView(ClusterView.ID);
    }

    @AfterEach
    void stop() {
        Ui.forgetDialogs();
        Ui.page().closeAllEditors(false);
        Ui.page().hideView(clusters);
        RunningClusters.getDefault().removeAll();
        importer.close();
        exporter.close();
        cluster.close();
        ensemble.close();
    }

    private List<String> rows() {
        clusters.viewer().expandAll();
        return Ui.texts(clusters.viewer().getTree());
    }

    private static Text text(Control root) {
        if (root instanceof Text text) {
            return text;
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Text found = text(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private ClusterTree.ExportItem export() {
        for (TreeItem cluster : clusters.viewer().getTree().getItems()) {
            for (TreeItem node : cluster.getItems()) {
                for (TreeItem group : node.getItems()) {
                    for (TreeItem row : group.getItems()) {
                        if (row.getData() instanceof ClusterTree.ExportItem e) {
                            return e;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String row(Table table, int node, String relation) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(Integer.toString(node)) && item.getText(1).equals(relation)) {
                return item.getText(2) + " | " + item.getText(3);
            }
        }
        return null;
    }

    @Test
    void theDialogChecksTheConnectStringAndTheViewsShowTheClusterFromItsRegistry() throws Exception {
        AtomicReference<String> malformed = new AtomicReference<>();
        Ui.whenDialogOpens(AttachDistributedClusterHandler.TITLE, shell -> {
            Text field = text(shell);
            Button ok = Ui.find(shell, "OK");
            field.setText("localhost");
            malformed.set("OK " + (ok.isEnabled() ? "enabled" : "disabled") + " for 'localhost'");
            field.setText(cluster.connectString());
            Ui.press(shell, "OK");
        });
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ATTACH_COMMAND, null);
        assertEquals("OK disabled for 'localhost'", malformed.get(), "a string that names no cluster cannot be given");

        String clusterRow = "cluster-of-3 [attached] 3/3 nodes up, 1 segments, 1 connections";
        Ui.waitUntil(() -> "the cluster shows: " + rows(), 30_000, () -> rows().contains(clusterRow));
        assertTrue(rows().stream().anyMatch(r -> r.startsWith("segment 0x400100, 4 KiB, published, ACL 1 node: 2:0640, 1 importer")),
                rows().toString());
        assertTrue(rows().stream().anyMatch(r -> r.startsWith("node 1 segment 0x400100: asked r, granted r")), rows().toString());
        RunningCluster entry = RunningClusters.getDefault().find(cluster.connectString());
        assertNotNull(entry);

        // the Permissions view follows the selected segment: its ACL gives node 2 0640
        PermissionsView permissions = (PermissionsView) Ui.page().showView(PermissionsView.ID);
        Ui.page().activate(clusters);
        clusters.viewer().setSelection(new StructuredSelection(export()), true);
        Ui.waitUntil(() -> "the Permissions view shows the segment: " + permissions.ref(), 5000,
                () -> new SegmentRef(entry, 1, SEGMENT).equals(permissions.ref()));
        assertTrue(permissions.header().contains("ACL 1 node: 2:0640"), permissions.header());
        assertEquals("allowed | denied (PERM_DENIED)", row(permissions.matrix().getTable(), 2, "group member"));
        assertTrue(row(permissions.matrix().getTable(), 3, "owner uid").startsWith("denied (SEG_NOT_PUBLISHED_TO_NODE)"));

        // the Topology view draws its nodes and links
        TopologyView topology = (TopologyView) Ui.page().showView(TopologyView.ID);
        Ui.page().activate(clusters);
        clusters.viewer().setSelection(new StructuredSelection(clusters.viewer().getTree().getItem(0).getData()), true);
        Ui.waitUntil("the Topology view draws the cluster", 5000, () -> topology.cluster() == entry && topology.layout() != null);
        assertEquals(3, topology.layout().nodes().size());
        assertEquals(3, topology.layout().links().size());
        Ui.page().hideView(topology);
        Ui.page().hideView(permissions);

        // live: the segment unpublished shows, then Detach lets the cluster go (it runs on)
        exporter.unpublish(SEGMENT);
        Ui.waitUntil(() -> "the unpublish shows: " + rows(), 10_000,
                () -> rows().stream().anyMatch(r -> r.contains("[attached] 3/3 nodes up, 0 segments")));
        Ui.page().activate(clusters);
        clusters.viewer().setSelection(new StructuredSelection(clusters.viewer().getTree().getItem(0).getData()), true);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(DETACH_COMMAND, null);
        Ui.waitUntil("detached", 5000, () -> rows().stream().noneMatch(r -> r.contains("[attached]")));
        assertTrue(RunningClusters.getDefault().clusters().isEmpty());
    }

    private static void text(MemorySegment memory, long offset, String text) {
        MemorySegment.copy(MemorySegment.ofArray(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0, memory, offset,
                text.length());
    }

    /** Clicks the cell (the table's editor activation) of the inspector's first row, types the value, presses Enter. */
    private static boolean edit(SegmentInspector inspector, String value) {
        Table table = inspector.viewer().getTable();
        table.setSelection(0);
        Rectangle bounds = table.getItem(0).getBounds(1);
        org.eclipse.swt.widgets.Event click = new org.eclipse.swt.widgets.Event();
        click.x = bounds.x + bounds.width / 2;
        click.y = bounds.y + bounds.height / 2;
        click.button = 1;
        table.notifyListeners(SWT.MouseDown, click);
        table.notifyListeners(SWT.MouseUp, click);
        for (Control child : table.getChildren()) {
            if (child instanceof Text editor && editor.isVisible()) {
                editor.setText(value);
                editor.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
                return true;
            }
        }
        return false;
    }

    @Test
    void theInspectorShowsASegmentLiveThroughUcxAndWritesOnlyAsAStatedWriterTheAclAllows() throws Exception {
        MEMORY.fill((byte) 0);
        text(MEMORY, 0x20, "hello from node 1"); // row 2, and the first byte of row 3
        RunningCluster entry = RunningClusters.getDefault().attach(DistributedClusters.attach(cluster.connectString()));
        Ui.waitUntil(() -> "the segment shows: " + rows(), 30_000, () -> !rows().isEmpty() && export() != null);
        Ui.page().activate(clusters);
        clusters.viewer().setSelection(new StructuredSelection(export()), true);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(OPEN_INSPECTOR_COMMAND, null);
        SegmentInspector inspector = (SegmentInspector) Ui.page().getActiveEditor();
        assertNotNull(inspector, "Open in Inspector opened the segment");
        assertEquals(new SegmentRef(entry, 1, SEGMENT), inspector.ref());
        inspector.setBytesPerRow(16);
        Table table = inspector.viewer().getTable();
        Ui.waitUntil(() -> "row 2 shows the exporter's bytes: " + table.getItem(2).getText(17) + " (" + inspector.message()
                + "; " + inspector.stats() + ")", 10_000,
                () -> table.getItem(2).getText(17).startsWith("hello from node "));
        assertEquals("68", table.getItem(2).getText(1), "'h' in hex");
        assertTrue(inspector.message().contains("read from its exporter through the cluster's data path"), inspector.message());

        // live: the exporter writes, the inspector shows it at a refresh
        MEMORY.set(ValueLayout.JAVA_BYTE, 0x30, (byte) 0xab);
        Ui.waitUntil(() -> "the change shows: " + table.getItem(3).getText(1) + " (" + inspector.message() + "; "
                + inspector.stats() + ")", 10_000, () -> "ab".equals(table.getItem(3).getText(1)));

        // read-only until a writer is stated, and while the stated one may not write
        Ui.waitUntil("row 0 is shown", 5000, () -> table.getItem(0).getData() instanceof SegmentRows.Row);
        assertTrue(!edit(inspector, "7f") && inspector.message().contains("Write as..."), inspector.message());
        assertEquals(0, MEMORY.get(ValueLayout.JAVA_BYTE, 0));
        inspector.setWriter(2, new Credentials(200, 10, Set.of(), 022, false)); // a group member: 0640 lets it read only
        Ui.waitUntil(() -> "the refusal: " + inspector.message(), 10_000,
                () -> inspector.message().startsWith("Read-only as node 2 uid=200 gid=10"));
        assertTrue(inspector.message().contains("RSMERR_PERM_DENIED"), inspector.message());
        assertTrue(!edit(inspector, "7f") && inspector.writeRefusal() != null);

        // the owner on node 2 may write: the edit reaches the exporter's memory
        inspector.setWriter(2, new Credentials(100, 10, Set.of(), 022, false));
        Ui.waitUntil(() -> "writes allowed: " + inspector.message(), 10_000, () -> inspector.writeRefusal() == null);
        assertTrue(edit(inspector, "7f"), "a cell editor opened");
        Ui.waitUntil(() -> "the write lands: " + inspector.message(), 10_000, () -> MEMORY.get(ValueLayout.JAVA_BYTE, 0) == 0x7f);
        Ui.waitUntil(() -> "the write is reported: " + inspector.message(), 10_000,
                () -> inspector.message().startsWith("Wrote 1 byte at 0x0 as node 2"));

        // unpublished: the inspector says so and keeps the last contents
        exporter.unpublish(SEGMENT);
        Ui.waitUntil(() -> "the unpublish shows: " + inspector.message(), 15_000,
                () -> inspector.message().contains("is gone (unpublished"));
        assertTrue(table.getItem(2).getText(17).startsWith("hello from node "), "the last contents stay");
    }

    @Test
    void whereNothingAnswersAnErrorDialogSaysWhatToCheck() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing answers there
        }
        String silent = "127.0.0.1:" + port + "/rsm-workbench/cluster-of-3-x";
        AtomicReference<String> error = Ui.whenDialogOpens(AttachDistributedClusterHandler.TITLE,
                DistributedClusters.ATTACH_TIMEOUT_MILLIS + 30_000, shell -> Ui.press(shell, "OK"));
        AttachDistributedClusterHandler.attachInBackground(silent);
        Ui.waitUntil("the error dialog", DistributedClusters.ATTACH_TIMEOUT_MILLIS + 30_000, () -> error.get() != null);
        assertTrue(error.get().contains("Cannot attach to the distributed cluster at " + silent), error.get());
        assertTrue(error.get().contains("that ZooKeeper runs there"), "says what to check: " + error.get());
        assertTrue(rows().stream().noneMatch(r -> r.contains("[attached]")), rows().toString());
    }
}
