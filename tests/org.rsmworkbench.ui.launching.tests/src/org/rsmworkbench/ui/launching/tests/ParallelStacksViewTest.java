// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.jface.text.ITextSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;
import org.rsmworkbench.ui.launching.internal.stacks.ParallelStacksView;

/**
 * The Parallel Stacks view over a 4-node debug session: the even nodes stop at a breakpoint, the odd ones are
 * suspended by hand inside signalWait.
 */
@Timeout(240)
class ParallelStacksViewTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROGRAM = """
            package demo;

            import org.rsmworkbench.rsmapi.ExportSegment;
            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Split {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary library = Rsm.open()) {
                        int node = library.localNodeId();
                        if (node % 2 == 0) {
                            even(node);
                        } else {
                            ExportSegment doorbell = library.getController("emu0").createExportSegment(library.allocate(4096), 0);
                            doorbell.signalWait(120_000); // nobody posts: the test suspends the node here
                        }
                    }
                }

                static void even(int node) {
                    System.out.println("RESULT even " + node);
                }
            }
            """;

    @RegisterExtension
    final DebugUiSession session = new DebugUiSession();

    @Test
    void mergedStacksOfEveryNodeWithTheirNodesTheRsmCallSelectionAndSource() throws Exception {
        IJavaProject project = javaProject("parallelstacks", Map.of("demo/Split.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        IFile source = project.getProject().getFile("src/demo/Split.java");
        int evenLine = JavaProjects.lineOf(source, "RESULT even");
        int waitLine = JavaProjects.lineOf(source, "doorbell.signalWait");
        JDIDebugModel.createLineBreakpoint(source, "demo.Split", evenLine, -1, -1, 0, true, null);
        try (BreakpointStops stops = new BreakpointStops()) {
            Set<IThread> atBreakpoint = stops.threads();
            ILaunch launch = session.debugOnNodes("parallelstacks", "demo.Split", 4, WAIT);
            assertTrue(waitFor(() -> atBreakpoint.size() == 2, WAIT), "nodes 2 and 4 stop at the breakpoint");
            for (int node : List.of(1, 3)) {
                suspendInSignalWait(launch, node);
            }

            IWorkbenchPage page = session.page();
            Shell window = page.getWorkbenchWindow().getShell();
            window.setBounds(window.getDisplay().getPrimaryMonitor().getClientArea());
            page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
            ParallelStacksView view = (ParallelStacksView) page.showView(ParallelStacksView.ID);
            Tree tree = view.viewer().getTree();
            String evenFrame = "demo.Split.even(Split.java:" + evenLine + ")   node";
            // each odd node waits on its own segment, which no process imports
            String waitFrame = "demo.Split.main(Split.java:" + waitLine + ")   nodes 1,3 · 2 threads · in RSM signalWait on 1:0x";
            assertTrue(waitFor(() -> texts(tree).stream().anyMatch(t -> t.startsWith(waitFrame)) && texts(tree).stream().anyMatch(t -> t.startsWith(evenFrame)), WAIT),
                    () -> "the merged stacks: " + texts(tree));
            String waits = item(tree, waitFrame).getText();
            assertTrue(waits.matches(".* on 1:0x[0-9a-f]+, 3:0x[0-9a-f]+ — no process can wake it"), waits);
            assertTrue(texts(tree).contains("demo.Split.even(Split.java:" + evenLine + ")   nodes 2,4 · 2 threads"), texts(tree).toString());
            page.activate(view); // a suspension may have brought the Debug view, stacked with it, to the front
            System.out.println("screenshot: " + Ui.screenshot(window, "parallel-stacks"));

            TreeItem even = item(tree, "demo.Split.even(");
            tree.setSelection(even);
            // a double-click opens the frame's line
            tree.notifyListeners(SWT.DefaultSelection, selectionEvent(even));
            assertTrue(waitFor(() -> page.getActiveEditor() instanceof ITextEditor, WAIT), "an editor opens");
            IEditorPart editor = page.getActiveEditor();
            ITextEditor text = (ITextEditor) editor;
            int selectedLine = text.getDocumentProvider().getDocument(text.getEditorInput())
                    .getLineOfOffset(((ITextSelection) text.getSelectionProvider().getSelection()).getOffset()) + 1;
            assertEquals("Split.java", editor.getEditorInput().getName());
            assertEquals(evenLine, selectedLine);

            // the runtime's frames: the RSM call's own frames under the program's line, and the JVM's threads
            view.setHideRuntime(false);
            assertTrue(texts(tree).stream().anyMatch(t -> t.startsWith("org.rsmworkbench.emulator.internal.SegmentHandle.signalWait(")),
                    texts(tree).toString());
            assertTrue(tree.getItemCount() > 1, "the JVMs' own threads have roots of their own: " + texts(tree));

            // resumed and ended: nothing to show
            for (IThread thread : atBreakpoint) {
                thread.resume();
            }
            DebugLaunches.endAndRemove(launch);
            assertTrue(waitFor(() -> tree.getItemCount() == 0, WAIT), () -> "no stacks once the launch ended: " + texts(tree));
        }
    }

    /**
     * Suspends the node's JVM once its main thread waits in signalWait (resumed and tried again until then), after the
     * cluster's registry shows the wait with its call site.
     */
    private static void suspendInSignalWait(ILaunch launch, int node) throws Exception {
        ClusterDebugTarget cluster = Arrays.stream(launch.getDebugTargets()).filter(ClusterDebugTarget.class::isInstance)
                .map(ClusterDebugTarget.class::cast).findFirst().orElseThrow();
        assertTrue(waitFor(() -> cluster.cluster().waits().waits().stream().anyMatch(w -> w.node() == node && w.site() != null), WAIT),
                () -> "the registry shows the wait of node " + node + ": " + cluster.cluster().waits());
        IDebugTarget target = Arrays.stream(launch.getDebugTargets())
                .filter(t -> t.getProcess() != null && String.valueOf(node).equals(t.getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE)))
                .findFirst().orElseThrow();
        assertTrue(waitFor(() -> {
            try {
                target.suspend();
                if (!waitFor(target::isSuspended, Duration.ofSeconds(10))) {
                    return false;
                }
                boolean inWait = ParallelStacks.collect(launch).stream()
                        .anyMatch(t -> t.node() == node && t.name().equals("main") && "signalWait".equals(t.rsmCall()));
                if (!inWait) {
                    target.resume();
                }
                return inWait;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, WAIT), "node " + node + " suspended in signalWait");
    }

    private static Event selectionEvent(TreeItem item) {
        Event event = new Event();
        event.item = item;
        return event;
    }

    private static TreeItem item(Tree tree, String prefix) {
        List<TreeItem> all = new ArrayList<>();
        collect(tree.getItems(), all);
        return all.stream().filter(i -> i.getText().startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + texts(tree)));
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
