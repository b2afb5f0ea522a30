// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration.ClusterSource;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.launch.DistributedLaunch;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.emulator.launch.LaunchPlan;

/**
 * "RSM Cluster Application" configurations of distributed clusters (Hosts tab): the attributes become what
 * {@code rsm-launch --zookeeper --hosts} takes and are checked as it checks them; a launch with an embedded ZooKeeper runs an
 * example on three node JVMs through the ZooKeeper registry and UCX data path, and terminating it stops every node and the
 * ensemble.
 */
@Timeout(180)
class DistributedClusterLaunchTest {
    @TempDir
    Path folder;

    private static LaunchPlan plan(ILaunchConfigurationWorkingCopy config) throws Exception {
        ClusterSource source = ClusterLaunchConfiguration.cluster(config);
        return ClusterLaunchConfiguration.plan(config, source, Launches.examplesClassPath(), List.of(), List.of());
    }

    private static String problem(ILaunchConfigurationWorkingCopy config) throws Exception {
        LaunchPlan plan = plan(config);
        return assertThrows(CoreException.class, () -> ClusterLaunchConfiguration.distributed(config, plan)).getStatus().getMessage();
    }

    @Test
    void theAttributesAreTheLaunchersArgumentsCheckedAsItChecksThem() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("zk-attributes", "DoorbellPingPong", 3, "10");
        assertNull(ClusterLaunchConfiguration.distributed(config, plan(config)), "a local cluster by default");

        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "embedded");
        DistributedLaunch embedded = ClusterLaunchConfiguration.distributed(config, plan(config));
        assertEquals(new DistributedLaunch("embedded", DistributedBackend.DEFAULT_SESSION_TIMEOUT, null), embedded);
        config.setAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT, 15_000);
        assertEquals(Duration.ofSeconds(15), ClusterLaunchConfiguration.distributed(config, plan(config)).sessionTimeout(),
                "the session timeout the Hosts tab set");

        Path hosts = Files.writeString(folder.resolve("hosts"), "host a nodes=1,2 run=\"ip netns exec a\"\nhost b nodes=3 dir=/var/tmp/b\n");
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "zk1.example.org:2181,10.0.0.2:2181");
        config.setAttribute(RsmLaunching.ATTR_HOSTS_FILE, hosts.toString());
        DistributedLaunch acrossHosts = ClusterLaunchConfiguration.distributed(config, plan(config));
        assertEquals("zk1.example.org:2181,10.0.0.2:2181", acrossHosts.zookeeper());
        assertEquals(List.of("ip", "netns", "exec", "a"), acrossHosts.hosts().host("a").prefix());
        assertEquals(List.of(3), acrossHosts.hosts().host("b").nodes());

        Files.writeString(hosts, "host a nodes=1,2\nhost b nodes=3 user=me\n");
        assertEquals("Hosts file " + hosts + ":2: \"user=me\" is not KEY=VALUE with a key of nodes, run, java, dir, address.", problem(config));
        assertEquals("Hosts file " + hosts + ":2: \"user=me\" is not KEY=VALUE with a key of nodes, run, java, dir, address.",
                ClusterLaunchConfiguration.distributedProblem("zk:2181", hosts.toString()), "the tab shows the same message");
        Files.writeString(hosts, "host a nodes=1,2\n");
        assertEquals("Hosts file " + hosts + ": node 3 runs the program but is on no host: add it to the nodes= of a host line.",
                problem(config));
        assertNull(ClusterLaunchConfiguration.distributedProblem("zk:2181", hosts.toString()),
                "which nodes are where needs the cluster: checked when launched");

        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "embedded");
        assertTrue(problem(config).startsWith("Hosts file with ZooKeeper embedded: the embedded ZooKeeper listens on this machine's"
                + " loopback address"), problem(config));
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "nowhere");
        assertEquals("ZooKeeper \"nowhere\" is neither embedded nor HOST:PORT[,HOST:PORT...] (e.g. zk1.example.org:2181).",
                problem(config));
        assertEquals(problem(config), ClusterLaunchConfiguration.distributedProblem("nowhere", ""));
        config.removeAttribute(RsmLaunching.ATTR_ZOOKEEPER);
        assertTrue(problem(config).startsWith("Hosts file needs ZooKeeper HOST:PORT"), problem(config));

        config.removeAttribute(RsmLaunching.ATTR_HOSTS_FILE);
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "embedded");
        config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill:2@1s", "restart:2@2s", "link-down:1/emu0-2/emu0@1s",
                "link-up:1/emu0-2/emu0@3s", "fail:1->2x3@1s"));
        assertNotNull(ClusterLaunchConfiguration.distributed(config, plan(config)), "every fault reaches a distributed cluster");
    }

    @Test
    void anEmbeddedZooKeeperLaunchRunsTheExampleOnEveryNodeAndShowsTheRegistry() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("zk-run", "DoorbellPingPong", 3, "200");
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "embedded");
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);
        Map<Integer, IProcess> nodes = Launches.nodes(launch);
        assertEquals(List.of(1, 2, 3), List.copyOf(nodes.keySet()), all);
        for (IProcess node : nodes.values()) {
            assertEquals(0, Launches.exit(node), all);
            assertEquals(List.of("RESULT pingpong rounds=200 nodes=3"), Launches.results(node), all);
        }
        IProcess cluster = Launches.cluster(launch);
        String registry = cluster.getAttribute(RsmLaunching.PROCESS_ATTR_REGISTRY);
        assertNotNull(registry, all);
        assertTrue(registry.matches("[0-9.:]+/rsm-workbench/cluster-of-3-[0-9a-f-]+"), registry);
        String console = Launches.out(cluster);
        assertTrue(console.contains("registry " + registry + " (to watch it in the IDE: RSM > Attach to Distributed Cluster...)"), all);
        assertTrue(nodes.get(2).getAttribute(IProcess.ATTR_CMDLINE).contains("-Drsm.zookeeper=" + registry), all);
        assertTrue(waitFor(() -> Launches.out(cluster).contains("registry " + registry + " removed"), Duration.ofSeconds(30)), all);
        assertEnsembleStopped(registry);
    }

    @Test
    void terminateStopsEveryNodeAndTheEnsembleAndAFaultFromTheViewsReachesTheCluster() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("zk-terminate", "DoorbellPingPong", 3, "100000000");
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "embedded");
        ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        try {
            RunningCluster entry = RunningClusters.getDefault().clusters().stream().filter(c -> Launches.isRunOf(c, config)).findFirst()
                    .orElseThrow();
            assertTrue(waitFor(() -> entry.cluster().state().processes().size() == 3, Duration.ofSeconds(60)), Launches.describe(launch));
            var failing = entry.inject(new Fault.FailTransfers(1, 2, 3), "Clusters view");
            assertTrue(failing.applied(), failing.line());
            assertTrue(failing.line().endsWith(" fail the next 3 transfers from node 1 to node 2 (Clusters view)"), failing.line());
            assertTrue(Launches.out(Launches.cluster(launch)).contains(failing.line()), "the fault is on the cluster's console");

            String registry = Launches.cluster(launch).getAttribute(RsmLaunching.PROCESS_ATTR_REGISTRY);
            launch.terminate();
            Launches.awaitEnd(launch);
            for (IProcess node : Launches.nodes(launch).values()) {
                assertTrue(node.isTerminated(), Launches.describe(launch));
            }
            IProcess cluster = Launches.cluster(launch);
            assertTrue(waitFor(() -> Launches.out(cluster).contains("registry " + registry + " removed"), Duration.ofSeconds(30)),
                    Launches.describe(launch));
            assertEnsembleStopped(registry);
        } finally {
            launch.terminate();
        }
    }

    /**
     * Node JVMs that keep files of their own ({@code -Drsm.cluster.own=true}): the launch's files hold none of their
     * processes, segments or connections, but the Clusters, Permissions and Topology views, which read the launch's state,
     * list each node's process, its mailbox and the pinger's and pongers' connections to them from the registry.
     */
    @Test
    void theStateOfALaunchWithFilesOfTheirOwnListsTheirSegmentsAndConnections() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("zk-own-files", "DoorbellPingPong", 3, "100000000");
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "embedded");
        config.setAttribute("org.eclipse.jdt.launching.VM_ARGUMENTS", "-D" + DistributedBackend.OWN_DIRECTORY_PROPERTY + "=true");
        ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        try {
            RunningCluster entry = RunningClusters.getDefault().clusters().stream().filter(c -> Launches.isRunOf(c, config)).findFirst()
                    .orElseThrow();
            assertTrue(waitFor(() -> {
                ClusterState state = entry.watched().state();
                return state.segments().size() == 3 && state.connections().size() == 4;
            }, Duration.ofSeconds(60)), () -> entry.watched().state() + "\n" + Launches.describe(launch));
            ClusterState state = entry.watched().state();
            assertEquals(List.of(1, 2, 3), state.segments().stream().map(ClusterState.Segment::node).sorted().toList(), state.toString());
            assertEquals(List.of(1, 2, 3), state.processes().stream().map(ClusterState.Process::node).sorted().toList(),
                    "a process of each node, from the registry: " + state);
            assertEquals(state.processes().stream().map(ClusterState.Process::serial).collect(Collectors.toSet()),
                    state.segments().stream().map(ClusterState.Segment::ownerProcess).collect(Collectors.toSet()),
                    "each mailbox's owner is its node's process: " + state);
            // a loaded machine may leave a read of the registry without an answer for a while: what holds is that it ends
            assertTrue(waitFor(() -> {
                entry.watched().state(); // reads the registry again (problem() starts no read)
                return entry.watched().problem() == null;
            }, Duration.ofSeconds(60)), () -> entry.watched().problem());
        } finally {
            launch.terminate();
        }
    }

    /** Nothing listens at the ensemble of {@code connectString} any more. */
    private static void assertEnsembleStopped(String connectString) {
        String server = connectString.substring(0, connectString.indexOf('/'));
        int colon = server.lastIndexOf(':');
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))), 2000);
            }
        }, "the embedded ZooKeeper at " + server + " is stopped");
    }
}
