// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/** The fault lines of the cluster console and rsm-launch: time, what was done, where it came from; restarts. */
class FaultInjectorTest {
    /** 12:03:04.512 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T12:03:04.512Z"), ZoneOffset.UTC);

    private EmulatedCluster cluster;
    private final List<String> log = new ArrayList<>();
    private final List<Integer> programsStarted = new ArrayList<>();
    private FaultInjector injector;

    @BeforeEach
    void start() throws Exception {
        cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(3));
        injector = new FaultInjector(cluster, log::add, CLOCK).restartPrograms(programsStarted::add);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aLineSaysWhenWhatAndWhereFrom() {
        assertEquals("12:03:04.512 kill node 2 (Clusters view)",
                FaultInjector.line(LocalTime.of(12, 3, 4, 512_000_000), new Fault.KillNode(2), "Clusters view", null));
        assertEquals("09:00:00.007 take link 1:emu0 - 3:emu0 down (Topology view)", FaultInjector.line(LocalTime.of(9, 0, 0, 7_000_000),
                Fault.parse("link-down:1/emu0-3/emu0"), "Topology view", null));
        assertEquals("09:00:00.000 bring link 1:emu0 - 3:emu0 up (--fault link-up:1/emu0-3/emu0@2000ms)",
                FaultInjector.line(LocalTime.of(9, 0), Fault.parse("link-up:1/emu0-3/emu0"), "--fault link-up:1/emu0-3/emu0@2000ms", null));
        assertEquals("09:00:00.000 fail the next 3 transfers from node 1 to node 2 (Clusters view): failed: why",
                FaultInjector.line(LocalTime.of(9, 0), Fault.parse("fail:1->2x3"), "Clusters view", "failed: why"));
        assertEquals("restart node 4", new Fault.RestartNode(4).describe());
    }

    @Test
    void everyFaultIsAppliedAndLogged() {
        FaultInjector.Result kill = injector.inject(new Fault.KillNode(2), "Clusters view");
        assertTrue(kill.applied());
        assertEquals("12:03:04.512 kill node 2 (Clusters view)", kill.line());
        assertFalse(node(2), "node 2 is down");
        injector.inject(Fault.parse("link-down:1/emu0-3/emu0"), "Topology view");
        assertFalse(cluster.state().links().stream().filter(l -> l.link().nodeB() == 3 && l.link().nodeA() == 1).findFirst()
                .orElseThrow().up());
        assertEquals(List.of("12:03:04.512 kill node 2 (Clusters view)", "12:03:04.512 take link 1:emu0 - 3:emu0 down (Topology view)"),
                log);
        assertEquals(List.of(), programsStarted, "no restart, no program started");
    }

    @Test
    void aRestartBringsTheNodeUpAndStartsItsProgramAgain() {
        injector.inject(new Fault.KillNode(3), "Clusters view");
        FaultInjector.Result restart = injector.inject(new Fault.RestartNode(3), "--fault restart:3@2000ms");
        assertTrue(restart.applied());
        assertTrue(node(3), "node 3 is up");
        assertEquals(List.of(3), programsStarted);
        assertEquals("12:03:04.512 restart node 3 (--fault restart:3@2000ms)", log.getLast());
        assertEquals("12:03:04.512 node 3: its program is started again (pid 42)", injector.programStartedAgain(3, 42));
    }

    /**
     * While a cluster stops (Terminate Cluster marks every node down before their JVMs end), a restart does nothing: it
     * would start a node's program in a cluster whose nodes are ending.
     */
    @Test
    void aStoppingClusterTakesNoFault() {
        cluster.stopNodes();
        assertTrue(cluster.state().stopping());
        assertFalse(node(2), "the stop takes every node down");
        FaultInjector.Result restart = injector.inject(new Fault.RestartNode(2), "Clusters view");
        assertFalse(restart.applied());
        assertEquals("12:03:04.512 restart node 2 (Clusters view): nothing to do, the cluster is stopping", restart.line());
        assertFalse(node(2), "node 2 stays down");
        assertEquals(List.of(), programsStarted, "no program started");
        cluster.restartNode(2); // as a restart that was asked before the stop and reaches the registry after it
        assertFalse(node(2), "a stopped cluster's node stays down");
    }

