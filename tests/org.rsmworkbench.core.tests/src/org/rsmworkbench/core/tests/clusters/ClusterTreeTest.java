// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.ClusterTree.ExportItem;
import org.rsmworkbench.core.clusters.ClusterTree.GroupItem;
import org.rsmworkbench.core.clusters.ClusterTree.ImportItem;
import org.rsmworkbench.core.clusters.ClusterTree.Item;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** The Cluster view's rows from a real cluster's state. */
class ClusterTreeTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RunningClusters registry;
    private RunningCluster entry;

    @BeforeEach
    void start() throws Exception {
        registry = new RunningClusters();
        entry = registry.addLaunched(tc.cluster(), "demo");
    }

    @AfterEach
    void stop() {
        registry.removeAll();
    }

    private static GroupItem group(NodeItem node, String name) {
        return node.children().stream().map(GroupItem.class::cast).filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void nodesProcessesExportsAndImports() throws Exception {
        RsmLibrary exporter = tc.process(1, new Credentials(100, 10, Set.of(), 027, false));
        RsmLibrary importer = tc.process(2, new Credentials(200, 10, Set.of(), 022, true));
        MemorySegment memory = exporter.allocate(64 * 1024);
        exporter.getController("emu0").createExportSegment(memory, 0)
                .publish(0x40002a, List.of(new AccessEntry(2, 0640), new AccessEntry(3, 0604)));
        exporter.getController("emu0").createExportSegment(exporter.allocate(4096), 0);
        ImportSegment connection = importer.getController("emu0").connect(1, 0x40002a, Rsm.PERM_READ);
        connection.setMode(BarrierMode.EXPLICIT);
        tc.cluster().setLink(2, "emu0", 3, "emu0", false);
        tc.cluster().killNode(3);

        ClusterItem tree = ClusterTree.build(entry, tc.cluster().state());
        assertTrue(tree.label().startsWith("demo [launched] 2/3 nodes up, 2 segments, 1 connections"), tree.label());
        List<Item> nodes = tree.children();
        assertEquals(3, nodes.size());
        NodeItem node1 = (NodeItem) nodes.get(0);
        assertEquals("node 1 (node1) up", node1.label());
        assertEquals("node 3 (node3) DOWN", nodes.get(2).label());

        GroupItem processes = group(node1, "Processes");
        assertEquals("Processes (1)", processes.label());
        assertTrue(processes.children().get(0).label().contains("uid=100 gid=10 umask=027"),
                processes.children().get(0).label());
        assertTrue(group((NodeItem) nodes.get(1), "Processes").children().get(0).label().endsWith("privileged"));

        GroupItem exports = group(node1, "Exports");
        assertEquals(2, exports.children().size());
        ExportItem published = (ExportItem) exports.children().get(0);
        assertEquals("segment 0x40002a, 64 KiB, published, ACL 2 nodes: 2:0640 3:0604, 1 importer (process #"
                + published.segment().ownerProcess() + ", emu0)", published.label());
        assertEquals(new SegmentRef(entry, 1, 0x40002a), published.ref());
        assertTrue(exports.children().get(1).label().contains("4 KiB, bound, not published, 0 importers"),
                exports.children().get(1).label());

        ImportItem imported = (ImportItem) group((NodeItem) nodes.get(1), "Imports").children().get(0);
        assertTrue(imported.label().startsWith("node 1 segment 0x40002a: asked r, granted r, barrier explicit"), imported.label());
        assertEquals(new SegmentRef(entry, 1, 0x40002a), imported.ref());

        String controllers = group((NodeItem) nodes.get(1), "Controllers").children().get(0).label();
        assertEquals("controller emu0: links to 1:emu0 up, 3:emu0 DOWN", controllers);
    }

    @Test
    void keysStayAcrossSnapshots() throws Exception {
        ClusterItem before = ClusterTree.build(entry, tc.cluster().state());
        tc.cluster().killNode(2);
        ClusterItem after = ClusterTree.build(entry, tc.cluster().state());
        assertEquals(before.key(), after.key());
        for (int i = 0; i < before.children().size(); i++) {
            assertEquals(before.children().get(i).key(), after.children().get(i).key());
        }
        assertTrue(!before.children().get(1).label().equals(after.children().get(1).label()));
    }

    /** A stopping cluster says so, and so do its nodes, which its stop took down: they are not to be restarted. */
    @Test
    void aStoppingClusterAndItsNodesSaySo() {
        tc.cluster().stopNodes();
        ClusterItem stopping = ClusterTree.build(entry, tc.cluster().state());
        assertTrue(stopping.label().startsWith("demo [launched] STOPPING, 0/3 nodes up, "), stopping.label());
        NodeItem node = (NodeItem) stopping.children().get(1);
        assertEquals("node 2 (node2) stopping", node.label());
        assertTrue(node.stopping());
    }

    @Test
    void sizesAndAclSummaries() {
        assertEquals("1 GiB", ClusterTree.size(1L << 30));
        assertEquals("4100 bytes", ClusterTree.size(4100));
        assertEquals("12 KiB", ClusterTree.size(12288));
        assertEquals("rw", ClusterTree.permission(Rsm.PERM_READ | Rsm.PERM_WRITE));
        assertEquals("none", ClusterTree.permission(0));
        assertEquals("0x7fffffff", ClusterTree.hex(Integer.MAX_VALUE));
    }
}
