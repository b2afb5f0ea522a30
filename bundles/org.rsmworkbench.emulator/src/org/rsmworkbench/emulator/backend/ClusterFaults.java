// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.backend;

/**
 * The link and transfer faults of a cluster (its {@code link-down}/{@code link-up} and {@code fail:} faults), as the
 * emulator applies them to cluster files: a launch's registry of a distributed cluster records them for every node process
 * ({@link DistributedBackend.LaunchedRegistry}), and a node process applies what its registry records to the files it uses
 * ({@link DistributedBackend#join}), where its connects, transfers, signals and topology see them as in a local cluster.
 */
public interface ClusterFaults {
    /**
     * Takes the link with index {@code link} in the cluster spec's links up or down; down cuts off the connections through it
     * (RSMAPI §5.4: the path manager disconnects their importers).
     */
    void setLink(int link, boolean up);

    /**
     * Marks {@code node} down (killed) or up again (restarted). In the files of a node process that keeps the cluster's files
     * apart, which hold no process of another node, the node's topology then says whether that node is reachable (RSMAPI
     * §5.4).
     */
    void setNode(int node, boolean up);

    /** The next {@code count} transfers from a process of {@code importerNode} to a segment of {@code exporterNode} fail. */
    void failNextTransfers(int importerNode, int exporterNode, int count);
}