    @Test
    void aFaultThatChangesNothingOrFailsSaysSo() {
        FaultInjector.Result restart = injector.inject(new Fault.RestartNode(1), "Clusters view");
        assertFalse(restart.applied());
        assertEquals("12:03:04.512 restart node 1 (Clusters view): nothing to do, node 1 is up", restart.line());
        assertEquals(List.of(), programsStarted, "a node that is up keeps its program");
        injector.inject(new Fault.KillNode(1), "Clusters view");
        assertEquals("12:03:04.512 kill node 1 (Clusters view): nothing to do, node 1 is already down",
                injector.inject(new Fault.KillNode(1), "Clusters view").line());
        FaultInjector.Result unknown = injector.inject(new Fault.KillNode(9), "Clusters view");
        assertFalse(unknown.applied());
        assertTrue(unknown.line().startsWith("12:03:04.512 kill node 9 (Clusters view): failed: cluster "), unknown.line());
        assertEquals(4, log.size(), log.toString());
        cluster.close(); // a view may still show a node of a cluster that has just stopped
        assertEquals("12:03:04.512 kill node 2 (Clusters view): failed: the cluster has stopped",
                injector.inject(new Fault.KillNode(2), "Clusters view").line());
    }

    @Test
    void aProgramThatCannotStartAgainIsLogged() {
        FaultInjector failing = new FaultInjector(cluster, log::add, CLOCK).restartPrograms(_ -> {
            throw new java.io.IOException("no java");
        });
        failing.inject(new Fault.KillNode(2), "Clusters view");
        assertTrue(failing.inject(new Fault.RestartNode(2), "Clusters view").applied());
        assertEquals("12:03:04.512 node 2 is up, but its program could not be started again: no java", log.getLast());
    }

    /** The registry of a distributed cluster as a launch has it, which records what the injector asks of it. */
    private static final class RecordedRegistry implements DistributedBackend.LaunchedRegistry {
        final List<String> calls = new ArrayList<>();
        final Set<Integer> down = new HashSet<>();
        /** Why the registry does not answer, or null while it does. */
        String unreachable;

        private void answer() {
            if (unreachable != null) {
                throw new IllegalStateException(unreachable);
            }
        }

        @Override
        public String connectString() {
            return "zk:2181/rsm-workbench/test";
        }

        @Override
        public String secret() {
            return "test-secret";
        }

        @Override
        public Duration sessionTimeout() {
            return DistributedBackend.DEFAULT_SESSION_TIMEOUT;
        }

        @Override
        public void whenProcessExpires(DistributedBackend.ProcessExpired listener) {
            throw new UnsupportedOperationException("the injector does not listen");
        }

        @Override
        public ClusterWaits waits(Runnable answered) {
            return new ClusterWaits(List.of()); // the injector reads none
        }

        @Override
        public DistributedBackend.OwnFilesPublished ownFilesPublished(Runnable answered) {
            return new DistributedBackend.OwnFilesPublished(0, List.of(), List.of(), List.of()); // nor this
        }

        @Override
        public List<Path> nodeClassPath() {
            return List.of();
        }

        @Override
        public Set<Integer> joinedNodes() {
            return Set.of();
        }

        @Override
        public Map<Integer, Set<Long>> nodeJvms() {
            return Map.of();
        }

        @Override
        public void nodeKilled(int node) {
            answer();
            calls.add("kill " + node);
            down.add(node);
        }

        @Override
        public void nodeRestarted(int node) {
            answer();
            calls.add("restart " + node);
            down.remove(node);
        }

        @Override
        public boolean isNodeUp(int node) {
            answer();
            return !down.contains(node);
        }

        @Override
        public void setLink(int link, boolean up) {
            answer();
            calls.add("link " + link + (up ? " up" : " down"));
        }

