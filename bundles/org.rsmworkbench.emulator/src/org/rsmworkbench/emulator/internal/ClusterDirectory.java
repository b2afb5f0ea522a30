package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.rsmworkbench.emulator.ClusterSpec;

/**
 * The files of a cluster: {@code cluster.properties} (the spec), the registry, the owner's lock
 * (held while the cluster runs), and the memory directory (under /dev/shm when there is one, so
 * segment memory is RAM and never written back to disk).
 */
public final class ClusterDirectory {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    /** A file in the memory directory naming its cluster directory, to find leftovers of crashed runs. */
    private static final String CLUSTER_LINK = "cluster-directory";

    private final Path path;
    private final ClusterSpec spec;
    private final Path memoryDirectory;
    private final boolean created;
    private LockFile ownerLock;

    private ClusterDirectory(Path path, ClusterSpec spec, Path memoryDirectory, boolean created) {
        this.path = path;
        this.spec = spec;
        this.memoryDirectory = memoryDirectory;
        this.created = created;
    }

    public Path path() {
        return path;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** Makes the files of a new cluster in {@code directory}, or in a new temp directory when null. */
    public static ClusterDirectory create(ClusterSpec spec, Path directory) throws IOException {
        Path path;
        if (directory == null) {
            removeAbandoned();
            path = Files.createTempDirectory("rsm-cluster-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            path = directory.toAbsolutePath().normalize();
            if (Files.exists(path.resolve(SpecFile.NAME))) {
                if (isOwnerAlive(path)) {
                    throw new IOException(path + " holds a running cluster: stop it first, or use another directory");
                }
                // left by a crashed run: never reused in its broken state
                removeCluster(path);
            }
            try {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                throw new IOException(path + " exists and is not a directory", e);
            }
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        }
        Path memory = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                ? Files.createTempDirectory(SHARED_MEMORY, "rsm-" + path.getFileName() + "-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createDirectories(path.resolve("memory"));
        Files.writeString(memory.resolve(CLUSTER_LINK), path.toString());
        ClusterDirectory result = new ClusterDirectory(path, spec, memory, true);
        result.ownerLock = LockFile.acquire(path.resolve(ClusterRuntime.OWNER_LOCK));
        SpecFile.write(path, spec, memory);
        restrictFiles(path);
        return result;
    }

    /** The files of a running cluster. */
    public static ClusterDirectory open(Path directory) throws IOException {
        Path path = directory.toAbsolutePath().normalize();
        SpecFile.Stored stored = SpecFile.read(path);
        if (!isOwnerAlive(path)) {
            throw new IOException("the cluster in " + path + " is not running (its owner process is gone): start a new one");
        }
        return new ClusterDirectory(path, stored.spec(), stored.memoryDirectory(), false);
    }

    /**
     * Removes what crashed owners left: cluster directories under the temp dir whose owner is gone,
     * and shared-memory directories whose cluster is gone (they hold segment memory in RAM).
     */
    private static void removeAbandoned() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var clusters = Files.newDirectoryStream(temp, "rsm-cluster-*")) {
            for (Path cluster : clusters) {
                // a cluster under construction has no spec file until its owner holds the lock
                if (Files.exists(cluster.resolve(SpecFile.NAME)) && !isOwnerAlive(cluster)) {
                    removeCluster(cluster);
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
                String name = memory.getFileName().toString();
                Path cluster = Files.exists(memory.resolve(CLUSTER_LINK))
                        ? Path.of(Files.readString(memory.resolve(CLUSTER_LINK)))
                        : temp.resolve(name.substring("rsm-".length(), name.lastIndexOf('-')));
                // a cluster directory without its spec yet may be one being created right now: leave it
                if (!Files.exists(cluster)) {
                    removeTree(memory);
                }
            }
        } catch (IOException e) {
            // as above
        }
    }

    private static boolean isOwnerAlive(Path path) {
        return ClusterRuntime.isOwnerAlive(path);
    }

    private static void restrictFiles(Path path) throws IOException {
        try (var files = Files.list(path)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
                }
            }
        }
    }

    public ClusterRuntime attach() throws IOException {
        ClusterRuntime runtime = ClusterRuntime.attach(path, spec, memoryDirectory, created);
        if (created) {
            restrictFiles(path);
        }
        return runtime;
    }

    public void detach(ClusterRuntime runtime) {
        runtime.detach();
    }

    /** Stops the cluster (node JVMs exit), detaches and removes every file. */
    public void stop(ClusterRuntime runtime) {
        runtime.stop();
        runtime.detach();
        remove();
    }

    /** Removes the cluster's files and memory directory. */
    public void remove() {
        try {
            if (ownerLock != null) {
                ownerLock.close();
            }
            removeTree(memoryDirectory);
            removeTree(path);
        } catch (IOException e) {
            System.err.println("RSM emulator: could not remove all of " + path + ": " + e.getMessage());
        }
    }

    private static void removeCluster(Path path) throws IOException {
        try {
            removeTree(SpecFile.memoryDirectory(path));
        } catch (IOException e) {
            // a damaged spec file: the directory goes anyway
        }
        removeTree(path);
    }

    private static void removeTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
