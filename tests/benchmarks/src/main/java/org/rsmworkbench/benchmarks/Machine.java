// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
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
 * each, as a signal's counter is) between two threads; and what the first store into a fresh page of a mapped file
 * costs, which a flight recorder's log pays every few dozen records: nanoseconds on most machines, tens of
 * microseconds where the host keeps shadow page tables (a PVM guest), even for pages the kernel has populated.
 */
final class Machine {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long TRIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int TRIALS = 5;
    /** The offsets of the ping and the pong word: a cache line apart. */
    private static final long PING = 0, PONG = 64;
    private static final long PAGE = 4096;
    /** The pages of the file whose first stores are timed: 16 MiB. */
    private static final long FRESH_PAGES = 4096;
    private static final int MADV_POPULATE_WRITE = 23;

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

    /**
     * The mean time of the first store into each page of a fresh mapped file in /dev/shm whose pages the kernel has
     * populated (MADV_POPULATE_WRITE, as the recorder's log is), and of a second store into each, in ns.
     */
    static double[] freshPageStoreNanos() throws IOException {
        Path file = Files.createTempFile(Path.of("/dev/shm"), "fresh-pages", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                Arena arena = Arena.ofConfined()) {
            long size = FRESH_PAGES * PAGE;
            MemorySegment pages = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            populate(pages);
            double[] nanos = new double[2];
            for (int pass = 0; pass < 2; pass++) {
                long start = System.nanoTime();
                for (long page = 0; page < size; page += PAGE) {
                    pages.set(ValueLayout.JAVA_LONG, page, pass + 1L);
                }
                nanos[pass] = (System.nanoTime() - start) / (double) FRESH_PAGES;
            }
            return nanos;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void populate(MemorySegment pages) {
        Linker linker = Linker.nativeLinker();
        MethodHandle madvise = linker.downcallHandle(linker.defaultLookup().find("madvise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        try {
            int _ = (int) madvise.invokeExact(pages, pages.byteSize(), MADV_POPULATE_WRITE);
        } catch (Throwable e) {
            throw new IllegalStateException("madvise", e);
        }
    }

    /** What {@link #freshPageStoreNanos} measured now, as a line. */
    static String freshPages() throws IOException {
        double[] nanos = freshPageStoreNanos();
        return String.format("first store into a populated page of a fresh mapping %.0f ns (a second store %.0f ns)",
                nanos[0], nanos[1]);
    }

    /** Prints the CPU, a raw cross-core latency and the first-store cost of a fresh page, measured now. */
    public static void main(String[] args) throws Exception {
        System.out.printf("machine: %s; raw cross-core one-way latency %.0f ns (mapped-flag ping-pong between two threads);"
                + " %s%n", cpu(), crossCoreNanos(), freshPages());
    }
}
