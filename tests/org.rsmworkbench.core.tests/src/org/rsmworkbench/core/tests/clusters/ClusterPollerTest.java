// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.StateTracker;
import org.rsmworkbench.core.clusters.ToldDeadlocks;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.emulator.WatchedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.NodeThreads;
import org.rsmworkbench.tests.support.TestUtils;

/**
 * Live refresh: a poll reports a change only when a cluster was added, removed, its version moved or the waits of its
 * processes changed; and it finds deadlocks among those waits.
 */
class ClusterPollerTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RunningClusters registry;
    private ClusterPoller poller;

    @BeforeEach
    void start() throws Exception {
        registry = new RunningClusters();
        poller = new ClusterPoller(registry);
    }

    @AfterEach
    void stop() {
        registry.removeAll();
    }

    @Test
    void unchangedClusterGivesNoUpdate() {
        assertFalse(poller.poll().changed(), "nothing registered");
        RunningCluster entry = registry.addLaunched(tc.cluster(), null);
        ClusterPoller.Update first = poller.poll();
        assertTrue(first.changed());
        assertEquals(List.of(entry), first.changedClusters());
        for (int i = 0; i < 5; i++) {
            ClusterPoller.Update again = poller.poll();
            assertFalse(again.changed(), "poll " + i + " saw a change where there was none");
            assertEquals(1, again.states().size());
        }
    }

    @Test
    void aDeadlockIsInTheUpdateAndUnderTheWaitingProcessesInTheTree() throws Exception {
        RunningCluster entry = registry.addLaunched(tc.cluster(), null);
        try (NodeThreads nodes = new NodeThreads(tc.cluster(), EmulatedClusterExtension.USER)) {
            nodes.run(List.of(1, 2), node -> {
                node.connect(node.id() == 1 ? 2 : 1);
                node.mailbox().signalWait(-1);
            });
            List<ClusterPoller.Update> updates = new ArrayList<>();
            assertTrue(TestUtils.waitFor(() -> {
                updates.addFirst(poller.poll());
                return !updates.getFirst().waits().get(entry).deadlocks().isEmpty();
            }, Duration.ofSeconds(30)), () -> "no deadlock; waits: " + updates.getFirst().waits() + nodes.failures());
            ClusterPoller.Update update = updates.getFirst();
            assertTrue(update.changed(), "a deadlock found is a change");
            assertEquals(List.of(1, 2), update.waits().get(entry).deadlocks().getFirst().waits().stream()
                    .map(ClusterWaits.Wait::node).toList());
            ClusterTree.ClusterItem tree = ClusterTree.build(entry, update.states().get(entry), update.waits().get(entry), null);
            List<String> waits = new ArrayList<>();
            collectWaits(tree, waits);
            assertEquals(List.of("waits in signalWait on " + nodes.mailbox(1) + " at ClusterPollerTest.java:" + WAIT_LINE
                    + ", can be woken by node 2: DEADLOCK", "waits in signalWait on " + nodes.mailbox(2)
                    + " at ClusterPollerTest.java:" + WAIT_LINE + ", can be woken by node 1: DEADLOCK"), waits);
            assertFalse(poller.poll().changed(), "the deadlock lasts: nothing changes");
        }
    }

    /** The line of the wait of the deadlock test's node programs. */
    private static final int WAIT_LINE = 78;

    private static void collectWaits(ClusterTree.Item item, List<String> labels) {
        if (item instanceof ClusterTree.WaitItem wait) {
            labels.add(wait.label());
        }
        item.children().forEach(child -> collectWaits(child, labels));
    }

    @Test
    void eachKindOfChangeIsSeen() throws Exception {
        RunningCluster entry = registry.addLaunched(tc.cluster(), null);
        poller.poll();
        tc.cluster().killNode(2);
        ClusterPoller.Update killed = poller.poll();
        assertTrue(killed.changed());
        assertFalse(killed.states().get(entry).nodes().get(1).up());
        assertFalse(poller.poll().changed());
        tc.cluster().setLink(1, "emu0", 3, "emu0", false);
        assertTrue(poller.poll().changed());
        try (RsmLibrary process = tc.process(1, new Credentials(7, 7, Set.of(), 022, false))) {
            assertTrue(poller.poll().changed(), "a new process");
            MemorySegment memory = process.allocate(4096);
            process.getController("emu0").createExportSegment(memory, 0).publish(0x400040, List.of());
            ClusterPoller.Update published = poller.poll();
            assertTrue(published.changed());
            assertEquals(1, published.states().get(entry).segments().size());
            assertEquals(1, poller.history(entry).events().size());
        }
        registry.remove(entry);
        ClusterPoller.Update removed = poller.poll();
        assertTrue(removed.changed());
        assertTrue(removed.states().isEmpty());
    }

    @Test
    void stoppedAttachedClusterIsPruned() throws Exception {
        EmulatedCluster other = EmulatedCluster.start(ClusterSpec.fullyConnected(1));
        registry.attach(other.directory());
        assertEquals(1, poller.poll().states().size());
        other.close();
        ClusterPoller.Update update = poller.poll();
        assertTrue(update.changed());
        assertTrue(update.states().isEmpty());
        assertTrue(registry.clusters().isEmpty());
    }

    @Test
    void trackerAcceptsOnlyNewVersions() {
        StateTracker tracker = new StateTracker();
        var state = tc.cluster().state();
        assertTrue(tracker.accept(state));
        assertFalse(tracker.accept(state));
        assertFalse(tracker.accept(tc.cluster().state()));
        tc.cluster().killNode(1);
        assertTrue(tracker.accept(tc.cluster().state()));
    }

    /** The test's cluster, whose waits the test makes unreadable for a while, as a distributed registry that does not answer. */
    private static final class Unanswering implements WatchedCluster {
        private final EmulatedCluster cluster;
        private volatile boolean answering = true;

        Unanswering(EmulatedCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public String location() {
            return cluster.location();
        }

        @Override
        public ClusterSpec spec() {
            return cluster.spec();
        }

        @Override
        public ClusterState state() {
            return cluster.state();
        }

        @Override
        public ClusterWaits waits() {
            return answering ? cluster.waits() : new ClusterWaits(List.of(), false);
        }

        @Override
        public boolean isGone() {
            return cluster.isGone();
        }

        @Override
        public void close() {
            // the cluster is the test's, not this handle's
        }
    }

    /**
     * The deadlocks as the product tells one from another ({@link Deadlock#key()}): what a look says of their waits besides
     * (a call site found later, the order of wakers) may differ from one look to the next.
     */
    private static List<Set<List<Integer>>> keys(List<Deadlock> deadlocks) {
        return deadlocks.stream().map(Deadlock::key).toList();
    }

    /**
     * A look that could not read the waits (a registry's hiccup) does not end a deadlock that lasts: the poll keeps it, so it
     * is told once, not again once the waits are read again.
     */
    @Test
    void aDeadlockLastsThroughALookThatCouldNotReadTheWaitsAndIsToldOnce() throws Exception {
        Unanswering watched = new Unanswering(tc.cluster());
        RunningCluster entry = registry.attach(watched);
        ToldDeadlocks told = new ToldDeadlocks();
        List<Deadlock> toldNow = new ArrayList<>();
        try (NodeThreads nodes = new NodeThreads(tc.cluster(), EmulatedClusterExtension.USER)) {
            nodes.run(List.of(1, 2), node -> {
                node.connect(node.id() == 1 ? 2 : 1);
                node.mailbox().signalWait(-1);
            });
            assertTrue(TestUtils.waitFor(() -> {
                List<Deadlock> lasting = poller.poll().waits().get(entry).deadlocks();
                toldNow.addAll(told.untold(lasting));
                return !lasting.isEmpty();
            }, Duration.ofSeconds(30)), () -> "no deadlock; " + nodes.failures());
            List<Set<List<Integer>>> deadlock = keys(toldNow);
            watched.answering = false;
            ClusterPoller.Waits unread = poller.poll().waits().get(entry);
            assertFalse(unread.waits().complete());
            assertEquals(deadlock, keys(unread.deadlocks()), "not read is not ended");
            toldNow.addAll(told.untold(unread.deadlocks()));
            watched.answering = true;
            ClusterPoller.Waits readAgain = poller.poll().waits().get(entry);
            assertEquals(deadlock, keys(readAgain.deadlocks()));
            toldNow.addAll(told.untold(readAgain.deadlocks()));
            assertEquals(deadlock, keys(toldNow), "told once");
        }
    }
}
