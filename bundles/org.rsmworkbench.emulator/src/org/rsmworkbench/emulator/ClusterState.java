// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.Credentials;

/**
 * A snapshot of a running cluster, read without blocking it (for views and the live model), consistent
 * unless a JVM stopped in the middle of an update. {@code version} changes whenever the registry changes,
 * so an observer can skip work when nothing happened; it is even for a consistent snapshot, odd for one
 * read while an update stayed unfinished (see {@link #consistent()}).
 *
 * @param stopping whether the cluster was told to stop (Terminate Cluster, or its launch ending): its nodes are down
 *            while their JVMs end, and none is to be brought up again
 */
public record ClusterState(String name, long version, List<Node> nodes, List<Link> links, List<Process> processes,
        List<Segment> segments, List<Connection> connections, boolean stopping) {

    public ClusterState {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        processes = List.copyOf(processes);
        segments = List.copyOf(segments);
        connections = List.copyOf(connections);
    }

    /** The state of a cluster that was not told to stop. */
    public ClusterState(String name, long version, List<Node> nodes, List<Link> links, List<Process> processes,
            List<Segment> segments, List<Connection> connections) {
        this(name, version, nodes, links, processes, segments, connections, false);
    }

    /**
     * False for a snapshot read while a JVM that was stopped (SIGSTOP, a debugger) inside an update of the
     * cluster held it: rather than wait for that JVM, the read took what was there. Each process, segment and
     * connection in it is whole, but the unfinished update may show in some of them and not in others. The
     * next snapshot after that JVM runs again is consistent, with another version.
     */
    public boolean consistent() {
        return (version & 1) == 0;
    }

    /** A node and whether it is up. */
    public record Node(int id, String hostname, boolean up) {
    }

    /** A link of the spec and whether it is up. */
    public record Link(LinkSpec link, boolean up) {
    }

    /** An emulated process: its serial number (unique in the cluster), node, credentials and OS pid. */
    public record Process(int serial, int node, Credentials credentials, long pid) {
    }

    /** An export segment: bound (not published) or published with an ACL. */
    public record Segment(int node, String controller, int ownerProcess, int segmentId, long size, boolean published,
            List<AccessEntry> acl, int creatorUid, int creatorGid, int mode, int publishCount) {
        public Segment {
            acl = List.copyOf(acl);
        }
    }

    /** An import connection; {@code aborted} after a forced disconnect the importer has not yet seen through. */
    public record Connection(int serial, int importerNode, int importerProcess, int exporterNode, int segmentId,
            int permission, int granted, boolean aborted, boolean mapped, BarrierMode mode) {
    }
}
