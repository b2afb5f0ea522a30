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
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
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

    /**
     * Node 1 exports after 15 s and waits; node 2 connects to it (again and again until then) and puts in a barrier span:
     * the calls the registry does not show.
     */
    private static final String CALLS = """
            package demo;

            import org.rsmworkbench.rsmapi.Barrier;
            import org.rsmworkbench.rsmapi.BarrierType;
            import org.rsmworkbench.rsmapi.ExportSegment;
            import org.rsmworkbench.rsmapi.ImportSegment;
            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmController;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Calls {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary library = Rsm.open()) {
                        RsmController controller = library.getController("emu0");
                        if (library.localNodeId() == 1) {
                            Thread.sleep(15_000);
                            ExportSegment mailbox = controller.createExportSegment(library.allocate(controller.getAttributes().pageSize()), 0);
                            mailbox.publish(0x400100, null);
                            mailbox.signalWait(-1);
                            return;
                        }
                        for (;; Thread.sleep(10)) {
                            try {
                                ImportSegment mailbox = controller.connect(1, 0x400100, Rsm.PERM_RDWR);
                                Barrier barrier = mailbox.initBarrier(BarrierType.SEGMENT);
                                barrier.open();
                                mailbox.put8(0, new byte[] { 42 }, 1);
                                barrier.close();
                                mailbox.signalPost(0);
                                return;
                            } catch (org.rsmworkbench.rsmapi.RsmException notYet) {
                                // node 1 has not published yet
                            }
                        }
                    }
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

    @Test
    void aThreadInConnectOrABarrierCallSaysWhichSegmentAndWhyAConnectIsRetriedAsItsJvmTells() throws Exception {
        javaProject("callsdemo", Map.of("demo/Calls.java", CALLS));
        IBreakpoint connect = JDIDebugModel.createMethodBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), "org.rsmworkbench.emulator.internal.Controller",
                "connect", "(III)Lorg/rsmworkbench/rsmapi/ImportSegment;", true, false, false, -1, -1, -1, 0, true, null);
        JDIDebugModel.createMethodBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), "org.rsmworkbench.emulator.internal.BarrierHandle",
                "close", "()V", true, false, false, -1, -1, -1, 0, true, null);
        try (BreakpointStops stops = new BreakpointStops()) {
            ILaunchConfigurationWorkingCopy config = Launches.type().newInstance(null, "callsdemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "callsdemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Calls");
            config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 2);
            config.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, false);
            ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
            for (String expected : List.of("connect to 1:0x400100", "connect to 1:0x400100 (retrying: not published)",
                    "barrier close on 1:0x400100")) {
                assertTrue(waitFor(() -> !stops.threads().isEmpty(), Duration.ofSeconds(60)), expected + ": " + Launches.describe(launch));
                IThread stopped = stops.threads().iterator().next();
                NodeThread thread = ParallelStacks.collect(launch).stream().filter(t -> t.thread().equals(stopped)).findFirst().orElseThrow();
                assertEquals(expected, thread.rsmActivity(), thread.frames().toString());
                stops.threads().clear();
                if (expected.contains("retrying")) {
                    connect.delete(); // stop at the barrier next, not at every retry until node 1 publishes
                }
                stopped.resume();
            }
            DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
            for (IThread thread : stops.threads()) {
                thread.resume();
            }
            Launches.awaitEnd(launch);
        }
    }
}
