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
 * The few Linux calls the JDK does not offer: futex for cross-JVM wake-up, and mmap(MAP_FIXED) to
 * move a range of this process's memory onto another file without changing its address (how an
 * exporter detaches its memory from importers' mappings, and how rebind swaps pages under them).
 */
final class Native {
    private static final long SYS_FUTEX = 202; // x86-64
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int O_RDWR = 2;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_SHARED = 0x01;
    private static final int MAP_FIXED = 0x10;

    /** The futex system call, made at the first wait or wake: making a downcall handle costs milliseconds. */
    private static final class Futex {
        static final MethodHandle SYSCALL = downcall("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), Linker.Option.firstVariadicArg(1));
    }

    /**
     * What {@link #remap} calls: only exporters that detach their memory or rebind need these. open and mmap
     * take a segment first where the linker stores errno right after the call, before the JVM can change it.
     */
    private static final class Mapping {
        static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        static final long ERRNO_OFFSET = CALL_STATE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
        static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
                Linker.Option.firstVariadicArg(2), Linker.Option.captureCallState("errno"));
        static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        static final MethodHandle MMAP = downcall("mmap",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
                Linker.Option.captureCallState("errno"));
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
            long unused = (long) Futex.SYSCALL.invokeExact(SYS_FUTEX, word, FUTEX_WAIT, expected, timespec);
        } catch (Throwable t) {
            throw new IllegalStateException("futex wait failed", t);
        }
    }

    /** Wakes every thread of every process sleeping in {@link #futexWait} on that word. */
    static void futexWakeAll(MemorySegment word) {
        try {
            long unused = (long) Futex.SYSCALL.invokeExact(SYS_FUTEX, word, FUTEX_WAKE, Integer.MAX_VALUE, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("futex wake failed", t);
        }
    }

    /**
     * Maps {@code [memory.address(), +memory.byteSize())} of this process onto {@code file} at
     * {@code fileOffset}, shared and read-write, replacing what was mapped there. Both the address and
     * the offset must be page-aligned.
     */
    static void remap(MemorySegment memory, Path file, long fileOffset) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(Mapping.CALL_STATE);
            int fd = (int) Mapping.OPEN.invokeExact(callState, arena.allocateFrom(file.toString()), O_RDWR);
            if (fd < 0) {
                throw new IOException("cannot open " + file + " (errno " + errno(callState) + ")");
            }
            try {
                MemorySegment result = (MemorySegment) Mapping.MMAP.invokeExact(callState,
                        MemorySegment.ofAddress(memory.address()), memory.byteSize(), PROT_READ_WRITE, MAP_SHARED | MAP_FIXED,
                        fd, fileOffset);
                if (result.address() != memory.address()) {
                    throw new IOException("mmap(MAP_FIXED) of " + file + " failed (errno " + errno(callState) + ")");
                }
            } finally {
                int unused = (int) Mapping.CLOSE.invokeExact(fd);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("mmap downcall failed", t);
        }
    }

    private static int errno(MemorySegment callState) {
        return callState.get(JAVA_INT, Mapping.ERRNO_OFFSET);
    }
}
