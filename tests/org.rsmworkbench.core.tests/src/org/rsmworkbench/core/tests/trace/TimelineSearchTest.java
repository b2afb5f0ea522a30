// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The Timeline's search over a recording of a million events: a count and a step from one match to the next test the
 * events in their columns, so their heap does not grow with the events they pass over (an object per event tested
 * made each count of a long run a gigabyte of garbage, and counts that piled up ran the IDE out of memory); a count
 * can be cancelled.
 */
class TimelineSearchTest {
    private static final int EVENTS = 1_000_000;
    /** Every fourth event is a put into the segment searched. */
    private static final String FREQUENT = "1:0x400100";
    private static final int FREQUENT_EVERY = 4;
    /** The last event of every quarter of the recording is a put into this segment. */
    private static final String RARE = "1:0x400200";
    private static final int RARE_EVERY = EVENTS / 4;
    /** What a count or a step may allocate whatever the events it tests: the few values it tested, the event found. */
    private static final long MAX_ALLOCATED_BYTES = 1 << 20;

    @TempDir
    static Path directory;
    static TimelineModel timeline;

    @BeforeAll
    static void record() throws IOException {
        Path folder = Files.createDirectories(directory.resolve("large.rsmtrace"));
        RecordingSettings settings = new RecordingSettings(folder, 1L << 30, RecordingSettings.AtLimit.STOP,
                RecordingSettings.CallSites.NONE, false);
        TraceLog log = TraceLog.create(folder.resolve("node1-100" + Recording.LOG_SUFFIX), 1, 100, "large", settings);
        MemorySegment bytes = MemorySegment.ofArray(new long[1]);
        for (int i = 0; i < EVENTS; i++) {
            int segment = i % RARE_EVERY == RARE_EVERY - 1 ? 0x400200 : i % FREQUENT_EVERY == 0 ? 0x400100 : 7;
            EventKind kind = segment == 7 ? EventKind.GET : EventKind.PUT;
            log.transfer(kind, System.nanoTime(), 0, 1, segment, 8 * (i % 512), 8, 0, bytes, PayloadForm.DIGEST);
        }
        log.close();
        timeline = TimelineModel.open(folder);
        assertEquals(EVENTS, timeline.shownEvents());
    }

    @Test
    void aCountOfAMillionEventsAllocatesNoObjectPerEvent() {
        long before = allocatedBytes();
        int frequent = timeline.count(FREQUENT, () -> false);
        long allocated = allocatedBytes() - before;
        assertEquals(EVENTS / FREQUENT_EVERY, frequent);
        assertTrue(allocated < MAX_ALLOCATED_BYTES, allocated + " B allocated to count " + EVENTS + " events");
        assertEquals(EVENTS / RARE_EVERY, timeline.count(RARE, () -> false));
    }

    @Test
    void steppingThroughMatchesFarApartFindsEachInTurnWithoutAnObjectPerEventPassedOver() {
        long before = allocatedBytes();
        List<TraceEvent> found = new ArrayList<>();
        for (TraceEvent at = timeline.findNext(null, Long.MIN_VALUE, true, RARE); at != null; at = timeline.findNext(at, at.time(), true, RARE)) {
            found.add(at);
        }
        long allocated = allocatedBytes() - before;
        assertEquals(EVENTS / RARE_EVERY, found.size());
        for (int i = 1; i < found.size(); i++) {
            assertEquals(RARE_EVERY, found.get(i).sequence() - found.get(i - 1).sequence(), "the next match, none skipped");
        }
        assertTrue(allocated < MAX_ALLOCATED_BYTES, allocated + " B allocated to step over " + EVENTS + " events");
        TraceEvent last = found.getLast();
        assertEquals(found.get(found.size() - 2).sequence(), timeline.findNext(last, last.time(), false, RARE).sequence(), "and back");
        assertNull(timeline.findNext(found.getFirst(), found.getFirst().time(), false, RARE));

        TraceEvent first = timeline.findNext(null, Long.MIN_VALUE, true, FREQUENT);
        TraceEvent second = timeline.findNext(first, first.time(), true, FREQUENT);
        assertEquals(FREQUENT_EVERY, second.sequence() - first.sequence());
    }

    @Test
    void aCountStopsAtItsNextLookOnceCancelled() {
        AtomicInteger looks = new AtomicInteger();
        assertThrows(CancellationException.class, () -> timeline.count(FREQUENT, () -> looks.incrementAndGet() > 1));
        assertEquals(2, looks.get(), "cancelled at the second look, not at the end of the million events");
    }

    /** The bytes this thread allocated so far. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
