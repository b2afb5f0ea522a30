// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jdt.launching.SocketUtil;

import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.ListeningConnector;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMStartEvent;

/**
 * The debugger's end of one node JVM: listens on a free local port (JDI's socket listening connector of the
 * Eclipse JDI implementation), gives the {@code -agentlib:jdwp} option that makes the node JVM connect to it
 * ({@code server=n,suspend=y}), and once the JVM has connected makes the JDT debug target "node N" of the launch,
 * suspended at the JVM's start until the launch resumes it.
 */
public final class NodeDebugConnector {
    private static final String SOCKET_LISTEN = "com.sun.jdi.SocketListen";

    private final ListeningConnector connector;
    private final Map<String, Connector.Argument> arguments;
    private final int port;
    private CompletableFuture<VirtualMachine> accepted;

    private NodeDebugConnector(ListeningConnector connector, Map<String, Connector.Argument> arguments, int port) {
        this.connector = connector;
        this.arguments = arguments;
        this.port = port;
    }

    /** Starts listening on a free local port. */
    public static NodeDebugConnector listen() throws CoreException {
        ListeningConnector connector = org.eclipse.jdi.Bootstrap.virtualMachineManager().listeningConnectors().stream()
                .filter(c -> SOCKET_LISTEN.equals(c.name())).findFirst()
                .orElseThrow(() -> new CoreException(Status.error("The JDI socket listening connector is not available.")));
        int port = SocketUtil.findFreePort();
        if (port < 0) {
            throw new CoreException(Status.error("No free local port for the debugger to listen on."));
        }
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("port").setValue(Integer.toString(port));
        Connector.Argument timeout = arguments.get("timeout");
        if (timeout != null) {
            timeout.setValue(Integer.toString(connectTimeoutMillis()));
        }
        NodeDebugConnector node = new NodeDebugConnector(connector, arguments, port);
        try {
            connector.startListening(arguments);
        } catch (IOException | IllegalConnectorArgumentsException e) {
            throw new CoreException(Status.error("The debugger cannot listen on port " + port + ": " + e.getMessage(), e));
        }
        node.accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return connector.accept(arguments);
            } catch (IOException | IllegalConnectorArgumentsException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, task -> Thread.ofPlatform().daemon().name("rsm-debug-accept-" + port).start(task));
        return node;
    }

    /** How long to wait for a node JVM to connect: JDT's "debugger timeout" preference (20 s by default), at least 20 s. */
    static int connectTimeoutMillis() {
        int preference = Platform.getPreferencesService().getInt(JavaRuntime.ID_PLUGIN, JavaRuntime.PREF_CONNECT_TIMEOUT,
                JavaRuntime.DEF_CONNECT_TIMEOUT, null);
        return Math.max(preference, JavaRuntime.DEF_CONNECT_TIMEOUT);
    }

    /**
     * The JVM option that makes a node JVM connect to this debugger and wait for it before running main.
     *
     * @param debuggerHost this machine's name or address as the node's host reaches it ({@link DebuggerAddress})
     */
    public String agentArgument(String debuggerHost) {
        return "-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=" + debuggerHost + ":" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Waits until the node JVM has connected and makes its debug target, which stays suspended at the JVM's start
     * until it is resumed: the launch starts every node once all are connected, so that no node runs (and stops at
     * a breakpoint) before the others can be suspended with it.
     *
     * @throws CoreException when the JVM ends first, the user cancels, or it does not connect in time
     */
    public IDebugTarget connect(ILaunch launch, String name, IProcess process, IProgressMonitor monitor) throws CoreException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(connectTimeoutMillis());
        try {
            while (true) {
                try {
                    VirtualMachine vm = accepted.get(100, TimeUnit.MILLISECONDS);
                    stop();
                    takeStartEvent(vm, name);
                    return NodeDebugTarget.create(launch, vm, name, process);
                } catch (TimeoutException e) {
                    if (monitor.isCanceled()) {
                        throw new CoreException(Status.CANCEL_STATUS);
                    }
                    if (process.isTerminated()) {
                        throw new CoreException(Status.error(name + ": the JVM ended (exit value " + exitValue(process)
                                + ") before the debugger could connect; see its console."));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new CoreException(Status.error(name + ": the JVM did not connect to the debugger on port " + port
                                + " within " + connectTimeoutMillis() + " ms."));
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
            throw new CoreException(Status.error(name + ": the debugger could not accept the JVM's connection on port " + port + ": "
                    + (cause == null ? e : cause).getMessage(), cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoreException(Status.CANCEL_STATUS);
        } finally {
            stop();
        }
    }

    /**
     * Takes the JVM's start event off its queue before the JDT target reads it: a target told to leave the JVM
     * suspended still resumes it when the start event comes after a resume request, which could start a node that
     * the launch has suspended again meanwhile. The JVM stays suspended (suspend=y) until its target is resumed.
     */
    private static void takeStartEvent(VirtualMachine vm, String name) throws CoreException, InterruptedException {
        try {
            EventSet events = vm.eventQueue().remove(connectTimeoutMillis());
            if (events != null && events.stream().anyMatch(VMStartEvent.class::isInstance)) {
                return;
            }
        } catch (VMDisconnectedException e) {
            throw new CoreException(Status.error(name + ": the JVM ended right after it connected to the debugger; see its console."));
        }
        vm.dispose();
        throw new CoreException(Status.error(name + ": the JVM connected to the debugger but did not report its start within "
                + connectTimeoutMillis() + " ms."));
    }

    private static String exitValue(IProcess process) {
        try {
            return Integer.toString(process.getExitValue());
        } catch (DebugException e) {
            return "unknown";
        }
    }

    /** Stops listening (a pending accept fails). */
    public void stop() {
        try {
            connector.stopListening(arguments);
        } catch (IOException | IllegalConnectorArgumentsException | RuntimeException e) {
            // not listening any more
        }
    }
}
