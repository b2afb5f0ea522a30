// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.rsmworkbench.emulator.DeadlockWatch;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * Looks at the waits of a launched cluster ten times a second and hands the first deadlock that has lasted
 * {@link DeadlockWatch#PERSISTENCE} to its listener, once; then stops looking. A daemon thread, ended by {@link #close()}.
 */
final class DeadlockMonitor implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofMillis(100);

    private final Thread thread;

    private DeadlockMonitor(EmulatedCluster cluster, Consumer<List<Deadlock>> listener) {
        thread = Thread.ofPlatform().daemon().name("rsm-launch-deadlocks").unstarted(() -> watch(cluster, listener));
    }

    /** Starts watching {@code cluster}; {@code listener} gets the deadlocks found (on the monitor's thread). */
    static DeadlockMonitor start(EmulatedCluster cluster, Consumer<List<Deadlock>> listener) {
        DeadlockMonitor monitor = new DeadlockMonitor(cluster, listener);
        monitor.thread.start();
        return monitor;
    }

    private static void watch(EmulatedCluster cluster, Consumer<List<Deadlock>> listener) {
        DeadlockWatch watch = new DeadlockWatch(DeadlockWatch.PERSISTENCE);
        try {
            while (!cluster.isClosed()) {
                List<Deadlock> lasting;
                try {
                    lasting = watch.observe(cluster.waits(), System.nanoTime());
                } catch (RuntimeException e) {
                    lasting = List.of(); // a damaged record: the next look may read it whole
                }
                if (!lasting.isEmpty()) {
                    listener.accept(lasting);
                    return;
                }
                Thread.sleep(PERIOD);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Stops looking, and waits until the monitor no longer reads the cluster (which may be closed next). */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
