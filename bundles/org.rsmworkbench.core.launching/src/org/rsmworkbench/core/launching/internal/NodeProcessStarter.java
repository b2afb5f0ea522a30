// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.rsmworkbench.core.launching.NodeSettings;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.NodeLaunch;

/**
 * Starts the node JVMs of one launch, each a process of the launch with a console labelled "node N (uid=… gid=…)"
 * and a line on the cluster's console: every node's when the launch starts, and the program of a node that a
 * restart brought up again (its console is labelled "…, restarted"; in debug mode it gets a debugger of its own).
 */
public final class NodeProcessStarter implements ClusterLaunchSession.NodeStarter {
    private final ILaunch launch;
    private final NodeCommandBuilder commands;
    private final ClusterLaunchSession session;
    private final File workingDirectory;
    private final String[] environment;
    private final boolean debug;

    /**
     * @param commands the command lines of the node JVMs, from the launch's plan without debug agents
     * @param debug whether a node started again gets a debugger
     */
    public NodeProcessStarter(ILaunch launch, NodeCommandBuilder commands, ClusterLaunchSession session, File workingDirectory,
            String[] environment, boolean debug) {
        this.launch = launch;
        this.commands = commands;
        this.session = session;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.debug = debug;
    }

    /**
     * Starts the JVM of {@code node} as it is (with the debug agent its JVM arguments may carry) and adds its
     * process to the launch and the session.
     */
    public IProcess exec(NodeLaunch node) throws CoreException {
        List<String> command = commands.command(session.cluster(), node);
        Process jvm = DebugPlugin.exec(command.toArray(String[]::new), workingDirectory, environment());
        String standardInput = commands.standardInput();
        if (standardInput != null) {
            // before the console can write there; the stream stays open for the console's input
            try {
                jvm.getOutputStream().write(standardInput.getBytes(StandardCharsets.UTF_8));
                jvm.getOutputStream().flush();
            } catch (IOException ended) {
                // the JVM is gone: its console says why
            }
        }
        boolean again = session.hasStarted(node.nodeId());
        String label = "node " + node.nodeId() + " (" + NodeSettings.shortCredentials(node.credentials()) + ")"
                + (again ? ", restarted" : "");
        Map<String, String> attributes = new HashMap<>();
        attributes.put(IProcess.ATTR_PROCESS_TYPE, IJavaLaunchConfigurationConstants.ID_JAVA_PROCESS_TYPE);
        attributes.put(IProcess.ATTR_PROCESS_LABEL, label);
        attributes.put(IProcess.ATTR_CMDLINE, String.join(" ", command));
        attributes.put(RsmLaunching.PROCESS_ATTR_NODE, Integer.toString(node.nodeId()));
        attributes.put(RsmLaunching.PROCESS_ATTR_CREDENTIALS, NodeSettings.formatCredentials(node.credentials()));
        IProcess process = new NodeProcess(launch, jvm, label, attributes);
        if (!again) {
            session.clusterProcess().log("node " + node.nodeId() + ": " + node.mainClass() + " " + String.join(" ", node.arguments())
                    + " (" + node.credentials() + ", pid " + jvm.pid() + ")");
        }
        session.addNode(node.nodeId(), process, jvm);
        return process;
    }

    /**
     * The launch's environment (null: this JVM's) with what the node JVMs need besides: the secret of a distributed
     * cluster's registry, which must not be on their command line.
     */
    private String[] environment() {
        Map<String, String> added = commands.environment();
        if (added.isEmpty()) {
            return environment;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment == null) {
            variables.putAll(System.getenv());
        } else {
            for (String variable : environment) {
                int equals = variable.indexOf('=');
                variables.put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        variables.putAll(added);
        return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Starts the program of a restarted node again; in debug mode waits until its JVM has connected to a new debugger. */
    @Override
    public void start(int nodeId, IProgressMonitor monitor) throws CoreException {
        LaunchPlan plan = commands.plan();
        NodeLaunch node = plan.node(nodeId);
        if (node == null) {
            return; // the launch runs no program on this node
        }
        if (!debug) {
            exec(node);
            return;
        }
        NodeDebugConnector debugger = NodeDebugConnector.listen();
        IProcess process;
        try {
            process = exec(withDebugAgent(node, debugger));
        } catch (CoreException | RuntimeException e) {
            debugger.stop();
            throw e;
        }
        session.startRestartedTarget(debugger.connect(launch, "node " + nodeId, process, monitor));
    }

    /**
     * The node with the JVM argument that makes its JVM connect to {@code debugger}, at this machine's address as the
     * node's host reaches it, and the property that makes it wait for a node suspended in the debugger while it holds
     * the cluster's lock instead of failing ({@link ClusterLockTimeoutException#DEBUG_LAUNCH_PROPERTY}).
     *
     * @throws CoreException when the node runs on another host that this machine has no address for
     */
    public NodeLaunch withDebugAgent(NodeLaunch node, NodeDebugConnector debugger) throws CoreException {
        List<String> jvm = new ArrayList<>(node.jvmArguments());
        HostsFile hosts = commands.hosts();
        jvm.add("-D" + ClusterLockTimeoutException.DEBUG_LAUNCH_PROPERTY + "=true");
        jvm.add(debugger.agentArgument(DebuggerAddress.of(hosts == null ? null : hosts.hostOf(node.nodeId()), node.nodeId())));
        return new NodeLaunch(node.nodeId(), node.mainClass(), node.arguments(), jvm, node.credentials());
    }
}
