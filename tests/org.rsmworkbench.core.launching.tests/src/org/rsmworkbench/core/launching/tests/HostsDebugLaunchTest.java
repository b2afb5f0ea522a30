// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.NetworkNamespaces;

/**
 * Debug mode across hosts: a node JVM on another host connects back to the debugger on this machine at this machine's
 * address towards that host (its own {@code localhost} is the host's; a node of this machine connects to
 * {@code localhost}, as DebugLaunchTest shows). The hosts are network namespaces, and this machine is on their network
 * too, where the ZooKeeper server listens.
 */
@Timeout(180)
class HostsDebugLaunchTest {
    /** The test's own subnet inside its namespace (HostFaultsLaunchTest uses 10.219.23). */
    private static final String SUBNET = "10.219.29";

    @TempDir
    Path folder;

    @AfterEach
    void cleanUp() throws Exception {
        DebugLaunches.endAndRemoveAll();
    }

    @Test
    void nodesOnOtherHostsAreDebuggedThroughThisMachinesAddressTowardsThem() throws Exception {
        NetworkNamespaces namespaces;
        try {
            namespaces = NetworkNamespaces.create(SUBNET, 2);
        } catch (NetworkNamespaces.NotPermittedException e) {
            assumeTrue(false, "nodes on other hosts need hosts made of network namespaces: " + e.getMessage());
            return;
        }
        try (namespaces) {
            InetAddress thisMachine = InetAddress.getByName(namespaces.attachThisMachine());
            try (EmbeddedZooKeeper zookeeper = EmbeddedZooKeeper.start(thisMachine)) {
                NetworkNamespaces.Host gamma = namespaces.host(1);
                NetworkNamespaces.Host delta = namespaces.host(2);
                ILaunchConfigurationWorkingCopy config = Launches.example("hosts-debug", "DoorbellPingPong", 2, "20");
                Path hosts = Files.writeString(folder.resolve("hosts"), "host gamma nodes=1 run=\"" + String.join(" ", gamma.prefix())
                        + "\" address=" + gamma.address() + "\nhost delta nodes=2 run=\"" + String.join(" ", delta.prefix())
                        + "\" address=" + delta.address() + "\n");
                config.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, zookeeper.connectString());
                config.setAttribute(RsmLaunching.ATTR_HOSTS_FILE, hosts.toString());
                ILaunch launch;
                try {
                    launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
                } catch (CoreException e) {
                    throw new AssertionError(e.getMessage() + "\n" + Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
                            .filter(l -> config.getName().equals(l.getLaunchConfiguration().getName())).map(Launches::describe).toList(), e);
                }
                List<String> targets = Arrays.stream(launch.getDebugTargets()).map(HostsDebugLaunchTest::name)
                        .filter(name -> name.startsWith("node ")).sorted().toList();
                assertEquals(List.of("node 1", "node 2"), targets, "a JVM debug target for each node: " + Launches.describe(launch));
                Launches.awaitEnd(launch);
                Map<Integer, IProcess> nodes = Launches.nodes(launch);
                for (int node : new int[] {1, 2}) {
                    assertEquals(0, Launches.exit(nodes.get(node)), "node " + node + " ran to its end: " + Launches.describe(launch));
                }
                assertEquals(List.of("RESULT pingpong rounds=20 nodes=2"), Launches.results(nodes.get(1)),
                        "node 1 pinged node 2: " + Launches.describe(launch));
            }
        }
    }

    private static String name(IDebugTarget target) {
        try {
            return target.getName();
        } catch (CoreException e) {
            return e.toString();
        }
    }
}
