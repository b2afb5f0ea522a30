// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * Bulk put and get against {@code MemorySegment.copy} like with like: in one JVM, between the same source and the
 * same mapping of the segment (RSM's put and get reach the mapping that the raw copy uses), in interleaved trials
 * compared by their medians, so that what drifts on a shared machine during a run (other load, the host) weighs on
 * both. JMH's bulk benchmarks measure each in a JVM of its own, where a 4 KiB copy alone varies by a third from one JVM
 * to the next on the 2-vCPU VM. Each kind of copy is timed by a loop of its own with the copy inlined: one loop calling
 * each copy through an interface would add a megamorphic call to every copy, and favour whichever copy the loop was
 * first compiled for. Stricter than JMH, whose loop reads a volatile flag between calls: the raw copy's loop may hoist
 * its checks. Usage: main class
 * org.rsmworkbench.benchmarks.BulkCopy on the class path of benchmarks.jar.
 */
public final class BulkCopy {
    private static final long[] SIZES = {4 << 10, 64 << 10, 1 << 20, 64 << 20};
    private static final int TRIALS = 9;
    private static final long TRIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final long WARMUP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Copies for about {@code nanos} by one way of copying: the time per copy, in ns. */
    @FunctionalInterface
    private interface TimedCopies {
        double nanosPerCopy(long nanos) throws RsmException;
    }

    private BulkCopy() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("machine: %s; raw cross-core one-way latency %.0f ns (mapped-flag ping-pong between two threads)%n",
                Machine.cpu(), Machine.crossCoreNanos());
        long largest = SIZES[SIZES.length - 1];
        try (TwoNodes nodes = new TwoNodes(largest); Arena arena = Arena.ofShared()) {
            ImportSegment segment = nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR);
            segment.setMode(BarrierMode.EXPLICIT);
            MemorySegment mapping = segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, largest);
            MemorySegment local = arena.allocate(largest, 4096);
            local.fill((byte) 7);
            mapping.fill((byte) 0);
            System.out.printf("%-10s %14s %14s %8s %14s %14s %8s%n", "size", "raw copy in", "RSM put", "speed", "raw copy out",
                    "RSM get", "speed");
            for (long size : SIZES) {
                MemorySegment source = local.asSlice(0, size);
                MemorySegment target = mapping.asSlice(0, size);
                double[] in = compare(nanos -> rawCopies(source, target, nanos), nanos -> transfers(segment, source, true, nanos));
                double[] out = compare(nanos -> rawCopies(target, source, nanos), nanos -> transfers(segment, source, false, nanos));
                System.out.printf("%-10s %11.3f us %11.3f us %7.2fx %11.3f us %11.3f us %7.2fx%n", size(size), in[0] / 1e3,
                        in[1] / 1e3, in[0] / in[1], out[0] / 1e3, out[1] / 1e3, out[0] / out[1]);
            }
        }
    }

    /** The medians of {@value #TRIALS} interleaved trials of the raw copy and of the RSM one: ns per copy. */
    private static double[] compare(TimedCopies raw, TimedCopies rsm) throws RsmException {
        raw.nanosPerCopy(WARMUP_NANOS);
        rsm.nanosPerCopy(WARMUP_NANOS);
        double[] rawTrials = new double[TRIALS];
        double[] rsmTrials = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            rawTrials[trial] = raw.nanosPerCopy(TRIAL_NANOS);
            rsmTrials[trial] = rsm.nanosPerCopy(TRIAL_NANOS);
        }
        Arrays.sort(rawTrials);
        Arrays.sort(rsmTrials);
        return new double[] {rawTrials[TRIALS / 2], rsmTrials[TRIALS / 2]};
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

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
