// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSetBreakpoints;
import org.rsmworkbench.core.debug.sets.NodeSetControl;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;

/**
 * Node sets of real 4-node debug sessions: a set's suspend and resume move only its nodes, also when the launch
 * suspends its nodes together; a breakpoint limited to a set stops only the set's nodes; a set's step moves only the
 * threads of its nodes.
 */
@Timeout(240)
class NodeSetsDebugTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROJECT = "nodesetsdemo";
    /** Each node counts rounds, 10 ms apart, and says so every 20 rounds. */
    private static final String PROGRAM = """
            package demo;

            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Rounds {
                public static void main(String[] args) throws Exception {
                    int rounds = Integer.parseInt(args[0]);
                    try (RsmLibrary library = Rsm.open()) {
                        int node = library.localNodeId();
                        int done = 0;
                        while (done < rounds) {
                            done = round(done);
                            if (done % 20 == 0) {
                                System.out.println("RESULT tick " + node + " " + done);
                            }
                            Thread.sleep(10);
                        }
                        System.out.println("RESULT done " + node);
                    }
                }

                static int round(int done) {
                    int next = done + 1;
                    return next;
                }
            }
            """;

    private IFile source;

    @BeforeEach
    void project() throws Exception {
        IJavaProject project = javaProject(PROJECT, Map.of("demo/Rounds.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        source = project.getProject().getFile("src/demo/Rounds.java");
    }

    @AfterEach
    void cleanUp() throws Exception {
        DebugLaunches.endAndRemoveAll();
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
    }

    private static ILaunch launch(String rounds, boolean suspendAllNodes) throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.type().newInstance(null, PROJECT);
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, PROJECT);
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Rounds");
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, rounds);
        config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 4);
        config.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, suspendAllNodes);
        return config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
    }

    @Test
    void aSetSuspendsAndResumesOnlyItsNodesAlsoWhenTheNodesSuspendTogether() throws Exception {
        ILaunch launch = launch("1000000", true);
        NodeSet odd = NodeSet.define("odd", "1,3");
        NodeSet even = NodeSet.define("even", "2,4");
        assertTrue(ticking(launch, 1, 2, 3, 4), () -> "every node runs: " + Launches.describe(launch));
        assertEquals(List.of(1, 3), NodeSetControl.targets(launch, odd).stream().map(NodeSetControl::nodeOf).toList());

        NodeSetControl.suspend(launch, odd);
        assertTrue(waitFor(() -> NodeSetControl.state(launch, odd).equals(new NodeSetControl.State(2, 0)), WAIT),
                () -> "nodes 1 and 3 suspend: " + NodeSetControl.state(launch, odd));
        Map<Integer, Integer> held = Map.of(1, ticks(launch, 1), 3, ticks(launch, 3));
        // the even nodes go on (twice over, so that a suspend of all would have shown), the odd ones do not
        assertTrue(ticking(launch, 2, 4) && ticking(launch, 2, 4), "nodes 2 and 4 run on");
        assertEquals(new NodeSetControl.State(0, 2), NodeSetControl.state(launch, even));
        assertEquals(held, Map.of(1, ticks(launch, 1), 3, ticks(launch, 3)), "nodes 1 and 3 stay suspended");
        assertEquals(new NodeSetControl.State(2, 2), NodeSetControl.state(launch, NodeSet.all()));

        NodeSetControl.resume(launch, odd);
        assertTrue(ticking(launch, 1, 3), "nodes 1 and 3 run again");
        assertEquals(new NodeSetControl.State(0, 4), NodeSetControl.state(launch, NodeSet.all()));

        // the even nodes while the odd ones are suspended: resuming them leaves the odd ones suspended
        NodeSetControl.suspend(launch, NodeSet.all());
        assertTrue(waitFor(() -> NodeSetControl.state(launch, NodeSet.all()).suspended() == 4, WAIT), "every node suspends");
        NodeSetControl.resume(launch, even);
        assertTrue(ticking(launch, 2, 4), "nodes 2 and 4 run again");
        assertEquals(new NodeSetControl.State(2, 0), NodeSetControl.state(launch, odd));
        NodeSetControl.resume(launch, NodeSet.all());
        assertTrue(ticking(launch, 1, 2, 3, 4), "every node runs again");
    }

    @Test
    void aBreakpointLimitedToASetStopsOnlyItsNodesAndTheSetSteps() throws Exception {
        int roundLine = JavaProjects.lineOf(source, "int next = done + 1;");
        IJavaLineBreakpoint breakpoint = JDIDebugModel.createLineBreakpoint(source, "demo.Rounds", roundLine, -1, -1, 0, true, null);
        NodeSetBreakpoints.limitTo(breakpoint, NodeSet.define("even", "2,4"));
        assertEquals(NodeSet.define("nodes 2,4", "2,4"), NodeSetBreakpoints.nodesOf(breakpoint));
        assertEquals(" [nodes 2,4]", breakpoint.getMarker().getAttribute("JDT_BREAKPOINT_LABEL_SUFFIX"));
        try (BreakpointStops stops = new BreakpointStops()) {
            ILaunch launch = launch("200", false);
            // nodes 1 and 3 pass the line 200 times and end; nodes 2 and 4 stop there the first time
            assertTrue(waitFor(() -> Launches.nodes(launch).get(1).isTerminated() && Launches.nodes(launch).get(3).isTerminated(), WAIT),
                    () -> "nodes 1 and 3 run to their end: " + Launches.describe(launch));
            assertEquals(List.of("RESULT done 1"), done(launch, 1));
            assertEquals(List.of("RESULT done 3"), done(launch, 3));
            assertTrue(waitFor(() -> stops.threads().size() == 2, WAIT), "nodes 2 and 4 stop");
            assertEquals(Set.of(2, 4), nodesOf(stops.threads()));
            assertEquals(List.of(), done(launch, 2));

            // a step of node 2's set moves node 2 only; then the set of both steps both (node 2 back into main)
            int returnLine = roundLine + 1;
            int callLine = JavaProjects.lineOf(source, "done = round(done);");
            NodeSet two = NodeSet.define("two", "2");
            List<IThread> stepped = NodeSetControl.step(launch, two, NodeSetControl.Step.OVER);
            assertEquals(Set.of(2), nodesOf(stepped));
            // the line shows before the debug model has the thread suspended again: wait for both, then step the set
            assertTrue(waitFor(() -> lineOf(launch, 2) == returnLine && stepped.getFirst().canStepOver(), WAIT),
                    () -> "node 2 steps over: line " + lineOf(launch, 2));
            assertEquals(roundLine, lineOf(launch, 4), "node 4 stays where it stopped");
            NodeSet even = NodeSet.define("even", "2,4");
            assertEquals(2, NodeSetControl.step(launch, even, NodeSetControl.Step.OVER).size());
            assertTrue(waitFor(() -> lineOf(launch, 4) == returnLine && lineOf(launch, 2) == callLine, WAIT),
                    () -> "both step: lines " + lineOf(launch, 2) + ", " + lineOf(launch, 4));

            // without the breakpoint, resuming the set runs its nodes to the end
            breakpoint.delete();
            NodeSetControl.resume(launch, even);
            Launches.awaitEnd(launch);
            assertEquals(List.of("RESULT done 2"), done(launch, 2));
            assertEquals(List.of("RESULT done 4"), done(launch, 4));
        }
    }

    /** Whether each node prints a new tick (every 200 ms while it runs) within the wait. */
    private static boolean ticking(ILaunch launch, int... nodes) {
        for (int node : nodes) {
            int before = ticks(launch, node);
            BooleanSupplier ticked = () -> ticks(launch, node) > before;
            if (!waitFor(ticked, WAIT)) {
                return false;
            }
        }
        return true;
    }

    private static int ticks(ILaunch launch, int node) {
        return (int) Launches.results(Launches.nodes(launch).get(node)).stream().filter(l -> l.startsWith("RESULT tick ")).count();
    }

    private static List<String> done(ILaunch launch, int node) {
        return Launches.results(Launches.nodes(launch).get(node)).stream().filter(l -> l.startsWith("RESULT done")).toList();
    }

    private static Set<Integer> nodesOf(java.util.Collection<IThread> threads) {
        return threads.stream().map(t -> NodeSetControl.nodeOf(t.getDebugTarget())).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The line of the top frame of the node's main thread when it is suspended, else -1. */
    private static int lineOf(ILaunch launch, int node) {
        for (IDebugTarget target : NodeSetControl.targets(launch, NodeSet.define("one", Integer.toString(node)))) {
            try {
                for (IThread thread : target.getThreads()) {
                    if (thread.getName().equals("main") && thread.isSuspended() && thread.getTopStackFrame() instanceof IJavaStackFrame frame) {
                        return frame.getLineNumber();
                    }
                }
            } catch (DebugException running) {
                return -1;
            }
        }
        return -1;
    }
}
