// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.model.internal.LiveStateApplier;
import org.rsmworkbench.model.live.LiveCluster;
import org.rsmworkbench.model.live.LiveFactory;

/**
 * Keeps a {@link LiveCluster} up to date with a running cluster. Reading a snapshot
 * ({@link EmulatedCluster#state()}) never blocks the cluster; a snapshot whose
 * {@link ClusterState#version() version} was already applied is skipped. Objects keep their identity
 * across refreshes (a node, process, segment or connection that is still there is the same object), so
 * viewers update in place instead of rebuilding.
 * <p>
 * The live model belongs to one thread (for a viewer, the UI thread): {@link #apply} and
 * {@link #refresh} must run there. {@link #start} polls on a thread of its own and hands changed
 * snapshots to the given executor, e.g. {@code display::asyncExec}.
 */
public final class LiveClusterRefresher implements AutoCloseable {
    private final Supplier<ClusterState> source;
    private final LiveCluster target;
    private volatile long polledVersion = Long.MIN_VALUE;
    private long appliedVersion = Long.MIN_VALUE;
    private ScheduledExecutorService poller;

    /** Refreshes {@code target} from {@code source} (usually {@code cluster::state}). */
    public LiveClusterRefresher(Supplier<ClusterState> source, LiveCluster target) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Refreshes {@code target} from the cluster. */
    public LiveClusterRefresher(EmulatedCluster cluster, LiveCluster target) {
        this(cluster::state, target);
    }

    /** An empty live model (version -1). */
    public static LiveCluster createLiveCluster() {
        return LiveFactory.eINSTANCE.createLiveCluster();
    }

    /** The live model this refresher updates. */
    public LiveCluster target() {
        return target;
    }

    /** Reads a snapshot; returns it if its version differs from the last one polled, else null. Any thread. */
    public ClusterState poll() {
        ClusterState state = source.get();
        if (state.version() == polledVersion) {
            return null;
        }
        polledVersion = state.version();
        return state;
    }

    /**
     * Applies the snapshot to the live model unless its version is the one applied last.
     *
     * @return whether the model was updated
     */
    public boolean apply(ClusterState state) {
        if (state == null || state.version() == appliedVersion) {
            return false;
        }
        LiveStateApplier.apply(target, state);
        appliedVersion = state.version();
        return true;
    }

    /** {@link #poll()} then {@link #apply}, in the calling thread; whether the model changed. */
    public boolean refresh() {
        return apply(poll());
    }

    /**
     * Polls every {@code period} on a daemon thread; applies each changed snapshot through
     * {@code applyExecutor} (the model's thread).
     */
    public synchronized void start(Duration period, Executor applyExecutor) {
        Objects.requireNonNull(applyExecutor, "applyExecutor");
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "RSM live model refresher");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                ClusterState state = poll();
                if (state != null) {
                    applyExecutor.execute(() -> apply(state));
                }
            } catch (RuntimeException e) {
                // a cluster that was closed meanwhile: stop polling
                stopPolling();
            }
        }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void stopPolling() {
        if (poller != null) {
            poller.shutdown();
        }
    }

    /** Stops polling (started by {@link #start}); the live model keeps its last state. */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
