// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The contents of one segment through a recording (time travel): what it held after any event, and for each byte the
 * event that last wrote it. Events are numbered by their index in {@link Recording#events()} (the merged time order,
 * as {@code rsm-trace export --format csv} numbers them).
 * <p>
 * What writes a segment, and how exactly it is known:
 * <ul>
 * <li>a put or putv: its bytes, at its start (a put of more than 32 KiB records its first 32 KiB);</li>
 * <li>a publish or rebind: the exporter's memory as it read it right after the call ({@link EventKind#SEGMENT_SNAPSHOT}),
 * the writer of every byte;</li>
 * <li>stores through an import's mapping and the exporter's own stores into its memory, which pass through no call:
 * <b>they are seen at the storing process's next RSM call that hands data over or changes what it maps or exports (a
 * signal post, a barrier close or order; publish, republish, rebind, unpublish, destroy, map, unmap, disconnect, closing
 * the library), and their time is that call's start</b> ({@link EventKind#SEGMENT_STORE}; the event's call site, when
 * recorded, is that call's). Puts, gets, waits and the other calls do not compare, so stores handed over by a put or a
 * get alone appear after it. Each process that maps or exports the segment compares it with its copy at each of those
 * calls, so such a comparison can also see what another process stored directly since: the bytes are then credited to
 * the first process whose call saw them. A program whose processes hand stored data over through a signal or a barrier
 * stores between its own calls, and its stores are credited to it. A store of the value a byte already had is not seen;
 * a byte changed and changed back between two comparisons is not seen either. Stores made after a process's last
 * comparison (it was killed) are lost.</li>
 * </ul>
 * A comparison that runs while another process's put writes can see some of its bytes first: they are credited to
 * the comparison from its time to the put's start, to the put from then on. Bytes that no recorded event wrote
 * (before the segment's publish, or older than what a ring log kept) are unknown: 0, with no writer.
 * <p>
 * Reading the history replays it once and keeps a few checkpoints (at most {@value #MAX_CHECKPOINTS} copies of the
 * segment), so that {@link #at(int)} replays at most a few times the segment's size from the nearest checkpoint.
 */
public final class SegmentHistory {
    /** The most checkpoints a history keeps: each holds the segment's bytes and writers (5 bytes per byte). */
    public static final int MAX_CHECKPOINTS = 32;
    /** The replay work between two checkpoints, in segment sizes. */
    private static final long CHECKPOINT_SIZES = 8;
    /** What replaying an event costs besides its bytes, in bytes. */
    private static final long EVENT_COST = 64;

    /** Bytes an event wrote: {@code length} bytes of {@code source} from {@code from}, at {@code offset} of the segment. */
    private record Piece(int offset, byte[] source, int from, int length) {
    }

    /**
     * A change of the contents by event {@code event}: the pieces it wrote or, for a publish ({@code reset}), the end of
     * the segment's previous life: every byte unknown, the size {@code size}.
     */
    private record Entry(int event, boolean reset, Piece[] pieces, int size) {
    }

    /** The contents after some entry: the bytes, the event number of each byte's writer (-1: unknown), the size. */
    private record State(int entry, byte[] bytes, int[] writers, int size) {
        State copy() {
            return new State(entry, bytes.clone(), writers.clone(), size);
        }

        void apply(Entry e) {
            if (e.reset) {
                Arrays.fill(bytes, (byte) 0);
                Arrays.fill(writers, -1);
            }
            for (Piece p : e.pieces) {
                System.arraycopy(p.source, p.from, bytes, p.offset, p.length);
                Arrays.fill(writers, p.offset, p.offset + p.length, e.event);
            }
        }
    }

    private final Recording recording;
    private final String segment;
    private final int capacity;
    private final Entry[] entries;
    private final int[] entryEvents;
    private final State[] checkpoints;

    private SegmentHistory(Recording recording, String segment, int capacity, List<Entry> entries, List<State> checkpoints) {
        this.recording = recording;
        this.segment = segment;
        this.capacity = capacity;
        this.entries = entries.toArray(Entry[]::new);
        this.entryEvents = entries.stream().mapToInt(Entry::event).toArray();
        this.checkpoints = checkpoints.toArray(State[]::new);
    }

    /**
     * The history of segment {@code segment}, written {@code <exporting node>:<segment id>} with the id in hex after
     * {@code 0x} or decimal ({@code 1:0x400100}), as {@link TraceEvent#segment()} names it.
     *
     * @throws IllegalArgumentException when {@code segment} is malformed or the recording has no contents of it
     */
    public static SegmentHistory of(Recording recording, String segment) {
        String[] parts = segment.trim().split(":", -1);
        int node;
        int id;
        boolean decimal;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            node = Integer.parseInt(parts[0]);
            String idText = parts[1].toLowerCase(Locale.ROOT);
            decimal = !idText.startsWith("0x");
            id = decimal ? Integer.parseUnsignedInt(idText) : Integer.parseUnsignedInt(idText.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + segment + "\" is not a segment: write NODE:0xID, e.g. 1:0x400100");
        }
        // ids are written in hex far more often: one without 0x that names nothing was most likely meant as hex
        return of(recording, node, id, decimal ? "; ids are read as decimal unless written 0x... (" + parts[1] + " in hex: "
                + node + ":0x" + parts[1] + ")" : "");
    }

    /**
     * The history of segment {@code segmentId} of node {@code node}.
     *
     * @throws IllegalArgumentException when the recording has no contents of it
     */
    public static SegmentHistory of(Recording recording, int node, int segmentId) {
        return of(recording, node, segmentId, "");
    }

    /** {@link #of(Recording, int, int)}, with {@code notFoundHint} added to the message when the recording has no contents of it. */
    private static SegmentHistory of(Recording recording, int node, int segmentId, String notFoundHint) {
        String name = node + ":0x" + Integer.toHexString(segmentId);
        List<TraceEvent> events = recording.events();
        long capacity = 0;
        for (TraceEvent e : events) {
            if (writes(e) && e.segmentNode() == node && e.segmentId() == segmentId) {
                capacity = Math.max(capacity, e.kind() == EventKind.SEGMENT_SNAPSHOT ? e.value() : 0);
                for (Piece p : piecesOf(e)) {
                    capacity = Math.max(capacity, (long) p.offset + p.length);
                }
            }
        }
        if (capacity == 0) {
            throw new IllegalArgumentException("the recording has no contents of segment " + name + " (segments with contents: "
                    + String.join(", ", segmentsWithContents(recording)) + ")" + notFoundHint);
        }
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("segment " + name + " has " + capacity + " bytes: a history holds at most 2 GiB");
        }
        return build(recording, name, node, segmentId, (int) capacity);
    }

    /** Whether {@code e} can change a segment's contents (if it is about that segment). */
    private static boolean writes(TraceEvent e) {
        return switch (e.kind()) {
            case PUT, PUTV, SEGMENT_STORE, SEGMENT_SNAPSHOT -> e.payloadForm() == TraceEvent.PayloadForm.BYTES
                    || e.payloadForm() == TraceEvent.PayloadForm.TRUNCATED;
            default -> false;
        };
    }

    private static List<String> segmentsWithContents(Recording recording) {
        TreeSet<String> names = new TreeSet<>();
        recording.events().stream().filter(SegmentHistory::writes).forEach(e -> names.add(e.segment()));
        return List.copyOf(names);
    }

    /** Replays the recording once: the entries, with the bytes each actually changed, and the checkpoints. */
    private static SegmentHistory build(Recording recording, String name, int node, int segmentId, int capacity) {
        List<TraceEvent> events = recording.events();
        List<Entry> entries = new ArrayList<>();
        List<State> checkpoints = new ArrayList<>();
        int[] writers = new int[capacity];
        Arrays.fill(writers, -1);
        State state = new State(-1, new byte[capacity], writers, 0);
        long totalWork = 0;
        for (TraceEvent e : events) {
            totalWork += EVENT_COST + e.length();
        }
        long checkpointWork = Math.max(CHECKPOINT_SIZES * capacity, totalWork / MAX_CHECKPOINTS + 1);
        long work = 0;
        long fullSnapshot = -1; // the pid whose next snapshot is its publish's or rebind's
        long fullSnapshotTime = Long.MIN_VALUE;
        int size = 0;
        for (int n = 0; n < events.size(); n++) {
            TraceEvent e = events.get(n);
            if (e.segmentNode() != node || e.segmentId() != segmentId || e.failed() && e.kind() != EventKind.PUTV
                    || e.kind().category() == EventKind.Category.FAULT) {
                continue;
            }
            Entry entry = switch (e.kind()) {
                case EXPORT_PUBLISH -> {
                    fullSnapshot = e.pid();
                    size = 0;
                    yield new Entry(n, true, new Piece[0], 0);
                }
                case EXPORT_REBIND -> {
                    fullSnapshot = e.pid();
                    yield null;
                }
                case PUT, PUTV -> writes(e) ? new Entry(n, false, piecesOf(e), size) : null;
                case SEGMENT_SNAPSHOT -> {
                    boolean full = e.pid() == fullSnapshot || e.time() == fullSnapshotTime;
                    if (e.pid() == fullSnapshot) {
                        fullSnapshot = -1;
                        fullSnapshotTime = e.time(); // the snapshot's other pieces have its time
                    }
                    size = (int) Math.min(capacity, e.value());
                    Piece whole = piecesOf(e)[0];
                    yield new Entry(n, false, full ? new Piece[] { whole } : changed(state, whole), size);
                }
                case SEGMENT_STORE -> new Entry(n, false, changed(state, piecesOf(e)[0]), size);
                default -> null;
            };
            if (entry == null) {
                continue;
            }
            entries.add(entry);
            state.apply(entry);
            state = new State(entries.size() - 1, state.bytes, state.writers, entry.size);
            work += EVENT_COST + Arrays.stream(entry.pieces).mapToLong(Piece::length).sum();
            if (work >= checkpointWork) {
                checkpoints.add(state.copy());
                work = 0;
            }
        }
        return new SegmentHistory(recording, name, capacity, entries, checkpoints);
    }

    /** The bytes {@code e}, an event that {@link #writes}, holds for its segment, as it says them. */
    private static Piece[] piecesOf(TraceEvent e) {
        return e.kind() == EventKind.PUTV ? vectorPieces(e.payload())
                : new Piece[] { piece(e.offset(), e.payload(), 0, e.payload().length) };
    }

    private static Piece piece(long offset, byte[] source, int from, int length) {
        if (offset < 0 || offset > Integer.MAX_VALUE - 8 - length) {
            throw new IllegalArgumentException("a write at offset " + offset + " is beyond what a history holds (2 GiB)");
        }
        return new Piece((int) offset, source, from, length);
    }

    /** The requests of a putv's payload: (offset u64, length u64, bytes) each; a truncated one as far as it goes. */
    private static Piece[] vectorPieces(byte[] payload) {
        List<Piece> pieces = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 16) {
            long offset = b.getLong();
            long length = Math.min(b.getLong(), b.remaining());
            pieces.add(piece(offset, payload, b.position(), (int) length));
            b.position(b.position() + (int) length);
        }
        return pieces.toArray(Piece[]::new);
    }

    /** The parts of {@code seen} that differ from {@code state}, or that no event wrote yet: what an observation changed. */
    private static Piece[] changed(State state, Piece seen) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        while (i < seen.length) {
            if (!differs(state, seen, i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < seen.length && differs(state, seen, i)) {
                i++;
            }
            pieces.add(piece(seen.offset + start, seen.source, seen.from + start, i - start));
        }
        return pieces.toArray(Piece[]::new);
    }

    private static boolean differs(State state, Piece seen, int i) {
        int at = seen.offset + i;
        return state.writers[at] < 0 || state.bytes[at] != seen.source[seen.from + i];
    }

    /** {@code <node>:0x<id>}, as {@link TraceEvent#segment()} writes it. */
    public String segment() {
        return segment;
    }

    /** The most bytes the segment had in the recording. */
    public long capacity() {
        return capacity;
    }

    public Recording recording() {
        return recording;
    }

    /**
     * The segment as it was once event {@code eventNumber} had happened (-1: before the first event).
     *
     * @throws IndexOutOfBoundsException when there is no such event
     */
    public Contents at(int eventNumber) {
        if (eventNumber < -1 || eventNumber >= recording.events().size()) {
            throw new IndexOutOfBoundsException("event " + eventNumber + " is not in the recording (events 0 to "
                    + (recording.events().size() - 1) + ")");
        }
        int last = lastEntryAtOrBefore(eventNumber);
        State state = new State(-1, new byte[capacity], new int[capacity], 0);
        Arrays.fill(state.writers, -1);
        int checkpoint = lastCheckpointAtOrBefore(last);
        if (checkpoint >= 0) {
            state = checkpoints[checkpoint].copy();
        }
        int size = state.size;
        for (int k = state.entry + 1; k <= last; k++) {
            state.apply(entries[k]);
            size = entries[k].size;
        }
        return new Contents(this, eventNumber, state.bytes, state.writers, size);
    }

    /** The segment as it was {@code nanos} nanoseconds after the start of the recording ({@link Recording#eventAt}). */
    public Contents atTime(long nanos) {
        return at(recording.eventAt(nanos));
    }

    /**
     * The events that changed any of the {@code length} bytes from {@code offset}, in order: for "previous/next write of
     * these bytes".
     */
    public int[] writesOf(long offset, long length) {
        long end = offset + length;
        return Arrays.stream(entries).filter(e -> !e.reset && Arrays.stream(e.pieces)
                .anyMatch(p -> p.offset < end && offset < p.offset + p.length)).mapToInt(Entry::event).toArray();
    }

    private int lastEntryAtOrBefore(int eventNumber) {
        int i = Arrays.binarySearch(entryEvents, eventNumber);
        return i >= 0 ? i : -i - 2;
    }

    private int lastCheckpointAtOrBefore(int entry) {
        int low = 0;
        int high = checkpoints.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (checkpoints[middle].entry <= entry) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** A segment's contents at one instant, and each byte's last writer. */
    public static final class Contents {
        private final SegmentHistory history;
        private final int eventNumber;
        private final byte[] bytes;
        private final int[] writers;
        private final int size;

        private Contents(SegmentHistory history, int eventNumber, byte[] bytes, int[] writers, int size) {
            this.history = history;
            this.eventNumber = eventNumber;
            this.bytes = bytes;
            this.writers = writers;
            this.size = size;
        }

        /** The history these contents are of. */
        public SegmentHistory history() {
            return history;
        }

        /** The instant: once this event had happened (-1: before the first event). */
        public int eventNumber() {
            return eventNumber;
        }

        /**
         * The segment's size then: its exporter's at its last publish or rebind, or, when the exporter's snapshot is not in
         * the recording, the end of the furthest write; 0 before its publish.
         */
        public long size() {
            boolean anyKnown = Arrays.stream(writers).anyMatch(w -> w >= 0);
            return size > 0 ? size : anyKnown ? history.capacity : 0;
        }

        /** The bytes of the segment then, {@link #size()} of them; those no event wrote are 0. */
        public byte[] bytes() {
            return Arrays.copyOf(bytes, (int) size());
        }

        /** The number of the event that last wrote the byte at {@code offset}, or -1 when none did (it is unknown). */
        public int lastWriterNumber(long offset) {
            return writers[Math.toIntExact(offset)];
        }

        /** The event that last wrote the byte at {@code offset}, or null when none did. */
        public TraceEvent lastWriter(long offset) {
            int n = lastWriterNumber(offset);
            return n < 0 ? null : history.recording.events().get(n);
        }
    }
}
