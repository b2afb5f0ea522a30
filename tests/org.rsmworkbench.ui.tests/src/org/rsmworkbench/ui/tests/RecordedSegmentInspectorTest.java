// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.RecordedSegment;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.tests.support.Recordings;
import org.rsmworkbench.ui.internal.inspector.RecordedSegmentInput;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.ui.internal.inspector.ShowSegmentAtEvent;
import org.rsmworkbench.ui.internal.timeline.TimelineView;

/**
 * A finished run, no cluster: the Timeline's "Show Segment at This Event" opens the Segment Inspector on the segment of
 * the recording as it was at the chosen event, read-only; it steps through the writes of the selected bytes, tells the
 * last writer of a byte on hover, and follows the events chosen in the Timeline.
 */
class RecordedSegmentInspectorTest {
    @TempDir
    static Path shared;
    static Path folder;
    static List<TraceEvent> events;
    /** The puts of the recording into the segment under test, in order. */
    static List<TraceEvent> puts;

    private TimelineView timeline;

    @BeforeAll
    static void record() throws Exception {
        folder = shared.resolve("doorbell.rsmtrace");
        events = Recordings.doorbell(folder, 3, 20).events();
        String segment = events.stream().filter(e -> e.kind() == EventKind.PUT && e.payloadForm() == TraceEvent.PayloadForm.BYTES)
                .findFirst().orElseThrow().segment();
        puts = events.stream().filter(e -> e.kind() == EventKind.PUT && segment.equals(e.segment())).toList();
        assertTrue(puts.size() >= 3, "the run puts into " + segment + " in several rounds");
    }

    @BeforeEach
    void openTheRecording() throws Exception {
        RunningClusters.getDefault().removeAll(); // a finished run: no cluster the IDE watches
        timeline = (TimelineView) Ui.page().showView(TimelineView.ID, null, IWorkbenchPage.VIEW_ACTIVATE);
        timeline.open(folder);
        Ui.spin(100);
    }

    @AfterEach
    void close() {
        Ui.page().closeAllEditors(false);
        Ui.page().hideView(timeline);
    }

    private static void mouse(Composite control, int type, Point at, int button) {
        Event e = new Event();
        e.x = at.x;
        e.y = at.y;
        e.button = button;
        e.count = 1;
        control.notifyListeners(type, e);
    }

    /** Right-clicks {@code event} in the Timeline and chooses Show Segment at This Event; returns the inspector it opens. */
    private SegmentInspector showSegmentAt(TraceEvent event) {
        timeline.reveal(timeline.model().find(event));
        long length = Math.max(10_000, event.duration() * 10); // zoomed in: the pointer is on this event, not a neighbour
        timeline.setWindow(new TimeWindow(event.time() - length / 2, event.time() + length / 2));
        timeline.select(null);
        Ui.spin(50);
        Point at = timeline.pointOf(timeline.model().find(event));
        mouse(timeline.canvas(), SWT.MouseDown, at, 3);
        mouse(timeline.canvas(), SWT.MouseUp, at, 3);
        assertSame(event, timeline.selected());
        Ui.chooseFromContextMenu(timeline.canvas(), ShowSegmentAtEvent.TITLE);
        Ui.waitUntil(() -> "an inspector at " + event + "; the active editor is " + Ui.page().getActiveEditor(), 30_000,
                () -> Ui.page().getActiveEditor() instanceof SegmentInspector inspector && shows(inspector, event));
        SegmentInspector inspector = (SegmentInspector) Ui.page().getActiveEditor();
        inspector.setBytesPerRow(16);
        Ui.spin(200);
        return inspector;
    }

    private static boolean shows(SegmentInspector inspector, TraceEvent event) {
        RecordedSegment.Instant instant = inspector.instant();
        return instant != null && instant.event().pid() == event.pid() && instant.event().sequence() == event.sequence();
    }

    private static void assertSame(TraceEvent expected, TraceEvent actual) {
        assertNotNull(actual, "no event, expected " + expected);
        assertEquals(List.of(expected.pid(), expected.sequence()), List.of(actual.pid(), actual.sequence()));
    }

