// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.io.IOException;

/**
 * A {@link WatchedCluster} whose segments are in the memory of processes the observer cannot map (a distributed cluster's
 * exporters, on other hosts): the observer reads them, and writes with credentials it states, through a data path of its
 * own, without being a node or an importer of the cluster.
 */
public interface RemoteSegments {
    /**
     * A view of segment {@code segmentId} of {@code node} as the cluster's state last said it is published, or null when it
     * is not. Does not wait for the network (a UI thread may ask): its {@link SegmentView#fetch reads} and writes do.
     *
     * @throws IOException when the view's copy of the segment cannot be made (no room for it)
     */
    RemoteSegmentView view(int node, int segmentId) throws IOException;
}
