// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.lineOf;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.IJavaObject;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.IJavaValue;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.debug.sets.NodeSetControl;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;

/**
 * The example DoorbellPingPong (node 1 pings nodes 2, 3 and 4 in turn and waits up to 30 s for each answer)
 * debugged on 4 nodes, with a breakpoint where node 3 answers round 3. With "suspend every node" (the default)
 * the other nodes are suspended with node 3, outlast the 30 s, step and evaluate only in node 3, and run on
 * together; without it, node 1 gives up on node 3 after 30 s of waiting and says how long it waited.
 */
@Timeout(240)
class SuspendAllNodesTest {
    private static final String PROJECT = "stopall";
    private static final String EXAMPLE = RsmProjects.Example.DOORBELL_PING_PONG.mainType();
    /** Where a pong node answers; the breakpoint stops only node 3, in round 3. */
    private static final String ANSWER = "back.segment().put64(";
    private static final String CONDITION = "group.self() == 3 && ping == 3";
    /** Longer than the examples' 30 s wait for a peer. */
    private static final Duration HOLD = Duration.ofSeconds(32);

    private final List<IJavaThread> breakpointHits = new CopyOnWriteArrayList<>();
    private final List<IJavaThread> stepEnds = new CopyOnWriteArrayList<>();
    private final IDebugEventSetListener recorder = events -> {
        for (DebugEvent event : events) {
            if (event.getKind() == DebugEvent.SUSPEND && event.getSource() instanceof IJavaThread thread) {
                if (event.getDetail() == DebugEvent.BREAKPOINT) {
                    breakpointHits.add(thread);
                } else if (event.getDetail() == DebugEvent.STEP_END) {
                    stepEnds.add(thread);
                }
            }
        }
    };
    private RsmProjects.Created example;
    private int answerLine;

    @BeforeEach
    void exampleWithABreakpoint() throws Exception {
        JavaProjects.deleteIfExists(PROJECT);
        example = RsmProjects.create(PROJECT, RsmProjects.Example.DOORBELL_PING_PONG, 4, new NullProgressMonitor());
        JavaProjects.build();
        assertEquals(List.of(), JavaProjects.errors(example.project()));
        answerLine = lineOf(example.mainSource(), ANSWER);
        IJavaLineBreakpoint breakpoint = JDIDebugModel.createLineBreakpoint(example.mainSource(), EXAMPLE, answerLine, -1, -1, 0, true,
                null);
        breakpoint.setCondition(CONDITION);
        breakpoint.setConditionEnabled(true);
        DebugPlugin.getDefault().addDebugEventListener(recorder);
    }

    @AfterEach
    void cleanUp() throws Exception {
        DebugPlugin.getDefault().removeDebugEventListener(recorder);
        DebugLaunches.endAndRemoveAll();
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
        example.project().delete(true, true, null);
    }

    @Test
    void whenNodeThreeStopsEveryNodeIsSuspendedOutlastsTheTimeoutAndRunsOnWithIt() throws Exception {
        ILaunchConfigurationWorkingCopy config = configuration(true);
        ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Map<Integer, IJavaDebugTarget> nodes = targets(launch);

        IJavaThread stopped = awaitBreakpoint(launch);
        assertEquals(nodes.get(3), stopped.getDebugTarget(), "node 3 stops at the breakpoint");
        assertTrue(waitFor(() -> othersSuspended(nodes, 3), Duration.ofSeconds(20)),
                "every other node is suspended with node 3: " + states(nodes));
        assertFalse(nodes.get(3).isSuspended(), "node 3 itself: only its thread stopped, as the breakpoint says");

        // the runtime's threads are listed with the JVM's own, which the Debug view hides: the user sees the program's
        List<String> runtimeThreads = new ArrayList<>();
        for (IThread thread : nodes.get(3).getThreads()) {
            IJavaThread java = (IJavaThread) thread;
            if (java.getName().startsWith("rsm-")) {
                assertTrue(java.isSystemThread(), java.getName() + " is among the JVM's threads, not the program's");
                runtimeThreads.add(java.getName());
            }
        }
        assertTrue(runtimeThreads.stream().anyMatch(name -> name.startsWith("rsm-cluster-watch-")), runtimeThreads.toString());
        assertFalse(stopped.isSystemThread(), "the program's thread is shown");

        // an evaluation in node 3 (the Variables view does such) suspends or resumes nothing else
        IJavaStackFrame frame = (IJavaStackFrame) stopped.getTopStackFrame();
        IJavaObject group = (IJavaObject) frame.findVariable("group").getValue();
        IJavaValue self = group.sendMessage("self", "()I", new IJavaValue[0], stopped, false);
        assertEquals("3", self.getValueString());

        // a step moves node 3 only
        stopped.stepOver();
        assertTrue(waitFor(() -> stepEnds.contains(stopped), Duration.ofSeconds(20)), "the step ends");
        assertEquals(answerLine + 1, stopped.getTopStackFrame().getLineNumber());
        assertTrue(othersSuspended(nodes, 3), "the other nodes stay suspended while node 3 steps: " + states(nodes));

        // held longer than a node waits for its peer: nobody gives up, because nobody ran
        Thread.sleep(HOLD.toMillis());
        assertTrue(othersSuspended(nodes, 3), states(nodes));
        assertTrue(Launches.nodes(launch).values().stream().noneMatch(IProcess::isTerminated), Launches.describe(launch));

        stopped.resume();
        assertTrue(waitFor(() -> nodes.values().stream().allMatch(t -> !t.isSuspended() || t.isTerminated()), Duration.ofSeconds(20)),
                "the resume of node 3 resumes every node: " + states(nodes));
        Launches.awaitEnd(launch);
        String all = Launches.describe(launch);
        for (Map.Entry<Integer, IProcess> node : Launches.nodes(launch).entrySet()) {
            assertEquals(0, Launches.exit(node.getValue()), "node " + node.getKey() + "\n" + all);
            assertEquals(List.of("RESULT pingpong rounds=5 nodes=4"), Launches.results(node.getValue()), all);
        }
        assertEquals(1, breakpointHits.size(), "only node 3 in round 3 stops: " + breakpointHits);
    }

