// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.WatchedCluster;
import org.rsmworkbench.emulator.launch.FaultInjector;

/**
 * The clusters the IDE watches: those its launches started (the launch delegate adds and removes them)
 * and those the user attached to (by directory, or by the connect string of a distributed cluster's registry). Thread-safe; listeners are called on the thread that
 * changed the registry, outside any lock, and must not block.
 */
public final class RunningClusters {
    /** Told when a cluster is added or removed. */
    public interface Listener {
        void added(RunningCluster cluster);

        void removed(RunningCluster cluster);
    }

    private static final RunningClusters DEFAULT = new RunningClusters();

    private final CopyOnWriteArrayList<RunningCluster> clusters = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    /** The recording of the last removed cluster whose launch recorded: what a run that ended leaves to look at. */
    private volatile Path lastEndedRecording;

    /** The IDE's registry. */
    public static RunningClusters getDefault() {
        return DEFAULT;
    }

    /** The clusters in the order they were added. */
    public List<RunningCluster> clusters() {
        return List.copyOf(clusters);
    }

    /**
     * Registers a cluster a launch started; the launch stays its owner (removing it does not close it).
     *
     * @param label what the views call it, e.g. the launch configuration's name; null for the cluster's name
     * @return the entry, or the existing entry when this cluster (the same directory) is registered already
     */
    public RunningCluster addLaunched(EmulatedCluster cluster, String label) {
        return addLaunched(cluster, label, null);
    }

    /**
     * Registers a cluster a launch started, with the launch's fault injector: faults from the views are logged on
     * the launch's cluster console, and a restarted node's program is started again.
     *
     * @return the entry, or the existing entry when this cluster (the same directory) is registered already
     */
    public RunningCluster addLaunched(EmulatedCluster cluster, String label, FaultInjector faults) {
        return add(new RunningCluster(cluster, RunningCluster.Origin.LAUNCHED, label, faults));
    }

    /**
     * Joins the running cluster in {@code directory} and registers it (detached again when removed). When a
     * cluster in that directory is registered already, returns it and joins nothing.
     *
     * @throws IOException when the directory holds no running cluster (the message says why)
     */
    public RunningCluster attach(Path directory) throws IOException {
        RunningCluster existing = find(directory);
        if (existing != null) {
            return existing;
        }
        return attach(EmulatedCluster.open(directory));
    }

    /**
     * Registers a cluster the caller opened (a distributed one read from its registry, say), detached again when removed.
     * When a cluster at the same location is registered already, closes {@code cluster} and returns that one.
     */
    public RunningCluster attach(WatchedCluster cluster) {
        RunningCluster entry = new RunningCluster(cluster, RunningCluster.Origin.ATTACHED, null, null);
        RunningCluster added = add(entry);
        if (added != entry) {
            cluster.close(); // the same cluster was attached already (or meanwhile, by another thread)
        }
        return added;
    }

    private RunningCluster add(RunningCluster entry) {
        synchronized (clusters) {
            RunningCluster existing = find(entry.location());
            if (existing != null) {
                return existing;
            }
            clusters.add(entry);
        }
        for (Listener listener : listeners) {
            listener.added(entry);
        }
        return entry;
    }

    /** The registered cluster in that directory, or null. */
    public RunningCluster find(Path directory) {
        return find(directory.toAbsolutePath().normalize().toString());
    }

    /** The registered cluster at that {@linkplain WatchedCluster#location() location}, or null. */
    public RunningCluster find(String location) {
        for (RunningCluster cluster : clusters) {
            if (cluster.location().equals(location)) {
                return cluster;
            }
        }
        return null;
    }

    /** The entry of that cluster handle, or null. */
    public RunningCluster find(WatchedCluster cluster) {
        for (RunningCluster entry : clusters) {
            if (entry.watched() == cluster) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Unregisters the cluster; an attached one is detached (its nodes keep running), a launched one is left
     * to its launch.
     *
     * @return whether it was registered
     */
    public boolean remove(RunningCluster entry) {
        if (!clusters.remove(entry)) {
            return false;
        }
        entry.recording().ifPresent(folder -> lastEndedRecording = folder);
        if (entry.origin() == RunningCluster.Origin.ATTACHED) {
            entry.watched().close();
        }
        for (Listener listener : listeners) {
            listener.removed(entry);
        }
        return true;
    }

    /**
     * The recording folder of the run that ended last among the removed clusters whose launch recorded, while that folder
     * is still there; empty when no recorded run has ended since the IDE started.
     */
    public Optional<Path> lastEndedRecording() {
        Path folder = lastEndedRecording;
        return folder != null && Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Removes the entry of that cluster handle (what a launch calls when it ends), if any. */
    public boolean remove(WatchedCluster cluster) {
        RunningCluster entry = find(cluster);
        return entry != null && remove(entry);
    }

    /** Removes (and detaches, where the registry owns them) every cluster. */
    public void removeAll() {
        for (RunningCluster entry : clusters()) {
            remove(entry);
        }
    }

    public void addListener(Listener listener) {
        listeners.addIfAbsent(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }
}
