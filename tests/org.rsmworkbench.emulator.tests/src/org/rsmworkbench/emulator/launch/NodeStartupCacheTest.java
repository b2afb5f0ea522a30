// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * The node start-up cache: made by a real training run from the runtime as jars, used by node JVMs whose
 * class path begins with those jars, left out where the JDK could not use it.
 */
@Timeout(180)
class NodeStartupCacheTest {
    private static final Path JAVA = NodeCommandBuilder.currentJava();
    @TempDir
    static Path temp;
    private static List<Path> runtimeJars;
    private static String enabledBefore;

    /** The OSGi test runtime turns the cache off for every launch (-Drsm.startupCache=false): these tests are about it. */
    @BeforeAll
    static void enableTheCache() {
        enabledBefore = System.clearProperty(NodeStartupCache.ENABLED_PROPERTY);
    }

    @AfterAll
    static void restoreTheSetting() {
        if (enabledBefore != null) {
            System.setProperty(NodeStartupCache.ENABLED_PROPERTY, enabledBefore);
        }
    }

    /** The tests run from class folders (some may be jars); a cache needs jars, as a product or rsm-launch has. */
    @BeforeAll
    static void packRuntimeAsJars() throws IOException {
        runtimeJars = new ArrayList<>();
        int index = 0;
        for (Path folder : ClassPathEntries.runtime()) {
            Path jar = temp.resolve("runtime-" + index++ + ".jar");
            if (Files.isRegularFile(folder)) {
                Files.copy(folder, jar); // a jar already (a bundle the build packaged before these tests)
                runtimeJars.add(jar);
                continue;
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            runtimeJars.add(jar);
        }
    }

    private static LaunchPlan.Builder planBuilder() {
        return LaunchPlan.builder(ClusterSpec.fullyConnected(2)).classPath(List.of(ClassPathEntries.of(TestNodeProgram.class)))
                .mainClass(TestNodeProgram.class.getName()).arguments(List.of("exit", "0"));
    }

    /** Runs the node JVM of node 1 that {@code command} starts, to its end: its output, once it ended well. */
    private static String runNode1(List<String> command) throws IOException, InterruptedException {
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes());
        assertTrue(node.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("node 1 "), output);
        return output;
    }

    @Test
    void aNodeJvmJoinsWithTheCacheMadeByTheTrainingRunAndItsProgramFolderAfterTheJars(@TempDir Path cacheDirectory)
            throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        // caches of earlier jars or JDKs, the oldest first; a user's file in the folder is not a cache
        List<Path> earlier = new ArrayList<>();
        for (int i = 0; i < NodeStartupCache.KEPT_CACHES; i++) {
            Path old = Files.write(cacheDirectory.resolve("node-00" + i + ".aot"), new byte[] {1});
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
            earlier.add(old);
        }
        Path notACache = Files.writeString(cacheDirectory.resolve("notes.txt"), "mine");
        Path file = cache.create(JAVA, runtimeJars);
        assertTrue(Files.size(file) > 0, "the training run wrote a cache");
        List<Path> expected = new ArrayList<>(earlier.subList(1, earlier.size()));
        expected.addAll(List.of(file, notACache));
        try (Stream<Path> left = Files.list(cacheDirectory)) {
            assertEquals(expected.stream().sorted().toList(), left.sorted().toList(),
                    "the least recently used cache went; no partial file or log is left behind");
        }

