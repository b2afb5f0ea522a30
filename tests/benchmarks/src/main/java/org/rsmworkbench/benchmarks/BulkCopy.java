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
 * both. JMH's bulk benchmarks measure each in a JVM of its own. Usage: main class
 * org.rsmworkbench.benchmarks.BulkCopy on the class path of benchmarks.jar.
 */
public final class BulkCopy {
    private static final long[] SIZES = {4 << 10, 64 << 10, 1 << 20, 64 << 20};
    private static final int TRIALS = 9;
    private static final long TRIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private static final long WARMUP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** One way of copying {@code size} bytes. */
    @FunctionalInterface
    private interface Copy {
        void run() throws RsmException;
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
                double[] in = compare(() -> MemorySegment.copy(source, 0, target, 0, size), () -> segment.put(0, source));
                double[] out = compare(() -> MemorySegment.copy(target, 0, source, 0, size), () -> segment.get(0, source));
                System.out.printf("%-10s %11.2f us %11.2f us %7.2fx %11.2f us %11.2f us %7.2fx%n", size(size), in[0] / 1e3,
                        in[1] / 1e3, in[0] / in[1], out[0] / 1e3, out[1] / 1e3, out[0] / out[1]);
            }
        }
    }

    /** The medians of {@value #TRIALS} interleaved trials of the raw copy and of the RSM one: ns per copy. */
    private static double[] compare(Copy raw, Copy rsm) throws RsmException {
        timeCopies(raw, WARMUP_NANOS);
        timeCopies(rsm, WARMUP_NANOS);
        double[] rawTrials = new double[TRIALS];
        double[] rsmTrials = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            rawTrials[trial] = timeCopies(raw, TRIAL_NANOS);
            rsmTrials[trial] = timeCopies(rsm, TRIAL_NANOS);
        }
        Arrays.sort(rawTrials);
        Arrays.sort(rsmTrials);
        return new double[] {rawTrials[TRIALS / 2], rsmTrials[TRIALS / 2]};
    }

    /** Copies for about {@code nanos}: the time per copy, in ns. */
    private static double timeCopies(Copy copy, long nanos) throws RsmException {
        long start = System.nanoTime();
        long copies = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                copy.run();
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
