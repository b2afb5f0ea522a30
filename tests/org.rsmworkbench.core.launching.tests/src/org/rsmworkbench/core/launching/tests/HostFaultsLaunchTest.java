// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.HostFaultChoices;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.tests.support.NetworkNamespaces;

/**
 * The faults of hosts on the Faults tab of a configuration across hosts ({@code kill-host:}, {@code host-link-down:},
 * {@code host-link-up:}): checked against the hosts file, kept out of the cluster's faults, and injected by the launch as
 * {@code rsm-launch --hosts} injects them, logged on the cluster's console. The hosts of the launches are this machine (an
 * empty run= prefix) with a ZooKeeper server on a non-loopback address of it (a launch across hosts refuses a loopback
 * ensemble); a link is cut between hosts made of network namespaces.
 */
@Timeout(180)
class HostFaultsLaunchTest {
    /** The test's own subnet inside its namespaces (the distributed tests use 10.219.19). */
    private static final String SUBNET = "10.219.23";
    private static final Duration CONSOLE_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private static LaunchPlan plan(ILaunchConfigurationWorkingCopy config) throws Exception {
        return ClusterLaunchConfiguration.plan(config, ClusterLaunchConfiguration.cluster(config), Launches.examplesClassPath(), List.of(),
                List.of());
    }

    private static String problem(ILaunchConfigurationWorkingCopy config) throws Exception {
        LaunchPlan plan = plan(config);
        return assertThrows(CoreException.class, () -> ClusterLaunchConfiguration.distributed(config, plan)).getStatus().getMessage();
    }

