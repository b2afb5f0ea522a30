// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineItem.Shape;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * How the timeline draws the signal waits of one thread: a wait recorded by its return alone (the recorder writes no
 * beginning for a wait that ends at its first looks), a wait recorded with its beginning (a wait that slept, or any wait
 * of a recording made by an earlier version), and a wait whose beginning has no return (still running, or its process
 * died): each a wait span, the first two from their start to their return, the last to the end of the recording.
 */
class TimelineWaitTest {
    private static final int NODE = 1;
    private static final int SEGMENT_NODE = 2;
    private static final int SEGMENT_ID = 7;
    private static final Duration WAITED = Duration.ofMillis(1);
    /** The pid of the other node's log: no process of this test. */
    private static final long OTHER_PID = 4_000_001;

    private static TraceLog log(Path folder, int node, long pid) throws IOException {
        return TraceLog.create(folder.resolve("node" + node + "-" + pid + Recording.LOG_SUFFIX), node, pid, "test",
                RecordingSettings.into(folder));
    }

    /** A wait of the calling thread that lasts {@link #WAITED}, recorded with its beginning or not. */
    private static void waitReturns(TraceLog log, boolean withBeginning) {
        long start = log.begin(EventKind.SIGNAL_WAIT_BEGIN);
        if (withBeginning) {
            log.call(EventKind.SIGNAL_WAIT_BEGIN, start, 0, SEGMENT_NODE, SEGMENT_ID, 1000);
        }
        LockSupport.parkNanos(WAITED.toNanos());
        log.call(EventKind.SIGNAL_WAIT, start, 0, SEGMENT_NODE, SEGMENT_ID, 1);
    }

    private static int threadLane(TimelineModel model) {
        for (int lane = 0; lane < model.lanes().size(); lane++) {
            TimelineLane shown = model.lanes().get(lane);
            if (shown.level() == TimelineLane.Level.THREAD && shown.node() == NODE) {
                return lane;
            }
        }
        throw new AssertionError("no thread lane in " + model.lanes());
    }

    @Test
    void aReturnAloneAReturnAfterItsBeginningAndABeginningAloneAreEachOneWaitSpan(@TempDir Path folder) throws Exception {
        try (TraceLog log = log(folder, NODE, ProcessHandle.current().pid()); TraceLog other = log(folder, SEGMENT_NODE, OTHER_PID)) {
            waitReturns(log, false);
            waitReturns(log, true);
            waitReturns(log, false);
            log.call(EventKind.SIGNAL_WAIT_BEGIN, log.begin(EventKind.SIGNAL_WAIT_BEGIN), 0, SEGMENT_NODE, SEGMENT_ID, 1000);
            LockSupport.parkNanos(WAITED.toNanos());
            other.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, NODE, SEGMENT_ID, 0); // the recording goes on
        }
        List<TraceEvent> events = Recording.open(folder).events();
        List<TraceEvent> returns = events.stream().filter(e -> e.kind() == EventKind.SIGNAL_WAIT).toList();
        TraceEvent open = events.stream().filter(e -> e.kind() == EventKind.SIGNAL_WAIT_BEGIN).toList().getLast();

        for (TimelineModel model : new TimelineModel[] { TimelineModel.open(folder), TimelineModel.of(Recording.open(folder)),
                TimelineModel.open(folder).filtered(TimelineFilter.ALL.withKinds(Set.of(EventKind.SIGNAL_WAIT))) }) {
            TimeWindow window = new TimeWindow(returns.getFirst().time() - WAITED.toNanos(), model.end() + WAITED.toNanos());
            int width = (int) ((window.end() - window.start()) / 1000); // a pixel a microsecond
            List<TimelineItem> waits = model.items(threadLane(model), window, width).stream().filter(i -> i.shape() == Shape.WAIT)
                    .toList();
            assertEquals(List.of(returns.get(0), returns.get(1), returns.get(2), open), waits.stream().map(TimelineItem::event).toList(),
                    "one wait span per wait, a returned wait's beginning not drawn: " + waits);
            for (int i = 0; i < 4; i++) {
                TraceEvent wait = waits.get(i).event();
                long end = i < 3 ? wait.end() : model.end();
                assertEquals((int) Math.floor(window.xOf(wait.time(), width)), waits.get(i).x0(), "starts at its start: " + wait);
                assertEquals((int) Math.floor(window.xOf(end, width)), waits.get(i).x1(), "ends at its return: " + wait);
            }
            assertEquals(4, model.filtered(TimelineFilter.ALL.withKinds(Set.of(EventKind.SIGNAL_WAIT))).shownEvents());
        }
    }

    /**
     * A wait that never returned, followed by another wait's beginning (its thread went on: a wait given up without a
     * return recorded) and many calls: a window after its beginning, among the later calls, still draws it, to the end
     * of the recording, found among the lane's earlier events by their latest end.
     */
    @Test
    void aWaitThatNeverReturnedIsDrawnInAWindowLongAfterItsBeginning(@TempDir Path folder) throws Exception {
        try (TraceLog log = log(folder, NODE, ProcessHandle.current().pid())) {
            calls(log, 40);
            log.call(EventKind.SIGNAL_WAIT_BEGIN, log.begin(EventKind.SIGNAL_WAIT_BEGIN), 0, SEGMENT_NODE, SEGMENT_ID, 1000);
            calls(log, 40);
            waitReturns(log, true);
            calls(log, 40);
        }
        TraceEvent open = Recording.open(folder).events().stream().filter(e -> e.kind() == EventKind.SIGNAL_WAIT_BEGIN)
                .findFirst().orElseThrow();
        for (TimelineModel model : new TimelineModel[] { TimelineModel.open(folder), TimelineModel.of(Recording.open(folder)) }) {
            TimeWindow window = new TimeWindow(model.end() - 1000, model.end()); // the last calls only
            List<TimelineItem> items = model.items(threadLane(model), window, 1000);
            TimelineItem wait = items.stream().filter(i -> i.shape() == Shape.WAIT && open.equals(i.event())).findFirst()
                    .orElseThrow(() -> new AssertionError("the open wait is not drawn: " + items));
            assertTrue(wait.x0() < 0, "from before the window: " + wait);
            assertEquals(1000, wait.x1(), "to the end of the recording: " + wait);
        }
    }

    /** {@code count} posts of the calling thread, a microsecond apart. */
    private static void calls(TraceLog log, int count) {
        for (int i = 0; i < count; i++) {
            log.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, SEGMENT_NODE, SEGMENT_ID, 0);
            LockSupport.parkNanos(1000);
        }
    }
}
