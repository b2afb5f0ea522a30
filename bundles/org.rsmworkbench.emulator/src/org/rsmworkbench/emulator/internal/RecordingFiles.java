// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * A recording's logs hold segment bytes (snapshots, put payloads, gets), so they are as private as a cluster's files,
 * and a folder that another user can write to or swap is hostile input. Here is the one check of a recording folder
 * (rsm-launch --record, the IDE's launches, the node JVMs): reached through folders and links only this user or root
 * can change ({@link TrustedPaths}), and the one way a log is made and opened for reading: only this user's regular
 * files, never through a symbolic link.
 */
public final class RecordingFiles {
    private static final int ROOT = 0;
    /** A new run folder in a shared parent is tried under this many names before giving up. */
    private static final int RUN_FOLDER_NAMES = 1000;

    private RecordingFiles() {
    }

    /**
     * {@code folder} checked as a recording folder: its real path when it exists, {@code folder} itself when it is
     * missing.
     *
     * @throws IOException saying why an existing folder is refused and what to do: not a folder, a symbolic link of
     *         another user, another user's folder, or writable by group or others; or why a missing one cannot be made
     */
    public static Path checkFolder(Path folder) throws IOException {
        Path existing = existingFolder(folder);
        if (existing == null) {
            requireMakeable(folder);
        }
        return existing == null ? folder : existing;
    }

    /** Checks that the missing {@code folder} can be made: the nearest existing folder on its path is one this user can write. */
    private static void requireMakeable(Path folder) throws IOException {
        Path ancestor = folder.toAbsolutePath().normalize().getParent();
        while (ancestor != null && !Files.exists(ancestor, LinkOption.NOFOLLOW_LINKS)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return;
        }
        if (!Files.isDirectory(ancestor)) {
            throw new FileSystemException(folder.toString(), null, "cannot be made: " + ancestor + " is not a folder");
        }
        if (!Files.isWritable(ancestor)) {
            throw new FileSystemException(folder.toString(), null, "cannot be made: " + ancestor + " is not writable (permission denied)");
        }
    }

    /**
     * {@code folder} checked as {@link #checkFolder} does, made when missing (0700, its missing parents with the default
     * mode).
     *
     * @return the real path of the folder, the one to record into from now on
     */
    public static Path prepareFolder(Path folder) throws IOException {
        Path existing = existingFolder(folder);
        if (existing != null) {
            return existing;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent, OwnFiles.PARENT_DIRECTORY);
        }
        try {
            Files.createDirectory(folder, OwnFiles.PRIVATE_DIRECTORY);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // checked below as any existing folder
        }
        return existingFolder(folder);
    }

    /**
     * A new folder of this user (0700) in {@code parent} (made when missing, with the default mode) named
     * {@code name + suffix}, or {@code name-2 + suffix} and so on when that name is taken: made at once, so that no one
     * else can make it in between.
     */
    public static Path createNewFolder(Path parent, String name, String suffix) throws IOException {
        Files.createDirectories(parent, OwnFiles.PARENT_DIRECTORY);
        for (int n = 1; n <= RUN_FOLDER_NAMES; n++) {
            Path folder = parent.resolve(n == 1 ? name + suffix : name + "-" + n + suffix);
            try {
                return Files.createDirectory(folder, OwnFiles.PRIVATE_DIRECTORY);
            } catch (FileAlreadyExistsException taken) {
                // the next name
            }
        }
        throw new FileSystemException(parent.toString(), null, RUN_FOLDER_NAMES + " folders named " + name + "*" + suffix
                + " are there already: choose another folder");
    }

    /** A new log {@code file} (which must not exist, nor be a link), 0600 whatever the umask, open for writing. */
    public static FileChannel createLog(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                OwnFiles.PRIVATE_FILE);
    }

    /**
     * Why the entry {@code file} of a recording folder is not read as a log (a symbolic link, not a regular file,
     * another user's), or null when it is this user's regular file or gone.
     */
    public static String notOwnLog(Path file) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:uid,isRegularFile,isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // gone since the folder was listed: opening it says so, as for any log that goes
        }
        if ((Boolean) a.get("isSymbolicLink")) {
            return file + " is a symbolic link: not followed, not read";
        }
        if (!(Boolean) a.get("isRegularFile")) {
            return file + " is not a regular file: not read";
        }
        int uid = (Integer) a.get("uid");
        return uid == OwnFiles.effectiveUid() ? null : file + " belongs to another user (uid " + uid + "): not read";
    }

    /**
     * The log {@code file} open for reading: opened without following a link and without blocking (a FIFO is refused,
     * not waited on), then checked on the open file to be a regular file of this user, so that nothing can be swapped
     * in between.
     */
    public static FileChannel openLog(Path file) throws IOException {
        int fd = NativeFiles.open(file, NativeFiles.O_RDONLY | NativeFiles.O_NOFOLLOW | NativeFiles.O_NONBLOCK
                | NativeFiles.O_CLOEXEC, 0);
        try {
            Native.FileStatus status = Native.fstat(fd);
            if ((status.mode() & Native.S_IFMT) != Native.S_IFREG) {
                throw new FileSystemException(file.toString(), null, "is not a regular file: not read");
            }
            if (status.uid() != OwnFiles.effectiveUid()) {
                throw new FileSystemException(file.toString(), null, "belongs to another user (uid " + status.uid() + "): not read");
            }
            // the descriptor names this user's regular file: opening it again through /proc opens that very file
            return FileChannel.open(Path.of("/proc/self/fd/" + fd), StandardOpenOption.READ);
        } finally {
            NativeFiles.close(fd);
        }
    }

    /** The real path of the existing recording folder {@code folder} once checked, or null when it is missing. */
    private static Path existingFolder(Path folder) throws IOException {
        requireTrustedParent(folder);
        Map<String, Object> a;
        try {
            a = Files.readAttributes(folder, "unix:uid,gid,mode,isDirectory,isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        Path real = folder;
        if ((Boolean) a.get("isSymbolicLink")) {
            int linkOwner = (Integer) a.get("uid");
            if (linkOwner != OwnFiles.effectiveUid() && linkOwner != ROOT) {
                throw new FileSystemException(folder.toString(), null, "is a symbolic link of another user (uid " + linkOwner
                        + "), who could point it elsewhere: not followed; give the folder it points to, or choose another folder");
            }
            try {
                real = folder.toRealPath();
            } catch (NoSuchFileException e) {
                throw new FileSystemException(folder.toString(), null, "is a symbolic link to nothing: choose another folder");
            }
            requireTrustedParent(real);
            a = Files.readAttributes(real, "unix:uid,gid,mode,isDirectory", LinkOption.NOFOLLOW_LINKS);
        }
        if (!(Boolean) a.get("isDirectory")) {
            throw new FileSystemException(folder.toString(), null, "is not a folder");
        }
        int owner = (Integer) a.get("uid");
        if (owner != OwnFiles.effectiveUid()) {
            throw new FileSystemException(folder.toString(), null, "belongs to another user (uid " + owner
                    + "), who could read or change the recording: choose a folder of your own");
        }
        int mode = (Integer) a.get("mode") & 07777;
        if (OwnFiles.othersMayWrite(mode, (Integer) a.get("gid"))) {
            throw new FileSystemException(folder.toString(), null, String.format("can be written by other users (mode %04o),"
                    + " who could delete logs or plant their own there: run \"chmod go-w %s\" or choose another folder", mode, real));
        }
        return real.toRealPath();
    }

    /**
     * Checks the folders and links on the way to {@code folder} ({@link TrustedPaths}): in a folder another user can
     * change, they could move the recording folder away and put theirs in its place.
     */
    private static void requireTrustedParent(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent(); // not normalized: "link/.." is where the link leads, then up
        if (parent != null) {
            TrustedPaths.requireTrusted(parent);
        }
    }
}
