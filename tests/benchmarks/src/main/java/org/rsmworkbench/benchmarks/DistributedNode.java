// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.Signalable;

/**
 * The node programs of {@link DistributedBenchmark}, run by {@code rsm-launch --hosts} on a distributed cluster, through
 * RSMAPI only, as any node program. Node 1 exports, node 2 imports (on another host):
 * <ul>
 * <li>{@code put WARMUP COUNT WARMUP-1M COUNT-1M}: node 2 times EXPLICIT barrier spans on node 1's segment: open, put 8
 * bytes, close ({@code rsm-put8}); the same with open, put and close timed apart ({@code rsm-put8-open}, {@code -put},
 * {@code -close}); open, put 1 MiB, close ({@code rsm-put1m}); it prints the {@link OpTimes} results, then signals node 1
 * that it is done;</li>
 * <li>{@code publish-connect ROUNDS}: each round node 1 publishes a new segment to node 2 while node 2 retries its connect
 * without a pause (SEG_NOT_PUBLISHED until then); node 1 prints {@code PUBLISHED ROUND CALLED-NANOS RETURNED-NANOS} after publish returned,
 * node 2 {@code CONNECTED ROUND NANOS} after connect returned ({@link System#nanoTime()}: the machine's monotonic clock,
 * the same in every JVM of this machine); node 2 signals, node 1 unpublishes;</li>
 * <li>{@code signal WARMUP COUNT}: the doorbell of RSMAPI's examples, timed by node 2: it posts to node 1's segment and
 * waits for node 1's answer, a post on its export handle ({@code rsm-signal}); the same with an 8-byte put before the
 * post ({@code rsm-doorbell8}); it prints the {@link OpTimes} results, then posts once more: node 1 may withdraw its
 * segment;</li>
 * <li>{@code join}: each node opens RSMAPI, gets its controller and prints {@code JOINED RETRIES} ({@link #join()}).</li>
 * </ul>
 */
public final class DistributedNode {
    private static final int PUT_SEGMENT = 0x5b0001;
    private static final int FIRST_ROUND_SEGMENT = 0x5b1000;
    private static final int SIGNAL_SEGMENT = 0x5b0002;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How long a node keeps trying to join: 64 node JVMs starting on a small machine can starve its ZooKeeper session. */
    private static final long JOIN_WAIT_NANOS = TimeUnit.MINUTES.toNanos(4);

