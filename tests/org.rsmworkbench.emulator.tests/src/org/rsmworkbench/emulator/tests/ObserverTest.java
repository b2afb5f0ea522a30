// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.TestCluster.RDWR;
import static org.rsmworkbench.tests.support.conformance.TestCluster.openTo;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/** What observers (views, the live model) read: {@code EmulatedCluster.state()} and {@code view()}. */
@DisplayName("observers: state snapshots and segment views")
class ObserverTest {
    @RegisterExtension
    static final EmulatedClusterExtension cluster = EmulatedClusterExtension.of(3);

    @Test
    void stateShowsProcessesSegmentsAndConnections() throws Exception {
        RsmLibrary exporter = cluster.process(1);
        RsmLibrary importer = cluster.process(2, TestCluster.user(7, 8, 21, 20));
        TestCluster.Exported e = publish(exporter, 8192, List.of(new AccessEntry(2, 0644)));
        ImportSegment im = TestCluster.connect(importer, "emu0", e, org.rsmworkbench.rsmapi.Rsm.PERM_READ);
        im.setMode(BarrierMode.EXPLICIT);

        ClusterState state = cluster.cluster().state();
        assertEquals(3, state.nodes().size());
        assertTrue(state.nodes().stream().allMatch(ClusterState.Node::up));
        assertEquals(2, state.processes().size());
        assertEquals(java.util.Set.of(20, 21), state.processes().stream().filter(p -> p.node() == 2).findFirst()
                .orElseThrow().credentials().groups(), "supplementary groups show");
        ClusterState.Segment segment = state.segments().stream().filter(s -> s.segmentId() == e.id()).findFirst()
                .orElseThrow();
        assertEquals(1, segment.node());
        assertEquals("emu0", segment.controller());
        assertEquals(8192, segment.size());
        assertTrue(segment.published());
        assertEquals(List.of(new AccessEntry(2, 0644)), segment.acl());
        assertEquals(TestCluster.USER.uid(), segment.creatorUid());
        ClusterState.Connection connection = state.connections().get(0);
        assertEquals(2, connection.importerNode());
        assertEquals(1, connection.exporterNode());
        assertEquals(e.id(), connection.segmentId());
        assertEquals(0400, connection.permission());
        assertEquals(BarrierMode.EXPLICIT, connection.mode());
        assertFalse(connection.aborted());
        assertFalse(connection.mapped());

        e.segment().unpublish();
        ClusterState after = cluster.cluster().state();
        assertNotEquals(state.version(), after.version(), "a mutation changes the version");
        assertTrue(after.connections().get(0).aborted(), "the forced disconnect shows");
        assertFalse(after.segments().get(0).published());
    }

    @Test
    void stateShowsKilledNodesAndDownLinks() throws Exception {
        cluster.cluster().killNode(3);
        cluster.cluster().setLink(1, "emu0", 2, "emu0", false);
        try {
            ClusterState state = cluster.cluster().state();
            assertFalse(state.nodes().stream().filter(n -> n.id() == 3).findFirst().orElseThrow().up());
            assertFalse(state.links().stream().filter(l -> l.link().joins(1, "emu0", 2, "emu0")).findFirst()
                    .orElseThrow().up());
        } finally {
            cluster.cluster().restartNode(3);
            cluster.cluster().setLink(1, "emu0", 2, "emu0", true);
        }
    }

    @Test
    void viewSeesWritesAndFollowsTheSegmentAcrossAForcedDisconnect() throws Exception {
        RsmLibrary exporter = cluster.process(1);
        RsmLibrary importer = cluster.process(2);
        TestCluster.Exported e = publish(exporter, 8192, openTo(2));
        ImportSegment im = TestCluster.connectReady(importer, e, RDWR);
        im.put64(16, new long[] {0xCAFEL}, 1);
        try (SegmentView view = cluster.cluster().view(1, e.id())) {
            assertEquals(8192, view.size());
            assertEquals(0xCAFEL, view.memory().get(ValueLayout.JAVA_LONG, 16));
            MemorySegment readOnly = view.memory();
            assertThrows(IllegalArgumentException.class, () -> readOnly.set(ValueLayout.JAVA_LONG, 0, 1L));

            e.segment().unpublish(); // the exporter's memory moves off the file importers mapped
            e.memory().set(ValueLayout.JAVA_LONG, 24, 0xBEEFL);
            assertEquals(0xBEEFL, view.memory().get(ValueLayout.JAVA_LONG, 24), "the view follows the exporter's memory");

            e.segment().destroy();
            assertFalse(view.isAlive());
            assertThrows(IllegalStateException.class, view::memory);
        }
    }

    /**
     * The IDE closes its observer of a cluster that ended (its registry unmapped) while an inspector's refresh may still
     * ask its view: the view says the segment is gone and why, it does not fail (it threw "Already closed").
     */
    @Test
    void aViewOfAClusterClosedHereSaysItIsGone() throws Exception {
        EmulatedCluster own = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
        try (own) {
            TestCluster.Exported e = publish(own.process(1, TestCluster.USER), 4096, openTo(2));
            SegmentView view = own.view(1, e.id());
            assertTrue(view.isAlive());
            own.close(); // the last attachment of this JVM: the registry is unmapped
            assertFalse(view.isAlive());
            assertEquals("its cluster is no longer open here: it ended, or was detached", view.goneReason());
            IllegalStateException gone = assertThrows(IllegalStateException.class, view::memory);
            assertTrue(gone.getMessage().endsWith(view.goneReason()), gone.getMessage());
            view.close();
        }
    }

    @Test
    void noViewOfAnUnknownSegment() {
        assertNull(cluster.cluster().view(1, 0x7654321));
    }
}
