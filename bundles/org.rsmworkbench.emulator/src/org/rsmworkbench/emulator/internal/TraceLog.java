// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static org.rsmworkbench.emulator.internal.TraceFormat.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.RecordingSettings.CallSites;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The event log of one process, a mapped file ({@link TraceFormat}). Each thread appends to a chunk of its own, so
 * writing an event takes no lock and touches no line another thread writes but the sequence counter; a thread takes a
 * new chunk (under this log's lock) every {@value TraceFormat#CHUNK_SIZE} bytes. Per-thread chunks rather than one
 * shared tail: with a shared tail a thread killed between reserving and committing leaves a hole whose length a reader
 * cannot know, and every record after it would be lost; in a chunk of one thread the first uncommitted record is the end.
 * <p>
 * What a killed process wrote stays in the page cache, so every committed record survives {@code kill -9}. At the
 * size limit the log either stops (later events are counted as dropped) or, as a ring, reuses its oldest chunks but
 * those a live thread still writes into (a thread that ended writes into none).
 * <p>
 * A thread of the log, the preparer, keeps the chunks that will be claimed next ready: their blocks reserved
 * (posix_fallocate: a store into a hole of a full file system would kill the JVM with SIGBUS; a chunk that cannot be
 * reserved stops the log as its limit does), their pages faulted in (MADV_POPULATE_WRITE) and stored into once
 * ({@link #touchPages}). Else every new page costs its first writer a page fault, a block allocation and the zeroing
 * of the page, or on a VM with shadow page tables the first user-mode store: that made an 8-byte put with recording
 * 20 times slower than one without.
 */
public final class TraceLog implements AutoCloseable {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    /** {@link ThreadChunk#position}, which {@link #markCommittedEnds} reads while its thread writes. */
    private static final VarHandle POSITION;
    static {
        try {
            POSITION = MethodHandles.lookup().findVarHandle(ThreadChunk.class, "position", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /** The largest record without payload: header, 11 varints of at most 10 bytes. */
    private static final int FIXED_MAX = 8 + 11 * 10;
    private static final int SITE_STRING_MAX = 200;
    private static final int SITE_MAX = 8 + 5 * 10 + 3 * SITE_STRING_MAX * 3;
    private static final StackWalker WALKER = StackWalker.getInstance();
    /** How many chunks past the last claimed one the preparer keeps ready: 2 MiB, milliseconds of the fastest writer. */
    private static final int PREPARED_AHEAD = 32;
    /** The host's page size (x86-64): madvise takes whole pages, and a chunk starts after the 256-byte header. */
    private static final long HOST_PAGE = 4096;

    private final MemorySegment file;
    private final Path path;
    private final int chunkCount;
    private final boolean ring;
    private final CallSites sites;
    private final boolean fullGets;
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadLocal<ThreadChunk> chunks = ThreadLocal.withInitial(this::newThreadChunk);
    /**
     * Ring: the slots a thread writes now, which no other thread may take, and that thread's chunk state; as many as
     * threads write, not one per slot of the limit (a ring of 1 TiB has 16M slots). Guarded by this.
     */
    private final Map<Integer, ThreadChunk> held = new HashMap<>();
    /** Whether the console was told the log met its limit ({@link #reportLimit}). Guarded by this. */
    private boolean limitReported;
    /** How many chunks were ever claimed. Written under this, read by the preparer. */
    private volatile long claimed;
    private volatile boolean closed;
    /** The log's file, open for reserving blocks until the log is closed. Guarded by {@link #preparing}. */
    private int fd;
    /** Guards {@link #fd} and the preparing of chunks, by the preparer or by a claimer that overtook it. */
    private final Object preparing = new Object();
    /** The chunks (in claim order) below this one are ready. Written under {@link #preparing}. */
    private volatile long prepared;
    private final Thread preparer;
    /** The segments this process reaches through memory, whose stores {@link #begin(EventKind)} records. */
    final SegmentWatch watch = new SegmentWatch(this);
    /** Where the RSM memory of this process lies: its published exports and its mappings of imports. */
    public final RsmMemory memory = new RsmMemory();
    /** Whether loads and stores of RSM memory and call stacks are recorded (race detection). */
    private volatile boolean accesses;
    /** Which call sites read in a loop until what they read changes: their {@link EventKind#STACK} says so. */
    private volatile Predicate<CallSite> pollSites = _ -> false;
    /** The call sites whose stack is recorded ({@link EventKind#STACK}). */
    private final Set<CallSite> stacksRecorded = ConcurrentHashMap.newKeySet();
    /**
     * The chunk state of every thread that wrote, by thread id: their pending accesses are recorded when the process
     * ends. A thread's entry goes when the ring takes back its slot after it ended, or when its thread locals are erased
     * (then it has a new one).
     */
    private final Map<Long, ThreadChunk> writers = new ConcurrentHashMap<>();

    private TraceLog(MemorySegment file, Path path, int fd, int chunkCount, boolean ring, CallSites sites, boolean fullGets)
            throws IOException {
        this.file = file;
        this.path = path;
        this.fd = fd;
        this.chunkCount = chunkCount;
        this.ring = ring;
        this.sites = sites;
        this.fullGets = fullGets;
        prepare(0); // fails now, not at the first event, where native calls are refused or the disk is full
        this.preparer = RuntimeThreads.daemon("rsm-trace-preparer").unstarted(this::prepareAhead);
    }

    /**
     * A new log in {@code path} (which must not exist) of at most {@code settings.limitBytes()} (at least two chunks).
     *
     * @param label what the process runs (its main class), for tools
     */
    public static TraceLog create(Path path, int node, long pid, String label, RecordingSettings settings) throws IOException {
        long limitBytes = settings.limitBytes();
        boolean ring = settings.atLimit() == RecordingSettings.AtLimit.RING;
        int count = chunksWithin(limitBytes);
        long size = chunkOffset(count);
        MemorySegment file;
        // kept open for reserving chunks; the channel maps the very file the descriptor names. 0600: it holds segment bytes
        int fd = NativeFiles.open(path, NativeFiles.O_RDWR | NativeFiles.O_CREAT | NativeFiles.O_EXCL | NativeFiles.O_NOFOLLOW
                | NativeFiles.O_CLOEXEC, 0600);
        try (FileChannel channel = FileChannel.open(Path.of("/proc/self/fd/" + fd), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.position(size - 1).write(java.nio.ByteBuffer.wrap(new byte[1])); // sparse, the whole length
            // mapped for the life of the JVM: a thread may still be writing when the process ends
            file = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, Arena.global());
        } catch (IOException | RuntimeException e) {
            NativeFiles.close(fd);
            throw e;
        }
        file.set(JAVA_INT_UNALIGNED, H_VERSION, VERSION);
        file.set(JAVA_INT_UNALIGNED, H_CHUNK_SIZE, CHUNK_SIZE);
        file.set(JAVA_INT_UNALIGNED, H_CHUNK_COUNT, count);
        file.set(JAVA_INT_UNALIGNED, H_FLAGS, ring ? FLAG_RING : 0);
        file.set(JAVA_INT_UNALIGNED, H_NODE, node);
        file.set(JAVA_LONG_UNALIGNED, H_PID, pid);
        file.set(JAVA_LONG_UNALIGNED, H_START_NANOS, System.nanoTime());
        file.set(JAVA_LONG_UNALIGNED, H_START_EPOCH_MILLIS, System.currentTimeMillis());
        byte[] text = truncatedUtf8(label == null ? "" : label, LABEL_MAX);
        file.set(JAVA_SHORT_UNALIGNED, H_LABEL, (short) text.length);
        MemorySegment.copy(text, 0, file, JAVA_BYTE, H_LABEL + 2, text.length);
        LONG.setRelease(file, 0L, MAGIC);
        TraceLog log;
        try {
            log = new TraceLog(file, path, fd, count, ring, settings.callSites(), settings.fullGets());
        } catch (IOException | RuntimeException e) {
            NativeFiles.close(fd);
            throw e;
        }
        log.preparer.start();
        return log;
    }

    /** {@code library} as one whose calls, and those of the handles it gives, are recorded into this log. */
    public RsmLibrary recording(RsmLibrary library) {
        return new RecordedLibrary(library, this);
    }

    /** Whether a get records its bytes in full (else a digest). */
    public boolean fullGets() {
        return fullGets;
    }

    /**
     * The start of an RSM call of {@code kind} of this process: its time, at which, if the call hands data over, the bytes
     * stored since into the segments it exports or maps are recorded first ({@link SegmentWatch}).
     */
    public long begin(EventKind kind) {
        if (accesses) {
            flushAccess(chunks.get()); // before the call's start: the program's accesses came before its call
        }
        long start = System.nanoTime();
        if (!watch.isEmpty()) {
            watch.atCall(kind, start);
        }
        return start;
    }

    /**
     * From now on records the stack of each call site once, and the accesses to RSM memory that {@link #access} is told
     * of: what race detection needs.
     */
    public void recordAccesses(Predicate<CallSite> polls) {
        pollSites = polls;
        accesses = true;
    }

    /**
     * Records a load or store of {@code length} bytes at {@code offset} of segment {@code node:id} made at {@code site}
     * by this thread, {@code bits} the value moved (up to 8 bytes, little-endian). Accesses of one site to the same range
     * or to adjacent ranges are gathered into one event, recorded at the thread's next RSM call, its next access
     * elsewhere, or when the process ends.
     */
    public void access(EventKind kind, int node, int id, long offset, long length, long bits, CallSite site) {
        ThreadChunk t = chunks.get();
        PendingAccess p = t.pending;
        if (p.kind == kind && p.site == site && p.node == node && p.id == id) {
            if (p.offset == offset && p.length == length && !p.range) {
                p.changed |= p.bits != bits;
                p.bits = bits;
                return;
            }
            if (p.offset + p.length == offset) {
                p.length += length;
                p.range = true;
                return;
            }
        }
        flushAccess(t);
        p.set(kind, node, id, offset, length, bits, site);
        recordStack(site);
    }

    /**
     * Records the pending access of the thread {@code threadId}, which has ended (it was joined). Under this log's lock:
     * the ring may take back an ended thread's slot ({@link #claim}).
     */
    public synchronized void accessesOfEnded(long threadId) {
        ThreadChunk t = writers.get(threadId);
        if (t != null) {
            flushAccess(t);
        }
    }

    /** Records the pending access of every thread: the process ends. */
    public synchronized void accessesAtExit() {
        writers.values().forEach(this::flushAccess);
    }

    private void flushAccess(ThreadChunk t) {
        PendingAccess p = t.pending;
        if (p.kind == null) {
            return;
        }
        MemorySegment bytes = null;
        if (!p.range && p.length <= Long.BYTES) {
            bytes = MemorySegment.ofArray(new long[] { p.bits }).asSlice(0, p.length);
        }
        EventKind kind = p.kind;
        p.kind = null;
        // stores count from the first, whose bytes others may see at once; loads until now, the last may have seen a change
        long time = kind == EventKind.STORE ? p.time : System.nanoTime();
        write(t, kind, time, 0, p.node, p.id, p.offset, p.length, p.changed ? 1 : 0, bytes,
                bytes == null ? PayloadForm.NONE : PayloadForm.BYTES, p.site);
    }

    /** Records the stack of {@code site}, the first frame of the program that this thread runs, once per site. */
    private void recordStack(CallSite site) {
        if (site == null || !accesses) {
            return;
        }
        ThreadChunk t = chunks.get();
        if (t.lastStackSite == site) { // a loop's call: no hash lookup of the site
            return;
        }
        t.lastStackSite = site;
        if (!stacksRecorded.add(site)) {
            return;
        }
        List<String> frames = WALKER.walk(s -> s.dropWhile(f -> isRuntime(f.getClassName()))
                .map(f -> new CallSite(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()).toString()).toList());
        byte[] text = truncatedUtf8(String.join("\n", frames), MAX_PAYLOAD);
        write(chunks.get(), EventKind.STACK, System.nanoTime(), 0, 0, 0, 0, 0, pollSites.test(site) ? 1 : 0,
                MemorySegment.ofArray(text), PayloadForm.TEXT, site);
    }

    /** Whether this log reuses its oldest chunks at its limit. */
    boolean ring() {
        return ring;
    }

    /** How many chunks were ever claimed. */
    long claimedChunks() {
        return claimed;
    }

    int chunkCount() {
        return chunkCount;
    }

    /** Records a call that moved no data. */
    public void call(EventKind kind, long start, int error, int segmentNode, int segmentId, long value) {
        write(kind, start, error, segmentNode, segmentId, 0, 0, value, null, PayloadForm.NONE, null);
    }

    /**
     * Records a call that moved no data at {@code site}, which {@link #siteOf(EventKind)} found for an earlier event of the
     * same call: a call that writes two events (a wait: its beginning and its return) walks the stack once, before it
     * waits, so that its return does not delay what the program does next.
     */
    public void call(EventKind kind, long start, int error, int segmentNode, int segmentId, long value, CallSite site) {
        write(kind, start, error, segmentNode, segmentId, 0, 0, value, null, PayloadForm.NONE, site);
    }

    /**
     * The program's frame that called the runtime, if events of {@code kind} record it (else null): the site the calling
     * thread named with {@link #nextCallAt} (taken: it names one call), else a stack walk.
     */
    public CallSite siteOf(EventKind kind) {
        if (!wantsSite(kind)) {
            return null;
        }
        ThreadChunk t = chunks.get();
        CallSite tagged = t.nextCallSite;
        if (tagged != null) {
            t.nextCallSite = null;
            return tagged;
        }
        return callSite();
    }

    /**
     * The calling thread's next call into the RSM API is made at {@code site}: code rewritten at load time (the race
     * detector's agent) says so before each such call, which spares that call's event a stack walk (about a
     * microsecond). A call that records no event leaves it to the thread's next call, which names its own site.
     */
    public void nextCallAt(CallSite site) {
        chunks.get().nextCallSite = site;
    }

    /** Records a call on a range of a segment, with the bytes it moved (null: none) as {@code form} says. */
    public void transfer(EventKind kind, long start, int error, int segmentNode, int segmentId, long offset, long length,
            long value, MemorySegment bytes, PayloadForm form) {
        write(kind, start, error, segmentNode, segmentId, offset, length, value, bytes, form, null);
    }

    /** Records an instant of the launcher about {@code node} (a fault, a process started) with a text. */
    public void text(EventKind kind, int error, int node, long value, String text) {
        text(kind, error, node, 0, value, text);
    }

    /**
     * Records an instant of the launcher about the process {@code pid} of {@code node} (its end: the pid goes where
     * {@link org.rsmworkbench.emulator.trace.TraceEvent#exitedPid()} reads it) with a text.
     */
    public void text(EventKind kind, int error, int node, long pid, long value, String text) {
        byte[] utf8 = truncatedUtf8(text, MAX_PAYLOAD);
        write(kind, System.nanoTime(), error, node, Math.toIntExact(pid), 0, 0, value, MemorySegment.ofArray(utf8),
                PayloadForm.TEXT, null);
    }

    /**
     * Writes into the chunk each thread writes now where its committed records end ({@link TraceFormat}): a reader then
     * tells a record broken off before that point as damage, which no crash explains. A thread still inside a call may
     * go on writing past it. Called when the process closes its library, and by {@link #close()}.
     */
    public synchronized void markCommittedEnds() {
        writers.values().forEach(this::markCommittedEnd);
    }

    /** Writes into the chunk {@code t} writes now where its committed records end. Guarded by this. */
    private void markCommittedEnd(ThreadChunk t) {
        if (t.chunk != null) { // its chunk and slot are set under this lock
            // the writer's position, read without its lock: it may lag behind the writer's last record (then less is
            // checked), never lead it: the writer releases it after the record's check word, and it is acquired here
            // before the mark is released, so a reader that acquires the mark sees every check word before it
            INT.setRelease(t.chunk, C_COMMITTED_END, (int) POSITION.getAcquire(t));
        }
    }

    /**
     * Stops recording; the file stays mapped for threads still inside a call (which may still write into a chunk they
     * hold or one prepared before). When this returns, no chunk is reserved or prepared any more (it waits for one being
     * prepared): a log truncated then (a run recording into the folder again) is not grown back.
     */
    @Override
    public void close() {
        markCommittedEnds();
        closed = true;
        LockSupport.unpark(preparer);
        closeFile();
    }

    /** The preparer: keeps {@value #PREPARED_AHEAD} chunks past the last claimed one ready, until the log is closed. */
    private void prepareAhead() {
        try {
            while (!closed) {
                try {
                    prepare(claimed + PREPARED_AHEAD);
                } catch (IOException e) {
                    return; // the file system is full or the log closed: claims find no ready chunk and stop the log
                }
                LockSupport.park(this);
            }
        } finally {
            closeFile();
        }
    }

    private void closeFile() {
        synchronized (preparing) {
            if (fd >= 0) {
                NativeFiles.close(fd);
                fd = -1;
            }
        }
    }

    /**
     * Makes the chunks up to the one claimed {@code index}-th ready: reserves their blocks (first use of a slot only)
     * and faults their pages in, writable.
     *
     * @throws IOException when blocks cannot be reserved (the file system is full), or the log is closed
     */
    private void prepare(long index) throws IOException {
        synchronized (preparing) {
            long last = ring ? index : Math.min(index, chunkCount - 1);
            for (long next = prepared; next <= last; next++) {
                if (fd < 0 || closed) {
                    throw new IOException("the log " + path + " is closed");
                }
                long offset = chunkOffset((int) (next % chunkCount));
                if (next < chunkCount) {
                    NativeFiles.reserve(fd, path, offset, CHUNK_SIZE);
                }
                long firstPage = offset / HOST_PAGE * HOST_PAGE;
                // the last chunk ends inside the file's last page, which the mapping holds whole but does not span
                long endPage = Math.min((offset + CHUNK_SIZE + HOST_PAGE - 1) / HOST_PAGE * HOST_PAGE, file.byteSize());
                Native.populate(file.asSlice(firstPage, endPage - firstPage));
                touchPages(firstPage, endPage);
                prepared = next + 1;
            }
        }
    }

    /**
     * Stores into each page of {@code [from, to)} from user mode, changing nothing: where the host keeps shadow page
     * tables (a PVM guest, as CI's machines are), a page the kernel populated still costs its first user-mode store
     * tens of microseconds, a writer's stall every hundred small records; after this store the writer's costs
     * nanoseconds. An atomic add of zero, since a page may hold records another thread is writing (the end of the
     * chunk before, a ring's slot still held).
     */
    private void touchPages(long from, long to) {
        for (long page = from; page < to; page += HOST_PAGE) {
            LONG.getAndAdd(file, page, 0L);
        }
    }

    /** Whether the chunk claimed {@code index}-th is ready, made so by this thread if the preparer is behind. */
    private boolean ready(long index) {
        if (index < prepared) {
            return true;
        }
        try {
            prepare(index);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a record; {@code knownSite}: its call site if already found, else null (found here when wanted). */
    private void write(EventKind kind, long start, int error, int segmentNode, int segmentId, long offset, long length,
            long value, MemorySegment bytes, PayloadForm form, CallSite knownSite) {
        CallSite site = knownSite != null ? knownSite : siteOf(kind);
        recordStack(site);
        write(chunks.get(), kind, start, error, segmentNode, segmentId, offset, length, value, bytes, form, site);
    }

    private void write(ThreadChunk t, EventKind kind, long start, int error, int segmentNode, int segmentId, long offset,
            long length, long value, MemorySegment bytes, PayloadForm form, CallSite site) {
        long size = bytes == null ? 0 : bytes.byteSize();
        long kept = Math.min(size, MAX_PAYLOAD);
        Encoder e = encode(t, kind, start, error, segmentNode, segmentId, offset, length, value, kept, formOf(form, kept, size),
                site);
        if (e != null) {
            t.commit(e.payload(bytes, kept));
        }
    }

    /**
     * Records a put that succeeded, of the first {@code count} elements of {@code array} (of {@code element}'s type), with
     * those bytes: without a segment made of the array, which a put of a few bytes would pay more for than for its record.
     */
    public void put(long start, int segmentNode, int segmentId, long offset, Object array, ValueLayout element, int count) {
        CallSite site = siteOf(EventKind.PUT);
        recordStack(site);
        ThreadChunk t = chunks.get();
        int kept = (int) Math.min(count, MAX_PAYLOAD / element.byteSize());
        Encoder e = encode(t, EventKind.PUT, start, 0, segmentNode, segmentId, offset, count * element.byteSize(), 0,
                kept * element.byteSize(), formOf(PayloadForm.BYTES, kept, count), site);
        if (e != null) {
            t.commit(e.payload(array, element, kept));
        }
    }

    /** The form of a payload of which {@code kept} of {@code all} units are recorded: truncated when not all. */
    private static PayloadForm formOf(PayloadForm whole, long kept, long all) {
        return kept < all ? PayloadForm.TRUNCATED : whole;
    }

    /**
     * The record of an event in {@code t}'s encoder, but its payload of {@code payloadLength} bytes, which the caller adds;
     * null when the log is closed or full (then the event is counted as dropped).
     */
    private Encoder encode(ThreadChunk t, EventKind kind, long start, int error, int segmentNode, int segmentId, long offset,
            long length, long value, long payloadLength, PayloadForm form, CallSite site) {
        // a wait's beginning is an instant (its return has the wait's duration): one clock read less per wait
        long end = kind == EventKind.SIGNAL_WAIT_BEGIN ? start : System.nanoTime();
        if (closed) {
            return null;
        }
        int needed = FIXED_MAX + (int) payloadLength + (site != null ? SITE_MAX : 0);
        if (t.chunk == null || t.position + needed > CHUNK_SIZE) {
            if (!claim(t)) {
                markDropped(kind.effectAtReturn() ? end : start); // first: a reader that sees the count sees the mark
                LONG.getAndAdd(file, H_DROPPED, 1L);
                return null;
            }
        }
        int siteId = site == null ? -1 : t.siteId(site);
        long sequenceNumber = sequence.getAndIncrement();
        int flags = (segmentNode != 0 || segmentId != 0 ? F_SEGMENT : 0) | (offset != 0 || length != 0 ? F_RANGE : 0)
                | (value != 0 ? F_VALUE : 0) | (siteId >= 0 ? F_SITE : 0) | form.ordinal() << PAYLOAD_SHIFT;
        Encoder e = t.encoder.reset(kind.code(), flags, start, sequenceNumber);
        e.signed(start - t.previousTime).signed(sequenceNumber - t.previousSequence).unsigned(Math.max(0, end - start))
                .signed(error);
        if ((flags & F_SEGMENT) != 0) {
            e.unsigned(segmentNode).unsigned(segmentId & 0xFFFF_FFFFL);
        }
        if ((flags & F_RANGE) != 0) {
            e.unsigned(offset).unsigned(length);
        }
        if ((flags & F_VALUE) != 0) {
            e.signed(value);
        }
        if (siteId >= 0) {
            e.unsigned(siteId);
        }
        if (form != PayloadForm.NONE) {
            e.unsigned(payloadLength);
        }
        return e;
    }

    /**
     * Whether an event of {@code kind} records its call site: a store seen does whenever call sites are recorded (it is
     * the call that saw it, the nearest to the stores a recording knows), the data calls only with {@link CallSites#ALL}.
     */
    private boolean wantsSite(EventKind kind) {
        return switch (sites) {
            case ALL -> true;
            case CONTROL -> kind.category() != EventKind.Category.DATA || kind == EventKind.SEGMENT_STORE;
            case NONE -> false;
        };
    }

    private static CallSite callSite() {
        return WALKER.walk(frames -> frames.filter(f -> !isRuntime(f.getClassName())).findFirst()
                .map(f -> new CallSite(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .orElse(null));
    }

    /** The classes of the RSM runtime, whose frames are not the program's call site. */
    static boolean isRuntime(String className) {
        return className.startsWith("org.rsmworkbench.emulator.internal.") || className.startsWith("org.rsmworkbench.rsmapi.")
                || className.startsWith("org.rsmworkbench.emulator.race.internal.");
    }

    /**
     * The chunk state of the calling thread, new: at its first event, or after its thread locals were erased (a
     * common-pool worker's, after each task). Then its former state leaves its chunk, as if the thread had ended.
     */
    private ThreadChunk newThreadChunk() {
        ThreadChunk t = new ThreadChunk();
        ThreadChunk erased = writers.put(t.threadId, t);
        if (erased != null) {
            leaveErased(erased);
            t.claimedBefore = erased.claimedBefore;
        }
        return t;
    }

    /** Records the pending access of {@code erased}, a state of this thread it lost, and frees its chunk's ring slot. */
    private synchronized void leaveErased(ThreadChunk erased) {
        flushAccess(erased);
        markCommittedEnd(erased); // no longer a writer that markCommittedEnds marks at close
        leaveChunk(erased);
    }

    /** {@code t} writes no more into its chunk, whose ring slot the ring may take when it comes round. Guarded by this. */
    private void leaveChunk(ThreadChunk t) {
        if (t.chunk != null && ring) {
            held.remove(t.slot);
        }
        t.chunk = null;
    }

    /**
     * Whether the ring slot {@code slot} is free: no thread writes into it, or the one that did has ended (its chunk is
     * then left as a chunk of the oldest lap, and overwritten now). An ended thread's state is written to afterwards
     * under this lock only (its pending access, when it is joined or the process ends), into a chunk it claims then.
     * Guarded by this.
     */
    private boolean free(int slot) {
        ThreadChunk holder = held.get(slot);
        if (holder == null) {
            return true;
        }
        if (holder.thread.isAlive()) { // false: everything the thread did happened before, its position included
            return false;
        }
        leaveChunk(holder);
        if (holder.pending.kind == null) {
            writers.remove(holder.threadId, holder);
        }
        return true;
    }

    /** Gives {@code t} a fresh chunk; false when the log is full (and not a ring). */
    private synchronized boolean claim(ThreadChunk t) {
        leaveChunk(t);
        for (int tries = 0; tries < chunkCount; tries++) {
            if (!ring && claimed >= chunkCount || !ready(claimed)) {
                reportLimit(claimed >= chunkCount);
                return false;
            }
            long index = claimed++;
            if (ring && index == chunkCount) {
                reportLimit(true); // the first chunk overwritten
            }
            int slot = (int) (index % chunkCount);
            if (ring) {
                if (!free(slot)) {
                    continue; // a ring slot another thread still writes
                }
                held.put(slot, t);
            }
            MemorySegment chunk = file.asSlice(chunkOffset(slot), CHUNK_SIZE);
            LONG.setRelease(chunk, C_INDEX, 0L); // a reader ignores the chunk until it is whole again
            long baseTime = System.nanoTime();
            chunk.set(JAVA_LONG_UNALIGNED, C_THREAD, t.threadId);
            chunk.set(JAVA_LONG_UNALIGNED, C_BASE_TIME, baseTime);
            chunk.set(JAVA_BYTE, C_NAME, (byte) (t.name.length | (t.claimedBefore ? 0 : FIRST_OF_THREAD)));
            MemorySegment.copy(t.name, 0, chunk, JAVA_BYTE, C_NAME + 1, t.name.length);
            chunk.set(JAVA_INT_UNALIGNED, C_COMMITTED_END, 0); // a ring's slot: the end marked in its previous use
            LONG.setRelease(chunk, C_INDEX, index + 1);
            LONG.setRelease(file, H_CLAIMED, claimed);
            t.start(chunk, slot, index, baseTime);
            LockSupport.unpark(preparer);
            return true;
        }
        return false;
    }

    /**
     * Lowers the header's first drop ({@link TraceFormat}) to {@code effect}, when an event dropped took effect: a reader
     * knows where the log stops holding every event, though threads with room left in their chunks record on.
     */
    private void markDropped(long effect) {
        long micros = Math.max(0, effect - file.get(JAVA_LONG_UNALIGNED, H_START_NANOS)) / 1_000;
        int mark = (int) Math.min(micros + 1, FIRST_DROP_SATURATED);
        int current = (int) INT.getVolatile(file, H_FIRST_DROP);
        while ((current == 0 || Integer.compareUnsigned(mark, current) < 0)
                && !INT.compareAndSet(file, H_FIRST_DROP, current, mark)) {
            current = (int) INT.getVolatile(file, H_FIRST_DROP);
        }
    }

    /**
     * Says once, on the process's console, that the log met its limit ({@code limitReached}) or its file system was full:
     * the log itself only counts what it drops, and the user follows the run in the IDE. Guarded by this.
     */
    private void reportLimit(boolean limitReached) {
        if (limitReported || closed) {
            return;
        }
        limitReported = true;
        System.err.println(LogLimit.consoleLine(file.get(JAVA_INT_UNALIGNED, H_NODE), file.get(JAVA_LONG_UNALIGNED, H_PID),
                limitOf(chunkCount), ring, limitReached, System.nanoTime() - file.get(JAVA_LONG_UNALIGNED, H_START_NANOS)));
    }

    static byte[] truncatedUtf8(String text, int max) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        int cut = max;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--; // not inside a character
        }
        return java.util.Arrays.copyOf(bytes, cut);
    }

    /** An access being gathered ({@link #access}); {@code kind} null when there is none. */
    private static final class PendingAccess {
        EventKind kind;
        int node;
        int id;
        long offset;
        long length;
        long bits;
        /** Whether the bytes of the one range changed between its loads or stores. */
        boolean changed;
        /** Whether adjacent ranges were gathered (then no bytes are kept). */
        boolean range;
        CallSite site;
        /** When the first store of a run was made. */
        long time;

        void set(EventKind newKind, int newNode, int newId, long newOffset, long newLength, long newBits, CallSite newSite) {
            kind = newKind;
            node = newNode;
            id = newId;
            offset = newOffset;
            length = newLength;
            bits = newBits;
            changed = false;
            range = false;
            site = newSite;
            time = newKind == EventKind.STORE ? System.nanoTime() : 0;
        }
    }

    /**
     * The chunk a thread writes, and what its next record is relative to. Used by that thread only, but for its pending
     * access once it has ended.
     */
    private final class ThreadChunk {
        final Thread thread = Thread.currentThread();
        final long threadId = thread.threadId();
        final byte[] name = truncatedUtf8(Thread.currentThread().getName(), NAME_MAX);
        final Encoder encoder = new Encoder();
        final PendingAccess pending = new PendingAccess();
        final Map<CallSite, Integer> siteIds = new HashMap<>();
        /** The last site whose id this chunk gave, and that id: a loop's calls share one site. */
        CallSite lastSite;
        int lastSiteId;
        /** The last site this thread made sure the stack of was recorded. */
        CallSite lastStackSite;
        /** The site of this thread's next call into the RSM API, when rewritten code named it ({@link #nextCallAt}). */
        CallSite nextCallSite;
        MemorySegment chunk;
        int slot;
        long index;
        /** Where the next record goes: moved on (with release) after the previous record's check word. */
        int position;
        long previousTime;
        long previousSequence;
        /** Whether the thread claimed a chunk before (through this state or one it lost). */
        boolean claimedBefore;

        void start(MemorySegment newChunk, int newSlot, long newIndex, long baseTime) {
            claimedBefore = true;
            chunk = newChunk;
            slot = newSlot;
            index = newIndex;
            position = CHUNK_HEADER_SIZE;
            previousTime = baseTime;
            previousSequence = 0;
            siteIds.clear(); // site ids are defined per chunk: a reader of this chunk alone knows them
            lastSite = null;
        }

        /** The id of {@code site} in this chunk, defined by a site record first if new. */
        int siteId(CallSite site) {
            if (site == lastSite) {
                return lastSiteId;
            }
            Integer id = siteIds.get(site);
            if (id != null) {
                lastSite = site;
                lastSiteId = id;
                return id;
            }
            int newId = siteIds.size();
            siteIds.put(site, newId);
            // in the thread's encoder: the event whose site this is is encoded after this returns
            append(encoder.reset(KIND_SITE, 0, 0, 0).unsigned(newId).string(site.className()).string(site.method())
                    .string(site.file()).signed(site.line()));
            return newId;
        }

        /** Writes the event {@code r} holds ({@link #append}); the next event's deltas are from it. */
        void commit(Encoder r) {
            append(r);
            previousTime = r.time;
            previousSequence = r.sequence;
        }

        /**
         * Writes the record {@code r} holds: its body and payload, its header, and last the check word that commits it,
         * computed on the heap copy (cheaper to read than the mapped chunk).
         */
        void append(Encoder r) {
            int length = r.length;
            int header = length | r.kind << 16 | r.flags << 24;
            r.heap.set(JAVA_INT_UNALIGNED, 0, header);
            int check = check(r.heap, 0, length, index);
            MemorySegment.copy(r.bytes, 8, chunk, JAVA_BYTE, position + 8, length - 8);
            chunk.set(JAVA_INT_UNALIGNED, position, header);
            INT.setRelease(chunk, (long) position + 4, check);
            POSITION.setRelease(this, position + ((length + 3) & ~3)); // a plain store might be seen before the check word
            r.shrink();
        }
    }

    /**
     * A record assembled on the heap: room for its header, its body of varints, and its payload. Its buffer grows to the
     * record; one grown past {@value #KEPT_BUFFER} bytes (a large payload) is not kept for the next.
     */
    private static final class Encoder {
        private static final int KEPT_BUFFER = 4096;
        byte[] bytes = new byte[FIXED_MAX];
        /** {@link #bytes} as a segment, for the check word and payload copies without a segment per record. */
        MemorySegment heap = MemorySegment.ofArray(bytes);
        int length;
        int kind;
        int flags;
        /** The event's time and sequence number (0 for a site record). */
        long time;
        long sequence;

        /** Starts a record of {@code kind} with {@code flags}. */
        Encoder reset(int newKind, int newFlags, long newTime, long newSequence) {
            kind = newKind;
            flags = newFlags;
            time = newTime;
            sequence = newSequence;
            length = 8; // the header's room
            return this;
        }

        Encoder unsigned(long value) {
            ensure(10);
            byte[] b = bytes;
            int at = length;
            while ((value & ~0x7FL) != 0) {
                b[at++] = (byte) (value | 0x80);
                value >>>= 7;
            }
            b[at++] = (byte) value;
            length = at;
            return this;
        }

        Encoder signed(long value) {
            return unsigned(zigzag(value));
        }

        /** A string, at most {@value #SITE_STRING_MAX} bytes of it. */
        Encoder string(String text) {
            if (text == null) {
                return unsigned(0);
            }
            byte[] utf8 = truncatedUtf8(text, SITE_STRING_MAX);
            unsigned(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            return this;
        }

        /** The first {@code payloadLength} bytes of {@code payload} (none when it is null). */
        Encoder payload(MemorySegment payload, long payloadLength) {
            if (payload != null) {
                ensure((int) payloadLength);
                MemorySegment.copy(payload, 0, heap, length, payloadLength);
                length += (int) payloadLength;
            }
            return this;
        }

        /** The first {@code count} elements of {@code array}, of {@code element}'s type. */
        Encoder payload(Object array, ValueLayout element, int count) {
            int size = count * (int) element.byteSize();
            ensure(size);
            if (array instanceof byte[] b) {
                System.arraycopy(b, 0, bytes, length, count); // a copy by layout checks more, which a put of a byte pays for
            } else {
                MemorySegment.copy(array, 0, heap, element, length, count);
            }
            length += size;
            return this;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                grow(length + more);
            }
        }

        private void grow(int capacity) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, capacity));
            heap = MemorySegment.ofArray(bytes);
        }

        /** After a record was written: a buffer grown for a large payload goes, each thread keeps a small one. */
        void shrink() {
            if (bytes.length > KEPT_BUFFER) {
                bytes = new byte[FIXED_MAX];
                heap = MemorySegment.ofArray(bytes);
            }
        }
    }
}
