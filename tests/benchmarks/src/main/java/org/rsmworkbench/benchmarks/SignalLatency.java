// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/**
 * A harness for what JMH cannot measure inside one JVM: signal one-way latency between two node JVMs against a raw
 * ping-pong on a mapped flag between the same two JVMs, in alternating blocks ({@link SignalNode}), with the node
 * JVMs as a launch starts them and, in a second pair of JVMs, both recording (flight recorder on, as a launch's default,
 * into a temporary folder); then the CPU of an idle signalWait(-1). Each trial warms both JVMs up for a fixed time, so
 * that both sides run compiled code, before it times its block pairs. Each ratio is taken within one pair of JVMs, block
 * pair by block pair: on a VM the raw figure itself moves several-fold between trials as the vCPUs are placed.
 * (The join time of node JVMs is {@link LaunchStartup}'s.)
 * Usage: java -jar benchmarks.jar's class path, main class org.rsmworkbench.benchmarks.SignalLatency ({@code -Dtrials=N}:
 * other than 9 trials).
 */
public final class SignalLatency {
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int BLOCKS = 50;
    private static final int TRIALS = Integer.getInteger("trials", 9);

    private SignalLatency() {
    }

    /** A pair of node JVMs' figures: medians of their blocks' one-way latencies (ns) and of the block pairs' ratios. */
    record PingPong(double rsm, double raw, double ratio) {
        static PingPong parse(String line) {
            String[] fields = line.trim().split(" ");
            return new PingPong(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("machine: " + Machine.cpu() + "; " + Machine.freshPages());
        // interleaved trials, compared by their medians: on a shared 2-core machine one trial alone says little
        double[] raw = new double[TRIALS];
        double[] ratio = new double[TRIALS];
        double[] recordedRatio = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            PingPong plain = signalPingPong(false);
            PingPong recorded = signalPingPong(true);
            raw[trial] = plain.raw();
            ratio[trial] = plain.ratio();
            recordedRatio[trial] = recorded.ratio();
            System.out.printf("trial %d: RSM signal one-way %.0f ns against raw mapped-flag %.0f ns (%.2fx); recording: %.0f ns"
                    + " against raw %.0f ns (%.2fx)%n", trial + 1, plain.rsm(), plain.raw(), plain.ratio(), recorded.rsm(),
                    recorded.raw(), recorded.ratio());
        }
        Arrays.sort(raw);
        Arrays.sort(ratio);
        Arrays.sort(recordedRatio);
        double median = ratio[TRIALS / 2];
        double recordedMedian = recordedRatio[TRIALS / 2];
        System.out.printf("median of %d trials: raw cross-core one-way %.0f ns, RSM signal one-way %.2f times raw%n", TRIALS,
                raw[TRIALS / 2], median);
        System.out.printf("median of %d trials: RSM signal one-way with recording %.2f times raw, %.2f times without%n", TRIALS,
                recordedMedian, recordedMedian / median);
        idleWaiterCpu();
    }

    /** One round trip: this JVM's message and the echo's answer. */
    @FunctionalInterface
    interface RoundTrip {
        void run() throws Exception;
    }

    /** Round trips for {@link #WARMUP_NANOS}, then the one-way latency over {@code rounds} round trips, in ns. */
    static double timeRoundTrips(int rounds, RoundTrip roundTrip) throws Exception {
        for (long warmupEnd = System.nanoTime() + WARMUP_NANOS; System.nanoTime() < warmupEnd;) {
            for (int i = 0; i < 1000; i++) {
                roundTrip.run();
            }
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            roundTrip.run();
        }
        return (System.nanoTime() - start) / (2.0 * rounds);
    }

    // ---------------------------------------------------------------- signal ping-pong between node JVMs

