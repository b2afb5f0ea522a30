// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertEventsPending;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * RSMAPI.md §3.6: each event is consumed once, by one wait, and belongs to the segment or connection it was posted
 * to. (The emulator shares only the count of posted events; each handle counts in its JVM what it consumed.)
 */
@DisplayName("§3.6 signal counts")
@Timeout(30)
class SignalCountTest {

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);


    @Test
    void eventsOfADestroyedSegmentDoNotReachTheNextOne() throws Exception {
        RsmLibrary exporter = tc.process(1);
        RsmLibrary importer = tc.process(2);
        for (int segment = 0; segment < 3; segment++) {
            Exported e = publish(exporter, PAGE, null);
            ImportSegment im = connect(importer, "emu0", e, Rsm.PERM_RDWR);
            assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
            assertRsmError(RsmError.TIMEOUT, () -> im.signalWait(0));
            for (int i = 0; i < 3; i++) {
                im.signalPost(0);
                e.segment().signalPost(0);
            }
            // one of three consumed on each side: two are left behind when the segment goes
            assertRsmOk(() -> e.segment().signalWait(0));
            assertRsmOk(() -> im.signalWait(0));
            im.disconnect();
            e.segment().unpublish();
            e.segment().destroy();
        }
    }

    @Test
    void threadsOfTheConsumingProcessShareItsEvents() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        int events = 20_000;
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = waiters.submit(() -> consumeAll(e));
            Future<Integer> second = waiters.submit(() -> consumeAll(e));
            for (int i = 0; i < events; i++) {
                im.signalPost(0);
            }
            int consumed = first.get() + second.get();
            assertTrue(consumed <= events, consumed + " events consumed of " + events + " posted");
            for (; consumed < events; consumed++) {
                assertRsmOk(() -> e.segment().signalWait(1000));
            }
            assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
        } finally {
            waiters.shutdownNow();
        }
    }

    /**
     * Three importers of one JVM post on the lane of the segment's counter ({@code Registry.Events}), two threads each at
     * once: every post is one event.
     */
    @Test
    void everyPostOfEveryImporterAndThreadIsOneEvent() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        List<ImportSegment> imports = new ArrayList<>();
        for (int connection = 0; connection < 3; connection++) {
            imports.add(connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR));
        }
        int postsPerThread = 20_000;
        ExecutorService posters = Executors.newFixedThreadPool(2 * imports.size());
        try {
            List<Future<?>> posting = new ArrayList<>();
            for (ImportSegment im : imports) {
                for (int thread = 0; thread < 2; thread++) {
                    posting.add(posters.submit(() -> {
                        for (int i = 0; i < postsPerThread; i++) {
                            im.signalPost(0);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> done : posting) {
                done.get();
            }
        } finally {
            posters.shutdownNow();
        }
        assertEventsPending(e.segment(), 2 * imports.size() * postsPerThread);
    }

    /**
     * Two threads post on the lane of a segment's counter at the same moment, round after round (both spin on the round's
     * number, then post): the lane's last store must be the count of both posts, though the thread that counted first
     * may store last.
     */
    @Test
    void twoThreadsPostingOnOneLaneAtOnceAreTwoEvents() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        int rounds = 20_000;
        AtomicInteger round = new AtomicInteger();
        ExecutorService posters = Executors.newFixedThreadPool(1);
        try {
            Future<Void> other = posters.submit(() -> {
                for (int next = 1; next <= rounds; next++) {
                    while (round.get() != next) {
                        if (Thread.currentThread().isInterrupted()) {
                            return null; // the test failed: it stops this thread
                        }
                        Thread.onSpinWait();
                    }
                    im.signalPost(0);
                }
                return null;
            });
            for (int next = 1; next <= rounds; next++) {
                round.set(next);
                im.signalPost(0);
                // both of the round's events, before the next round posts
                for (int event = 0; event < 2; event++) {
                    try {
                        e.segment().signalWait(1000);
                    } catch (RsmException missing) {
                        if (other.isDone()) {
                            other.get(); // the other poster's failure, if it failed
                        }
                        throw missing;
                    }
                }
            }
            other.get();
        } finally {
            posters.shutdownNow();
        }
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
    }

    /**
     * Two threads of an exporter post to an importer while other importers connect and disconnect, so that the exporter
     * reads its importers again and again: its JVM's count of its posts on each connection's lane holds over them.
     */
    @Test
    void anExportersPostsWhileItsImportersChangeAreEachOneEvent() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        RsmLibrary importer = tc.process(2);
        ImportSegment im = connect(importer, "emu0", e, Rsm.PERM_RDWR);
        int postsPerThread = 20_000;
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> churn = threads.submit(() -> {
                while (posting.get()) {
                    connect(importer, "emu0", e, Rsm.PERM_RDWR).disconnect();
                }
                return null;
            });
            try {
                List<Future<?>> posters = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    posters.add(threads.submit(() -> {
                        for (int i = 0; i < postsPerThread; i++) {
                            e.segment().signalPost(0);
                        }
                        return null;
                    }));
                }
                for (Future<?> done : posters) {
                    done.get();
                }
            } finally {
                posting.set(false);
            }
            churn.get();
        } finally {
            threads.shutdownNow();
        }
        assertEventsPending(im, 2 * postsPerThread);
    }

    /**
     * Counters are not reset (a late post of a connection gone must not count as many events): a connection made in the
     * slot of one gone, with events left in its counter, gets only its own events, and the segment only the new
     * connection's.
     */
    @Test
    void aConnectionMadeAfterAnotherLeftGetsOnlyItsOwnEvents() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment first = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        for (int i = 0; i < 5; i++) {
            first.signalPost(0);
            e.segment().signalPost(0); // left unconsumed in the first connection's counter
        }
        for (int i = 0; i < 5; i++) {
            assertRsmOk(() -> e.segment().signalWait(0));
        }
        first.disconnect();
        // the emulator reuses the lowest free connection slot: the next connection's record is the first one's
        ImportSegment next = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        assertEventsPending(next, 0);
        next.signalPost(0);
        next.signalPost(0);
        e.segment().signalPost(0);
        assertEventsPending(e.segment(), 2);
        assertEventsPending(next, 1);
    }

    /** A wait on a connection that another thread disconnects ends with BAD_SEG_HNDL (it took no event of the slot's next). */
    @Test
    void aWaitOnAConnectionThatAnotherThreadDisconnectsEnds() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Void> waiting = waiter.submit(() -> {
                assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.signalWait(-1));
                return null;
            });
            Thread.sleep(200); // asleep by now: past its spin
            im.disconnect();
            waiting.get(10, TimeUnit.SECONDS);
        } finally {
            waiter.shutdownNow();
        }
    }

    /** Consumes events until none arrives for 100 ms: how many it consumed. */
    private static int consumeAll(Exported e) throws Exception {
        int consumed = 0;
        try {
            for (;;) {
                e.segment().signalWait(100);
                consumed++;
            }
        } catch (RsmException end) {
            if (end.error() != RsmError.TIMEOUT) {
                throw end;
            }
            return consumed;
        }
    }
}
