// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;
import static org.rsmworkbench.tests.support.conformance.TestCluster.openTo;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * put and get keep the checks of RSMAPI.md §3.4, §5.3 and §5.4 that read the registry after earlier transfers: the
 * emulator reads the words they check (the connection's generation, the injected-fault count, the node's life) only when
 * a mutation of the registry ran since they last passed, and each change of the cluster between two transfers must reach
 * the next one. Each test transfers first, then changes one thing. (The handle's own state: {@link TransferGuardTest}.)
 */
@DisplayName("§3.4 put/get after a change of the cluster")
@Timeout(30)
class TransferAfterChangeTest {

    private static final long FIRST = 0x1122334455667788L;
    private static final long SECOND = 0x0102030405060708L;

    /** A cluster per test: the tests kill nodes and cut links. */
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);

    /** A segment of node 1 (two pages) imported by node 2 in IMPLICIT mode with a barrier, which has put and got FIRST. */
    private record Transferred(Exported exported, ImportSegment importer) {
        long exportedWord() {
            return exported.memory().get(ValueLayout.JAVA_LONG, 0);
        }
    }

    private Transferred transferred() throws Exception {
        return transferred(publish(tc.process(1), 2 * PAGE, null));
    }

    private Transferred transferred(Exported exported) throws Exception {
        ImportSegment im = connectReady(tc.process(2), exported, Rsm.PERM_RDWR);
        im.put64(0, new long[] { FIRST }, 1);
        im.put(8, MemorySegment.ofArray(new long[] { FIRST }));
        long[] back = new long[1];
        im.get64(0, back, 1);
        im.get(8, MemorySegment.ofArray(back));
        assertEquals(FIRST, back[0]);
        return new Transferred(exported, im);
    }

    /** Both kinds of put and of get fail with {@code error}, and none of the puts landed. */
    private static void assertTransfersFail(RsmError error, Transferred t) {
        assertRsmError(error, () -> t.importer().put64(0, new long[] { SECOND }, 1));
        assertRsmError(error, () -> t.importer().put(0, MemorySegment.ofArray(new long[] { SECOND })));
        assertRsmError(error, () -> t.importer().get64(0, new long[1], 1));
        assertRsmError(error, () -> t.importer().get(0, MemorySegment.ofArray(new long[1])));
    }

    @Test
    void transfersAfterTheLinkWentDownAreConnAborted() throws Exception {
        Transferred t = transferred();
        tc.cluster().setLink(1, "emu0", 2, "emu0", false);
        assertTransfersFail(RsmError.CONN_ABORTED, t);
        assertEquals(FIRST, t.exportedWord(), "no put after the cut landed");
        tc.cluster().setLink(1, "emu0", 2, "emu0", true);
        assertTransfersFail(RsmError.CONN_ABORTED, t);
    }

    @Test
    void transfersAfterTheExportingNodeWasKilledAreConnAborted() throws Exception {
        Transferred t = transferred();
        tc.cluster().killNode(1);
        assertTransfersFail(RsmError.CONN_ABORTED, t);
        tc.cluster().restartNode(1);
        assertTransfersFail(RsmError.CONN_ABORTED, t);
    }

    @Test
    void transfersAfterAnUnpublishAreConnAbortedEvenOncePublishedAgain() throws Exception {
        Transferred t = transferred();
        ExportSegment segment = t.exported().segment();
        segment.unpublish();
        assertTransfersFail(RsmError.CONN_ABORTED, t);
        segment.publish(t.exported().id(), null);
        assertTransfersFail(RsmError.CONN_ABORTED, t);
        assertEquals(FIRST, t.exportedWord(), "no put after the unpublish landed");
    }

    @Test
    void transfersAfterADestroyAreConnAborted() throws Exception {
        Transferred t = transferred();
        t.exported().segment().destroy();
        assertTransfersFail(RsmError.CONN_ABORTED, t);
    }

    @Test
    void aRepublishWithANarrowerAclLeavesTheConnectionAsItWas() throws Exception {
        Transferred t = transferred();
        // RSMAPI §4: existing connections keep their granted mode; only new connects meet the new ACL
        t.exported().segment().republish(List.of(new AccessEntry(2, 0444), new AccessEntry(3, 0666)));
        assertRsmOk(() -> t.importer().put64(0, new long[] { SECOND }, 1));
        assertEquals(SECOND, t.exportedWord());
        assertRsmError(RsmError.PERM_DENIED, () -> connect(tc.process(2), "emu0", t.exported(), Rsm.PERM_RDWR));
    }

    @Test
    void transfersAfterARebindReachTheNewMemory() throws Exception {
        Exported created = TestCluster.create(tc.process(1), "emu0", 2 * PAGE, Rsm.ALLOW_REBIND);
        int id = created.segment().publish(TestCluster.nextSegmentId(), null);
        Transferred t = transferred(new Exported(created.process(), created.controller(), created.memory(),
                created.segment(), id));
        MemorySegment newMemory = created.process().allocate(2 * PAGE);
        newMemory.set(ValueLayout.JAVA_LONG, 16, SECOND);
        t.exported().segment().rebind(newMemory);
        t.importer().put64(0, new long[] { SECOND }, 1);
        assertEquals(SECOND, newMemory.get(ValueLayout.JAVA_LONG, 0));
        assertEquals(FIRST, t.exportedWord(), "the old memory keeps what was written before the rebind");
        long[] back = new long[1];
        t.importer().get(16, MemorySegment.ofArray(back));
        assertEquals(SECOND, back[0]);
    }

    @Test
    void implicitTransfersAfterFaultsWereInjectedFailAsManyTimesAsInjected() throws Exception {
        Transferred t = transferred();
        tc.cluster().failNextTransfers(2, 1, 2);
        assertRsmError(RsmError.BARRIER_FAILURE, () -> t.importer().put64(0, new long[] { SECOND }, 1));
        assertRsmError(RsmError.BARRIER_FAILURE, () -> t.importer().get(0, MemorySegment.ofArray(new long[1])));
        assertEquals(FIRST, t.exportedWord(), "a failed put delivers nothing");
        assertRsmOk(() -> t.importer().put(0, MemorySegment.ofArray(new long[] { SECOND })));
        assertEquals(SECOND, t.exportedWord());
    }

    /** Makes {@code t}'s import EXPLICIT and opens a span in which it puts FIRST; returns the span's barrier. */
    private static Barrier explicitSpanWithAPut(Transferred t) throws RsmException {
        t.importer().setMode(BarrierMode.EXPLICIT);
        Barrier barrier = t.importer().initBarrier(BarrierType.SEGMENT);
        barrier.open();
        t.importer().put64(0, new long[] { FIRST }, 1);
        return barrier;
    }

    @Test
    void anExplicitSpanAfterAFaultWasInjectedFailsAtItsClose() throws Exception {
        Transferred t = transferred();
        Barrier barrier = explicitSpanWithAPut(t);
        assertRsmOk(barrier::close);
        tc.cluster().failNextTransfers(2, 1, 1);
        barrier.open();
        assertRsmOk(() -> t.importer().put64(0, new long[] { SECOND }, 1));
        assertRsmError(RsmError.BARRIER_FAILURE, barrier::close);
        assertEquals(FIRST, t.exportedWord(), "a failed put delivers nothing");
    }

    @Test
    void anExplicitPutAfterTheLinkWentDownReachesNobodyAndItsSpanIsConnAborted() throws Exception {
        Transferred t = transferred();
        Barrier barrier = explicitSpanWithAPut(t);
        tc.cluster().setLink(1, "emu0", 2, "emu0", false);
        // RSMAPI §5.3: an EXPLICIT put after a forced disconnect copies to the trash mapping and succeeds
        assertRsmOk(() -> t.importer().put64(0, new long[] { SECOND }, 1));
        assertRsmOk(() -> t.importer().put(0, MemorySegment.ofArray(new long[] { SECOND })));
        assertEquals(FIRST, t.exportedWord(), "no put after the cut landed");
        assertRsmError(RsmError.CONN_ABORTED, barrier::close);
    }

    @Test
    void transfersAfterTheImportingNodeWasKilledAreBadSegHndl() throws Exception {
        Transferred t = transferred();
        tc.cluster().killNode(2);
        assertTransfersFail(RsmError.BAD_SEG_HNDL, t);
        assertEquals(FIRST, t.exportedWord());
    }

    @Test
    void transfersAfterADisconnectAreBadSegHndl() throws Exception {
        Transferred t = transferred();
        t.importer().disconnect();
        assertTransfersFail(RsmError.BAD_SEG_HNDL, t);
    }

    @Test
    void transfersAfterAnUnrelatedChangeStillSeeTheNextCut() throws Exception {
        Transferred t = transferred();
        Exported other = publish(tc.process(3), PAGE, openTo(1, 2, 3));
        ImportSegment otherImport = connectReady(tc.process(2), other, Rsm.PERM_RDWR);
        assertRsmOk(() -> otherImport.put64(0, new long[] { FIRST }, 1));
        assertRsmOk(() -> t.importer().put64(0, new long[] { SECOND }, 1));
        assertRsmOk(() -> t.importer().put64(0, new long[] { SECOND }, 1));
        assertEquals(SECOND, t.exportedWord());
        t.exported().segment().unpublish();
        assertTransfersFail(RsmError.CONN_ABORTED, t);
        long[] back = new long[1];
        assertRsmOk(() -> otherImport.get64(0, back, 1));
        assertArrayEquals(new long[] { FIRST }, back);
    }
}
