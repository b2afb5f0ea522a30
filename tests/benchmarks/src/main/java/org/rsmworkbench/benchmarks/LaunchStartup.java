// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import static org.rsmworkbench.benchmarks.Stats.median;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.emulator.launch.LaunchRunner;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.NodeStartupCache;
import org.rsmworkbench.examples.NodeGroup;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * How long node JVMs take to get going, against the time to start 8 bare JVMs that print a line from main
 * (same run, same JVM options): 8 node JVMs started on a running cluster until each has returned from
 * {@code Rsm.open()}; and a whole launch, from {@code LaunchRunner.start} (cluster start included) until all 8
 * node programs run their main, and until all 8 have joined their group (Rsm.open and the topology, as the
 * examples start). Then the same launch with the node start-up cache that rsm-launch and the IDE use
 * ({@link NodeStartupCache}, made here by its training run into a fresh directory).
 * Usage: java -cp benchmarks.jar org.rsmworkbench.benchmarks.LaunchStartup
 */
public final class LaunchStartup {
    private static final int NODES = 8;
    private static final int TRIALS = 9;

    private LaunchStartup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            node(args[0]);
            return;
        }
        Machine.main(args);
        NodeStartupCache cache = new NodeStartupCache(Files.createTempDirectory("rsm-startup-cache"));
        long training = System.nanoTime();
        cache.create(NodeCommandBuilder.currentJava(), ClassPathEntries.runtime());
        System.out.printf("start-up cache made in %.0f ms%n", (System.nanoTime() - training) / 1e6);
        double[] joinRatio = new double[TRIALS];
        double[] cachedJoinRatio = new double[TRIALS];
        double[] launchRatio = new double[TRIALS];
        double[] cachedLaunchRatio = new double[TRIALS];
        for (int trial = 1; trial <= TRIALS; trial++) {
            double bare = bareJvms() / 1e6;
            double join = joinOnly(null) / 1e6;
            double cachedJoin = joinOnly(cache) / 1e6;
            long[] launch = launch(null);
            long[] cached = launch(cache);
            joinRatio[trial - 1] = join / bare;
            cachedJoinRatio[trial - 1] = cachedJoin / bare;
            launchRatio[trial - 1] = launch[1] / 1e6 / bare;
            cachedLaunchRatio[trial - 1] = cached[1] / 1e6 / bare;
            System.out.printf("trial %d: 8 bare JVMs %.0f ms; 8 node JVMs joined a running cluster %.0f ms (%.2fx), with the"
                    + " start-up cache %.0f ms (%.2fx); whole launch: mains %.0f ms, groups joined %.0f ms (%.2fx), with the"
                    + " cache: mains %.0f ms, groups joined %.0f ms (%.2fx)%n", trial, bare, join, joinRatio[trial - 1], cachedJoin,
                    cachedJoinRatio[trial - 1], launch[0] / 1e6, launch[1] / 1e6, launchRatio[trial - 1], cached[0] / 1e6,
                    cached[1] / 1e6, cachedLaunchRatio[trial - 1]);
        }
        System.out.printf("median of %d trials against 8 bare JVMs: 8 node JVMs joined %.2fx without the cache, %.2fx with it;"
                + " whole launch until the groups joined %.2fx without, %.2fx with%n", TRIALS, median(joinRatio),
                median(cachedJoinRatio), median(launchRatio), median(cachedLaunchRatio));
    }

    /**
     * Nanoseconds until 8 node JVMs, started on a running cluster with the command lines a launch gives them,
     * have returned from {@code Rsm.open()}.
     */
    private static long joinOnly(NodeStartupCache cache) throws Exception {
        LaunchPlan plan = plan(NODES, "open");
        try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
            NodeCommandBuilder commands = new NodeCommandBuilder(plan).startupCache(cache);
            List<List<String>> commandLines = plan.nodes().stream().map(node -> commands.command(cluster, node)).toList();
            long start = System.nanoTime();
            List<Process> processes = new ArrayList<>();
            for (List<String> command : commandLines) {
                processes.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            for (Process p : processes) {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("JOINED"));
                if (line == null) {
                    throw new IOException("a node JVM ended before it joined");
                }
            }
            long elapsed = System.nanoTime() - start;
            for (Process p : processes) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return elapsed;
        }
    }

    /**
     * A node program: says when main runs; then, by mode, nothing more (bare), joins (open), or joins its group
     * as the examples do (node); says so.
     */
    private static void node(String mode) throws Exception {
        System.out.println("MAIN");
        if (mode.equals("bare")) {
            return;
        }
        if (mode.equals("open")) {
            Rsm.open().close();
            System.out.println("JOINED");
            return;
        }
        try (NodeGroup group = NodeGroup.join()) {
            System.out.println("JOINED " + group.size());
        }
    }

    private static long bareJvms() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(NodeCommandBuilder.currentJava().toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LaunchStartup.class.getName(), "bare"));
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            processes.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        for (Process p : processes) {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
            if (!"MAIN".equals(line)) {
                throw new IOException("a bare JVM printed " + line);
            }
        }
        long elapsed = System.nanoTime() - start;
        for (Process p : processes) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return elapsed;
    }

    /** Nanoseconds until every node printed MAIN, and until every node printed JOINED. */
    private static long[] launch(NodeStartupCache cache) throws Exception {
        LaunchPlan plan = plan(NODES, "node");
        CountDownLatch mains = new CountDownLatch(NODES);
        CountDownLatch joined = new CountDownLatch(NODES);
        long[] times = new long[2];
        long start = System.nanoTime();
        try (LaunchRunner runner = LaunchRunner.start(new NodeCommandBuilder(plan).startupCache(cache), (node, stderr, line) -> {
            if (stderr) {
                System.err.println("[node " + node + "] " + line);
            } else if (line.equals("MAIN")) {
                mains.countDown();
            } else if (line.startsWith("JOINED")) {
                joined.countDown();
            }
        }, System.err::println)) {
            if (!mains.await(60, TimeUnit.SECONDS)) {
                throw new IOException("not every node program started");
            }
            times[0] = System.nanoTime() - start;
            if (!joined.await(60, TimeUnit.SECONDS)) {
                throw new IOException("not every node program joined");
            }
            times[1] = System.nanoTime() - start;
            runner.waitFor(java.time.Duration.ofSeconds(30));
        }
        return times;
    }

    private static LaunchPlan plan(int nodes, String mode) {
        return LaunchPlan.builder(ClusterSpec.fullyConnected(nodes))
                .classPath(List.of(Path.of(System.getProperty("java.class.path"))))
                .mainClass(LaunchStartup.class.getName()).arguments(List.of(mode)).build();
    }
}
