// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.rsmapi.BarrierMode;

/**
 * One read of a cluster's registry (see {@link Znodes}) into {@link ClusterState} parts: the state of a node or a link,
 * and the published segments with the connections to them. The IDE attached to the cluster reads them all
 * ({@link ZooKeeperCluster}); the launcher those of the node processes with files of their own
 * ({@link ZooKeeperBackend}), since the launch's files hold the others. It notes the newest change (zxid) among what it
 * read, which makes a snapshot's version.
 * <p>
 * The registry knows neither the processes (a process is a session, without credentials) nor the barrier mode a
 * connection set: a segment's owner and a connection's importer are process 0, its mode implicit.
 */
final class RegistryReader {
    private final ZooKeeper zooKeeper;
    private final String root;
    private final Watcher watcher;
    private final String connectString;
    private final Runnable answered;
    private long newestChange;

    /** What the registry lists as published: segments, the connections to them, and where each segment's memory is. */
    record Published(List<ClusterState.Segment> segments, List<ClusterState.Connection> connections,
            Map<String, ExportAddress> addresses) {
    }

    /**
     * A reader of the registry at {@code root} through {@code zooKeeper} (an empty root for a session chrooted at the
     * registry, whose connect string, for what it says of a damaged record, is {@code connectString}); {@code watcher}, if
     * not null, is set on each znode read; {@code answered} runs each time the registry answers a call.
     */
    RegistryReader(ZooKeeper zooKeeper, String root, Watcher watcher, String connectString, Runnable answered) {
        this.zooKeeper = zooKeeper;
        this.root = root;
        this.watcher = watcher;
        this.connectString = connectString;
        this.answered = answered;
    }

    /** The newest change (zxid) among the znodes read so far, their children's lists included. */
    long newestChange() {
        return newestChange;
    }

    /** The text of a state znode ({@code /nodes/N}, {@code /links/I}), or null when there is none. */
    String text(String path) throws KeeperException, InterruptedException {
        byte[] data = data(path, new Stat());
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    /** Every published segment and every connection. */
    Published published() throws KeeperException, InterruptedException {
        return published(_ -> true);
    }

    /** The segments that processes with files of their own published, and the connections they made. */
    Published publishedWithOwnFiles() throws KeeperException, InterruptedException {
        Set<Long> ownFiles = new HashSet<>();
        for (String name : children(Znodes.PROCESSES)) {
            byte[] record = data(Znodes.PROCESSES + "/" + name, new Stat());
            if (record != null && Znodes.processHasOwnFiles(record)) {
                try {
                    ownFiles.add(Znodes.sessionOfProcess(name));
                } catch (IllegalArgumentException e) {
                    // not the name of a process znode: nothing is listed as its
                }
            }
        }
        return published(ownFiles::contains);
    }

    /**
     * The segments and connections whose ephemeral znode a session that {@code bySession} takes owns. A connection is
     * aborted when its segment is not published (unpublished, or its exporter died) and the importer has not
     * disconnected yet.
     *
     * @throws IllegalStateException when a record is damaged
     */
    private Published published(LongPredicate bySession) throws KeeperException, InterruptedException {
        List<ClusterState.Segment> segments = new ArrayList<>();
        Map<String, ExportAddress> addresses = new HashMap<>();
        Set<String> published = new HashSet<>();
        for (String name : children(Znodes.SEGMENTS)) {
            Stat stat = new Stat();
            byte[] data = data(Znodes.SEGMENTS + "/" + name, stat);
            if (data != null) {
                published.add(name);
                if (bySession.test(stat.getEphemeralOwner())) {
                    SegmentRecord record = record(name, data);
                    segments.add(segment(record.segment()));
                    addresses.put(name, record.address());
                }
            }
        }
        List<ClusterState.Connection> connections = new ArrayList<>();
        for (String name : children(Znodes.CONNECTIONS)) {
            Stat stat = new Stat();
            byte[] data = data(Znodes.CONNECTIONS + "/" + name, stat);
            if (data != null && bySession.test(stat.getEphemeralOwner())) {
                connections.add(connection(name, data, published));
            }
        }
        return new Published(segments, connections, addresses);
    }

    private List<String> children(String folder) throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        List<String> children = zooKeeper.getChildren(root + folder, watcher, stat);
        answered.run();
        saw(stat);
        return children.stream().sorted().toList();
    }

    /** The data of a znode (its {@code stat} filled in), or null when it went since its folder was listed. */
    private byte[] data(String path, Stat stat) throws KeeperException, InterruptedException {
        try {
            byte[] data = zooKeeper.getData(root + path, watcher, stat);
            answered.run();
            saw(stat);
            return data;
        } catch (KeeperException.NoNodeException e) {
            answered.run();
            return null;
        }
    }

    private void saw(Stat stat) {
        newestChange = Math.max(newestChange, Math.max(stat.getMzxid(), stat.getPzxid()));
    }

    /** The record of a published segment's znode ({@code N-ID}). */
    private SegmentRecord record(String name, byte[] data) {
        String[] parts = name.split("-");
        try {
            return SegmentRecord.decode(Integer.parseInt(parts[0]), Integer.parseUnsignedInt(parts[1], 16), data);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("the segment " + name + " in the cluster registry at " + connectString
                    + " is damaged: " + e.getMessage(), e);
        }
    }

    /** A published segment as a state lists it. */
    private static ClusterState.Segment segment(PublishedSegment segment) {
        // the registry knows neither the exporting process nor how often it was published
        return new ClusterState.Segment(segment.node(), segment.controller(), 0, segment.segmentId(), segment.length(), true,
                segment.acl(), segment.uid(), segment.gid(), segment.mode(), 1);
    }

    /** A connection from its znode ({@code N-ID-M-SEQ}, a {@link Znodes#connectionRecord}). */
    private ClusterState.Connection connection(String name, byte[] data, Set<String> published) {
        String[] parts = name.split("-");
        try {
            int[] permissions = Znodes.connectionPermissions(data);
            int exporter = Integer.parseInt(parts[0]);
            int segmentId = Integer.parseUnsignedInt(parts[1], 16);
            boolean aborted = !published.contains(Znodes.segmentName(exporter, segmentId));
            return new ClusterState.Connection(Integer.parseInt(parts[3]), Integer.parseInt(parts[2]), 0, exporter, segmentId,
                    permissions[0], permissions[1], aborted, false, BarrierMode.IMPLICIT);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("the connection " + name + " in the cluster registry at " + connectString
                    + " is damaged: " + e.getMessage(), e);
        }
    }
}