    /**
     * The signal ping-pong between two node JVMs started as a launch starts them ({@link NodeCommandBuilder}), running
     * {@link SignalNode} as a user's program, so that with {@code recording} they record as a launch's do (default call
     * sites: those of signal posts and waits, named by the node agent): node 1 exports the doorbell and times the block
     * pairs, node 2 echoes; their raw flags are a file of the program's folder.
     */
    private static PingPong signalPingPong(boolean recording) throws Exception {
        Path program = ProgramFolder.copy(SignalNode.class, SignalNode.NODE_CLASS, Files.createTempDirectory("rsm-signal-node"));
        String flags = Files.write(program.resolve("flags"), new byte[128]).toString();
        Path recordingDirectory = recording ? Files.createTempDirectory("rsm-signal-recording") : null;
        ClusterSpec spec = ClusterSpec.fullyConnected(2);
        try (EmulatedCluster cluster = EmulatedCluster.start(spec)) {
            LaunchPlan plan = LaunchPlan.builder(spec).credentials(TwoNodes.USER).classPath(List.of(program))
                    .jvmArguments(List.of("-XX:+UseSerialGC")).mainClass(SignalNode.NODE_CLASS)
                    .arguments(1, List.of("ping", flags, Long.toString(WARMUP_NANOS), Integer.toString(BLOCKS)))
                    .arguments(2, List.of("echo", flags)).build();
            NodeCommandBuilder commands = new NodeCommandBuilder(plan);
            if (recording) {
                // a ring: a log that stopped at its limit would make the last trials' events free
                commands.recording(new RecordingSettings(recordingDirectory, RecordingSettings.DEFAULT_LIMIT,
                        RecordingSettings.AtLimit.RING, RecordingSettings.CallSites.CONTROL, false));
            }
            Process ping = new ProcessBuilder(commands.command(cluster, plan.node(1)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Process echo = null;
            try {
                BufferedReader pingOutput = new BufferedReader(new InputStreamReader(ping.getInputStream()));
                String segmentId = expect(pingOutput, "PUBLISHED ");
                echo = new ProcessBuilder(commands.command(cluster, plan.node(2))).redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                tell(echo, segmentId);
                expect(new BufferedReader(new InputStreamReader(echo.getInputStream())), "READY");
                tell(ping, "GO");
                return PingPong.parse(expect(pingOutput, "ONE-WAY "));
            } finally {
                for (Process node : echo == null ? List.of(ping) : List.of(ping, echo)) {
                    node.destroyForcibly();
                    node.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } finally {
            TempFolders.remove(program);
            if (recordingDirectory != null) {
                TempFolders.remove(recordingDirectory);
            }
        }
    }

    /** The rest of {@code output}'s next line, which must begin with {@code prefix}. */
    private static String expect(BufferedReader output, String prefix) throws IOException {
        String line = output.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IOException("a node JVM of the benchmark said " + line + " where " + prefix.trim() + " was expected");
        }
        return line.substring(prefix.length());
    }

    private static void tell(Process process, String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        process.getOutputStream().flush();
    }

    // ---------------------------------------------------------------- an idle waiter's CPU

    private static void idleWaiterCpu() throws Exception {
        try (TwoNodes nodes = new TwoNodes(4096)) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    nodes.export.signalWait(-1);
                } catch (Exception e) {
                    // ends the waiter
                }
            });
            Thread.sleep(100);
            long cpuBefore = threads.getThreadCpuTime(waiter.threadId());
            long wallBefore = System.nanoTime();
            Thread.sleep(10_000);
            long cpu = threads.getThreadCpuTime(waiter.threadId()) - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            System.out.printf("idle signalWait(-1) for %.1f s: %.3f ms CPU = %.4f%% of a core%n", wall / 1e9, cpu / 1e6,
                    100.0 * cpu / wall);
            waiter.interrupt();
            waiter.join(2000);
        }
    }

    // ---------------------------------------------------------------- child JVMs

    /** The command of a child JVM of the benchmarks running {@code main} (its arguments to be added). */
    static List<String> javaCommand(Class<?> main, List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+UseSerialGC");
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        return command;
    }
}
