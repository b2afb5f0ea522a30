// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Node;
import org.rsmworkbench.emulator.internal.Registry.Proc;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.Credentials;

/**
 * Reads {@link ClusterState} snapshots from the registry without taking its lock, and without waiting for a stopped
 * writer. A record whose values cannot be right (damaged) is left out of the snapshot, so that observers never meet
 * a node or controller that does not exist.
 */
public final class StateReader {
    private StateReader() {
    }

    public static ClusterState read(ClusterRuntime runtime) {
        Registry registry = runtime.registry;
        ClusterSpec spec = runtime.spec;
        Registry.Snapshot<ClusterState> snapshot = registry.snapshot(() -> {
            List<ClusterState.Node> nodes = new ArrayList<>();
            for (NodeSpec node : spec.nodes()) {
                nodes.add(new ClusterState.Node(node.id(), node.hostname(),
                        registry.getInt(Node.at(node.id(), Node.STATE)) == Node.UP));
            }
            List<ClusterState.Link> links = new ArrayList<>();
            for (int i = 0; i < spec.links().size(); i++) {
                links.add(new ClusterState.Link(spec.links().get(i), registry.getInt(Registry.linkAt(i)) != 0));
            }
            List<ClusterState.Process> processes = new ArrayList<>();
            for (int p = 0, end = registry.processSlots(); p < end; p++) {
                int groupCount = registry.getInt(Proc.at(p, Proc.GROUP_COUNT));
                if (registry.getInt(Proc.at(p, Proc.STATE)) == Proc.LIVE && isNode(spec, registry.getInt(Proc.at(p, Proc.NODE)))
                        && groupCount >= 0 && groupCount <= Proc.MAX_GROUPS) {
                    Set<Integer> groups = new java.util.HashSet<>();
                    for (int g = 0; g < groupCount; g++) {
                        groups.add(registry.getInt(Proc.at(p, Proc.GROUPS) + 4L * g));
                    }
                    processes.add(new ClusterState.Process(registry.getInt(Proc.at(p, Proc.SERIAL)),
                            registry.getInt(Proc.at(p, Proc.NODE)),
                            new Credentials(registry.getInt(Proc.at(p, Proc.UID)), registry.getInt(Proc.at(p, Proc.GID)),
                                    groups, registry.getInt(Proc.at(p, Proc.UMASK)),
                                    registry.getInt(Proc.at(p, Proc.PRIVILEGED)) != 0),
                            registry.getLong(Proc.at(p, Proc.PID))));
                }
            }
            List<ClusterState.Segment> segments = new ArrayList<>();
            for (int s = 0, end = registry.segmentSlots(); s < end; s++) {
                int state = registry.getInt(Seg.at(s, Seg.STATE));
                if (state == Seg.BOUND || state == Seg.PUBLISHED) {
                    try {
                        segments.add(new ClusterState.Segment(SegmentRecords.node(runtime, s).id(),
                                SegmentRecords.controllerName(runtime, s),
                                registry.getInt(Seg.at(s, Seg.OWNER)), registry.getInt(Seg.at(s, Seg.SEGMENT_ID)),
                                SegmentRecords.length(runtime, s), state == Seg.PUBLISHED,
                                state == Seg.PUBLISHED ? SegmentRecords.acl(registry, s) : List.of(),
                                registry.getInt(Seg.at(s, Seg.UID)), registry.getInt(Seg.at(s, Seg.GID)),
                                registry.getInt(Seg.at(s, Seg.MODE)), registry.getInt(Seg.at(s, Seg.PUBLISHES))));
                    } catch (SegmentRecords.DamagedRecordException e) {
                        // left out: observers see only segments whose record holds together
                    }
                }
            }
            List<ClusterState.Connection> connections = new ArrayList<>();
            for (int c = 0, end = registry.connectionSlots(); c < end; c++) {
                int state = registry.getInt(Conn.at(c, Conn.STATE));
                if ((state == Conn.CONNECTED || state == Conn.ABORTED) && isNode(spec, registry.getInt(Conn.at(c, Conn.NODE)))
                        && isNode(spec, registry.getInt(Conn.at(c, Conn.EXPORTER_NODE)))) {
                    int flags = registry.getInt(Conn.at(c, Conn.FLAGS));
                    connections.add(new ClusterState.Connection(registry.getInt(Conn.at(c, Conn.SERIAL)),
                            registry.getInt(Conn.at(c, Conn.NODE)), registry.getInt(Conn.at(c, Conn.PROCESS)),
                            registry.getInt(Conn.at(c, Conn.EXPORTER_NODE)), registry.getInt(Conn.at(c, Conn.SEGMENT_ID)),
                            registry.getInt(Conn.at(c, Conn.PERMISSION)), registry.getInt(Conn.at(c, Conn.GRANTED)),
                            state == Conn.ABORTED, (flags & Conn.MAPPED) != 0,
                            (flags & Conn.EXPLICIT_MODE) != 0 ? BarrierMode.EXPLICIT : BarrierMode.IMPLICIT));
                }
            }
            return new ClusterState(spec.name(), Integer.toUnsignedLong(registry.getInt(Registry.H_MUTATIONS)), nodes,
                    links, processes, segments, connections, registry.getInt(Registry.H_STOPPED) != 0);
        });
        ClusterState state = snapshot.value();
        if (snapshot.consistent() || !state.consistent()) {
            return state;
        }
        // an unchecked read that found the counter even: its version must still say that it is not consistent
        return new ClusterState(state.name(), state.version() | 1, state.nodes(), state.links(), state.processes(),
                state.segments(), state.connections(), state.stopping());
    }

    /** Whether a node id read from a record names a node of the cluster (a damaged record's may not). */
    private static boolean isNode(ClusterSpec spec, int node) {
        return spec.node(node) != null;
    }
}
