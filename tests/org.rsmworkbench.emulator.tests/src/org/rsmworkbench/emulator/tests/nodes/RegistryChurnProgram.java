// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A node program that changes the cluster's registry as fast as it can, for the lock tests:
 * {@code RegistryChurnProgram <instance> <threads> <interrupts> <peers>} opens its library with
 * {@link Rsm#open()}, warms up ({@link #warmUp}) and answers {@code READY}; then obeys stdin:
 * <pre>
 * GO &lt;millis&gt; → runs {@link Churn} in &lt;threads&gt; threads for that long (0: until STOP),
 *               then answers DONE &lt;result&gt;
 * STOP        → ends the run (which then answers DONE)
 * </pre>
 * {@code <interrupts>} true adds a thread that interrupts the churning threads at random, as a program's
 * executor shutting down would: an RSM call other than signalWait completes anyway. {@code <peers>} lists the
 * {@code node:instance} pairs whose segments the threads connect to (this program's own included or not).
 * End of stdin exits.
 */
public final class RegistryChurnProgram {
    /** Segment ids: BASE + node * 256 + instance * 16 + thread. */
    public static final int BASE = 0x00600000;

    private RegistryChurnProgram() {
    }

    /** The id the churn thread {@code thread} of {@code instance} on {@code node} publishes under. */
    public static int segmentId(int node, int instance, int thread) {
        return BASE + node * 256 + instance * 16 + thread;
    }

    /** What the churning threads did: calls made, calls that failed unexpectedly, and the first such failure. */
    public static final class Churn {
        private final AtomicLong calls = new AtomicLong();
        private final AtomicLong unexpected = new AtomicLong();
        private final AtomicReference<String> first = new AtomicReference<>("-");
        private final int instance;
        private final int[][] peers;

        /** {@code peers}: {node, instance} pairs whose segments the threads connect to. */
        public Churn(int instance, int[][] peers) {
            this.instance = instance;
            this.peers = peers;
        }

        public long calls() {
            return calls.get();
        }

        public long unexpected() {
            return unexpected.get();
        }

        @Override
        public String toString() {
            return "calls=" + calls + " unexpected=" + unexpected + " first=" + first.get();
        }

        /**
         * One churning thread of {@code lib}, while {@code go} says so: creates an export segment, publishes it
         * under its id (ACL: every node), connects to the segment of a random peer thread and disconnects (that
         * segment may not be published at that moment: SEG_NOT_PUBLISHED is expected), republishes, unpublishes,
         * destroys; over and over. Any other failure, unchecked exceptions included, counts as unexpected.
         */
        public void run(RsmLibrary lib, int thread, int threads, BooleanSupplier go) {
            MemorySegment memory;
            RsmController controller;
            try {
                memory = lib.allocate(4096);
                controller = lib.getController("emu0");
            } catch (RsmException | RuntimeException e) {
                failed("setup", e);
                return;
            }
            int id = segmentId(lib.localNodeId(), instance, thread);
            while (go.getAsBoolean()) {
                ExportSegment segment = call("createExportSegment", () -> controller.createExportSegment(memory, 0));
                if (segment == null) {
                    continue;
                }
                call("publish", () -> segment.publish(id, null));
                int[] peer = peers[ThreadLocalRandom.current().nextInt(peers.length)];
                int peerId = segmentId(peer[0], peer[1], ThreadLocalRandom.current().nextInt(threads));
                ImportSegment imported = call("connect", () -> {
                    try {
                        return controller.connect(peer[0], peerId, Rsm.PERM_READ);
                    } catch (RsmException e) {
                        if (e.error() == RsmError.SEG_NOT_PUBLISHED) {
                            return null;
                        }
                        throw e;
                    }
                });
                if (imported != null) {
                    call("disconnect", () -> {
                        imported.disconnect();
                        return null;
                    });
                }
                call("republish", () -> {
                    segment.republish(null);
                    return null;
                });
                call("unpublish", () -> {
                    segment.unpublish();
                    return null;
                });
                call("destroy", () -> {
                    segment.destroy();
                    return null;
                });
            }
        }

        /** An RSM call that may fail: the result, or null after a failure (counted). */
        private <T> T call(String what, RsmCall<T> call) {
            try {
                return call.run();
            } catch (RsmException | RuntimeException e) {
                failed(what, e);
                return null;
            } finally {
                calls.incrementAndGet();
                Thread.interrupted(); // an interrupt is noise here: the next call starts without it
            }
        }

        private void failed(String what, Exception e) {
            unexpected.incrementAndGet();
            first.compareAndSet("-", what + ": " + e);
        }
    }

    /** An RSM call. */
    @FunctionalInterface
    private interface RsmCall<T> {
        T run() throws RsmException;
    }

    /** Runs {@code threads} churning threads of {@code lib} (and an interrupter if asked) while {@code go} says so. */
    public static void churn(RsmLibrary lib, Churn churn, int threads, boolean interrupts, BooleanSupplier go)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().name("churn-" + t).start(() -> churn.run(lib, thread, threads, go)));
        }
        Thread interrupter = interrupts ? Thread.ofPlatform().daemon().name("interrupter").start(() -> {
            while (go.getAsBoolean()) {
                workers.get(ThreadLocalRandom.current().nextInt(workers.size())).interrupt();
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }) : null;
        for (Thread worker : workers) {
            worker.join();
        }
        if (interrupter != null) {
            interrupter.join();
        }
    }

    /**
     * One round of the churn on a segment of its own, so that the first uses of the emulator's code (class
     * loading, native downcalls: seconds on a loaded machine) come before the timed run.
     */
    public static void warmUp(RsmLibrary lib, int instance) {
        boolean[] once = { true };
        new Churn(instance, new int[][] { { lib.localNodeId(), instance } }).run(lib, 0, 1, () -> {
            boolean go = once[0];
            once[0] = false;
            return go;
        });
    }

    /** The {node, instance} pairs of a peer list "node:instance,...". */
    public static int[][] peers(String list) {
        return Arrays.stream(list.split(",")).map(p -> p.split(":"))
                .map(p -> new int[] { Integer.parseInt(p[0]), Integer.parseInt(p[1]) }).toArray(int[][]::new);
    }

    public static void main(String[] args) throws Exception {
        int instance = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        boolean interrupts = Boolean.parseBoolean(args[2]);
        int[][] peers = peers(args[3]);
        RsmLibrary lib;
        try {
            lib = Rsm.open();
        } catch (RsmException e) {
            say("ERROR " + e.error() + " " + e.getMessage());
            System.exit(3);
            return;
        }
        warmUp(lib, instance);
        say("READY");
        Churn churn = new Churn(instance, peers);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Thread running = null;
        AtomicBoolean stop = new AtomicBoolean();
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
            case "GO" -> {
                long millis = Long.parseLong(w[1]);
                long end = System.nanoTime() + millis * 1_000_000L;
                BooleanSupplier go = millis == 0 ? () -> !stop.get() : () -> !stop.get() && System.nanoTime() < end;
                running = Thread.ofPlatform().start(() -> {
                    try {
                        churn(lib, churn, threads, interrupts, go);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    say("DONE " + churn);
                });
            }
            case "STOP" -> stop.set(true);
            default -> say("ERROR UNKNOWN_COMMAND " + line);
            }
        }
        stop.set(true);
        if (running != null) {
            running.join();
        }
        lib.close();
        System.exit(0);
    }

    private static void say(String s) {
        synchronized (System.out) {
            System.out.println(s);
            System.out.flush();
        }
    }
}
