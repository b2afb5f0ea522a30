// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.jdt.debug.core.IJavaVariable;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.debug.compare.Comparison;
import org.rsmworkbench.core.debug.compare.NodeValue;
import org.rsmworkbench.core.debug.compare.SegmentDiff;
import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.tests.support.BreakpointStops;
import org.rsmworkbench.tests.support.JavaProjects;
import org.rsmworkbench.ui.launching.internal.compare.CompareAcrossNodesHandler;
import org.rsmworkbench.ui.launching.internal.compare.CompareAcrossNodesView;
import org.rsmworkbench.ui.launching.internal.compare.SegmentDiffDialog;

/**
 * The Compare Across Nodes view over a 4-node debug session stopped at one breakpoint, where node 3's values differ:
 * the rows, the highlighted node, a canceled comparison; and the Diff Segments dialog on each node's segment 0x400100.
 */
@Timeout(300)
class CompareAcrossNodesViewTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PROGRAM = """
            package demo;

            import java.lang.foreign.MemorySegment;
            import java.lang.foreign.ValueLayout;

            import org.rsmworkbench.rsmapi.Rsm;
            import org.rsmworkbench.rsmapi.RsmLibrary;

            public class Values {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary library = Rsm.open()) {
                        int node = library.localNodeId();
                        MemorySegment slots = library.allocate(4096);
                        slots.set(ValueLayout.JAVA_BYTE, 8, (byte) (node == 3 ? 7 : 5));
                        library.getController("emu0").createExportSegment(slots, 0).publish(0x400100, null);
                        check(node, node == 3 ? 7 : 5);
                    }
                }

                static void check(int node, int count) {
                    int[] pair = {node, count};
                    int answer = node == 3 ? 43 : 42;
                    System.out.println("RESULT " + answer + " " + pair[1]);
                }

                static int slow() throws InterruptedException {
                    Thread.sleep(20_000);
                    return 1;
                }
            }
            """;

    @RegisterExtension
    final DebugUiSession session = new DebugUiSession();

    @Test
    void valuesOfEveryNodeWithTheDifferentNodeHighlighted_andASegmentDiff() throws Exception {
        IJavaProject project = javaProject("comparenodes", Map.of("demo/Values.java", PROGRAM));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        IFile source = project.getProject().getFile("src/demo/Values.java");
        int line = JavaProjects.lineOf(source, "RESULT ");
        JDIDebugModel.createLineBreakpoint(source, "demo.Values", line, -1, -1, 0, true, null);
        // the RSM Debug perspective: the Debug view (which follows steps and stops only while it shows) beside this view
        IWorkbenchPage page = session.page();
        Shell window = page.getWorkbenchWindow().getShell();
        window.setBounds(window.getDisplay().getPrimaryMonitor().getClientArea());
        page.showView(IDebugUIConstants.ID_DEBUG_VIEW); // it selects the frame of a thread that stops
        try (BreakpointStops stops = new BreakpointStops()) {
            Set<IThread> suspended = stops.threads();
            ILaunch launch = session.debugOnNodes("comparenodes", "demo.Values", 4, WAIT);
            assertTrue(waitFor(() -> suspended.size() == 4, WAIT), "every node stops at the breakpoint");
            assertTrue(waitFor(() -> DebugUITools.getDebugContext() instanceof IJavaStackFrame frame && isCheck(frame), WAIT),
                    () -> "the Debug view selects a frame in check: " + DebugUITools.getDebugContext());

            CompareAcrossNodesView view = (CompareAcrossNodesView) page.showView(CompareAcrossNodesView.ID);
            assertTrue(view.getContentDescription().startsWith("In demo.Values.check (node "), view.getContentDescription());
            view.setExpression("answer");
            view.compare();
            assertTrue(waitFor(() -> !view.isComparing() && view.comparison() != null, WAIT), view::status);
            assertEquals("Values differ (highlighted): nodes 1-2,4: 42 · node 3: 43", view.status());
            Table table = view.viewer().getTable();
            assertEquals(4, table.getItemCount());
            for (TableItem item : table.getItems()) {
                boolean node3 = item.getText(0).equals("3");
                assertEquals(node3 ? "43" : "42", item.getText(3));
                assertEquals("main", item.getText(1));
                assertEquals(String.valueOf(line), item.getText(2));
                assertEquals(node3 ? "node 3" : "nodes 1-2,4", item.getText(4));
                for (int column = 0; column < table.getColumnCount(); column++) {
                    if (node3) {
                        assertNotEquals(table.getBackground(), item.getBackground(column), "node 3 is highlighted");
                    } else {
                        assertEquals(table.getBackground(), item.getBackground(column), "node " + item.getText(0) + " is not");
                    }
                }
            }
            page.activate(view);
            System.out.println("screenshot: " + Ui.screenshot(window, "compare-across-nodes"));

            // a Java expression on every node, compiled against the project
            view.setExpression("answer * 2");
            view.compare();
            assertTrue(waitFor(() -> !view.isComparing() && view.status().contains("84"), WAIT), view::status);
            assertEquals("Values differ (highlighted): nodes 1-2,4: 84 · node 3: 86", view.status());

            // Compare Across Nodes on a variable of the Variables view (an array element) or on text in the editor
            IJavaStackFrame frame = (IJavaStackFrame) DebugUITools.getDebugContext();
            IJavaVariable pair = frame.findVariable("pair");
            IVariable element = pair.getValue().getVariables()[1];
            assertEquals("pair[1]", CompareAcrossNodesHandler.expressionOf(new TreeSelection(new TreePath(new Object[] {pair, element}))));
            assertEquals("answer", CompareAcrossNodesHandler.expressionOf(new TextSelection(new Document("int answer = 1;"), 4, 6)));
            view.setExpression("pair[1]");
            view.compare();
            assertTrue(waitFor(() -> !view.isComparing() && view.comparison().expression().equals("pair[1]"), WAIT), view::status);
            assertEquals("Values differ (highlighted): nodes 1-2,4: 5 · node 3: 7", view.status());

            // a step moves the selected frame: the view compares again, the stepped node one line further
            int stepped = Integer.parseInt(frame.getDebugTarget().getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE));
            Comparison before = view.comparison();
            frame.getThread().stepOver();
            assertTrue(waitFor(() -> view.comparison() != before && !view.isComparing(), WAIT), view::status);
            assertEquals(List.of(stepped), view.comparison().rows().stream().filter(r -> r.line() == line + 1).map(NodeValue::node).toList());
            assertEquals("Values differ (highlighted): nodes 1-2,4: 5 · node 3: 7", view.status());

            // a slow evaluation, canceled: the view is free at once, not after the 20 s the nodes take
            view.setExpression("slow()");
            view.compare();
            assertTrue(view.isComparing());
            long canceledAt = System.nanoTime();
            view.cancel();
            assertTrue(waitFor(() -> !view.isComparing(), Duration.ofSeconds(10)), view::status);
            assertTrue(Duration.ofNanos(System.nanoTime() - canceledAt).toSeconds() < 10);
            assertEquals("Canceled.", view.status());
            assertEquals("pair[1]", view.comparison().expression(), "the last comparison stays shown");

            // the segment 0x400100 of each node: node 3's count differs at offset 8
            SegmentDiffDialog dialog = new SegmentDiffDialog(window, launch);
            dialog.open();
            try {
                dialog.setSegments("1:0x400100", "3:0x400100");
                dialog.runDiff();
                assertTrue(waitFor(() -> dialog.diff() != null, WAIT), dialog::summary);
                assertEquals(List.of(new Snapshot.Range(8, 1)), dialog.diff().differences().stream().map(SegmentDiff.Difference::range).toList());
                assertEquals("1:0x400100 and 3:0x400100: 1 range differs (1 byte) in 4096 bytes compared", dialog.summary());
                Table ranges = (Table) Ui.all(dialog.getShell()).stream().filter(Table.class::isInstance).findFirst().orElseThrow();
                assertTrue(waitFor(() -> ranges.getItemCount() == 1, WAIT));
                assertEquals(List.of("0x8", "1", "05", "07"), List.of(ranges.getItem(0).getText(0), ranges.getItem(0).getText(1),
                        ranges.getItem(0).getText(2), ranges.getItem(0).getText(3)));
                System.out.println("screenshot: " + Ui.screenshot(dialog.getShell(), "segment-diff"));

                dialog.setSegments("1:0x400100", "2:0x400100");
                dialog.runDiff();
                assertTrue(waitFor(() -> dialog.summary().endsWith("identical in 4096 bytes compared"), WAIT), dialog::summary);
                assertEquals(0, ranges.getItemCount());

                dialog.setSegments("1:0x400100", "9:0x400100");
                dialog.runDiff();
                assertTrue(waitFor(() -> dialog.summary().equals("node 9 has no segment 0x400100"), WAIT), dialog::summary);
                dialog.setSegments("1:0x400100", "nonsense");
                dialog.runDiff();
                assertTrue(dialog.summary().contains("node:segment[+offset]"), dialog.summary());
            } finally {
                dialog.close();
            }
            assertFalse(launch.isTerminated());
        }
    }

    private static boolean isCheck(IJavaStackFrame frame) {
        try {
            return frame.getMethodName().equals("check");
        } catch (Exception resumed) {
            return false;
        }
    }
}
