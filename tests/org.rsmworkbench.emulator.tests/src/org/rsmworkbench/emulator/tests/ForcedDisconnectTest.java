// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** RSMAPI.md §5.3: what an importer sees after unpublish, destroy or the exporting process's end. */
@DisplayName("§5.3 forced disconnect")
class ForcedDisconnectTest {

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    /** Unpublishes raced against an importer, and the spans each one cuts besides the import the importer polls. */
    private static final int CUT_ROUNDS = 500, CUT_SPANS = 8;

    /** The ways an exporter revokes a segment. */
    enum Revocation {
        UNPUBLISH, DESTROY, PROCESS_CLOSE;

        void apply(Exported e) throws Exception {
            switch (this) {
            case UNPUBLISH -> e.segment().unpublish();
            case DESTROY -> e.segment().destroy();
            case PROCESS_CLOSE -> e.process().close();
            }
        }
    }

    /** Importer on another node or on the exporter's own node. */
    enum Where {
        REMOTE(2), LOCAL(1);

        final int node;

        Where(int node) {
            this.node = node;
        }
    }

    private static Exported exported() throws Exception {
        return publish(tc.process(1), 2 * PAGE, null);
    }

    @ParameterizedTest
    @EnumSource(Revocation.class)
    void implicitModePutAndGetAreConnAborted(Revocation how) throws Exception {
        for (Where where : Where.values()) {
            Exported e = exported();
            ImportSegment im = connectReady(tc.process(where.node), e, Rsm.PERM_RDWR);
            im.put32(0, new int[] { 1 }, 1);
            how.apply(e);
            assertRsmError(RsmError.CONN_ABORTED, () -> im.put32(0, new int[] { 2 }, 1));
            assertRsmError(RsmError.CONN_ABORTED, () -> im.get32(0, new int[1], 1));
            assertRsmError(RsmError.CONN_ABORTED, () -> im.put8(1, new byte[1], 1));
            assertRsmError(RsmError.CONN_ABORTED, () -> im.get64(8, new long[1], 1));
            assertRsmError(RsmError.CONN_ABORTED, () -> im.put(0, MemorySegment.ofArray(new byte[4])));
            assertRsmError(RsmError.CONN_ABORTED, () -> im.get(0, MemorySegment.ofArray(new byte[4])));
            if (how != Revocation.PROCESS_CLOSE) {
                assertEquals(1, e.memory().get(ValueLayout.JAVA_INT, 0), "the put after the disconnect is lost");
            }
            assertRsmOk(im::disconnect);
        }
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void explicitModeTransfersGoToTrashAndCloseBarrierIsConnAborted(Where where) throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(where.node), "emu0", e, Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        Barrier b = im.initBarrier(BarrierType.SEGMENT);
        b.open();
        im.put64(0, new long[] { 11 }, 1);
        e.segment().unpublish();
        assertRsmOk(() -> im.put64(8, new long[] { 22 }, 1));
        assertRsmOk(() -> im.get64(0, new long[1], 1));
        assertRsmError(RsmError.CONN_ABORTED, b::close);
        assertEquals(11, e.memory().get(ValueLayout.JAVA_LONG, 0));
        assertEquals(0, e.memory().get(ValueLayout.JAVA_LONG, 8), "a put after the forced disconnect is discarded");
        assertRsmOk(im::disconnect);
    }

