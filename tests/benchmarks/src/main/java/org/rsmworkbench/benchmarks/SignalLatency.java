package org.rsmworkbench.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A harness for what JMH cannot measure inside one JVM: signal one-way latency between two node JVMs
 * against a raw ping-pong on a mapped flag between two JVMs (same run), the CPU of an idle
 * signalWait(-1), and the time until 8 node JVMs have joined a cluster against 8 bare JVM starts.
 * Usage: java -jar benchmarks.jar's class path, main class org.rsmworkbench.benchmarks.SignalLatency.
 */
public final class SignalLatency {
    private static final int WARMUP_ROUNDS = 20_000;
    private static final int ROUNDS = 100_000;
    private static final int TRIALS = 9;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private SignalLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            switch (args[0]) {
                case "raw-echo" -> rawEcho(Path.of(args[1]));
                case "signal-echo" -> signalEcho(Integer.parseInt(args[1]));
                case "join" -> join();
                case "bare" -> System.out.println("READY");
                default -> throw new IllegalArgumentException(args[0]);
            }
            return;
        }
        // interleaved trials, compared by their medians: on a shared 2-core machine one trial alone says little
        double[] raw = new double[TRIALS];
        double[] signal = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            raw[trial] = rawPingPong();
            signal[trial] = signalPingPong();
            System.out.printf("trial %d: raw mapped-flag one-way %.0f ns, RSM signal one-way %.0f ns%n", trial + 1,
                    raw[trial], signal[trial]);
        }
        java.util.Arrays.sort(raw);
        java.util.Arrays.sort(signal);
        System.out.printf("median of %d trials: raw one-way %.0f ns, RSM signal one-way %.0f ns, ratio %.2f%n", TRIALS,
                raw[TRIALS / 2], signal[TRIALS / 2], signal[TRIALS / 2] / raw[TRIALS / 2]);
        idleWaiterCpu();
        for (int trial = 1; trial <= 3; trial++) {
            joinTime();
        }
    }

    // ---------------------------------------------------------------- raw ping-pong on a mapped int

    private static double rawPingPong() throws Exception {
        Path file = Files.createTempFile(Path.of("/dev/shm"), "pingpong", ".flag");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Arena arena = Arena.ofShared()) {
            MemorySegment flags = channel.map(FileChannel.MapMode.READ_WRITE, 0, 128, arena);
            Process echo = child("raw-echo", file.toString());
            try {
                awaitReady(echo);
                long start = 0;
                for (int i = 1; i <= WARMUP_ROUNDS + ROUNDS; i++) {
                    if (i == WARMUP_ROUNDS + 1) {
                        start = System.nanoTime();
                    }
                    INT.setRelease(flags, 0L, i);
                    while ((int) INT.getAcquire(flags, 64L) != i) {
                        Thread.onSpinWait();
                    }
                }
                return (System.nanoTime() - start) / (2.0 * ROUNDS);
            } finally {
                INT.setRelease(flags, 0L, -1);
                echo.waitFor(5, TimeUnit.SECONDS);
                echo.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void rawEcho(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Arena arena = Arena.ofShared()) {
            MemorySegment flags = channel.map(FileChannel.MapMode.READ_WRITE, 0, 128, arena);
            System.out.println("READY");
            int seen = 0;
            for (;;) {
                int value = (int) INT.getAcquire(flags, 0L);
                if (value == -1) {
                    return;
                }
                if (value != seen) {
                    seen = value;
                    INT.setRelease(flags, 64L, value);
                } else {
                    Thread.onSpinWait();
                }
            }
        }
    }

    // ---------------------------------------------------------------- signal ping-pong between node JVMs

    private static double signalPingPong() throws Exception {
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            RsmLibrary exporter = cluster.process(1, TwoNodes.USER);
            ExportSegment doorbell = exporter.getController("emu0").createExportSegment(exporter.allocate(4096), 0);
            int id = doorbell.publish(0, List.of(new AccessEntry(2, 0666)));
            List<String> command = javaCommand(cluster.processArguments(2, TwoNodes.USER));
            command.add("signal-echo");
            command.add(Integer.toString(id));
            Process echo = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                awaitReady(echo);
                long start = 0;
                for (int i = 1; i <= WARMUP_ROUNDS + ROUNDS; i++) {
                    if (i == WARMUP_ROUNDS + 1) {
                        start = System.nanoTime();
                    }
                    doorbell.signalPost(0);
                    doorbell.signalWait(-1);
                }
                return (System.nanoTime() - start) / (2.0 * ROUNDS);
            } finally {
                echo.destroyForcibly();
                echo.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void signalEcho(int segmentId) throws Exception {
        RsmLibrary library = Rsm.open();
        ImportSegment doorbell = library.getController("emu0").connect(1, segmentId, Rsm.PERM_RDWR);
        System.out.println("READY");
        for (;;) {
            doorbell.signalWait(-1);
            doorbell.signalPost(0);
        }
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

    // ---------------------------------------------------------------- joining 8 node JVMs

    private static void joinTime() throws Exception {
        long bare = startAll(8, i -> javaCommand(List.of()), "bare");
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(8))) {
            long joined = startAll(8, i -> javaCommand(cluster.processArguments(i + 1, TwoNodes.USER)), "join");
            System.out.printf("8 bare JVMs ready in %.0f ms, 8 node JVMs joined in %.0f ms, ratio %.2f%n", bare / 1e6,
                    joined / 1e6, (double) joined / bare);
        }
    }

    private static void join() throws Exception {
        Rsm.open();
        System.out.println("READY");
    }

    private static long startAll(int count, java.util.function.IntFunction<List<String>> command, String mode)
            throws Exception {
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> c = command.apply(i);
            c.add(mode);
            processes.add(new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        for (Process p : processes) {
            awaitReady(p);
        }
        long elapsed = System.nanoTime() - start;
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        return elapsed;
    }

    // ---------------------------------------------------------------- child JVMs

    private static Process child(String... args) throws IOException {
        List<String> command = javaCommand(List.of());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> javaCommand(List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+UseSerialGC");
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SignalLatency.class.getName());
        return command;
    }

    private static void awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line = out.readLine();
        if (!"READY".equals(line)) {
            throw new IOException("child did not start: " + line);
        }
    }
}
