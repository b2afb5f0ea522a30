// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.emulator.launch.FaultInjector;

/**
 * A cluster the IDE watches: the handle, where it came from, and whether the registry closes (detaches
 * or stops) it when it is removed; the programs of its nodes as its launch reports them, and the way the views
 * inject faults into it.
 */
public final class RunningCluster {
    /** Where the cluster came from. */
    public enum Origin {
        /** Started by a launch of the IDE: the launch owns it, removing it from the registry does not close it. */
        LAUNCHED,
        /** Joined with {@link EmulatedCluster#open}: the registry detaches it when it is removed. */
        ATTACHED
    }

    private final EmulatedCluster cluster;
    private final Origin origin;
    private final String label;
    private final FaultInjector faults;
    private final NodePrograms programs = new NodePrograms();
    private volatile Path recording;

    /** @param faults the injector of its launch; null: faults are applied and logged nowhere, restarted nodes stay empty */
    RunningCluster(EmulatedCluster cluster, Origin origin, String label, FaultInjector faults) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.label = label == null || label.isBlank() ? cluster.spec().name() : label;
        this.faults = faults != null ? faults : new FaultInjector(cluster, _ -> {
            // no console watches this cluster
        });
    }

    public EmulatedCluster cluster() {
        return cluster;
    }

    /** The folder its launch records into, when the launch records. */
    public Optional<Path> recording() {
        return Optional.ofNullable(recording);
    }

    /** Says that its launch records into {@code folder}. */
    public void recordedInto(Path folder) {
        recording = folder;
    }

    public Origin origin() {
        return origin;
    }

    /** What the views call it: the launch configuration's name, or the cluster's name. */
    public String label() {
        return label;
    }

    /** The programs of its nodes, as its launch reports them (empty for an attached cluster). */
    public NodePrograms programs() {
        return programs;
    }

    /**
     * Injects a fault now. For a launched cluster it is logged on the cluster's console with its time and
     * {@code source}, and a restart starts the node's program again.
     *
     * @param source where it comes from, e.g. "Clusters view"
     * @return whether it changed the cluster (not when it failed, or had nothing to do) and its log line
     */
    public FaultInjector.Result inject(Fault fault, String source) {
        return faults.inject(fault, source);
    }

    public Path directory() {
        return cluster.directory();
    }

    /**
     * Whether the cluster has stopped: its owner removes the directory when it stops (or the next start
     * cleans it after a crash), so a missing directory means nothing runs there any more.
     */
    public boolean isGone() {
        return !java.nio.file.Files.isDirectory(cluster.directory());
    }

    @Override
    public String toString() {
        return label + " (" + (origin == Origin.LAUNCHED ? "launched" : "attached") + ", " + cluster.directory() + ")";
    }
}
