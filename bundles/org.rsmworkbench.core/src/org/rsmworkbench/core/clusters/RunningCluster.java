package org.rsmworkbench.core.clusters;

import java.nio.file.Path;
import java.util.Objects;

import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * A cluster the IDE watches: the handle, where it came from, and whether the registry closes (detaches
 * or stops) it when it is removed.
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

    RunningCluster(EmulatedCluster cluster, Origin origin, String label) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.label = label == null || label.isBlank() ? cluster.spec().name() : label;
    }

    public EmulatedCluster cluster() {
        return cluster;
    }

    public Origin origin() {
        return origin;
    }

    /** What the views call it: the launch configuration's name, or the cluster's name. */
    public String label() {
        return label;
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
