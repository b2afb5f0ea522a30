// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.rsmworkbench.core.inspect.ChangeList;
import org.rsmworkbench.core.trace.RecordedSegment;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.ui.internal.timeline.EventSelection;
import org.rsmworkbench.ui.internal.timeline.TimelineView;

/**
 * The inspector's segment at an instant of a recording: the instant bar (&lt; Previous write and Next write &gt; of
 * the selected row's bytes; Live, for a segment of a running cluster; when), the segment's bytes once the chosen event had
 * happened, read-only, with the bytes it wrote highlighted, the last writer of the byte under the pointer, and following
 * the events chosen in the Timeline view when it shows the same recording.
 */
final class InstantMode {
    private final SegmentInspector inspector;
    /** {@code 1:0x400100}, as recordings name segments. */
    private final String segmentName;
    /** The recording the instants come from now, or null (a launch that does not record). */
    private final Supplier<Path> recordingFolder;
    /** The segment as it is now, or null when the inspector shows only a recording. */
    private final SegmentView live;
    /** The segment in the recording, read when the first instant was chosen; or null. */
    private RecordedSegment recorded;
    /** The instant shown, or null when the inspector shows the segment live. */
    private RecordedSegment.Instant instant;
    private Composite bar;
    private Label label;
    private final ISelectionListener timelineListener = this::timelineSelected;
    /** The process and sequence number of the last event shown or chosen in the Timeline. */
    private long followedPid = -1;
    private long followedSequence = -1;
    /** Counts what the user asked to see: a read finished after a newer request (Live, a step) is dropped. */
    private int shownRequests;

    /**
     * @param live the segment as it is now (the bar offers Live), or null for a segment known only from its recording
     */
    InstantMode(SegmentInspector inspector, String segmentName, Supplier<Path> recordingFolder, SegmentView live) {
        this.inspector = inspector;
        this.segmentName = segmentName;
        this.recordingFolder = recordingFolder;
        this.live = live;
    }

    /** {@code 1:0x400100}: the name recordings give segment {@code segmentId} of node {@code node}. */
    static String segmentName(int node, int segmentId) {
        return node + ":0x" + Integer.toHexString(segmentId);
    }

    /** Makes the bar, hidden while the segment is shown live. */
    void createBar(Composite parent) {
        bar = new Composite(parent, SWT.NONE);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.exclude = true;
        bar.setLayoutData(data);
        bar.setVisible(false);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        bar.setLayout(layout);
        // the buttons first: the label after them changes length with each instant, and buttons after it would move
        // under the pointer between two clicks
        SegmentInspector.button(bar, "< Previous write",
                "The previous write of the selected row's bytes (or of the bytes this event wrote)", () -> stepWrite(false));
        SegmentInspector.button(bar, "Next write >", "The next write of the selected row's bytes (or of the bytes this event wrote)",
                () -> stepWrite(true));
        if (live != null) {
            SegmentInspector.button(bar, "Live", "Show the segment as it is now, and edit it again", this::showLive);
        }
        label = new Label(bar, SWT.NONE);
    }

    /** Shows the last writer of the byte under the pointer over {@code table}, and follows the Timeline of {@code page}. */
    void follow(Table table, IWorkbenchPage page) {
        table.addListener(SWT.MouseHover, e -> table.setToolTipText(instant == null ? null : writerAt(e.x, e.y)));
        page.addPostSelectionListener(TimelineView.ID, timelineListener);
    }

    void dispose(IWorkbenchPage page) {
        page.removePostSelectionListener(TimelineView.ID, timelineListener);
    }

    /** The instant shown, or null when live. */
    RecordedSegment.Instant instant() {
        return instant;
    }

    /** Why the segment shown cannot be edited, or null when it can (live). */
    String readOnlyReason() {
        if (instant != null) {
            return "Read-only: this is the segment " + instant.title() + (live != null ? ". Click Live to edit it." : ", in a recording.");
        }
        return live == null ? "Read-only: the segment of a recording." : null;
    }

    /** An event chosen in the Timeline: an event of this segment in the same recording shows the segment then. */
    private void timelineSelected(IWorkbenchPart part, ISelection selection) {
        if (!(part instanceof TimelineView timeline) || !(selection instanceof IStructuredSelection structured)
                || !(structured.getFirstElement() instanceof EventSelection chosen)) {
            return;
        }
        TraceEvent event = chosen.event();
        if (event.pid() == followedPid && event.sequence() == followedSequence) {
            return; // the same event again (activating the Timeline sends its selection anew): after Live, stay live
        }
        followedPid = event.pid();
        followedSequence = event.sequence();
        Path folder = timeline.recordingFolder();
        if (folder != null && segmentName.equals(event.segment()) && folder.equals(recordingFolder.get())) {
            showEvent(folder, event.pid(), event.sequence());
        }
    }

