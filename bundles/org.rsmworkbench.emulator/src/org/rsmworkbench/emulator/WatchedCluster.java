// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

/**
 * A running cluster as an observer (the IDE's views) reads it, whatever keeps its registry: an {@link EmulatedCluster}
 * (mapped files in a directory) or a distributed cluster whose registry is in ZooKeeper. Its reads do not block for long
 * (a view may call them on the UI thread); a state that may be out of date says why in {@link #problem()}.
 */
public interface WatchedCluster extends AutoCloseable {
    /** Where the cluster is, as the user named it: its directory, or the connect string of its registry. Its identity. */
    String location();

    ClusterSpec spec();

    /** A snapshot of its nodes, links, processes, segments and connections; its version changes when one of them does. */
    ClusterState state();

    /** Where its processes wait now; empty where the registry does not say, and not complete where it could not be read. */
    ClusterWaits waits();

    /** Why what {@link #state()} gives may be out of date (its registry does not answer, say), or null. */
    default String problem() {
        return null;
    }

    /** Whether the cluster has stopped (nothing runs there any more), as opposed to being unreachable for now. */
    boolean isGone();

    /** Stops watching it (the cluster keeps running unless this handle owns it). */
    @Override
    void close();
}
