// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/** RSMAPI.md §3.6 (events and polling) inside one JVM. */
@DisplayName("§3.6 signals and polling")
@Timeout(30)
class SignalTest {

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);

    private static Exported exported() throws Exception {
        return publish(tc.process(1), PAGE, null);
    }

    @Test
    void importerPostWakesTheExporter() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        im.signalPost(0);
        assertRsmOk(() -> e.segment().signalWait(1000));
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
    }

    @Test
    void eventsAccumulateAsACounter() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_READ);
        im.signalPost(0);
        im.signalPost(0);
        im.signalPost(Rsm.SIGPOST_NO_ACCUMULATE); // accepted and ignored
        for (int i = 0; i < 3; i++) {
            assertRsmOk(() -> e.segment().signalWait(0));
        }
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
    }

    @Test
    void exporterPostReachesEveryImporter() throws Exception {
        Exported e = exported();
        ImportSegment a = connect(tc.process(2), "emu0", e, Rsm.PERM_READ);
        ImportSegment b = connect(tc.process(2), "emu0", e, Rsm.PERM_READ);
        ImportSegment c = connect(tc.process(3), "emu0", e, Rsm.PERM_READ);
        ImportSegment local = connect(tc.process(1), "loopback", e, Rsm.PERM_READ);
        e.segment().signalPost(0);
        for (ImportSegment im : new ImportSegment[] { a, b, c, local }) {
            assertRsmOk(() -> im.signalWait(1000));
            assertRsmError(RsmError.TIMEOUT, () -> im.signalWait(0));
        }
    }

    @Test
    void exporterPostWithoutImportersSucceeds() throws Exception {
        RsmLibrary p = tc.process(1);
        assertRsmOk(() -> TestCluster.create(p, "emu0", PAGE, 0).segment().signalPost(0));
        assertRsmOk(() -> exported().segment().signalPost(0));
    }

    @Test
    void positiveTimeoutWaitsThenTimesOut() throws Exception {
        Exported e = exported();
        long t0 = System.nanoTime();
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(300));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 250, "waited only " + ms + " ms of 300");
        assertTrue(ms < 5000, "waited " + ms + " ms for a 300 ms timeout");
    }

    @Test
    void zeroTimeoutDoesNotBlock() throws Exception {
        Exported e = exported();
        assertTimeoutPreemptively(Duration.ofMillis(500),
                () -> assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0)));
    }

    @Test
    void blockedWaitReturnsWhenAnEventArrives() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_READ);
        CompletableFuture<Object> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                e.segment().signalWait(-1);
                return "ok";
            } catch (RsmException ex) {
                return ex;
            }
        });
        Thread.sleep(200);
        assertFalse(waiter.isDone(), "signalWait(-1) must block until an event arrives");
        im.signalPost(0);
        assertEquals("ok", waiter.get(5, TimeUnit.SECONDS));
    }

    @Test
    void interruptedWaitIsInterruptedAndKeepsTheFlag() throws Exception {
        Exported e = exported();
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                e.segment().signalWait(-1);
                result.set("returned normally");
            } catch (RsmException ex) {
                result.set(ex.error());
            } catch (Throwable th) {
                result.set(th);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "signal-waiter");
        t.start();
        Thread.sleep(200);
        t.interrupt();
        t.join(5000);
        assertFalse(t.isAlive(), "the interrupted wait did not return");
        assertEquals(RsmError.INTERRUPTED, result.get());
        assertTrue(flagAfter.get(), "the thread keeps its interrupt flag");
    }

    @Test
    void interruptedTimedWaitIsInterrupted() throws Exception {
        Exported e = exported();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                e.segment().signalWait(10_000);
                result.set("returned normally");
            } catch (RsmException ex) {
                result.set(ex.error());
            }
        });
        t.start();
        Thread.sleep(200);
        t.interrupt();
        t.join(5000);
        assertEquals(RsmError.INTERRUPTED, result.get());
    }

    @Test
    void postOrWaitOnAFreedHandleIsBadSegHndl() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_READ);
        im.disconnect();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.signalPost(0));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.signalWait(0));
        e.segment().destroy();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> e.segment().signalPost(0));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> e.segment().signalWait(0));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> e.segment().getPollFd());
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> e.segment().releasePollFd());
    }

    // ---------------------------------------------------------------- pollfd

    @Test
    void pollFdIsRefcountedAndBlocksDestroy() throws Exception {
        Exported e = exported();
        PollFd fd = e.segment().getPollFd();
        assertSame(e.segment(), fd.segment());
        e.segment().getPollFd();
        assertRsmError(RsmError.POLLFD_IN_USE, e.segment()::destroy);
        e.segment().releasePollFd();
        assertRsmError(RsmError.POLLFD_IN_USE, e.segment()::destroy);
        e.segment().releasePollFd();
        assertRsmOk(e.segment()::releasePollFd); // at 0: still SUCCESS
        assertRsmOk(e.segment()::destroy);
    }

    @Test
    void pollFdBlocksDisconnect() throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_READ);
        PollFd fd = im.getPollFd();
        assertSame(im, fd.segment());
        assertRsmError(RsmError.POLLFD_IN_USE, im::disconnect);
        im.releasePollFd();
        assertRsmOk(im::disconnect);
    }

    @Test
    void pollFdOfAnUnpublishedSegmentIsAllowed() throws Exception {
        RsmLibrary p = tc.process(1);
        var seg = TestCluster.create(p, "emu0", PAGE, 0).segment();
        assertRsmOk(seg::getPollFd);
        assertRsmOk(seg::releasePollFd);
    }

    @Test
    void waitPollFdOverSeveralSegmentsReportsTheReadyOnes() throws Exception {
        RsmLibrary exporter = tc.process(1);
        Exported s1 = publish(exporter, PAGE, null);
        Exported s2 = publish(exporter, PAGE, null);
        Exported s3 = publish(exporter, PAGE, null);
        RsmLibrary q = tc.process(2);
        ImportSegment i1 = connect(q, "emu0", s1, Rsm.PERM_READ);
        connect(q, "emu0", s2, Rsm.PERM_READ);
        ImportSegment i3 = connect(q, "emu0", s3, Rsm.PERM_READ);
        List<PollFd> fds = List.of(s1.segment().getPollFd(), s2.segment().getPollFd(), s3.segment().getPollFd());
        i1.signalPost(0);
        i1.signalPost(0);
        i3.signalPost(0);
        assertEquals(2, exporter.signalWaitPollFd(fds, 1000));
        assertTrue(fds.get(0).ready());
        assertFalse(fds.get(1).ready());
        assertTrue(fds.get(2).ready());
        // one event of s1 is left; s3's was consumed
        assertEquals(1, exporter.signalWaitPollFd(fds, 1000));
        assertTrue(fds.get(0).ready());
        assertFalse(fds.get(2).ready());
        assertRsmError(RsmError.TIMEOUT, () -> exporter.signalWaitPollFd(fds, 0));
        assertRsmError(RsmError.TIMEOUT, () -> s1.segment().signalWait(0));
    }

    @Test
    void waitPollFdBlocksUntilAnEvent() throws Exception {
        RsmLibrary exporter = tc.process(1);
        Exported s1 = publish(exporter, PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", s1, Rsm.PERM_READ);
        List<PollFd> fds = List.of(s1.segment().getPollFd());
        CompletableFuture<Object> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return exporter.signalWaitPollFd(fds, 10_000);
            } catch (RsmException ex) {
                return ex;
            }
        });
        Thread.sleep(200);
        assertFalse(waiter.isDone());
        im.signalPost(0);
        assertEquals(1, waiter.get(5, TimeUnit.SECONDS));
    }

    @Test
    void waitPollFdTimesOut() throws Exception {
        RsmLibrary exporter = tc.process(1);
        Exported s1 = publish(exporter, PAGE, null);
        List<PollFd> fds = List.of(s1.segment().getPollFd());
        long t0 = System.nanoTime();
        assertRsmError(RsmError.TIMEOUT, () -> exporter.signalWaitPollFd(fds, 300));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) >= 250);
    }

    @Test
    void waitPollFdWithAnEmptyListWaitsThenTimesOut() throws Exception {
        RsmLibrary p = tc.process(1);
        long t0 = System.nanoTime();
        assertRsmError(RsmError.TIMEOUT, () -> p.signalWaitPollFd(List.of(), 300));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 250, "an empty poll returned after " + ms + " ms of 300");
    }

    @Test
    void waitPollFdMixesImportAndExportSegments() throws Exception {
        Exported e = exported();
        RsmLibrary q = tc.process(2);
        ImportSegment im = connect(q, "emu0", e, Rsm.PERM_READ);
        Exported mine = publish(q, PAGE, null);
        ImportSegment back = connect(tc.process(3), "emu0", mine, Rsm.PERM_READ);
        List<PollFd> fds = List.of(im.getPollFd(), mine.segment().getPollFd());
        e.segment().signalPost(0); // to the importer
        back.signalPost(0); // to q's export
        assertEquals(2, q.signalWaitPollFd(fds, 1000));
        assertTrue(fds.get(0).ready() && fds.get(1).ready());
    }
}
