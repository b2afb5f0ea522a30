// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IThread;

/**
 * The node JVMs of a debug launch suspended and resumed together, as parallel debuggers "stop all" processes of
 * a job: when a node suspends (a breakpoint, the end of a step, the user's Suspend), every other node is
 * suspended; when the user resumes any node, the nodes suspended here resume with it. A step moves only the
 * node that steps (the others stay suspended until the next resume), and evaluations (the Variables view, an
 * expression) change nothing.
 * <p>
 * It follows the debug events of the nodes' targets and their threads. Its own suspends and resumes are
 * target-level requests, made on a thread of its own (they wait for the JVM; the event dispatch thread must
 * not), each only when the target is in the state it changes, so each fires one event of its kind from the
 * target: those events are expected and ignored, and what the group does never sets it off again. A
 * target-level Suspend or Resume that the user gives in the instant the group acts on that very target could
 * be taken for the group's own.
 * <p>
 * The targets join suspended (connected to JVMs that wait for the debugger); {@link #resumeAll()} starts them.
 * <p>
 * A node set's requests ({@link #suspendOnly}, {@link #resumeOnly}, {@link #stepsOfSet}) move only the set's nodes: their
 * events are expected too, and the nodes a set resumes are no longer held.
 */
public final class SuspendAllNodes implements IDebugEventSetListener {
    private final List<IDebugTarget> nodes = new CopyOnWriteArrayList<>();
    private final ExecutorService requests;
    /** Whether a node has suspended and the others are held; guarded by this, as the fields below. */
    private boolean stopped = true;
    /** The targets suspended here (or not started yet), resumed with the next resume. */
    private final Set<IDebugTarget> held = new HashSet<>();
    private final Map<IDebugTarget, Integer> expectedSuspends = new HashMap<>();
    private final Map<IDebugTarget, Integer> expectedResumes = new HashMap<>();
    /** The threads a node set stepped: the end of their step suspends no other node. */
    private final Set<IThread> setSteps = new HashSet<>();
    private boolean disposed;

