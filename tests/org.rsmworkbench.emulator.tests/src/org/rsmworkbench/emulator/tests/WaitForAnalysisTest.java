// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.ClusterWaits.Call;
import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.DeadlockWatch;
import org.rsmworkbench.emulator.WaitForAnalysis;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.NodeThreads;
import org.rsmworkbench.tests.support.NodeThreads.Node;
import org.rsmworkbench.tests.support.TestUtils;

/** Wait tracking and the wait-for analysis on in-JVM clusters, the node programs on {@link NodeThreads}. */
class WaitForAnalysisTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String FILE = "WaitForAnalysisTest.java";

    @RegisterExtension
    final EmulatedClusterExtension cluster = EmulatedClusterExtension.start(5);
    private NodeThreads nodes;

    @BeforeEach
    void nodes() {
        nodes = new NodeThreads(cluster.cluster(), EmulatedClusterExtension.USER);
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        nodes.close();
    }

    @Test
    void twoNodesWaitingForEachOtherAreADeadlockWithTheirLinesAndWakers() throws Exception {
        AtomicInteger exportLine = new AtomicInteger();
        AtomicInteger importLine = new AtomicInteger();
        nodes.run(List.of(1, 2), node -> {
            ImportSegment other = node.connect(node.id() == 1 ? 2 : 1);
            if (node.id() == 1) {
                exportLine.set(nextLine());
                node.mailbox().signalWait(-1);
            } else {
                importLine.set(nextLine());
                other.signalWait(-1);
            }
        });
        Deadlock deadlock = awaitOneDeadlock();
        assertEquals(List.of(1, 2), deadlock.waits().stream().map(Wait::node).toList());
        Wait first = deadlock.waits().get(0);
        Wait second = deadlock.waits().get(1);
        assertEquals(List.of(nodes.mailbox(1)), first.segments());
        assertEquals(List.of(nodes.mailbox(1)), second.segments(), "node 2 waits on its import of node 1's mailbox");
        assertEquals(Set.of(2), first.wakerNodes());
        assertEquals(Set.of(1), second.wakerNodes());
        assertEquals(Call.SIGNAL_WAIT, first.call());
        assertEquals(FILE, first.site().file());
        assertEquals(exportLine.get(), first.site().line());
        assertEquals(importLine.get(), second.site().line());
        assertEquals(List.of(
                "  node 1 waits in signalWait on " + nodes.mailbox(1) + " at " + FILE + ":" + exportLine + " (woken only by node 2)",
                "  node 2 waits in signalWait on " + nodes.mailbox(1) + " at " + FILE + ":" + importLine + " (woken only by node 1)"),
                deadlock.lines());
    }

    @Test
    void aCycleOfThreeOfFiveIsFoundWhileTheOtherTwoWork() throws Exception {
        List<Integer> ring = List.of(2, 3, 5);
        nodes.run(List.of(1, 2, 3, 4, 5), node -> {
            if (ring.contains(node.id())) {
                node.connect(ring.get((ring.indexOf(node.id()) + 1) % ring.size()));
                node.mailbox().signalWait(-1);
            } else {
                pingPong(node, node.id() == 1 ? 4 : 1);
            }
        });
        Deadlock deadlock = awaitOneDeadlock();
        assertEquals(List.of(2, 3, 5), deadlock.waits().stream().map(Wait::node).toList());
        assertEquals(List.of(Set.of(5), Set.of(2), Set.of(3)), deadlock.waits().stream().map(Wait::wakerNodes).toList());
    }

    /** A thread waiting without a timeout can be woken only by a thread of its process (here the test stands in). */
    @Test
    void aThreadWaitingWithoutATimeoutCannotEndAWait() throws Exception {
        CyclicBarrier checked = new CyclicBarrier(2);
        waitForAThreadThatPostsAfter(checked::await);
        awaitWaits(waits -> verdict(waits, 1) == Verdict.BLOCKED && verdict(waits, 2) == Verdict.BLOCKED);
        // the poster waits on the barrier without a timeout: to the probe it cannot act, so the cycle shows...
        assertEquals(1, WaitForAnalysis.deadlocks(cluster.cluster().waits()).size());
        checked.await();
        // ...and it posts, ending both waits
        awaitWaits(waits -> waits.waits().isEmpty());
    }

    @Test
    void aThreadSleepingBeforeItPostsKeepsItsProcessOutOfADeadlock() throws Exception {
        waitForAThreadThatPostsAfter(() -> Thread.sleep(3_000));
        awaitWaits(waits -> verdict(waits, 1) == Verdict.BLOCKED && verdict(waits, 2) == Verdict.THREAD_RUNNING);
        assertEquals(List.of(), WaitForAnalysis.deadlocks(cluster.cluster().waits()));
        awaitWaits(waits -> waits.waits().isEmpty());
    }

    /**
     * Node 1 waits for a signal, then posts to node 2; node 2 waits for that post while a thread of it posts to node 1
     * once {@code beforePost} has returned: the two waits end only through that thread.
     */
    private void waitForAThreadThatPostsAfter(Executable beforePost) {
        nodes.run(List.of(1, 2), node -> {
            ImportSegment other = node.connect(node.id() == 1 ? 2 : 1);
            if (node.id() == 1) {
                node.mailbox().signalWait(-1);
                node.mailbox().signalPost(0);
            } else {
                Thread poster = new Thread(() -> {
                    try {
                        beforePost.execute();
                        other.signalPost(0);
                    } catch (Throwable e) {
                        nodes.failed(e);
                    }
                });
                poster.start();
                other.signalWait(-1);
            }
        });
    }

    @Test
    void waitsWithATimeoutAreNeverADeadlock() throws Exception {
        nodes.run(List.of(1, 2), node -> {
            node.connect(node.id() == 1 ? 2 : 1);
            for (;;) {
                try {
                    node.mailbox().signalWait(200);
                } catch (RsmException e) {
                    if (e.error() != RsmError.TIMEOUT) {
                        throw e;
                    }
                }
            }
        });
        awaitWaits(waits -> verdict(waits, 1) == Verdict.TIMED && verdict(waits, 2) == Verdict.TIMED);
        DeadlockWatch watch = new DeadlockWatch(Duration.ZERO);
        long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < end) {
            ClusterWaits waits = cluster.cluster().waits();
            waits.waits().forEach(w -> assertTrue(w.timed(), w.toString()));
            assertEquals(List.of(), watch.observe(waits, System.nanoTime()));
            Thread.sleep(50);
        }
    }

    @Test
    void aWaitNobodyCanEndYetIsNoDeadlock() throws Exception {
        nodes.run(List.of(1), node -> node.mailbox().signalWait(-1));
        awaitWaits(waits -> verdict(waits, 1) == Verdict.BLOCKED);
        Wait wait = cluster.cluster().waits().waits().getFirst();
        assertEquals(List.of(), wait.wakers(), "a server waiting for clients that have not connected");
        assertEquals(List.of(), WaitForAnalysis.deadlocks(cluster.cluster().waits()));
    }

    @Test
    void aPollfdWaitNamesEverySegmentAndTheirWakers() throws Exception {
        AtomicInteger line = new AtomicInteger();
        nodes.run(List.of(1, 2, 3), node -> {
            if (node.id() == 1) {
                ImportSegment fromTwo = node.connect(2);
                List<PollFd> fds = List.of(node.mailbox().getPollFd(), fromTwo.getPollFd());
                line.set(nextLine());
                node.rsm().signalWaitPollFd(fds, -1);
            } else if (node.id() == 2) {
                node.connect(1);
                node.mailbox().signalWait(-1);
            } else {
                node.connect(1).signalWait(-1);
            }
        });
        Deadlock deadlock = awaitOneDeadlock();
        assertEquals(List.of(1, 2, 3), deadlock.waits().stream().map(Wait::node).toList());
        Wait poll = deadlock.waits().getFirst();
        assertEquals(Call.SIGNAL_WAIT_POLLFD, poll.call());
        assertEquals(List.of(nodes.mailbox(1), nodes.mailbox(2)), poll.segments());
        assertEquals(Set.of(2, 3), poll.wakerNodes(), "node 1's importers 2 and 3, and node 2, the exporter of its import");
        assertEquals(line.get(), poll.site().line());
        assertEquals("  node 1 waits in signalWaitPollFd on " + nodes.mailbox(1) + ", " + nodes.mailbox(2) + " at " + FILE
                + ":" + line + " (woken only by node 2, 3)", deadlock.lines().getFirst());
    }

    private static Verdict verdict(ClusterWaits waits, int node) {
        return waits.waits().stream().filter(w -> w.node() == node).map(Wait::verdict).findFirst().orElse(null);
    }

    private void awaitWaits(Predicate<ClusterWaits> condition) {
        assertTrue(TestUtils.waitFor(() -> condition.test(cluster.cluster().waits()), PATIENCE),
                () -> "waits now: " + cluster.cluster().waits() + nodes.failures());
    }

    private Deadlock awaitOneDeadlock() {
        List<List<Deadlock>> found = new ArrayList<>();
        assertTrue(TestUtils.waitFor(() -> {
            found.addFirst(WaitForAnalysis.deadlocks(cluster.cluster().waits()));
            return !found.getFirst().isEmpty();
        }, PATIENCE), () -> "no deadlock; waits now: " + cluster.cluster().waits() + nodes.failures());
        assertEquals(1, found.getFirst().size(), found.getFirst().toString());
        return found.getFirst().getFirst();
    }

    /** Answers each signal of {@code partner} with one, the first node of the pair starting. */
    private static void pingPong(Node node, int partner) throws Exception {
        ImportSegment peer = node.connect(partner);
        if (node.id() < partner) {
            peer.signalPost(0);
        }
        for (;;) {
            node.mailbox().signalWait(-1);
            Thread.sleep(1);
            peer.signalPost(0);
        }
    }

    /** The line after the caller's. */
    private static int nextLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow()).getLineNumber() + 1;
    }
}
