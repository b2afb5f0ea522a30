// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.rsmworkbench.emulator.AccessRules;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.ConnectChecks;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.emulator.backend.RemoteSegment;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The registry of record of a distributed cluster in ZooKeeper, as one process of one node sees it (see {@link Znodes} for
 * the layout). Its session is the process's liveness: when the session ends (the process closed, or its JVM died and the
 * session expired), ZooKeeper removes the process's znode, its segments and its connections; an expired one takes the node
 * down ({@link NodeReaper}). Publish, republish, unpublish and
 * connect are multi-ops whose version checks make them atomic against each other. A published segment's record says
 * where the process's {@link UcxDataPath} reaches its memory; a connection gets its data path from it.
 */
public final class ZooKeeperRegistry implements ClusterRegistry {
    /** How long a node may be silent before ZooKeeper declares it dead (its session expires). */
    static final int SESSION_TIMEOUT_MILLIS = 4000;
    /** How long the first connection to the ensemble may take. */
    private static final long CONNECT_TIMEOUT_MILLIS = 15_000;

    /** A ZooKeeper call whose checked failures become {@link Unavailable}. */
    interface Call<T> {
        T run() throws KeeperException, InterruptedException;
    }

    /** A registry call failed for another reason than what the call checks (the ensemble is unreachable, say). */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ZooKeeper zooKeeper;
    private final String connectString;
    private final ClusterSpec spec;
    private final int node;
    /** This process's znode (its liveness). */
    private final String processPath;
    private final UcxDataPath dataPath;
    /** The segments this process published: their record, where their memory is, and the version of their znode. */
    private final Map<Integer, Published> published = new ConcurrentHashMap<>();

    private record Published(PublishedSegment segment, ExportAddress address, int version) {
    }

    private ZooKeeperRegistry(ZooKeeper zooKeeper, UcxDataPath dataPath, String connectString, ClusterSpec spec, int node,
            String processPath) {
        this.zooKeeper = zooKeeper;
        this.dataPath = dataPath;
        this.connectString = connectString;
        this.spec = spec;
        this.node = node;
        this.processPath = processPath;
    }

    /**
     * Joins the cluster whose registry is at {@code connectString} (with the cluster's chroot) as a process of {@code node};
     * {@code onExpired} runs when ZooKeeper declares this process dead.
     */
    public static ZooKeeperRegistry join(String connectString, ClusterSpec spec, int node, Runnable onExpired) throws RsmException {
        ZooKeeper zooKeeper = connect(connectString, onExpired);
        try {
            String path = Znodes.PROCESSES + "/" + Znodes.processName(node, zooKeeper.getSessionId());
            // atomic with the check that the node is up: a killed node takes no new process
            Stat nodeState = new Stat();
            byte[] state = zooKeeper.getData(Znodes.node(node), false, nodeState);
            if (!Znodes.NODE_UP.equals(new String(state, StandardCharsets.UTF_8))) {
                close(zooKeeper);
                throw error(RsmError.CTLR_NOT_PRESENT, "node %d of the cluster at %s is down", node, connectString);
            }
            UcxDataPath dataPath = UcxDataPath.open();
            try {
                zooKeeper.multi(List.of(Op.check(Znodes.node(node), nodeState.getVersion()),
                        Op.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL)));
            } catch (KeeperException | InterruptedException e) {
                dataPath.close();
                throw e;
            }
            return new ZooKeeperRegistry(zooKeeper, dataPath, connectString, spec, node, path);
        } catch (RsmException e) {
            close(zooKeeper);
            throw e;
        } catch (KeeperException e) {
            close(zooKeeper);
            throw error(RsmError.CTLR_NOT_PRESENT, "cannot join the RSM cluster registry at %s as node %d: %s%s", connectString, node,
                    e.getMessage(), e instanceof KeeperException.NoNodeException ? " (the cluster has no such node, or is gone)" : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(zooKeeper);
            throw error(RsmError.INTERRUPTED, "interrupted while joining the RSM cluster registry at %s", connectString);
        }
    }

    /** A session with the ensemble, once it is connected; {@code onExpired} runs when the session expires. */
    static ZooKeeper connect(String connectString, Runnable onExpired) throws RsmException {
        return connect(connectString, CONNECT_TIMEOUT_MILLIS, onExpired);
    }

