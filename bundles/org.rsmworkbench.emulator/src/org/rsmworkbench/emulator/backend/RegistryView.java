// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.backend;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * One consistent look at a registry, which {@link ConnectChecks} decides a connect from: the mapped registry under its
 * lock, or a versioned read of ZooKeeper that the connect's commit checks again.
 */
public interface RegistryView {
    /** The cluster's nodes, controllers and links. */
    ClusterSpec spec();

    boolean isNodeUp(int node);

    /** Whether the link with that index in {@link ClusterSpec#links()} is up. */
    boolean isLinkUp(int link);

    /**
     * The segment published on {@code node} with {@code segmentId}, or null when none is.
     *
     * @throws RsmException INTERNAL_ERROR when its record cannot be read (damaged)
     */
    PublishedSegment published(int node, int segmentId) throws RsmException;
}
