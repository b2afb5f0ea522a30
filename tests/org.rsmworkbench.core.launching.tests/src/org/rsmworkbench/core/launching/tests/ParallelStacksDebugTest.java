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

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.debug.stacks.NodeThread;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.core.debug.stacks.StackNode;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;

/** Parallel stacks of a real 4-node debug session in which a breakpoint stops the even nodes only. */
@Timeout(180)
class ParallelStacksDebugTest {
    private static final String PROGRAM = """
            package demo;

            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Split {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary library = Rsm.open()) {
                        int node = library.localNodeId();
                        if (node % 2 == 0) {
                            even(node);
                        } else {
                            System.out.println("RESULT odd " + node);
                        }
                    }
                }

                static void even(int node) {
                    System.out.println("RESULT even " + node);
                }
            }
            """;

    @AfterEach
    void cleanUp() throws Exception {
        DebugLaunches.endAndRemoveAll();
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
    }

    @Test
    void theStacksOfTheNodesStoppedAtABreakpointAreMergedAndLabelledWithTheirNodes() throws Exception {
        IJavaProject project = javaProject("stacksdemo", Map.of("demo/Split.java", PROGRAM));
        IFile source = project.getProject().getFile("src/demo/Split.java");
        int evenLine = JavaProjects.lineOf(source, "RESULT even");
        int callLine = JavaProjects.lineOf(source, "even(node);");
        JDIDebugModel.createLineBreakpoint(source, "demo.Split", evenLine, -1, -1, 0, true, null);
        try (BreakpointStops stops = new BreakpointStops()) {
            Set<IThread> suspended = stops.threads();
            ILaunchConfigurationWorkingCopy config = Launches.type().newInstance(null, "stacksdemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "stacksdemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Split");
            config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 4);
            config.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, false);
            ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
            assertTrue(waitFor(() -> suspended.size() == 2, Duration.ofSeconds(60)), "nodes 2 and 4 stop: " + Launches.describe(launch));

            List<NodeThread> threads = ParallelStacks.collect(launch);
            List<StackNode> roots = ParallelStacks.merge(threads, true);
            assertEquals(1, roots.size(), roots.toString());
            StackNode main = roots.getFirst();
            assertEquals(new CallSite("demo.Split", "main", "Split.java", callLine), main.frame());
            assertEquals("nodes 2,4 · 2 threads", main.label());
            StackNode even = main.children().getFirst();
            assertEquals(new CallSite("demo.Split", "even", "Split.java", evenLine), even.frame());
            assertEquals(Set.copyOf(suspended), Set.copyOf(even.stoppedHere().stream().map(NodeThread::thread).toList()));
            for (IThread thread : suspended) {
                thread.resume();
            }
            Launches.awaitEnd(launch);
            assertEquals(List.of(), ParallelStacks.collect(launch), "no stacks once every node ended");
        }
    }
}