        @Override
        public void failNextTransfers(int importerNode, int exporterNode, int count) {
            answer();
            calls.add("fail " + importerNode + "->" + exporterNode + " x" + count);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Every fault reaches a distributed cluster through its registry: a link's state by its index in the spec (and in the
     * launch's files, for its views), failing transfers only there (a process of the importer node takes them into its
     * files), a kill and a restart, which then starts the program again; a restart applies when the registry says the node
     * is down though the launch's files do not (a process of it died). A registry that does not answer fails the fault.
     */
    @Test
    void aDistributedClusterGetsEveryFaultThroughItsRegistry() {
        RecordedRegistry registry = new RecordedRegistry();
        injector.distributed(registry);
        assertTrue(injector.inject(Fault.parse("link-down:1/emu0-3/emu0"), "Topology view").applied());
        assertFalse(cluster.state().links().get(1).up(), "the launch's files say the link is down too");
        assertTrue(injector.inject(Fault.parse("link-up:3/emu0-1/emu0"), "Topology view").applied());
        assertTrue(injector.inject(Fault.parse("fail:2->1x3"), "Clusters view").applied());
        assertTrue(injector.inject(new Fault.KillNode(2), "Clusters view").applied());
        assertTrue(injector.inject(new Fault.RestartNode(2), "Clusters view").applied());
        registry.down.add(3); // its process died: the registry took it down
        assertTrue(injector.inject(new Fault.RestartNode(3), "Clusters view").applied());
        assertEquals(List.of("link 1 down", "link 1 up", "fail 2->1 x3", "kill 2", "restart 2", "restart 3"), registry.calls);
        assertEquals(List.of(2, 3), programsStarted);

        FaultInjector.Result up = injector.inject(new Fault.RestartNode(1), "Clusters view");
        assertEquals("12:03:04.512 restart node 1 (Clusters view): nothing to do, node 1 is up", up.line());
        FaultInjector.Result unknown = injector.inject(Fault.parse("fail:1->9x1"), "Clusters view");
        assertEquals("12:03:04.512 fail the next transfer from node 1 to node 9 (Clusters view): failed: cluster cluster-of-3 has"
                + " no node 9", unknown.line());
        registry.unreachable = "cannot take link 0 down in the cluster registry at zk:2181: ConnectionLoss";
        FaultInjector.Result unanswered = injector.inject(Fault.parse("link-down:1/emu0-2/emu0"), "Topology view");
        assertFalse(unanswered.applied());
        assertEquals("12:03:04.512 take link 1:emu0 - 2:emu0 down (Topology view): failed: " + registry.unreachable, unanswered.line());
        assertTrue(cluster.state().links().get(0).up(), "a link the registry did not take down stays up in the launch's files");
        assertEquals(6, registry.calls.size(), "nothing more reached the registry: " + registry.calls);
    }

    /** The registry, which starts with every link up, is told the links down in the launch's cluster (a file's down links). */
    @Test
    void aDistributedRegistryTakesTheLinksThatStartDown() {
        cluster.setLink(2, "emu0", 3, "emu0", false);
        RecordedRegistry registry = new RecordedRegistry();
        injector.distributed(registry);
        assertEquals(List.of("link 2 down"), registry.calls);
    }

    /** A kill that the registry did not take fails, saying why: the node runs on where it does not share the files. */
    @Test
    void aKillTheRegistryDoesNotTakeFails() {
        RecordedRegistry registry = new RecordedRegistry();
        injector.distributed(registry);
        registry.unreachable = "cannot mark node 2 down in the cluster registry at zk:2181: ConnectionLoss";
        FaultInjector.Result result = injector.inject(new Fault.KillNode(2), "Clusters view");
        assertFalse(result.applied());
        assertEquals("12:03:04.512 kill node 2 (Clusters view): failed: " + registry.unreachable, result.line());
    }

    private boolean node(int id) {
        return cluster.state().nodes().stream().filter(n -> n.id() == id).findFirst().orElseThrow().up();
    }
}
