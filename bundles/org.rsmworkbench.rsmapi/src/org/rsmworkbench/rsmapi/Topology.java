package org.rsmworkbench.rsmapi;

import java.util.List;

/** {@code rsm_topology_t}: the local node and, per local controller, the remote controllers it reaches. */
public record Topology(int localNodeId, List<Connections> connections) {
    public Topology {
        connections = List.copyOf(connections);
    }
}
