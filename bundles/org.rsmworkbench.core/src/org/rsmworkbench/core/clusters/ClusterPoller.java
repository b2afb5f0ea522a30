// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.DeadlockWatch;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * Reads the state of every registered cluster and says what changed since the previous poll: the
 * heart of the views' live refresh, which calls {@link #poll()} at a fixed rate on a background thread
 * and touches the UI only when {@link Update#changed()}. It also feeds each cluster's
 * {@link PublishHistory}, so the history is recorded while no view is open, and looks for deadlocks among the waits of
 * its processes ({@link Waits}). Clusters whose directory
 * vanished (their owner stopped) are removed from the registry. Not for concurrent polls.
 */
public final class ClusterPoller {
    /**
     * The result of a poll: the latest state of every registered cluster (in registry order), and
     * whether anything differs from the previous poll (a cluster added, removed, its version changed, or a
     * program of its nodes started or ended).
     */
    public record Update(boolean changed, Map<RunningCluster, ClusterState> states, List<RunningCluster> changedClusters,
            Map<RunningCluster, Waits> waits, Map<RunningCluster, String> problems) {
        /** Why the state of that cluster may be out of date (see {@link ClusterPoller#error}), or null. */
        public String problem(RunningCluster cluster) {
            return problems.get(cluster);
        }
    }

    /**
     * Where the processes of a cluster wait ({@link ClusterWaits}), and the deadlocks among them that have lasted
     * {@link DeadlockWatch#PERSISTENCE} and are still there (kept through a look that could not read every wait).
     */
    public record Waits(ClusterWaits waits, List<Deadlock> deadlocks) {
        public static final Waits NONE = new Waits(new ClusterWaits(List.of()), List.of());

        public Waits {
            deadlocks = List.copyOf(deadlocks);
        }
    }

    private final RunningClusters registry;
    private final Map<RunningCluster, StateTracker> trackers = new ConcurrentHashMap<>();
    private final Map<RunningCluster, Long> programVersions = new ConcurrentHashMap<>();
    private final Map<RunningCluster, PublishHistory> histories = new ConcurrentHashMap<>();
    private final Map<RunningCluster, String> errors = new ConcurrentHashMap<>();
    private final Map<RunningCluster, DeadlockWatch> deadlockWatches = new ConcurrentHashMap<>();
    private final Map<RunningCluster, Waits> lastWaits = new ConcurrentHashMap<>();
    private static final ClusterWaits UNREAD = new ClusterWaits(List.of(), false);

    public ClusterPoller(RunningClusters registry) {
        this.registry = registry;
    }

    public Update poll() {
        boolean changed = false;
        List<RunningCluster> current = registry.clusters();
        for (RunningCluster cluster : current) {
            if (cluster.isGone()) {
                registry.remove(cluster);
            }
        }
        current = registry.clusters();
        if (trackers.keySet().retainAll(current)) {
            changed = true;
            histories.keySet().retainAll(current);
            programVersions.keySet().retainAll(current);
            errors.keySet().retainAll(current);
            deadlockWatches.keySet().retainAll(current);
            lastWaits.keySet().retainAll(current);
        }
        Map<RunningCluster, Waits> waits = new LinkedHashMap<>();
        Map<RunningCluster, ClusterState> states = new LinkedHashMap<>();
        List<RunningCluster> changedClusters = new ArrayList<>();
        for (RunningCluster cluster : current) {
            StateTracker tracker = trackers.computeIfAbsent(cluster, _ -> new StateTracker());
            ClusterState state;
            String problem;
            try {
                state = cluster.watched().state();
                problem = cluster.watched().problem();
            } catch (RuntimeException e) {
                // a cluster stopping under us: keep the last state, the next poll prunes it
                problem = String.valueOf(e.getMessage());
                state = tracker.last();
                if (state == null) {
                    continue;
                }
            }
            states.put(cluster, state);
            // a registry that stops or starts answering again changes what the views say of the cluster
            boolean problemChanged = !Objects.equals(problem, problem == null ? errors.remove(cluster) : errors.put(cluster, problem));
            boolean stateChanged = tracker.accept(state);
            // a program ends some time after its node went down: the views show its exit status then
            Long programs = cluster.programs().version();
            boolean programsChanged = !programs.equals(programVersions.put(cluster, programs));
            if (stateChanged || programsChanged || problemChanged) {
                changed = true;
                changedClusters.add(cluster);
            }
            if (stateChanged) {
                histories.computeIfAbsent(cluster, _ -> new PublishHistory()).observe(state);
            }
            Waits clusterWaits = waits(cluster);
            waits.put(cluster, clusterWaits);
            if (!clusterWaits.equals(lastWaits.put(cluster, clusterWaits))) {
                changed = true;
                if (!changedClusters.contains(cluster)) {
                    changedClusters.add(cluster);
                }
            }
        }
        return new Update(changed, states, List.copyOf(changedClusters), waits, Map.copyOf(errors));
    }

    /**
     * The waits of a cluster and its deadlocks; no waits while they cannot be read (it is stopping), which says
     * nothing of its deadlocks: those that lasted stay until a look that read every wait lacks them.
     */
    private Waits waits(RunningCluster cluster) {
        ClusterWaits waits;
        try {
            waits = cluster.watched().waits();
        } catch (RuntimeException e) {
            waits = UNREAD;
        }
        DeadlockWatch watch = deadlockWatches.computeIfAbsent(cluster, _ -> new DeadlockWatch(DeadlockWatch.PERSISTENCE));
        watch.observe(waits, System.nanoTime());
        return new Waits(waits, watch.lasting());
    }

    /** The publish history of a cluster recorded so far (empty before its first poll). */
    public PublishHistory history(RunningCluster cluster) {
        return histories.computeIfAbsent(cluster, _ -> new PublishHistory());
    }

    /** The last state read of that cluster, or null. */
    public ClusterState last(RunningCluster cluster) {
        StateTracker tracker = trackers.get(cluster);
        return tracker == null ? null : tracker.last();
    }

    /**
     * Why the last state of that cluster may be out of date, or null: its read failed, or its registry did not answer (see
     * {@link org.rsmworkbench.emulator.WatchedCluster#problem()}).
     */
    public String error(RunningCluster cluster) {
        return errors.get(cluster);
    }
}
