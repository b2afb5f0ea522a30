// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rsmworkbench.emulator.internal.RegularFiles;

/**
 * An ahead-of-time cache (JDK 25, JEP 483 and 514) of the classes, lambdas and method handles a node
 * JVM loads and links to join a cluster and use RSMAPI: with it 8 node JVMs join a cluster in less than half the
 * time (benchmark LaunchStartup).
 * <p>
 * One cache per JDK, RSMAPI/emulator jars and {@link Kind}, in the user's cache directory, made by a training run
 * ({@link StartupTraining}) in the background the first time it is asked for; until it is ready node JVMs
 * start without it. The {@value #KEPT_CACHES} most recently used caches of each kind are kept. The JDK uses a cache only with a class path that begins with the training run's, so
 * the runtime jars come first on a node's class path. There is none when a runtime entry is a folder
 * (a bundle run from its project), and the system property {@code rsm.startupCache=false} turns it off.
 * <p>
 * A cache is code the node JVMs run: it is used, and made, only in a folder that this user owns and nobody else may
 * write to (the folder it makes has mode 0700, its caches 0600); otherwise node JVMs start without one, and this is said
 * once on stderr.
 */
public final class NodeStartupCache {
    /** Set to {@code false} to start node JVMs without a start-up cache. */
    public static final String ENABLED_PROPERTY = "rsm.startupCache";
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(2);
    /** Caches kept: each rebuild of the runtime jars or JDK update makes a new one (about 15 MB). */
    static final int KEPT_CACHES = 4;
    /** Caches being made by this JVM, and those whose training failed (not retried in this JVM). */
    private static final Set<Path> UNAVAILABLE = ConcurrentHashMap.newKeySet();
    private static final Set<Thread> TRAININGS = ConcurrentHashMap.newKeySet();
    /** Cache folders refused in this JVM: said once each. */
    private static final Set<Path> REFUSED = ConcurrentHashMap.newKeySet();
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIRECTORY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * What node JVMs a cache serves. The JDK takes a cache only from a JVM whose module options are the training run's,
     * and a java agent adds a module ({@code java.instrument}): node JVMs with the node agent (those that detect races or
     * record call sites) need a cache of their own, trained with the agent.
     */
    public enum Kind {
        /** Node JVMs without an agent. */
        PLAIN("node-"),
        /** Node JVMs with the node agent: those that detect races ({@link NodeCommandBuilder#raceAgent}) or record call sites. */
        AGENT("node-agent-");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** Whether {@code name} is the file name of a cache of this kind. */
        boolean names(String name) {
            return name.startsWith(prefix) && name.substring(prefix.length()).matches("[0-9a-f]+\\.aot");
        }
    }

    private final Path directory;

    /** A cache kept in {@code directory}. */
    public NodeStartupCache(Path directory) {
        this.directory = directory;
    }

