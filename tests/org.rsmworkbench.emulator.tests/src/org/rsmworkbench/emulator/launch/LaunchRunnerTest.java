// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.rsmapi.Credentials;

/** Launches of {@link TestNodeProgram} on small clusters: output, exit statuses, faults, termination, cleanup. */
@Timeout(60)
class LaunchRunnerTest {
    private static final Path TEST_CLASSES = ClassPathEntries.of(TestNodeProgram.class);
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private LaunchPlan.Builder plan(int nodes) {
        return LaunchPlan.builder(ClusterSpec.fullyConnected(nodes)).classPath(List.of(TEST_CLASSES))
                .mainClass(TestNodeProgram.class.getName());
    }

    private LaunchRunner start(LaunchPlan plan) throws Exception {
        return LaunchRunner.start(new NodeCommandBuilder(plan),
                (node, stderr, line) -> lines.add((stderr ? "err " : "out ") + node + " " + line), log::add);
    }

    @Test
    void theCommandHasTheRuntimeOnItsClassPathAndThePropertiesOfItsNode() throws Exception {
        LaunchPlan plan = plan(3).onNodes(List.of(1, 3)).jvmArguments(List.of("-ea")).arguments(List.of("exit", "0"))
                .jvmArguments(3, List.of("-Xss1m")).build();
        try (var cluster = org.rsmworkbench.emulator.EmulatedCluster.start(plan.cluster())) {
            List<String> command = new NodeCommandBuilder(plan).javaExecutable(Path.of("/opt/jdk/bin/java"))
                    .command(cluster, plan.node(3));
            List<String> expected = new ArrayList<>(List.of("/opt/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-ea",
                    "-Xss1m"));
            expected.addAll(cluster.processArguments(3, LaunchPlan.DEFAULT_CREDENTIALS));
            expected.addAll(List.of("-Drsm.launch.nodes=1,3", "-cp"));
            List<String> classPath = new ArrayList<>();
            ClassPathEntries.runtime().forEach(p -> classPath.add(p.toString()));
            classPath.add(TEST_CLASSES.toString());
            expected.add(String.join(File.pathSeparator, classPath.stream().distinct().toList()));
            expected.addAll(List.of(TestNodeProgram.class.getName(), "exit", "0"));
            assertEquals(expected, command);
        }
    }

    @Test
    void outputIsPrefixedByNodeAndTheWorstExitStatusWins() throws Exception {
        LaunchPlan plan = plan(3).arguments(List.of("exit", "0")).arguments(2, List.of("exit", "3"))
                .credentials(3, new Credentials(0, 5, Set.of(7), 077, true)).build();
        Path directory;
        try (LaunchRunner runner = start(plan)) {
            directory = runner.cluster().directory();
            assertEquals(OptionalInt.of(3), runner.waitFor(Duration.ofSeconds(30)));
            assertEquals(Map.of(1, 0, 2, 3, 3, 0), runner.exitStatuses());
        }
        assertFalse(Files.exists(directory), "the cluster directory is removed at the end");
        assertTrue(lines.contains("out 1 node 1 uid=1000 gid=1000 umask=022 launch nodes 1,2,3"), lines.toString());
        assertTrue(lines.contains("out 3 node 3 uid=0 gid=5 groups=[7] umask=077 privileged launch nodes 1,2,3"),
                lines.toString());
        assertTrue(lines.contains("err 2 stderr of node 2"), lines.toString());
        assertEquals(6, lines.size(), lines.toString());
    }

    @Test
    void aKillFaultEndsItsNodeWith137() throws Exception {
        LaunchPlan plan = plan(2).arguments(List.of("exit", "0")).arguments(2, List.of("block"))
                .fault(ScheduledFault.parse("kill:2@300ms")).build();
        try (LaunchRunner runner = start(plan)) {
            assertEquals(OptionalInt.of(137), runner.waitFor(Duration.ofSeconds(30)));
            assertEquals(Map.of(1, 0, 2, 137), runner.exitStatuses());
        }
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.getFirst().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} kill node 2 \\(--fault kill:2@300ms\\)"), log.toString());
    }

    @Test
    void aRestartFaultStartsTheProgramOfItsNodeAgainInANewJvm() throws Exception {
        // node 1 runs on meanwhile: a launch ends when every node JVM has ended; the first kill comes once node 2 had time
        // to print READY on a loaded machine (the clock starts when the nodes joined, before that)
        LaunchPlan plan = plan(2).arguments(List.of("block")).fault(ScheduledFault.parse("kill:2@2s"))
                .fault(ScheduledFault.parse("restart:2@3s")).fault(ScheduledFault.parse("kill:2@10s"))
                .fault(ScheduledFault.parse("kill:1@10s")).build();
        try (LaunchRunner runner = start(plan)) {
            assertEquals(OptionalInt.of(137), runner.waitFor(Duration.ofSeconds(30)));
            assertEquals(Map.of(1, 137, 2, 137), runner.exitStatuses());
        }
        assertEquals(2, lines.stream().filter(l -> l.equals("out 2 READY")).count(), "node 2's program ran twice: " + lines);
        assertEquals(5, log.size(), log.toString());
        assertTrue(log.get(1).endsWith(" restart node 2 (--fault restart:2@3000ms)"), log.toString());
        assertTrue(log.get(2).matches("\\S+ node 2: its program is started again \\(pid \\d+\\)"), log.toString());
        assertTrue(log.get(3).endsWith(" kill node 2 (--fault kill:2@10000ms)"), log.toString());
    }

    @Test
    void closeKillsTheNodesStillRunningAndRemovesTheCluster() throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        LaunchPlan plan = plan(2).arguments(List.of("block")).fault(ScheduledFault.parse("kill:1@60s")).build();
        LaunchRunner runner = LaunchRunner.start(new NodeCommandBuilder(plan), (_, _, line) -> {
            if (line.equals("READY")) {
                ready.countDown();
            }
        }, log::add);
        Path directory = runner.cluster().directory();
        try {
            assertTrue(ready.await(30, TimeUnit.SECONDS), "both nodes run");
            assertEquals(OptionalInt.empty(), runner.waitFor(Duration.ofMillis(100)));
        } finally {
            runner.close();
        }
        assertEquals(Map.of(1, 137, 2, 137), runner.exitStatuses());
        assertFalse(Files.exists(directory));
        assertEquals(List.of(), log, "the pending fault was cancelled");
    }

    @Test
    void theCommandLineKillsTheNodesAtTheTimeoutWithStatus124() {
        var err = new java.io.ByteArrayOutputStream();
        int status = RsmLaunch.run(List.of("--nodes", "1", "--cp", TEST_CLASSES.toString(), "--timeout", "1s",
                TestNodeProgram.class.getName(), "--", "block"), new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true));
        assertEquals(RsmLaunch.TIMED_OUT, status, err.toString());
        assertTrue(err.toString().contains("[rsm-launch] timeout after 1000 ms: killing node 1"), err.toString());
    }
}
