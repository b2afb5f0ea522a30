// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.internal.TraceFormat;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * What the recorder writes for the puts of arrays (put8 to put64), whose bytes it copies from the array: each put's
 * elements in the segment's byte order, a failed put without bytes, a put past the payload limit truncated, one of the
 * limit whole; and a put into a segment the process maps is not taken for a store through the mapping.
 */
class RecordedPutTest {
    private static final int SEGMENT_ID = 0x400300;
    private static final int SIZE = 64 * 1024;

    @RegisterExtension
    final EmulatedClusterExtension cluster = EmulatedClusterExtension.of(2);
    @TempDir
    Path folder;

    @Test
    void eachPutOfAnArrayRecordsItsElementsAsTheSegmentHoldsThem() throws Exception {
        long[] longs = new long[SIZE / Long.BYTES];
        Arrays.setAll(longs, i -> 0x0102_0304_0506_0708L * (i + 1));
        List<TraceEvent> puts = ofKind(EventKind.PUT, record(segment -> {
            segment.put8(1, new byte[] { 1, 2, 3 }, 3);
            segment.put16(8, new short[] { (short) 0xA1A2, (short) 0xB1B2, (short) 0xC1C2 }, 2);
            segment.put32(16, new int[] { 0x1122_3344, 0x5566_7788 }, 2);
            segment.put64(24, new long[] { 0x0102_0304_0506_0708L, -2, 7 }, 3);
            assertThrows(RsmException.class, () -> segment.put64(SIZE, new long[] { 9 }, 1));
            segment.put64(0, longs, longs.length);
            segment.put64(0, longs, TraceFormat.MAX_PAYLOAD / Long.BYTES);
        }));

        assertEquals(7, puts.size(), puts.toString());
        assertPut(puts.get(0), 1, new byte[] { 1, 2, 3 });
        assertPut(puts.get(1), 8, bytesOf(new short[] { (short) 0xA1A2, (short) 0xB1B2 }, ValueLayout.JAVA_SHORT_UNALIGNED));
        assertPut(puts.get(2), 16, bytesOf(new int[] { 0x1122_3344, 0x5566_7788 }, ValueLayout.JAVA_INT_UNALIGNED));
        assertPut(puts.get(3), 24, bytesOf(new long[] { 0x0102_0304_0506_0708L, -2, 7 }, ValueLayout.JAVA_LONG_UNALIGNED));

        TraceEvent failed = puts.get(4);
        assertEquals(SIZE, failed.offset());
        assertEquals(PayloadForm.NONE, failed.payloadForm());
        assertEquals(0, failed.payload().length, "a failed put records no bytes");

        TraceEvent whole = puts.get(5);
        assertEquals(SIZE, whole.length(), "the put's length, though its bytes are cut");
        assertEquals(PayloadForm.TRUNCATED, whole.payloadForm());
        byte[] all = bytesOf(longs, ValueLayout.JAVA_LONG_UNALIGNED);
        assertArrayEquals(Arrays.copyOf(all, TraceFormat.MAX_PAYLOAD), whole.payload(), "its first bytes");
        assertPut(puts.get(6), 0, Arrays.copyOf(all, TraceFormat.MAX_PAYLOAD));
    }

    /**
     * A put into a segment the process also maps is not a store through the mapping: the recorder's copy of what the
     * mapping holds (its shadow) takes the put's bytes, so the next call that hands data over sees no store.
     */
    @Test
    void aPutIntoAMappedSegmentIsNotTakenForAStore() throws Exception {
        List<TraceEvent> events = record(segment -> {
            segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 4096);
            segment.put64(64, new long[] { 0x1234 }, 1);
            segment.put8(72, new byte[] { 5 }, 1);
            segment.signalPost(0);
            segment.unmap();
        });
        assertEquals(2, ofKind(EventKind.PUT, events).size(), events.toString());
        assertEquals(List.of(), ofKind(EventKind.SEGMENT_STORE, events), "no store through the mapping");
    }

    private static List<TraceEvent> ofKind(EventKind kind, List<TraceEvent> events) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    private static void assertPut(TraceEvent put, long offset, byte[] bytes) {
        assertEquals(List.of(offset, (long) bytes.length, PayloadForm.BYTES), List.of(put.offset(), put.length(), put.payloadForm()),
                put.toString());
        assertArrayEquals(bytes, put.payload(), put.toString());
        assertEquals(0, put.error());
        assertNull(put.site(), "a put takes no call site by default");
    }

    private static byte[] bytesOf(Object array, ValueLayout element) {
        int count = java.lang.reflect.Array.getLength(array);
        MemorySegment bytes = MemorySegment.ofArray(new byte[count * (int) element.byteSize()]);
        MemorySegment.copy(array, 0, bytes, element, 0, count);
        return bytes.toArray(ValueLayout.JAVA_BYTE);
    }

    private interface Puts {
        void run(ImportSegment segment) throws RsmException;
    }

    /** The events of the recording of node 2, which connected to node 1's segment and ran {@code puts} on it. */
    private List<TraceEvent> record(Puts puts) throws Exception {
        try (TraceLog log = TraceLog.create(folder.resolve("node2" + Recording.LOG_SUFFIX), 2, ProcessHandle.current().pid(),
                "recorded puts", RecordingSettings.into(folder))) {
            RsmLibrary exporter = cluster.process(1);
            ExportSegment export = exporter.getController("emu0").createExportSegment(exporter.allocate(SIZE), 0);
            export.publish(SEGMENT_ID, List.of(new AccessEntry(2, 0666)));
            RsmLibrary importer = log.recording(cluster.process(2));
            ImportSegment segment = importer.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
            segment.setMode(BarrierMode.EXPLICIT);
            puts.run(segment);
            segment.disconnect();
            importer.close();
        }
        return Recording.open(folder).events();
    }
}
