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
import org.rsmworkbench.rsmapi.Credentials;

/**
 * One read of a cluster's registry (see {@link Znodes}) into {@link ClusterState} parts: the state of a node or a link,
 * and the processes with the segments they published and the connections they made. The IDE attached to the cluster
 * reads them all ({@link ZooKeeperCluster}); the launcher those of the node processes with files of their own
 * ({@link ZooKeeperBackend}), since the launch's files hold the others. It notes the newest change (zxid) among what it
 * read, which makes a snapshot's version.
 * <p>
 * A process is its ZooKeeper session, numbered by {@link ProcessNumbers}: its serial, the owner of its segments and the
 * importer of its connections are that number. A process whose record lacks its credentials (written before processes
 * recorded them) is not listed; its segments and connections are. The registry knows neither the barrier mode a
 * connection set (implicit) nor how often a segment was published (once).
 */
final class RegistryReader {
    private final ZooKeeper zooKeeper;
    private final String root;
    private final Watcher watcher;
    private final String connectString;
    private final ProcessNumbers processNumbers;
    private final Runnable answered;
    private long newestChange;

    /**
     * What the registry lists: processes, the segments they published, the connections they made, and where each segment's
     * memory is.
     */
    record Published(List<ClusterState.Process> processes, List<ClusterState.Segment> segments,
            List<ClusterState.Connection> connections, Map<String, ExportAddress> addresses) {
    }

    /**
     * A reader of the registry at {@code root} through {@code zooKeeper} (an empty root for a session chrooted at the
     * registry, whose connect string, for what it says of a damaged record, is {@code connectString}); {@code watcher}, if
     * not null, is set on each znode read; its processes are numbered by {@code processNumbers}; {@code answered} runs
     * each time the registry answers a call.
     */
    RegistryReader(ZooKeeper zooKeeper, String root, Watcher watcher, String connectString, ProcessNumbers processNumbers,
            Runnable answered) {
        this.zooKeeper = zooKeeper;
        this.root = root;
        this.watcher = watcher;
        this.connectString = connectString;
        this.processNumbers = processNumbers;
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

    /** Every process, published segment and connection. */
    Published published() throws KeeperException, InterruptedException {
        return published(false);
    }

    /** The processes with files of their own, the segments they published, and the connections they made. */
    Published publishedWithOwnFiles() throws KeeperException, InterruptedException {
        return published(true);
    }

    /**
     * The processes (those with files of their own alone when {@code ownFilesOnly}) and the segments and connections whose
     * ephemeral znode their sessions own. A connection is aborted when its segment is not published (unpublished, or its
     * exporter died) and the importer has not disconnected yet. The numbers of the processes that ended are forgotten.
     *
     * @throws IllegalStateException when a segment's or a connection's record is damaged
     */
    private Published published(boolean ownFilesOnly) throws KeeperException, InterruptedException {
        int mark = processNumbers.mark();
        Set<Long> live = new HashSet<>();
        Set<Long> listed = new HashSet<>();
        List<ClusterState.Process> processes = new ArrayList<>();
        for (String name : children(Znodes.PROCESSES)) {
            long session;
            int node;
            try {
                session = Znodes.sessionOfProcess(name);
                node = Znodes.nodeOfProcess(name);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                continue; // not the name of a process znode: nothing is listed as its
            }
            live.add(session);
            byte[] record = data(Znodes.PROCESSES + "/" + name, new Stat());
            if (record != null && (!ownFilesOnly || Znodes.processHasOwnFiles(record))) {
                listed.add(session);
                Credentials credentials;
                long pid;
                try {
                    credentials = Znodes.processCredentials(record);
                    pid = Znodes.processPid(record);
                } catch (IllegalArgumentException e) {
                    continue; // written before processes recorded their credentials: only its segments and connections are listed
                }
                processes.add(new ClusterState.Process(processNumbers.of(session), node, credentials, pid));
            }
        }
        LongPredicate bySession = ownFilesOnly ? listed::contains : _ -> true;
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
                    segments.add(segment(record.segment(), processNumbers.of(stat.getEphemeralOwner())));
                    addresses.put(name, record.address());
                }
            }
        }
        List<ClusterState.Connection> connections = new ArrayList<>();
        for (String name : children(Znodes.CONNECTIONS)) {
            Stat stat = new Stat();
            byte[] data = data(Znodes.CONNECTIONS + "/" + name, stat);
            if (data != null && bySession.test(stat.getEphemeralOwner())) {
                connections.add(connection(name, data, published, processNumbers.of(stat.getEphemeralOwner())));
            }
        }
        Set<Integer> seen = new HashSet<>();
        segments.forEach(segment -> seen.add(segment.ownerProcess()));
        connections.forEach(connection -> seen.add(connection.importerProcess()));
        processNumbers.forgetEnded(mark, seen, live);
        return new Published(processes, segments, connections, addresses);
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
            // its folder's list changed after it was listed: without that change, the version would stay while the state
            // lost the znode (a watcher of the state would miss it until the next change)
            String folder = root + path.substring(0, path.lastIndexOf('/'));
            Stat folderStat = zooKeeper.exists(folder.isEmpty() ? "/" : folder, false);
            answered.run();
            if (folderStat != null) {
                saw(folderStat);
            }
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

    /** A segment that process {@code owner} published, as a state lists it. */
    private static ClusterState.Segment segment(PublishedSegment segment, int owner) {
        // the registry does not know how often it was published
        return new ClusterState.Segment(segment.node(), segment.controller(), owner, segment.segmentId(), segment.length(), true,
                segment.acl(), segment.uid(), segment.gid(), segment.mode(), 1);
    }

    /** A connection that process {@code importer} made, from its znode ({@code N-ID-M-SEQ}, a {@link Znodes#connectionRecord}). */
    private ClusterState.Connection connection(String name, byte[] data, Set<String> published, int importer) {
        String[] parts = name.split("-");
        try {
            int[] permissions = Znodes.connectionPermissions(data);
            int exporter = Integer.parseInt(parts[0]);
            int segmentId = Integer.parseUnsignedInt(parts[1], 16);
            // its segment gone, or gone and published again since (its importer let go of it)
            boolean aborted = !published.contains(Znodes.segmentName(exporter, segmentId)) || Znodes.withdrawn(data);
            return new ClusterState.Connection(Integer.parseInt(parts[3]), Integer.parseInt(parts[2]), importer, exporter, segmentId,
                    permissions[0], permissions[1], aborted, false, BarrierMode.IMPLICIT);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("the connection " + name + " in the cluster registry at " + connectString
                    + " is damaged: " + e.getMessage(), e);
        }
    }
}