    /** @param name names the thread that suspends and resumes targets, e.g. the launch configuration */
    public SuspendAllNodes(String name) {
        requests = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("rsm-suspend-all " + name).factory());
        DebugPlugin.getDefault().addDebugEventListener(this);
    }

    /** A node JVM's target, connected and still suspended at the JVM's start: the next {@link #resumeAll()} starts it. */
    public synchronized void add(IDebugTarget target) {
        nodes.add(target);
        held.add(target);
    }

    /**
     * A node JVM's target that joins later (the program of a restarted node), connected and suspended at the JVM's
     * start: it starts now, or with the next resume while the others are held.
     */
    public synchronized void join(IDebugTarget target) {
        nodes.add(target);
        if (stopped) {
            held.add(target);
        } else if (!disposed) {
            requests.execute(() -> resume(target));
        }
    }

    /** Resumes every node held, as a user's resume does. */
    public synchronized void resumeAll() {
        if (!stopped || disposed) {
            return;
        }
        stopped = false;
        for (IDebugTarget node : held) {
            requests.execute(() -> resume(node));
        }
        held.clear();
    }

    /** Suspends every running node but {@code stopper}, which has just suspended. */
    private synchronized void suspendAllBut(IDebugTarget stopper) {
        if (stopped || disposed) {
            return;
        }
        stopped = true;
        for (IDebugTarget node : nodes) {
            if (node != stopper && !node.isTerminated() && held.add(node)) {
                requests.execute(() -> suspend(node));
            }
        }
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent event : events) {
            IDebugTarget node = nodeOf(event.getSource());
            if (node == null || event.isEvaluation()) {
                continue;
            }
            switch (event.getKind()) {
            case DebugEvent.SUSPEND -> {
                if (!tookExpected(expectedSuspends, node, event) && !tookSetStep(event)) {
                    suspendAllBut(node);
                }
            }
            case DebugEvent.RESUME -> {
                if (!event.isStepStart() && !tookExpected(expectedResumes, node, event)) {
                    resumeAll();
                }
            }
            case DebugEvent.TERMINATE -> {
                if (event.getSource() == node) {
                    ended(node);
                }
            }
            default -> {
                // changes and model-specific events (quiet evaluations of conditional breakpoints) suspend nothing
            }
            }
        }
    }

    /** The node target of an event's source (the target or one of its threads), or null. */
    private IDebugTarget nodeOf(Object source) {
        IDebugTarget target = source instanceof IThread thread ? thread.getDebugTarget() : source instanceof IDebugTarget t ? t : null;
        return target != null && nodes.contains(target) ? target : null;
    }

    /** Whether the event ends the step of a thread that a node set stepped (any suspend of that thread ends the mark). */
    private synchronized boolean tookSetStep(DebugEvent event) {
        return event.getSource() instanceof IThread thread && setSteps.remove(thread) && event.getDetail() == DebugEvent.STEP_END;
    }

    /** Whether the event is one that a request of this group fired (then it is no longer expected). */
    private synchronized boolean tookExpected(Map<IDebugTarget, Integer> expected, IDebugTarget node, DebugEvent event) {
        if (event.getSource() != node || event.getDetail() != DebugEvent.CLIENT_REQUEST || !expected.containsKey(node)) {
            return false;
        }
        expected.computeIfPresent(node, (_, count) -> count > 1 ? count - 1 : null);
        return true;
    }

    private static void expect(Map<IDebugTarget, Integer> expected, IDebugTarget node) {
        expected.merge(node, 1, Integer::sum);
    }

    private static void unexpect(Map<IDebugTarget, Integer> expected, IDebugTarget node) {
        expected.computeIfPresent(node, (_, count) -> count > 1 ? count - 1 : null);
    }

    /**
     * A node set's Suspend, on the caller's thread: these nodes suspend, and no other node with them. They are not held:
     * the next stop of all holds them with the others.
     */
    public void suspendOnly(Collection<IDebugTarget> targets) throws DebugException {
        for (IDebugTarget node : targets) {
            synchronized (this) {
                if (disposed || !nodes.contains(node) || !node.canSuspend()) {
                    continue;
                }
                expect(expectedSuspends, node);
            }
            try {
                node.suspend();
            } catch (DebugException e) {
                requestFailed(node, expectedSuspends, expectedResumes, "suspend", e);
                throw e;
            }
        }
    }

    /**
     * A node set's Resume, on the caller's thread: these nodes resume, and no other node with them; the nodes held stay
     * held (the group is stopped until none is).
     */
    public void resumeOnly(Collection<IDebugTarget> targets) throws DebugException {
        for (IDebugTarget node : targets) {
            synchronized (this) {
                if (disposed || !nodes.contains(node) || !node.canResume()) {
                    continue;
                }
                held.remove(node);
                if (held.isEmpty()) {
                    stopped = false;
                }
                expect(expectedResumes, node);
            }
            try {
                node.resume();
            } catch (DebugException e) {
                requestFailed(node, expectedResumes, expectedSuspends, "resume", e);
                throw e;
            }
        }
    }

    /** A node set is about to step these threads: the ends of their steps suspend no other node. */
    public synchronized void stepsOfSet(Collection<IThread> threads) {
        setSteps.addAll(threads);
    }

    /** On the request thread: suspends the node if it is still to be held and runs. */
    private void suspend(IDebugTarget node) {
        synchronized (this) {
            if (disposed || !held.contains(node) || node.isSuspended() || !available(node)) {
                return;
            }
            expect(expectedSuspends, node);
        }
        try {
            node.suspend();
        } catch (DebugException e) {
            requestFailed(node, expectedSuspends, expectedResumes, "suspend", e);
        }
    }

    /** On the request thread: resumes the node if it is not held again and is suspended. */
    private void resume(IDebugTarget node) {
        synchronized (this) {
            if (disposed || held.contains(node) || !node.isSuspended() || !available(node)) {
                return;
            }
            expect(expectedResumes, node);
        }
        try {
            node.resume();
        } catch (DebugException e) {
            requestFailed(node, expectedResumes, expectedSuspends, "resume", e);
        }
    }

    private static boolean available(IDebugTarget node) {
        return !node.isTerminated() && !node.isDisconnected();
    }

    /** A failed request fired the opposite event (JDT restores the state it had): that one is expected instead. */
    private void requestFailed(IDebugTarget node, Map<IDebugTarget, Integer> requested, Map<IDebugTarget, Integer> restored, String what,
            DebugException e) {
        synchronized (this) {
            unexpect(requested, node);
            if (available(node)) {
                expect(restored, node);
            }
        }
        if (available(node)) {
            ILog.of(getClass()).log(Status.warning("Cannot " + what + " " + name(node) + " with the other nodes: " + e.getMessage(), e));
        }
    }

    private static String name(IDebugTarget node) {
        try {
            return node.getName();
        } catch (DebugException e) {
            return node.toString();
        }
    }

    private synchronized void ended(IDebugTarget node) {
        nodes.remove(node);
        held.remove(node);
        expectedSuspends.remove(node);
        expectedResumes.remove(node);
        setSteps.removeIf(thread -> thread.getDebugTarget() == node);
    }

    /** Stops following the nodes (the launch has ended). */
    public void dispose() {
        synchronized (this) {
            if (disposed) {
                return;
            }
            disposed = true;
        }
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.removeDebugEventListener(this);
        }
        requests.shutdownNow();
    }
}
