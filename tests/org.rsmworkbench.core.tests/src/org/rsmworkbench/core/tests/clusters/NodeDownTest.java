// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.core.clusters.NodePrograms;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * A killed node stays in the Clusters view's model as down, with how its program ended, until it is restarted; the
 * faults a view injects go through the cluster's injector, which logs them with the view as their source.
 */
class NodeDownTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RunningClusters registry;
    private RunningCluster entry;
    private final List<String> console = new ArrayList<>();
    private final List<Integer> programsStartedAgain = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = new RunningClusters();
        entry = registry.addLaunched(tc.cluster(), "demo",
                new FaultInjector(tc.cluster(), console::add).restartPrograms(programsStartedAgain::add));
    }

    @AfterEach
    void stop() {
        registry.removeAll();
    }

    private NodeItem node(int id) {
        return (NodeItem) ClusterTree.build(entry, tc.cluster().state()).children().get(id - 1);
    }

    @Test
    void aProgramRunsEndsAndRunsAgainAfterARestart() {
        NodePrograms programs = new NodePrograms();
        assertNull(programs.of(2));
        programs.started(2, 100);
        assertEquals(new NodePrograms.Program(100, null, 1), programs.of(2));
        assertEquals("running (pid 100)", programs.of(2).describe());
        long version = programs.version();
        programs.exited(2, 100, 137);
        assertTrue(programs.version() > version);
        assertEquals("exited with status 137 (killed)", programs.of(2).describe());
        programs.started(2, 200);
        programs.exited(2, 100, 137); // the old JVM's end, reported late, does not end the new one
        assertEquals(new NodePrograms.Program(200, null, 2), programs.of(2));
        assertEquals("started again (pid 200)", programs.of(2).describe());
        programs.exited(2, 200, 0);
        assertEquals("exited with status 0", programs.of(2).describe());
        assertEquals(" (terminated)", NodePrograms.explain(143));
    }

    @Test
    void aKilledNodeStaysShownDownWithItsExitStatusUntilItIsRestarted() {
        entry.programs().started(2, 4242);
        assertEquals("node 2 (node2) up", node(2).label(), "a running program goes without saying");
        assertFalse(node(2).down());

        FaultInjector.Result kill = entry.inject(new Fault.KillNode(2), "Clusters view");
        assertTrue(kill.applied());
        assertTrue(kill.line().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} kill node 2 \\(Clusters view\\)"), kill.line());
        assertEquals(List.of(kill.line()), console);
        assertEquals("node 2 (node2) DOWN", node(2).label(), "down; its JVM has not ended yet");
        assertTrue(node(2).down());
        entry.programs().exited(2, 4242, 137);
        assertEquals("node 2 (node2) DOWN, program exited with status 137 (killed)", node(2).label());
        assertEquals(3, ClusterTree.build(entry, tc.cluster().state()).children().size(), "the node stays in the tree");

        assertTrue(entry.inject(new Fault.RestartNode(2), "Clusters view").applied());
        assertEquals(List.of(2), programsStartedAgain, "the launch starts the node's program again");
        assertTrue(console.getLast().endsWith(" restart node 2 (Clusters view)"), console.toString());
        assertEquals("node 2 (node2) up, program exited with status 137 (killed)", node(2).label(),
                "up, its new program not started yet");
        assertFalse(node(2).down());
        entry.programs().started(2, 4343);
        assertEquals("node 2 (node2) up, program started again (pid 4343)", node(2).label());
    }

    @Test
    void theEndOfAProgramIsAChangeForTheViewsEvenWhenTheClusterDidNotChange() {
        ClusterPoller poller = new ClusterPoller(registry);
        poller.poll();
        assertFalse(poller.poll().changed());
        entry.programs().started(3, 77);
        assertTrue(poller.poll().changed(), "a program started");
        entry.programs().exited(3, 77, 1);
        ClusterPoller.Update update = poller.poll();
        assertTrue(update.changed(), "a program ended");
        assertEquals(List.of(entry), update.changedClusters());
        assertFalse(poller.poll().changed());
    }

    @Test
    void anAttachedClusterAppliesFaultsWithoutALaunch() throws Exception {
        RunningClusters other = new RunningClusters();
        try (EmulatedCluster watched = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            RunningCluster attached = other.attach(watched.directory());
            assertTrue(attached.inject(new Fault.KillNode(2), "Clusters view").applied());
            assertFalse(watched.state().nodes().get(1).up());
            assertTrue(attached.inject(new Fault.RestartNode(2), "Clusters view").applied());
            assertTrue(watched.state().nodes().get(1).up(), "up again, empty: nothing starts a program there");
            other.removeAll();
        }
    }
}