        LaunchPlan plan = planBuilder().build();
        try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
            List<String> command = new NodeCommandBuilder(plan).runtimeClassPath(runtimeJars).startupCache(cache)
                    .command(cluster, plan.node(1));
            assertTrue(command.contains("-XX:AOTCache=" + file), command.toString());
            // the class loading log names where each class came from: the cache is the "shared objects file"
            command.add(1, "-Xlog:class+load=info");
            String output = runNode1(command);
            assertTrue(output.contains("org.rsmworkbench.emulator.internal.ClusterRuntime source: shared objects file"),
                    "the node's runtime classes come from the cache");
            // the JDK loads every class of a cache at start: what only a cluster's owner needs must not be in it
            assertFalse(output.contains("org.rsmworkbench.emulator.EmulatedCluster source:"),
                    "the training JVM was a plain node, not the cluster's owner");
        }
    }

    @Test
    void theFirstAskStartsTrainingInTheBackgroundAndLaterLaunchesUseTheCache(@TempDir Path cacheDirectory) throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        assertTrue(cache.jvmOptions(JAVA, runtimeJars).isEmpty(), "not ready at first: node JVMs start without it");
        assertTrue(NodeStartupCache.awaitTrainings(Duration.ofMinutes(2)));
        Path file = cache.file(JAVA, runtimeJars).orElseThrow();
        assertTrue(Files.isRegularFile(file));
        assertEquals(List.of("-Xlog:aot*=off", "-XX:AOTCache=" + file), cache.jvmOptions(JAVA, runtimeJars));
    }

    /** A cache is code node JVMs run: one another user could have written or swapped is not used. */
    @Test
    void aCacheThatOthersMayChangeIsNotUsed(@TempDir Path parent) throws Exception {
        Path cacheDirectory = Files.createDirectory(parent.resolve("shared"));
        Files.setPosixFilePermissions(cacheDirectory, PosixFilePermissions.fromString("rwxr-xrwx"));
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        Path planted = Files.write(cache.file(JAVA, runtimeJars).orElseThrow(), new byte[] {1});
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rw-------"));
        assertEquals(List.of(), cache.jvmOptions(JAVA, runtimeJars), "not from a folder others can write");
        IOException refused = assertThrows(IOException.class, () -> cache.create(JAVA, runtimeJars));
        assertTrue(refused.getMessage().contains(cacheDirectory + " can be changed by other users (mode 0757)"), refused.getMessage());

        Files.setPosixFilePermissions(cacheDirectory, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rw-r--rw-"));
        assertEquals(List.of(), cache.jvmOptions(JAVA, runtimeJars), "not a cache others can write");

        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rw-------"));
        assertEquals(List.of("-Xlog:aot*=off", "-XX:AOTCache=" + planted), cache.jvmOptions(JAVA, runtimeJars),
                "this user's private cache in this user's private folder serves");
    }

    @Test
    void aTrainingRunThatTimesOutIsKilledAndWritesNothingLater(@TempDir Path directory) throws Exception {
        Path cache = directory.resolve("late.aot");
        String output = "-XX:AOTCacheOutput=" + cache;
        IOException timeout = assertThrows(IOException.class, () -> StartupTraining.run(JAVA, runtimeJars, false,
                List.of(output), directory.resolve("training.log"), Duration.ZERO));
        assertTrue(timeout.getMessage().contains("did not end within 0 s"), timeout.getMessage());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments().stream().flatMap(Stream::of)
                .anyMatch(output::equals)), "no training JVM is left running");
        Thread.sleep(2000);
        assertFalse(Files.exists(cache), "nothing writes the cache after the run was given up");
    }

    @Test
    void noCacheServesAClassPathWithFoldersAndNoneIsMadeForIt(@TempDir Path cacheDirectory) throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        // the emulator's classes in a folder, as when its project is run from an IDE (this build may have packed jars)
        List<Path> folders = List.of(runtimeJars.get(0), Files.createDirectories(temp.resolve("emulator-classes")));
        assertTrue(cache.file(JAVA, folders).isEmpty());
        assertTrue(cache.jvmOptions(JAVA, folders).isEmpty());
        assertFalse(NodeStartupCache.training());
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void otherJarsOrARebuiltJarGetAnotherCacheFile(@TempDir Path cacheDirectory) throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        Path file = cache.file(JAVA, runtimeJars).orElseThrow();
        Path otherJar = temp.resolve("other.jar");
        Files.copy(runtimeJars.get(0), otherJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertFalse(file.equals(cache.file(JAVA, List.of(otherJar, runtimeJars.get(1))).orElseThrow()));
        try (OutputStream out = Files.newOutputStream(otherJar, java.nio.file.StandardOpenOption.APPEND)) {
            out.write(0); // the same jar path with other contents (a rebuilt bundle)
        }
        Path before = cache.file(JAVA, List.of(otherJar, runtimeJars.get(1))).orElseThrow();
        Files.setLastModifiedTime(otherJar, java.nio.file.attribute.FileTime.fromMillis(0));
        assertFalse(before.equals(cache.file(JAVA, List.of(otherJar, runtimeJars.get(1))).orElseThrow()));
    }

    @Test
    void nodesWithAnAgentTheirOwnSharingOptionsOrModuleOptionsStartWithoutTheCache(@TempDir Path cacheDirectory) throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        Path file = cache.file(JAVA, runtimeJars).orElseThrow();
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1}); // present: only the node's own options decide
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=0", "-javaagent:a.jar",
                "-Xshare:off", "-XX:SharedArchiveFile=app.jsa", "-XX:AOTCache=mine.aot", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-modules=jdk.incubator.vector")) {
            LaunchPlan plan = planBuilder().jvmArguments(1, List.of(option)).build();
            try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
                List<String> command = new NodeCommandBuilder(plan).runtimeClassPath(runtimeJars).startupCache(cache)
                        .command(cluster, plan.node(1));
                assertFalse(command.contains("-XX:AOTCache=" + file), option + ": " + command);
                assertTrue(command.contains(option));
            }
        }
    }

    @Test
    void aNodeJvmThatDetectsRacesJoinsWithTheRaceCacheTrainedWithTheAgent(@TempDir Path cacheDirectory) throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        Path plain = cache.file(JAVA, runtimeJars).orElseThrow();
        Path file = cache.create(JAVA, runtimeJars, NodeStartupCache.Kind.AGENT);
        assertFalse(file.equals(plain), "a cache of its own");
        assertTrue(Files.size(file) > 0, "the training run with the agent wrote a cache");
        try (Stream<Path> left = Files.list(cacheDirectory)) {
            assertEquals(List.of(file), left.toList(), "no agent jar, recording, partial file or log is left behind");
        }

        LaunchPlan plan = planBuilder().build();
        Path agent = temp.resolve("race-agent-" + System.nanoTime() + ".jar");
        org.rsmworkbench.emulator.race.internal.NodeAgent.writeJar(agent);
        try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
            List<String> command = new NodeCommandBuilder(plan).runtimeClassPath(runtimeJars).startupCache(cache)
                    .raceAgent(agent).recording(RaceRun.recordingSettings(null, cacheDirectory.resolve("recording")))
                    .command(cluster, plan.node(1));
            assertTrue(command.contains("-XX:AOTCache=" + file), command.toString());
            command.add(1, "-Xlog:class+load=info");
            String output = runNode1(command);
            assertTrue(output.contains("org.rsmworkbench.emulator.race.internal.RaceHooks source: shared objects file"),
                    "the agent's classes come from the cache");
            assertTrue(output.contains("java.lang.classfile.ClassFile source: shared objects file"),
                    "so do those of the JDK that rewrite the program's classes (the training rewrote one)");
            assertTrue(output.contains("org.rsmworkbench.emulator.race.internal.AccessInstrumenter source: shared objects file"),
                    "the agent ran, with its class from the cache");
        }
    }

    @Test
    void aNodeJvmThatDetectsRacesUsesNeitherThePlainCacheNorARaceCacheOfOtherJars(@TempDir Path cacheDirectory)
            throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        Path plain = cache.file(JAVA, runtimeJars).orElseThrow();
        Path races = cache.file(JAVA, runtimeJars, NodeStartupCache.Kind.AGENT).orElseThrow();
        Files.createDirectories(cacheDirectory);
        Files.write(plain, new byte[] {1});
        Path rebuilt = temp.resolve("rebuilt-" + System.nanoTime() + ".jar");
        Files.copy(runtimeJars.get(0), rebuilt);
        List<Path> rebuiltJars = new ArrayList<>(runtimeJars);
        rebuiltJars.set(0, rebuilt);
        Path stale = cache.file(JAVA, rebuiltJars, NodeStartupCache.Kind.AGENT).orElseThrow();
        Files.write(stale, new byte[] {1});
        Files.setLastModifiedTime(rebuilt, java.nio.file.attribute.FileTime.fromMillis(0)); // rebuilt since
        assertFalse(stale.equals(cache.file(JAVA, rebuiltJars, NodeStartupCache.Kind.AGENT).orElseThrow()));
        Files.write(races, new byte[] {1});

        LaunchPlan plan = planBuilder().build();
        try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
            NodeCommandBuilder commands = new NodeCommandBuilder(plan).runtimeClassPath(runtimeJars).startupCache(cache)
                    .raceAgent(temp.resolve("agent.jar")).recording(RaceRun.recordingSettings(null, cacheDirectory));
            List<String> command = commands.command(cluster, plan.node(1));
            assertTrue(command.contains("-XX:AOTCache=" + races), command.toString());
            assertFalse(command.contains("-XX:AOTCache=" + plain), command.toString());
            List<String> rebuiltCommand = commands.runtimeClassPath(rebuiltJars).command(cluster, plan.node(1));
            assertTrue(rebuiltCommand.stream().noneMatch(option -> option.startsWith("-XX:AOTCache=")),
                    "the race cache of the jars before the rebuild is not used: " + rebuiltCommand);
            assertTrue(NodeStartupCache.awaitTrainings(Duration.ofMinutes(2)), "the cache of the rebuilt jars is trained");
        }
    }

    @Test
    void twoLaunchersTrainingTheRaceCacheAtOnceLeaveOneWholeCacheThatNodeJvmsUse(@TempDir Path cacheDirectory) throws Exception {
        NodeStartupCache cache = new NodeStartupCache(cacheDirectory);
        // as two launchers starting their first race detection at the same time: each trains, the last to end wins
        List<java.util.concurrent.Future<Path>> trainings = new ArrayList<>();
        try (var launchers = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                trainings.add(launchers.submit(() -> cache.create(JAVA, runtimeJars, NodeStartupCache.Kind.AGENT)));
            }
        }
        Path file = trainings.get(0).get();
        assertEquals(file, trainings.get(1).get());
        try (Stream<Path> left = Files.list(cacheDirectory)) {
            assertEquals(List.of(file), left.toList(), "one cache, no partial file, agent jar, recording or log");
        }
        LaunchPlan plan = planBuilder().build();
        Path agent = temp.resolve("race-agent-" + System.nanoTime() + ".jar");
        org.rsmworkbench.emulator.race.internal.NodeAgent.writeJar(agent);
        try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
            List<String> command = new NodeCommandBuilder(plan).runtimeClassPath(runtimeJars).startupCache(cache)
                    .raceAgent(agent).recording(RaceRun.recordingSettings(null, temp.resolve("recording-" + System.nanoTime())))
                    .command(cluster, plan.node(1));
            // after the cache's own -Xlog:aot*=off: the JDK says whether it could not take the cache
            command.add(command.indexOf("-XX:AOTCache=" + file) + 1, "-Xlog:aot=info");
            String output = runNode1(command);
            assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("error"), "the JDK took the cache: " + output);
        }
    }
}
