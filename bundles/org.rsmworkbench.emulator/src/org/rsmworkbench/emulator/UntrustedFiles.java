// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.rsmworkbench.emulator.internal.RegularFiles;

/**
 * Files that someone else may have made, swapped or linked (a cluster file, a configuration file, a report in a
 * shared directory such as /tmp), read and written the way the emulator handles its own. Reading: only a regular
 * file of bounded size is read, never a FIFO, a device or a directory, never through a symbolic link at its last
 * component, and never blocking. Writing: the content goes to a new file of a random name beside the target, which
 * then replaces the target by a rename: a symbolic link or another user's file at the target is replaced, never
 * written through (in a sticky folder such as /tmp the kernel refuses to replace another user's entry: the write then
 * fails, naming the target), and a failed write leaves the previous file whole. Linux only, as the rest of the emulator.
 */
public final class UntrustedFiles {
    /** Mode 0666 asked, so the umask decides, as for a file a shell or editor makes. */
    private static final FileAttribute<Set<PosixFilePermission>> UMASK_MODE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-rw-rw-"));
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_MODE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    /** A temporary name another user could guess would only make the write fail: they cannot make it follow a link. */
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NAME_ATTEMPTS = 16;

    /** What {@link #write} puts into a file. */
    @FunctionalInterface
    public interface Content {
        /** Writes the file's content to {@code out} (buffered; closed by the caller of this). */
        void writeTo(OutputStream out) throws IOException;
    }

    private UntrustedFiles() {
    }

    /**
     * The content of {@code file}, a regular file of at most {@code maxBytes} bytes (less than 2 GiB).
     *
     * @throws IOException saying why the file was not read: missing, not a regular file (and what it is instead),
     *         larger than {@code maxBytes}, replaced while it was opened, unreadable
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        return RegularFiles.read(file, maxBytes);
    }

    /**
     * The content of {@code file} as {@link #read}, which must moreover belong to this user (the effective uid) and be
     * writable by nobody else: for a file that says what to run.
     *
     * @throws IOException also when another user owns the file or may change it, saying which
     */
    public static byte[] readOwn(Path file, long maxBytes) throws IOException {
        return RegularFiles.readOwn(file, maxBytes);
    }

    /**
     * Makes {@code file} hold what {@code content} writes, replacing whatever was there (a link itself, not what it
     * points to), with the mode the umask gives a new file: for a document the user keeps, such as a cluster model.
     *
     * @throws IOException when the folder cannot take a new file or the target is a folder; the target is then
     *         unchanged and no temporary file is left
     */
    public static void write(Path file, Content content) throws IOException {
        replace(file, UMASK_MODE, content);
    }

    /** {@link #write} with mode 0600: for what describes a run (reports, exports, bookmarks), whatever the folder. */
    public static void writePrivately(Path file, Content content) throws IOException {
        replace(file, PRIVATE_MODE, content);
    }

    /** Why no new file can be made in {@code folder}, said of the folder: the temporary file's name means nothing to the user. */
    private static String whyNoFileIn(Path folder, FileSystemException e) {
        return switch (e) {
            case NoSuchFileException _ -> "the folder " + folder + " does not exist";
            case AccessDeniedException _ -> "the folder " + folder + " is not writable (permission denied)";
            default -> folder + ": " + (e.getReason() != null ? e.getReason() : "cannot be written");
        };
    }

    private static void replace(Path file, FileAttribute<Set<PosixFilePermission>> mode, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        requireReplaceable(target);
        Path temp = null;
        SeekableByteChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            temp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                // O_CREAT|O_EXCL: a name that exists, a link included, is never opened
                channel = Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw e;
                }
            } catch (FileSystemException e) {
                throw new FileSystemException(file.toString(), null, whyNoFileIn(target.getParent(), e));
            }
        }
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                content.writeTo(out);
            }
            // rename(2) replaces the name: a link there is not followed, a hard link's other names keep the old content
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) { // said of the target: its message names the temporary file
                throw new FileSystemException(file.toString(), null, e.getReason());
            }
            moved = true;
        } finally {
            channel.close();
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Refuses a target that is, or links to, something other than a regular file: renamed over, a device such as
     * /dev/null (as root) or a link such as /dev/stdout would be gone. A link to a regular file is replaced as planned.
     */
    private static void requireReplaceable(Path target) throws IOException {
        BasicFileAttributes named;
        try {
            named = Files.readAttributes(target, BasicFileAttributes.class); // through a link: what it names
        } catch (NoSuchFileException e) {
            return; // nothing there, or a link to nothing: made, or the link replaced
        }
        if (!named.isRegularFile()) {
            throw new FileSystemException(target.toString(), null, (named.isDirectory() ? "is a folder"
                    : "is not a regular file (a device, pipe or socket, or a link to one)") + ": not replaced; name a regular file");
        }
    }
}
