// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static org.rsmworkbench.emulator.internal.TraceFormat.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The event log of one process of a recording, read once: its events, in the order of their sequence numbers.
 * A log still being written can be read: what is committed at that moment is read.
 *
 * @param node the node of the process (0: the launcher)
 * @param label what the process ran (its main class)
 * @param startNanos when the log was made (CLOCK_MONOTONIC)
 * @param startEpochMillis the same instant by the wall clock
 * @param droppedEvents events not recorded because the log was full
 * @param ring whether the log reuses its oldest chunks at the size limit (then older events may be gone)
 */
public record ProcessLog(Path file, int node, long pid, String label, long startNanos, long startEpochMillis,
        long droppedEvents, boolean ring, List<TraceEvent> events) {

    private static final VarHandle LONG = java.lang.foreign.ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle CHECK = java.lang.foreign.ValueLayout.JAVA_INT.varHandle();
    /** By their number in a record's flags (values() makes a new array each call: once per event). */
    private static final PayloadForm[] PAYLOAD_FORMS = PayloadForm.values();
    /** The payload of the events that carry none. */
    private static final byte[] NO_PAYLOAD = {};

    /** Reads the log in {@code file}; an IOException says what is wrong with a file that is not a log. */
    public static ProcessLog read(Path file) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_SIZE) {
                throw new IOException(file + " is not an RSM event log: it has only " + size + " bytes");
            }
            MemorySegment log = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            if ((long) LONG.getAcquire(log, 0L) != MAGIC) {
                throw new IOException(file + " is not an RSM event log (or it is still being created)");
            }
            if (log.get(JAVA_INT_UNALIGNED, H_VERSION) != VERSION || log.get(JAVA_INT_UNALIGNED, H_CHUNK_SIZE) != CHUNK_SIZE) {
                throw new IOException(file + " is an RSM event log of another version (" + log.get(JAVA_INT_UNALIGNED, H_VERSION) + ")");
            }
            int chunkCount = (int) Math.min(log.get(JAVA_INT_UNALIGNED, H_CHUNK_COUNT), (size - HEADER_SIZE) / CHUNK_SIZE);
            int node = log.get(JAVA_INT_UNALIGNED, H_NODE);
            long pid = log.get(JAVA_LONG_UNALIGNED, H_PID);
            int labelLength = Math.min(LABEL_MAX, log.get(JAVA_SHORT_UNALIGNED, H_LABEL) & 0xFFFF);
            String label = new String(log.asSlice(H_LABEL + 2, labelLength).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
            List<TraceEvent> events = new ArrayList<>();
            for (int slot = 0; slot < chunkCount; slot++) {
                new ChunkReader(log.asSlice(chunkOffset(slot), CHUNK_SIZE), node, pid).readInto(events);
            }
            events.sort(Comparator.comparingLong(TraceEvent::sequence));
            return new ProcessLog(file, node, pid, label, log.get(JAVA_LONG_UNALIGNED, H_START_NANOS),
                    log.get(JAVA_LONG_UNALIGNED, H_START_EPOCH_MILLIS), log.get(JAVA_LONG_UNALIGNED, H_DROPPED),
                    (log.get(JAVA_INT_UNALIGNED, H_FLAGS) & FLAG_RING) != 0, List.copyOf(events));
        }
    }

    /** The committed records of one chunk. */
    private static final class ChunkReader {
        private final MemorySegment chunk;
        private final int node;
        private final long pid;
        private final Map<Integer, CallSite> sites = new HashMap<>();
        private long position;

        ChunkReader(MemorySegment chunk, int node, long pid) {
            this.chunk = chunk;
            this.node = node;
            this.pid = pid;
        }

        void readInto(List<TraceEvent> events) {
            long index = (long) LONG.getAcquire(chunk, C_INDEX) - 1;
            if (index < 0) {
                return;
            }
            long threadId = chunk.get(JAVA_LONG_UNALIGNED, C_THREAD);
            int nameLength = Math.min(NAME_MAX, chunk.get(JAVA_BYTE, C_NAME) & 0xFF);
            String threadName = new String(chunk.asSlice(C_NAME + 1, nameLength).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
            long time = chunk.get(JAVA_LONG_UNALIGNED, C_BASE_TIME);
            long sequence = 0;
            for (long at = CHUNK_HEADER_SIZE; at + 8 <= CHUNK_SIZE;) {
                int header = chunk.get(JAVA_INT_UNALIGNED, at);
                int length = header & 0xFFFF;
                int check = (int) CHECK.getAcquire(chunk, at + 4);
                if (length < 8 || at + length > CHUNK_SIZE || check == 0 || check != check(chunk, at, length, index)) {
                    return; // the end of what this thread committed here
                }
                int kind = header >>> 16 & 0xFF;
                int flags = header >>> 24 & 0xFF;
                position = at + 8;
                if (kind == KIND_SITE) {
                    sites.put((int) unsigned(), new CallSite(string(), string(), string(), (int) signed()));
                } else {
                    time += signed();
                    sequence += signed();
                    long duration = unsigned();
                    int error = (int) signed();
                    int segmentNode = 0;
                    int segmentId = 0;
                    if ((flags & F_SEGMENT) != 0) {
                        segmentNode = (int) unsigned();
                        segmentId = (int) unsigned();
                    }
                    long offset = 0;
                    long length2 = 0;
                    if ((flags & F_RANGE) != 0) {
                        offset = unsigned();
                        length2 = unsigned();
                    }
                    long value = (flags & F_VALUE) != 0 ? signed() : 0;
                    CallSite site = (flags & F_SITE) != 0 ? sites.get((int) unsigned()) : null;
                    PayloadForm form = PAYLOAD_FORMS[flags >>> PAYLOAD_SHIFT & 7];
                    byte[] payload = NO_PAYLOAD;
                    if (form != PayloadForm.NONE) {
                        payload = new byte[(int) unsigned()];
                        MemorySegment.copy(chunk, JAVA_BYTE, position, payload, 0, payload.length);
                    }
                    EventKind eventKind = EventKind.of(kind);
                    if (eventKind != null) {
                        events.add(new TraceEvent(time, duration, node, pid, threadId, threadName, sequence, eventKind, error,
                                segmentNode, segmentId, offset, length2, value, payload, form, site));
                    }
                }
                at += (length + 3) & ~3;
            }
        }

        private long unsigned() {
            long value = 0;
            for (int shift = 0;; shift += 7) {
                byte b = chunk.get(JAVA_BYTE, position++);
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        private long signed() {
            return unzigzag(unsigned());
        }

        private String string() {
            int length = (int) unsigned();
            if (length == 0) {
                return null;
            }
            String text = new String(chunk.asSlice(position, length - 1).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
            position += length - 1;
            return text;
        }
    }
}
