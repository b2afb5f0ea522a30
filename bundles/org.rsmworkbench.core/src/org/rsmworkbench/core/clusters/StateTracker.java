// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import org.rsmworkbench.emulator.ClusterState;

/**
 * Remembers the version of the last snapshot handed on, so that an observer polling at a fixed rate
 * does work (and posts UI updates) only when the cluster changed.
 */
public final class StateTracker {
    private long version = Long.MIN_VALUE;
    private ClusterState last;

    /** Whether {@code state} differs from the last one accepted; if so it becomes the last one. */
    public synchronized boolean accept(ClusterState state) {
        if (last != null && state.version() == version) {
            return false;
        }
        version = state.version();
        last = state;
        return true;
    }

    /** The last snapshot accepted, or null. */
    public synchronized ClusterState last() {
        return last;
    }
}
