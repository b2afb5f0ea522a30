// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.trace.RecordedSegment;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * The Timeline's "Show Segment at This Event": the Segment Inspector on the segment the event names, as it was once the
 * event had happened. The live inspector when a watched cluster recording into that folder still has the segment; else
 * a read-only inspector of the segment of the recording, which needs no cluster.
 */
public final class ShowSegmentAtEvent {
    /** The action's name. */
    public static final String TITLE = "Show Segment at This Event";

    private ShowSegmentAtEvent() {
    }

    /** Shows the segment {@code event} names, at {@code event} of the recording in {@code folder}. */
    public static void show(IWorkbenchPage page, Path folder, TraceEvent event) {
        String segment = event.segment();
        if (segment == null) {
            return;
        }
        SegmentRef live = liveSegment(folder, event, RunningClusters.getDefault().clusters());
        if (live != null) {
            SegmentInspector inspector = SegmentInspector.open(page, live);
            if (inspector != null) {
                inspector.showEvent(folder, event.pid(), event.sequence());
            }
            return;
        }
        SegmentInspector open = openOn(page, folder, segment);
        if (open != null) {
            page.activate(open);
            open.showEvent(folder, event.pid(), event.sequence()); // reuses the segment it read from the recording
            return;
        }
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        // a long recording takes seconds to read: off the UI thread
        Job.create("Reading " + segment + " from the recording " + folder.getFileName(), _ -> {
            try {
                RecordedSegment recorded = RecordedSegment.read(folder, segment);
                int number = recorded.numberOf(event.pid(), event.sequence());
                if (number < 0) {
                    throw new IOException("the event is not in the recording " + folder);
                }
                RecordedSegment.Instant at = recorded.at(number);
                display.asyncExec(() -> {
                    try {
                        SegmentInspector.open(page, new RecordedSegmentInput(recorded, at));
                    } catch (PartInitException e) {
                        failed(page, segment, e.getMessage());
                    }
                });
            } catch (IOException | IllegalArgumentException e) {
                display.asyncExec(() -> failed(page, segment, e.getMessage()));
            }
        }).schedule();
    }

    /** The segment {@code event} names in a cluster that records into {@code folder} and still has it; or null. */
    static SegmentRef liveSegment(Path folder, TraceEvent event, List<RunningCluster> clusters) {
        for (RunningCluster cluster : clusters) {
            if (folder.equals(cluster.recording().orElse(null)) && !cluster.isGone()) {
                SegmentRef ref = new SegmentRef(cluster, event.segmentNode(), event.segmentId());
                if (ref.find(cluster.watched().state()) != null) {
                    return ref;
                }
            }
        }
        return null;
    }

    /** The inspector of segment {@code segment} of the recording in {@code folder} already open on the page; or null. */
    private static SegmentInspector openOn(IWorkbenchPage page, Path folder, String segment) {
        for (IEditorReference reference : page.getEditorReferences()) {
            if (SegmentInspector.ID.equals(reference.getId()) && reference.getEditor(false) instanceof SegmentInspector inspector
                    && inspector.getEditorInput() instanceof RecordedSegmentInput input && input.folder().equals(folder)
                    && input.segment().segment().equals(segment)) {
                return inspector;
            }
        }
        return null;
    }

    private static void failed(IWorkbenchPage page, String segment, String why) {
        if (!page.getWorkbenchWindow().getShell().isDisposed()) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), TITLE, "Cannot show the segment " + segment + ": " + why);
        }
    }
}