    @Test
    void theFaultsOfHostsAreCheckedAgainstTheHostsFileAndKeptApartFromTheClustersFaults() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("hostfaults-check", "DoorbellPingPong", 3, "10");
        config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill:1@2s", "kill-host:beta@1s", "# a comment",
                "host-link-down:alpha-beta@2s", "host-link-up:alpha-beta@3s"));
        assertEquals("Faults, line 2: kill-host:beta@1s names a host: it needs a hosts file on the Hosts tab (a distributed cluster"
                + " whose nodes run on several hosts).", problem(config));
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "embedded");
        assertEquals("Faults, line 2: kill-host:beta@1s names a host: it needs a hosts file on the Hosts tab (a distributed cluster"
                + " whose nodes run on several hosts).", problem(config), "distributed, but on this machine only");

        Path hosts = Files.writeString(folder.resolve("hosts"), "host alpha nodes=1,2 run=\"\" address=10.9.0.1\nhost beta nodes=3 run=\"\"\n");
        config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, "zk1.example.org:2181");
        config.setAttribute(RsmLaunching.ATTR_HOSTS_FILE, hosts.toString());
        assertEquals("Faults, line 4: Fault host-link-down:alpha-beta@2000ms: host beta (" + hosts + ":2) has no address=: give the"
                + " address the other hosts reach it at.", problem(config));

        Files.writeString(hosts, "host alpha nodes=1,2 run=\"\" address=10.9.0.1\nhost beta nodes=3 run=\"\" address=10.9.0.2\n");
        assertEquals(List.of(HostFault.parse("kill-host:beta@1s"), HostFault.parse("host-link-down:alpha-beta@2s"),
                HostFault.parse("host-link-up:alpha-beta@3s")), ClusterLaunchConfiguration.hostFaults(config));
        LaunchPlan plan = plan(config);
        assertEquals(List.of("kill:1@2000ms"), plan.faults().stream().map(Object::toString).toList(), "the cluster's faults only");
        assertEquals(List.of("alpha", "beta"), ClusterLaunchConfiguration.distributed(config, plan).hosts().hosts().stream()
                .map(HostsFile.Host::name).toList());

        config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill-host:gamma@1s"));
        assertEquals("Faults, line 1: Fault kill-host:gamma@1000ms: " + hosts + " has no host gamma (its hosts: alpha, beta).",
                problem(config));
        assertEquals("Faults, line 1: Fault kill-host:gamma@1000ms: " + hosts + " has no host gamma (its hosts: alpha, beta).",
                assertThrows(IllegalArgumentException.class, () -> ClusterLaunchConfiguration.hostFaults(List.of("kill-host:gamma@1s"),
                        "zk1.example.org:2181", hosts)).getMessage(), "what the Faults tab shows");
    }

    @Test
    void aKillHostFaultOfTheConfigurationKillsTheNodeJvmsOfThatHostOnly() throws Exception {
        InetAddress address = Launches.nonLoopbackAddress();
        assumeTrue(address != null, "this machine has no non-loopback IPv4 address for the ZooKeeper server of a launch across hosts");
        try (EmbeddedZooKeeper zookeeper = EmbeddedZooKeeper.start(address)) {
            ILaunchConfigurationWorkingCopy config = Launches.example("hostfaults-kill", "DoorbellPingPong", 3, "100000000");
            Path hosts = Files.writeString(folder.resolve("hosts"), "host alpha nodes=1,2 run=\"\"\nhost beta nodes=3 run=\"\"\n");
            config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, zookeeper.connectString());
            config.setAttribute(RsmLaunching.ATTR_HOSTS_FILE, hosts.toString());
            config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill-host:beta@1s"));
            ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
            try {
                IProcess cluster = Launches.cluster(launch);
                Pattern killed = Pattern.compile("(?m)^[0-9:.]+ kill host beta: node 3 \\(Faults tab: kill-host:beta@1000ms\\)$");
                assertTrue(waitFor(() -> killed.matcher(Launches.out(cluster)).find(), CONSOLE_WAIT), Launches.describe(launch));
                Map<Integer, IProcess> nodes = Launches.nodes(launch);
                assertFalse(nodes.get(1).isTerminated() || nodes.get(2).isTerminated(), "the nodes of alpha run on: " + Launches.describe(launch));
                assertTrue(waitFor(() -> nodes.get(3).isTerminated(), Duration.ofSeconds(10)), Launches.describe(launch));
                assertEquals(137, Launches.exit(nodes.get(3)), "SIGKILL, as a host that crashes: " + Launches.describe(launch));
                assertTrue(Launches.out(cluster).contains("faults [kill-host:beta@1000ms] are injected once every node has joined the"
                        + " cluster"), Launches.describe(launch));
                RunningCluster entry = RunningClusters.getDefault().clusters().stream()
                        .filter(running -> running.label().startsWith("hostfaults-kill #")).findFirst().orElseThrow();
                assertEquals(List.of("alpha (nodes 1, 2)", "beta (node 3)"),
                        HostFaultChoices.of(entry).kills().stream().map(HostFaultChoices.Choice::label).toList(),
                        "the Clusters view offers the hosts of the launch");
                launch.terminate();
                Launches.awaitEnd(launch);
                for (int node : new int[] {1, 2}) {
                    assertNotEquals(137, Launches.exit(nodes.get(node)), "node " + node + " was not killed: " + Launches.describe(launch));
                }
            } finally {
                launch.terminate();
                Launches.awaitEnd(launch);
            }
        }
    }

    /**
     * Faults are counted from when every node has joined. A prefix such as ssh runs the node JVM as another process than
     * the one the launch started (here timeout, which runs it as its child): the launch sees the node join by its node,
     * not by the pid of what it started (with the pid the kill below waited forever).
     */
    @Test
    void faultsStartOnceNodesWhoseJvmsAPrefixStartedHaveJoined() throws Exception {
        InetAddress address = Launches.nonLoopbackAddress();
        assumeTrue(address != null, "this machine has no non-loopback IPv4 address for the ZooKeeper server of a launch across hosts");
        try (EmbeddedZooKeeper zookeeper = EmbeddedZooKeeper.start(address)) {
            ILaunchConfigurationWorkingCopy config = Launches.example("hostfaults-prefix", "DoorbellPingPong", 2, "100000000");
            Path hosts = Files.writeString(folder.resolve("hosts"), "host alpha nodes=1,2 run=\"timeout 10m\"\n");
            config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, zookeeper.connectString());
            config.setAttribute(RsmLaunching.ATTR_HOSTS_FILE, hosts.toString());
            config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill:2@500ms"));
            ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
            try {
                IProcess cluster = Launches.cluster(launch);
                Pattern killed = Pattern.compile("(?m)^[0-9:.]+ kill node 2 \\(Faults tab: kill:2@500ms\\)$");
                assertTrue(waitFor(() -> killed.matcher(Launches.out(cluster)).find(), CONSOLE_WAIT), Launches.describe(launch));
                IProcess node2 = Launches.nodes(launch).get(2);
                assertTrue(waitFor(node2::isTerminated, Duration.ofSeconds(10)), Launches.describe(launch));
                assertEquals(137, Launches.exit(node2), "timeout passes on its child's SIGKILL: " + Launches.describe(launch));
            } finally {
                launch.terminate();
                Launches.awaitEnd(launch);
            }
        }
    }

    @Test
    void aLinkCutByTheConfigurationDropsTrafficBetweenTheHostsAndIsHealedWhenTheClusterStops() throws Exception {
        InetAddress address = Launches.nonLoopbackAddress();
        assumeTrue(address != null, "this machine has no non-loopback IPv4 address for the ZooKeeper server of a launch across hosts");
        NetworkNamespaces namespaces;
        try {
            namespaces = NetworkNamespaces.create(SUBNET, 2);
        } catch (NetworkNamespaces.NotPermittedException e) {
            assumeTrue(false, "a cut link needs hosts made of network namespaces: " + e.getMessage());
            return;
        }
        try (namespaces; EmbeddedZooKeeper zookeeper = EmbeddedZooKeeper.start(address)) {
            // the program runs on this machine (nodes 1-3); nodes 4 and 5, which run nothing, are on the namespace hosts
            ILaunchConfigurationWorkingCopy config = Launches.example("hostfaults-link", "DoorbellPingPong", 5, "100000000");
            config.setAttribute(RsmLaunching.ATTR_ON_NODES, "1,2,3");
            NetworkNamespaces.Host gamma = namespaces.host(1);
            NetworkNamespaces.Host delta = namespaces.host(2);
            Path hosts = Files.writeString(folder.resolve("hosts"), "host here nodes=1-3 run=\"\"\n"
                    + "host gamma nodes=4 run=\"" + String.join(" ", gamma.prefix()) + "\" address=" + gamma.address() + "\n"
                    + "host delta nodes=5 run=\"" + String.join(" ", delta.prefix()) + "\" address=" + delta.address() + "\n");
            config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, zookeeper.connectString());
            config.setAttribute(RsmLaunching.ATTR_HOSTS_FILE, hosts.toString());
            config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("host-link-down:gamma-delta@0ms"));
            ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
            try {
                IProcess cluster = Launches.cluster(launch);
                Pattern cut = Pattern.compile("(?m)^[0-9:.]+ cut link gamma - delta \\(Faults tab: host-link-down:gamma-delta@0ms\\)$");
                assertTrue(waitFor(() -> cut.matcher(Launches.out(cluster)).find(), CONSOLE_WAIT), Launches.describe(launch));
                assertTrue(namespaces.runOn(1, "ip", "route", "show", "type", "blackhole").contains(delta.address()),
                        "gamma drops what goes to delta");
                assertTrue(namespaces.runOn(2, "ip", "route", "show", "type", "blackhole").contains(gamma.address()),
                        "delta drops what goes to gamma");
                launch.terminate();
                Launches.awaitEnd(launch);
                Pattern healed = Pattern.compile("(?m)^[0-9:.]+ heal link gamma - delta \\(Faults tab: host-link-up:gamma-delta@0ms\\)$");
                assertTrue(waitFor(() -> healed.matcher(Launches.out(cluster)).find(), CONSOLE_WAIT), Launches.describe(launch));
                assertEquals("", namespaces.runOn(1, "ip", "route", "show", "type", "blackhole").strip(), "no blackhole route is left on gamma");
                assertEquals("", namespaces.runOn(2, "ip", "route", "show", "type", "blackhole").strip(), "no blackhole route is left on delta");
            } finally {
                launch.terminate();
                Launches.awaitEnd(launch);
            }
        }
    }
}
