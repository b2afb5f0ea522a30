// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.util.List;

/** {@code rsm_topology_t}: the local node and, per local controller, the remote controllers it reaches. */
public record Topology(int localNodeId, List<Connections> connections) {
    public Topology {
        connections = List.copyOf(connections);
    }
}
