// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.sets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.internal.ClusterLaunchSession;
import org.rsmworkbench.core.launching.internal.SuspendAllNodes;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * Suspends, resumes and steps the node JVMs of a set in a cluster debug launch, through their debug targets and threads
 * (JDT's). The other nodes are left as they are, also in a launch whose nodes suspend together
 * ({@link RsmLaunching#ATTR_SUSPEND_ALL_NODES}): a set's suspend or resume is not a stop or a resume of all; a breakpoint
 * or the user's Suspend or Resume of a node still is.
 */
public final class NodeSetControl {
    /** The steps a set can take. */
    public enum Step {
        OVER, INTO, RETURN
    }

    /**
     * How many live nodes of a set are suspended (some thread stopped) and how many run.
     *
     * @param suspended nodes with a suspended thread
     * @param running nodes whose threads all run
     */
    public record State(int suspended, int running) {
        /** {@code 2 suspended, 1 running}. */
        @Override
        public String toString() {
            return suspended + " suspended, " + running + " running";
        }
    }

    private NodeSetControl() {
    }

    /** The node a debug target debugs (its process's node attribute), or -1 when it is not a node JVM. */
    public static int nodeOf(IDebugTarget target) {
        IProcess process = target.getProcess();
        String node = process == null ? null : process.getAttribute(RsmLaunching.PROCESS_ATTR_NODE);
        return node == null || !(target instanceof IJavaDebugTarget) ? -1 : Integer.parseInt(node);
    }

    /** Whether the launch is one of an RSM cluster application (whose configuration holds its node sets). */
    public static boolean isClusterLaunch(ILaunch launch) {
        ILaunchConfiguration config = launch.getLaunchConfiguration();
        try {
            return config != null && RsmLaunching.LAUNCH_CONFIGURATION_TYPE.equals(config.getType().getIdentifier());
        } catch (CoreException deleted) {
            return false;
        }
    }

    /** The live debug targets of the set's node JVMs in the launch, by ascending node. */
    public static List<IDebugTarget> targets(ILaunch launch, NodeSet set) {
        List<IDebugTarget> targets = new ArrayList<>();
        for (IDebugTarget target : launch.getDebugTargets()) {
            int node = nodeOf(target);
            if (node >= 0 && set.contains(node) && !target.isTerminated() && !target.isDisconnected()) {
                targets.add(target);
            }
        }
        targets.sort(Comparator.comparingInt(NodeSetControl::nodeOf));
        return targets;
    }

    /** How many of the set's live nodes are suspended and how many run. */
    public static State state(ILaunch launch, NodeSet set) {
        int suspended = 0;
        int running = 0;
        for (IDebugTarget target : targets(launch, set)) {
            if (isSuspended(target)) {
                suspended++;
            } else {
                running++;
            }
        }
        return new State(suspended, running);
    }

    /** Whether the target or one of its threads is suspended. */
    public static boolean isSuspended(IDebugTarget target) {
        if (target.isSuspended()) {
            return true;
        }
        try {
            for (IThread thread : target.getThreads()) {
                if (thread.isSuspended()) {
                    return true;
                }
            }
        } catch (DebugException ended) {
            // no threads any more
        }
        return false;
    }

    /** Suspends every running node of the set (each JVM as a whole); the other nodes go on. */
    public static void suspend(ILaunch launch, NodeSet set) throws DebugException {
        List<IDebugTarget> targets = targets(launch, set).stream().filter(IDebugTarget::canSuspend).toList();
        SuspendAllNodes group = ClusterLaunchSession.suspendAllNodesOf(launch);
        if (group != null) {
            group.suspendOnly(targets);
            return;
        }
        Failures failures = new Failures("suspend");
        for (IDebugTarget target : targets) {
            try {
                target.suspend();
            } catch (DebugException e) {
                failures.add(e);
            }
        }
        failures.throwAny();
    }

    /** Resumes every suspended node of the set (every thread of each JVM); the other nodes stay as they are. */
    public static void resume(ILaunch launch, NodeSet set) throws DebugException {
        List<IDebugTarget> targets = targets(launch, set).stream().filter(IDebugTarget::canResume).toList();
        SuspendAllNodes group = ClusterLaunchSession.suspendAllNodesOf(launch);
        if (group != null) {
            group.resumeOnly(targets);
            return;
        }
        Failures failures = new Failures("resume");
        for (IDebugTarget target : targets) {
            try {
                target.resume();
            } catch (DebugException e) {
                failures.add(e);
            }
        }
        failures.throwAny();
    }

    /**
     * Steps, in every node of the set, each {@linkplain #stepThreads(ILaunch, NodeSet) thread that stands in the
     * program}; the other threads and nodes stay as they are.
     *
     * @return the threads that were stepped
     */
    public static List<IThread> step(ILaunch launch, NodeSet set, Step step) throws DebugException {
        List<IThread> threads = stepThreads(launch, set).stream().filter(t -> canStep(t, step)).toList();
        SuspendAllNodes group = ClusterLaunchSession.suspendAllNodesOf(launch);
        if (group != null) {
            group.stepsOfSet(threads);
        }
        Failures failures = new Failures("step");
        for (IThread thread : threads) {
            try {
                switch (step) {
                case OVER -> thread.stepOver();
                case INTO -> thread.stepInto();
                case RETURN -> thread.stepReturn();
                }
            } catch (DebugException e) {
                failures.add(e);
            }
        }
        failures.throwAny();
        return threads;
    }

    private static boolean canStep(IThread thread, Step step) {
        return switch (step) {
        case OVER -> thread.canStepOver();
        case INTO -> thread.canStepInto();
        case RETURN -> thread.canStepReturn();
        };
    }

    /**
     * The suspended threads of the set's nodes that a set's step moves: those stopped at a breakpoint, and those whose
     * top frame is the node program's (not the JDK's or the RSM runtime's: the JVM's own threads, or a thread inside an
     * RSM wait, would not come back from a step until the wait ends).
     */
    public static List<IThread> stepThreads(ILaunch launch, NodeSet set) {
        List<IThread> threads = new ArrayList<>();
        for (IDebugTarget target : targets(launch, set)) {
            try {
                for (IThread thread : target.getThreads()) {
                    if (thread.isSuspended() && (thread.getBreakpoints().length > 0 || inProgram(thread.getTopStackFrame()))) {
                        threads.add(thread);
                    }
                }
            } catch (DebugException resumedOrEnded) {
                // a node that ended or resumed meanwhile has nothing to step
            }
        }
        return threads;
    }

    private static boolean inProgram(IStackFrame frame) throws DebugException {
        return frame instanceof IJavaStackFrame java
                && !ParallelStacks.isRuntime(new CallSite(java.getDeclaringTypeName(), java.getMethodName(), null, java.getLineNumber()));
    }

    /** The failures of one request to several nodes: the others are still asked, then one exception says all. */
    private static final class Failures {
        private final String what;
        private final List<DebugException> failures = new ArrayList<>();

        Failures(String what) {
            this.what = what;
        }

        void add(DebugException e) {
            failures.add(e);
        }

        void throwAny() throws DebugException {
            if (failures.size() == 1) {
                throw failures.getFirst();
            }
            if (!failures.isEmpty()) {
                MultiStatus status = new MultiStatus(RsmLaunching.PLUGIN_ID, DebugException.REQUEST_FAILED,
                        "Cannot " + what + " " + failures.size() + " nodes of the set", null);
                failures.forEach(e -> status.add(e.getStatus()));
                throw new DebugException(status);
            }
        }
    }
}