    /**
     * An unpublish cuts every connection to the segment at once (RSMAPI §5.3): once a put on one import has reported the
     * cut, the span of every other import of the segment closes with CONN_ABORTED, however the importer's threads and the
     * unpublish are timed. (Before, a put could report the cut while the unpublish was still cutting the other
     * connections, one after another, and a span closed after that report could close with OK.)
     */
    @Test
    void onceAPutReportedTheCutEverySpanOfTheSegmentClosesConnAborted() throws Exception {
        ExecutorService importer = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < CUT_ROUNDS; round++) {
                Exported e = exported();
                RsmLibrary importerProcess = tc.process(2);
                ImportSegment polled = connectReady(importerProcess, e, Rsm.PERM_RDWR);
                List<Barrier> spans = new ArrayList<>();
                for (int i = 0; i < CUT_SPANS; i++) {
                    ImportSegment other = connect(importerProcess, "emu0", e, Rsm.PERM_RDWR);
                    other.setMode(BarrierMode.EXPLICIT);
                    Barrier span = other.initBarrier(BarrierType.SEGMENT);
                    span.open();
                    spans.add(span);
                }
                CountDownLatch polling = new CountDownLatch(1);
                Future<List<String>> closes = importer.submit(() -> {
                    polling.countDown();
                    putUntilFailure(polled);
                    List<String> errors = new ArrayList<>();
                    // the last connected first: forceDisconnect cuts in slot order, and slots are given lowest first
                    for (Barrier span : spans.reversed()) {
                        try {
                            span.close();
                            errors.add("OK");
                        } catch (RsmException x) {
                            errors.add(x.error().name());
                        }
                    }
                    return errors;
                });
                polling.await();
                e.segment().unpublish();
                assertEquals(Collections.nCopies(CUT_SPANS, "CONN_ABORTED"), closes.get(1, TimeUnit.MINUTES),
                        "round " + round);
                importerProcess.close();
                e.process().close();
            }
        } finally {
            importer.shutdownNow();
        }
    }

    /** Puts until a put fails, which must be with CONN_ABORTED; an interrupt (the test gave up) ends it too. */
    private static void putUntilFailure(ImportSegment segment) {
        byte[] one = { 1 };
        while (!Thread.currentThread().isInterrupted()) {
            try {
                segment.put8(0, one, 1);
            } catch (RsmException x) {
                assertEquals(RsmError.CONN_ABORTED, x.error());
                return;
            }
        }
    }

    /** §3.5 open_barrier: a remote segment that was forcibly disconnected and touched since is a "dummy". */
    @Test
    void openBarrierOnATouchedDisconnectedRemoteSegmentIsBarrierOpenFailed() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        Barrier b = im.initBarrier(BarrierType.SEGMENT);
        im.put8(0, new byte[] { 1 }, 1);
        e.segment().unpublish();
        im.put8(0, new byte[] { 2 }, 1); // touches the trash mapping
        assertRsmError(RsmError.BARRIER_OPEN_FAILED, b::open);
    }

    @Test
    void explicitModeWithoutBarrierPutSucceedsButIsDiscarded() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        im.put8(0, new byte[] { 1 }, 1);
        e.segment().unpublish();
        assertRsmOk(() -> im.put8(1, new byte[] { 2 }, 1));
        assertEquals(0, e.memory().get(ValueLayout.JAVA_BYTE, 1));
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void putvAndGetvAreBadSgio(Where where) throws Exception {
        Exported e = exported();
        ImportSegment im = connectReady(tc.process(where.node), e, Rsm.PERM_RDWR);
        e.segment().unpublish();
        MemorySegment local = MemorySegment.ofArray(new byte[64]);
        ScatterGather sg = new ScatterGather(im, 0).add(new IoVec.Local(local, 0, 0, 64));
        assertRsmError(RsmError.BAD_SGIO, () -> im.putv(sg));
        ScatterGather sg2 = new ScatterGather(im, 0).add(new IoVec.Local(local, 0, 0, 64));
        assertRsmError(RsmError.BAD_SGIO, () -> im.getv(sg2));
    }

    @Test
    void existingExplicitMappingDoesNotFaultAndStoresAreDiscarded() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        MemorySegment m = im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
        m.set(ValueLayout.JAVA_INT, 0, 7);
        e.segment().unpublish();
        assertDoesNotThrow(() -> m.set(ValueLayout.JAVA_INT, 4, 8), "the mapping is remapped to trash");
        assertDoesNotThrow(() -> m.get(ValueLayout.JAVA_INT, 0));
        assertEquals(0, e.memory().get(ValueLayout.JAVA_INT, 4), "stores after the disconnect are discarded");
        // disconnect of a forcibly disconnected, explicitly mapped segment: unmap first
        assertRsmOk(im::unmap);
        assertRsmOk(im::disconnect);
    }

    @Test
    void reconnectAfterPublishingAgainWorks() throws Exception {
        Exported e = exported();
        RsmLibrary q = tc.process(2);
        ImportSegment im = connectReady(q, e, Rsm.PERM_RDWR);
        e.segment().unpublish();
        assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> connect(q, "emu0", e, Rsm.PERM_RDWR));
        assertRsmError(RsmError.CONN_ABORTED, () -> im.put8(0, new byte[1], 1));
        im.disconnect();
        e.segment().publish(e.id(), null);
        ImportSegment again = connectReady(q, e, Rsm.PERM_RDWR);
        again.put32(0, new int[] { 99 }, 1);
        assertEquals(99, e.memory().get(ValueLayout.JAVA_INT, 0));
        // the old handle stays dead: it was freed by disconnect
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.put8(0, new byte[1], 1));
    }

    @Test
    void aSecondImportOnTheSameNodeIsAlsoDisconnected() throws Exception {
        Exported e = exported();
        ImportSegment a = connectReady(tc.process(2), e, Rsm.PERM_RDWR);
        ImportSegment b = connectReady(tc.process(2), e, Rsm.PERM_READ);
        ImportSegment c = connectReady(tc.process(1), e, Rsm.PERM_READ);
        e.segment().unpublish();
        for (ImportSegment im : new ImportSegment[] { a, b, c }) {
            assertRsmError(RsmError.CONN_ABORTED, () -> im.get8(0, new byte[1], 1));
        }
    }

    @Test
    void processCloseOfTheExporterIsSeenWithinOneSecondAndNewConnectsFail() throws Exception {
        Exported e = exported();
        RsmLibrary q = tc.process(2);
        ImportSegment im = connectReady(q, e, Rsm.PERM_RDWR);
        e.process().close();
        long deadline = System.nanoTime() + 1_000_000_000L;
        RsmError last = null;
        while (System.nanoTime() < deadline) {
            try {
                im.put8(0, new byte[1], 1);
            } catch (org.rsmworkbench.rsmapi.RsmException ex) {
                last = ex.error();
                if (last == RsmError.CONN_ABORTED) {
                    break;
                }
            }
            Thread.sleep(20);
        }
        assertEquals(RsmError.CONN_ABORTED, last, "forced disconnect within 1 s of RsmLibrary.close()");
        assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> connect(q, "emu0", e, Rsm.PERM_RDWR));
        assertRsmOk(im::disconnect);
    }

    @Test
    void signalPostToARevokedSegmentDoesNotReachTheExporter() throws Exception {
        Exported e = exported();
        ImportSegment im = connectReady(tc.process(2), e, Rsm.PERM_RDWR);
        e.segment().unpublish();
        Consumer<Object> ignore = _ -> { };
        try {
            im.signalPost(0);
        } catch (org.rsmworkbench.rsmapi.RsmException ex) {
            ignore.accept(ex); // the call may fail or succeed (RSMAPI.md §5.3); the event must be dropped
        }
        e.segment().publish(e.id(), null);
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
    }
}
