// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The segments a recording process reaches through memory, so that the bytes it stores there without an RSM call are
 * recorded too: the memory of its published exports and its writable mappings of imports.
 * <p>
 * Each segment has a <em>shadow</em>: a file of its size in the cluster's memory directory, mapped by every recording
 * process that uses the segment, that holds the segment as the recording knows it. A recorded put or putv writes its
 * bytes into the shadow too; at the start of each RSM call of a process that exports or maps the segment and that
 * {@linkplain #comparesAt(EventKind) hands data over or ends an access} ({@link TraceLog#begin(EventKind)}), the process
 * compares the memory with the shadow, records every changed range as a {@link EventKind#SEGMENT_STORE} event and writes
 * it into the shadow. A store is thus seen at the next such call of a process that reaches the segment through memory
 * (normally the storing one), with that call's time: a program hands stored data to another process through a signal
 * post or a barrier close or order, whose start comes after the comparison. The shadow is shared, not one copy per
 * process, so that a store that puts back a value the storing process saw before (a flag another node set, cleared)
 * differs from what the recording knows and is seen. Races between a comparison and a put can only make the comparison
 * record bytes the put recorded too, which a reader ({@code org.rsmworkbench.emulator.trace.SegmentHistory}) keeps
 * credited to the put.
 * <p>
 * Why not at every call: a comparison reads the whole watched memory (a vectorized {@link MemorySegment#mismatch}, tens
 * of microseconds for 1 MiB), which made an 8-byte put of a process mapping 1 MiB cost 150 µs, and a signal wait of an
 * exporter pay it too. Java has no cheap way to learn which pages were written (a page fault handler, soft-dirty bits
 * or userfaultfd cost a system call per check, or stall the JVM's safepoints), so the comparisons are kept to the calls
 * that order accesses between processes. Puts, gets, waits and the other calls only keep a ring log's snapshot fresh.
 * A put writes its bytes a second time, into the shadow.
 */
final class SegmentWatch {
    /** The beginning of a shadow's file name in the cluster's memory directory. */
    static final String SHADOW_PREFIX = "recorded-";
    /** Ranges closer than this are recorded as one: a record costs about 24 bytes besides its payload. */
    private static final int GAP = 32;

    /** A range of a segment this process reaches through {@code memory}, and its shadow. */
    private static final class Watched {
        final Object key;
        final int node;
        final int id;
        final long segmentOffset;
        final MemorySegment memory;
        /** The part of the segment's shadow that {@link #memory} covers. */
        final MemorySegment shadow;
        /** False once {@link #memory} no longer reaches the segment (an import's mapping on trash after a cut). */
        final BooleanSupplier reaches;
        /** Whether this is the exporter's memory, of which a ring log keeps a recent snapshot. */
        final boolean export;
        /** {@link TraceLog#claimedChunks()} at the last snapshot. Written under the watch's lock. */
        volatile long snapshotClaim;

        Watched(Object key, int node, int id, long segmentOffset, MemorySegment memory, MemorySegment shadow,
                BooleanSupplier reaches, boolean export) {
            this.key = key;
            this.node = node;
            this.id = id;
            this.segmentOffset = segmentOffset;
            this.memory = memory;
            this.shadow = shadow;
            this.reaches = reaches;
            this.export = export;
        }
    }

    private final TraceLog log;
    /** The shadows this process mapped, by segment ({@code node:id}); a larger one replaces a smaller. Guarded by this. */
    private final Map<String, MemorySegment> shadows = new HashMap<>();
    /** Where shadows are made: the cluster's memory directory; null when there is none (no shadows then). */
    private volatile Path shadowDirectory;
    /** Replaced, never changed, so that {@link #isEmpty()} needs no lock. Written under this. */
    private volatile Watched[] watched = new Watched[0];

    SegmentWatch(TraceLog log) {
        this.log = log;
    }

    boolean isEmpty() {
        return watched.length == 0;
    }

    /** Makes the shadows of segments in {@code directory} (the cluster's memory directory, removed with the cluster). */
    void shadowsIn(Path directory) {
        shadowDirectory = directory;
    }

    /**
     * The shadow of segment {@code node:id} of {@code size} bytes, mapped (made if new, grown if smaller); null when it
     * cannot be made (then the segment's stores are not seen, and its puts are seen again as stores).
     */
    synchronized MemorySegment shadow(int node, int id, long size) {
        if (shadowDirectory == null) {
            return null; // a library without cluster memory: its stores are not recorded
        }
        String key = node + ":" + id;
        MemorySegment shadow = shadows.get(key);
        if (shadow == null || shadow.byteSize() < size) {
            try {
                shadow = mapShadow(shadowDirectory.resolve(SHADOW_PREFIX + node + "-" + Integer.toHexString(id)), size);
                shadows.put(key, shadow);
            } catch (IOException | RuntimeException e) {
                System.err.println("RSM recorder: cannot make the shadow of segment " + node + ":0x" + Integer.toHexString(id)
                        + ": " + e.getMessage() + "; stores into it are not recorded");
                return null;
            }
        }
        return shadow.asSlice(0, size);
    }

    /**
     * Maps {@code file} (made if missing), at least {@code size} bytes of it reserved, for the life of the JVM. It is made
     * by this process or another recording process of the cluster: anything else there (a FIFO, another user's file)
     * is refused, checked on the open descriptor.
     */
    private static MemorySegment mapShadow(Path file, long size) throws IOException {
        int fd = NativeFiles.open(file, NativeFiles.O_RDWR | NativeFiles.O_CREAT | NativeFiles.O_NOFOLLOW | NativeFiles.O_NONBLOCK
                | NativeFiles.O_CLOEXEC, 0600);
        try {
            OwnFiles.requireOwnRegular(fd, file, "mapped");
            try (FileChannel channel = FileChannel.open(Path.of("/proc/self/fd/" + fd), StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                NativeFiles.reserve(fd, file, size); // grows it, never shrinks it nor changes its bytes
                return channel.map(FileChannel.MapMode.READ_WRITE, 0, size, Arena.global());
            }
        } finally {
            NativeFiles.close(fd);
        }
    }

    /**
     * Watches the memory of export {@code key}, segment {@code node:id}, from now on (in place of what it watched
     * before, after a rebind), and records all of it as a {@link EventKind#SEGMENT_SNAPSHOT}.
     */
    synchronized void watchExport(Object key, int node, int id, MemorySegment memory) {
        MemorySegment shadow = shadow(node, id, memory.byteSize());
        if (shadow == null) {
            replace(key, null);
            return;
        }
        Watched w = new Watched(key, node, id, 0, memory, shadow, () -> true, true);
        replace(key, w);
        snapshot(w);
    }

    /**
     * Watches a mapping from {@code offset} of segment {@code node:id}, whose shadow is {@code shadow}, as long as
     * {@code reaches} says it reaches the segment.
     */
    synchronized void watchMapping(Object key, int node, int id, long offset, MemorySegment mapping, MemorySegment shadow,
            BooleanSupplier reaches) {
        replace(key, new Watched(key, node, id, offset, mapping, shadow.asSlice(offset, mapping.byteSize()), reaches, false));
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

    /**
     * Whether a call of {@code kind} compares the watched memory with the shadows first: the calls that hand stored data
     * over to other processes (a signal post, a barrier close or order) and those that change what this process exports
     * or maps or end its access (publish, republish, rebind, unpublish, destroy, map, unmap, disconnect, closing the
     * library), whose stores must not be lost with the memory or seen after the change.
     */
    static boolean comparesAt(EventKind kind) {
        return switch (kind) {
            case SIGNAL_POST, BARRIER_CLOSE, BARRIER_ORDER, EXPORT_PUBLISH, EXPORT_REPUBLISH, EXPORT_REBIND, EXPORT_UNPUBLISH,
                    EXPORT_DESTROY, MAP, UNMAP, DISCONNECT, LIBRARY_CLOSE -> true;
            default -> false;
        };
    }

    /**
     * At the start of a call of {@code kind}, at {@code start}: records what differs from the shadow in every watched range and writes it
     * into the shadow, if the call {@linkplain #comparesAt(EventKind) compares}; in a ring log, snapshots the exports
     * whose previous snapshot the ring is about to reuse at any call.
     */
    void atCall(EventKind kind, long start) {
        if (comparesAt(kind)) {
            seeStores(true, start);
        } else if (log.ring() && anySnapshotDue()) {
            seeStores(false, start);
        }
    }

    /** Whether an export's snapshot is due: a loop, no lock, as every call of a ring log's process asks. */
    private boolean anySnapshotDue() {
        for (Watched w : watched) {
            if (snapshotDue(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the ring log is about to reuse the chunks that hold the last snapshot of {@code w}, an export. */
    private boolean snapshotDue(Watched w) {
        return w.export && log.ring() && log.claimedChunks() - w.snapshotClaim >= log.chunkCount() / 2;
    }

    private synchronized void seeStores(boolean compare, long time) {
        for (Watched w : watched) {
            if (snapshotDue(w)) {
                snapshot(w); // before the ring reuses the chunks that hold the previous one
            } else if (compare && reaches(w)) {
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
            MemorySegment.copy(bytes, 0, w.shadow, start, bytes.byteSize()); // the shadow is what was recorded
            record(EventKind.SEGMENT_STORE, time, w, start, bytes);
        }
    }

    /** Whether {@code w}'s memory is still mapped and reaches its segment. */
    private static boolean reaches(Watched w) {
        return w.memory.scope().isAlive() && w.reaches.getAsBoolean();
    }

    /** The ranges [start, end) where the memory differs from the shadow, ranges less than {@link #GAP} apart joined. */
    private static List<long[]> changedRanges(Watched w) {
        List<long[]> ranges = new ArrayList<>();
        long size = w.memory.byteSize();
        long at = 0;
        while (at < size) {
            long first = MemorySegment.mismatch(w.memory, at, size, w.shadow, at, size);
            if (first < 0) {
                break;
            }
            long start = at + first;
            long end = start + 1;
            long p = start + 1;
            while (p < size && p < end + GAP) {
                if (p + 8 <= size) {
                    long difference = w.memory.get(JAVA_LONG_UNALIGNED, p) ^ w.shadow.get(JAVA_LONG_UNALIGNED, p);
                    if (difference != 0) {
                        end = p + (63 - Long.numberOfLeadingZeros(difference)) / 8 + 1; // little-endian: its last byte
                    }
                    p += 8;
                } else {
                    if (w.memory.get(JAVA_BYTE, p) != w.shadow.get(JAVA_BYTE, p)) {
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

    /** Records all of {@code w}'s memory, in pieces of at most one record's payload, and writes it into the shadow. */
    private void snapshot(Watched w) {
        long time = System.nanoTime();
        MemorySegment contents = MemorySegment.ofArray(w.memory.toArray(JAVA_BYTE));
        MemorySegment.copy(contents, 0, w.shadow, 0, contents.byteSize());
        for (long at = 0; at < contents.byteSize(); at += TraceFormat.MAX_PAYLOAD) {
            long length = Math.min(TraceFormat.MAX_PAYLOAD, contents.byteSize() - at);
            log.transfer(EventKind.SEGMENT_SNAPSHOT, time, 0, w.node, w.id, w.segmentOffset + at, length, contents.byteSize(),
                    contents.asSlice(at, length), PayloadForm.BYTES);
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
