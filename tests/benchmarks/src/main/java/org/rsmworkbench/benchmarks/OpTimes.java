// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.util.Arrays;

/**
 * The times of single operations, each measured on its own, as one line that {@link DistributedBenchmark} reads from
 * the programs it starts ({@link DistributedNode}, {@link RawJucx}): {@code RESULT NAME BYTES MEDIAN-NS P10-NS P90-NS N}.
 */
final class OpTimes {
    /** What the harness looks for in a program's output. */
    static final String RESULT = "RESULT";

    /** One operation; it throws when it failed. */
    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    /** A measured operation: its name, the bytes it moves, its median and 10th and 90th percentile times, how often it ran. */
    record Result(String name, long bytes, long medianNanos, long p10Nanos, long p90Nanos, int count) {
        /** This result as a RESULT line. */
        String line() {
            return String.join(" ", RESULT, name, Long.toString(bytes), Long.toString(medianNanos), Long.toString(p10Nanos),
                    Long.toString(p90Nanos), Integer.toString(count));
        }

        /** The result a RESULT line gives. */
        static Result parse(String line) {
            String[] words = line.strip().split(" ");
            if (words.length != 7 || !words[0].equals(RESULT)) {
                throw new IllegalArgumentException("not a result line: " + line);
            }
            return new Result(words[1], Long.parseLong(words[2]), Long.parseLong(words[3]), Long.parseLong(words[4]),
                    Long.parseLong(words[5]), Integer.parseInt(words[6]));
        }
    }

    private OpTimes() {
    }

    /** Runs {@code op} {@code warmup} times, then times it {@code count} times, one run at a time. */
    static Result measure(String name, long bytes, int warmup, int count, Op op) throws Exception {
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            op.run();
            times[i] = System.nanoTime() - start;
        }
        return of(name, bytes, times);
    }

    /** The result of operations timed elsewhere, {@code times} in ns (sorted here). */
    static Result of(String name, long bytes, long[] times) {
        Arrays.sort(times);
        return new Result(name, bytes, times[times.length / 2], times[times.length / 10], times[times.length * 9 / 10], times.length);
    }
}
