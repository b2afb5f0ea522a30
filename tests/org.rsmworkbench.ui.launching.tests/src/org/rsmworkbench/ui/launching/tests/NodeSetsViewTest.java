// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSetBreakpoints;
import org.rsmworkbench.core.debug.sets.NodeSetControl;
import org.rsmworkbench.core.debug.sets.NodeSets;
import org.rsmworkbench.core.debug.stacks.StackNode;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;
import org.rsmworkbench.ui.launching.internal.sets.LimitBreakpointHandler;
import org.rsmworkbench.ui.launching.internal.sets.NewSetFromFrameAction;
import org.rsmworkbench.ui.launching.internal.sets.NodeSetDialog;
import org.rsmworkbench.ui.launching.internal.sets.NodeSetsView;
import org.rsmworkbench.ui.launching.internal.stacks.ParallelStacksView;

/**
 * Node sets in the IDE over a 4-node debug session in which the even nodes stop at a breakpoint and the odd ones run:
 * a Parallel Stacks frame selects its threads in the Debug view and becomes a set; the Node Sets view shows each set's
 * state, suspends, resumes and steps a set, and shows only a set in the Debug view; a breakpoint limited to a set is
 * labelled with its nodes in the Breakpoints view.
 */
@Timeout(240)
class NodeSetsViewTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROJECT = "nodesetsview";
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
                        }
                        for (int round = 0; round < 100_000; round++) {
                            Thread.sleep(10); // until the test ends the launch
                        }
                    }
                }

                static void even(int node) {
                    System.out.println("RESULT even " + node);
                    System.out.println("RESULT stepped " + node);
                }
            }
            """;

    @RegisterExtension
    final DebugUiSession session = new DebugUiSession();

    @Test
    void setsFromAFrameTheirStateSuspendResumeStepAndTheDebugView() throws Exception {
        IJavaProject project = javaProject(PROJECT, Map.of("demo/Split.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        IFile source = project.getProject().getFile("src/demo/Split.java");
        int evenLine = JavaProjects.lineOf(source, "RESULT even");
        IJavaLineBreakpoint breakpoint = JDIDebugModel.createLineBreakpoint(source, "demo.Split", evenLine, -1, -1, 0, true, null);
        Set<IThread> stepEnds = ConcurrentHashMap.newKeySet();
        IDebugEventSetListener steps = events -> {
            for (DebugEvent event : events) {
                if (event.getKind() == DebugEvent.SUSPEND && event.getDetail() == DebugEvent.STEP_END && event.getSource() instanceof IThread thread) {
                    stepEnds.add(thread);
                }
            }
        };
        DebugPlugin.getDefault().addDebugEventListener(steps);
        try (BreakpointStops stops = new BreakpointStops()) {
            ILaunch launch = session.debugOnNodes(PROJECT, "demo.Split", 4, WAIT);
            assertTrue(waitFor(() -> stops.threads().size() == 2, WAIT), "nodes 2 and 4 stop at the breakpoint");

            IWorkbenchPage page = session.page();
            Shell window = page.getWorkbenchWindow().getShell();
            window.setBounds(window.getDisplay().getPrimaryMonitor().getClientArea());
            IDebugView debugView = (IDebugView) page.showView(IDebugUIConstants.ID_DEBUG_VIEW);

            // a frame of Parallel Stacks selects its threads in the Debug view, and becomes a set
            ParallelStacksView stacks = (ParallelStacksView) page.showView(ParallelStacksView.ID);
            Tree stackTree = stacks.viewer().getTree();
            assertTrue(waitFor(() -> item(stackTree, "demo.Split.even(") != null, WAIT), () -> "the even frame: " + texts(stackTree));
            StackNode even = (StackNode) item(stackTree, "demo.Split.even(").getData();
            stacks.viewer().setSelection(new StructuredSelection(even));
            assertTrue(waitFor(() -> selection(debugView).containsAll(stops.threads()) && selection(debugView).size() == 2, WAIT),
                    () -> "the Debug view selects the threads of nodes 2 and 4: " + selection(debugView));
            assertEquals(NodeSet.define("even", "2,4"), NewSetFromFrameAction.addSet(even, "even"));
            NodeSets.add(launch.getLaunchConfiguration(), NodeSet.define("odd", "1,3"));

            // the Node Sets view: each set with its state
            NodeSetsView view = (NodeSetsView) page.showView(NodeSetsView.ID);
            Tree tree = view.viewer().getTree();
            assertTrue(waitFor(() -> texts(tree).equals(List.of(PROJECT, "all: every node · 2 suspended, 2 running",
                    "even: nodes 2,4 · 2 suspended, 0 running", "odd: nodes 1,3 · 0 suspended, 2 running")), WAIT), () -> texts(tree).toString());

            // Suspend Set, then Resume Set, on the odd nodes
            select(view, "odd:");
            view.setActions().get(0).run();
            assertTrue(waitFor(() -> texts(tree).contains("odd: nodes 1,3 · 2 suspended, 0 running"), WAIT), () -> texts(tree).toString());
            assertEquals(new NodeSetControl.State(2, 0), NodeSetControl.state(launch, NodeSet.define("even", "2,4")));

            // only the odd nodes in the Debug view
            select(view, "odd:");
            view.showOnlyInDebugView(view.selectedSet());
            Tree debugTree = (Tree) debugView.getViewer().getControl();
            assertTrue(waitFor(() -> hasItem(debugTree, "node 1") && hasItem(debugTree, "node 3") && !hasItem(debugTree, "node 2")
                    && !hasItem(debugTree, "node 4"), WAIT), () -> "the Debug view shows nodes 1 and 3 only: " + texts(debugTree));
            page.activate(view);
            System.out.println("screenshot: " + Ui.screenshot(window, "node-sets"));
            view.showOnlyInDebugView(null);
            assertTrue(waitFor(() -> hasItem(debugTree, "node 2") && hasItem(debugTree, "node 4"), WAIT),
                    () -> "every node again: " + texts(debugTree));

            select(view, "odd:");
            view.setActions().get(1).run();
            assertTrue(waitFor(() -> texts(tree).contains("odd: nodes 1,3 · 0 suspended, 2 running"), WAIT), () -> texts(tree).toString());

            // Step Over Set on the even nodes: both step, the odd ones run on
            select(view, "even:");
            assertTrue(waitFor(() -> view.setActions().get(2).isEnabled(), WAIT), "Step Over Set is enabled for the stopped even nodes");
            view.setActions().get(2).run();
            assertTrue(waitFor(() -> stepEnds.containsAll(stops.threads()), WAIT), "the threads of nodes 2 and 4 step");
            assertEquals(new NodeSetControl.State(0, 2), NodeSetControl.state(launch, NodeSet.define("odd", "1,3")));

            // a breakpoint limited to the even set: its label in the Breakpoints view
            NodeSetBreakpoints.limitTo(breakpoint, LimitBreakpointHandler.resolve("even", Map.of("even", NodeSet.define("even", "2,4"))));
            IViewPart breakpoints = page.showView(IDebugUIConstants.ID_BREAKPOINT_VIEW);
            Tree breakpointTree = (Tree) ((IDebugView) breakpoints).getViewer().getControl();
            assertTrue(waitFor(() -> texts(breakpointTree).stream().anyMatch(t -> t.endsWith("[nodes 2,4]")), WAIT),
                    () -> "the breakpoint's label: " + texts(breakpointTree));

            DebugLaunches.endAndRemove(launch);
            assertTrue(waitFor(() -> tree.getItemCount() == 0, WAIT), () -> "no sets once the launch ended: " + texts(tree));
        } finally {
            DebugPlugin.getDefault().removeDebugEventListener(steps);
        }
    }

    @Test
    void theNewSetDialogChecksTheNodesAgainstTheCluster() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        NodeSetDialog dialog = new NodeSetDialog(shell, "New Node Set", List.of(1, 2, 3, 4), "set 1", "");
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Button ok = okButton(dialog.getShell());
            assertEquals("the node list is empty: give node ids and ranges, e.g. 1,3-5", dialog.problem());
            assertFalse(ok.isEnabled());
            dialog.fill("A", "1,9");
            assertEquals("node set A: the cluster has no node 9 (its nodes: [1, 2, 3, 4])", dialog.problem());
            assertFalse(ok.isEnabled());
            dialog.fill("A", "1,3-4");
            assertEquals("", dialog.problem());
            assertTrue(ok.isEnabled());
            assertEquals(NodeSet.define("A", "1,3-4"), dialog.set());
        } finally {
            dialog.close();
        }
    }

    @Test
    void aBreakpointsSetIsANameOrANodeList() {
        Map<String, NodeSet> named = Map.of("even", NodeSet.define("even", "2,4"));
        assertEquals(NodeSet.all(), LimitBreakpointHandler.resolve(" ", named));
        assertEquals(NodeSet.define("even", "2,4"), LimitBreakpointHandler.resolve("even", named));
        assertEquals(Set.of(1, 3), LimitBreakpointHandler.resolve("1,3", named).nodes());
        assertEquals("\"odd\" in the node list is not a node id or a range like 1-3, and no node set is named so",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> LimitBreakpointHandler.resolve("odd", named))
                        .getMessage());
    }

    private static Button okButton(Shell shell) {
        for (Control control : Ui.all(shell)) {
            if (control instanceof Button button && button.getData() instanceof Integer id && id == IDialogConstants.OK_ID) {
                return button;
            }
        }
        throw new AssertionError("no OK button");
    }

    private static List<?> selection(IDebugView view) {
        return view.getViewer().getSelection() instanceof IStructuredSelection selection ? selection.toList() : List.of();
    }

    private static void select(NodeSetsView view, String prefix) {
        TreeItem item = item(view.viewer().getTree(), prefix);
        assertTrue(item != null, prefix);
        view.viewer().setSelection(new StructuredSelection(item.getData()));
    }

    private static boolean hasItem(Tree tree, String prefix) {
        return item(tree, prefix) != null;
    }

    private static TreeItem item(Tree tree, String prefix) {
        List<TreeItem> all = new ArrayList<>();
        collect(tree.getItems(), all);
        return all.stream().filter(i -> i.getText().startsWith(prefix)).findFirst().orElse(null);
    }

    private static List<String> texts(Tree tree) {
        List<TreeItem> all = new ArrayList<>();
        collect(tree.getItems(), all);
        return all.stream().map(TreeItem::getText).toList();
    }

    private static void collect(TreeItem[] items, List<TreeItem> into) {
        for (TreeItem item : items) {
            into.add(item);
            collect(item.getItems(), into);
        }
    }
}
