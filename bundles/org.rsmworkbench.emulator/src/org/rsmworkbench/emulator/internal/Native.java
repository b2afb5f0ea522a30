// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The few Linux calls the JDK does not offer: futex for cross-JVM wake-up, and mmap(MAP_FIXED) to replace
 * the pages behind an importer's mapping without changing its address (a forced disconnect puts trash
 * there, a rebind the segment's new memory), so that the program's {@code MemorySegment} stays valid; and
 * open/fstat/read with flags the JDK does not take (O_NOFOLLOW, O_NONBLOCK), for {@link OwnFiles#read}.
 */
final class Native {
    private static final long SYS_FUTEX = 202; // x86-64
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_NOCTTY = 0x100;
    static final int O_NONBLOCK = 0x800;
    static final int O_NOFOLLOW = 0x20000;
    static final int O_CLOEXEC = 0x80000;
    private static final int PROT_READ = 0x1;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_SHARED = 0x01;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_FIXED = 0x10;
    private static final int MAP_ANONYMOUS = 0x20;
    /** madvise advice (Linux 5.14): fault the pages of a range in, readable or writable, as a first access would. */
    private static final int MADV_POPULATE_READ = 22;
    private static final int MADV_POPULATE_WRITE = 23;
    /** The file type bits of st_mode, and those of a regular file. */
    static final int S_IFMT = 0xF000;
    static final int S_IFREG = 0x8000;
    /** struct stat of x86-64 Linux: its size and the offsets of st_mode, st_uid and st_size. */
    private static final long STAT_SIZE = 144;
    private static final long ST_MODE = 24;
    private static final long ST_UID = 28;
    private static final long ST_SIZE = 48;

    /** The futex system call, made at the first wait or wake: making a downcall handle costs milliseconds. */
    private static final class Futex {
        static final MethodHandle SYSCALL = downcall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.firstVariadicArg(1));
    }

    /**
     * open and close, for mappings and for {@link OwnFiles#read}. A call that can fail takes a segment first (see
     * {@link #newCallState}) where the linker stores errno right after the call, before the JVM can change it.
     */
    private static final class FileCalls {
        static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        static final long ERRNO_OFFSET = CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
        static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
                Linker.Option.firstVariadicArg(2), Linker.Option.captureCallState("errno"));
        static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    /** fstat and read, for {@link OwnFiles#read}. */
    private static final class ReadCalls {
        static final MethodHandle FSTAT = downcall("fstat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS),
                Linker.Option.captureCallState("errno"));
        static final MethodHandle READ = downcall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
                Linker.Option.captureCallState("errno"));
    }

    /**
     * What {@link #mapTrash} and {@link #mapFile} call besides open and close: only forced disconnects and rebinds need
     * it; and madvise, for {@link #populate}.
     */
    private static final class Mapping {
        static final MethodHandle MMAP = downcall("mmap",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
                Linker.Option.captureCallState("errno"));
        static final MethodHandle MADVISE = downcall("madvise", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    /** What fstat tells of an open file: its mode (type and permissions), owner and size. */
    record FileStatus(int mode, int uid, long size) {
    }

    private Native() {
    }

    static MethodHandle downcall(String function, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(function).orElseThrow(), descriptor, options);
    }

    /**
     * Sleeps while the int at {@code word} equals {@code expected}, at most {@code timeoutNanos}.
     * Returns early on a wake-up, a changed value or a spurious wake; the caller re-checks.
     */
    static void futexWait(MemorySegment word, int expected, long timeoutNanos) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timespec = arena.allocate(16);
            timespec.set(JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
            timespec.set(JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
            long _ = (long) Futex.SYSCALL.invokeExact(SYS_FUTEX, word, FUTEX_WAIT, expected, timespec);
        } catch (Throwable t) {
            throw new IllegalStateException("futex wait failed", t);
        }
    }

    /** Wakes every thread of every process sleeping in {@link #futexWait} on that word. */
    static void futexWakeAll(MemorySegment word) {
        try {
            long _ = (long) Futex.SYSCALL.invokeExact(SYS_FUTEX, word, FUTEX_WAKE, Integer.MAX_VALUE, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("futex wake failed", t);
        }
    }

    /**
     * The calls of {@link #mapTrash} and {@link #mapFile}, each made once so that it fails harmlessly (an empty path,
     * fd -1, length 0): making a downcall handle and its first call cost milliseconds, more in a cold JVM.
     */
    private static final class MappingCallsMade {
        static {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment callState = newCallState(arena);
                close(open(callState, arena, "", O_RDONLY));
                MemorySegment _ = (MemorySegment) Mapping.MMAP.invokeExact(callState, MemorySegment.NULL, 0L, PROT_READ,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
                int _ = (int) Mapping.MADVISE.invokeExact(MemorySegment.NULL, 0L, MADV_POPULATE_READ);
            } catch (Throwable t) {
                // native access refused: the calls fail again when they are needed, and their callers fall back
            }
        }

        static void touch() {
        }
    }

    /**
     * Makes the calls of {@link #mapTrash} and {@link #mapFile} ready, once per JVM: a JVM that imports does it when
     * it connects, not when its revoker has to answer in time.
     */
    static void prepareMappingCalls() {
        MappingCallsMade.touch();
    }

    /**
     * Faults every page of a new mapping in now, as its first access would (writable unless the mapping is read-only):
     * a put or get then pays no page fault, whichever comes first, as with the pinned memory of a real import. Best
     * effort: on a kernel without MADV_POPULATE (before 5.14) the pages are faulted in at first touch, as before.
     */
    static void populate(MemorySegment mapping) {
        try {
            int _ = (int) Mapping.MADVISE.invokeExact(MemorySegment.ofAddress(mapping.address()), mapping.byteSize(),
                    mapping.isReadOnly() ? MADV_POPULATE_READ : MADV_POPULATE_WRITE);
        } catch (Throwable t) {
            // native access refused: the first touches fault the pages in
        }
    }

    /**
     * Replaces the pages of {@code mapping} with private zero-filled pages at the same address: loads read
     * zeros (or what was stored there since), stores reach nobody. The address must be page-aligned.
     */
    static void mapTrash(MemorySegment mapping) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            mmapFixed(newCallState(arena), mapping, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, "trash");
        }
    }

    /**
     * Replaces the pages of {@code mapping} with {@code file} from {@code fileOffset}, shared, with the
     * protection the mapping has (read-only or read-write). Both the address and the offset must be page-aligned.
     */
    static void mapFile(MemorySegment mapping, Path file, long fileOffset) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = newCallState(arena);
            int fd = open(callState, arena, file.toString(), mapping.isReadOnly() ? O_RDONLY : O_RDWR);
            if (fd < 0) {
                throw new IOException("cannot open " + file + " (errno " + errno(callState) + ")");
            }
            try {
                mmapFixed(callState, mapping, MAP_SHARED, fd, fileOffset, file.toString());
            } finally {
                close(fd);
            }
        }
    }

    private static void mmapFixed(MemorySegment callState, MemorySegment mapping, int flags, int fd, long offset,
            String what) throws IOException {
        int protection = mapping.isReadOnly() ? PROT_READ : PROT_READ_WRITE;
        MemorySegment result;
        try {
            result = (MemorySegment) Mapping.MMAP.invokeExact(callState, MemorySegment.ofAddress(mapping.address()),
                    mapping.byteSize(), protection, flags | MAP_FIXED, fd, offset);
        } catch (Throwable t) {
            throw new IOException("mmap downcall failed", t);
        }
        if (result.address() != mapping.address()) {
            throw new IOException("mmap(MAP_FIXED) of " + what + " at 0x" + Long.toHexString(mapping.address())
                    + " failed (errno " + errno(callState) + ")");
        }
    }

    /** Where a call stores its errno: one per thread at a time, read with {@link #errno} right after a failed call. */
    static MemorySegment newCallState(Arena arena) {
        return arena.allocate(FileCalls.CALL_STATE);
    }

    /** The errno that the last failed call given {@code callState} stored there. */
    static int errno(MemorySegment callState) {
        return callState.get(JAVA_INT, FileCalls.ERRNO_OFFSET);
    }

    /** open(2): the new descriptor, or -1 with errno in {@code callState}. */
    static int open(MemorySegment callState, Arena arena, String path, int flags) throws IOException {
        try {
            return (int) FileCalls.OPEN.invokeExact(callState, arena.allocateFrom(path), flags);
        } catch (Throwable t) {
            throw new IOException("open downcall failed", t);
        }
    }

    /** close(2); its errors are of no use once the descriptor is given up (it is closed all the same). */
    static void close(int fd) throws IOException {
        try {
            int _ = (int) FileCalls.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IOException("close downcall failed", t);
        }
    }

    /** fstat(2) of an open descriptor. */
    static FileStatus fstat(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = newCallState(arena);
            MemorySegment stat = arena.allocate(STAT_SIZE, 8);
            int result;
            try {
                result = (int) ReadCalls.FSTAT.invokeExact(callState, fd, stat);
            } catch (Throwable t) {
                throw new IOException("fstat downcall failed", t);
            }
            if (result != 0) {
                throw new IOException("fstat failed (errno " + errno(callState) + ")");
            }
            return new FileStatus(stat.get(JAVA_INT, ST_MODE), stat.get(JAVA_INT, ST_UID), stat.get(JAVA_LONG, ST_SIZE));
        }
    }

    /** read(2) into {@code buffer}, at most its size: the bytes read, 0 at the end, or -1 with errno in {@code callState}. */
    static long read(MemorySegment callState, int fd, MemorySegment buffer) throws IOException {
        try {
            return (long) ReadCalls.READ.invokeExact(callState, fd, buffer, buffer.byteSize());
        } catch (Throwable t) {
            throw new IOException("read downcall failed", t);
        }
    }
}
