// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IProcess;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmRuntime;

/** Helpers of the launching tests: configurations, running a launch to its end, reading its processes. */
final class Launches {
    private Launches() {
    }

    static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);

    /** The examples' classes: the examples bundle (a jar, or its classes folder in a self-hosted runtime). */
    static List<Path> examplesClassPath() throws Exception {
        return RsmRuntime.entries(RsmRuntime.EXAMPLES_BUNDLE, "org/rsmworkbench/examples/RingAllReduce.class");
    }

    static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE);
    }

    /** A local configuration running an example on N nodes, the examples bundle on the class path. */
    static ILaunchConfigurationWorkingCopy example(String name, String example, int nodes, String arguments) throws Exception {
        ILaunchConfigurationWorkingCopy copy = type().newInstance(null,
                DebugPlugin.getDefault().getLaunchManager().generateLaunchConfigurationName(name));
        copy.setAttribute(RsmLaunching.ATTR_NODE_COUNT, nodes);
        copy.setAttribute("org.eclipse.jdt.launching.MAIN_TYPE", "org.rsmworkbench.examples." + example);
        copy.setAttribute("org.eclipse.jdt.launching.PROGRAM_ARGUMENTS", arguments);
        copy.setAttribute(RsmLaunching.ATTR_EXTRA_CLASSPATH, examplesClassPath().stream().map(Path::toString).toList());
        return copy;
    }

    /** Launches and waits until every process of the launch has ended. */
    static ILaunch runToEnd(ILaunchConfiguration config, String mode) throws Exception {
        ILaunch launch = config.launch(mode, new NullProgressMonitor());
        awaitEnd(launch);
        return launch;
    }

    static void awaitEnd(ILaunch launch) throws Exception {
        if (!waitFor(launch::isTerminated, LAUNCH_TIMEOUT)) {
            String state = describe(launch);
            launch.terminate();
            throw new AssertionError("the launch did not end within " + LAUNCH_TIMEOUT + ":\n" + state);
        }
    }

    /** Whether a running cluster is a run of that configuration (the views call it "NAME #RUN (START TIME)"). */
    static boolean isRunOf(RunningCluster cluster, ILaunchConfiguration config) {
        return cluster.label().startsWith(config.getName() + " #");
    }

    /** The node processes by node id. */
    static Map<Integer, IProcess> nodes(ILaunch launch) {
        Map<Integer, IProcess> nodes = new TreeMap<>();
        for (IProcess process : launch.getProcesses()) {
            String node = process.getAttribute(RsmLaunching.PROCESS_ATTR_NODE);
            if (node != null) {
                nodes.put(Integer.parseInt(node), process);
            }
        }
        return nodes;
    }

    /** The cluster's own process (its console of launcher messages). */
    static IProcess cluster(ILaunch launch) {
        return Arrays.stream(launch.getProcesses())
                .filter(p -> RsmLaunching.PROCESS_TYPE_CLUSTER.equals(p.getAttribute(IProcess.ATTR_PROCESS_TYPE))).findFirst()
                .orElseThrow(() -> new AssertionError("no cluster process in " + describe(launch)));
    }

    static String out(IProcess process) {
        return process.getStreamsProxy().getOutputStreamMonitor().getContents();
    }

    static String err(IProcess process) {
        return process.getStreamsProxy().getErrorStreamMonitor().getContents();
    }

    static int exit(IProcess process) {
        try {
            return process.getExitValue();
        } catch (DebugException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** RESULT lines of a process. */
    static List<String> results(IProcess process) {
        return out(process).lines().filter(l -> l.startsWith("RESULT ")).toList();
    }

    /** An IPv4 address of an interface of this machine that is up and not loopback (for a ZooKeeper server that hosts reach), or null. */
    static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : network.inetAddresses().toList()) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    /** Everything the launch printed, for failure messages. */
    static String describe(ILaunch launch) {
        StringBuilder text = new StringBuilder();
        for (IProcess process : launch.getProcesses()) {
            text.append("== ").append(process.getLabel()).append(" terminated=").append(process.isTerminated());
            if (process.isTerminated()) {
                text.append(" exit=").append(exit(process));
            }
            text.append("\n").append(out(process)).append(err(process).isEmpty() ? "" : "-- stderr\n" + err(process));
        }
        return text.toString();
    }
}
