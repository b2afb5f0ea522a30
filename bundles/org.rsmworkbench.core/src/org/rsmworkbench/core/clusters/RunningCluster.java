// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.WatchedCluster;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.emulator.launch.HostFaultInjector;

/**
 * A cluster the IDE watches: the handle (an {@link EmulatedCluster} in a directory, or a distributed cluster read from its
 * registry, both {@link WatchedCluster}s), where it came from, and whether the registry closes (detaches
 * or stops) it when it is removed; the programs of its nodes as its launch reports them, and the way the views
 * inject faults into it.
 */
public final class RunningCluster {
    /** Where the cluster came from. */
    public enum Origin {
        /** Started by a launch of the IDE: the launch owns it, removing it from the registry does not close it. */
        LAUNCHED,
        /** Joined by the user (a directory, or a registry's connect string): the registry detaches it when it is removed. */
        ATTACHED
    }

    private final WatchedCluster watched;
    /** The same handle when it is a cluster in a directory, null for a distributed one. */
    private final EmulatedCluster local;
    private final Origin origin;
    private final String label;
    private final FaultInjector faults;
    private final NodePrograms programs = new NodePrograms();
    private volatile Path recording;
    private volatile HostFaultInjector hostFaults;
    private volatile Runnable terminator;

    /**
     * @param faults the injector of its launch; null: faults are applied to a cluster in a directory and logged nowhere,
     *            restarted nodes stay empty
     */
    RunningCluster(WatchedCluster cluster, Origin origin, String label, FaultInjector faults) {
        this.watched = Objects.requireNonNull(cluster, "cluster");
        this.local = cluster instanceof EmulatedCluster emulated ? emulated : null;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.label = label == null || label.isBlank() ? cluster.spec().name() : label;
        this.faults = faults != null || local == null ? faults : new FaultInjector(local, _ -> {
            // no console watches this cluster
        });
    }

    /** What the views read: its spec, state and waits. */
    public WatchedCluster watched() {
        return watched;
    }

    /** The cluster in a directory, or empty for a distributed cluster (whose registry is in ZooKeeper). */
    public Optional<EmulatedCluster> local() {
        return Optional.ofNullable(local);
    }

    /**
     * The cluster in a directory, for what only such a cluster does (faults, mapped segment views, writes as a process of
     * it).
     *
     * @throws IllegalStateException for a distributed cluster (see {@link #local()})
     */
    public EmulatedCluster cluster() {
        if (local == null) {
            throw new IllegalStateException(label + " is a distributed cluster (registry at " + watched.location()
                    + "): only a cluster in a directory can do that");
        }
        return local;
    }

    /** The folder its launch records into, when the launch records. */
    public Optional<Path> recording() {
        return Optional.ofNullable(recording);
    }

    /** Says that its launch records into {@code folder}. */
    public void recordedInto(Path folder) {
        recording = folder;
    }

    /**
     * Says how its launch stops the whole cluster (every node's JVM, then the cluster), for {@link #terminate()}: a
     * node's console terminates only that node.
     */
    public void terminatedBy(Runnable terminateLaunch) {
        terminator = Objects.requireNonNull(terminateLaunch, "terminateLaunch");
    }

    /** Whether {@link #terminate()} can stop it: its launch said how, and it runs. */
    public boolean canTerminate() {
        return terminator != null && !isGone();
    }

    /** Stops the whole cluster as its launch does (every node's JVM, then the cluster); nothing if it {@linkplain #canTerminate cannot}. */
    public void terminate() {
        Runnable terminate = terminator;
        if (terminate != null && !isGone()) {
            terminate.run();
        }
    }

    /**
     * The injector of the faults of its hosts, when its launch is one across hosts (a hosts file): the views offer them
     * ({@link HostFaultChoices}); empty for any other cluster.
     */
    public Optional<HostFaultInjector> hostFaults() {
        return Optional.ofNullable(hostFaults);
    }

    /** Says that its launch runs across hosts, whose faults {@code injector} injects and logs on the cluster's console. */
    public void acrossHosts(HostFaultInjector injector) {
        hostFaults = Objects.requireNonNull(injector, "injector");
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
        if (faults == null) {
            return new FaultInjector.Result(false, label + " is a distributed cluster: the IDE does not inject faults into it"
                    + " (kill its node JVMs, or cut links, where they run)");
        }
        return faults.inject(fault, source);
    }

    /** Where it is: its directory, or the connect string of its registry. Its identity in the registry of the IDE. */
    public String location() {
        return watched.location();
    }

    /** Whether the cluster has stopped (see {@link WatchedCluster#isGone()}). */
    public boolean isGone() {
        return watched.isGone();
    }

    @Override
    public String toString() {
        return label + " (" + (origin == Origin.LAUNCHED ? "launched" : "attached") + ", " + watched.location() + ")";
    }
}
