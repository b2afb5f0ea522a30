// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.DeadlockWatch;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.WaitForAnalysis;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.emulator.backend.DistributedBackend.LaunchedRegistry;

/**
 * Looks at the waits of a launched cluster ten times a second (those of its files, and those that node JVMs with files
 * of their own published in the registry of a distributed cluster) and hands the first deadlock that has lasted
 * {@link DeadlockWatch#PERSISTENCE} to its listener, once; then stops looking. A daemon thread, ended by {@link #close()}.
 */
final class DeadlockMonitor implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofMillis(100);

    private final Thread thread;

    private DeadlockMonitor(EmulatedCluster cluster, LaunchedRegistry registry, Consumer<List<Deadlock>> listener) {
        thread = Thread.ofPlatform().daemon().name("rsm-launch-deadlocks").unstarted(() -> watch(cluster, registry, listener));
    }

    /**
     * Starts watching {@code cluster}, and {@code registry} when the cluster is distributed (else null); {@code listener}
     * gets the deadlocks found (on the monitor's thread).
     */
    static DeadlockMonitor start(EmulatedCluster cluster, LaunchedRegistry registry, Consumer<List<Deadlock>> listener) {
        DeadlockMonitor monitor = new DeadlockMonitor(cluster, registry, listener);
        monitor.thread.start();
        return monitor;
    }

    private static void watch(EmulatedCluster cluster, LaunchedRegistry registry, Consumer<List<Deadlock>> listener) {
        DeadlockWatch watch = new DeadlockWatch(DeadlockWatch.PERSISTENCE);
        try {
            while (!cluster.isClosed()) {
                List<Deadlock> lasting;
                try {
                    lasting = watch.observe(WaitForAnalysis.deadlocks(waits(cluster, registry)), System.nanoTime());
                } catch (RuntimeException e) {
                    lasting = List.of(); // a damaged record, or the registry not answering: the next look may read it
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

    /** The waits of the cluster's files, and of the registry's records when there is one. */
    private static ClusterWaits waits(EmulatedCluster cluster, LaunchedRegistry registry) {
        if (registry == null) {
            return cluster.waits();
        }
        List<ClusterWaits.Wait> waits = new ArrayList<>(cluster.waits().waits());
        waits.addAll(registry.waits().waits());
        return new ClusterWaits(waits);
    }

    /** Stops looking, and waits until the monitor no longer reads the cluster (which may be closed next). */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
