// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The shared state of one cluster: a file mapped by every JVM of the cluster, made of fixed-size
 * tables (nodes, links, fault counters, JVMs, processes, segments, connections).
 * <p>
 * Mutations run under {@link #mutate}: an in-JVM lock in front of a lock word in the registry itself,
 * which names its holder (the JVM serial, whose liveness lock file tells whether it is alive; its pid
 * beside it). Waiters spin, poll, then sleep on the word (futex). A holder that died is replaced by the
 * next waiter, which repairs the interrupted mutation, so a crash never leaves the registry locked; a
 * holder that is alive but makes no progress (stopped, or suspended in a debugger) makes waiters give up
 * after {@link ClusterLockTimeoutException#TIMEOUT_MILLIS}, naming it, except in the JVMs of a debug launch, which
 * wait for it unless it is stopped by a signal ({@link #waitForSuspendedHolders}). (A kernel record lock, used before,
 * closed for good when a thread waiting for it was interrupted, and its deadlock detection, which takes a
 * process for one thread, can fail a wait with EDEADLK.)
 * <p>
 * A record becomes visible by the release store of its state word, written last; a record is freed by
 * clearing that word first. Readers that take no lock (put/get, views) read state words with acquire loads,
 * and use the mutation counter as a seqlock for consistent snapshots.
 */
public final class Registry implements AutoCloseable {
    static final int MAGIC = 0x52534D52; // "RSMR"
    static final int LAYOUT_VERSION = 11;

    public static final int MAX_NODES = 64;
    public static final int MAX_LINKS = org.rsmworkbench.emulator.ClusterSpec.MAX_LINKS;
    public static final int MAX_JVMS = 256;
    public static final int MAX_PROCESSES = 1024;
    public static final int MAX_SEGMENTS = 4096;
    public static final int MAX_CONNECTIONS = 8192;
    public static final int MAX_ACL = 64;

    /** Header words. */
    public static final long H_MAGIC = 0, H_VERSION = 4, H_MUTATIONS = 8, H_NEXT_PROCESS = 12, H_NEXT_SEGMENT = 16,
            H_NEXT_CONNECTION = 20, H_NEXT_JVM = 24, H_STOPPED = 28, H_NEXT_FILE = 32;
    /** High-water marks: every record in use of a table has a slot below its mark, so scans stop there. */
    public static final long H_PROCESS_HIGH = 36, H_SEGMENT_HIGH = 40, H_CONNECTION_HIGH = 44, H_JVM_HIGH = 48;
    /**
     * The registry lock, in a cache line of its own: the lock word (0 when free, else the holder's JVM serial,
     * with {@link #CONTENDED} set when a waiter may sleep on it), and the holder's pid (a long) for messages.
     */
    static final long H_LOCK = 128, H_LOCK_PID = 136;
    /** Bit of the lock word: a waiter may be asleep on it, so the holder wakes the word when it unlocks. */
    private static final int CONTENDED = 0x80000000;
    private static final long PID = ProcessHandle.current().pid();
    /** A lock waiter spins this long: most mutations take microseconds. */
    private static final long LOCK_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    /**
     * Then it looks again after growing pauses, this long in all, before it sleeps on the lock word: a futex
     * needs a native downcall, whose first use costs a JVM tens of milliseconds (seconds on a loaded machine),
     * which the short waits of a busy cluster (JVMs joining at once) do not pay.
     */
    private static final long LOCK_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long LOCK_POLL_PAUSE_MIN_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    private static final long LOCK_POLL_PAUSE_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A lock waiter sleeps at most this long at once; a holder unchanged for this long is checked for death. */
    private static final long LOCK_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long LOCK_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(ClusterLockTimeoutException.TIMEOUT_MILLIS);
    /**
     * How long a snapshot read waits for a writer that makes no progress (a stopped JVM) before it reads what
     * is there anyway: short, so that the views, which poll at 5 Hz, stay live.
     */
    static final long READ_STALL_MILLIS = 100;
    private static final int SEQLOCK_ATTEMPTS = 1000;
    /** An odd count: no {@link #unchangedSince} matches it. */
    static final int UNCHECKED = -1;

    /** Node table: one record per node id. */
    public static final class Node {
        static final long BASE = 1024, SIZE = 64;
        public static final int STATE = 0, EPOCH = 4, NEXT_AUTO_ID = 8, EVENT_SEQ = 12, EVENT_WAITERS = 16;
        public static final int ABSENT = 0, UP = 1, DOWN = 2;

        public static long at(int node, int field) {
            return BASE + node * SIZE + field;
        }
    }

    /** Link state per link index of the spec: 1 = up, 0 = down. */
    static long linkAt(int link) {
        return 8192 + link * 4L;
    }

    /** Pending injected transfer failures per (importer node, exporter node). */
    static long failAt(int importerNode, int exporterNode) {
        return 8192 + MAX_LINKS * 4L + (importerNode * MAX_NODES + exporterNode) * 4L;
    }

    /**
     * JVM table: which JVMs host processes; each holds a lock file for its whole life. REVOKE_REQUESTS is the
     * JVM's doorbell: a JVM that cuts connections (or rebinds a segment) increments it for each JVM hosting
     * an importer of them, and that JVM's revoker publishes in REVOKE_DONE the request count it has handled.
     */
    public static final class Jvm {
        static final long BASE = 8192 + MAX_LINKS * 4L + MAX_NODES * MAX_NODES * 4L, SIZE = 32;
        public static final int STATE = 0, SERIAL = 4, PID = 8, REVOKE_REQUESTS = 16, REVOKE_DONE = 20;
        public static final int FREE = 0, LIVE = 1;

        public static long at(int slot, int field) {
            return BASE + slot * SIZE + field;
        }
    }

    /** Process table: one record per emulated process. */
    public static final class Proc {
        static final long BASE = Jvm.BASE + MAX_JVMS * Jvm.SIZE, SIZE = 128;
        public static final int STATE = 0, SERIAL = 4, NODE = 8, JVM_SERIAL = 12, UID = 16, GID = 20, UMASK = 24,
                PRIVILEGED = 28, PID = 32, GROUP_COUNT = 40, GROUPS = 44;
        /** Supplementary groups kept for observers; a process may have more (its own credentials keep them all). */
        public static final int MAX_GROUPS = 16;
        public static final int FREE = 0, LIVE = 1;

        public static long at(int slot, int field) {
            return BASE + slot * SIZE + field;
        }
    }

    /**
     * Segment table: one record per export segment, bound or published. BACKING names the memory that backs
     * it, file and offset in one word ({@link #backing}) that rebind changes with a single release store, so
     * that importers read it without the lock and nothing a writer leaves half done (dead or stopped) can
     * hold them back.
     */
    public static final class Seg {
        static final long BASE = align(Proc.BASE + MAX_PROCESSES * Proc.SIZE), SIZE = 1024;
        public static final int STATE = 0, SERIAL = 4, NODE = 8, CONTROLLER = 12, OWNER = 16, SEGMENT_ID = 20,
                LENGTH = 24, BACKING = 32, CHECK = 40, UID = 48, GID = 52, MODE = 56, FLAGS = 60,
                ACL_COUNT = 68, PUBLISHES = 72, ACL = 128;
        public static final int FREE = 0, BOUND = 1, PUBLISHED = 2;

        public static long at(int slot, int field) {
            return BASE + slot * SIZE + field;
        }

        public static long aclAt(int slot, int entry) {
            return at(slot, ACL) + entry * 8L;
        }

        /**
         * The BACKING word of the owner's memory file {@code file} from {@code fileOffset}, a multiple of the page
         * size: the file index in the high half, the offset in pages in the low half (an allocation is far below
         * 2^32 pages).
         */
        static long backing(int file, long fileOffset, long pageSize) {
            return (long) file << 32 | fileOffset / pageSize;
        }

        /** The file index of a BACKING word. */
        static int backingFile(long backing) {
            return (int) (backing >>> 32);
        }

        /** The offset in bytes, in its file, of a BACKING word. */
        static long backingOffset(long backing, long pageSize) {
            return (backing & 0xFFFFFFFFL) * pageSize;
        }
    }

    /** Connection table: one record per import segment (importer process to export segment). */
    public static final class Conn {
        static final long BASE = Seg.BASE + MAX_SEGMENTS * Seg.SIZE, SIZE = 64;
        public static final int STATE = 0, SERIAL = 4, PROCESS = 8, NODE = 12, SEGMENT_SLOT = 16, SEGMENT_SERIAL = 20,
                PERMISSION = 24, GRANTED = 28, GENERATION = 32, LINK = 40, FLAGS = 44,
                EXPORTER_NODE = 48, SEGMENT_ID = 52;
        public static final int FREE = 0, CONNECTED = 1, ABORTED = 2;
        /** FLAGS bits, kept for views. */
        public static final int MAPPED = 1, EXPLICIT_MODE = 2;

        public static long at(int slot, int field) {
            return BASE + slot * SIZE + field;
        }
    }

    /**
     * Signal counters, one per segment slot and per connection slot, each alone in a 128-byte block (its cache line
     * holds the counter and nothing else; the second, which an adjacent-line prefetcher pairs with it, a word written
     * seldom), so that a post writes, and a spinning waiter reads, that one line: a ping-pong moves one line each way,
     * as a raw flag does.
     * <p>
     * A counter is two words that a waiter reads at once, as one long, and adds up: LANE, which the JVM named by
     * LANE_HOLDER alone writes, one thread at a time ({@link Lane}), with a volatile store and no locked instruction on
     * the line; and SHARED, which every other poster adds to atomically. A locked add to the line a waiter spins on costs
     * two cache-line transfers where a store costs one (an AMD EPYC VM, a standalone ping-pong: 342 ns one-way against
     * 160 ns), and so do a poster's read of the line before its store and a waiter's read of more than the one long. A
     * post is checked, then stored, without a lock, so a poster may store after its right to post has ended: a lane
     * changes hands only once the JVM that held it has died (a dead JVM stores nothing), so a late store only ever
     * raises it, by the late post. A JVM takes a lane that is free, or whose JVM has died, at its first post to the
     * counter, and keeps it, for every record of the slot, while it stays attached.
     * <p>
     * Counters are never reset, so that a late post cannot count as many events: a handle counts the events it
     * consumed from what its counter held when its record was made, in its own JVM (one process consumes a counter's
     * events): a consuming waiter writes no shared line.
     */
    public static final class Events {
        static final long SEGMENTS = Conn.BASE + MAX_CONNECTIONS * Conn.SIZE, SIZE = 128;
        static final long CONNECTIONS = SEGMENTS + MAX_SEGMENTS * SIZE;
        /** A counter's words; SHARED first: {@link Registry#postedEvents} reads both as one long. */
        static final int SHARED = 0, LANE = 4;
        /** The serial of the JVM that holds the lane, 0 when none does. */
        static final int LANE_HOLDER = 64;

        public static long ofSegment(int slot) {
            return SEGMENTS + slot * SIZE;
        }

        public static long ofConnection(int slot) {
            return CONNECTIONS + slot * SIZE;
        }
    }

    /**
     * Wait records, one per process slot: the signal wait a thread of the process is blocked in, written by the waiter
     * ({@link WaitTracker}: SERIAL, FLAGS and COUNTERS), and what the probe of its JVM found about it ({@link WaitProbe}:
     * the VERDICT fields and the call site). OWNER names the process whose record it is: a slot's record stays
     * ignored until its new process has cleared it. SERIAL is 0 when no thread waits, else the wait's serial, written
     * last (release) on entry; VERDICT_SERIAL, written last by the probe, names the wait its verdict is about, and holds
     * the complement of that serial while the probe rewrites the verdict.
     */
    public static final class Waits {
        static final long BASE = Events.CONNECTIONS + MAX_CONNECTIONS * Events.SIZE, SIZE = 512;
        public static final int SERIAL = 0, FLAGS = 4, OWNER = 8, COUNTERS = 16, VERDICT_SERIAL = 128, VERDICT = 132,
                VERDICT_NANOS = 136, BLOCKED_NANOS = 144, SITE_LINE = 152, SITE_LENGTH = 156, SITE = 160;
        /** The event counters (registry offsets) one wait record names at most: a wait on more is not analysed. */
        public static final int MAX_COUNTERS = 8;
        /** The most bytes of the call site's text ({@code class\tmethod\tfile}, UTF-8). */
        public static final int MAX_SITE = (int) SIZE - SITE;
        /** FLAGS: the number of counters in the low byte, then these bits. */
        public static final int COUNT_MASK = 0xFF, TIMED = 0x100, POLL = 0x200;

        public static long at(int processSlot, int field) {
            return BASE + processSlot * SIZE + field;
        }
    }

    static final long FILE_SIZE = Waits.BASE + MAX_PROCESSES * Waits.SIZE;

    // Layout var handles on the mapping: every access goes through these. (Byte buffer views, used before, cost each
    // access a buffer class check and an index check of their own: 40 -> 20 ns for a signal post and wait on one
    // thread; the node start-up cache holds the classes a layout's var handle spins at first use.)
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final Arena arena;
    private final MemorySegment memory;
    private final ReentrantLock jvmLock = new ReentrantLock();
    private Runnable recovery = () -> { };
    /** The serial this JVM locks the registry under (0 until {@link #identify}), and how to tell a dead holder. */
    private int holderSerial;
    private IntPredicate isDeadJvm = _ -> false;
    private boolean waitForSuspendedHolders;
    /** The thread of this JVM that holds the lock, for messages. */
    private volatile Thread lockingThread;

    private Registry(Arena arena, MemorySegment memory) {
        this.arena = arena;
        this.memory = memory;
    }

    private static long align(long offset) {
        return (offset + 4095) & ~4095L;
    }

    /**
     * Creates a fresh, empty registry file; {@code initial} fills in the first state before the magic word
     * is published, so no other JVM can use the registry before (it needs no lock).
     */
    static Registry create(Path file, Consumer<Registry> initial) throws IOException {
        Registry registry = map(file, true);
        registry.putInt(H_VERSION, LAYOUT_VERSION);
        registry.putInt(H_NEXT_PROCESS, 1);
        registry.putInt(H_NEXT_SEGMENT, 1);
        registry.putInt(H_NEXT_CONNECTION, 1);
        registry.putInt(H_NEXT_JVM, 1);
        registry.putInt(H_NEXT_FILE, 1);
        initial.accept(registry);
        registry.putIntRelease(H_MAGIC, MAGIC);
        return registry;
    }

    /** Maps an existing registry file. */
    static Registry open(Path file) throws IOException {
        Registry registry = map(file, false);
        if (registry.getIntAcquire(H_MAGIC) != MAGIC || registry.getInt(H_VERSION) != LAYOUT_VERSION) {
            registry.close();
            throw new IOException(file + " is not a registry of this emulator version (layout "
                    + LAYOUT_VERSION + "): the cluster was made by another version or its start was interrupted");
        }
        return registry;
    }

    private static Registry map(Path file, boolean create) throws IOException {
        try (FileChannel channel = create
                ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
                        OwnFiles.PRIVATE_FILE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (create) {
                channel.truncate(FILE_SIZE);
                channel.write(java.nio.ByteBuffer.allocate(1), FILE_SIZE - 1);
            } else if (channel.size() < FILE_SIZE) {
                throw new IOException(file + " is truncated (" + channel.size() + " bytes, expected " + FILE_SIZE + ")");
            }
            Arena arena = Arena.ofShared();
            return new Registry(arena, channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_SIZE, arena));
        }
    }

    /** What to run, under the lock, when a previous holder died in the middle of a mutation. */
    void onInterruptedMutation(Runnable recovery) {
        this.recovery = recovery;
    }

    /**
     * Names this JVM for the lock: {@code jvmSerial} is written into the lock word while this JVM holds it,
     * and must be the serial of a liveness lock this JVM holds; {@code isDead} tells whether the JVM with
     * another serial is gone. Called once, before the first {@link #mutate}.
     */
    void identify(int jvmSerial, IntPredicate isDead) {
        this.holderSerial = jvmSerial;
        this.isDeadJvm = isDead;
    }

    /**
     * Makes the mutations of this JVM wait for a holder of the lock that makes no progress as long as it is alive and not
     * stopped by a signal, instead of giving up: set in the JVMs of a debug launch
     * ({@link ClusterLockTimeoutException#DEBUG_LAUNCH_PROPERTY}).
     * <p>
     * Why the launch has to say so: a JVM suspended by a debugger (JDWP suspends its threads inside the JVM) looks to
     * other processes like a running one that makes no progress, unlike a SIGSTOP (state T in /proc), so no waiter can
     * tell it from a stuck one. Not counting the time a waiter was itself suspended would not do either: the holder may be
     * suspended alone (a node set's Suspend, "Suspend every node" off), or resumed after the waiter by suspend-all.
     */
    void waitForSuspendedHolders(boolean wait) {
        this.waitForSuspendedHolders = wait;
    }

    /**
     * Runs {@code mutation} with the registry locked against every thread of every JVM of the cluster. The
     * thread's interrupt is held back until the mutation is done (it stays set).
     *
     * @throws ClusterLockTimeoutException when the holder of the lock made no progress for
     *         {@link ClusterLockTimeoutException#TIMEOUT_MILLIS} (where {@link #waitForSuspendedHolders}, only when the
     *         holder is stopped by a signal); then nothing was done
     */
    public <T, E extends Exception> T mutate(Mutation<T, E> mutation) throws E {
        LockWait wait = new LockWait(LOCK_TIMEOUT_NANOS, true, waitForSuspendedHolders);
        try {
            if (!lock(wait)) {
                throw timeout();
            }
            try {
                repairInterruptedMutation();
                getAndAdd(H_MUTATIONS, 1);
                try {
                    return mutation.run();
                } finally {
                    getAndAdd(H_MUTATIONS, 1);
                }
            } finally {
                unlock();
            }
        } finally {
            wait.restoreInterrupt();
        }
    }

    /**
     * {@link #mutate} for an RSM call: a lock wait that times out fails the call with INSUFFICIENT_RESOURCES
     * (the call did nothing and can be retried, as for EAGAIN in librsm), naming the stuck JVM.
     */
    <T> T mutateForCall(Mutation<T, RsmException> mutation) throws RsmException {
        try {
            return mutate(mutation);
        } catch (ClusterLockTimeoutException e) {
            throw callFailure(e);
        }
    }

    /** What an RSM call reports when the registry stayed locked by a stuck JVM: see {@link #mutateForCall}. */
    static RsmException callFailure(ClusterLockTimeoutException timeout) {
        RsmException failure = Errors.error(RsmError.INSUFFICIENT_RESOURCES, timeout.getMessage());
        failure.initCause(timeout);
        return failure;
    }

    /** Under the lock: when the last holder died between its two counter increments, makes the state whole again. */
    private void repairInterruptedMutation() {
        if ((getIntVolatile(H_MUTATIONS) & 1) != 0) {
            recovery.run();
            getAndAdd(H_MUTATIONS, 1);
        }
    }

    /** Whether the current thread holds the registry lock. */
    boolean isLockedByMe() {
        return jvmLock.isHeldByCurrentThread();
    }

    /** A snapshot read by {@link #snapshot}: {@code consistent} unless a writer stopped in mid-mutation. */
    public record Snapshot<T>(T value, boolean consistent) {
    }

    /** The value of {@link #snapshot}, consistent or not. */
    public <T> T read(Supplier<T> reader) {
        return snapshot(reader).value();
    }

    /**
     * Reads a snapshot without blocking on a stopped writer: retries while a mutation runs or ran; then, for a
     * writer that does not finish, waits for the lock (a dead writer's lock is taken over and its mutation
     * repaired) while the cluster makes progress, at most {@link #READ_STALL_MILLIS} without any; then reads
     * what is there. Such a snapshot is not {@code consistent}: every record in it is whole (records are
     * published by their state word) but it may show the stopped mutation half done across records.
     */
    public <T> Snapshot<T> snapshot(Supplier<T> reader) {
        for (int attempt = 0; attempt < SEQLOCK_ATTEMPTS; attempt++) {
            Snapshot<T> snapshot = tryConsistentRead(reader);
            if (snapshot != null) {
                return snapshot;
            }
            Thread.onSpinWait();
        }
        LockWait wait = new LockWait(TimeUnit.MILLISECONDS.toNanos(READ_STALL_MILLIS), false, false);
        try {
            if (lock(wait)) {
                try {
                    repairInterruptedMutation();
                    return new Snapshot<>(reader.get(), true);
                } finally {
                    unlock();
                }
            }
        } finally {
            wait.restoreInterrupt();
        }
        int before = getIntVolatile(H_MUTATIONS);
        T result = reader.get();
        VarHandle.acquireFence();
        return new Snapshot<>(result, (before & 1) == 0 && getIntVolatile(H_MUTATIONS) == before);
    }

    /** One seqlock attempt: the snapshot, or null when a mutation ran meanwhile. */
    private <T> Snapshot<T> tryConsistentRead(Supplier<T> reader) {
        int before = getIntVolatile(H_MUTATIONS);
        if ((before & 1) != 0) {
            return null;
        }
        T result;
        try {
            result = reader.get();
        } catch (RuntimeException e) {
            // values read in the middle of a mutation can make a reader fail: only a failure on stable ones counts
            VarHandle.acquireFence();
            if (getIntVolatile(H_MUTATIONS) == before) {
                throw e;
            }
            return null;
        }
        VarHandle.acquireFence();
        return getIntVolatile(H_MUTATIONS) == before ? new Snapshot<>(result, true) : null;
    }

    // ---------------------------------------------------------------- the lock

    /**
     * A wait for the lock: holds the thread's interrupt back, and gives up when the cluster makes no progress
     * (no mutation finished, the lock not handed over) for {@code stallNanos}. A wait that {@code maySleep}
     * sleeps on the lock word once it has lasted a while; one that may not (a read, which gives up soon) polls
     * to the end, and so never pays for the first futex call of its JVM. One that {@code outlastsStalls} gives up only on
     * a holder stopped by a signal (a dead holder is taken over all the same): it says once that it waits.
     */
    private final class LockWait {
        private final long stallNanos;
        private final boolean maySleep;
        private final boolean outlastsStalls;
        private boolean toldStall;
        private boolean interrupted = Thread.interrupted();
        private int seenMutations = getIntVolatile(H_MUTATIONS);
        private int seenHolder = getIntVolatile(H_LOCK) & ~CONTENDED;
        private long deadline;

        LockWait(long stallNanos, boolean maySleep, boolean outlastsStalls) {
            this.stallNanos = stallNanos;
            this.maySleep = maySleep;
            this.outlastsStalls = outlastsStalls;
            this.deadline = System.nanoTime() + stallNanos;
        }

        /** Nanoseconds left before the wait gives up; progress anywhere in the cluster starts the count again. */
        long remaining() {
            int mutations = getIntVolatile(H_MUTATIONS);
            int holder = getIntVolatile(H_LOCK) & ~CONTENDED;
            long now = System.nanoTime();
            if (mutations != seenMutations || holder != seenHolder) {
                seenMutations = mutations;
                seenHolder = holder;
                deadline = now + stallNanos;
            }
            if (deadline - now <= 0 && outlastsStalls && !stoppedBySignal(holder)) {
                if (!toldStall) {
                    toldStall = true;
                    System.err.println("RSM emulator: waiting for the cluster registry, locked by " + holderDescription(holder)
                            + "; a debug launch waits until it runs again");
                }
                deadline = now + stallNanos;
            }
            return deadline - now;
        }

        /**
         * Whether the holder is another JVM stopped by a signal (SIGSTOP, ^Z: state T), which no debugger resumes, so a
         * debug launch gives up on it as any other launch does (a JDWP-suspended JVM is not in state T).
         */
        private boolean stoppedBySignal(int holder) {
            return holder != 0 && holder != holderSerial && processState(holderPid(holder)).equals("T");
        }

        void restoreInterrupt() {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes the in-JVM lock, then the lock word; false when the wait gave up. */
    private boolean lock(LockWait wait) {
        if (holderSerial == 0) {
            throw new IllegalStateException("the registry is locked before this JVM has a serial and a liveness lock");
        }
        for (;;) {
            try {
                if (jvmLock.tryLock(LOCK_SLICE_NANOS, TimeUnit.NANOSECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                wait.interrupted = true;
            }
            if (wait.remaining() <= 0) {
                return false;
            }
        }
        if (lockWord(wait)) {
            lockingThread = Thread.currentThread();
            putLong(H_LOCK_PID, PID);
            return true;
        }
        jvmLock.unlock();
        return false;
    }

    /**
     * Takes the lock word for this JVM (the in-JVM lock held): spins, then polls, then sleeps on the word;
     * takes it over from a holder found dead. False when the wait gave up.
     */
    private boolean lockWord(LockWait wait) {
        if (compareAndSet(H_LOCK, 0, holderSerial)) {
            return true;
        }
        long spinEnd = System.nanoTime() + LOCK_SPIN_NANOS;
        long pollEnd = wait.maySleep ? spinEnd + LOCK_POLL_NANOS : Long.MAX_VALUE;
        long pause = LOCK_POLL_PAUSE_MIN_NANOS;
        // once this waiter has slept on the word, others may sleep there too: it keeps the word marked
        int contended = 0;
        int watched = 0;
        long watchedSince = 0;
        for (;;) {
            int word = getIntVolatile(H_LOCK);
            if (word == 0) {
                if (compareAndSet(H_LOCK, 0, holderSerial | contended)) {
                    return true;
                }
                continue;
            }
            long now = System.nanoTime();
            if (word != watched) {
                watched = word;
                watchedSince = now;
            } else if (now - watchedSince >= LOCK_SLICE_NANOS) {
                watchedSince = now;
                int holder = word & ~CONTENDED;
                if (holder != holderSerial && isDeadJvm.test(holder)) {
                    // the holder died with the lock: take it over (the caller repairs an interrupted mutation)
                    if (compareAndSet(H_LOCK, word, holderSerial | CONTENDED)) {
                        return true;
                    }
                    continue;
                }
            }
            long remaining = wait.remaining();
            if (remaining <= 0) {
                return false;
            }
            if (now < spinEnd) {
                Thread.onSpinWait();
            } else if (now < pollEnd) {
                LockSupport.parkNanos(pause);
                pause = Math.min(2 * pause, LOCK_POLL_PAUSE_MAX_NANOS);
                if (Thread.interrupted()) {
                    wait.interrupted = true; // or every later park would return at once
                }
            } else {
                contended = CONTENDED;
                if ((word & CONTENDED) == 0 && !compareAndSet(H_LOCK, word, word | CONTENDED)) {
                    continue;
                }
                Native.futexWait(word(H_LOCK), word | CONTENDED, Math.min(remaining, LOCK_SLICE_NANOS));
            }
        }
    }

    private void unlock() {
        lockingThread = null;
        int word;
        do {
            word = getIntVolatile(H_LOCK);
            if ((word & ~CONTENDED) != holderSerial) {
                // another JVM took the lock over, believing this one dead: it is its lock now
                System.err.println("RSM emulator: the cluster registry lock was taken from this JVM (serial " + holderSerial
                        + ") while it held it; its liveness lock was lost");
                jvmLock.unlock();
                return;
            }
        } while (!compareAndSet(H_LOCK, word, 0));
        jvmLock.unlock();
        if ((word & CONTENDED) != 0) {
            Native.futexWakeAll(word(H_LOCK));
        }
    }

    /** The failure of a lock wait that gave up: names the holder, its pid and nodes, and whether it is stopped. */
    private ClusterLockTimeoutException timeout() {
        String outcome = ": no update of the cluster finished for " + ClusterLockTimeoutException.TIMEOUT_MILLIS / 1000
                + " s, so the call gave up; it changed nothing and can be retried once that JVM runs again";
        int holder = getIntVolatile(H_LOCK) & ~CONTENDED;
        boolean inThisJvm = holder == 0 || holder == holderSerial;
        return new ClusterLockTimeoutException("the cluster registry is locked by " + holderDescription(holder) + outcome,
                inThisJvm ? PID : holderPid(holder), inThisJvm ? List.of() : holderNodes(holder));
    }

    /**
     * The holder of the lock (serial {@code holder}), for messages: a thread of this JVM (0: the in-JVM lock's holder), or
     * another JVM with its pid and nodes, and whether it is stopped.
     */
    private String holderDescription(int holder) {
        if (holder == 0 || holder == holderSerial) {
            Thread thread = lockingThread;
            return "thread " + (thread == null ? "?" : thread.getName()) + " of this JVM (pid " + PID + "), which makes no progress";
        }
        long pid = holderPid(holder);
        List<Integer> nodes = holderNodes(holder);
        String where = nodes.isEmpty() ? "hosting no process"
                : "node " + String.join(", ", nodes.stream().map(String::valueOf).toList());
        String why = switch (processState(pid)) {
        case "T" -> "which is stopped (SIGSTOP; kill -CONT " + pid + " resumes it)";
        case "t" -> "which is stopped by a debugger";
        default -> "which makes no progress (suspended in a debugger?)";
        };
        return "JVM " + holder + " (pid " + pid + ", " + where + "), " + why;
    }

    /** The pid of the JVM with that serial: from its JVM record, else the one the holder wrote beside the lock word. */
    private long holderPid(int serial) {
        for (int slot = 0; slot < jvmSlots(); slot++) {
            if (getIntAcquire(Jvm.at(slot, Jvm.STATE)) == Jvm.LIVE && getInt(Jvm.at(slot, Jvm.SERIAL)) == serial) {
                return getLong(Jvm.at(slot, Jvm.PID));
            }
        }
        return getLong(H_LOCK_PID);
    }

    /** The nodes of the live processes hosted by the JVM with that serial. */
    private List<Integer> holderNodes(int serial) {
        TreeSet<Integer> nodes = new TreeSet<>();
        for (int slot = 0; slot < processSlots(); slot++) {
            if (getIntAcquire(Proc.at(slot, Proc.STATE)) == Proc.LIVE && getInt(Proc.at(slot, Proc.JVM_SERIAL)) == serial) {
                nodes.add(getInt(Proc.at(slot, Proc.NODE)));
            }
        }
        return List.copyOf(nodes);
    }

    /** The state letter of a process in /proc/PID/stat (T: stopped, t: stopped by a tracer), or "" if unknown. */
    private static String processState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
            return afterName.isEmpty() ? "" : afterName.substring(0, 1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A registry mutation that may throw a checked exception. */
    @FunctionalInterface
    public interface Mutation<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * The count of mutations begun and ended: odd while one runs. The words that only mutations write keep their values
     * while it stays, so a hot path that found them right at an even count need not read them again until it moves
     * ({@link #unchangedSince}), which costs one read of a line that only mutations write.
     */
    int mutations() {
        return getIntAcquire(H_MUTATIONS);
    }

    /** Whether {@code checkedAt}, a count from {@link #stableSince}, is still the count (never for {@link #UNCHECKED}). */
    boolean unchangedSince(int checkedAt) {
        return getIntAcquire(H_MUTATIONS) == checkedAt && (checkedAt & 1) == 0;
    }

    /**
     * {@code before}, a count read before reading some words that only mutations write, when no mutation began since
     * (the words read were those of that count); else {@link #UNCHECKED}.
     */
    int stableSince(int before) {
        VarHandle.acquireFence();
        return getIntAcquire(H_MUTATIONS) == before ? before : UNCHECKED;
    }

    /**
     * Tells {@link #unchangedSince} that words were written without the lock (the stop mark, when a stuck JVM holds it):
     * the count moves by two, keeping its parity.
     */
    void changedWithoutLock() {
        getAndAdd(H_MUTATIONS, 2);
    }

    public int getInt(long offset) {
        return (int) INT.get(memory, offset);
    }

    public long getLong(long offset) {
        return (long) LONG.get(memory, offset);
    }

    void putInt(long offset, int value) {
        INT.set(memory, offset, value);
    }

    void putLong(long offset, long value) {
        LONG.set(memory, offset, value);
    }

    public int getIntAcquire(long offset) {
        return (int) INT.getAcquire(memory, offset);
    }

    int getIntVolatile(long offset) {
        return (int) INT.getVolatile(memory, offset);
    }

    void putIntVolatile(long offset, int value) {
        INT.setVolatile(memory, offset, value);
    }

    void putIntRelease(long offset, int value) {
        INT.setRelease(memory, offset, value);
    }

    int getAndAdd(long offset, int delta) {
        return (int) INT.getAndAdd(memory, offset, delta);
    }

    boolean compareAndSet(long offset, int expected, int value) {
        return INT.compareAndSet(memory, offset, expected, value);
    }

    long getLongAcquire(long offset) {
        return (long) LONG.getAcquire(memory, offset);
    }

    void putLongRelease(long offset, long value) {
        LONG.setRelease(memory, offset, value);
    }

    /** Copies {@code length} bytes into the registry (a bulk copy: no var handle to spin up). */
    void putBytes(long offset, byte[] bytes, int length) {
        memory.asSlice(offset, length).copyFrom(MemorySegment.ofArray(bytes).asSlice(0, length));
    }

    /** A copy of {@code length} bytes of the registry. */
    public byte[] getBytes(long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.ofArray(bytes).copyFrom(memory.asSlice(offset, length));
        return bytes;
    }

    public int processSlots() {
        return slots(H_PROCESS_HIGH, MAX_PROCESSES);
    }

    public int segmentSlots() {
        return slots(H_SEGMENT_HIGH, MAX_SEGMENTS);
    }

    public int connectionSlots() {
        return slots(H_CONNECTION_HIGH, MAX_CONNECTIONS);
    }

    public int jvmSlots() {
        return slots(H_JVM_HIGH, MAX_JVMS);
    }

    /** A table's high-water mark, kept within the table: a damaged mark must not send a scan past its end. */
    private int slots(long highWater, int tableSize) {
        return Math.clamp(getIntAcquire(highWater), 0, tableSize);
    }

    /** Under the lock: a free slot of a table (state word 0) below {@code count}, or -1; raises the table's mark. */
    int freeSlot(int count, java.util.function.IntToLongFunction stateOffset, long highWater) {
        for (int slot = 0; slot < count; slot++) {
            if (getInt(stateOffset.applyAsLong(slot)) == 0) {
                if (getInt(highWater) <= slot) {
                    putIntRelease(highWater, slot + 1);
                }
                return slot;
            }
        }
        return -1;
    }

    /** The 4-byte word at offset, for futex calls. */
    MemorySegment word(long offset) {
        return memory.asSlice(offset, 4);
    }

    /** The serial of the JVM that holds the lane of the counter at {@code events}, 0 when none does ({@link Events}). */
    int laneHolder(long events) {
        return getIntAcquire(events + Events.LANE_HOLDER);
    }

    /** Gives the lane of the counter at {@code events} to the JVM {@code serial} if {@code holder} still holds it. */
    void passLane(long events, int holder, int serial) {
        compareAndSet(events + Events.LANE_HOLDER, holder, serial);
    }

    /** The events posted to the counter at {@code events} ({@link Events}): its two words, read at once, added up. */
    int postedEvents(long events) {
        long words = getLongAcquire(events + Events.SHARED);
        return (int) (words + (words >>> 32));
    }

    /** What the lane of the counter at {@code events} holds: the events its holder posted there ({@link Events}). */
    int laneEvents(long events) {
        return getInt(events + Events.LANE);
    }

    /** Takes the next value of a header counter (under the lock). */
    int next(long counter) {
        return getAndAdd(counter, 1);
    }

    /** Whether the registry is still mapped here ({@link #close} unmaps it). */
    boolean isOpen() {
        return arena.scope().isAlive();
    }

    /**
     * Unmaps the registry, unless a thread of this JVM is still inside a native call on it (a futex wait): the mapping
     * then stays until the JVM ends, as unmapping it under that thread would crash it.
     */
    @Override
    public void close() {
        try {
            arena.close();
        } catch (IllegalStateException e) {
            // "session is acquired": see above
        }
    }
}
