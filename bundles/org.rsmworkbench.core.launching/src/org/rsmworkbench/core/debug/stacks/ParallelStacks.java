// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.stacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.trace.CallSite;

/** Merges the stacks of the suspended threads of a cluster's node JVMs into one tree. */
public final class ParallelStacks {
    private static final List<String> RSM_RUNTIME = List.of("org.rsmworkbench.emulator.", "org.rsmworkbench.rsmapi.");
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private ParallelStacks() {
    }

    /**
     * The merged tree of {@code threads}: its roots are the outermost frames. With {@code hideRuntime}, frames of the
     * RSM runtime and of the JDK are left out, and threads that have no other frame (the JVM's and the runtime's own
     * threads) with them.
     */
    public static List<StackNode> merge(List<NodeThread> threads, boolean hideRuntime) {
        Map<CallSite, StackNode> roots = new LinkedHashMap<>();
        for (NodeThread thread : threads) {
            List<CallSite> frames = hideRuntime ? thread.frames().stream().filter(f -> !isRuntime(f)).toList() : thread.frames();
            if (frames.isEmpty()) {
                continue;
            }
            StackNode node = roots.computeIfAbsent(frames.getLast(), StackNode::new);
            node.add(thread, frames.size() == 1);
            for (int i = frames.size() - 2; i >= 0; i--) {
                node = node.child(frames.get(i));
                node.add(thread, i == 0);
            }
        }
        return List.copyOf(roots.values());
    }

    /** Whether the frame is the RSM runtime's or the JDK's, not the node program's. */
    public static boolean isRuntime(CallSite frame) {
        return isRsm(frame) || JDK.stream().anyMatch(frame.className()::startsWith);
    }

    private static boolean isRsm(CallSite frame) {
        return RSM_RUNTIME.stream().anyMatch(frame.className()::startsWith);
    }

    /**
     * The RSM call the thread is inside: the method of the runtime frame that the program's innermost frame called
     * ({@code signalWait}, {@code closeBarrier}...), or null when the thread is not in an RSM call.
     */
    public static String rsmCall(List<CallSite> frames) {
        int caller = rsmCaller(frames);
        return caller < 0 ? null : frames.get(caller - 1).method();
    }

    /** The index of the program's innermost frame when it is inside an RSM call (the frame that made it), else -1. */
    public static int rsmCaller(List<CallSite> frames) {
        int program = programFrame(frames);
        return program > 0 && isRsm(frames.get(program - 1)) ? program : -1;
    }