    @Test
    void withoutSuspendingEveryNodeThePingerGivesUpOnTheStoppedNodeAfterThirtySecondsAndSaysSo() throws Exception {
        ILaunchConfigurationWorkingCopy config = configuration(false);
        ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Map<Integer, IJavaDebugTarget> nodes = targets(launch);
        IJavaThread stopped = awaitBreakpoint(launch);
        assertEquals(nodes.get(3), stopped.getDebugTarget());
        assertFalse(nodes.get(1).isSuspended(), "node 1 runs on");

        // the example reports a peer that does not answer in time as lost and goes on with the others
        IProcess pinger = Launches.nodes(launch).get(1);
        String lostNode3 = "lost node 3 in round 3 \\(TIMEOUT: .*no signal arrived on segment 0x400100 of node 1 within 30 s "
                + "\\(300 waits of 100 ms; node 3 was still there at every check\\); 3\\d\\.\\d s passed since the wait began\\); .*";
        assertTrue(waitFor(() -> Launches.out(pinger).lines().anyMatch(l -> l.matches(lostNode3)), Duration.ofSeconds(60)),
                "node 1 gives up on node 3, saying how long it waited: " + Launches.describe(launch));
    }

    @Test
    void nodesEndedWhileHeldAreNotSuspendedAndTheirTargetsNameTheExitValue() throws Exception {
        ILaunch launch = configuration(true).launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        Map<Integer, IJavaDebugTarget> nodes = targets(launch);
        awaitBreakpoint(launch);
        assertTrue(waitFor(() -> othersSuspended(nodes, 3), Duration.ofSeconds(20)), "every other node is suspended with node 3: " + states(nodes));

        launch.terminate();
        assertTrue(waitFor(launch::isTerminated, Duration.ofSeconds(60)), Launches.describe(launch));
        for (Map.Entry<Integer, IJavaDebugTarget> node : nodes.entrySet()) {
            IJavaDebugTarget target = node.getValue();
            assertTrue(target.isTerminated(), "node " + node.getKey() + " ended");
            assertFalse(target.isSuspended(), "node " + node.getKey() + ": an ended target is not suspended");
            assertFalse(NodeSetControl.isSuspended(target), "node " + node.getKey() + " counts as suspended in no node set");
            assertEquals("node " + node.getKey() + " (exit value " + target.getProcess().getExitValue() + ")", target.getName());
        }
    }

    /** The example's configuration, 5 rounds, with "suspend every node" on or off. */
    private ILaunchConfigurationWorkingCopy configuration(boolean suspendAll) throws CoreException {
        ILaunchConfigurationWorkingCopy config = example.launchConfiguration().getWorkingCopy();
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, "5");
        config.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, suspendAll);
        return config;
    }

    private IJavaThread awaitBreakpoint(ILaunch launch) throws InterruptedException {
        assertTrue(waitFor(() -> !breakpointHits.isEmpty(), Duration.ofSeconds(60)),
                "a node stops at the breakpoint: " + Launches.describe(launch));
        return breakpointHits.get(0);
    }

    /** The node JVMs' targets by node id. */
    private static Map<Integer, IJavaDebugTarget> targets(ILaunch launch) {
        Map<Integer, IJavaDebugTarget> targets = new java.util.TreeMap<>();
        Arrays.stream(launch.getDebugTargets()).filter(IJavaDebugTarget.class::isInstance).map(IJavaDebugTarget.class::cast)
                .forEach(t -> targets.put(Integer.parseInt(t.getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE)), t));
        assertEquals(List.of(1, 2, 3, 4), List.copyOf(targets.keySet()), Launches.describe(launch));
        return targets;
    }

    private static boolean othersSuspended(Map<Integer, IJavaDebugTarget> nodes, int stopper) {
        return nodes.entrySet().stream().filter(e -> e.getKey() != stopper).allMatch(e -> e.getValue().isSuspended());
    }

    private static String states(Map<Integer, IJavaDebugTarget> nodes) {
        StringBuilder text = new StringBuilder();
        nodes.forEach((node, target) -> text.append(" node ").append(node).append(target.isTerminated() ? " ended"
                : target.isSuspended() ? " suspended" : " running"));
        return text.toString();
    }
}
