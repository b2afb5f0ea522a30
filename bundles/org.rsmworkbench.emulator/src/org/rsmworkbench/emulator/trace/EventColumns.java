// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static org.rsmworkbench.emulator.internal.TraceFormat.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.rsmworkbench.emulator.internal.RecordingFiles;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The events of one process's log as columns, one row per event, with no object per event: what an analysis of
 * millions of events reads (the race detector, the timeline), where a {@link TraceEvent} each would keep the garbage
 * collector busy. Rows come in the order they were read: each thread's events in the order of their sequence numbers
 * ({@link #read} reads the threads one after the other; a {@link Reader} of a log still being written adds each read's
 * new rows after those of the reads before). Immutable: a {@link Reader} gives a new instance for more rows, which
 * shares this one's arrays (rows are only ever added past the end of what an instance holds). A payload stays in the
 * mapped log file ({@link #payloads()}), readable while the arena the log was read with is open. {@link ProcessLog#read}
 * makes its events from these rows ({@link #event}).
 */
public final class EventColumns {
    private static final VarHandle LONG = java.lang.foreign.ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle CHECK = java.lang.foreign.ValueLayout.JAVA_INT.varHandle();
    /** By their number in a record's flags (values() makes a new array each call: once per event). */
    private static final PayloadForm[] PAYLOAD_FORMS = PayloadForm.values();
    private static final EventKind[] KINDS = EventKind.values();
    private static final byte[] NO_PAYLOAD = {};
    private static final ValueLayout.OfLong LITTLE_LONG = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** What the unused rest of a chunk used once is compared with. */
    private static final MemorySegment ZEROS = MemorySegment.ofArray(new byte[CHUNK_SIZE]);
    /** How many bytes of heap each row takes, in the arrays below (with compressed references). */
    public static final int BYTES_PER_ROW = 7 * 8 + 5 * 4 + 4 + 2;
    /**
     * The columns are kept in blocks of {@value #BLOCK_ROWS} rows, not one array each: a log read on (a followed run)
     * adds blocks, it never copies what it read, nor keeps room for half as much again; and a block (256 KB of longs)
     * stays below half a region of a 2 GB G1 heap, where arrays are humongous: placed whole in free regions and never
     * moved, so that a heap with room enough in pieces could not place the next one.
     */
    private static final int BLOCK_SHIFT = 15;
    static final int BLOCK_ROWS = 1 << BLOCK_SHIFT;
    private static final int BLOCK_MASK = BLOCK_ROWS - 1;
    /** The first block's first size (it doubles until whole): a log of a few events keeps a few hundred bytes. */
    private static final int FIRST_BLOCK_ROWS = 64;

    private final Path file;
    private final MemorySegment log;
    private final int node;
    private final long pid;
    private final String label;
    /** The header's counters as they were at the read: read from the mapping later, a truncated log would fault. */
    private final long startNanos;
    private final long startEpochMillis;
    private final long droppedEvents;
    private final int flags;
    private final int chunkCount;
    private final long claimedChunks;
    /** When the newest chunk read was claimed (its base time), or Long.MIN_VALUE. */
    private final long lastClaimTime;
    /** The header's first drop ({@link TraceFormat}): 0, or 1 + microseconds from the start to the first event dropped. */
    private final long firstDrop;
    /** The threads (by their index in {@link #threadIds}) whose first chunk the log holds: they lost no event. */
    private final BitSet startKept = new BitSet();
    private final int size;
    private final long[][] time;
    private final long[][] duration;
    /** The index of each row's thread in {@link #threadIds} and {@link #threadNames}. */
    private final int[][] thread;
    private final long[] threadIds;
    private final String[] threadNames;
    private final long[][] sequence;
    private final long[][] offset;
    private final long[][] length;
    private final long[][] value;
    /** Where each payload begins in {@link #log}. */
    private final long[][] payloadAt;
    private final int[][] payloadLength;
    private final int[][] error;
    private final int[][] segmentNode;
    private final int[][] segmentId;
    /** The ordinals of the enums (a byte, not a reference each), the sites of the chunks: shared, not one per event. */
    private final byte[][] kind;
    private final byte[][] payloadForm;
    private final CallSite[][] site;
    private final List<String> damage;

    private EventColumns(Reader rows, List<String> damage) {
        file = rows.file;
        log = rows.log;
        node = rows.node;
        pid = rows.pid;
        label = rows.label;
        startNanos = rows.startNanos;
        startEpochMillis = rows.startEpochMillis;
        droppedEvents = (long) LONG.getAcquire(log, H_DROPPED); // then the first drop, marked before the count
        flags = log.get(JAVA_INT_UNALIGNED, H_FLAGS);
        chunkCount = log.get(JAVA_INT_UNALIGNED, H_CHUNK_COUNT);
        claimedChunks = (long) LONG.getAcquire(log, H_CLAIMED);
        firstDrop = Integer.toUnsignedLong(log.get(JAVA_INT_UNALIGNED, H_FIRST_DROP));
        lastClaimTime = rows.chunks.values().stream().max(java.util.Comparator.comparingLong(chunk -> chunk.index))
                .map(chunk -> chunk.baseTime).orElse(Long.MIN_VALUE);
        rows.chunks.values().stream().filter(chunk -> chunk.firstOfThread).forEach(chunk -> startKept.set(chunk.threadIndex));
        size = rows.size;
        time = rows.time;
        duration = rows.duration;
        thread = rows.thread;
        threadIds = rows.threadIds.stream().mapToLong(Long::longValue).toArray();
        threadNames = rows.threadNames.toArray(String[]::new);
        sequence = rows.sequence;
        offset = rows.offset;
        length = rows.length;
        value = rows.value;
        payloadAt = rows.payloadAt;
        payloadLength = rows.payloadLength;
        error = rows.error;
        segmentNode = rows.segmentNode;
        segmentId = rows.segmentId;
        kind = rows.kind;
        payloadForm = rows.payloadForm;
        site = rows.site;
        this.damage = damage;
    }

    /**
     * Reads the log in {@code file}, mapped in {@code arena} (a shared one when several threads read the rows); an
     * IOException says what is wrong with a file that is not a log.
     */
    public static EventColumns read(Path file, Arena arena) throws IOException {
        return new Reader(file, arena).read();
    }

    /**
     * What reading a mapped log whose file another process truncated throws instead of the JVM's error: a page of the
     * mapping past the new end of the file faults (SIGBUS), which the JVM throws as an InternalError from the access.
     */
    static ShrankException shrank(Path file, Throwable fault) {
        return new ShrankException(file, fault);
    }

    /**
     * A reader of a log that may still be written: each {@link #read()} reads only what was committed since the
     * previous one (new records of the chunks read before, chunks claimed since), from the mapped file. Not
     * thread-safe: one thread reads at a time.
     */
    public static Reader reader(Path file, Arena arena) throws IOException {
        return new Reader(file, arena);
    }

    /**
     * Reads every log of the recording in {@code directory}, several at once, mapped in {@code arena} (which must be a
     * shared one).
     *
     * @throws IOException when it is not a folder, holds no event log, or a log cannot be read
     */
    public static List<EventColumns> readAll(Path directory, Arena arena) throws IOException {
        return Recording.readAll(Recording.logFiles(directory), file -> read(file, arena));
    }

    public Path file() {
        return file;
    }

    /** The node of the process ({@link TraceEvent#LAUNCHER}: the launcher). */
    public int node() {
        return node;
    }

    public long pid() {
        return pid;
    }

    /** What the process ran (its main class). */
    public String label() {
        return label;
    }

    /** When the log was made (CLOCK_MONOTONIC). */
    public long startNanos() {
        return startNanos;
    }

    /** The same instant by the wall clock. */
    public long startEpochMillis() {
        return startEpochMillis;
    }

    /** Events not recorded because the log was full. */
    public long droppedEvents() {
        return droppedEvents;
    }

    /** Whether the log reuses its oldest chunks at the size limit. */
    public boolean ring() {
        return (flags & FLAG_RING) != 0;
    }

    /** The size limit the log was made with. */
    public long limitBytes() {
        return limitOf(chunkCount);
    }

    /** Whether the log has used every chunk its limit allows (then a log that stops drops every later event). */
    public boolean limitReached() {
        return claimedChunks >= chunkCount;
    }

    /** Whether the log is a ring that overwrote its oldest events. */
    public boolean overwritten() {
        return ring() && claimedChunks > chunkCount;
    }


    /**
     * What the log lost to damage, one line each naming the file: that it is cut short of its claimed chunks, that records
     * of chunks break off where neither a crash nor the end of a chunk leaves them, that chunk headers are unreadable.
     * Empty for an intact log: the records a crash tore at the end of a thread's last chunk are no damage, but where the
     * log was closed (its process ended normally) records broken off before what their thread had committed are.
     */
    public List<String> damage() {
        return damage;
    }

    /**
     * How the log met its size limit, or null when it holds every event of its process: its rows are looked through for
     * where it holds them all ({@link LogLimit#completeFrom()}, {@link LogLimit#completeUntil()}).
     */
    public LogLimit limit() {
        if (droppedEvents == 0 && !overwritten()) {
            return null;
        }
        return LogLimit.of(this, overwritten() ? completeFrom() : Long.MIN_VALUE,
                droppedEvents > 0 ? completeUntil() : Long.MAX_VALUE);
    }

    /**
     * From when a ring that overwrote its oldest events holds every event of its process. A ring reuses a thread's
     * chunks in the order the thread claimed them, so a thread that lost events lost those before the first one it
     * kept: the span begins with the latest first kept event of a thread whose first chunk is gone, numbered after a
     * lost one (the lowest sequence number missing, which the ring lost first). A thread that lost all its events (it
     * ended) is not seen, nor one that kept only loads (recorded for an ended thread at its join or the process's
     * exit). (In a log made before first chunks were marked, a thread that began after the ring went round is taken for
     * one that lost events, which moves the span's beginning later than needed, never earlier.)
     */
    private long completeFrom() {
        BitSet keptFromZero = new BitSet(size + 1);
        long[] firstSequence = new long[threadIds.length];
        int[] firstRow = new int[threadIds.length];
        Arrays.fill(firstSequence, Long.MAX_VALUE);
        for (int row = 0; row < size; row++) {
            long number = sequence(row);
            if (number >= 0 && number <= size) {
                keptFromZero.set((int) number);
            }
            // a load's time is when it was recorded (a thread that ended: at its join or the process's exit), not made
            int thread = threadIndex(row);
            if (number < firstSequence[thread] && kind(row) != EventKind.LOAD) {
                firstSequence[thread] = number;
                firstRow[thread] = row;
            }
        }
        long firstLost = keptFromZero.nextClearBit(0); // at most size: size + 1 numbers, size rows
        long from = Long.MIN_VALUE;
        for (int t = 0; t < threadIds.length; t++) {
            if (firstSequence[t] != Long.MAX_VALUE && !startKept.get(t) && firstSequence[t] > firstLost) {
                from = Math.max(from, time(firstRow[t]));
            }
        }
        return from;
    }

    /**
     * Until when a log that dropped events holds every event of its process: the earliest start of an event it dropped,
     * to the microsecond below, which its header says. (A log made before the header said it, or whose first drop came
     * after the 71 minutes it can say: a thread drops an event only when it needs a new chunk after the log claimed its
     * last one, so each thread has all its events until its last kept one ended or that claim, whichever is later; the
     * span ends where the first thread's ends.)
     */
    private long completeUntil() {
        if (firstDrop != 0 && firstDrop != FIRST_DROP_SATURATED) {
            return startNanos + (firstDrop - 1) * 1_000;
        }
        long[] lastEnd = new long[threadIds.length];
        Arrays.fill(lastEnd, Long.MIN_VALUE);
        for (int row = 0; row < size; row++) {
            lastEnd[threadIndex(row)] = Math.max(lastEnd[threadIndex(row)], end(row));
        }
        long until = Long.MAX_VALUE;
        for (long threadEnd : lastEnd) {
            until = Math.min(until, Math.max(threadEnd, lastClaimTime));
        }
        return until == Long.MAX_VALUE ? lastClaimTime : until;
    }

    /** How many events (rows) the log holds. */
    public int size() {
        return size;
    }

    // the columns: each is the field of TraceEvent of the same name

    public long time(int row) {
        return time[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public long duration(int row) {
        return duration[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public long end(int row) {
        return time(row) + duration(row);
    }

    /** The index of the thread of {@code row} in {@link #threadIds} and {@link #threadNames}. */
    private int threadIndex(int row) {
        return thread[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public long threadId(int row) {
        return threadIds[threadIndex(row)];
    }

    public String threadName(int row) {
        return threadNames[threadIndex(row)];
    }

    public long sequence(int row) {
        return sequence[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public EventKind kind(int row) {
        return KINDS[kind[row >>> BLOCK_SHIFT][row & BLOCK_MASK]];
    }

    public int error(int row) {
        return error[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public boolean failed(int row) {
        return error(row) != 0;
    }

    public int segmentNode(int row) {
        return segmentNode[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public int segmentId(int row) {
        return segmentId[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public long offset(int row) {
        return offset[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public long length(int row) {
        return length[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public long value(int row) {
        return value[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public PayloadForm payloadForm(int row) {
        return PAYLOAD_FORMS[payloadForm[row >>> BLOCK_SHIFT][row & BLOCK_MASK]];
    }

    public CallSite site(int row) {
        return site[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    /**
     * The mapped log that holds the payloads: the payload of a row is {@link #payloadLength} bytes at {@link #payloadAt}.
     * Read them with {@link #payload}, {@link #payloadBytes} or {@link #payloadLong}, which tell a log truncated since it
     * was read as such.
     */
    public MemorySegment payloads() {
        return log;
    }

    public long payloadAt(int row) {
        return payloadAt[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    public int payloadLength(int row) {
        return payloadLength[row >>> BLOCK_SHIFT][row & BLOCK_MASK];
    }

    /**
     * The payload of a row, copied.
     *
     * @throws UncheckedIOException when the log shrank since it was read ({@link #shrank})
     */
    public byte[] payload(int row) {
        return payloadLength(row) == 0 ? NO_PAYLOAD : payloadBytes(payloadAt(row), payloadLength(row));
    }

    /**
     * {@code count} bytes of the payloads from {@code at} ({@link #payloadAt}), copied.
     *
     * @throws UncheckedIOException when the log shrank since it was read ({@link #shrank})
     */
    public byte[] payloadBytes(long at, int count) {
        return fromLog(() -> log.asSlice(at, count).toArray(JAVA_BYTE));
    }

    /**
     * The little-endian long of the payloads at {@code at} ({@link #payloadAt}): a request of a putv or getv.
     *
     * @throws UncheckedIOException when the log shrank since it was read ({@link #shrank})
     */
    public long payloadLong(long at) {
        return fromLog(() -> log.get(LITTLE_LONG, at));
    }

    /**
     * What {@code read} reads from the mapping after the log was read: the one place where a read of a log truncated
     * since (its payloads are read from the mapping only when asked for) is told as {@link #shrank}.
     */
    private <T> T fromLog(Supplier<T> read) {
        try {
            T value = read.get();
            // a native call: the JVM throws the fault of a bulk copy (SIGBUS) asynchronously, at its next safepoint
            // check, which would else come after this try, in the caller; on the way back from native code it comes here
            Thread.holdsLock(read);
            return value;
        } catch (InternalError fault) {
            throw new UncheckedIOException(shrank(file, fault));
        }
    }

    /**
     * The event of a row, as an object.
     *
     * @throws UncheckedIOException when the log shrank since it was read ({@link #shrank})
     */
    public TraceEvent event(int row) {
        return new TraceEvent(time(row), duration(row), node, pid, threadId(row), threadName(row), sequence(row), kind(row),
                error(row), segmentNode(row), segmentId(row), offset(row), length(row), value(row), payload(row), payloadForm(row),
                site(row));
    }

    /** A ring log reused a chunk a {@link Reader} read before: the log must be read again from the start. */
    public static final class OverwrittenException extends IOException {
        private static final long serialVersionUID = 1L;

        OverwrittenException(String message) {
            super(message);
        }
    }

    /**
     * A log shrank while it was read (another process truncated it: a run recorded into the folder again, the file cut):
     * what was read of it, and what is still to be read from its mapping, is of no use; the recording must be read again.
     */
    public static final class ShrankException extends IOException {
        private static final long serialVersionUID = 1L;

        ShrankException(Path file, Throwable fault) {
            super("the log " + file + " shrank while it was read (another process truncated it): read the recording again", fault);
        }
    }

    /** Reads a log, and what is added to it later. */
    public static final class Reader {
        private final Path file;
        private final MemorySegment log;
        private final int node;
        private final long pid;
        private final String label;
        private final long startNanos;
        private final long startEpochMillis;
        /** The chunks the header says the log holds. */
        private final int chunkCount;
        private final boolean ring;
        private final long fileSize;
        /** The slots whose chunk header and first record header the file holds (all of them but in a file cut short). */
        private final int slotsInFile;
        /** The chunk reader of each slot read so far, by slot. */
        private final Map<Integer, ChunkReader> chunks = new HashMap<>();
        /** The claimed slots whose chunk header cannot be the writer's: their events are lost. */
        private final Set<Integer> unreadableHeaders = new TreeSet<>();
        private int size;
        /** How many rows the blocks hold room for. */
        private int capacity;
        private long[][] time = {};
        private long[][] duration = {};
        private int[][] thread = {};
        /** The threads of the chunks read, by their index in {@link #thread}. */
        private final List<Long> threadIds = new ArrayList<>();
        private final List<String> threadNames = new ArrayList<>();
        private long[][] sequence = {};
        private long[][] offset = {};
        private long[][] length = {};
        private long[][] value = {};
        private long[][] payloadAt = {};
        private int[][] payloadLength = {};
        private int[][] error = {};
        private int[][] segmentNode = {};
        private int[][] segmentId = {};
        private byte[][] kind = {};
        private byte[][] payloadForm = {};
        private CallSite[][] site = {};

        private Reader(Path file, Arena arena) throws IOException {
            this.file = file;
            try (FileChannel channel = RecordingFiles.openLog(file)) {
                fileSize = channel.size();
                if (fileSize < HEADER_SIZE) {
                    throw new IOException(file + " is not an RSM event log: it has only " + fileSize + " bytes");
                }
                log = map(file, channel, fileSize, arena);
                if ((long) LONG.getAcquire(log, 0L) != MAGIC) {
                    throw new IOException(file + " is not an RSM event log (or it is still being created)");
                }
                int version = log.get(JAVA_INT_UNALIGNED, H_VERSION);
                if (version < OLDEST_VERSION_READ || version > VERSION || log.get(JAVA_INT_UNALIGNED, H_CHUNK_SIZE) != CHUNK_SIZE) {
                    throw new IOException(file + " is an RSM event log of another version (" + version + ")");
                }
                chunkCount = Math.max(1, log.get(JAVA_INT_UNALIGNED, H_CHUNK_COUNT));
                ring = (log.get(JAVA_INT_UNALIGNED, H_FLAGS) & FLAG_RING) != 0;
                slotsInFile = (int) Math.min(chunkCount, Math.max(0, Math.floorDiv(fileSize - HEADER_SIZE - CHUNK_HEADER_SIZE - 8,
                        CHUNK_SIZE) + 1));
                int labelLength = Math.min(LABEL_MAX, log.get(JAVA_SHORT_UNALIGNED, H_LABEL) & 0xFFFF);
                int written = log.get(JAVA_INT_UNALIGNED, H_NODE);
                // the launcher's log of a recording made before it was LAUNCHER said 0
                node = written == 0 && file.getFileName().toString().startsWith(Recording.LAUNCHER_LOG_PREFIX) ? TraceEvent.LAUNCHER
                        : written;
                pid = log.get(JAVA_LONG_UNALIGNED, H_PID);
                label = new String(log.asSlice(H_LABEL + 2, labelLength).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
                startNanos = log.get(JAVA_LONG_UNALIGNED, H_START_NANOS);
                startEpochMillis = log.get(JAVA_LONG_UNALIGNED, H_START_EPOCH_MILLIS);
            } catch (InternalError e) {
                throw shrank(file, e);
            }
        }

        /**
         * The first {@code size} bytes of the log, mapped; a log that shrank below them since its size was read is told
         * as such ({@link #shrank}), not as the channel's failure to extend a file it cannot write.
         */
        static MemorySegment map(Path file, FileChannel channel, long size, Arena arena) throws IOException {
            try {
                return channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            } catch (IOException e) {
                if (channel.size() < size) {
                    throw shrank(file, e);
                }
                throw e;
            }
        }

        public Path file() {
            return file;
        }

        /**
         * The rows of every record committed so far: those of the previous reads (the columns they returned stay as
         * they were) and those committed since.
         *
         * @throws OverwrittenException when the log is a ring that reused a chunk read before: its oldest events are
         *         gone, and the log must be read again from the start
         * @throws ShrankException when the log shrank while it was read (this reader is of no use then)
         */
        public EventColumns read() throws IOException {
            try {
                return readCommitted();
            } catch (InternalError e) {
                throw shrank(file, e);
            }
        }

        private EventColumns readCommitted() throws OverwrittenException {
            long claimed = (long) LONG.getAcquire(log, H_CLAIMED);
            int slots = claimedSlots(claimed);
            List<ChunkReader> known = new ArrayList<>();
            List<ChunkReader> fresh = new ArrayList<>();
            // every header first: a chunk whose thread has a newer one is then read whole (see judgeLeftChunks)
            for (int slot = 0; slot < slots; slot++) {
                ChunkReader chunk = chunks.get(slot);
                if (chunk == null) {
                    long stored = (long) LONG.getAcquire(log, chunkOffset(slot) + C_INDEX);
                    if (unreadableHeader(slot, stored)) {
                        unreadableHeaders.add(slot);
                    } else if (stored != 0) { // else claimed, its header not yet written
                        unreadableHeaders.remove(slot);
                        chunk = new ChunkReader(slot, stored - 1);
                        chunks.put(slot, chunk);
                        fresh.add(chunk);
                    }
                } else if ((long) LONG.getAcquire(log, chunk.chunk + C_INDEX) - 1 != chunk.index) {
                    throw new OverwrittenException(file + " reused its oldest chunks (a ring log) since it was read: read it again");
                } else {
                    known.add(chunk);
                }
            }
            known.forEach(ChunkReader::read);
            // in claim order, not slot order: a ring that went round holds its newest chunks in its first slots, and a
            // thread's events out of order cost a timeline lane an insertion each
            fresh.sort(java.util.Comparator.comparingLong(chunk -> chunk.index));
            fresh.forEach(ChunkReader::read);
            judgeLeftChunks();
            return new EventColumns(this, damage(claimed));
        }

        /** The slots of the first {@code claimed} chunks (all, in a ring that went round) that the file holds. */
        private int claimedSlots(long claimed) {
            return Math.clamp(claimed, 0, slotsInFile);
        }

        /** Whether the header of the claimed chunk in {@code slot}, its index + 1 {@code stored}, cannot be the writer's. */
        private boolean unreadableHeader(int slot, long stored) {
            if (stored == 0) {
                // a claim under way; but a log that is no ring claims a slot once, on a chunk of zeros
                return !ring && log.get(JAVA_INT_UNALIGNED, chunkOffset(slot) + CHUNK_HEADER_SIZE) != 0;
            }
            return stored < 0 || (stored - 1) % chunkCount != slot;
        }

        /**
         * Judges each chunk whose thread took a newer one since (its records are final then: the thread committed them
         * before it claimed the newer chunk, whose header this read acquired before it read the older one).
         */
        private void judgeLeftChunks() {
            Map<Long, Long> newestOfThread = new HashMap<>();
            chunks.values().forEach(chunk -> newestOfThread.merge(chunk.threadId, chunk.index, Math::max));
            for (ChunkReader chunk : chunks.values()) {
                if (!chunk.judged && chunk.index < newestOfThread.get(chunk.threadId)) {
                    chunk.judge();
                }
            }
        }

        /** What the log lost to damage so far ({@link EventColumns#damage()}), {@code claimed} chunks claimed. */
        private List<String> damage(long claimed) {
            List<String> damage = new ArrayList<>();
            int claimedChunks = Math.clamp(claimed, 0, chunkCount);
            long needed = chunkOffset(claimedChunks);
            if (fileSize < needed) {
                long whole = Math.min(claimedChunks, (fileSize - HEADER_SIZE) / CHUNK_SIZE);
                damage.add(file + " is cut short: " + fileSize + " bytes where its " + claimedChunks + " claimed chunks take "
                        + needed + "; the events of " + (claimedChunks - whole) + " of them, past its end, are lost in whole or in part");
            }
            List<ChunkReader> broken = chunks.values().stream().filter(chunk -> chunk.broken)
                    .sorted(java.util.Comparator.comparingLong(chunk -> chunk.chunk)).toList();
            if (!broken.isEmpty()) {
                damage.add(file + " is damaged: the records of " + broken.size() + " of its " + claimedChunks
                        + " chunks break off before their end (" + broken.stream().map(ChunkReader::whereBroken)
                        .collect(java.util.stream.Collectors.joining(", ")) + "); the events written there after the break are lost");
            }
            if (!unreadableHeaders.isEmpty()) {
                damage.add(file + " is damaged: the headers of " + unreadableHeaders.size() + " of its " + claimedChunks
                        + " chunks are unreadable; their events are lost");
            }
            return List.copyOf(damage);
        }

        /** How many bytes of the chunk in {@code slot} the file holds: all but in a file cut short. */
        private int sizeInFile(int slot) {
            return (int) Math.min(CHUNK_SIZE, fileSize - chunkOffset(slot));
        }

        private void add(long eventTime, long eventDuration, int eventThread, long eventSequence, EventKind eventKind,
                int eventError, int eventSegmentNode, int eventSegmentId, long eventOffset, long eventLength, long eventValue,
                long eventPayloadAt, int eventPayloadLength, PayloadForm form, CallSite eventSite) {
            if (size == capacity) {
                grow();
            }
            int block = size >>> BLOCK_SHIFT;
            int at = size & BLOCK_MASK;
            time[block][at] = eventTime;
            duration[block][at] = eventDuration;
            thread[block][at] = eventThread;
            sequence[block][at] = eventSequence;
            kind[block][at] = (byte) eventKind.ordinal();
            error[block][at] = eventError;
            segmentNode[block][at] = eventSegmentNode;
            segmentId[block][at] = eventSegmentId;
            offset[block][at] = eventOffset;
            length[block][at] = eventLength;
            value[block][at] = eventValue;
            payloadAt[block][at] = eventPayloadAt;
            payloadLength[block][at] = eventPayloadLength;
            payloadForm[block][at] = (byte) form.ordinal();
            site[block][at] = eventSite;
            size++;
        }

        /**
         * Room for one more block of rows: a first block grows by doubling until it is whole (a small log keeps small
         * arrays), then whole blocks are added. The blocks of columns returned before are never written again below
         * their size, nor their arrays of blocks at all: a new one is made. A grow that failed half way (the JVM out of
         * memory between two columns) is completed by the next.
         *
         * @throws OutOfMemoryError when the room would leave too little of the heap ({@link HeapRoom})
         */
        private void grow() {
            int at = capacity < BLOCK_ROWS ? 0 : capacity / BLOCK_ROWS;
            int rows = capacity == 0 ? FIRST_BLOCK_ROWS : capacity < BLOCK_ROWS ? Math.min(BLOCK_ROWS, 2 * capacity) : BLOCK_ROWS;
            HeapRoom.ensure((long) rows * BYTES_PER_ROW, "the events of " + file.getFileName());
            time = grown(time, at, rows, long[]::new);
            duration = grown(duration, at, rows, long[]::new);
            thread = grown(thread, at, rows, int[]::new);
            sequence = grown(sequence, at, rows, long[]::new);
            offset = grown(offset, at, rows, long[]::new);
            length = grown(length, at, rows, long[]::new);
            value = grown(value, at, rows, long[]::new);
            payloadAt = grown(payloadAt, at, rows, long[]::new);
            payloadLength = grown(payloadLength, at, rows, int[]::new);
            error = grown(error, at, rows, int[]::new);
            segmentNode = grown(segmentNode, at, rows, int[]::new);
            segmentId = grown(segmentId, at, rows, int[]::new);
            kind = grown(kind, at, rows, byte[]::new);
            payloadForm = grown(payloadForm, at, rows, byte[]::new);
            site = grown(site, at, rows, CallSite[]::new);
            capacity = at * BLOCK_ROWS + rows; // only the first block is ever short
        }

        /**
         * {@code blocks} (of longs, ints, bytes or sites), a new array of them, with block {@code at} (a copy if there is
         * one) of {@code rows} rows made by {@code newBlock}; the same when it has that block already.
         */
        private static <B> B[] grown(B[] blocks, int at, int rows, IntFunction<B> newBlock) {
            if (at < blocks.length && Array.getLength(blocks[at]) == rows) {
                return blocks; // made by a grow that failed in a later column
            }
            B[] copy = Arrays.copyOf(blocks, Math.max(blocks.length, at + 1));
            copy[at] = newBlock.apply(rows);
            if (at < blocks.length) {
                System.arraycopy(blocks[at], 0, copy[at], 0, Array.getLength(blocks[at]));
            }
            return copy;
        }

        /** The committed records of one chunk, read up to where the previous read stopped and on from there. */
        private final class ChunkReader {
            private final long chunk;
            /** The chunk's claim number (its header's index - 1): another one means a ring reused the chunk. */
            private final long index;
            /** How many bytes of the chunk the file holds. */
            private final int size;
            private final Map<Integer, CallSite> sites = new HashMap<>();
            private final long threadId;
            /** When the chunk was claimed. */
            private final long baseTime;
            /** Whether it is the first chunk its thread claimed ({@link TraceFormat#FIRST_OF_THREAD}). */
            private final boolean firstOfThread;
            /** The index of the chunk's thread in {@link Reader#threadIds}. */
            private final int threadIndex;
            /** Whether the chunk was {@link #judge judged}, and found to break off where its thread cannot have left it. */
            private boolean judged;
            /** Whether the records break off where their thread cannot have left them: in a chunk it left, or before its committed end. */
            private boolean broken;
            /** Where in the chunk the next record to read begins, and the state its deltas apply to. */
            private long next = CHUNK_HEADER_SIZE;
            private long eventTime;
            private long eventSequence;
            /** The file offset of the next byte to decode. */
            private long position;

            ChunkReader(int slot, long index) {
                this.chunk = chunkOffset(slot);
                this.index = index;
                this.size = sizeInFile(slot);
                threadId = log.get(JAVA_LONG_UNALIGNED, chunk + C_THREAD);
                int nameByte = log.get(JAVA_BYTE, chunk + C_NAME) & 0xFF;
                firstOfThread = (nameByte & FIRST_OF_THREAD) != 0;
                int nameLength = Math.min(NAME_MAX, nameByte & ~FIRST_OF_THREAD);
                String name = new String(log.asSlice(chunk + C_NAME + 1, nameLength).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
                int known = threadIds.lastIndexOf(threadId);
                if (known < 0 || !threadNames.get(known).equals(name)) {
                    threadIds.add(threadId);
                    threadNames.add(name);
                    known = threadIds.size() - 1;
                }
                threadIndex = known;
                baseTime = log.get(JAVA_LONG_UNALIGNED, chunk + C_BASE_TIME);
                eventTime = baseTime;
            }

            void read() {
                // before the records: every record before the committed end was committed before the end was written
                long committedEnd = committedEnd();
                MemorySegment slice = log.asSlice(chunk, size);
                for (long at = next; at + 8 <= size; at = next) {
                    int header = slice.get(JAVA_INT_UNALIGNED, at);
                    int recordLength = header & 0xFFFF;
                    int check = (int) CHECK.getAcquire(slice, at + 4);
                    if (recordLength < 8 || at + recordLength > size || check == 0 || check != check(slice, at, recordLength, index)) {
                        break; // the end of what this thread committed here (so far, or for good after a crash)
                    }
                    int kindCode = header >>> 16 & 0xFF;
                    int flags = header >>> 24 & 0xFF;
                    position = chunk + at + 8;
                    if (kindCode == KIND_SITE) {
                        sites.put((int) unsigned(), new CallSite(string(), string(), string(), (int) signed()));
                    } else {
                        eventTime += signed();
                        eventSequence += signed();
                        long eventDuration = unsigned();
                        int eventError = (int) signed();
                        int eventSegmentNode = 0;
                        int eventSegmentId = 0;
                        if ((flags & F_SEGMENT) != 0) {
                            eventSegmentNode = (int) unsigned();
                            eventSegmentId = (int) unsigned();
                        }
                        long eventOffset = 0;
                        long eventLength = 0;
                        if ((flags & F_RANGE) != 0) {
                            eventOffset = unsigned();
                            eventLength = unsigned();
                        }
                        long eventValue = (flags & F_VALUE) != 0 ? signed() : 0;
                        CallSite eventSite = (flags & F_SITE) != 0 ? sites.get((int) unsigned()) : null;
                        PayloadForm form = PAYLOAD_FORMS[flags >>> PAYLOAD_SHIFT & 7];
                        int eventPayloadLength = form != PayloadForm.NONE ? (int) unsigned() : 0;
                        EventKind eventKind = EventKind.of(kindCode);
                        if (eventKind != null) {
                            add(eventTime, eventDuration, threadIndex, eventSequence, eventKind, eventError, eventSegmentNode,
                                    eventSegmentId, eventOffset, eventLength, eventValue, position, eventPayloadLength, form, eventSite);
                        }
                    }
                    next = at + ((recordLength + 3) & ~3);
                }
                if (next < committedEnd && stillClaimed()) {
                    broken = true; // the log was closed, and this thread's records reached farther: no crash tore them
                }
            }

            /**
             * Where the records of this chunk ended when the log was closed ({@link TraceFormat}), or 0 when it was not
             * (or the mark is not a writer's: a log of an older version kept thread names of up to 71 bytes there).
             */
            private long committedEnd() {
                int end = (int) CHECK.getAcquire(log, chunk + C_COMMITTED_END);
                boolean ours = (log.get(JAVA_BYTE, chunk + C_NAME) & 0xFF & ~FIRST_OF_THREAD) <= NAME_MAX;
                return ours && end >= CHUNK_HEADER_SIZE && end <= size && end % 4 == 0 ? end : 0;
            }

            /** Whether the chunk still holds the records of its claim: a ring may have reused it while it was read. */
            private boolean stillClaimed() {
                VarHandle.acquireFence();
                return (long) LONG.getAcquire(log, chunk + C_INDEX) - 1 == index;
            }

            /** The chunk's slot, thread and the file offset where its records break off, for the damage report. */
            private String whereBroken() {
                return "chunk " + (chunk - HEADER_SIZE) / CHUNK_SIZE + " of thread \"" + threadNames.get(threadIndex) + "\" at byte "
                        + (chunk + next);
            }

            /**
             * Decides whether the records of this chunk, which its thread left for a newer one, break off where the thread
             * cannot have left it: in a chunk used once, before bytes that are not zeros. A ring's reused chunk holds an
             * older lap's records past the new ones, which tell nothing: it is not judged (nor is a thread's last chunk,
             * whose end a crash may tear, but against its committed end in {@link #read}; nor a chunk of a file cut short,
             * told as such).
             */
            void judge() {
                judged = true;
                if (size < CHUNK_SIZE || index >= chunkCount) {
                    return;
                }
                // a ring that reused it meanwhile is no damage: the next read says so
                broken |= MemorySegment.mismatch(log, chunk + next, chunk + CHUNK_SIZE, ZEROS, 0, CHUNK_SIZE - next) >= 0
                        && stillClaimed();
            }

            private long unsigned() {
                long result = 0;
                for (int shift = 0;; shift += 7) {
                    byte b = log.get(JAVA_BYTE, position++);
                    result |= (long) (b & 0x7F) << shift;
                    if (b >= 0) {
                        return result;
                    }
                }
            }

            private long signed() {
                return unzigzag(unsigned());
            }

            private String string() {
                int stringLength = (int) unsigned();
                if (stringLength == 0) {
                    return null;
                }
                String text = new String(log.asSlice(position, stringLength - 1).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
                position += stringLength - 1;
                return text;
            }
        }
    }
}
