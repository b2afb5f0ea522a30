// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a small file, held for the life of a JVM (its liveness lock) or of a cluster owner,
 * which the kernel releases when the process dies; and the probe that tells whether such a file is locked.
 * <p>
 * These are POSIX record locks (FileChannel): they belong to the process, and closing <em>any</em> descriptor
 * of the file in the process releases them. So a probe never opens a file that this JVM holds locked: the
 * files locked here are known by their file key (device and inode), which every path to the file shares,
 * through a symbolic link or {@code ..} alike, unlike the path. A probe asks the kernel without locking
 * (fcntl F_OFD_GETLK), so it never stands in the way of a process that locks the file; locks are only ever tried,
 * never waited for, so the kernel's deadlock detection of POSIX locks (EDEADLK) never takes part.
 */
final class LockFile implements AutoCloseable {
    /** The files locked by this JVM, by file key (whatever path they were locked through): who locked them. */
    private static final Map<Object, LockFile> HELD = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final Object key;

    private LockFile(FileChannel channel, Object key) {
        this.channel = channel;
        this.key = key;
    }

    /**
     * Creates {@code file} if needed and locks it.
     *
     * @throws IOException when another process (or this JVM) holds it, or it cannot be opened
     */
    static LockFile acquire(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), OwnFiles.PRIVATE_FILE);
        try {
            LockFile lockFile = new LockFile(channel, fileKey(file));
            // known before it is locked, so that no probe of this JVM opens (and by closing, unlocks) it meanwhile
            if (HELD.putIfAbsent(lockFile.key, lockFile) != null) {
                throw new IOException(file + " is already locked by this JVM");
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                HELD.remove(lockFile.key, lockFile);
                throw e;
            }
            if (lock == null) {
                HELD.remove(lockFile.key, lockFile);
                throw new IOException(file + " is locked by another process");
            }
            return lockFile;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Whether {@code file} is locked by a live process (this JVM included); false when there is no such file.
     *
     * @throws IOException when the file cannot be probed
     */
    static boolean isHeld(Path file) throws IOException {
        try (Probe probe = probe(file)) {
            return probe.isHeld();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * A probe of {@code file} that stays open until closed, for a file asked about again and again (the watcher looks at
     * every other JVM's liveness lock ten times a second): each look is then one system call.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when it is not a regular file or cannot be opened
     */
    static Probe probe(Path file) throws IOException {
        Object key = fileKey(file);
        LockFile own = HELD.get(key);
        return own != null ? new Probe(own, -1) : new Probe(null, RegularFiles.openDescriptor(file, key));
    }

    private static Object fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        if (key == null) {
            throw new IOException("the file system of " + file + " gives no file key: its locks cannot be told apart");
        }
        return key;
    }

    /** Releases the lock (closing the only descriptor this JVM has of the file). */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            HELD.remove(key, this);
        }
    }

    /**
     * A descriptor of a lock file, kept to ask whether some process holds the lock. Thread-safe; once closed it answers no
     * more (IOException).
     */
    static final class Probe implements AutoCloseable {
        /** The lock of this JVM on the file when the probe was made, which tells (the file has no descriptor here), or null. */
        private final LockFile own;
        /** -1 with {@link #own}. */
        private final int fd;
        private final MemorySegment request;
        private final MemorySegment callState;
        private boolean closed;

        private Probe(LockFile own, int fd) {
            this.own = own;
            this.fd = fd;
            Arena arena = Arena.ofAuto();
            request = arena.allocate(NativeFiles.FLOCK);
            callState = Native.newCallState(arena);
        }

        /** Whether a live process (this JVM included) holds the file's lock. */
        synchronized boolean isHeld() throws IOException {
            if (closed) {
                throw new IOException("the probe of a lock file is closed");
            }
            return own != null ? HELD.get(own.key) == own : NativeFiles.isLocked(fd, request, callState);
        }

        @Override
        public synchronized void close() {
            if (!closed && fd >= 0) {
                NativeFiles.close(fd);
            }
            closed = true;
        }
    }
}
