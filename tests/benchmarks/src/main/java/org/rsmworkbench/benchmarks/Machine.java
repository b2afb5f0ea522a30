// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Where a benchmark ran, so that figures from two machines can be compared: the CPU model, and the cost of moving a
 * cache line from one core to another, measured as a raw ping-pong on two ints of a mapped file (one cache line
 * each, as a signal's counter is) between two threads.
 */
final class Machine {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long TRIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int TRIALS = 5;
    /** The offsets of the ping and the pong word: a cache line apart. */
    private static final long PING = 0, PONG = 64;

    private Machine() {
    }

    /** The CPU's model name from /proc/cpuinfo and the number of CPUs this JVM may use. */
    static String cpu() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
        } catch (IOException e) {
            // not Linux: the model stays unknown
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " CPUs";
    }

    /**
     * The median of {@value #TRIALS} trials of a raw one-way hop between two threads, in ns: each trial times round
     * trips for 100 ms, after as long to warm up (a fixed time: on a loaded machine a round trip can take a time slice).
     */
    static double crossCoreNanos() throws IOException, InterruptedException {
        Path file = Files.createTempFile(Path.of("/dev/shm"), "crosscore", ".flag");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Arena arena = Arena.ofShared()) {
            MemorySegment flags = channel.map(FileChannel.MapMode.READ_WRITE, 0, 128, arena);
            Thread echo = Thread.ofPlatform().daemon().start(() -> echo(flags));
            try {
                double[] trials = new double[TRIALS];
                int round = pingPong(flags, 0, TRIAL_NANOS);
                for (int trial = 0; trial < TRIALS; trial++) {
                    long start = System.nanoTime();
                    int first = round;
                    round = pingPong(flags, round, TRIAL_NANOS);
                    trials[trial] = (System.nanoTime() - start) / (2.0 * (round - first));
                }
                Arrays.sort(trials);
                return trials[TRIALS / 2];
            } finally {
                INT.setRelease(flags, PING, -1);
                echo.join(1000);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Round trips for about {@code nanos}, numbered on from {@code round}: the number of the last one. */
    private static int pingPong(MemorySegment flags, int round, long nanos) {
        long end = System.nanoTime() + nanos;
        do {
            for (int i = 0; i < 1000; i++) {
                int sent = ++round;
                INT.setRelease(flags, PING, sent);
                while ((int) INT.getAcquire(flags, PONG) != sent) {
                    Thread.onSpinWait();
                }
            }
        } while (System.nanoTime() < end);
        return round;
    }

    private static void echo(MemorySegment flags) {
        int seen = 0;
        for (;;) {
            int value = (int) INT.getAcquire(flags, PING);
            if (value == -1) {
                return;
            }
            if (value != seen) {
                seen = value;
                INT.setRelease(flags, PONG, value);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Prints the CPU and a raw cross-core latency measured now. */
    public static void main(String[] args) throws Exception {
        System.out.printf("machine: %s; raw cross-core one-way latency %.0f ns (mapped-flag ping-pong between two threads)%n",
                cpu(), crossCoreNanos());
    }
}