    /** A session with the ensemble, once it is connected within {@code timeoutMillis}; {@code onExpired} runs when it expires. */
    static ZooKeeper connect(String connectString, long timeoutMillis, Runnable onExpired) throws RsmException {
        CountDownLatch connected = new CountDownLatch(1);
        Watcher watcher = event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            } else if (event.getState() == Watcher.Event.KeeperState.Expired) {
                onExpired.run();
            }
        };
        ZooKeeper zooKeeper;
        try {
            zooKeeper = new ZooKeeper(connectString, SESSION_TIMEOUT_MILLIS, watcher);
        } catch (IOException | IllegalArgumentException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "cannot reach the RSM cluster registry at %s: %s", connectString, e.getMessage());
        }
        try {
            if (!connected.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                close(zooKeeper);
                throw error(RsmError.CTLR_NOT_PRESENT, "the RSM cluster registry at %s did not answer within %d s: is ZooKeeper"
                        + " running there?", connectString, Math.max(1, timeoutMillis / 1000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(zooKeeper);
            throw error(RsmError.INTERRUPTED, "interrupted while connecting to the RSM cluster registry at %s", connectString);
        }
        return zooKeeper;
    }

    private static void close(ZooKeeper zooKeeper) {
        try {
            zooKeeper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a ZooKeeper call; a failure is {@link Unavailable}. */
    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (KeeperException e) {
            throw new Unavailable(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    /** The ZooKeeper session of this process (tests make it expire). */
    public ZooKeeper zooKeeper() {
        return zooKeeper;
    }

    @Override
    public void publish(PublishedSegment segment, MemorySegment memory, Runnable onSignal) throws RsmException {
        String path = Znodes.segment(node, segment.segmentId());
        ExportAddress address = dataPath.export(segment.segmentId(), memory, onSignal);
        try {
            // atomic with the check that this process still stands for a live node
            zooKeeper.multi(List.of(Op.check(processPath, -1), Op.create(path, SegmentRecord.encode(segment, address),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL)));
            published.put(segment.segmentId(), new Published(segment, address, 0));
        } catch (KeeperException.NodeExistsException e) {
            dataPath.unexport(segment.segmentId());
            throw error(RsmError.SEGID_IN_USE, "segment id %s is already published on node %d (in the cluster registry)",
                    id(segment.segmentId()), node);
        } catch (KeeperException | InterruptedException e) {
            dataPath.unexport(segment.segmentId());
            throw unavailable("publish segment " + id(segment.segmentId()), e);
        }
    }

    @Override
    public void republish(int segmentId, List<AccessEntry> acl) throws RsmException {
        Published current = published.get(segmentId);
        if (current == null) {
            throw error(RsmError.SEG_NOT_PUBLISHED, "segment %s of node %d is not in the cluster registry", id(segmentId), node);
        }
        PublishedSegment segment = current.segment();
        PublishedSegment republished = new PublishedSegment(node, segmentId, segment.controller(), segment.length(), segment.uid(),
                segment.gid(), segment.mode(), acl);
        try {
            List<OpResult> results = zooKeeper.multi(List.of(Op.setData(Znodes.segment(node, segmentId),
                    SegmentRecord.encode(republished, current.address()), current.version())));
            Stat stat = ((OpResult.SetDataResult) results.getFirst()).getStat();
            published.put(segmentId, new Published(republished, current.address(), stat.getVersion()));
        } catch (KeeperException | InterruptedException e) {
            throw unavailable("republish segment " + id(segmentId), e);
        }
    }

    @Override
    public void unpublish(int segmentId) throws RsmException {
        Published current = published.remove(segmentId);
        if (current == null) {
            return;
        }
        try {
            withdraw(segmentId, current);
        } finally {
            dataPath.unexport(segmentId);
        }
    }

    private void withdraw(int segmentId, Published current) throws RsmException {
        String prefix = Znodes.connectionPrefix(node, segmentId);
        for (;;) {
            try {
                // the segment and every connection to it go in one step: importers are forcibly disconnected
                List<Op> ops = new ArrayList<>();
                ops.add(Op.delete(Znodes.segment(node, segmentId), current.version()));
                for (String connection : zooKeeper.getChildren(Znodes.CONNECTIONS, false)) {
                    if (connection.startsWith(prefix)) {
                        ops.add(Op.delete(Znodes.CONNECTIONS + "/" + connection, -1));
                    }
                }
                zooKeeper.multi(ops);
                return;
            } catch (KeeperException.NoNodeException e) {
                // an importer disconnected meanwhile: look at the connections again
                if (call(() -> zooKeeper.exists(Znodes.segment(node, segmentId), false)) == null) {
                    return;
                }
            } catch (KeeperException | InterruptedException e) {
                throw unavailable("unpublish segment " + id(segmentId), e);
            }
        }
    }

    @Override
    public Connection connect(String controller, boolean loopback, Credentials credentials, int exporterNode, int segmentId,
            int permission) throws RsmException {
        String segmentPath = Znodes.segment(exporterNode, segmentId);
        String importer = importer(node, credentials);
        try {
            for (;;) {
                ZooKeeperView view = new ZooKeeperView(zooKeeper, spec);
                ConnectChecks.Grant grant = ConnectChecks.check(view, node, controller, loopback, credentials, importer, exporterNode,
                        segmentId, permission);
                byte[] record = Znodes.connectionRecord(permission, AccessRules.granted(grant.mode(), permission));
                try {
                    List<OpResult> results = zooKeeper.multi(List.of(Op.check(segmentPath, view.segmentVersion()),
                            Op.check(processPath, -1), Op.create(Znodes.CONNECTIONS + "/" + Znodes.connectionPrefix(exporterNode, segmentId)
                                    + node + "-", record, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL)));
                    // a multi's created path starts with the client's chroot (ZooKeeper does not strip it there): its name counts
                    String created = ((OpResult.CreateResult) results.get(2)).getPath();
                    String connectionPath = Znodes.CONNECTIONS + created.substring(created.lastIndexOf('/'));
                    RemoteSegment path;
                    try {
                        path = dataPath.connect(view.exportAddress(), segmentId);
                    } catch (RsmException e) {
                        try {
                            zooKeeper.delete(connectionPath, -1);
                        } catch (KeeperException gone) {
                            // ephemeral: it goes with this session anyway
                        }
                        // the exporter may have died since the checks: then the registry's reason (its node is down) is
                        // the one to give, else the data path's
                        ConnectChecks.check(new ZooKeeperView(zooKeeper, spec), node, controller, loopback, credentials,
                                importer, exporterNode, segmentId, permission);
                        throw e;
                    }
                    ZooKeeperConnection connection = new ZooKeeperConnection(zooKeeper, connectionPath, path);
                    connection.watch(segmentPath);
                    return connection;
                } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
                    // the segment changed (republished, withdrawn) since the view read it: decide again
                }
            }
        } catch (Unavailable | KeeperException | InterruptedException e) {
            throw unavailable("connect to segment " + id(segmentId) + " of node " + exporterNode, e);
        }
    }

    /** How a connect's errors name the importing process. */
    static String importer(int node, Credentials credentials) {
        return "a process of node " + node + " (" + credentials + ")";
    }

    private RsmException unavailable(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return error(RsmError.INTERRUPTED, "interrupted while the cluster registry was asked to %s", what);
        }
        RsmException failure = error(RsmError.INSUFFICIENT_RESOURCES, "cannot %s: the cluster registry at %s failed: %s", what,
                connectString, e.getMessage());
        failure.initCause(e);
        return failure;
    }

    /** Ends this process cleanly: its znode goes with the mark that says so (not a killed node), then its session. */
    @Override
    public void close() {
        try {
            String name = processPath.substring(processPath.lastIndexOf('/') + 1);
            zooKeeper.multi(List.of(Op.delete(processPath, -1), Op.create(Znodes.CLOSED + "/" + name, new byte[0],
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
        } catch (KeeperException e) {
            // the session expired already, or the cluster is gone: nothing to mark
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(zooKeeper);
        dataPath.close();
    }

    @Override
    public String toString() {
        return "registry of node " + node + " at " + connectString;
    }

    /**
     * A connection znode, whether the segment it connects to has gone since (a watch on the segment's znode), and its data
     * path.
     */
    private static final class ZooKeeperConnection implements Connection {
        private final ZooKeeper zooKeeper;
        private final String path;
        private final RemoteSegment dataPath;
        private volatile boolean aborted;
        private volatile boolean disconnected;

        ZooKeeperConnection(ZooKeeper zooKeeper, String path, RemoteSegment dataPath) {
            this.zooKeeper = zooKeeper;
            this.path = path;
            this.dataPath = dataPath;
        }

        @Override
        public RemoteSegment dataPath() {
            return dataPath;
        }

        /** Watches the segment: its deletion (unpublished, or its exporter died) aborts this connection. */
        void watch(String segmentPath) {
            Watcher watcher = new Watcher() {
                @Override
                public void process(WatchedEvent event) {
                    if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                        aborted = true;
                    } else if (event.getType() != Watcher.Event.EventType.None && !aborted && !disconnected) {
                        watch(segmentPath); // a data change (republish): watch again
                    }
                }
            };
            if (call(() -> zooKeeper.exists(segmentPath, watcher)) == null) {
                aborted = true;
            }
        }

        @Override
        public boolean isAborted() {
            return aborted;
        }

        @Override
        public void disconnect() {
            if (disconnected) {
                return;
            }
            disconnected = true;
            dataPath.close();
            try {
                zooKeeper.delete(path, -1);
            } catch (KeeperException e) {
                // already gone: unpublished by the exporter, or the session ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
