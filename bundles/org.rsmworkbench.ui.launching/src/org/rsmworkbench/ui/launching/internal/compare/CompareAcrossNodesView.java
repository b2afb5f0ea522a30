// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.compare;

import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.DebugContextEvent;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.debug.ui.contexts.IDebugContextService;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.debug.compare.Comparison;
import org.rsmworkbench.core.debug.compare.CrossNodeEvaluation;
import org.rsmworkbench.core.debug.compare.FrameMethod;
import org.rsmworkbench.core.debug.compare.NodeValue;
import org.rsmworkbench.core.launching.RsmLaunching;

/**
 * An expression compared across the nodes of a cluster debug launch: evaluated in the method of the frame selected in
 * the Debug view, on every node JVM suspended in that method (in a job, which Cancel stops); one row per node thread,
 * the nodes that share a value named beside it, the rows whose value is not the common one highlighted. When the
 * selected frame changes (a step, another breakpoint), the last expression is compared again.
 */
public final class CompareAcrossNodesView extends ViewPart {
    public static final String ID = "org.rsmworkbench.ui.launching.compareAcrossNodesView";
    /** The background of a row whose value differs from the common one. */
    private static final Color DIFFERS = new Color(255, 214, 204);

    private Text expression;
    private Button compare;
    private Button cancel;
    private Label status;
    private TableViewer table;
    private IDebugContextService contexts;
    private final IDebugContextListener contextListener = this::contextChanged;
    /** The selected frame, in a node JVM of a cluster launch, or null. */
    private IJavaStackFrame frame;
    /** Where {@link #frame} was when last selected: its thread, method and line. */
    private List<Object> framePlace = List.of();
    private Job running;
    private Comparison shown;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText("Expression:");
        expression = new Text(parent, SWT.SINGLE | SWT.BORDER | SWT.SEARCH);
        expression.setMessage("a variable (count), a field path (buf.count) or a Java expression");
        expression.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        expression.addListener(SWT.DefaultSelection, _ -> compare());
        compare = new Button(parent, SWT.PUSH);
        compare.setText("Compare");
        compare.addListener(SWT.Selection, _ -> compare());
        cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, _ -> cancel());
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        Table control = table.getTable();
        control.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        control.setHeaderVisible(true);
        control.setLinesVisible(true);
        column("Node", 50, row -> String.valueOf(row.node()));
        column("Thread", 110, row -> row.thread() == null ? "" : row.thread());
        column("Line", 50, row -> row.line() < 0 ? "" : String.valueOf(row.line()));
        column("Value", 320, NodeValue::outcome);
        column("Same on", 140, row -> shown == null ? "" : groupOf(row).who());
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setInput(List.of());
        getViewSite().getActionBars().getToolBarManager().add(new Action("Diff Segments...") {
            {
                setToolTipText("The byte ranges where two segments differ (one segment id on two nodes, or two segments)");
            }

            @Override
            public void run() {
                new SegmentDiffDialog(getSite().getShell(), frame == null ? null : frame.getLaunch()).open();
            }
        });
        contexts = DebugUITools.getDebugContextManager().getContextService(getSite().getWorkbenchWindow());
        contexts.addDebugContextListener(contextListener);
        selectFrame(contexts.getActiveContext());
    }

    private void column(String title, int width, Function<NodeValue, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((NodeValue) element);
            }

            @Override
            public Color getBackground(Object element) {
                return shown != null && shown.differs((NodeValue) element) ? DIFFERS : null;
            }

            @Override
            public Color getForeground(Object element) {
                return ((NodeValue) element).isError() ? table.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY) : null;
            }
        });
    }

    private Comparison.Group groupOf(NodeValue row) {
        return shown.groups().stream().filter(g -> g.rows().contains(row)).findFirst().orElseThrow();
    }

    private void contextChanged(DebugContextEvent event) {
        if ((event.getFlags() & (DebugContextEvent.ACTIVATED | DebugContextEvent.STATE)) != 0) {
            List<Object> before = framePlace;
            selectFrame(event.getContext());
            // a step or another stop; not the same place again, as after an evaluation, which suspends anew (JDT keeps
            // a frame object while its thread stays in the method: the place is remembered, not the object)
            if (!framePlace.equals(before) && shown != null && !expression.getText().isBlank()) {
                compare();
            }
        }
    }

    /** Where a frame is: its thread, method and line; empty when there is no frame, or its thread runs. */
    private static List<Object> place(IJavaStackFrame frame) {
        try {
            return frame == null ? List.of() : List.of(frame.getThread(), FrameMethod.of(frame), frame.getLineNumber());
        } catch (DebugException gone) {
            return List.of();
        }
    }

    /** Takes the frame the Debug view selected (a thread: its top frame), when it runs in a node JVM. */
    private void selectFrame(ISelection selection) {
        Object selected = selection instanceof IStructuredSelection structured ? structured.getFirstElement() : null;
        IJavaStackFrame java = selected instanceof IAdaptable adaptable ? adaptable.getAdapter(IJavaStackFrame.class) : null;
        try {
            if (java == null && selected instanceof IJavaThread thread && thread.isSuspended()) {
                java = (IJavaStackFrame) thread.getTopStackFrame();
            }
            List<Object> place = place(java);
            if (java != null && !place.isEmpty() && isNodeJvm(java.getDebugTarget())) {
                frame = java;
                framePlace = place;
                setContentDescription("In " + FrameMethod.of(java) + " (node " + java.getDebugTarget().getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE)
                        + ", line " + java.getLineNumber() + "), on every node suspended there");
            }
        } catch (DebugException resumed) {
            // the frame went away while it was read: keep the previous one
        }
        if (frame == null) {
            setContentDescription("Select a frame of a node JVM in the Debug view (a cluster launch in debug mode).");
        }
        compare.setEnabled(frame != null);
    }

    private static boolean isNodeJvm(IDebugTarget target) {
        return target.getProcess() != null && target.getProcess().getAttribute(RsmLaunching.PROCESS_ATTR_NODE) != null;
    }

    /** Compares the expression across the nodes, in a job (a comparison still running is canceled first). */
    public void compare() {
        String text = expression.getText().strip();
        if (frame == null || text.isEmpty()) {
            status.setText(frame == null ? "Select a frame of a node JVM in the Debug view first." : "Type an expression.");
            return;
        }
        FrameMethod method;
        try {
            method = FrameMethod.of(frame);
        } catch (DebugException resumed) {
            status.setText("The selected frame is gone (its thread resumed): select a frame again.");
            return;
        }
        cancel();
        ILaunch launch = frame.getLaunch();
        Job job = Job.create("Comparing " + text + " across the nodes", monitor -> {
            try {
                Comparison comparison = CrossNodeEvaluation.evaluate(launch, method, text, monitor);
                ui(() -> show(comparison));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            }
        });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                ui(() -> finished(job, event.getResult()));
            }
        });
        running = job;
        cancel.setEnabled(true);
        status.setText("Comparing " + text + " in " + method + "...");
        job.schedule();
    }

    private void finished(Job job, IStatus result) {
        if (running != job) {
            return; // a newer comparison replaced it
        }
        running = null;
        cancel.setEnabled(false);
        if (result.getSeverity() == IStatus.CANCEL) {
            status.setText("Canceled.");
        }
    }

    /** Cancels the comparison that is running (an evaluation under way in a node JVM runs to its end, unused). */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void show(Comparison comparison) {
        shown = comparison;
        table.setInput(comparison.rows());
        List<Comparison.Group> values = comparison.valueGroups();
        String outcome = comparison.rows().isEmpty() ? "No node JVM in this launch."
                : !comparison.hasDifferences() ? (values.isEmpty() ? "No value: " : "Equal on every node that has a value: ")
                : comparison.commonValue() == null ? "Every value differs: " : "Values differ (highlighted): ";
        status.setText(outcome + String.join(" · ", comparison.groups().stream().map(Comparison.Group::label).toList()));
        status.getParent().layout();
    }

    private void ui(Runnable runnable) {
        if (!table.getControl().isDisposed()) {
            table.getControl().getDisplay().asyncExec(() -> {
                if (!table.getControl().isDisposed()) {
                    runnable.run();
                }
            });
        }
    }

    /** Sets the expression (the Compare Across Nodes command, tests). */
    public void setExpression(String text) {
        expression.setText(text);
    }

    /** The comparison shown, or null (for tests). */
    public Comparison comparison() {
        return shown;
    }

    /** Whether a comparison is running (for tests). */
    public boolean isComparing() {
        return running != null;
    }

    /** The status line above the table (for tests). */
    public String status() {
        return status.getText();
    }

    /** The table (for tests). */
    public TableViewer viewer() {
        return table;
    }

    @Override
    public void setFocus() {
        expression.setFocus();
    }

    @Override
    public void dispose() {
        contexts.removeDebugContextListener(contextListener);
        cancel();
        super.dispose();
    }
}
