// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.debug.compare.Comparison;
import org.rsmworkbench.core.debug.compare.CrossNodeEvaluation;
import org.rsmworkbench.core.debug.compare.FrameMethod;
import org.rsmworkbench.core.debug.compare.NodeValue;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;

/** An expression compared across the nodes of a real 4-node debug session, stopped at one breakpoint; node 3 differs. */
@Timeout(240)
class CrossNodeEvaluationDebugTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PROGRAM = """
            package demo;

            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Values {
                static final class Buffer {
                    int count;
                    final String name;
                    final int[] slots;

                    Buffer(int count, String name, int[] slots) {
                        this.count = count;
                        this.name = name;
                        this.slots = slots;
                    }
                }

                public static void main(String[] args) throws Exception {
                    try (RsmLibrary library = Rsm.open()) {
                        int node = library.localNodeId();
                        check(node, new Buffer(node == 3 ? 7 : 5, "mailbox", new int[] {1, node == 3 ? 9 : 2}));
                        done(node);
                    }
                }

                static void check(int node, Buffer buf) {
                    int answer = node == 3 ? 43 : 42;
                    System.out.println("RESULT " + answer + " " + buf.count);
                }

                static void done(int node) {
                    System.out.println("DONE " + node);
                }
            }
            """;

    @AfterEach
    void cleanUp() throws Exception {
        DebugLaunches.endAndRemoveAll();
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
    }

    @Test
    void valuesOfEveryNodeAreGroupedAndTheOddNodeIsFlagged() throws Exception {
        IJavaProject project = javaProject("comparedemo", Map.of("demo/Values.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        IFile source = project.getProject().getFile("src/demo/Values.java");
        int line = JavaProjects.lineOf(source, "RESULT ");
        JDIDebugModel.createLineBreakpoint(source, "demo.Values", line, -1, -1, 0, true, null);
        JDIDebugModel.createLineBreakpoint(source, "demo.Values", JavaProjects.lineOf(source, "DONE "), -1, -1, 0, true, null);
        try (BreakpointStops stops = new BreakpointStops()) {
            Set<IThread> suspended = stops.threads();
            ILaunchConfigurationWorkingCopy config = Launches.type().newInstance(null, "comparedemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "comparedemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Values");
            config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 4);
            config.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, false);
            ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
            assertTrue(waitFor(() -> suspended.size() == 4, WAIT), "every node stops: " + Launches.describe(launch));
            FrameMethod check = FrameMethod.of((IJavaStackFrame) suspended.iterator().next().getTopStackFrame());
            assertEquals("demo.Values.check", check.toString());

            Comparison answer = compare(launch, check, "answer");
            assertEquals("nodes 1-2,4: 42\nnode 3: 43", answer.summary());
            assertEquals("42", answer.commonValue());
            for (NodeValue row : answer.rows()) {
                assertEquals("main", row.thread());
                assertEquals(line, row.line());
                assertEquals(row.node() == 3, answer.differs(row), row.toString());
            }
            assertEquals(List.of(1, 2, 3, 4), answer.rows().stream().map(NodeValue::node).toList());

            assertEquals("nodes 1-2,4: 5\nnode 3: 7", compare(launch, check, "buf.count").summary());
            Comparison name = compare(launch, check, "buf.name");
            assertEquals("nodes 1-4: \"mailbox\"", name.summary());
            assertFalse(name.hasDifferences());
            assertEquals("nodes 1-2,4: int[2] {1, 2}\nnode 3: int[2] {1, 9}", compare(launch, check, "buf.slots").summary());
            assertEquals("nodes 1-4: 2", compare(launch, check, "buf.slots.length").summary());
            // an object without its own toString, by its fields (its identity hash differs in every JVM)
            assertEquals("nodes 1-2,4: Values$Buffer {count=5, name=\"mailbox\", slots=int[2]}\n"
                    + "node 3: Values$Buffer {count=7, name=\"mailbox\", slots=int[2]}", compare(launch, check, "buf").summary());
            // a Java expression: compiled against the project and run in each node JVM
            assertEquals("nodes 1-2,4: 89\nnode 3: 93", compare(launch, check, "answer * 2 + buf.count").summary());
            assertEquals("nodes 1-4: \"MAILBOX\"", compare(launch, check, "buf.name.toUpperCase()").summary());

            Comparison everyNode = compare(launch, check, "node");
            assertEquals(4, everyNode.groups().size());
            assertNull(everyNode.commonValue(), "no value is the most common");
            assertTrue(everyNode.rows().stream().allMatch(everyNode::differs));

            Comparison missing = compare(launch, check, "buf.nope");
            assertEquals("nodes 1-4: buf (demo.Values$Buffer) has no field nope", missing.summary());
            assertFalse(missing.hasDifferences(), "errors are not values");
            Comparison unknown = compare(launch, check, "nosuch + 1");
            assertEquals(1, unknown.groups().size(), unknown.summary());
            assertTrue(unknown.groups().getFirst().error() && unknown.summary().startsWith("nodes 1-4: ") && unknown.summary().contains("nosuch"),
                    unknown.summary());

            NullProgressMonitor canceled = new NullProgressMonitor();
            canceled.setCanceled(true);
            assertThrows(OperationCanceledException.class, () -> CrossNodeEvaluation.evaluate(launch, check, "answer + 1", canceled));
            assertThrows(IllegalArgumentException.class, () -> CrossNodeEvaluation.evaluate(launch, check, "  ", new NullProgressMonitor()));

            // node 4 goes on to the next breakpoint, in another method: the others are still compared
            IThread node4 = suspended.stream().filter(t -> node(t) == 4).findFirst().orElseThrow();
            stops.threads().clear();
            node4.resume();
            assertTrue(waitFor(() -> suspended.size() == 1, WAIT), "node 4 stops in done: " + Launches.describe(launch));
            assertEquals("nodes 1-2: 42\nnode 3: 43\nnode 4: suspended elsewhere, not in demo.Values.check",
                    compare(launch, check, "answer").summary());
        }
    }

    private static Comparison compare(ILaunch launch, FrameMethod method, String expression) {
        return CrossNodeEvaluation.evaluate(launch, method, expression, new NullProgressMonitor());
    }

    private static int node(IThread thread) {
        return Integer.parseInt(thread.getDebugTarget().getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE));
    }
}
