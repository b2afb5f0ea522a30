package org.rsmworkbench.benchmarks;

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
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.emulator.launch.LaunchRunner;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.NodeStartupCache;
import org.rsmworkbench.examples.NodeGroup;

/**
 * How long a launch takes to get going: from {@code LaunchRunner.start} (cluster start included) until all 8
 * node programs run their main, and until all 8 have joined their group (Rsm.open and the topology, as the
 * examples start), against the time to start 8 bare JVMs that print a line from main (same run, same JVM
 * options). Then the same launch with the node start-up cache that rsm-launch and the IDE use
 * ({@link NodeStartupCache}, made here by its training run into a fresh directory).
 * Usage: java -cp benchmarks.jar org.rsmworkbench.benchmarks.LaunchStartup
 */
public final class LaunchStartup {
    private static final int NODES = 8;
    private static final int TRIALS = 5;

    private LaunchStartup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            node(args[0]);
            return;
        }
        NodeStartupCache cache = new NodeStartupCache(Files.createTempDirectory("rsm-startup-cache"));
        long training = System.nanoTime();
        cache.create(NodeCommandBuilder.currentJava(), ClassPathEntries.runtime());
        System.out.printf("start-up cache made in %.0f ms%n", (System.nanoTime() - training) / 1e6);
        double[] joinedRatio = new double[TRIALS];
        double[] cachedJoinedRatio = new double[TRIALS];
        for (int trial = 1; trial <= TRIALS; trial++) {
            double bare = bareJvms() / 1e6;
            long[] launch = launch(null);
            long[] cached = launch(cache);
            joinedRatio[trial - 1] = launch[1] / 1e6 / bare;
            cachedJoinedRatio[trial - 1] = cached[1] / 1e6 / bare;
            System.out.printf("trial %d: 8 bare JVMs %.0f ms; launch: mains %.0f ms (%.2fx), joined %.0f ms (%.2fx);"
                    + " with the start-up cache: mains %.0f ms (%.2fx), joined %.0f ms (%.2fx)%n", trial, bare, launch[0] / 1e6,
                    launch[0] / 1e6 / bare, launch[1] / 1e6, joinedRatio[trial - 1], cached[0] / 1e6, cached[0] / 1e6 / bare,
                    cached[1] / 1e6, cachedJoinedRatio[trial - 1]);
        }
        java.util.Arrays.sort(joinedRatio);
        java.util.Arrays.sort(cachedJoinedRatio);
        System.out.printf("median of %d trials, 8 nodes joined vs 8 bare JVMs: %.2fx without the cache, %.2fx with it%n",
                TRIALS, joinedRatio[TRIALS / 2], cachedJoinedRatio[TRIALS / 2]);
    }

    /** A node program: says when main runs, joins as the examples do, says so, and waits for the end of input. */
    private static void node(String mode) throws Exception {
        System.out.println("MAIN");
        if (mode.equals("bare")) {
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
        LaunchPlan plan = plan(NODES);
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

    private static LaunchPlan plan(int nodes) {
        return LaunchPlan.builder(ClusterSpec.fullyConnected(nodes))
                .classPath(List.of(Path.of(System.getProperty("java.class.path"))))
                .mainClass(LaunchStartup.class.getName()).arguments(List.of("node")).build();
    }
}