    /** The cache in {@code $XDG_CACHE_HOME/rsm-workbench} (by default {@code ~/.cache/rsm-workbench}). */
    public static NodeStartupCache inUserCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new NodeStartupCache(base.resolve("rsm-workbench"));
    }

    /** Whether node JVMs may use a start-up cache: not when {@value #ENABLED_PROPERTY} is {@code false}. */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY));
    }

    /**
     * The cache file for node JVMs run by {@code java} with these runtime entries first on their class
     * path, whether it exists yet or not; empty when no cache can serve them (an entry is a folder).
     */
    public Optional<Path> file(Path java, List<Path> runtime) {
        return file(java, runtime, Kind.PLAIN);
    }

    /**
     * The cache file of {@code kind} for node JVMs run by {@code java} with these runtime entries first on their class
     * path, whether it exists yet or not; empty when no cache can serve them (an entry is a folder). Its name changes
     * with the JDK's build and each runtime jar's size and time, so a cache of other jars is never used.
     */
    public Optional<Path> file(Path java, List<Path> runtime, Kind kind) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path javaFile = java.toRealPath();
            // the JDK's class library file tells one JDK build from another
            Path modules = javaFile.getParent().getParent().resolve("lib").resolve("modules");
            update(digest, javaFile, modules);
            for (Path entry : runtime) {
                if (!Files.isRegularFile(entry)) {
                    return Optional.empty();
                }
                update(digest, entry.toRealPath(), entry);
            }
            String key = HexFormat.of().formatHex(digest.digest(), 0, 12);
            return Optional.of(directory.resolve(kind.prefix + key + ".aot"));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, Path name, Path file) throws IOException {
        digest.update(name.toString().getBytes(StandardCharsets.UTF_8));
        if (Files.exists(file)) {
            digest.update((Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The JVM options that make a node JVM use the cache, when it is ready; otherwise none, and the
     * training run that makes it starts in the background (once per JVM). The JDK's own messages about
     * the cache are turned off: a cache it cannot use must not litter the node's console.
     */
    public List<String> jvmOptions(Path java, List<Path> runtime) {
        return jvmOptions(java, runtime, Kind.PLAIN);
    }

    /** {@link #jvmOptions(Path, List)} for node JVMs of {@code kind}. */
    public List<String> jvmOptions(Path java, List<Path> runtime, Kind kind) {
        if (!enabled()) {
            return List.of();
        }
        Optional<Path> file = file(java, runtime, kind);
        if (file.isEmpty()) {
            return List.of();
        }
        try {
            requireOwn(file.get());
        } catch (IOException e) {
            if (REFUSED.add(file.get().getParent())) {
                System.err.println("The node start-up cache is not used: " + e.getMessage());
            }
            return List.of();
        }
        if (Files.isRegularFile(file.get())) {
            markUsed(file.get());
            return List.of("-Xlog:aot*=off", option(file.get()));
        }
        if (UNAVAILABLE.add(file.get())) {
            TRAININGS.add(Thread.ofPlatform().daemon().name("rsm-node-startup-cache").start(() -> {
                try {
                    train(java, runtime, kind, file.get());
                    UNAVAILABLE.remove(file.get());
                } catch (IOException e) {
                    // stays unavailable: node JVMs start without a cache, as before
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    TRAININGS.remove(Thread.currentThread());
                }
            }));
        }
        return List.of();
    }

    /**
     * Waits until the training runs this JVM started have ended (a command-line launcher calls this
     * before it exits, or the cache would never be moved into place).
     *
     * @return whether none is left running
     */
    public static boolean awaitTrainings(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread training : List.copyOf(TRAININGS)) {
            if (!training.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** Whether this JVM is making a cache right now. */
    public static boolean training() {
        return !TRAININGS.isEmpty();
    }

    /** Makes the cache now, unless it exists; returns its file. */
    public Path create(Path java, List<Path> runtime) throws IOException, InterruptedException {
        return create(java, runtime, Kind.PLAIN);
    }

    /** Makes the cache of {@code kind} now, unless it exists; returns its file. */
    public Path create(Path java, List<Path> runtime, Kind kind) throws IOException, InterruptedException {
        Path file = file(java, runtime, kind).orElseThrow(() -> new IOException(
                "no start-up cache for a class path with folders: " + runtime));
        requireOwn(file);
        if (!Files.isRegularFile(file)) {
            train(java, runtime, kind, file);
        }
        return file;
    }

    /**
     * Checks that the cache's folder and the cache, where they exist, are this user's and that nobody else may write to
     * them: another user could else give node JVMs code to run.
     */
    private static void requireOwn(Path file) throws IOException {
        for (Path path : List.of(file.getParent(), file)) {
            try {
                RegularFiles.requireOwn(path);
            } catch (NoSuchFileException e) {
                return; // training makes it, private
            }
        }
    }

    static String option(Path file) {
        return "-XX:AOTCache=" + file;
    }

    /** A use counts as a change: the least recently used caches are the ones removed. */
    private static void markUsed(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // a read-only cache directory: the cache still serves
        }
    }

    /** Keeps the {@value #KEPT_CACHES} most recently used caches of {@code kind} in the directory. */
    private static void removeLeastRecentlyUsed(Path directory, Kind kind) throws IOException {
        List<Path> caches;
        try (Stream<Path> files = Files.list(directory)) {
            caches = files.filter(f -> kind.names(f.getFileName().toString())).collect(Collectors.toList());
        }
        caches.sort(Comparator.comparing(NodeStartupCache::lastUse).reversed());
        for (Path old : caches.subList(Math.min(KEPT_CACHES, caches.size()), caches.size())) {
            Files.deleteIfExists(old); // a node JVM that mapped it keeps its mapping
        }
    }

    private static FileTime lastUse(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Runs {@link StartupTraining} with {@code -XX:AOTCacheOutput}, then moves its cache into place: under a name of
     * its own until it is whole, so that node JVMs (of this launcher or another one training at the same time) see no
     * cache or a whole one; when two train at once, the last to finish replaces the other's equal cache.
     */
    private static void train(Path java, List<Path> runtime, Kind kind, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent(), PRIVATE_DIRECTORY);
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        Path log = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".log");
        try {
            Files.delete(partial); // the JVM writes it at exit
            // no method profiles in the cache: replayed, they make the JIT compile early and a joining node pay for it
            StartupTraining.run(java, runtime, kind == Kind.AGENT, List.of("-XX:+UnlockDiagnosticVMOptions",
                    "-XX:-AOTRecordTraining", "-XX:AOTCacheOutput=" + partial), log, TRAINING_TIMEOUT);
            if (!Files.isRegularFile(partial)) {
                throw new IOException("the start-up cache training run wrote no cache: " + StartupTraining.output(log));
            }
            Files.setPosixFilePermissions(partial, PRIVATE_FILE); // the JVM gave it the umask's mode
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            removeLeastRecentlyUsed(file.getParent(), kind);
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(log);
        }
    }
}
