// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.spin;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.internal.debug.ui.IJDIPreferencesConstants;
import org.eclipse.jdt.internal.debug.ui.JDIDebugUIPlugin;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.JavaProjects;

/**
 * The Debug view over a 4-node debug launch whose nodes suspend together: node 2 stops at a breakpoint while the other
 * nodes wait in signalWait (a JDK stub of a downcall at the top of their stacks, with no source), and every other node
 * is suspended with it; and over one whose node the user suspends while it waits.
 */
@Timeout(240)
@SuppressWarnings("restriction") // JDT's preference of Collapse Stack Frames
class DebugViewSuspendAllTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROJECT = "suspendall";
    private static final String ACTIVATE_DEBUG_VIEW = "org.eclipse.debug.ui.activate_debug_view";
    /** The job in which JDT's model proxy of a target selects the target's first suspended thread, once installed. */
    private static final String PROXY_INITIALIZATION = "Initialize Java Debug Session";
    private static final String PROGRAM = """
            package demo;

            import org.rsmworkbench.rsmapi.ExportSegment;
            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Stop {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary library = Rsm.open()) {
                        int node = library.localNodeId();
                        if (node == 2) {
                            Thread.sleep(2000); // the others are in signalWait by then
                            stop(node);
                        } else {
                            ExportSegment doorbell = library.getController("emu0").createExportSegment(library.allocate(4096), 0);
                            doorbell.signalWait(120_000); // nobody posts
                        }
                    }
                }

                static void stop(int node) {
                    System.out.println("RESULT stop " + node);
                }
            }
            """;

    @RegisterExtension
    final DebugUiSession session = new DebugUiSession();
    private IFile source;

    @BeforeEach
    void programWithABreakpoint() throws Exception {
        JavaProjects.deleteIfExists(PROJECT);
        IJavaProject project = javaProject(PROJECT, Map.of("demo/Stop.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        source = project.getProject().getFile("src/demo/Stop.java");
        JDIDebugModel.createLineBreakpoint(source, "demo.Stop", JavaProjects.lineOf(source, "RESULT stop"), -1, -1, 0, true, null);
    }

    @AfterEach
    void restorePreference() {
        DebugUITools.getPreferenceStore().setToDefault(ACTIVATE_DEBUG_VIEW);
    }

    /**
     * The Debug view opened while every node is suspended installs a model proxy per node target, and each selects the
     * top frame of its target's first suspended thread; the view keeps the frame at the breakpoint, whichever came first.
     */
    @Test
    void theFrameAtTheBreakpointStaysSelectedWhateverTheOrderTheOtherNodesOfferTheirs() throws Exception {
        IWorkbenchPage page = session.page();
        DebugUITools.getPreferenceStore().setValue(ACTIVATE_DEBUG_VIEW, false);
        page.hideView(page.findView(IDebugUIConstants.ID_DEBUG_VIEW));
        try (BreakpointStops stops = new BreakpointStops()) {
            ILaunch launch = session.debugOnNodes(PROJECT, "demo.Stop", 4, WAIT, true);
            Map<Integer, IDebugTarget> nodes = nodes(launch);
            IThread stopper = awaitStopAndSuspendAll(stops.threads(), nodes);
            IStackFrame atBreakpoint = stopper.getTopStackFrame();

            IDebugView view = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
            StructuredViewer viewer = (StructuredViewer) view.getViewer();
            assertTrue(waitFor(() -> !proxiesInitializing() && atBreakpoint.equals(selected(viewer)), WAIT),
                    () -> "the Debug view selects the frame at the breakpoint, not " + describe(selected(viewer)));
            assertTrue(waitFor(() -> page.getActiveEditor() != null && "Stop.java".equals(page.getActiveEditor().getTitle()), WAIT),
                    () -> "the breakpoint's source is shown: " + title(page.getActiveEditor()));

            // the same, in the order that lost the breakpoint's frame: node 1's proxy first, then node 2's
            IStackFrame nodeOneTop = mainTop(nodes.get(1));
            IStackFrame nodeThreeTop = mainTop(nodes.get(3));
            showRows((TreeViewer) viewer, launch, nodeOneTop, nodeThreeTop);
            ((Tree) viewer.getControl()).deselectAll();
            viewer.setSelection(new TreeSelection(path(launch, nodeOneTop)), true);
            assertEquals(nodeOneTop, selected(viewer), "nothing was selected: node 1's frame is");
            viewer.setSelection(new TreeSelection(path(launch, atBreakpoint)), true);
            assertEquals(atBreakpoint, selected(viewer), () -> "the frame at the breakpoint replaces " + describe(selected(viewer)));
            // and no suspended node's frame replaces it
            viewer.setSelection(new TreeSelection(path(launch, nodeThreeTop)), true);
            assertEquals(atBreakpoint, selected(viewer), () -> "the frame at the breakpoint stays, not " + describe(selected(viewer)));
        }
    }

    /**
     * A node the user suspends while it waits in signalWait: the Debug view selects the program's line that waits and the
     * editor shows it, not the JDK stub of the wait's downcall on top of the stack, which has no source.
     */
    @Test
    void aNodeSuspendedInSignalWaitShowsTheProgramsLineThatWaits() throws Exception {
        IBreakpointManager breakpoints = DebugPlugin.getDefault().getBreakpointManager();
        breakpoints.removeBreakpoints(breakpoints.getBreakpoints(), true); // node 2 just ends: nobody suspends with it
        IWorkbenchPage page = session.page();
        IDebugView view = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
        StructuredViewer viewer = (StructuredViewer) view.getViewer();
        ILaunch launch = session.debugOnNodes(PROJECT, "demo.Stop", 4, WAIT);
        ClusterDebugTarget cluster = Arrays.stream(launch.getDebugTargets()).filter(ClusterDebugTarget.class::isInstance)
                .map(ClusterDebugTarget.class::cast).findFirst().orElseThrow();
        assertTrue(waitFor(() -> cluster.cluster().waits().waits().stream().anyMatch(w -> w.node() == 3 && w.site() != null), WAIT),
                () -> "node 3 waits in signalWait: " + cluster.cluster().waits());
        IThread main = mainThread(nodes(launch).get(3));

        main.suspend();
        int waitLine = JavaProjects.lineOf(source, "doorbell.signalWait(");
        assertTrue(waitFor(() -> selected(viewer) instanceof IJavaStackFrame frame && frame.getThread() == main
                && isAt(frame, "demo.Stop", waitLine), WAIT), () -> "the Debug view selects Stop.java line " + waitLine + " of node 3, not "
                        + describe(selected(viewer)));
        assertTrue(waitFor(() -> page.getActiveEditor() != null && "Stop.java".equals(page.getActiveEditor().getTitle()), WAIT),
                () -> "the program's source is shown: " + title(page.getActiveEditor()));
        // JDT's Collapse Stack Frames (on by default) groups the runtime's frames above it once the thread's rows are read
        assertTrue(JDIDebugUIPlugin.getDefault().getPreferenceStore().getBoolean(IJDIPreferencesConstants.PREF_COLLAPSE_STACK_FRAMES),
                "the runtime's frames are collapsed");
        Tree tree = (Tree) viewer.getControl();
        assertTrue(waitFor(() -> texts(tree).stream().anyMatch(t -> t.endsWith(" collapsed frames")), WAIT),
                () -> "the thread's rows have the runtime's frames collapsed: " + texts(tree));
        spin(Duration.ofSeconds(1));
        assertTrue(selected(viewer) instanceof IJavaStackFrame frame && isAt(frame, "demo.Stop", waitLine),
                () -> "the program's line stays selected, not " + describe(selected(viewer)));
        assertTrue(ParallelStacks.isRuntime(ParallelStacks.callSite((IJavaStackFrame) main.getTopStackFrame())),
                "the top frame is still the runtime's, for a user who looks into it");
    }

    private static boolean isAt(IJavaStackFrame frame, String type, int line) {
        try {
            return frame.getDeclaringTypeName().equals(type) && frame.getLineNumber() == line;
        } catch (DebugException resumed) {
            return false;
        }
    }

    /** The launch ended while every node was suspended: no node's target says it is suspended, each its exit value. */
    @Test
    void nodesEndedWhileSuspendedSayTerminatedWithTheirExitValueNotSuspended() throws Exception {
        IWorkbenchPage page = session.page();
        IDebugView view = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
        try (BreakpointStops stops = new BreakpointStops()) {
            ILaunch launch = session.debugOnNodes(PROJECT, "demo.Stop", 4, WAIT, true);
            Map<Integer, IDebugTarget> nodes = nodes(launch);
            awaitStopAndSuspendAll(stops.threads(), nodes);
            Tree tree = (Tree) view.getViewer().getControl();
            assertTrue(waitFor(() -> texts(tree).contains("node 1 (Suspended)"), WAIT), () -> "node 1 is shown suspended: " + texts(tree));

            launch.terminate();
            assertTrue(waitFor(launch::isTerminated, WAIT), "the launch ends");
            List<String> expected = new ArrayList<>();
            for (Map.Entry<Integer, IDebugTarget> node : nodes.entrySet()) {
                assertTrue(node.getValue().isTerminated(), "node " + node.getKey() + " ended");
                assertTrue(!node.getValue().isSuspended(), "node " + node.getKey() + " is not suspended once ended");
                expected.add("<terminated>node " + node.getKey() + " (exit value " + node.getValue().getProcess().getExitValue() + ")");
            }
            // the view takes the targets' and their threads' ends in separate updates
            assertTrue(waitFor(() -> texts(tree).containsAll(expected) && texts(tree).stream().noneMatch(t -> t.contains("Suspended")),
                    WAIT), () -> "the node targets' labels: " + texts(tree) + ", expected " + expected + " and none suspended");
        }
    }

    /** Waits until a node stops at the breakpoint and every other node is suspended with it; returns the stopped thread. */
    private static IThread awaitStopAndSuspendAll(Set<IThread> atBreakpoint, Map<Integer, IDebugTarget> nodes) {
        assertTrue(waitFor(() -> !atBreakpoint.isEmpty(), WAIT), "node 2 stops at the breakpoint");
        IThread stopper = atBreakpoint.iterator().next();
        assertEquals(nodes.get(2), stopper.getDebugTarget(), "node 2 stops");
        assertTrue(waitFor(() -> nodes.values().stream().allMatch(t -> t == stopper.getDebugTarget() || t.isSuspended()), WAIT),
                "every other node is suspended with node 2");
        return stopper;
    }

    private static Map<Integer, IDebugTarget> nodes(ILaunch launch) {
        Map<Integer, IDebugTarget> nodes = new TreeMap<>();
        Arrays.stream(launch.getDebugTargets()).filter(IJavaDebugTarget.class::isInstance)
                .forEach(t -> nodes.put(Integer.parseInt(t.getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE)), t));
        assertEquals(List.of(1, 2, 3, 4), List.copyOf(nodes.keySet()));
        return nodes;
    }

    /** The top frame of the node's main thread (in signalWait: a JDK stub). */
    private static IStackFrame mainTop(IDebugTarget node) throws DebugException {
        return mainThread(node).getTopStackFrame();
    }

    private static IThread mainThread(IDebugTarget node) throws DebugException {
        for (IThread thread : node.getThreads()) {
            if (thread.getName().equals("main")) {
                return thread;
            }
        }
        throw new AssertionError("no main thread in " + node.getName());
    }

    /** Expands the frames' threads in the Debug view until it has made the frames' rows (it makes them lazily). */
    private static void showRows(TreeViewer viewer, ILaunch launch, IStackFrame... frames) {
        for (IStackFrame frame : frames) {
            viewer.expandToLevel(path(launch, frame).getParentPath(), 1);
        }
        Tree tree = viewer.getTree();
        assertTrue(waitFor(() -> Arrays.stream(frames).allMatch(f -> hasRow(tree.getItems(), f)), WAIT), "the Debug view shows the frames' rows");
    }

    private static boolean hasRow(TreeItem[] items, Object element) {
        for (TreeItem item : items) {
            if (element.equals(item.getData()) || hasRow(item.getItems(), element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean proxiesInitializing() {
        return Arrays.stream(Job.getJobManager().find(null)).anyMatch(job -> PROXY_INITIALIZATION.equals(job.getName()));
    }

    private static TreePath path(ILaunch launch, IStackFrame frame) {
        return new TreePath(new Object[] {launch, frame.getDebugTarget(), frame.getThread(), frame});
    }

    private static Object selected(StructuredViewer viewer) {
        return ((IStructuredSelection) viewer.getSelection()).getFirstElement();
    }

    private static String describe(Object element) {
        try {
            return element instanceof IStackFrame frame ? frame.getName() + " of " + frame.getThread().getName() + " of " + frame.getDebugTarget().getName()
                    : String.valueOf(element);
        } catch (DebugException e) {
            return element + " (" + e.getMessage() + ")";
        }
    }

    private static String title(IEditorPart editor) {
        return editor == null ? "no editor" : editor.getTitle();
    }

    private static List<String> texts(Tree tree) {
        List<String> all = new ArrayList<>();
        collect(tree.getItems(), all);
        return all;
    }

    private static void collect(TreeItem[] items, List<String> into) {
        for (TreeItem item : items) {
            into.add(item.getText());
            collect(item.getItems(), into);
        }
    }
}
