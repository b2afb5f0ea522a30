package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The shared state of one cluster: a file mapped by every JVM of the cluster, made of fixed-size
 * tables (nodes, links, fault counters, JVMs, processes, segments, connections).
 * <p>
 * Mutations run under {@link #mutate}: an in-JVM lock in front of an OS file lock, which the kernel
 * releases when a process dies, so a crash never leaves the registry locked. A record becomes
 * visible by the release store of its state word, written last; a record is freed by clearing that
 * word first. Readers that take no lock (put/get, views) read state words with acquire loads, and
 * use the mutation counter as a seqlock for consistent snapshots.
 */
public final class Registry implements AutoCloseable {
    static final int MAGIC = 0x52534D52; // "RSMR"
    static final int LAYOUT_VERSION = 4;

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

    /** JVM table: which JVMs host processes; each holds a lock file for its whole life. */
    public static final class Jvm {
        static final long BASE = 8192 + MAX_LINKS * 4L + MAX_NODES * MAX_NODES * 4L, SIZE = 32;
        public static final int STATE = 0, SERIAL = 4, PID = 8;
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

    /** Segment table: one record per export segment, bound or published. */
    public static final class Seg {
        static final long BASE = align(Proc.BASE + MAX_PROCESSES * Proc.SIZE), SIZE = 1024;
        public static final int STATE = 0, SERIAL = 4, NODE = 8, CONTROLLER = 12, OWNER = 16, SEGMENT_ID = 20,
                LENGTH = 24, FILE = 32, FILE_OFFSET = 40, UID = 48, GID = 52, MODE = 56, FLAGS = 60,
                ACL_COUNT = 68, PUBLISHES = 72, CONNECTS = 76, CHECK = 80, ACL = 128;
        public static final int FREE = 0, BOUND = 1, PUBLISHED = 2;

        public static long at(int slot, int field) {
            return BASE + slot * SIZE + field;
        }

        public static long aclAt(int slot, int entry) {
            return at(slot, ACL) + entry * 8L;
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
     * Signal counters, one pair per segment slot and per connection slot: events posted, and events
     * consumed, each in a cache line of its own, so a post and a wait each touch one line and a
     * ping-pong moves one line each way, as a raw flag would.
     */
    public static final class Events {
        static final long SEGMENTS = Conn.BASE + MAX_CONNECTIONS * Conn.SIZE, SIZE = 128;
        static final long CONNECTIONS = SEGMENTS + MAX_SEGMENTS * SIZE;
        public static final int POSTED = 0, CONSUMED = 64;

        public static long ofSegment(int slot) {
            return SEGMENTS + slot * SIZE;
        }

        public static long ofConnection(int slot) {
            return CONNECTIONS + slot * SIZE;
        }
    }

    static final long FILE_SIZE = Events.CONNECTIONS + MAX_CONNECTIONS * Events.SIZE;

    // Byte buffer views rather than layout var handles: the JDK builds a layout's var handle from method
    // handles it spins into classes at first use (a tenth of a node JVM's join), which no start-up cache holds.
    // Every access goes through these (a buffer's own get and put are not specified for concurrent use).
    // Offsets fit an int: asByteBuffer refuses a mapping larger than an int can index (FILE_SIZE is about 6.5 MB).
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Arena arena;
    private final MemorySegment memory;
    private final ByteBuffer words;
    private final FileChannel lockChannel;
    private final ReentrantLock jvmLock = new ReentrantLock();
    private Runnable recovery = () -> { };

    private Registry(Arena arena, MemorySegment memory, FileChannel lockChannel) {
        this.arena = arena;
        this.memory = memory;
        this.words = memory.asByteBuffer().order(ByteOrder.nativeOrder());
        this.lockChannel = lockChannel;
    }

    private static long align(long offset) {
        return (offset + 4095) & ~4095L;
    }

    /** Creates a fresh, empty registry file. */
    static Registry create(Path file, Path lockFile) throws IOException {
        Registry registry = map(file, lockFile, true);
        registry.putInt(H_VERSION, LAYOUT_VERSION);
        registry.putInt(H_NEXT_PROCESS, 1);
        registry.putInt(H_NEXT_SEGMENT, 1);
        registry.putInt(H_NEXT_CONNECTION, 1);
        registry.putInt(H_NEXT_JVM, 1);
        registry.putInt(H_NEXT_FILE, 1);
        registry.putIntRelease(H_MAGIC, MAGIC);
        return registry;
    }

    /** Maps an existing registry file. */
    static Registry open(Path file, Path lockFile) throws IOException {
        Registry registry = map(file, lockFile, false);
        if (registry.getIntAcquire(H_MAGIC) != MAGIC || registry.getInt(H_VERSION) != LAYOUT_VERSION) {
            registry.close();
            throw new IOException(file + " is not a registry of this emulator version (layout "
                    + LAYOUT_VERSION + "): the cluster was made by another version or its start was interrupted");
        }
        return registry;
    }

    private static Registry map(Path file, Path lockFile, boolean create) throws IOException {
        FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try (FileChannel channel = create
                ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (create) {
                channel.truncate(FILE_SIZE);
                channel.write(java.nio.ByteBuffer.allocate(1), FILE_SIZE - 1);
            } else if (channel.size() < FILE_SIZE) {
                lock.close();
                throw new IOException(file + " is truncated (" + channel.size() + " bytes, expected " + FILE_SIZE + ")");
            }
            Arena arena = Arena.ofShared();
            return new Registry(arena, channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_SIZE, arena), lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** What to run, under the lock, when a previous holder died in the middle of a mutation. */
    void onInterruptedMutation(Runnable recovery) {
        this.recovery = recovery;
    }

    /** Runs {@code mutation} with the registry locked against every thread of every JVM of the cluster. */
    public <T, E extends Exception> T mutate(Mutation<T, E> mutation) throws E {
        // an interrupt during lock() would close the lock channel for good (FileChannel is interruptible):
        // hold the thread's interrupt back until the mutation is done
        boolean interrupted = Thread.interrupted();
        jvmLock.lock();
        try (FileLock fileLock = lockChannel.lock()) {
            if ((getIntVolatile(H_MUTATIONS) & 1) != 0) {
                // the last holder died between its two counter increments: make the state whole again
                recovery.run();
                getAndAdd(H_MUTATIONS, 1);
            }
            getAndAdd(H_MUTATIONS, 1);
            try {
                return mutation.run();
            } finally {
                getAndAdd(H_MUTATIONS, 1);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock the cluster registry: " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the current thread holds the registry lock. */
    boolean isLockedByMe() {
        return jvmLock.isHeldByCurrentThread();
    }

    /**
     * Reads a consistent snapshot without taking the lock: retries while a mutation runs or ran.
     */
    public <T> T read(Supplier<T> reader) {
        for (int attempt = 0;; attempt++) {
            int before = getIntVolatile(H_MUTATIONS);
            if ((before & 1) == 0) {
                T result = reader.get();
                VarHandle.acquireFence();
                if (getIntVolatile(H_MUTATIONS) == before) {
                    return result;
                }
            }
            if (attempt > 1000) {
                // a writer died mid-mutation and nobody took the lock since: fall back to the lock
                return mutate(reader::get);
            }
            Thread.onSpinWait();
        }
    }

    /** A registry mutation that may throw a checked exception. */
    @FunctionalInterface
    public interface Mutation<T, E extends Exception> {
        T run() throws E;
    }

    public int getInt(long offset) {
        return (int) INT.get(words, (int) offset);
    }

    public long getLong(long offset) {
        return (long) LONG.get(words, (int) offset);
    }

    void putInt(long offset, int value) {
        INT.set(words, (int) offset, value);
    }

    void putLong(long offset, long value) {
        LONG.set(words, (int) offset, value);
    }

    public int getIntAcquire(long offset) {
        return (int) INT.getAcquire(words, (int) offset);
    }

    int getIntVolatile(long offset) {
        return (int) INT.getVolatile(words, (int) offset);
    }

    void putIntRelease(long offset, int value) {
        INT.setRelease(words, (int) offset, value);
    }

    int getAndAdd(long offset, int delta) {
        return (int) INT.getAndAdd(words, (int) offset, delta);
    }

    boolean compareAndSet(long offset, int expected, int value) {
        return INT.compareAndSet(words, (int) offset, expected, value);
    }

    long getLongAcquire(long offset) {
        return (long) LONG.getAcquire(words, (int) offset);
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

    /** Under the lock, before a record is published: no events posted or consumed. */
    void resetEvents(long events) {
        putInt(events + Events.POSTED, 0);
        putInt(events + Events.CONSUMED, 0);
    }

    /** Takes the next value of a header counter (under the lock). */
    int next(long counter) {
        return getAndAdd(counter, 1);
    }

    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            // closing a lock file cannot lose data: nothing to do
        }
        arena.close();
    }
}
