// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.compare;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.debug.SegmentExpression;
import org.rsmworkbench.core.debug.compare.SegmentDiff;
import org.rsmworkbench.core.inspect.Progress;

/**
 * Diff Segments: the byte ranges where two segments of a running cluster differ, each from its offset
 * ({@code node:segment[+offset]}): one segment id as two nodes export it ({@code 1:0x400100}, {@code 3:0x400100}), or
 * any two segments. The diff runs in a job; closing the dialog cancels it.
 */
public final class SegmentDiffDialog extends Dialog {
    private final ILaunch launch;
    private List<RunningCluster> clusters = List.of();
    private Combo cluster;
    private Text first;
    private Text second;
    private Button diff;
    private Label summary;
    private TableViewer table;
    private Job running;
    private SegmentDiff shown;

    /** A dialog on the running clusters, the one of {@code launch} (may be null) selected first. */
    public SegmentDiffDialog(Shell parent, ILaunch launch) {
        super(parent);
        this.launch = launch;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Diff Segments");
    }

    @Override
    protected Point getInitialSize() {
        return new Point(760, 480);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(5, false));
        new Label(area, SWT.NONE).setText("Cluster:");
        cluster = new Combo(area, SWT.READ_ONLY);
        cluster.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        clusters = RunningClusters.getDefault().clusters();
        clusters.forEach(c -> cluster.add(c.label()));
        cluster.select(Math.max(0, clusters.indexOf(clusterOf(launch))));
        new Label(area, SWT.NONE).setText("First:");
        first = segmentField(area, "1:0x400100");
        new Label(area, SWT.NONE).setText("Second:");
        second = segmentField(area, "2:0x400100");
        diff = new Button(area, SWT.PUSH);
        diff.setText("Diff");
        diff.addListener(SWT.Selection, _ -> runDiff());
        summary = new Label(area, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        summary.setText("Name two segments as node:segment[+offset]: one segment id on two nodes, or any two segments.");
        table = new TableViewer(area, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER | SWT.VIRTUAL);
        table.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        column("Offset", 120, d -> offsets(d));
        column("Length", 70, d -> String.valueOf(d.range().length()));
        column("First's bytes", 240, SegmentDiff.Difference::firstBytes);
        column("Second's bytes", 240, SegmentDiff.Difference::secondBytes);
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setInput(List.of());
        if (clusters.isEmpty()) {
            summary.setText("No running cluster: launch one, or attach to one (RSM > Attach to Cluster...).");
            diff.setEnabled(false);
        }
        return area;
    }

    private static Text segmentField(Composite parent, String example) {
        Text field = new Text(parent, SWT.SINGLE | SWT.BORDER);
        field.setMessage(example);
        field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return field;
    }

    private void column(String title, int width, Function<SegmentDiff.Difference, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SegmentDiff.Difference) element);
            }
        });
    }

    /** The range's offset in each segment: one when the two start at the same offset. */
    private String offsets(SegmentDiff.Difference difference) {
        long inFirst = shown.first().offset() + difference.range().offset();
        long inSecond = shown.second().offset() + difference.range().offset();
        return "0x" + Long.toHexString(inFirst) + (inFirst == inSecond ? "" : " / 0x" + Long.toHexString(inSecond));
    }

    private static RunningCluster clusterOf(ILaunch launch) {
        if (launch != null) {
            for (IDebugTarget target : launch.getDebugTargets()) {
                if (target instanceof ClusterDebugTarget clusterTarget) {
                    return RunningClusters.getDefault().find(clusterTarget.cluster());
                }
            }
        }
        return null;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        }
    }

    @Override
    public boolean close() {
        if (running != null) {
            running.cancel();
        }
        return super.close();
    }

    /** Sets the two segments (tests, callers that know them). */
    public void setSegments(String firstSegment, String secondSegment) {
        first.setText(firstSegment);
        second.setText(secondSegment);
    }

    /** Diffs the two segments named, in a job; the result replaces the table's rows. */
    public void runDiff() {
        SegmentExpression a;
        SegmentExpression b;
        try {
            a = SegmentExpression.parse(first.getText());
            b = SegmentExpression.parse(second.getText());
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
            return;
        }
        if (cluster.getSelectionIndex() < 0) {
            summary.setText("Select a cluster.");
            return;
        }
        RunningCluster selected = clusters.get(cluster.getSelectionIndex());
        if (running != null) {
            running.cancel();
        }
        summary.setText("Comparing " + a + " and " + b + "...");
        Job job = Job.create("Diff of " + a + " and " + b, monitor -> {
            try {
                SegmentDiff result = SegmentDiff.of(selected.cluster(), a, b, progress(monitor));
                ui(() -> show(result));
            } catch (CancellationException e) {
                ui(() -> summary.setText("Canceled."));
                return Status.CANCEL_STATUS;
            } catch (IllegalArgumentException e) {
                ui(() -> summary.setText(e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        running = job;
        job.schedule();
    }

    private static Progress progress(IProgressMonitor monitor) {
        return new Progress() {
            @Override
            public void worked(long bytes) {
                // the diff is quick next to a job's progress reporting: only cancellation matters
            }

            @Override
            public boolean isCanceled() {
                return monitor.isCanceled();
            }
        };
    }

    private void show(SegmentDiff result) {
        shown = result;
        table.setInput(result.differences());
        summary.setText(result.summary() + (result.limited() ? " (the first " + SegmentDiff.MAX_RANGES + " ranges listed)" : ""));
        summary.getParent().layout();
    }

    private void ui(Runnable runnable) {
        Shell shell = getShell();
        if (shell != null && !shell.isDisposed()) {
            shell.getDisplay().asyncExec(() -> {
                if (!summary.isDisposed()) {
                    runnable.run();
                }
            });
        }
    }

    /** The diff shown, or null (for tests). */
    public SegmentDiff diff() {
        return shown;
    }

    /** The line above the ranges (for tests). */
    public String summary() {
        return summary.getText();
    }
}
