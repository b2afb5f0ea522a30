// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.ClusterWaits.Call;
import org.rsmworkbench.emulator.ClusterWaits.SegmentName;
import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.ClusterWaits.Waker;
import org.rsmworkbench.emulator.DeadlockWatch;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.WaitForAnalysis;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * The wait-for analysis and the persistence of deadlocks, on waits made up (process serial = node id * 10), and the waits
 * of a cluster whose distributed registry holds some.
 */
class DeadlockAnalysisTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    /** Far longer than a background read of a registry that answers at once. */
    private static final Duration READ = Duration.ofSeconds(10);

    /** The wait of the process of {@code node}, woken only by the processes of {@code wakers}. */
    private static Wait wait(int node, Verdict verdict, int... wakers) {
        return wait(node, 1, 0, verdict, wakers);
    }

    private static Wait wait(int node, int serial, long blockedSince, Verdict verdict, int... wakers) {
        return new Wait(node * 10, node, serial, Call.SIGNAL_WAIT, List.of(new SegmentName(node, 0x400100)),
                verdict == Verdict.TIMED, new CallSite("Ring", "main", "Ring.java", 40 + node), verdict,
                verdict == Verdict.BLOCKED ? blockedSince : 0,
                Arrays.stream(wakers).mapToObj(n -> new Waker(n * 10, n)).toList());
    }

    private static List<List<Integer>> nodesOf(List<Deadlock> deadlocks) {
        return deadlocks.stream().map(d -> d.waits().stream().map(Wait::node).toList()).toList();
    }

    @Test
    void aWaitOnADeadlockedNodeIsPartOfTheDeadlock() {
        ClusterWaits waits = new ClusterWaits(List.of(wait(3, Verdict.BLOCKED, 1), wait(1, Verdict.BLOCKED, 2),
                wait(2, Verdict.BLOCKED, 1)));
        assertEquals(List.of(List.of(1, 2, 3)), nodesOf(WaitForAnalysis.deadlocks(waits)));
    }

    @Test
    void aWakerThatIsNotBlockedEndsTheChainOfWaitsOnIt() {
        for (Verdict notBlocked : List.of(Verdict.TIMED, Verdict.EVENT_PENDING, Verdict.THREAD_RUNNING, Verdict.UNKNOWN)) {
            ClusterWaits waits = new ClusterWaits(List.of(wait(1, Verdict.BLOCKED, 2), wait(2, Verdict.BLOCKED, 3),
                    wait(3, notBlocked, 1)));
            assertEquals(List.of(), WaitForAnalysis.deadlocks(waits), notBlocked.toString());
        }
        ClusterWaits withARunningWaker = new ClusterWaits(List.of(wait(1, Verdict.BLOCKED, 2), wait(2, Verdict.BLOCKED, 1, 4)));
        assertEquals(List.of(), WaitForAnalysis.deadlocks(withARunningWaker), "node 4 runs: it may post to node 2");
    }

    @Test
    void twoCyclesApartAreTwoDeadlocks() {
        ClusterWaits waits = new ClusterWaits(List.of(wait(4, Verdict.BLOCKED, 5), wait(2, Verdict.BLOCKED, 1),
                wait(5, Verdict.BLOCKED, 4), wait(1, Verdict.BLOCKED, 2), wait(3, Verdict.BLOCKED)));
        assertEquals(List.of(List.of(1, 2), List.of(4, 5)), nodesOf(WaitForAnalysis.deadlocks(waits)));
    }

    /**
     * A launch's cluster adds the waits that node JVMs with files of their own published in its distributed registry to
     * those of its files, as the registry's last read (in the background) found them: the launcher's and the IDE's
     * deadlock detection find their cycle; a registry that does not answer leaves the files' waits.
     */
    @Test
    void theWaitsPublishedInTheRegistryOfADistributedClusterAreTheClustersToo() throws Exception {
        ClusterWaits published = new ClusterWaits(List.of(wait(1, Verdict.BLOCKED, 2), wait(2, Verdict.BLOCKED, 1)));
        AtomicBoolean answering = new AtomicBoolean(true);
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            assertEquals(List.of(), cluster.waits().waits(), "nobody waits in the files");
            cluster.addRegistry(registryPublishing(() -> {
                if (!answering.get()) {
                    throw new IllegalStateException("the registry does not answer");
                }
                return published;
            }));
            assertTrue(waitFor(() -> cluster.waits().waits().equals(published.waits()), READ), () -> "read: " + cluster.waits());
            assertEquals(List.of(List.of(1, 2)), nodesOf(WaitForAnalysis.deadlocks(cluster.waits())));
            assertTrue(cluster.waits().complete(), "every wait read");
            answering.set(false);
            assertTrue(waitFor(() -> cluster.waits().waits().isEmpty(), READ),
                    () -> "the files' waits alone while the registry does not answer: " + cluster.waits());
            assertFalse(cluster.waits().complete(), "the registry's waits not read");
        }
    }

    /**
     * A read of the registry that could not read every wait there (its {@link ClusterWaits#complete()} false) leaves the
     * cluster's waits not complete either: a cycle missing from them may still be there.
     */
    @Test
    void aRegistryReadThatMissedSomeWaitsMakesTheClustersWaitsIncomplete() throws Exception {
        ClusterWaits inPart = new ClusterWaits(List.of(wait(1, Verdict.BLOCKED, 2)), false);
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            cluster.addRegistry(registryPublishing(() -> inPart));
            List<ClusterWaits> looks = new ArrayList<>();
            assertTrue(waitFor(() -> {
                looks.addFirst(cluster.waits());
                return looks.getFirst().waits().equals(inPart.waits());
            }, READ), () -> "read: " + cluster.waits());
            assertFalse(looks.getFirst().complete(), "a look with the registry's waits read in part");
        }
    }

    /** A launched registry whose only answers are its connect string and its published waits. */
    private static DistributedBackend.LaunchedRegistry registryPublishing(Supplier<ClusterWaits> waits) {
        return (DistributedBackend.LaunchedRegistry) Proxy.newProxyInstance(DeadlockAnalysisTest.class.getClassLoader(),
                new Class<?>[] {DistributedBackend.LaunchedRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                case "connectString" -> "127.0.0.1:2181/rsm-workbench/test";
                case "waits" -> waits.get();
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theReportHasTheContractsLines() {
        Deadlock deadlock = WaitForAnalysis.deadlocks(new ClusterWaits(List.of(wait(1, Verdict.BLOCKED, 2, 3),
                wait(2, Verdict.BLOCKED, 1), wait(3, Verdict.BLOCKED, 1)))).getFirst();
        assertEquals("""
                DEADLOCK
                  node 1 waits in signalWait on 1:0x400100 at Ring.java:41 (woken only by node 2, 3)
                  node 2 waits in signalWait on 2:0x400100 at Ring.java:42 (woken only by node 1)
                  node 3 waits in signalWait on 3:0x400100 at Ring.java:43 (woken only by node 1)
                """, deadlock.report());
    }

    @Test
    void aDeadlockIsReportedOnceWhenItsLastWaitHasBeenBlockedForThePersistence() {
        DeadlockWatch watch = new DeadlockWatch(Duration.ofSeconds(1));
        long t0 = 1_000 * SECOND;
        ClusterWaits found = new ClusterWaits(List.of(
                wait(1, 7, t0, Verdict.BLOCKED, 2), wait(2, 3, t0 + SECOND / 2, Verdict.BLOCKED, 1)));
        assertEquals(List.of(), watch.observe(found, t0 + SECOND));
        assertEquals(WaitForAnalysis.deadlocks(found), watch.observe(found, t0 + SECOND / 2 + SECOND));
        assertEquals(List.of(), watch.observe(found, t0 + 3 * SECOND), "reported once");
        ClusterWaits anotherWait = new ClusterWaits(List.of(
                wait(1, 8, t0 + 3 * SECOND, Verdict.BLOCKED, 2), wait(2, 3, t0 + SECOND / 2, Verdict.BLOCKED, 1)));
        assertEquals(List.of(), watch.observe(anotherWait, t0 + 3 * SECOND + SECOND / 2), "node 1 waits anew");
        assertEquals(WaitForAnalysis.deadlocks(anotherWait), watch.observe(anotherWait, t0 + 4 * SECOND));
    }

    /**
     * A look that could not read every wait (a registry that did not answer) cannot tell that a deadlock ended: one
     * reported lasts through it, not reported again, until a look that read every wait lacks it; nor does such a look
     * hold back the report of one not reported yet.
     */
    @Test
    void aLookThatCouldNotReadEveryWaitEndsNoDeadlock() {
        DeadlockWatch watch = new DeadlockWatch(Duration.ofSeconds(1));
        long t0 = 1_000 * SECOND;
        ClusterWaits deadlocked = new ClusterWaits(List.of(wait(1, 7, t0, Verdict.BLOCKED, 2), wait(2, 3, t0, Verdict.BLOCKED, 1)));
        ClusterWaits unread = new ClusterWaits(List.of(), false);
        List<Deadlock> deadlock = WaitForAnalysis.deadlocks(deadlocked);
        assertEquals(List.of(), watch.observe(deadlocked, t0));
        assertEquals(List.of(), watch.observe(unread, t0 + SECOND / 2));
        assertEquals(deadlock, watch.observe(deadlocked, t0 + SECOND), "its waits blocked for the persistence");
        assertEquals(List.of(), watch.observe(unread, t0 + 2 * SECOND));
        assertEquals(deadlock, watch.lasting(), "not read is not ended");
        assertEquals(List.of(), watch.observe(deadlocked, t0 + 3 * SECOND), "reported once");
        assertEquals(List.of(), watch.observe(new ClusterWaits(List.of()), t0 + 4 * SECOND));
        assertEquals(List.of(), watch.lasting(), "ended: every wait was read, its waits are not there");
    }
}