    /** Shows the segment once that event of the recording in {@code folder} had happened (reads it in a job). */
    void showEvent(Path folder, long pid, long sequence) {
        int request = ++shownRequests;
        inspector.runJob("Reading " + inspector.describe() + " from the recording", _ -> {
            RecordedSegment segment = recorded;
            if (segment == null || !segment.folder().equals(folder) || segment.numberOf(pid, sequence) < 0) {
                // the recording grows while the run goes on: read it again for a newer event
                segment = RecordedSegment.read(folder, segmentName);
            }
            int number = segment.numberOf(pid, sequence);
            if (number < 0) {
                throw new IOException("the event is not in the recording " + folder);
            }
            RecordedSegment read = segment;
            RecordedSegment.Instant at = read.at(number);
            inspector.ui(() -> {
                if (request == shownRequests) {
                    show(read, at);
                }
            });
        });
    }

    /** Shows {@code segment} at {@code at} now. */
    void show(RecordedSegment segment, RecordedSegment.Instant at) {
        recorded = segment;
        instant = at;
        followedPid = at.event().pid(); // shown: the Timeline's selection of it needs no second read
        followedSequence = at.event().sequence();
        long size = live != null ? live.size() : segment.size();
        byte[] bytes = Arrays.copyOf(at.contents().bytes(), (int) Math.min(Integer.MAX_VALUE - 8, size));
        label.setText("Segment " + at.title());
        showBar(true);
        inspector.showContents(new InstantView(at.event().segmentNode(), at.event().segmentId(), bytes), new ChangeList(at.written()),
                at.written().isEmpty() ? -1 : at.written().getFirst().offset());
        inspector.info("The segment " + at.title() + ", read-only; the bytes it wrote in blue. Stores through a mapping or into the "
                + "exporter's memory are seen at the storing process's next signal post or barrier close. Hover over a byte"
                + " for its last writer.");
        inspector.instantShown(segment, at);
    }

    /** Back to the segment as it is now (only for a segment of a running cluster). */
    void showLive() {
        if (live == null) {
            return;
        }
        shownRequests++;
        instant = null;
        showBar(false);
        inspector.showContents(live, ChangeList.NONE, -1);
        inspector.info("Live view of " + inspector.describe() + " again.");
    }

    private void showBar(boolean shown) {
        ((GridData) bar.getLayoutData()).exclude = !shown;
        bar.setVisible(shown);
        bar.getParent().layout(true, true);
    }

    /** Steps to the previous or next write of the selected row's bytes, or of the bytes the shown event wrote. */
    void stepWrite(boolean forward) {
        RecordedSegment.Instant at = instant;
        if (at == null) {
            return;
        }
        long offset = inspector.selectedRowOffset();
        long length;
        if (offset >= 0) {
            length = inspector.bytesPerRow();
        } else if (!at.written().isEmpty()) {
            offset = at.written().getFirst().offset();
            length = at.written().getFirst().length();
        } else {
            inspector.error("Select a row: its bytes' writes are what the buttons step through.");
            return;
        }
        OptionalInt next = forward ? recorded.nextWrite(at.number(), offset, length) : recorded.previousWrite(at.number(), offset, length);
        if (next.isEmpty()) {
            inspector.info("No " + (forward ? "later" : "earlier") + " write of 0x" + Long.toHexString(offset) + "..0x"
                    + Long.toHexString(offset + length - 1) + " in the recording.");
            return;
        }
        RecordedSegment.Instant step = recorded.at(next.getAsInt());
        shownRequests++;
        TimelineView timeline = (TimelineView) inspector.getSite().getPage().findView(TimelineView.ID);
        followedPid = step.event().pid(); // before the Timeline selects it: its selection needs no second read
        followedSequence = step.event().sequence();
        if (timeline != null && recorded.folder().equals(timeline.recordingFolder())) {
            timeline.reveal(step.event());
        }
        show(recorded, step); // selects the first row the step wrote
        if (inspector.selectedRowOffset() >= 0) {
            inspector.goToOffset(offset, true); // back to the bytes stepped through
        }
    }

    /** The last writer of the byte under (x, y) of the table, or null when the point is on no byte. */
    private String writerAt(int x, int y) {
        long offset = inspector.byteOffsetAt(x, y);
        return offset < 0 ? null : instant.writerOf(recorded, offset);
    }
}
