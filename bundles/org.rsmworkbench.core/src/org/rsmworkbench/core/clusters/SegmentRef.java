// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.util.Objects;

import org.rsmworkbench.emulator.ClusterState;

/** A segment of a watched cluster, by exporter node and segment id: what the inspector and Permissions view show. */
public record SegmentRef(RunningCluster cluster, int node, int segmentId) {
    public SegmentRef {
        Objects.requireNonNull(cluster, "cluster");
    }

    /** The segment in {@code state} (published, or bound when the id is 0), or null when it is gone. */
    public ClusterState.Segment find(ClusterState state) {
        ClusterState.Segment bound = null;
        for (ClusterState.Segment segment : state.segments()) {
            if (segment.node() == node && segment.segmentId() == segmentId) {
                if (segment.published()) {
                    return segment;
                }
                bound = segment;
            }
        }
        return bound;
    }

    /** "node 1 segment 0x2a". */
    public String describe() {
        return "node " + node + " segment " + ClusterTree.hex(segmentId);
    }

    @Override
    public String toString() {
        return cluster.label() + ": " + describe();
    }
}
