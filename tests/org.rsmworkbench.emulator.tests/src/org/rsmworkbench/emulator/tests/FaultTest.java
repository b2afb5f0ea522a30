// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/** Fault injection of the binding: failNextTransfers, killNode, restartNode (RSMAPI.md §5.4). */
@DisplayName("§5.4 faults")
class FaultTest {

    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);

    @Test
    void failedImplicitTransferThrowsBarrierFailureAndDeliversNothing() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connectReady(tc.process(2), e, Rsm.PERM_RDWR);
        tc.cluster().failNextTransfers(2, 1, 1);
        assertRsmError(RsmError.BARRIER_FAILURE, () -> im.put32(0, new int[] { 5 }, 1));
        assertEquals(0, e.memory().get(ValueLayout.JAVA_INT, 0), "a failed transfer delivers nothing");
        assertRsmOk(() -> im.put32(0, new int[] { 6 }, 1));
        assertEquals(6, e.memory().get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void countCoversPutsAndGets() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connectReady(tc.process(2), e, Rsm.PERM_RDWR);
        tc.cluster().failNextTransfers(2, 1, 2);
        assertRsmError(RsmError.BARRIER_FAILURE, () -> im.put8(0, new byte[] { 1 }, 1));
        assertRsmError(RsmError.BARRIER_FAILURE, () -> im.get8(0, new byte[1], 1));
        assertRsmOk(() -> im.get8(0, new byte[1], 1));
    }

    @Test
    void explicitModeFailureIsReportedByClose() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        Barrier b = im.initBarrier(BarrierType.SEGMENT);
        tc.cluster().failNextTransfers(2, 1, 1);
        b.open();
        assertRsmOk(() -> im.put64(0, new long[] { 9 }, 1));
        assertRsmError(RsmError.BARRIER_FAILURE, b::close);
        assertEquals(0, e.memory().get(ValueLayout.JAVA_LONG, 0));
        // the retry succeeds
        b.open();
        im.put64(0, new long[] { 9 }, 1);
        assertRsmOk(b::close);
        assertEquals(9, e.memory().get(ValueLayout.JAVA_LONG, 0));
    }

    @Test
    void onlyTheNamedNodePairFails() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment from3 = connectReady(tc.process(3), e, Rsm.PERM_RDWR);
        ImportSegment from2 = connectReady(tc.process(2), e, Rsm.PERM_RDWR);
        Exported on3 = publish(tc.process(3), PAGE, null);
        ImportSegment from2to3 = connectReady(tc.process(2), on3, Rsm.PERM_RDWR);
        tc.cluster().failNextTransfers(2, 1, 1);
        assertRsmOk(() -> from3.put8(0, new byte[] { 1 }, 1));
        assertRsmOk(() -> from2to3.put8(0, new byte[] { 1 }, 1));
        assertRsmError(RsmError.BARRIER_FAILURE, () -> from2.put8(0, new byte[] { 1 }, 1));
    }

    @Test
    void failedPutvLeavesTheResidualCountAtTheNumberOfRequests() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        MemorySegment src = MemorySegment.ofArray(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        ScatterGather sg = new ScatterGather(im, 0).add(new IoVec.Local(src, 0, 0, 4))
                .add(new IoVec.Local(src, 4, 100, 4)).add(new IoVec.Local(src, 0, 200, 8));
        tc.cluster().failNextTransfers(2, 1, 1);
        assertRsmError(RsmError.BARRIER_FAILURE, () -> im.putv(sg));
        assertEquals(3, sg.residualCount());
        assertEquals(0, e.memory().get(ValueLayout.JAVA_BYTE, 0));
    }

    // ---------------------------------------------------------------- killNode / restartNode

    @Test
    void killedNodesInJvmProcessesAreClosed() throws Exception {
        RsmLibrary p = tc.process(1);
        RsmController c = p.getController("emu0");
        Exported e = publish(p, PAGE, null);
        ExportSegment unpublished = TestCluster.create(p, "emu0", PAGE, 0).segment();
        Exported on2 = publish(tc.process(2), PAGE, null);
        ImportSegment outgoing = connectReady(p, on2, Rsm.PERM_RDWR);
        tc.cluster().killNode(1);
        assertRsmError(RsmError.BAD_CTLR_HNDL, c::getAttributes);
        assertRsmError(RsmError.BAD_SEG_HNDL, e.segment()::unpublish);
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> unpublished.publish(TestCluster.nextSegmentId(), null));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> outgoing.put8(0, new byte[1], 1));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> p.getController("emu0"));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> p.allocate(PAGE));
    }

    @Test
    void importersOfAKilledNodeSeeAForcedDisconnect() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connectReady(tc.process(2), e, Rsm.PERM_RDWR);
        ImportSegment explicit = connect(tc.process(3), "emu0", e, Rsm.PERM_RDWR);
        explicit.setMode(BarrierMode.EXPLICIT);
        Barrier b = explicit.initBarrier(BarrierType.SEGMENT);
        b.open();
        tc.cluster().killNode(1);
        assertRsmError(RsmError.CONN_ABORTED, () -> im.put8(0, new byte[1], 1));
        assertRsmError(RsmError.CONN_ABORTED, b::close);
        assertRsmOk(im::disconnect);
        assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(tc.process(2), "emu0", e, Rsm.PERM_READ));
    }

    @Test
    void restartedNodeIsEmptyAndUsable() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        tc.cluster().killNode(1);
        tc.cluster().restartNode(1);
        RsmLibrary q = tc.process(2);
        assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> connect(q, "emu0", e, Rsm.PERM_READ));
        RsmLibrary fresh = tc.process(1);
        ExportSegment again = TestCluster.create(fresh, "emu0", PAGE, 0).segment();
        assertEquals(e.id(), again.publish(e.id(), null), "the old id is free after the restart");
        ImportSegment im = q.getController("emu0").connect(1, e.id(), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(() -> im.put8(0, new byte[] { 1 }, 1));
    }

    @Test
    void killingTheImportingNodeLeavesTheExporterWorking() throws Exception {
        RsmLibrary exporter = tc.process(1);
        Exported e = publish(exporter, PAGE, null);
        connectReady(tc.process(2), e, Rsm.PERM_RDWR);
        ImportSegment survivor = connectReady(tc.process(3), e, Rsm.PERM_RDWR);
        tc.cluster().killNode(2);
        assertRsmOk(() -> survivor.put8(0, new byte[] { 4 }, 1));
        assertRsmOk(() -> e.segment().signalPost(0));
        assertRsmOk(e.segment()::unpublish);
        assertRsmOk(e.segment()::destroy);
    }
}
