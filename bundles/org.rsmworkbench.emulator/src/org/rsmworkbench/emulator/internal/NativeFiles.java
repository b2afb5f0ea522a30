// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * File calls the JDK does not offer: {@code open} with {@code O_NONBLOCK} (opening a FIFO that a reader mistook
 * for a file must not wait for a writer), {@code posix_fallocate} (the JDK has no way to reserve a file's blocks,
 * and a store into a page of a shared mapping that the file system cannot back kills the JVM with SIGBUS) and
 * {@code fcntl(F_OFD_GETLK)} (the JDK can only tell whether a file is locked by locking it).
 * Linux x86-64 flag values, as the rest of the emulator.
 */
final class NativeFiles {
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_NONBLOCK = 04000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_CLOEXEC = 02000000;
    private static final int ENOENT = 2;
    private static final int ENOSPC = 28;
    private static final int EFBIG = 27;
    /** The open file description's query: unlike F_GETLK's, this process's own (classic) locks conflict with it. */
    private static final int F_OFD_GETLK = 36;
    private static final short F_WRLCK = 1;
    private static final short F_UNLCK = 2;
    /** {@code struct flock} of 64-bit Linux; all zero but the type, it asks about the whole file (l_pid 0, as OFD calls need). */
    static final StructLayout FLOCK = MemoryLayout.structLayout(JAVA_SHORT.withName("l_type"), JAVA_SHORT.withName("l_whence"),
            MemoryLayout.paddingLayout(4), JAVA_LONG.withName("l_start"), JAVA_LONG.withName("l_len"), JAVA_INT.withName("l_pid"),
            MemoryLayout.paddingLayout(4));

    /** Made when first needed: a downcall handle costs milliseconds. open captures errno right after the call. */
    private static final class Calls {
        static final MethodHandle OPEN = Native.downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                Linker.Option.firstVariadicArg(2), Linker.Option.captureCallState("errno"));
        static final MethodHandle CLOSE = Native.downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    /** Only the probes of lock files need it. */
    private static final class Locks {
        static final MethodHandle FCNTL = Native.downcall("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
                Linker.Option.firstVariadicArg(2), Linker.Option.captureCallState("errno"));
    }

    /** Only allocate needs it (a reader of files does not). */
    private static final class Reserve {
        /** Returns the error number itself (0 on success), not -1 and errno. */
        static final MethodHandle POSIX_FALLOCATE = Native.downcall("posix_fallocate",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    }

    private NativeFiles() {
    }

    /** open(2): the file descriptor, or an IOException naming the file and errno (NoSuchFileException when there is none). */
    static int open(Path file, int flags, int mode) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = Native.newCallState(arena);
            int fd = (int) Calls.OPEN.invokeExact(callState, arena.allocateFrom(file.toString()), flags, mode);
            if (fd < 0) {
                int errno = Native.errno(callState);
                if (errno == ENOENT) {
                    throw new NoSuchFileException(file.toString());
                }
                throw new IOException("cannot open " + file + " (errno " + errno + ")");
            }
            return fd;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("open downcall failed for " + file, t);
        }
    }

    /**
     * Whether a process holds a lock on some part of the open file {@code fd} (fcntl F_OFD_GETLK for a write lock of the
     * whole file, Linux 3.15 and later): asks without locking, and sees this process's own locks too (those of FileChannel
     * are classic POSIX locks, which belong to the process, not to {@code fd}'s open file description).
     *
     * @param request scratch memory of {@link #FLOCK}'s layout
     * @param callState where the call stores its errno ({@link Native#newCallState})
     */
    static boolean isLocked(int fd, MemorySegment request, MemorySegment callState) throws IOException {
        request.fill((byte) 0);
        request.set(JAVA_SHORT, 0, F_WRLCK);
        int result;
        try {
            result = (int) Locks.FCNTL.invokeExact(callState, fd, F_OFD_GETLK, request);
        } catch (Throwable t) {
            throw new IOException("fcntl downcall failed", t);
        }
        if (result < 0) {
            throw new IOException("cannot ask whether a lock file is locked (fcntl F_OFD_GETLK, errno " + Native.errno(callState) + ")");
        }
        return request.get(JAVA_SHORT, 0) != F_UNLCK;
    }

    static void close(int fd) {
        try {
            int _ = (int) Calls.CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close downcall failed", t);
        }
    }

    /**
     * Gives the first {@code length} bytes of the open file {@code fd} real blocks (posix_fallocate), so that
     * writing them later cannot fail for lack of space.
     *
     * @throws IOException saying that {@code file}'s file system is full, and how much was asked, when it is
     */
    static void reserve(int fd, Path file, long length) throws IOException {
        reserve(fd, file, 0, length);
    }

    /** Gives {@code length} bytes of the open file {@code fd} from {@code offset} real blocks, as {@link #reserve(int, Path, long)}. */
    static void reserve(int fd, Path file, long offset, long length) throws IOException {
        int error;
        try {
            error = (int) Reserve.POSIX_FALLOCATE.invokeExact(fd, offset, length);
        } catch (Throwable t) {
            throw new IOException("posix_fallocate downcall failed for " + file, t);
        }
        if (error == ENOSPC || error == EFBIG) {
            throw new IOException(String.format("%s is full: %d bytes were asked for %s, %s",
                    fileSystem(file.getParent()), length, file.getFileName(), freeSpace(file.getParent())));
        }
        if (error != 0) {
            throw new IOException("cannot reserve " + length + " bytes for " + file + " (posix_fallocate error " + error + ")");
        }
    }

    private static String fileSystem(Path directory) {
        try {
            return "the file system of " + directory + ", " + java.nio.file.Files.getFileStore(directory);
        } catch (IOException e) {
            return "the file system of " + directory;
        }
    }

    private static String freeSpace(Path directory) {
        try {
            return java.nio.file.Files.getFileStore(directory).getUsableSpace() + " bytes are free";
        } catch (IOException e) {
            return "its free space is unknown";
        }
    }
}
