// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a file that someone else may have made or swapped: only a regular file is opened, never a FIFO (whose
 * open and reads wait for a writer), a device such as /dev/zero (endless) or a directory, never through a
 * symbolic link at its last component, and never more than a size bound. The type and size are checked on the
 * name before opening it and again on what was opened (non-blocking), so a file swapped in between is refused
 * too. Linux only (it looks at the opened file through /proc/self/fd), as the rest of the emulator.
 */
public final class RegularFiles {

    private RegularFiles() {
    }

    /**
     * The content of {@code file}, a regular file of at most {@code maxBytes} bytes.
     *
     * @throws IOException saying why the file was not read: missing, not a regular file (and what it is instead),
     *         larger than {@code maxBytes}, unreadable
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        return read(file, maxBytes, false);
    }

    /**
     * The content of {@code file} as {@link #read(Path, long)}, which must moreover belong to this user (the effective
     * uid) and be writable by neither group nor others: checked on the opened file.
     *
     * @throws IOException also saying which user owns the file, or its mode, when it is not such a file
     */
    public static byte[] readOwn(Path file, long maxBytes) throws IOException {
        return read(file, maxBytes, true);
    }

    private static byte[] read(Path file, long maxBytes, boolean ownOnly) throws IOException {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a file read into an array has at most 2 GiB, not " + maxBytes + " bytes");
        }
        BasicFileAttributes named = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        requireRegular(file, named, maxBytes);
        int fd = open(file, named.fileKey(), maxBytes);
        try {
            Path opened = Path.of("/proc/self/fd/" + fd);
            if (ownOnly) {
                requireOwn(file, Files.readAttributes(opened, "unix:uid,gid,mode"));
            }
            // the descriptor names a regular file now: opening it again through /proc cannot block
            try (FileChannel channel = FileChannel.open(opened, StandardOpenOption.READ)) {
                return readAtMost(file, channel, maxBytes);
            }
        } finally {
            NativeFiles.close(fd);
        }
    }

    /**
     * {@code file}, a regular file, opened for reading as a descriptor that the caller closes (never made): opened first
     * without following a link at its last component and without blocking, and checked, so that a FIFO there is refused,
     * not waited on, and so is a file other than the one the caller looked at ({@code fileKey}).
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when it is not a regular file, was replaced, or cannot be opened
     */
    static int openDescriptor(Path file, Object fileKey) throws IOException {
        return open(file, fileKey, Long.MAX_VALUE);
    }

    /** {@link #openDescriptor}, refusing also a file of more than {@code maxBytes} bytes. */
    private static int open(Path file, Object fileKey, long maxBytes) throws IOException {
        int fd = NativeFiles.open(file, NativeFiles.O_RDONLY | NativeFiles.O_NOFOLLOW | NativeFiles.O_NONBLOCK
                | NativeFiles.O_CLOEXEC, 0);
        try {
            BasicFileAttributes opened = Files.readAttributes(Path.of("/proc/self/fd/" + fd), BasicFileAttributes.class);
            if (!Objects.equals(opened.fileKey(), fileKey)) {
                throw new IOException(file + " was replaced while it was being opened");
            }
            requireRegular(file, opened, maxBytes);
            return fd;
        } catch (IOException | RuntimeException e) {
            NativeFiles.close(fd);
            throw e;
        }
    }

    private static void requireRegular(Path file, BasicFileAttributes attributes, long maxBytes) throws IOException {
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file: it is " + (attributes.isDirectory() ? "a directory"
                    : attributes.isSymbolicLink() ? "a symbolic link" : "a FIFO, socket or device"));
        }
        if (attributes.size() > maxBytes) {
            throw new IOException(file + " has " + attributes.size() + " bytes, more than the " + maxBytes
                    + " bytes such a file may have");
        }
    }

    /**
     * Checks that {@code path} (what a link there points to) belongs to this user and is writable by neither group nor
     * others, so that no other user can change it.
     *
     * @throws java.nio.file.NoSuchFileException when there is nothing at {@code path}
     * @throws IOException saying which user owns it, or its mode, when it is not so
     */
    public static void requireOwn(Path path) throws IOException {
        requireOwn(path, Files.readAttributes(path, "unix:uid,gid,mode"));
    }

    private static void requireOwn(Path file, Map<String, Object> attributes) throws IOException {
        int uid = (Integer) attributes.get("uid");
        if (uid != OwnFiles.effectiveUid()) {
            throw new IOException(file + " belongs to another user (uid " + uid + ", this user is uid " + OwnFiles.effectiveUid() + ")");
        }
        int mode = (Integer) attributes.get("mode") & 07777;
        if (OwnFiles.othersMayWrite(mode, (Integer) attributes.get("gid"))) {
            throw new IOException(file + " can be changed by other users (mode " + String.format("%04o", mode)
                    + "): make it writable only by you (chmod go-w)");
        }
    }

    /** Reads to the end, but refuses a file that grew beyond the bound since it was measured. */
    private static byte[] readAtMost(Path file, FileChannel channel, long maxBytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Math.max(channel.size(), 0) + 1, maxBytes + 1));
        while (channel.read(buffer) >= 0) {
            if (!buffer.hasRemaining()) {
                if (buffer.capacity() > maxBytes) {
                    throw new IOException(file + " has more than the " + maxBytes + " bytes such a file may have");
                }
                buffer = ByteBuffer.allocate((int) Math.min(buffer.capacity() * 2L, maxBytes + 1)).put(buffer.flip());
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
