// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;

/**
 * Debug mode: a small RSM program in a Java project of the test workspace (compiled by JDT against the RSM API
 * container), a line breakpoint in it, and a 3-node cluster launch under the JDT debugger, whose node JVMs wait for a
 * node suspended while it holds the cluster's lock (DebugLaunchedNodeJvmTest of the emulator's tests).
 */
@Timeout(180)
class DebugLaunchTest {
    private static final String PROGRAM = """
            package demo;

            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Hello {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary library = Rsm.open()) {
                        int node = library.localNodeId();
                        System.out.println("RESULT hello from node " + node);
                    }
                }
            }
            """;
    /** The line of the println. */
    private static final int BREAKPOINT_LINE = 10;

    @AfterEach
    void cleanUp() throws Exception {
        DebugLaunches.endAndRemoveAll();
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(), true);
    }

    @Test
    void oneDebugTargetPerNodeAndTheBreakpointStopsEveryNode() throws Exception {
        IJavaProject project = javaProject("debugdemo", Map.of("demo/Hello.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        IFile source = project.getProject().getFile("src/demo/Hello.java");
        IJavaLineBreakpoint breakpoint = JDIDebugModel.createLineBreakpoint(source, "demo.Hello", BREAKPOINT_LINE, -1, -1, 0, true, null);

        try (BreakpointStops stops = new BreakpointStops()) {
            Set<IThread> suspended = stops.threads();
            ILaunchConfigurationWorkingCopy config = Launches.type().newInstance(null, "debugdemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "debugdemo");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Hello");
            config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 3);
            config.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, false); // each node on its own (SuspendAllNodesTest: together)
            ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());

            // the node JVMs' targets (a debug launch may also hold the cluster's memory-block target)
            IDebugTarget[] targets = Arrays.stream(launch.getDebugTargets()).filter(IJavaDebugTarget.class::isInstance)
                    .toArray(IDebugTarget[]::new);
            assertEquals(List.of("node 1", "node 2", "node 3"), Arrays.stream(targets).map(t -> {
                try {
                    return t.getName();
                } catch (Exception e) {
                    return e.toString();
                }
            }).toList(), Launches.describe(launch));
            for (IDebugTarget target : targets) {
                IProcess process = target.getProcess();
                assertEquals(target.getName(), "node " + process.getAttribute(RsmLaunching.PROCESS_ATTR_NODE));
                // so that a node waits for one suspended in the debugger while it holds the cluster's lock
                assertTrue(process.getAttribute(IProcess.ATTR_CMDLINE).contains(" -D" + ClusterLockTimeoutException.DEBUG_LAUNCH_PROPERTY + "=true "),
                        process.getAttribute(IProcess.ATTR_CMDLINE));
            }
            assertTrue(waitFor(() -> suspended.size() == 3, Duration.ofSeconds(60)),
                    "every node stops at the breakpoint; suspended: " + suspended + "\n" + Launches.describe(launch));
            for (IThread thread : suspended) {
                IJavaStackFrame frame = (IJavaStackFrame) thread.getTopStackFrame();
                assertEquals(BREAKPOINT_LINE, frame.getLineNumber());
                assertEquals("demo.Hello", frame.getDeclaringTypeName());
                assertTrue(Arrays.asList(thread.getBreakpoints()).contains(breakpoint));
                // source lookup finds the project's source
                Object element = launch.getSourceLocator().getSourceElement(frame);
                assertInstanceOf(IResource.class, element, "source of " + frame + ": " + element);
                assertEquals(source, element);
                thread.resume();
            }
            Launches.awaitEnd(launch);
            String all = Launches.describe(launch);
            Map<Integer, IProcess> nodes = Launches.nodes(launch);
            for (int node = 1; node <= 3; node++) {
                assertEquals(0, Launches.exit(nodes.get(node)), all);
                assertEquals(List.of("RESULT hello from node " + node), Launches.results(nodes.get(node)), all);
            }
            for (IDebugTarget target : targets) {
                assertTrue(target.isTerminated() || target.isDisconnected(), target.getName() + " ended");
            }
        }
    }
}
