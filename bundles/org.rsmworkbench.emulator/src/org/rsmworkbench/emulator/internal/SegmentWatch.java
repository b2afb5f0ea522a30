package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The segments a recording process reaches through memory, so that the bytes it stores there without an RSM call are
 * recorded too: the memory of its published exports and its writable mappings of imports. The process keeps a copy of
 * each; at the start of each of its RSM calls ({@link TraceLog#begin()}) it compares the memory with the copy and
 * records every changed range as a {@link EventKind#SEGMENT_STORE} event. A store is thus seen at the process's next
 * RSM call, with that call's time: a program that hands data to another process does so through an RSM call (a put of
 * a flag, a signal, a barrier), whose start comes after the comparison. The comparison also sees what other processes
 * put there meanwhile; a reader of the recording keeps those bytes to their put
 * ({@code org.rsmworkbench.emulator.trace.SegmentHistory}).
 * <p>
 * The cost falls on the calls of processes that export or map: the comparison reads the watched memory once per
 * call (a vectorized {@link MemorySegment#mismatch}, about 20 GB/s), plus a copy of each changed range into the log.
 * A process that only puts and gets pays one volatile read per call.
 */
final class SegmentWatch {
    /** Ranges closer than this are recorded as one: a record costs about 24 bytes besides its payload. */
    private static final int GAP = 32;

    /** A range of a segment this process reaches through {@code memory}, and the copy of what it last recorded there. */
    private static final class Watched {
        final Object key;
        final int node;
        final int id;
        final long segmentOffset;
        final MemorySegment memory;
        final MemorySegment copy;
        /** False once {@link #memory} no longer reaches the segment (an import's mapping on trash after a cut). */
        final BooleanSupplier reaches;
        /** Whether this is the exporter's memory, of which a ring log keeps a recent snapshot. */
        final boolean export;
        /** {@link TraceLog#claimedChunks()} at the last snapshot. */
        long snapshotClaim;

        Watched(Object key, int node, int id, long segmentOffset, MemorySegment memory, BooleanSupplier reaches, boolean export) {
            this.key = key;
            this.node = node;
            this.id = id;
            this.segmentOffset = segmentOffset;
            this.memory = memory;
            this.copy = MemorySegment.ofArray(new byte[Math.toIntExact(memory.byteSize())]);
            this.reaches = reaches;
            this.export = export;
        }
    }

    private final TraceLog log;
    /** Replaced, never changed, so that {@link #isEmpty()} needs no lock. Written under this. */
    private volatile Watched[] watched = new Watched[0];

    SegmentWatch(TraceLog log) {
        this.log = log;
    }

    boolean isEmpty() {
        return watched.length == 0;
    }

    /**
     * Watches the memory of export {@code key}, segment {@code node:id}, from now on (in place of what it watched
     * before, after a rebind), and records all of it as a {@link EventKind#SEGMENT_SNAPSHOT}.
     */
    synchronized void watchExport(Object key, int node, int id, MemorySegment memory) {
        Watched w = new Watched(key, node, id, 0, memory, () -> true, true);
        replace(key, w);
        snapshot(w);
    }

    /**
     * Watches a mapping of segment {@code node:id} from {@code offset}, from its contents now (which others have
     * recorded), as long as {@code reaches} says it reaches the segment.
     */
    synchronized void watchMapping(Object key, int node, int id, long offset, MemorySegment mapping, BooleanSupplier reaches) {
        Watched w = new Watched(key, node, id, offset, mapping, reaches, false);
        MemorySegment.copy(mapping, 0, w.copy, 0, mapping.byteSize());
        replace(key, w);
    }

    synchronized boolean watches(Object key) {
        return Arrays.stream(watched).anyMatch(w -> w.key == key);
    }

    synchronized void unwatch(Object key) {
        replace(key, null);
    }

    synchronized void unwatchAll() {
        watched = new Watched[0];
    }

    private void replace(Object key, Watched replacement) {
        List<Watched> next = new ArrayList<>(List.of(watched));
        next.removeIf(w -> w.key == key);
        if (replacement != null) {
            next.add(replacement);
        }
        watched = next.toArray(Watched[]::new);
    }

    /** Records what changed in every watched range since its copy, and updates the copies. */
    synchronized void seeStores() {
        long time = System.nanoTime();
        for (Watched w : watched) {
            if (w.export && log.ring() && log.claimedChunks() - w.snapshotClaim >= log.chunkCount() / 2) {
                snapshot(w); // before the ring reuses the chunks that hold the previous one
            } else if (reaches(w)) {
                recordChanges(w, time);
            }
        }
    }

    private void recordChanges(Watched w, long time) {
        List<long[]> ranges = changedRanges(w);
        if (ranges.isEmpty()) {
            return;
        }
        List<byte[]> contents = new ArrayList<>(ranges.size());
        for (long[] range : ranges) {
            contents.add(w.memory.asSlice(range[0], range[1] - range[0]).toArray(JAVA_BYTE));
        }
        if (!reaches(w)) {
            return; // cut while it was read: what was read may be trash
        }
        for (int i = 0; i < ranges.size(); i++) {
            long start = ranges.get(i)[0];
            MemorySegment bytes = MemorySegment.ofArray(contents.get(i));
            MemorySegment.copy(bytes, 0, w.copy, start, bytes.byteSize()); // the copy is what was recorded
            record(EventKind.SEGMENT_STORE, time, w, start, bytes);
        }
    }

    /** Whether {@code w}'s memory is still mapped and reaches its segment. */
    private static boolean reaches(Watched w) {
        return w.memory.scope().isAlive() && w.reaches.getAsBoolean();
    }

    /** The ranges [start, end) where the memory differs from the copy, ranges less than {@link #GAP} apart joined. */
    private static List<long[]> changedRanges(Watched w) {
        List<long[]> ranges = new ArrayList<>();
        long size = w.memory.byteSize();
        long at = 0;
        while (at < size) {
            long first = MemorySegment.mismatch(w.memory, at, size, w.copy, at, size);
            if (first < 0) {
                break;
            }
            long start = at + first;
            long end = start + 1;
            long p = start + 1;
            while (p < size && p < end + GAP) {
                if (p + 8 <= size) {
                    long difference = w.memory.get(JAVA_LONG_UNALIGNED, p) ^ w.copy.get(JAVA_LONG_UNALIGNED, p);
                    if (difference != 0) {
                        end = p + (63 - Long.numberOfLeadingZeros(difference)) / 8 + 1; // little-endian: its last byte
                    }
                    p += 8;
                } else {
                    if (w.memory.get(JAVA_BYTE, p) != w.copy.get(JAVA_BYTE, p)) {
                        end = p + 1;
                    }
                    p++;
                }
            }
            ranges.add(new long[] { start, end });
            at = end;
        }
        return ranges;
    }

    /** Records all of {@code w}'s memory, in pieces of at most one record's payload, and makes it the copy. */
    private void snapshot(Watched w) {
        long time = System.nanoTime();
        MemorySegment.copy(w.memory, 0, w.copy, 0, w.memory.byteSize());
        for (long at = 0; at < w.copy.byteSize(); at += TraceFormat.MAX_PAYLOAD) {
            long length = Math.min(TraceFormat.MAX_PAYLOAD, w.copy.byteSize() - at);
            log.transfer(EventKind.SEGMENT_SNAPSHOT, time, 0, w.node, w.id, w.segmentOffset + at, length, w.memory.byteSize(),
                    w.copy.asSlice(at, length), PayloadForm.BYTES);
        }
        w.snapshotClaim = log.claimedChunks();
    }

    /** Records {@code bytes}, changed at {@code offset} of {@code w}'s memory, in pieces of at most one record's payload. */
    private void record(EventKind kind, long time, Watched w, long offset, MemorySegment bytes) {
        for (long at = 0; at < bytes.byteSize(); at += TraceFormat.MAX_PAYLOAD) {
            long length = Math.min(TraceFormat.MAX_PAYLOAD, bytes.byteSize() - at);
            log.transfer(kind, time, 0, w.node, w.id, w.segmentOffset + offset + at, length, 0, bytes.asSlice(at, length),
                    PayloadForm.BYTES);
        }
    }
}
