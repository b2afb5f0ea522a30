// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Threads of an exporter that count, each in a slot of its own in every given memory, until
 * {@link #stopAndVerify} stops them and checks that the memory holds every count they made: a write lost by
 * the emulator (memory copied or moved under the exporter's feet) shows as a count too low. The slots are the
 * second page and the last page of the memory, so that a copy takes a while to get from one to the other; page 0
 * is left to importers.
 */
final class ExporterCounters implements AutoCloseable {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final int THREADS = 2;

    private final MemorySegment[] memories;
    private final long[] slots = new long[THREADS];
    private final long[][] counted = new long[THREADS][];
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;

    /** Starts counting in {@code memories}, each of at least 3 pages. */
    ExporterCounters(MemorySegment... memories) {
        this.memories = memories;
        long size = Arrays.stream(memories).mapToLong(MemorySegment::byteSize).min().orElseThrow();
        slots[0] = PAGE;
        slots[1] = size - PAGE + 8;
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            counted[t] = new long[memories.length];
            Thread counter = new Thread(() -> count(thread), "exporter-counter-" + t);
            counter.setDaemon(true);
            threads.add(counter);
            counter.start();
        }
    }

    private void count(int thread) {
        long[] mine = counted[thread];
        long slot = slots[thread];
        while (!stop) {
            for (int m = 0; m < memories.length; m++) {
                // read, then write: a write lost under the thread's feet takes every later count down with it
                LONG.setOpaque(memories[m], slot, (long) LONG.getOpaque(memories[m], slot) + 1);
                mine[m]++;
            }
        }
    }

    /** Stops the threads and checks every count. */
    void stopAndVerify() throws InterruptedException {
        close();
        for (int t = 0; t < THREADS; t++) {
            for (int m = 0; m < memories.length; m++) {
                assertEquals(counted[t][m], (long) LONG.getOpaque(memories[m], slots[t]),
                        "count of thread " + t + " in memory " + m + ": every increment stays in the memory");
            }
        }
    }

    /** Stops the threads (before their memory goes away, when a test failed early). */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
    }
}
