// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.RecordingSettings.AtLimit;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * A process whose log met its size limit: its lane is marked where the recording stopped (or where what a ring kept
 * begins), the marker's hover says what happened and what to do, and the model's description line says how many events
 * were not recorded; in a recording followed while it is written as in one opened afterwards.
 */
class TimelineLogLimitTest {
    private static final int WIDTH = 1200;
    /** More puts than the 15 chunks of a 1 MiB log hold. */
    private static final int PUTS = 40_000;

    private static TraceLog log(Path folder, int node, long pid, AtLimit atLimit) throws IOException {
        RecordingSettings settings = new RecordingSettings(folder, 1 << 20, atLimit, RecordingSettings.CallSites.NONE, false);
        return TraceLog.create(folder.resolve("node" + node + "-" + pid + Recording.LOG_SUFFIX), node, pid, "limited", settings);
    }

    private static void puts(TraceLog log, int count) {
        for (int i = 0; i < count; i++) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8 * (i % 64), 8, 0, MemorySegment.ofArray(new long[] { i }),
                    PayloadForm.BYTES);
        }
    }

    private static int processLane(TimelineModel model, int node, long pid) {
        return model.lanes().indexOf(new TimelineLane(TimelineLane.Level.PROCESS, node, pid, 0, "pid " + pid));
    }

    /** The log limit items of every lane, as "lane x". */
    private static List<String> limitItems(TimelineModel model, TimeWindow window) {
        return java.util.stream.IntStream.range(0, model.lanes().size()).boxed()
                .flatMap(lane -> model.items(lane, window, WIDTH).stream().filter(i -> i.shape() == TimelineItem.Shape.LOG_LIMIT)
                        .map(i -> lane + " " + i.x0()))
                .toList();
    }

    @Test
    void aLogThatStoppedIsMarkedWhereItsLastEventEndedOnceItFillsWhileFollowed(@TempDir Path directory) throws IOException {
        Path folder = Files.createDirectories(directory.resolve("full.rsmtrace"));
        try (TraceLog full = log(folder, 1, 100, AtLimit.STOP); TraceLog other = log(folder, 2, 200, AtLimit.STOP)) {
            puts(full, 100);
            puts(other, 100);
            TimelineModel before = TimelineModel.open(folder);
            assertEquals(List.of(), before.logLimits());
            assertNull(before.logLimitsLine());
            assertEquals(List.of(), limitItems(before, before.fullWindow()));

            puts(full, PUTS);
            TimelineModel after = before.refresh();
            assertEquals(1, after.logLimits().size(), after.logLimits().toString());
            LogLimit limit = after.logLimits().getFirst();
            assertTrue(limit.stopped() && limit.node() == 1 && limit.pid() == 100, limit.toString());
            assertEquals(String.format(Locale.ROOT, "node 1 (pid 100): %,d events not recorded (log full at 1 MiB)", limit.droppedEvents()),
                    after.logLimitsLine());
            assertEquals(100 + PUTS - (after.events() - 100), limit.droppedEvents(), "every put of node 1 not read is counted");
            assertTrue(limit.completeUntil() > after.end() - 1_000, "node 1's first put dropped began after the last event"
                    + " of the recording ended, its own (to the microsecond below)");

            TimeWindow window = after.fullWindow();
            int lane = processLane(after, 1, 100);
            int x = (int) Math.floor(window.xOf(limit.completeUntil(), WIDTH));
            assertEquals(List.of(lane + " " + x), limitItems(after, window), "one marker, on node 1's process lane");
            assertEquals(limit, after.logLimitAt(lane, window, WIDTH, x + 1));
            assertNull(after.logLimitAt(lane, window, WIDTH, x - 10), "away from the marker");
            assertNull(after.logLimitAt(processLane(after, 2, 200), window, WIDTH, x), "node 2's log is whole");
            String hover = after.explanation(limit);
            assertTrue(hover.contains("The recording of node 1 (pid 100) stopped here, at "
                    + TimelineModel.formatDuration(limit.completeUntil() - after.origin()) + " (log full at 1 MiB)"), hover);
            assertTrue(hover.endsWith(LogLimit.STOP_ADVICE), hover);

            // followed past the stop: the window shows none of node 1's events, its lane says why
            TimeWindow later = new TimeWindow(after.end() + 1_000_000, after.end() + 2_000_000);
            assertEquals(List.of(lane + " -1"), limitItems(after, later), "marked at the lane's left edge");
            assertEquals(limit, after.logLimitAt(lane, later, WIDTH, WIDTH / 2), "its hover anywhere on the lane");
            TimeWindow earlier = new TimeWindow(after.origin(), after.origin() + 1);
            assertEquals(List.of(), limitItems(after, earlier), "before the stop: nothing to say");
            assertNull(after.logLimitAt(lane, earlier, WIDTH, WIDTH / 2));

            assertEquals(after.logLimits(), TimelineModel.open(folder).logLimits(), "read whole, the same");
            assertEquals(after.logLimits(), TimelineModel.of(Recording.open(folder)).logLimits(), "read as objects, the same");
        }
    }

    @Test
    void aRingThatOverwroteIsMarkedWhereWhatItKeptBegins(@TempDir Path directory) throws IOException {
        Path folder = Files.createDirectories(directory.resolve("ring.rsmtrace"));
        try (TraceLog ring = log(folder, 1, 100, AtLimit.RING)) {
            puts(ring, PUTS);
            TimelineModel model = TimelineModel.open(folder);
            LogLimit limit = model.logLimits().getFirst();
            assertTrue(limit.overwritten() && !limit.stopped(), limit.toString());
            assertEquals(0, limit.droppedEvents(), "none dropped, the oldest overwritten");
            assertEquals("node 1 (pid 100): its oldest events overwritten (a ring of 1 MiB)", model.logLimitsLine());
            TimeWindow window = model.fullWindow();
            int lane = processLane(model, 1, 100);
            int x = (int) Math.floor(window.xOf(limit.completeFrom(), WIDTH));
            assertEquals(List.of(lane + " " + x), limitItems(model, window));
            assertNotNull(model.logLimitAt(lane, window, WIDTH, x));
            String hover = model.explanation(limit);
            assertTrue(hover.contains("keeps the last events, all of them from here ("
                    + TimelineModel.formatDuration(limit.completeFrom() - model.origin()) + "); before, some were overwritten"), hover);
            assertTrue(hover.endsWith(LogLimit.RING_ADVICE), hover);
        }
    }
}
