// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.rsmworkbench.emulator.ClusterSpec;

/**
 * The files of a cluster: {@code cluster.properties} (the spec), the registry, the owner's lock
 * (held while the cluster runs), and the memory directory (under /dev/shm when there is one, so
 * segment memory is RAM and never written back to disk).
 * <p>
 * A cluster removes only what it made: its memory directory, and its directory whole when it made it, or else
 * only its own {@link #ENTRIES} in it. Leftovers of crashed clusters are cleaned only where this user owns
 * them; a path read from a cluster's files is followed only to that cluster's own memory directory, and
 * removal never follows a symbolic link (see {@link OwnFiles}). Every file and folder a cluster makes is the user's
 * alone from the start, whatever the umask and the mode of a directory the user gave.
 * <p>
 * A directory the caller names must be reached without another user's help (see {@link TrustedPaths}): its last
 * component is no symbolic link, and no other user can change the folders and links on the way; the cluster
 * removes what it made only while the path still names the folder it checked (its file key).
 */
public final class ClusterDirectory {
    /** Where memory directories go when there is a /dev/shm: "rsm-" + the cluster directory's name + "-" + a number. */
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    /** The memory directory inside the cluster directory when there is no /dev/shm. */
    private static final String PRIVATE_MEMORY = "memory";
    /** A file in the memory directory naming its cluster directory, to find leftovers of crashed runs. */
    private static final String CLUSTER_LINK = "cluster-directory";
    /** A path of at most PATH_MAX bytes. */
    private static final int MAX_CLUSTER_LINK_BYTES = 4096;
    /** The jar of the java agent of the cluster's recording node JVMs, made by the launch that starts them. */
    public static final String NODE_AGENT = "node-agent.jar";
    /**
     * Every entry a cluster makes in its directory: what it removes from a directory that existed before it
     * (a new entry must be added here).
     */
    private static final List<String> ENTRIES = List.of(SpecFile.NAME, SpecFile.TEMP_NAME, ClusterRuntime.REGISTRY,
            ClusterRuntime.OWNER_LOCK, ClusterRuntime.JVM_DIRECTORY, PRIVATE_MEMORY, NODE_AGENT);

    /** What is checked of a cluster's folder itself. */
    private static final String FOLDER_ATTRIBUTES = "unix:uid,gid,mode,isDirectory,isSymbolicLink,fileKey";

    private final Path path;
    private final ClusterSpec spec;
    private final Path memoryDirectory;
    private final boolean created;
    /** Whether the cluster made {@link #path} (and removes it whole), rather than being given one that existed. */
    private final boolean madeDirectory;
    /** The file key of the folder {@link #path} named when it was checked: nothing is removed from another. */
    private final Object folderKey;
    private LockFile ownerLock;

    private ClusterDirectory(Path path, ClusterSpec spec, Path memoryDirectory, boolean created, Folder folder) {
        this.path = path;
        this.spec = spec;
        this.memoryDirectory = memoryDirectory;
        this.created = created;
        this.madeDirectory = folder.made();
        this.folderKey = folder.key();
    }

    /** The folder a cluster uses: its file key, and whether the cluster made it. */
    private record Folder(Object key, boolean made) {
    }

