// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.nio.channels.Channels;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files under /tmp and /dev/shm that another user could have made are hostile input: these helpers read and
 * delete only what this user (the process's effective uid) owns, never follow a symbolic link, and never block
 * on a FIFO or read without bound.
 */
final class OwnFiles {
    private static final int EINTR = 4;
    private static final int ENOENT = 2;
    private static final int ELOOP = 40;
    /**
     * The mode of every file a cluster makes, given when it is made (never after: an fd opened meanwhile would stay
     * open), whatever the umask: another user could else read segment memory or hold a read lock on a lock file.
     */
    static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    /** The mode of every folder a cluster makes, as {@link #PRIVATE_FILE}. */
    static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIRECTORY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));

    /**
     * The mode of the folders made on the way to a private one: writable by this user only, whatever the umask (with
     * umask 002 they would be group-writable, and refused on the way to what is made in them).
     */
    static final FileAttribute<Set<PosixFilePermission>> PARENT_DIRECTORY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwxr-xr-x"));

    /** This process's effective ids, asked once, and whether its group is this user's alone. */
    private static final class Ids {
        static final int UID = id("geteuid");
        static final int GID = id("getegid");
        static final boolean PRIVATE_GROUP = isPrivateGroup(UID, GID);

        private static int id(String function) {
            try {
                return (int) Native.downcall(function, FunctionDescriptor.of(JAVA_INT)).invokeExact();
            } catch (Throwable t) {
                throw new IllegalStateException(function + " failed", t);
            }
        }

        /**
         * Whether group {@code gid} is the private group of user {@code uid}: named as the user, with no other member and
         * the primary group of no other user, as /etc/group and /etc/passwd say, when users and groups come from those
         * files only (a directory service could give the group members they do not list).
         */
        private static boolean isPrivateGroup(int uid, int gid) {
            try {
                if (!Files.readAllLines(Path.of("/etc/nsswitch.conf")).stream().map(String::strip)
                        .filter(line -> line.startsWith("passwd:") || line.startsWith("group:"))
                        .allMatch(line -> line.matches("\\w+:\\s*files(\\s+systemd)?\\s*"))) {
                    return false;
                }
                String user = null;
                for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                    String[] f = line.split(":", -1);
                    if (f.length >= 4 && f[2].equals(Integer.toString(uid))) {
                        user = f[0];
                    } else if (f.length >= 4 && f[3].equals(Integer.toString(gid))) {
                        return false; // another user's primary group too
                    }
                }
                for (String line : Files.readAllLines(Path.of("/etc/group"))) {
                    String[] f = line.split(":", -1);
                    if (f.length >= 4 && f[2].equals(Integer.toString(gid))) {
                        return f[0].equals(user) && (f[3].isEmpty() || f[3].equals(user));
                    }
                }
                return false;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }

    private OwnFiles() {
    }

    /** The effective uid of this process: the owner of the files it makes. */
    static int effectiveUid() {
        return Ids.UID;
    }

    /**
     * Whether a user other than this one may write what has {@code mode} and group {@code gid}: others may, or a group
     * may that is not this user's private group. Distributions give each user a group of their own, and umask 002 with
     * it: its group write lets no one else in (as Debian's OpenSSH judges such modes).
     */
    static boolean othersMayWrite(int mode, int gid) {
        return (mode & 0002) != 0 || (mode & 0020) != 0 && !(gid == Ids.GID && Ids.PRIVATE_GROUP);
    }

    /** Whether {@code path} itself (not what a link there points to) is a directory that this user owns. */
    static boolean isOwnDirectory(Path path) {
        try {
            return isOwn(path, "isDirectory");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether {@code path} itself (not what a link there points to) is a regular file that this user owns.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is there
     */
    static boolean isOwnRegularFile(Path path) throws IOException {
        return isOwn(path, "isRegularFile");
    }

    /** Whether {@code path} itself is of the {@code kind} ("isDirectory", "isRegularFile") and this user's. */
    private static boolean isOwn(Path path, String kind) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:uid," + kind, LinkOption.NOFOLLOW_LINKS);
        return (Boolean) a.get(kind) && (Integer) a.get("uid") == effectiveUid();
    }

    /**
     * The content of {@code file}, which must be a regular file (not a link to one) owned by this user and of at
     * most {@code maxBytes}. Opened without following a link and without blocking (a FIFO is refused, not
     * waited on), then checked on the open file, so that nothing can be swapped in between.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when it is not such a file, or cannot be read
     */
    static byte[] read(Path file, int maxBytes) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = Native.newCallState(arena);
            int fd = Native.open(callState, arena, file.toString(),
                    Native.O_RDONLY | Native.O_NOFOLLOW | Native.O_NONBLOCK | Native.O_NOCTTY | Native.O_CLOEXEC);
            if (fd < 0) {
                int errno = Native.errno(callState);
                if (errno == ENOENT) {
                    throw new NoSuchFileException(file.toString());
                }
                throw new FileSystemException(file.toString(), null,
                        errno == ELOOP ? "is a symbolic link: not followed" : "cannot be opened (errno " + errno + ")");
            }
            try {
                Native.FileStatus status = requireOwnRegular(fd, file, "read");
                if (status.size() > maxBytes) {
                    throw new FileSystemException(file.toString(), null, "is larger than " + maxBytes + " bytes: not read");
                }
                return readAll(fd, file, status.size(), arena, callState);
            } finally {
                Native.close(fd);
            }
        } catch (LinkageError e) { // the calls could not be made (native access refused)
            throw new IOException("reading " + file + " failed", e);
        }
    }

    /**
     * The status of the open {@code fd} of {@code file}, which must be a regular file this user owns (checked on the
     * descriptor: what was opened, whatever the name leads to now).
     *
     * @throws FileSystemException saying why it is not {@code used}
     */
    static Native.FileStatus requireOwnRegular(int fd, Path file, String used) throws IOException {
        Native.FileStatus status = Native.fstat(fd);
        if ((status.mode() & Native.S_IFMT) != Native.S_IFREG) {
            throw new FileSystemException(file.toString(), null, "is not a regular file: not " + used);
        }
        if (status.uid() != effectiveUid()) {
            throw new FileSystemException(file.toString(), null, "belongs to another user (uid " + status.uid() + "): not " + used);
        }
        return status;
    }

    /** Reads to the end, refusing a file that grew beyond the {@code size} fstat gave. */
    private static byte[] readAll(int fd, Path file, long size, Arena arena, MemorySegment callState) throws IOException {
        MemorySegment buffer = arena.allocate(size + 1);
        long total = 0;
        while (total <= size) {
            long n = Native.read(callState, fd, buffer.asSlice(total));
            if (n < 0) {
                if (Native.errno(callState) == EINTR) {
                    continue;
                }
                throw new FileSystemException(file.toString(), null, "read failed (errno " + Native.errno(callState) + ")");
            }
            if (n == 0) {
                return buffer.asSlice(0, total).toArray(JAVA_BYTE);
            }
            total += n;
        }
        throw new FileSystemException(file.toString(), null, "grew while being read: not read");
    }

    /**
     * Writes {@code content} to a new file {@code temp} ({@link #PRIVATE_FILE}), then renames it to {@code file}
     * atomically, so that a reader finds no file or all of it. When the write or the rename fails, the temp file made is
     * removed; what was at {@code temp} before (another user's file, a link) is neither opened nor removed.
     */
    static void writeAtomically(Path file, Path temp, byte[] content) throws IOException {
        // CREATE_NEW (O_CREAT | O_EXCL) fails on anything already there, a link included: what it opens, it made
        var channel = Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PRIVATE_FILE);
        try {
            try (var out = Channels.newOutputStream(channel)) {
                out.write(content);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable failure) {
            removeMadeTemp(temp, failure);
            throw failure;
        }
    }

    /**
     * Removes {@code temp}, made by {@link #writeAtomically} whose write or rename failed with {@code failure}, if it is
     * still a regular file of this user's (unlinked, never followed); what removing it fails on is added to {@code failure}.
     */
    private static void removeMadeTemp(Path temp, Throwable failure) {
        try {
            if (isOwnRegularFile(temp)) {
                Files.delete(temp);
            }
        } catch (NoSuchFileException gone) {
            // nothing left to remove
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Deletes {@code root} and everything below it that this user owns; a symbolic link is deleted itself, never
     * followed. Directories below the root are opened relative to their parent's open descriptor, refusing a link,
     * and every opened directory is checked to be the very one whose owner was checked, so that a directory swapped
     * meanwhile is not entered. Nothing happens when {@code root} does not exist.
     *
     * @throws IOException when {@code root} is not this user's, or something below it could not be deleted (what
     *         another user owns stays, so its directory cannot go)
     */
    static void removeTree(Path root) throws IOException {
        removeTree(root, null);
    }

    /**
     * As {@link #removeTree(Path)}, but only when {@code root} still names the folder whose file key is
     * {@code folderKey} (null: whatever it names): a folder moved away, or replaced by another, is left alone.
     */
    static void removeTree(Path root, Object folderKey) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = ownAttributes(root);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes == null) {
            throw new FileSystemException(root.toString(), null, "belongs to another user: not removed");
        }
        if (folderKey != null && !folderKey.equals(attributes.get("fileKey"))) {
            throw noLongerTheFolder(root);
        }
        if ((Boolean) attributes.get("isDirectory")) {
            try (SecureDirectoryStream<Path> directory = openChecked(root, attributes)) {
                removeEntries(directory);
            }
        }
        Files.delete(root);
    }

    /**
     * Deletes the entries {@code names} of {@code folder}, each as {@link #removeTree(Path)}, relative to the folder
     * opened once and checked to be the one whose file key is {@code folderKey}: when {@code folder} names another
     * folder now (the one meant was moved or replaced), nothing is deleted. Nothing happens when it does not exist.
     *
     * @throws IOException when {@code folder} is no longer that folder, or an entry could not be deleted (the others
     *         still are)
     */
    static void removeEntries(Path folder, Object folderKey, List<String> names) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = ownAttributes(folder);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes == null || !(Boolean) attributes.get("isDirectory") || !folderKey.equals(attributes.get("fileKey"))) {
            throw noLongerTheFolder(folder);
        }
        try (SecureDirectoryStream<Path> directory = openChecked(folder, attributes)) {
            IOException failure = null;
            for (String name : names) {
                try {
                    removeEntry(directory, folder.resolve(name));
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static FileSystemException noLongerTheFolder(Path folder) {
        return new FileSystemException(folder.toString(), null, "no longer names the folder it named (it was moved or"
                + " replaced): nothing in it was removed; what was made there is where that folder went");
    }

    /** {@code path}, a directory whose attributes are {@code checked}, opened and checked to be that very one. */
    private static SecureDirectoryStream<Path> openChecked(Path path, Map<String, Object> checked) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(path);
        try {
            if (!(stream instanceof SecureDirectoryStream<Path> directory)) {
                throw new FileSystemException(path.toString(), null, "no secure directory stream on this platform: not removed");
            }
            requireSame(directory, checked, path);
            return directory;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private static void removeEntries(SecureDirectoryStream<Path> directory) throws IOException {
        for (Path entry : directory) {
            removeEntry(directory, entry);
        }
    }

    /** Deletes {@code entry} of the open {@code directory}, and what is below it, as {@link #removeTree(Path)}. */
    private static void removeEntry(SecureDirectoryStream<Path> directory, Path entry) throws IOException {
        Path name = entry.getFileName();
        Map<String, Object> attributes;
        try {
            attributes = ownAttributes(entry);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes == null) {
            return; // another user's: left alone, and its directory with it
        }
        if ((Boolean) attributes.get("isDirectory")) {
            try (SecureDirectoryStream<Path> child = directory.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                requireSame(child, attributes, entry);
                removeEntries(child);
            }
            directory.deleteDirectory(name);
        } else {
            directory.deleteFile(name);
        }
    }

    /** The entry's own attributes (uid, isDirectory, fileKey), or null when another user owns it. */
    private static Map<String, Object> ownAttributes(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:uid,isDirectory,fileKey", LinkOption.NOFOLLOW_LINKS);
        return (Integer) a.get("uid") == effectiveUid() ? a : null;
    }

    private static void requireSame(SecureDirectoryStream<Path> opened, Map<String, Object> checked, Path path) throws IOException {
        Object openedKey = opened.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        if (!openedKey.equals(checked.get("fileKey"))) {
            throw new FileSystemException(path.toString(), null, "was replaced while being removed: left alone");
        }
    }
}