    private DistributedNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("join")) {
            join();
            return;
        }
        RsmLibrary rsm = Rsm.open();
        RsmController controller = rsm.getController("emu0");
        int node = rsm.localNodeId();
        switch (args[0]) {
            case "put" -> {
                if (node == 1) {
                    exportAndAwaitSignal(rsm, controller, PUT_SEGMENT, RawJucx.MIB, false);
                } else {
                    put(controller, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                            Integer.parseInt(args[4]));
                }
            }
            case "signal" -> {
                int warmup = Integer.parseInt(args[1]), count = Integer.parseInt(args[2]);
                if (node == 1) {
                    answerSignals(rsm, controller, 2 * (warmup + count));
                } else {
                    signal(controller, warmup, count);
                }
            }
            case "publish-connect" -> {
                int rounds = Integer.parseInt(args[1]);
                for (int round = 1; round <= rounds; round++) {
                    if (node == 1) {
                        // a pause of its own: node 2 is retrying its connect when the publish comes
                        Thread.sleep(ThreadLocalRandom.current().nextInt(5, 15));
                        exportAndAwaitSignal(rsm, controller, FIRST_ROUND_SEGMENT + round, 4096, true);
                    } else {
                        ImportSegment segment = connectWhenPublished(controller, FIRST_ROUND_SEGMENT + round);
                        System.out.println("CONNECTED " + round + " " + System.nanoTime());
                        segment.signalPost(0);
                        segment.disconnect();
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /**
     * Opens RSMAPI, gets the controller and prints {@code JOINED RETRIES}: how often an open failed with CTLR_NOT_PRESENT
     * (the registry lost its ZooKeeper connection while joining, as under load) and was tried again.
     */
    private static void join() throws RsmException, InterruptedException {
        long deadline = System.nanoTime() + JOIN_WAIT_NANOS;
        for (int retries = 0;; retries++) {
            try {
                Rsm.open().getController("emu0");
                System.out.println("JOINED " + retries);
                return;
            } catch (RsmException e) {
                if (e.error() != RsmError.CTLR_NOT_PRESENT || System.nanoTime() > deadline) {
                    throw e;
                }
                System.err.println("join failed, tried again: " + e.getMessage());
                Thread.sleep(100);
            }
        }
    }

    /**
     * Publishes a segment of {@code size} bytes to node 2 (a round's: says when publish returned) and waits for node 2's
     * signal before it withdraws it.
     */
    private static void exportAndAwaitSignal(RsmLibrary rsm, RsmController controller, int segmentId, long size, boolean round)
            throws RsmException {
        ExportSegment segment = controller.createExportSegment(rsm.allocate(size), 0);
        long called = System.nanoTime();
        segment.publish(segmentId, List.of(new AccessEntry(2, 0666)));
        if (round) {
            System.out.println("PUBLISHED " + (segmentId - FIRST_ROUND_SEGMENT) + " " + called + " " + System.nanoTime());
        }
        awaitSignal(segment);
        segment.unpublish();
        segment.destroy();
    }

    /**
     * Node 1's part of {@code signal}: answers each of {@code posts} posts of node 2 with a post of its own, then waits for
     * node 2's last post, which says it has its answers (an exporter's post returns before its message is sent: withdrawn
     * at once, the segment would cut the connection before the last answer arrives).
     */
    private static void answerSignals(RsmLibrary rsm, RsmController controller, int posts) throws RsmException {
        ExportSegment segment = controller.createExportSegment(rsm.allocate(4096), 0);
        segment.publish(SIGNAL_SEGMENT, List.of(new AccessEntry(2, 0666)));
        for (int i = 0; i < posts; i++) {
            awaitSignal(segment);
            segment.signalPost(0);
        }
        awaitSignal(segment);
        segment.unpublish();
        segment.destroy();
    }

    /** Node 2's part of {@code signal}: the timed round trips, post (and put) to node 1's answer. */
    private static void signal(RsmController controller, int warmup, int count) throws Exception {
        ImportSegment segment = connectWhenPublished(controller, SIGNAL_SEGMENT);
        segment.initBarrier(BarrierType.SEGMENT);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment message = arena.allocate(8, 8);
            System.out.println(OpTimes.measure("rsm-signal", 0, warmup, count, () -> {
                segment.signalPost(0);
                awaitSignal(segment);
            }).line());
            System.out.println(OpTimes.measure("rsm-doorbell8", 8, warmup, count, () -> {
                segment.put(0, message);
                segment.signalPost(0);
                awaitSignal(segment);
            }).line());
        }
        segment.signalPost(0);
        segment.disconnect();
    }

    /** Waits for a signal on {@code segment}, for {@link #WAIT_NANOS} at most. */
    private static void awaitSignal(Signalable segment) throws RsmException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (;;) {
            try {
                segment.signalWait(1000);
                return;
            } catch (RsmException e) {
                if (e.error() != RsmError.TIMEOUT || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static ImportSegment connectWhenPublished(RsmController controller, int segmentId) throws RsmException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (;;) {
            try {
                return controller.connect(1, segmentId, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                if (e.error() != RsmError.SEG_NOT_PUBLISHED || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** Node 2's part of {@code put}: the timed barrier spans, then a signal to node 1. */
    private static void put(RsmController controller, int warmup, int count, int warmupMib, int countMib) throws Exception {
        ImportSegment segment = connectWhenPublished(controller, PUT_SEGMENT);
        Barrier barrier = segment.initBarrier(BarrierType.SEGMENT);
        segment.setMode(BarrierMode.EXPLICIT);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment source = arena.allocate(RawJucx.MIB, 8);
            MemorySegment eightBytes = source.asSlice(0, 8);
            System.out.println(OpTimes.measure("rsm-put8", 8, warmup, count, () -> {
                barrier.open();
                segment.put(0, eightBytes);
                barrier.close();
            }).line());
            // where the time of a span goes: open, put and close timed on their own
            long[][] parts = new long[3][count];
            for (int i = -warmup; i < count; i++) {
                long opened = System.nanoTime();
                barrier.open();
                long put = System.nanoTime();
                segment.put(0, eightBytes);
                long closing = System.nanoTime();
                barrier.close();
                long closed = System.nanoTime();
                if (i >= 0) {
                    parts[0][i] = put - opened;
                    parts[1][i] = closing - put;
                    parts[2][i] = closed - closing;
                }
            }
            System.out.println(OpTimes.of("rsm-put8-open", 0, parts[0]).line());
            System.out.println(OpTimes.of("rsm-put8-put", 8, parts[1]).line());
            System.out.println(OpTimes.of("rsm-put8-close", 0, parts[2]).line());
            System.out.println(OpTimes.measure("rsm-put1m", RawJucx.MIB, warmupMib, countMib, () -> {
                barrier.open();
                segment.put(0, source);
                barrier.close();
            }).line());
        }
        segment.signalPost(0);
        segment.disconnect();
    }
}