    public Path path() {
        return path;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /**
     * Makes the files of a new cluster in {@code directory}, or in a new temp directory when null. A directory
     * that exists must be this user's, writable by no one else, and empty, or hold a cluster whose owner is gone
     * (what that cluster made is removed first); its mode is left as it is.
     */
    public static ClusterDirectory create(ClusterSpec spec, Path directory) throws IOException {
        Platform.require();
        Path path;
        Folder folder;
        if (directory == null) {
            removeAbandoned();
            path = Files.createTempDirectory("rsm-cluster-", OwnFiles.PRIVATE_DIRECTORY);
            folder = new Folder(ownAttributes(path).get("fileKey"), true);
        } else {
            path = directory.toAbsolutePath().normalize();
            folder = prepare(path);
        }
        Path memory = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                ? Files.createTempDirectory(SHARED_MEMORY, "rsm-" + path.getFileName() + "-", OwnFiles.PRIVATE_DIRECTORY)
                : Files.createDirectory(path.resolve(PRIVATE_MEMORY), OwnFiles.PRIVATE_DIRECTORY);
        // whole or absent, never half-written, to the clean-up of a start running meanwhile (see removeAbandoned)
        OwnFiles.writeAtomically(memory.resolve(CLUSTER_LINK), memory.resolve(CLUSTER_LINK + ".tmp"),
                path.toString().getBytes(StandardCharsets.UTF_8));
        ClusterDirectory result = new ClusterDirectory(path, spec, memory, true, folder);
        result.ownerLock = LockFile.acquire(path.resolve(ClusterRuntime.OWNER_LOCK));
        SpecFile.write(path, spec, memory, folder.made());
        return result;
    }

    /**
     * Readies a given directory for a new cluster: makes it (mode 0700) when absent, else checks it may be used and
     * cleans what a crashed cluster left in it. Either way, checks first that no other user can change where the path
     * leads.
     */
    private static Folder prepare(Path path) throws IOException {
        Map<String, Object> given = attributesIfExists(path);
        if (given != null && (Boolean) given.get("isSymbolicLink")) {
            throw new IOException(path + " is a symbolic link: a cluster needs the path of its directory itself (it makes"
                    + " and removes its files through that path, wherever the link leads by then); give the directory"
                    + " the link leads to, or a new one");
        }
        Path parent = path.getParent();
        if (parent == null) {
            throw new IOException("the root folder cannot be a cluster directory: give a folder for the cluster");
        }
        TrustedPaths.requireTrusted(parent);
        if (given != null && (Boolean) given.get("isDirectory")) {
            requireOnlyUserWrites(path, given);
            Folder existing = new Folder(given.get("fileKey"), false);
            if (!Files.exists(path.resolve(SpecFile.NAME), LinkOption.NOFOLLOW_LINKS)) {
                requireEmpty(path);
                return existing;
            }
            if (isOwnerAlive(path)) {
                throw new IOException(path + " holds a running cluster: stop it first, or use another directory");
            }
            // left by a crashed run: never reused in its broken state
            if (!removeCluster(path, existing.key())) {
                return existing; // a directory that existed before that cluster: only its entries went
            }
        }
        Files.createDirectories(parent, OwnFiles.PARENT_DIRECTORY);
        TrustedPaths.requireTrusted(parent); // the folders made, or found made by someone else meanwhile
        try {
            Files.createDirectory(path, OwnFiles.PRIVATE_DIRECTORY);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(path + " exists and is not a directory", e);
        }
        Files.setPosixFilePermissions(path, OwnFiles.PRIVATE_DIRECTORY.value()); // whatever the umask
        return new Folder(ownAttributes(path).get("fileKey"), true);
    }

    /** The attributes of {@code path} itself, not of what a link there leads to; null when there is none. */
    private static Map<String, Object> attributesIfExists(Path path) throws IOException {
        try {
            return Files.readAttributes(path, FOLDER_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The attributes of the folder {@code path} itself, which must be this user's and writable by no one else. */
    private static Map<String, Object> ownAttributes(Path path) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(path, FOLDER_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        if (!(Boolean) attributes.get("isDirectory")) {
            throw new IOException(path + " is not a directory");
        }
        requireOnlyUserWrites(path, attributes);
        return attributes;
    }

    /** Other users must not be able to plant files among the cluster's (it neither changes the mode nor the owner). */
    private static void requireOnlyUserWrites(Path path, Map<String, Object> a) throws IOException {
        if ((Integer) a.get("uid") != OwnFiles.effectiveUid()) {
            throw new IOException(path + " belongs to another user: a cluster needs a directory of yours, or a new one");
        }
        if (OwnFiles.othersMayWrite((Integer) a.get("mode"), (Integer) a.get("gid"))) {
            throw new IOException(path + " is writable by other users (mode " + Integer.toOctalString((Integer) a.get("mode") & 0777)
                    + "): a cluster needs a directory only you can write (chmod go-w), or a new one");
        }
    }

    private static void requireEmpty(Path path) throws IOException {
        try (var entries = Files.list(path)) {
            if (entries.findAny().isPresent()) {
                throw new IOException(path + " is not empty: a cluster needs an empty directory, or a new one (it removes"
                        + " the files it makes when it stops, and only those)");
            }
        }
    }

    /** The files of a running cluster. */
    public static ClusterDirectory open(Path directory) throws IOException {
        Platform.require();
        Path path = directory.toAbsolutePath().normalize();
        // the user's own links may lead to it (none another user could re-point)
        Path real = TrustedPaths.requireTrusted(path);
        Object key = real == null ? null : ownAttributes(real).get("fileKey");
        SpecFile.Stored stored = SpecFile.read(path);
        if (!isOwnerAlive(path)) {
            throw new IOException("the cluster in " + path + " is not running (its owner process is gone): start a new one");
        }
        return new ClusterDirectory(path, stored.spec(), stored.memoryDirectory(), false, new Folder(key, false));
    }

    /**
     * Whether {@code memory} is named as a memory directory of a cluster in {@code directory}: its private one, or
     * one directly under /dev/shm named "rsm-...".
     */
    static boolean isMemoryDirectoryName(Path directory, Path memory) {
        if (memory.equals(directory.resolve(PRIVATE_MEMORY))) {
            return true;
        }
        return SHARED_MEMORY.equals(memory.getParent()) && memory.getFileName().toString().startsWith("rsm-");
    }

    /** Whether {@code memory} is named as the shared memory directory that a cluster in {@code directory} makes. */
    private static boolean isSharedMemoryOf(Path directory, Path memory) {
        String prefix = "rsm-" + directory.getFileName() + "-";
        String name = memory.getFileName().toString();
        return SHARED_MEMORY.equals(memory.getParent()) && name.startsWith(prefix) && name.indexOf('-', prefix.length()) < 0;
    }

    /**
     * Removes what crashed owners of this user left: cluster directories under the temp dir whose owner is gone,
     * and shared-memory directories whose cluster is gone (they hold segment memory in RAM). What another user
     * made there is neither read nor removed.
     */
    private static void removeAbandoned() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var clusters = Files.newDirectoryStream(temp, "rsm-cluster-*")) {
            for (Path cluster : clusters) {
                // a cluster under construction has no spec file until its owner holds the lock
                if (OwnFiles.isOwnDirectory(cluster) && Files.exists(cluster.resolve(SpecFile.NAME), LinkOption.NOFOLLOW_LINKS)
                        && !isOwnerAlive(cluster)) {
                    tryRemove(cluster, () -> removeCluster(cluster, ownAttributes(cluster).get("fileKey")));
                }
            }
        } catch (IOException e) {
            // nothing to clean, or not allowed to: leave it
        }
        if (!Files.isDirectory(SHARED_MEMORY)) {
            return;
        }
        try (var memories = Files.newDirectoryStream(SHARED_MEMORY, "rsm-rsm-cluster-*")) {
            for (Path memory : memories) {
                if (!OwnFiles.isOwnDirectory(memory)) {
                    continue;
                }
                // a cluster directory without its spec yet may be one being created right now: leave it
                Path cluster = clusterOf(memory, temp);
                if (cluster != null && !Files.exists(cluster, LinkOption.NOFOLLOW_LINKS)) {
                    tryRemove(memory, () -> OwnFiles.removeTree(memory));
                }
            }
        } catch (IOException e) {
            // as above
        }
    }

    private interface Removal {
        void run() throws IOException;
    }

    /** What cannot be removed is reported, and does not keep the rest from going. */
    private static void tryRemove(Path what, Removal removal) {
        try {
            removal.run();
        } catch (IOException e) {
            System.err.println("RSM emulator: could not remove all of " + what + ": " + e.getMessage());
        }
    }

    /**
     * The cluster directory of a shared memory directory: the one its {@link #CLUSTER_LINK} names when that is
     * readable and names a directory of the same name, else the one of that name under the temp dir; null when
     * there is no link yet (the cluster is being made right now, its directory maybe elsewhere than the temp dir).
     */
    private static Path clusterOf(Path memory, Path temp) {
        String name = memory.getFileName().toString();
        String clusterName = name.substring("rsm-".length(), name.lastIndexOf('-'));
        try {
            Path recorded = Path.of(new String(OwnFiles.read(memory.resolve(CLUSTER_LINK), MAX_CLUSTER_LINK_BYTES),
                    StandardCharsets.UTF_8));
            if (recorded.isAbsolute() && recorded.getFileName() != null && recorded.getFileName().toString().equals(clusterName)) {
                return recorded;
            }
        } catch (NoSuchFileException e) {
            return null; // written whole or not at all (after a crash before it, the folder, with no memory in it, stays)
        } catch (IOException | InvalidPathException e) {
            // not written by a cluster
        }
        return temp.resolve(clusterName);
    }

    private static boolean isOwnerAlive(Path path) {
        return ClusterRuntime.isOwnerAlive(path);
    }

    public ClusterRuntime attach() throws IOException {
        return ClusterRuntime.attach(path, spec, memoryDirectory, created);
    }

    public void detach(ClusterRuntime runtime) {
        runtime.detach();
    }

    /** Stops the cluster (node JVMs exit), detaches and removes every file it made, even when a step before fails. */
    public void stop(ClusterRuntime runtime) {
        try {
            runtime.stop();
        } finally {
            try {
                runtime.detach();
            } finally {
                remove();
            }
        }
    }

    /**
     * Removes the cluster's memory directory and what it made in its directory (the directory too if it made it); the
     * latter only while the path still names the folder the cluster checked (else it says so on stderr).
     */
    public void remove() {
        if (ownerLock != null) {
            tryRemove(path, ownerLock::close);
        }
        if (!memoryDirectory.startsWith(path)) { // in its directory, it is among what the cluster made there
            tryRemove(memoryDirectory, () -> OwnFiles.removeTree(memoryDirectory));
        }
        tryRemove(path, () -> removeMade(path, folderKey, madeDirectory));
    }

    /**
     * Removes what a cluster whose owner is gone made: its memory directory when its spec names one it could have
     * made, and its directory whole when the spec says it made it, else only its {@link #ENTRIES} (a damaged spec
     * included). Returns whether the directory itself went.
     */
    private static boolean removeCluster(Path path, Object folderKey) throws IOException {
        SpecFile.Footprint footprint;
        try {
            footprint = SpecFile.footprint(path);
        } catch (IOException e) {
            footprint = null; // damaged, or not this user's own file: the memory directory is not known
        }
        if (footprint != null && isSharedMemoryOf(path, footprint.memoryDirectory())) {
            OwnFiles.removeTree(footprint.memoryDirectory());
        }
        boolean whole = footprint != null && footprint.madeDirectory();
        removeMade(path, folderKey, whole);
        return whole;
    }

    /** Removes the folder {@code path} whole, or its {@link #ENTRIES}, if it still is the one whose key is {@code folderKey}. */
    private static void removeMade(Path path, Object folderKey, boolean madeDirectory) throws IOException {
        if (madeDirectory) {
            OwnFiles.removeTree(path, folderKey);
        } else {
            OwnFiles.removeEntries(path, folderKey, ENTRIES);
        }
    }
}
