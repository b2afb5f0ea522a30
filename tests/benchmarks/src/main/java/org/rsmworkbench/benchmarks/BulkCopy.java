// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * Bulk put and get against {@code MemorySegment.copy} like with like: in one JVM, between the same source and the
 * same mapping of the segment (RSM's put and get reach the mapping that the raw copy uses), in interleaved trials
 * compared by their medians, so that what drifts on a shared machine during a run (other load, the host) weighs on
 * both. Each kind of copy is timed by a loop of its own with the copy inlined: one loop calling each copy through an
 * interface would add a megamorphic call to every copy, and favour whichever copy the loop was first compiled for.
 * Stricter than JMH, whose loop reads a volatile flag between calls: the raw copy's loop may hoist its checks.
 * <p>
 * The comparison runs in {@value #FORKS} JVMs one after the other, and the ratios reported are the medians of the
 * JVMs' ratios, with their range: on the 2-vCPU VM the ratio at 4 KiB moved from 0.71x to 0.85x from one JVM to the
 * next with the code unchanged (a 4 KiB copy took 22 ns in one JVM and 33 ns in the next, the raw copy too), so one
 * JVM's figure said more about where that JVM's code and memory happened to lie than about the put.
 * <p>
 * A third copy is timed beside them: the raw copy with the mapping read from a volatile field before each copy, as a
 * call does that must see a flag another thread may change (RSM's transfer guard, a cut). Its loop cannot hoist the
 * mapping's checks, so it shows what the JDK's own copy costs once its mapping is not a constant of the loop: the
 * least a checked put could cost. Usage: main class org.rsmworkbench.benchmarks.BulkCopy on the class path of
 * benchmarks.jar.
 */
public final class BulkCopy {
    private static final long[] SIZES = {4 << 10, 64 << 10, 1 << 20, 64 << 20};
    private static final int TRIALS = 9;
    private static final long TRIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final long WARMUP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int FORKS = 5;
    /** How long a child JVM may take: it takes about 15 s. */
    private static final long CHILD_MINUTES = 5;
    /** The argument of a child JVM: it measures and prints a {@link #RESULT} line per size. */
    private static final String ONE_JVM = "--one-jvm";
    /**
     * A child's line: the size, then ns per copy of the raw copy in, the put, the raw copy out, the get, the raw copy in
     * and out through a volatile field.
     */
    private static final String RESULT = "RESULT";

    /** Copies for about {@code nanos} by one way of copying: the time per copy, in ns. */
    @FunctionalInterface
    private interface TimedCopies {
        double nanosPerCopy(long nanos) throws RsmException;
    }

    /** Where the copies through a volatile field find the mapping's slice, read again before each copy. */
    private static final class VolatileTarget {
        volatile MemorySegment slice;
    }

    private BulkCopy() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(ONE_JVM)) {
            measureInThisJvm();
            return;
        }
        System.out.printf("machine: %s; raw cross-core one-way latency %.0f ns (mapped-flag ping-pong between two threads)%n",
                Machine.cpu(), Machine.crossCoreNanos());
        Map<Long, List<double[]>> bySize = new TreeMap<>();
        for (int fork = 1; fork <= FORKS; fork++) {
            for (String line : measureInAJvm(fork)) {
                String[] fields = line.split(" ");
                bySize.computeIfAbsent(Long.parseLong(fields[1]), size -> new ArrayList<>())
                        .add(Arrays.stream(fields, 2, fields.length).mapToDouble(Double::parseDouble).toArray());
            }
        }
        System.out.printf("%d JVMs; per size the medians over the JVMs, and the range of the JVMs' speed ratios%n", FORKS);
        System.out.printf("%-8s %12s %12s %20s %12s %12s %20s%n", "size", "raw copy in", "RSM put", "speed", "raw copy out",
                "RSM get", "speed");
        for (Map.Entry<Long, List<double[]>> size : bySize.entrySet()) {
            List<double[]> jvms = size.getValue();
            System.out.printf("%-8s %12s %12s %20s %12s %12s %20s%n", size(size.getKey()), time(median(jvms, j -> j[0])),
                    time(median(jvms, j -> j[1])), speed(jvms, 0, 1), time(median(jvms, j -> j[2])),
                    time(median(jvms, j -> j[3])), speed(jvms, 2, 3));
        }
        System.out.println("the raw copy with the mapping read from a volatile field before each copy (what a copy behind"
                + " a flag check costs), against the raw copy and against RSM");
        System.out.printf("%-8s %12s %20s %20s %12s %20s %20s%n", "size", "volatile in", "speed vs raw", "RSM put vs it",
                "volatile out", "speed vs raw", "RSM get vs it");
        for (Map.Entry<Long, List<double[]>> size : bySize.entrySet()) {
            List<double[]> jvms = size.getValue();
            System.out.printf("%-8s %12s %20s %20s %12s %20s %20s%n", size(size.getKey()), time(median(jvms, j -> j[4])),
                    speed(jvms, 0, 4), speed(jvms, 4, 1), time(median(jvms, j -> j[5])), speed(jvms, 2, 5), speed(jvms, 5, 3));
        }
    }

    /**
     * The {@link #RESULT} lines of a child JVM's comparison (one per size), which runs as the other harnesses' child JVMs
     * do (serial GC: a bulk copy allocates nothing on the heap); one that fails, hangs or leaves out a size ends the run.
     */
    private static List<String> measureInAJvm(int fork) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(SignalLatency.javaCommand(BulkCopy.class, List.of()));
        command.add(ONE_JVM);
        Path output = Files.createTempFile("bulkcopy", ".out");
        Process child = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (!child.waitFor(CHILD_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("measuring JVM " + fork + " did not end within " + CHILD_MINUTES + " minutes");
            }
            List<String> lines = Files.readAllLines(output);
            List<String> results = lines.stream().filter(line -> line.startsWith(RESULT + " ")).toList();
            if (child.exitValue() != 0 || results.size() != SIZES.length) {
                throw new IllegalStateException("measuring JVM " + fork + " failed (exit " + child.exitValue() + "): " + lines);
            }
            return results;
        } finally {
            child.destroy(); // its cluster's shutdown hook cleans up; nothing when it has ended
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(output);
        }
    }

    /** The median over the JVMs of the speed of column {@code other} against that of column {@code base}, and the range. */
    private static String speed(List<double[]> jvms, int base, int other) {
        double[] ratios = jvms.stream().mapToDouble(j -> j[base] / j[other]).sorted().toArray();
        return String.format("%.2fx (%.2f-%.2fx)", Stats.median(ratios), ratios[0], ratios[ratios.length - 1]);
    }

    private static double median(List<double[]> jvms, ToDoubleFunction<double[]> column) {
        return Stats.median(jvms.stream().mapToDouble(column).toArray());
    }

    /** One JVM's comparison: a {@link #RESULT} line per size. */
    private static void measureInThisJvm() throws Exception {
        long largest = SIZES[SIZES.length - 1];
        try (TwoNodes nodes = new TwoNodes(largest); Arena arena = Arena.ofShared()) {
            ImportSegment segment = nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR);
            segment.setMode(BarrierMode.EXPLICIT);
            MemorySegment mapping = segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, largest);
            MemorySegment local = arena.allocate(largest, 4096);
            local.fill((byte) 7);
            mapping.fill((byte) 0);
            for (long size : SIZES) {
                MemorySegment source = local.asSlice(0, size);
                MemorySegment target = mapping.asSlice(0, size);
                VolatileTarget volatileTarget = new VolatileTarget();
                volatileTarget.slice = target;
                double[] in = compare(nanos -> rawCopies(source, target, nanos), nanos -> transfers(segment, source, true, nanos),
                        nanos -> copiesThroughField(source, volatileTarget, true, nanos));
                double[] out = compare(nanos -> rawCopies(target, source, nanos), nanos -> transfers(segment, source, false, nanos),
                        nanos -> copiesThroughField(source, volatileTarget, false, nanos));
                System.out.printf(Locale.ROOT, "%s %d %f %f %f %f %f %f%n", RESULT, size, in[0], in[1], out[0], out[1], in[2],
                        out[2]);
            }
        }
    }

    /** The medians of {@value #TRIALS} interleaved trials of each copy, in the order given: ns per copy. */
    private static double[] compare(TimedCopies... copies) throws RsmException {
        for (TimedCopies copy : copies) {
            copy.nanosPerCopy(WARMUP_NANOS);
        }
        double[][] trials = new double[copies.length][TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            for (int copy = 0; copy < copies.length; copy++) {
                trials[copy][trial] = copies[copy].nanosPerCopy(TRIAL_NANOS);
            }
        }
        return Arrays.stream(trials).mapToDouble(Stats::median).toArray();
    }

    /** {@link TimedCopies} of MemorySegment.copy from {@code from} to {@code to}, the same size. */
    private static double rawCopies(MemorySegment from, MemorySegment to, long nanos) {
        long start = System.nanoTime();
        long copies = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                MemorySegment.copy(from, 0, to, 0, from.byteSize());
            }
            copies += 16;
            now = System.nanoTime();
        } while (now - start < nanos);
        return (double) (now - start) / copies;
    }

    /**
     * {@link TimedCopies} of MemorySegment.copy between {@code local} and the slice of {@code target}, read before each
     * copy: into it when {@code in}, else out of it (one loop for both, as {@link #transfers}).
     */
    private static double copiesThroughField(MemorySegment local, VolatileTarget target, boolean in, long nanos) {
        long start = System.nanoTime();
        long copies = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                if (in) {
                    MemorySegment.copy(local, 0, target.slice, 0, local.byteSize());
                } else {
                    MemorySegment.copy(target.slice, 0, local, 0, local.byteSize());
                }
            }
            copies += 16;
            now = System.nanoTime();
        } while (now - start < nanos);
        return (double) (now - start) / copies;
    }

    /**
     * {@link TimedCopies} of puts of {@code local} at offset 0, or of gets into it: one loop for both, whose branch the
     * compiler takes out of the loop ({@code put} does not change in it).
     */
    private static double transfers(ImportSegment segment, MemorySegment local, boolean put, long nanos) throws RsmException {
        long start = System.nanoTime();
        long copies = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                if (put) {
                    segment.put(0, local);
                } else {
                    segment.get(0, local);
                }
            }
            copies += 16;
            now = System.nanoTime();
        } while (now - start < nanos);
        return (double) (now - start) / copies;
    }

    private static String time(double nanos) {
        return nanos < 1e3 ? String.format("%.1f ns", nanos) : String.format("%.3f us", nanos / 1e3);
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
