// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.core.trace.RecordedSegment;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.SegmentHistory;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.tests.support.Recordings;

/** A segment of a recorded doorbell run as the inspector shows it at the timeline's instants. */
class RecordedSegmentTest {
    @TempDir
    static Path shared;
    static Path folder;
    static Recording recording;

    @BeforeAll
    static void recordDoorbell() throws Exception {
        folder = shared.resolve("doorbell.rsmtrace");
        recording = Recordings.doorbell(folder, 3, 20);
    }

    /** The puts of the recording with their bytes, by event number. */
    private static List<Integer> puts() {
        List<TraceEvent> events = recording.events();
        return java.util.stream.IntStream.range(0, events.size())
                .filter(i -> events.get(i).kind() == EventKind.PUT && !events.get(i).failed()
                        && events.get(i).payloadForm() == TraceEvent.PayloadForm.BYTES)
                .boxed().toList();
    }

    @Test
    void atAPutTheSegmentHoldsItsBytesWhichItWroteAndWhoseWriterItIs() throws Exception {
        List<Integer> puts = puts();
        assertTrue(puts.size() > 10, "the doorbell run puts: " + puts.size());
        int number = puts.get(puts.size() / 2);
        TraceEvent put = recording.events().get(number);
        RecordedSegment segment = RecordedSegment.read(folder, put.segment());
        assertEquals(number, segment.numberOf(put.pid(), put.sequence()), "the timeline's event is found in the inspector's read");

        RecordedSegment.Instant instant = segment.at(number);
        assertEquals(List.of(put.pid(), put.sequence()), List.of(instant.event().pid(), instant.event().sequence()));
        assertTrue(instant.title().matches("at \\d+\\.\\d{3} ms, event #" + number + ": node " + put.node() + " put of "
                + put.length() + " bytes at 0x" + Long.toHexString(put.offset())), instant.title());
        byte[] bytes = instant.contents().bytes();
        assertArrayEquals(put.payload(), Arrays.copyOfRange(bytes, (int) put.offset(), (int) (put.offset() + put.length())));
        assertEquals(List.of(new Snapshot.Range(put.offset(), put.length())), instant.written(), "the bytes this put wrote");
        String writer = instant.writerOf(segment, put.offset());
        assertTrue(writer.contains("written by event #" + number + ", ") && writer.contains("(pid " + put.pid() + ") node " + put.node() + " put"),
                writer);
        assertEquals("", instant.writerOf(segment, segment.size()), "nothing past the end");
    }

    @Test
    void previousAndNextWriteStepThroughTheWritesOfARange() throws Exception {
        List<Integer> puts = puts();
        TraceEvent first = recording.events().get(puts.getFirst());
        RecordedSegment segment = RecordedSegment.read(folder, first.segment());
        int[] writes = SegmentHistory.of(recording, first.segment()).writesOf(first.offset(), first.length());
        assertTrue(writes.length >= 3, "the slot is written in several rounds: " + Arrays.toString(writes));
        int middle = writes[writes.length / 2];
        assertEquals(writes[writes.length / 2 - 1], segment.previousWrite(middle, first.offset(), first.length()).getAsInt());
        assertEquals(writes[writes.length / 2 + 1], segment.nextWrite(middle, first.offset(), first.length()).getAsInt());
        assertTrue(segment.nextWrite(writes[writes.length - 1], first.offset(), first.length()).isEmpty(), "none after the last");
        assertTrue(segment.previousWrite(writes[0], first.offset(), first.length()).isEmpty(), "none before the first");
    }

    @Test
    void aSegmentWithoutContentsInTheRecordingIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordedSegment.read(folder, "3:0x7777"));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("the recording has no contents of segment 3:0x7777"), e.getMessage());
    }
}