    /** The index of the innermost frame of the program, or -1. */
    private static int programFrame(List<CallSite> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (!isRuntime(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Ascending node numbers as ranges: {@code 1,3-8}. */
    public static String nodeList(List<Integer> ascending) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < ascending.size();) {
            int first = ascending.get(i);
            int last = first;
            while (i + 1 < ascending.size() && ascending.get(i + 1) == last + 1) {
                last = ascending.get(++i);
            }
            i++;
            list.append(list.isEmpty() ? "" : ",").append(first).append(first == last ? "" : "-" + last);
        }
        return list.toString();
    }

    /**
     * The suspended threads of the node JVMs of the RSM cluster launches among {@code launches}, with their stacks, in
     * the order of the launches and their targets. Reads the debugger (JDI): call it off the UI thread. A thread that
     * resumes while it is read is left out.
     * <p>
     * The node JVMs are read at once, each by a virtual thread of its own: a read is a request and its answer for every
     * thread (and its frames' source names and line tables, once), so reading 16 JVMs one after the other costs 16
     * times the round trips, each one a wait for a JVM that a loaded machine may not schedule soon.
     */
    public static List<NodeThread> collect(ILaunch... launches) {
        List<Future<List<NodeThread>>> reads = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ILaunch launch : launches) {
                if (!isClusterLaunch(launch)) {
                    continue;
                }
                ClusterWaits waits = waitsOf(launch);
                for (IDebugTarget target : launch.getDebugTargets()) {
                    String node = target.getProcess() == null ? null : target.getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE);
                    if (target instanceof IJavaDebugTarget && node != null && !target.isTerminated()) {
                        reads.add(readers.submit(() -> suspendedThreads(target, Integer.parseInt(node), waits)));
                    }
                }
            }
        }
        List<NodeThread> threads = new ArrayList<>();
        for (Future<List<NodeThread>> read : reads) {
            // every read has ended (closing the executor waits for them): one that failed throws as it would have here
            if (read.state() == Future.State.FAILED && read.exceptionNow() instanceof RuntimeException e) {
                throw e;
            }
            threads.addAll(read.resultNow());
        }
        return threads;
    }

    /** The suspended threads of one node JVM, with their stacks; none when it ended while it was read. */
    private static List<NodeThread> suspendedThreads(IDebugTarget target, int node, ClusterWaits waits) {
        List<NodeThread> threads = new ArrayList<>();
        try {
            for (IThread thread : target.getThreads()) {
                if (thread.isSuspended()) {
                    stackOf(thread, node, waits).ifPresent(threads::add);
                }
            }
        } catch (DebugException ended) {
            return List.of();
        }
        return threads;
    }

    private static Optional<NodeThread> stackOf(IThread thread, int node, ClusterWaits waits) {
        try {
            List<CallSite> frames = new ArrayList<>();
            List<IJavaStackFrame> javaFrames = new ArrayList<>();
            for (IStackFrame frame : thread.getStackFrames()) {
                if (frame instanceof IJavaStackFrame java) {
                    frames.add(callSite(java));
                    javaFrames.add(java);
                }
            }
            ClusterWaits.Wait wait = waitOf(node, frames, waits);
            String described = wait != null || rsmCall(frames) == null ? null
                    : RsmCallArguments.describe(javaFrames.get(programFrame(frames) - 1));
            return Optional.of(new NodeThread(node, thread.getName(), frames, thread, wait, described));
        } catch (DebugException resumed) {
            return Optional.empty();
        }
    }

    /** Where the processes of the launch's cluster wait; none when the cluster has ended. */
    private static ClusterWaits waitsOf(ILaunch launch) {
        for (IDebugTarget target : launch.getDebugTargets()) {
            if (target instanceof ClusterDebugTarget cluster && !cluster.isTerminated()) {
                try {
                    return cluster.cluster().waits();
                } catch (IllegalStateException closed) {
                    break; // the cluster closed while it was read
                }
            }
        }
        return new ClusterWaits(List.of());
    }

    /**
     * The wait of the registry that this stack is in: same node, same call, made from the same program frame. A wait
     * whose site its JVM has not found yet (a JVM suspended by the debugger does not look) is taken when it is the
     * node's only wait in that call.
     */
    private static ClusterWaits.Wait waitOf(int node, List<CallSite> frames, ClusterWaits waits) {
        String call = rsmCall(frames);
        if (call == null) {
            return null;
        }
        CallSite site = frames.get(programFrame(frames));
        List<ClusterWaits.Wait> inCall = waits.waits().stream().filter(w -> w.node() == node && w.call().method().equals(call)).toList();
        return inCall.stream().filter(w -> site.equals(w.site())).findFirst()
                .orElse(inCall.size() == 1 && inCall.getFirst().site() == null ? inCall.getFirst() : null);
    }

    /** A frame of a suspended node thread as a call site, its class named as every node JVM would name it. */
    public static CallSite callSite(IJavaStackFrame frame) throws DebugException {
        return new CallSite(sameInEveryJvm(frame.getDeclaringTypeName()), frame.getMethodName(), sourceName(frame), frame.getLineNumber());
    }

    /**
     * A class name as every node JVM would name it: a lambda's hidden class ({@code Ring$$Lambda.0x…/0x…}) is named
     * after the class it was made in, so that the same lambda of two JVMs is one frame.
     */
    public static String sameInEveryJvm(String className) {
        int lambda = className.indexOf("$$Lambda");
        return lambda < 0 ? className : className.substring(0, lambda + "$$Lambda".length());
    }

    private static String sourceName(IJavaStackFrame frame) {
        try {
            return frame.getSourceName();
        } catch (DebugException noDebugInformation) {
            return null;
        }
    }

    private static boolean isClusterLaunch(ILaunch launch) {
        ILaunchConfiguration configuration = launch.getLaunchConfiguration();
        try {
            return configuration != null && RsmLaunching.LAUNCH_CONFIGURATION_TYPE.equals(configuration.getType().getIdentifier());
        } catch (CoreException deleted) {
            return false;
        }
    }
}
