// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
     * A segment's first importer posts on its counter's lane, the others on its shared word ({@code Registry.Events}), and
     * threads of one process post on one connection's lane at once: every post is one event.
     */
    @Test
    void everyPostOfEveryImporterAndThreadIsOneEvent() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        List<ImportSegment> imports = new ArrayList<>();
        for (int process = 0; process < 3; process++) {
            imports.add(connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR));
        }
        // two threads on each connection: the lane's holder among them
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
        for (int consumed = 0; consumed < 2 * imports.size() * postsPerThread; consumed++) {
            assertRsmOk(() -> e.segment().signalWait(0));
        }
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
    }

    /**
     * Two threads post on one connection's lane at once, round after round: its last store must be the count of both
     * posts (a thread that counted first may store after the other).
     */
    @Test
    void twoThreadsPostingOnOneLaneAtOnceAreTwoEvents() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        ImportSegment im = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        int rounds = 20_000;
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Void> poster = () -> {
            for (int round = 0; round < rounds; round++) {
                together.await();
                im.signalPost(0);
                together.await(); // the round's events are consumed before the next round posts
            }
            return null;
        };
        ExecutorService posters = Executors.newFixedThreadPool(1);
        try {
            Future<Void> other = posters.submit(poster);
            for (int round = 0; round < rounds; round++) {
                together.await();
                im.signalPost(0);
                assertRsmOk(() -> e.segment().signalWait(1000));
                assertRsmOk(() -> e.segment().signalWait(1000));
                together.await();
            }
            other.get();
        } finally {
            posters.shutdownNow();
        }
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
    }

    /**
     * Counters are not reset (a late post of a connection gone must not count as many events): a connection that takes
     * over a counter's lane, or a connection record with its counter, starts from what they hold.
     */
    @Test
    void aConnectionThatTakesOverALaneOrACounterGetsOnlyItsOwnEvents() throws Exception {
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
        ImportSegment next = connect(tc.process(2), "emu0", e, Rsm.PERM_RDWR);
        assertRsmError(RsmError.TIMEOUT, () -> next.signalWait(0));
        next.signalPost(0);
        next.signalPost(0);
        e.segment().signalPost(0);
        assertRsmOk(() -> e.segment().signalWait(0));
        assertRsmOk(() -> e.segment().signalWait(0));
        assertRsmError(RsmError.TIMEOUT, () -> e.segment().signalWait(0));
        assertRsmOk(() -> next.signalWait(0));
        assertRsmError(RsmError.TIMEOUT, () -> next.signalWait(0));
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