    /** The inspector's whole area (its toolbar, the instant bar, the table). */
    private static Composite area(SegmentInspector inspector) {
        return inspector.viewer().getTable().getParent().getParent().getParent();
    }

    /** The table item of the row of {@code offset} (16 bytes per row). */
    private static TableItem item(SegmentInspector inspector, long offset) {
        return inspector.viewer().getTable().getItem((int) (offset / 16 - inspector.base()));
    }

    private static byte[] shownRow(SegmentInspector inspector, long offset) {
        TableItem item = item(inspector, offset);
        item.getText(0); // a virtual table's item gets its row when it is first read
        return ((SegmentRows.Row) item.getData()).bytes();
    }

    @Test
    void showSegmentAtThisEventOpensTheSegmentOfTheRecordingThenReadOnly() {
        TraceEvent put = puts.get(1);
        SegmentInspector inspector = showSegmentAt(put);
        assertFalse(inspector.isLive());
        assertTrue(inspector.getEditorInput() instanceof RecordedSegmentInput);
        RecordedSegment.Instant instant = inspector.instant();
        String title = inspector.getPartName();
        assertTrue(title.startsWith(put.segment() + " at ") && title.endsWith(" ms (recording doorbell.rsmtrace)"), title);
        assertTrue(inspector.message().startsWith("The segment at ") && inspector.message().contains("event #" + instant.number()),
                inspector.message());
        int column = (int) (put.offset() % 16);
        assertArrayEquals(put.payload(), Arrays.copyOfRange(shownRow(inspector, put.offset()), column, column + (int) put.length()),
                "the bytes the put wrote");
        assertEquals(List.of(new Snapshot.Range(put.offset(), put.length())), inspector.diff(), "highlighted");

        List<String> texts = Ui.texts(area(inspector));
        assertTrue(texts.contains("Next write >") && texts.contains("< Previous write"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Segment at ") && t.contains("event #" + instant.number())), texts.toString());
        for (String absent : List.of("Live", "Write as...", "Import...", "Pause")) {
            assertFalse(texts.contains(absent), "no " + absent + " without a cluster: " + texts);
        }

        // no editing: no cell editor opens on a byte, and a write is refused
        shownRow(inspector, put.offset());
        Object row = item(inspector, put.offset()).getData();
        inspector.viewer().editElement(row, 1 + column);
        assertFalse(inspector.viewer().isCellEditorActive(), "no cell editor on a recording");
        assertFalse(inspector.write(put.offset(), new byte[] {1}));
        assertTrue(inspector.message().startsWith("Read-only: this is the segment at "), inspector.message());
        assertArrayEquals(put.payload(), Arrays.copyOfRange(shownRow(inspector, put.offset()), column, column + (int) put.length()),
                "unchanged");
    }

    @Test
    void theInspectorStepsThroughTheWritesOfTheSelectedBytesAndTheTimelineFollows() {
        TraceEvent put = puts.get(1);
        SegmentInspector inspector = showSegmentAt(put);
        int first = inspector.instant().number();
        inspector.goToOffset(put.offset(), true);

        Ui.press(area(inspector), "Next write >");
        Ui.waitUntil("the next write of the put's bytes", 10_000, () -> inspector.instant().number() > first);
        TraceEvent next = inspector.instant().event();
        long rowStart = put.offset() / 16 * 16;
        assertEquals(put.segment(), next.segment());
        assertTrue(next.offset() < rowStart + 16 && rowStart < next.offset() + Math.max(1, next.length()),
                "it wrote some bytes of the selected row: " + next);
        assertSame(next, timeline.selected());
        assertTrue(inspector.getPartName().contains(" at "), inspector.getPartName());

        int nextNumber = inspector.instant().number();
        Ui.press(area(inspector), "< Previous write");
        Ui.waitUntil("the previous write", 10_000, () -> inspector.instant().number() < nextNumber);
        assertEquals(first, inspector.instant().number(), "the write before the next one of those bytes is the put itself");
        assertSame(put, timeline.selected());
    }

    @Test
    void hoveringOverAByteTellsItsLastWriter() {
        TraceEvent put = puts.get(1);
        SegmentInspector inspector = showSegmentAt(put);
        Table table = inspector.viewer().getTable();
        int column = 1 + (int) (put.offset() % 16);
        Rectangle cell = item(inspector, put.offset()).getBounds(column);
        Point middle = new Point(cell.x + cell.width / 2, cell.y + cell.height / 2);
        Event hover = new Event();
        hover.x = middle.x;
        hover.y = middle.y;
        table.notifyListeners(SWT.MouseHover, hover);
        String tip = table.getToolTipText();
        assertNotNull(tip, "a tooltip over a byte");
        assertTrue(tip.startsWith(String.format("0x%x: written by event #%d", put.offset(), inspector.instant().number()))
                && tip.contains("put of " + put.length() + " bytes") && tip.contains("pid " + put.pid()), tip);
    }

    @Test
    void theInspectorFollowsTheEventsChosenInTheTimelineAndOneInspectorServesTheSegment() {
        SegmentInspector inspector = showSegmentAt(puts.get(0));
        TraceEvent later = puts.get(2);
        timeline.reveal(timeline.model().find(later));
        Ui.waitUntil(() -> "the inspector follows to " + later + "; it shows " + inspector.instant(), 30_000,
                () -> shows(inspector, later));
        int column = (int) (later.offset() % 16);
        Ui.waitUntil("the bytes of the later put", 5000, () -> Arrays.equals(later.payload(),
                Arrays.copyOfRange(shownRow(inspector, later.offset()), column, column + (int) later.length())));

        SegmentInspector again = showSegmentAt(puts.get(1));
        assertTrue(again == inspector, "the same inspector, at the chosen event");
        assertEquals(1, Ui.page().getEditorReferences().length);
    }

    @Test
    void theActionIsEnabledOnlyForAnEventThatNamesASegment() {
        IAction action = Arrays.stream(timeline.getViewSite().getActionBars().getToolBarManager().getItems())
                .filter(i -> i instanceof ActionContributionItem a && ShowSegmentAtEvent.TITLE.equals(a.getAction().getText()))
                .map(i -> ((ActionContributionItem) i).getAction()).findFirst().orElseThrow(() -> new AssertionError("not in the toolbar"));
        timeline.select(null);
        assertFalse(action.isEnabled(), "nothing selected");
        TraceEvent open = events.stream().filter(e -> e.kind() == EventKind.LIBRARY_OPEN).findFirst().orElseThrow();
        assertNull(open.segment());
        timeline.select(timeline.model().find(open));
        assertFalse(action.isEnabled(), "a library open is about no segment");
        assertFalse(Ui.contextMenuItemEnabled(timeline.canvas(), ShowSegmentAtEvent.TITLE));
        timeline.select(timeline.model().find(puts.get(0)));
        assertTrue(action.isEnabled());
        assertTrue(Ui.contextMenuItemEnabled(timeline.canvas(), ShowSegmentAtEvent.TITLE));
        action.run();
        Ui.waitUntil("the toolbar's action opens the inspector", 30_000,
                () -> Ui.page().getActiveEditor() instanceof SegmentInspector inspector && shows(inspector, puts.get(0)));
    }

    @Test
    void anEventOfASegmentTheRecordingHoldsNoContentsOfIsExplained() {
        TraceEvent put = puts.get(0);
        TraceEvent elsewhere = new TraceEvent(put.time(), put.duration(), put.node(), put.pid(), put.threadId(), put.threadName(),
                put.sequence(), put.kind(), put.error(), 3, 0x7777, put.offset(), put.length(), put.value(), put.payload(),
                put.payloadForm(), put.site());
        AtomicReference<String> told = Ui.whenDialogOpens(ShowSegmentAtEvent.TITLE, shell -> shell.close());
        ShowSegmentAtEvent.show(Ui.page(), folder, elsewhere);
        Ui.waitUntil("a dialog says why", 30_000, () -> told.get() != null);
        assertTrue(told.get().contains("Cannot show the segment 3:0x7777: the recording has no contents of segment 3:0x7777"),
                told.get());
        assertNull(Ui.page().getActiveEditor(), "no inspector");
    }
}
