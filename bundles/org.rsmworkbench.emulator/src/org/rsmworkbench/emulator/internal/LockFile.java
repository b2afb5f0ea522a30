// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock on a small file, held for the life of a JVM (its liveness lock) or of a cluster owner,
 * which the kernel releases when the process dies; and the probe that tells whether such a file is locked.
 * <p>
 * These are POSIX record locks (FileChannel): they belong to the process, and closing <em>any</em> descriptor
 * of the file in the process releases them. So a probe never opens a file that this JVM holds locked: the
 * files locked here are known by their file key (device and inode), which every path to the file shares,
 * through a symbolic link or {@code ..} alike, unlike the path. Locks are only ever tried, never waited for,
 * so the kernel's deadlock detection of POSIX locks (EDEADLK) never takes part.
 */
final class LockFile implements AutoCloseable {
    /** The file keys of the files locked by this JVM, whatever path they were locked through. */
    private static final Set<Object> HELD = ConcurrentHashMap.newKeySet();
    /**
     * How long {@link #acquire} tries again: another process's probe holds a lock file for microseconds (a node
     * JVM of a crashed cluster may probe the files of a new one made in the same directory), an owner for its life.
     */
    private static final long ACQUIRE_PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

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
            Object key = fileKey(file);
            // known before it is locked, so that no probe of this JVM opens (and by closing, unlocks) it meanwhile
            if (!HELD.add(key)) {
                throw new IOException(file + " is already locked by this JVM");
            }
            FileLock lock;
            try {
                lock = tryLock(channel);
            } catch (IOException | RuntimeException e) {
                HELD.remove(key);
                throw e;
            }
            if (lock == null) {
                HELD.remove(key);
                throw new IOException(file + " is locked by another process");
            }
            return new LockFile(channel, key);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Tries to lock, again for a moment while another process holds the lock; null if it still does. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + ACQUIRE_PATIENCE_NANOS;
        boolean interrupted = false;
        try {
            for (;;) {
                FileLock lock = channel.tryLock();
                if (lock != null || System.nanoTime() > deadline) {
                    return lock;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether {@code file} is locked by a live process (this JVM included); false when there is no such file.
     *
     * @throws IOException when the file cannot be probed
     */
    static boolean isHeld(Path file) throws IOException {
        Object key;
        try {
            key = fileKey(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (HELD.contains(key)) {
            return true;
        }
        // never waits on a FIFO planted there
        try (FileChannel channel = RegularFiles.openForWriting(file)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // another thread of this JVM holds it for a moment (a probe, or an acquire under way): taken as held
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
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
            HELD.remove(key);
        }
    }
}
