// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.rsmworkbench.emulator.AccessRules;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.backend.ClusterFaults;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.ConnectChecks;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.emulator.backend.RemoteSegment;
import org.rsmworkbench.emulator.internal.RuntimeThreads;
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
 * <p>
 * An exporter's signal goes to the importers that the connection records of its segment list, wherever they run: each
 * record says where the importer's signals arrive (its worker and {@link UcxDataPath.Listener}). The exporter keeps the
 * lists it read, per segment, until a watch says a connection came or went, or an importer the list lacks signals the
 * segment; it reads them again (after a {@code sync}, so that a connect made before is there) at its next post.
 * <p>
 * The process's node is watched too: once the registry says it is down (killed), the cluster's registry is gone (the
 * launch ended) or its launcher's znode is (the launcher died), the process is dead for the cluster, as when its session expires: wherever it runs, whatever files it
 * shares with the launcher. So is a process whose node's znode changed since it joined (its node was killed and
 * restarted).
 * <p>
 * The cluster's link and transfer faults reach the process through the registry too ({@link #applyFaultsTo}): it applies
 * them to its cluster files, where its connects, transfers, signals and topology see them as in a local cluster; put and
 * get never ask ZooKeeper.
 */
public final class ZooKeeperRegistry implements ClusterRegistry {
    /** How long the first connection to the ensemble may take. */
    static final long CONNECT_TIMEOUT_MILLIS = 15_000;

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

    private final RegistrySession session;
    private final ZooKeeper zooKeeper;
    private final String connectString;
    private final ClusterSpec spec;
    private final int node;
    /** This process's znode (its liveness). */
    private final String processPath;
    /** This process's wait znode ({@link WaitRecord}), named as its process znode. */
    private final String waitPath;
    /**
     * What this process's wait znode holds as far as its writes have told: null for none, {@link #WAIT_UNKNOWN} after a
     * write failed (the next publish writes again whatever it finds).
     */
    private final AtomicReference<byte[]> waitZnode = new AtomicReference<>();
    private static final byte[] WAIT_UNKNOWN = new byte[0];
    /** The registry has no folder of waits (an older launcher made it): this process publishes none. */
    private volatile boolean noWaitsFolder;
    private final UcxDataPath dataPath;
    /** The segments this process published: their record, where their memory is, and the version of their znode. */
    private final Map<Integer, Published> published = new ConcurrentHashMap<>();
    /** The importers of this process's published segments as the registry last listed them, by segment id. */
    private final Map<Integer, KnownImporters> importers = new ConcurrentHashMap<>();
    /** Applies the faults the registry records to this process's cluster files, one at a time ({@link #applyFault}). */
    private final ExecutorService faults = Executors.newSingleThreadExecutor(RuntimeThreads.daemon("rsm-registry-faults").factory());
    /**
     * The segment ids this process is unpublishing, until their importers have let go and the memory is withdrawn from UCX,
     * or whose failed publish may have left a record, until it is removed: a publish of the id waits for that (the data
     * path exports one memory per id; the registry holds one record).
     */
    private final Map<Integer, CountDownLatch> withdrawing = new ConcurrentHashMap<>();
    /** This process's connections to other processes' segments, until they are disconnected. */
    private final Set<ZooKeeperConnection> connections = ConcurrentHashMap.newKeySet();
    /**
     * How many withdrawals are marking their connections aborted: a connection seen aborted is reported so once they
     * are done, so that whoever sees one connection of a withdrawn segment cut sees every one cut (RSMAPI §5.3).
     */
    private final AtomicInteger cutsUnderWay = new AtomicInteger();
    /** Counts the watched changes of the connections: a list read across a change is not kept. */
    private final AtomicLong connectionChanges = new AtomicLong();
    /**
     * A connection came or went: every list of importers is read again at the next post ({@link KnownImporters}). A lost
     * connection to ZooKeeper changes nothing: the client sets the watch again once it reconnects, and ZooKeeper fires it
     * then for what changed meanwhile; so posts go on to the importers known, without waiting for ZooKeeper (a cut link
     * can cost the exporter its server for seconds). An expired session lost its watches.
     */
    private final Watcher connectionsChanged = event -> {
        if (event.getType() != Watcher.Event.EventType.None || event.getState() == Watcher.Event.KeeperState.Expired) {
            connectionChanges.incrementAndGet();
        }
    };

    private record Published(PublishedSegment segment, ExportAddress address, int version) {
    }

    /** What a connection's record says but the binding its data path reaches: the same for each binding it follows. */
    private record ConnectionRecord(int permission, int granted, Znodes.Importer importer) {
        byte[] data(long binding) {
            return Znodes.connectionRecord(permission, granted, importer, binding);
        }
    }

    private ZooKeeperRegistry(RegistrySession session, UcxDataPath dataPath, String connectString, ClusterSpec spec, int node,
            String processPath) {
        this.session = session;
        this.zooKeeper = session.zooKeeper();
        this.dataPath = dataPath;
        this.connectString = connectString;
        this.spec = spec;
        this.node = node;
        this.processPath = processPath;
        this.waitPath = Znodes.WAITS + processPath.substring(processPath.lastIndexOf('/'));
    }

    /**
     * Joins the cluster whose registry is at {@code connectString} (with the cluster's chroot) as a process of {@code node},
     * with a session that asks for {@code sessionTimeout}; its process znode records its {@code credentials}, and whether
     * it keeps the cluster's files in a directory of its own, not the launch's: {@code ownFiles} (see {@link Znodes});
     * {@code onDead} runs, with why, when this process is dead for the cluster: its session ended (expired, or without an
     * answer from the ensemble for its timeout), its node is down, or the cluster's registry or its launcher is gone. A
     * disconnection shorter than the session's timeout changes nothing: the watches stay, and what changed meanwhile is
     * told after the reconnect.
     */
    public static ZooKeeperRegistry join(String connectString, Duration sessionTimeout, ClusterSpec spec, int node,
            Credentials credentials, boolean ownFiles, Consumer<String> onDead) throws RsmException {
        RegistrySession session = RegistrySession.open(connectString, RegistrySecrets.of(connectString), sessionTimeout,
                CONNECT_TIMEOUT_MILLIS, onDead);
        ZooKeeper zooKeeper = session.zooKeeper();
        try {
            String mismatch = session.persistently(() -> RegistryFormat.mismatch(zooKeeper));
            if (mismatch != null) {
                // as librsm answers a controller plugin of another version
                throw error(RsmError.BAD_LIBRARY_VERSION, "cannot join the RSM cluster registry at %s as node %d: %s (a hosts"
                        + " file's classpath shipped copies the launcher's class path to the hosts)", connectString, node, mismatch);
            }
            String path = Znodes.PROCESSES + "/" + Znodes.processName(node, zooKeeper.getSessionId());
            // atomic with the check that the node is up: a killed node takes no new process
            // a join outlives a dropped connection (a cut link, a server that goes): each call is made again once the
            // client found another server
            Stat nodeState = new Stat();
            byte[] state = session.persistently(() -> zooKeeper.getData(Znodes.node(node), false, nodeState));
            if (!Znodes.NODE_UP.equals(new String(state, StandardCharsets.UTF_8))) {
                throw error(RsmError.CTLR_NOT_PRESENT, "node %d of the cluster at %s is down", node, connectString);
            }
            UcxDataPath dataPath = UcxDataPath.open();
            try {
                session.persistently(() -> {
                    try {
                        byte[] record = Znodes.processRecord(ProcessHandle.current().pid(), nodeState.getVersion(), ownFiles, credentials);
                        return zooKeeper.multi(List.of(Op.check(Znodes.node(node), nodeState.getVersion()),
                                Op.create(path, record, RegistrySecrets.CLUSTER_ACL, CreateMode.EPHEMERAL),
                                Op.create(Znodes.joined(path), record, RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT)));
                    } catch (KeeperException.NodeExistsException e) {
                        return List.of(); // the path is this session's: a try whose answer the dropped connection lost made it
                    }
                });
            } catch (KeeperException | InterruptedException e) {
                dataPath.close();
                throw e;
            }
            ZooKeeperRegistry registry = new ZooKeeperRegistry(session, dataPath, connectString, spec, node, path);
            try {
                session.persistently(() -> {
                    watchNode(session, node, nodeState.getVersion(), onDead);
                    return null;
                });
                session.persistently(() -> {
                    watchLauncher(session, onDead);
                    return null;
                });
            } catch (KeeperException | InterruptedException e) {
                withdrawJoin(zooKeeper, path);
                dataPath.close();
                throw e;
            }
            return registry;
        } catch (RsmException e) {
            session.close();
            throw e;
        } catch (KeeperException e) {
            session.close();
            String why = switch (e) {
                case KeeperException.NoNodeException _ -> " (the cluster has no such node, or is gone)";
                case KeeperException.BadVersionException _ -> " (the node's state changed as this process joined: it was killed)";
                case KeeperException.NoAuthException _ -> ": " + RegistrySecrets.refused(connectString);
                default -> "";
            };
            throw error(RsmError.CTLR_NOT_PRESENT, "cannot join the RSM cluster registry at %s as node %d: %s%s", connectString, node,
                    e.getMessage(), why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
            throw error(RsmError.INTERRUPTED, "interrupted while joining the RSM cluster registry at %s", connectString);
        }
    }

    /**
     * Undoes a join whose process will not run (its watches could not be set): its znodes go as a clean end's do, else the
     * launcher would take its node down for an expiry. Best effort: without an answer the joined znode stays, and so it
     * is taken.
     */
    private static void withdrawJoin(ZooKeeper zooKeeper, String path) {
        try {
            zooKeeper.multi(List.of(Op.delete(path, -1), Op.delete(Znodes.joined(path), -1)));
        } catch (KeeperException e) {
            // the connection is lost or the session ended: see above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads {@code node}'s state with a watch, and again whenever it changes; runs {@code onDown} once the registry says the
     * node is down, or that it changed since this process joined it at version {@code joined} (it was killed, and maybe
     * restarted since: this process belongs to its earlier life), or once the cluster's registry is gone (its node znode
     * deleted).
     */
    private static void watchNode(RegistrySession session, int node, int joined, Consumer<String> onDown) throws KeeperException,
            InterruptedException {
        String gone = "the cluster's registry is gone: the launch has ended";
        Watcher watcher = event -> {
            if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                onDown.accept(gone);
            } else if (event.getType() != Watcher.Event.EventType.None) {
                session.rewatch(() -> watchNode(session, node, joined, onDown)); // the state changed: read it again, with a new watch
            }
        };
        try {
            Stat stat = new Stat();
            byte[] state = session.zooKeeper().getData(Znodes.node(node), watcher, stat);
            if (!Znodes.NODE_UP.equals(new String(state, StandardCharsets.UTF_8))) {
                onDown.accept("the cluster registry says node " + node + " is down (killed)");
            } else if (stat.getVersion() != joined) {
                onDown.accept("the cluster registry says node " + node + " was killed and restarted since this process joined it");
            }
        } catch (KeeperException.NoNodeException e) {
            onDown.accept(gone);
        }
    }

    /**
     * Watches the launcher's znode; runs {@code onGone} once it is gone: the launcher died (its session expired) without
     * removing the cluster's registry.
     */
    private static void watchLauncher(RegistrySession session, Consumer<String> onGone) throws KeeperException,
            InterruptedException {
        Watcher watcher = event -> {
            if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                onGone.accept("the launcher is gone");
            } else if (event.getType() != Watcher.Event.EventType.None) {
                session.rewatch(() -> watchLauncher(session, onGone));
            }
        };
        if (session.zooKeeper().exists(Znodes.LAUNCHER, watcher) == null) {
            onGone.accept("the launcher is gone");
        }
    }

    /**
     * Applies the link and transfer faults that the registry records for this process's node to {@code files}, the cluster
     * files the process uses: the state of each link of the node, now and at each change (a link taken down cuts off the
     * connections of those files through it), and each count of transfers from this node that are to fail, which one
     * process of the node takes from the registry.
     *
     * @throws RsmException when the registry does not answer
     */
    public void applyFaultsTo(ClusterFaults files) throws RsmException {
        try {
            List<LinkSpec> links = spec.links();
            for (int link = 0; link < links.size(); link++) {
                if (links.get(link).nodeA() == node || links.get(link).nodeB() == node) {
                    int index = link;
                    session.persistently(() -> {
                        watchLink(index, files);
                        return null;
                    });
                }
            }
            session.persistently(() -> {
                watchTransferFaults(files);
                return null;
            });
        } catch (KeeperException | InterruptedException e) {
            throw unavailable("read the faults of node " + node, e);
        }
    }

    /**
     * Applies the state of every other node that the registry records to {@code files}, the cluster files of their own that
     * this process uses (no other node's process is in them), now and at each change: its topology then says whether a node
     * is reachable, as a local one's does (RSMAPI §5.4). Not for the launch's files, where the launcher kills and restarts
     * nodes with their processes.
     *
     * @throws RsmException when the registry does not answer
     */
    public void applyNodeStatesTo(ClusterFaults files) throws RsmException {
        try {
            for (var other : spec.nodes()) {
                if (other.id() != node) {
                    session.persistently(() -> {
                        watchOtherNode(other.id(), files);
                        return null;
                    });
                }
            }
        } catch (KeeperException | InterruptedException e) {
            throw unavailable("read the states of the nodes", e);
        }
    }

    /** Reads the state of node {@code other} with a watch, and again whenever it changes, and applies it to {@code files}. */
    private void watchOtherNode(int other, ClusterFaults files) throws KeeperException, InterruptedException {
        watchState(Znodes.node(other), Znodes.NODE_UP::equals, up -> files.setNode(other, up), "node " + other);
    }

    /** Reads the state of {@code link} with a watch, and again whenever it changes, and applies it to {@code files}. */
    private void watchLink(int link, ClusterFaults files) throws KeeperException, InterruptedException {
        watchState(Znodes.link(link), state -> !Znodes.LINK_DOWN.equals(state), up -> files.setLink(link, up), "link " + link);
    }

    /**
     * Reads the state znode at {@code path} with a watch, and again whenever it changes, and applies whether it is up
     * ({@link #applyFault}); nothing once the znode is gone (the cluster's registry is: this process ends with it).
     */
    private void watchState(String path, Predicate<String> isUp, Consumer<Boolean> apply, String what)
            throws KeeperException, InterruptedException {
        Watcher watcher = event -> {
            if (event.getType() == Watcher.Event.EventType.NodeDataChanged) {
                session.rewatch(() -> watchState(path, isUp, apply, what));
            }
        };
        byte[] state;
        try {
            state = zooKeeper.getData(path, watcher, null);
        } catch (KeeperException.NoNodeException e) {
            return;
        }
        boolean up = isUp.test(new String(state, StandardCharsets.UTF_8));
        applyFault(() -> apply.accept(up), what + (up ? " up" : " down"));
    }

    /** Lists the transfer faults with a watch, and again whenever one comes, and takes those of transfers from this node. */
    private void watchTransferFaults(ClusterFaults files) throws KeeperException, InterruptedException {
        Watcher watcher = event -> {
            if (event.getType() == Watcher.Event.EventType.NodeChildrenChanged) {
                session.rewatch(() -> watchTransferFaults(files));
            }
        };
        List<String> names;
        try {
            names = zooKeeper.getChildren(Znodes.TRANSFER_FAULTS, watcher);
        } catch (KeeperException.NoNodeException e) {
            return; // the cluster's registry is gone
        }
        for (String name : names) {
            int[] nodes;
            try {
                nodes = Znodes.transferFaultNodes(name);
            } catch (RuntimeException e) {
                continue; // not a fault's name: no process takes it
            }
            if (nodes[0] == node) {
                takeTransferFault(name, nodes[1], files);
            }
        }
    }

    /**
     * Takes the count of the transfer fault znode {@code name} (deleting it at the version read: another process of this node
     * that took it first, or a new count written since, makes the delete fail) and applies it to {@code files}.
     */
    private void takeTransferFault(String name, int exporterNode, ClusterFaults files) throws KeeperException, InterruptedException {
        String path = Znodes.TRANSFER_FAULTS + "/" + name;
        for (;;) {
            Stat stat = new Stat();
            byte[] data;
            try {
                data = zooKeeper.getData(path, false, stat);
                zooKeeper.delete(path, stat.getVersion());
            } catch (KeeperException.NoNodeException e) {
                return; // another process of this node took it
            } catch (KeeperException.BadVersionException e) {
                continue; // the launch wrote a new count since: that one counts
            }
            int count;
            try {
                count = Znodes.transferFaultCount(data);
            } catch (NumberFormatException e) {
                return; // damaged: no count to take
            }
            applyFault(() -> files.failNextTransfers(node, exporterNode, count), count + " failing transfers to node " + exporterNode);
            return;
        }
    }

    /**
     * Applies a fault to this process's cluster files off ZooKeeper's event thread (a link taken down waits for the importers
     * of the JVMs that share the files to follow), in the order the registry told them.
     */
    private void applyFault(Runnable apply, String what) {
        try {
            faults.execute(() -> {
                try {
                    apply.run();
                } catch (RuntimeException e) {
                    System.err.println("rsm: node " + node + " cannot apply the registry's " + what + " to its cluster files: " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            // this process has left the registry: nothing to apply to
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

    /** The ZooKeeper session of this process (tests make it expire, or lose its connection). */
    public ZooKeeper zooKeeper() {
        return zooKeeper;
    }

    @Override
    public void publish(PublishedSegment segment, MemorySegment memory, Runnable onSignal) throws RsmException {
        String path = Znodes.segment(node, segment.segmentId());
        int segmentId = segment.segmentId();
        awaitWithdrawal(segmentId);
        ExportAddress address = dataPath.export(segmentId, memory, onSignal);
        byte[] record = SegmentRecord.encode(segment, address);
        try {
            // atomic with the check that this process still stands for a live node; made again while the client moves to
            // another server, when a try whose answer was lost may have made it
            session.persistently(() -> {
                try {
                    return zooKeeper.multi(List.of(Op.check(processPath, -1), Op.create(path, record, RegistrySecrets.CLUSTER_ACL,
                            CreateMode.EPHEMERAL)));
                } catch (KeeperException.NodeExistsException e) {
                    if (holdsOwn(path, record) != null) {
                        return null;
                    }
                    throw e;
                }
            });
            published.put(segment.segmentId(), new Published(segment, address, 0));
        } catch (KeeperException.NodeExistsException e) {
            dataPath.unexport(segment.segmentId());
            throw error(RsmError.SEGID_IN_USE, "segment id %s is already published on node %d (in the cluster registry)",
                    id(segment.segmentId()), node);
        } catch (KeeperException | InterruptedException e) {
            // a publish of the id tried again at once waits until what this try may have made is gone (awaitWithdrawal):
            // else it took that znode for its own, which the removal then deleted (or with another record, SEGID_IN_USE)
            CountDownLatch withdrawn = new CountDownLatch(1);
            withdrawing.put(segmentId, withdrawn);
            dataPath.unexport(segment.segmentId()); // before the latch opens, as an unpublish does
            withdrawIfMade(Znodes.SEGMENTS, Znodes.segmentName(node, segmentId), record, e, () -> {
                withdrawing.remove(segmentId, withdrawn);
                withdrawn.countDown();
            });
            throw unavailable("publish segment " + id(segment.segmentId()), e);
        }
    }

    /**
     * After a call failed with {@code failure}: when a try of it may have made its znode, under {@code parent} with a name
     * that starts with {@code prefix} and holding {@code record}, while its answer was lost (the connection dropped, the
     * thread was interrupted), deletes that znode if this session holds it, off the calling thread and once the registry
     * answers. Else the failed call left it there, for other processes to find, until this process ended. Runs
     * {@code done} once nothing of the call is left (at once when there was nothing to delete).
     */
    private void withdrawIfMade(String parent, String prefix, byte[] record, Exception failure, Runnable done) {
        if (!(failure instanceof InterruptedException || failure instanceof KeeperException.ConnectionLossException
                || failure instanceof KeeperException.OperationTimeoutException)) {
            done.run(); // the registry refused the call, or the session is gone with its ephemeral znodes
            return;
        }
        try {
            Thread.ofVirtual().name("rsm-registry-withdraw").start(() -> {
                try {
                    session.persistently(() -> {
                        String made = ownChild(parent, prefix, record);
                        if (made != null) {
                            zooKeeper.delete(made, -1);
                        }
                        return null;
                    });
                } catch (KeeperException | InterruptedException e) {
                    // the session ended (its ephemeral znodes with it), or the process ends
                } finally {
                    done.run();
                }
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            done.run(); // no thread: what the call made stays until the process ends, and nobody waits for it
            throw e;
        }
    }

    /**
     * The path of the znode under {@code parent} whose name starts with {@code prefix} that this session made holding
     * {@code record}, or null: read from a server that has caught up with the ensemble.
     */
    private String ownChild(String parent, String prefix, byte[] record) throws KeeperException, InterruptedException {
        sync();
        for (String name : zooKeeper.getChildren(parent, false)) {
            if (name.startsWith(prefix) && holdsOwn(parent + "/" + name, record) != null) {
                return parent + "/" + name;
            }
        }
        return null;
    }

    /**
     * The stat of the znode {@code path} when it is this session's and holds {@code record}, else null: how a call made
     * again tells that its first try, whose answer was lost, made the change (each record holds what is this process's
     * alone: its export's address, its connection's listener).
     */
    private Stat holdsOwn(String path, byte[] record) throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        try {
            byte[] data = zooKeeper.getData(path, false, stat);
            return stat.getEphemeralOwner() == zooKeeper.getSessionId() && Arrays.equals(data, record) ? stat : null;
        } catch (KeeperException.NoNodeException gone) {
            return null;
        }
    }

    @Override
    public int assignSegmentId() throws RsmException {
        String path = Znodes.nextSegmentId(node);
        // each call is tried again while the client looks for a server: an id whose answer was lost is skipped, never given twice
        try {
            for (;;) {
                Stat stat = new Stat();
                byte[] data;
                try {
                    data = session.persistently(() -> zooKeeper.getData(path, false, stat));
                } catch (KeeperException.NoNodeException e) {
                    try {
                        session.persistently(() -> zooKeeper.create(path, idRecord(ClusterRegistry.FIRST_ASSIGNED_ID + 1),
                                RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT));
                        return (int) ClusterRegistry.FIRST_ASSIGNED_ID;
                    } catch (KeeperException.NodeExistsException another) {
                        continue; // another process of the node took the first: take the next
                    }
                }
                long next = nextId(path, data);
                try {
                    session.persistently(() -> zooKeeper.setData(path, idRecord(next + 1), stat.getVersion()));
                    return (int) next;
                } catch (KeeperException.BadVersionException another) {
                    // another process of the node took it meanwhile: take the next
                }
            }
        } catch (KeeperException | InterruptedException e) {
            throw unavailable("assign a segment id", e);
        }
    }

    private static byte[] idRecord(long id) {
        return Long.toString(id).getBytes(StandardCharsets.UTF_8);
    }

    /** The id the record of {@code path} holds, which must be one that is still free to give. */
    private long nextId(String path, byte[] data) throws RsmException {
        long next;
        try {
            next = Long.parseLong(new String(data, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot assign a segment id: %s in the cluster registry holds no id", path);
        }
        if (next < ClusterRegistry.FIRST_ASSIGNED_ID || next > ClusterRegistry.LAST_ASSIGNED_ID) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "node %d has assigned every segment id", node);
        }
        return next;
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
        String path = Znodes.segment(node, segmentId);
        byte[] record = SegmentRecord.encode(republished, current.address());
        try {
            // made again while the client moves to another server: a try whose answer was lost wrote the record
            Stat stat = session.persistently(() -> {
                try {
                    return zooKeeper.setData(path, record, current.version());
                } catch (KeeperException.BadVersionException e) {
                    Stat written = holdsOwn(path, record);
                    if (written != null) {
                        return written;
                    }
                    throw e;
                }
            });
            published.put(segmentId, new Published(republished, current.address(), stat.getVersion()));
        } catch (KeeperException | InterruptedException e) {
            throw unavailable("republish segment " + id(segmentId), e);
        }
    }

    /**
     * Registers the new memory with UCX, writes where it is into the segment's record (a new binding), then waits until
     * every importer recorded has written in its connection's record that its data path reaches that binding, or its
     * connection is gone. An importer that does not within {@link #rebindMillis} (a dead one's session has expired by then,
     * and took its connection along) is forcibly disconnected: its connection's record is deleted, which aborts it. Then
     * no importer uses the old registration, and it goes.
     * <p>
     * Once the record says the new binding, the importers move to the new memory whatever happens here: the rebind no
     * longer fails, so that the exporter moves too. An interrupt ends the wait at once (the importers still behind are
     * forced out, and the thread stays interrupted); a registry that fails meanwhile ends it too, and leaves the old
     * registration to the unpublish (an importer may still use it). A failure before leaves the segment where it was.
     */
    @Override
    public void rebind(int segmentId, MemorySegment memory) throws RsmException {
        Published current = published.get(segmentId);
        if (current == null) {
            throw error(RsmError.SEG_NOT_PUBLISHED, "segment %s of node %d is not in the cluster registry", id(segmentId), node);
        }
        ExportAddress address = dataPath.rebind(segmentId, memory);
        String path = Znodes.segment(node, segmentId);
        byte[] record = SegmentRecord.encode(current.segment(), address);
        Stat stat;
        try {
            // not interruptible: an interrupted call may still be sent, and then its outcome is known only by asking
            stat = uninterruptibly(() -> {
                try {
                    return zooKeeper.setData(path, record, current.version());
                } catch (KeeperException.BadVersionException e) {
                    // a try whose answer a dropped connection or an interrupt lost may have written it
                    Stat written = new Stat();
                    if (Arrays.equals(zooKeeper.getData(path, false, written), record)) {
                        return written;
                    }
                    throw e;
                }
            });
        } catch (KeeperException e) {
            dataPath.revertRebind(segmentId);
            throw unavailable("rebind segment " + id(segmentId), e);
        }
        published.put(segmentId, new Published(current.segment(), address, stat.getVersion()));
        if (awaitImporters(segmentId, address.binding(), memory.byteSize())) {
            dataPath.releaseRetired(segmentId);
        }
    }

    /**
     * Makes {@code call} {@link RegistrySession#persistently persistently}, and again when an interrupt stops it; the
     * thread is interrupted again once it returns.
     */
    private <T> T uninterruptibly(Call<T> call) throws KeeperException {
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return session.persistently(call);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * How long a rebind of a segment of {@code length} bytes waits for the importers to follow: an importer whose ZooKeeper
     * session has gone unanswered that long is dead (its connection gone with its session), and one alive follows once its
     * transfer in flight on the old memory has ended (at most the longest one for the segment's length) and it has flushed
     * (a path's timeout): a cut path ends both by then.
     */
    private long rebindMillis(long length) {
        return session.unansweredMillis()
                + TimeUnit.NANOSECONDS.toMillis(UcxDataPath.transferTimeoutNanos(length) + UcxDataPath.PATH_TIMEOUT_NANOS);
    }

    /**
     * Returns once every connection to the segment records {@code binding}, or is gone (with {@link Znodes#WITHDRAWN}: once
     * every one has let go of the withdrawn segment, or is gone); forcibly disconnects those that do not within
     * {@link #rebindMillis}, or at once when the thread is interrupted (it is interrupted again when this returns). Its calls
     * outlive a dropped connection to ZooKeeper: the segment's record says the new binding already.
     *
     * @return whether no importer uses the memory of an older binding: false when the registry failed first (the session
     *         ended)
     */
    private boolean awaitImporters(int segmentId, long binding, long length) {
        return awaitImporters(segmentId, binding, length, _ -> true);
    }

    /** {@link #awaitImporters(int, long, long)} for the connections {@code among} takes (by the name of their znode). */
    private boolean awaitImporters(int segmentId, long binding, long length, Predicate<String> among) {
        String prefix = Znodes.connectionPrefix(node, segmentId);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(rebindMillis(length));
        Semaphore changes = new Semaphore(0);
        // one watcher for every read: ZooKeeper keeps one watch per znode and watcher, however often it is set again
        Watcher changed = _ -> changes.release();
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    List<String> behind = behind(prefix, binding, changed).stream().filter(among).toList();
                    if (behind.isEmpty()) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (interrupted || left <= 0) {
                        forceOut(behind);
                        return true;
                    }
                    changes.tryAcquire(left, TimeUnit.NANOSECONDS);
                    changes.drainPermits();
                } catch (InterruptedException e) {
                    interrupted = true; // the flag is clear: the next round reads and forces out what is behind
                }
            }
        } catch (KeeperException e) {
            noteExpiry(e);
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The connections to the segment whose record says an older binding than {@code binding}, read with {@code watcher}; a
     * record that says none is forced out.
     */
    private List<String> behind(String prefix, long binding, Watcher watcher) throws KeeperException, InterruptedException {
        List<String> behind = new ArrayList<>();
        for (String connection : session.persistently(() -> zooKeeper.getChildren(Znodes.CONNECTIONS, watcher))) {
            if (connection.startsWith(prefix)) {
                try {
                    byte[] data = session.persistently(() -> zooKeeper.getData(Znodes.CONNECTIONS + "/" + connection, watcher,
                            null));
                    if (Znodes.connectionBinding(data) < binding) {
                        behind.add(connection);
                    }
                } catch (KeeperException.NoNodeException e) {
                    // disconnected since it was listed
                } catch (IllegalArgumentException e) {
                    // no binding (an older build's importer, or damaged): it never follows, and goes at once
                    forceOut(List.of(connection));
                }
            }
        }
        return behind;
    }

    /** Deletes the records of {@code connections}, which aborts them. */
    private void forceOut(List<String> connections) throws KeeperException, InterruptedException {
        for (String connection : connections) {
            try {
                session.persistently(() -> {
                    zooKeeper.delete(Znodes.CONNECTIONS + "/" + connection, -1);
                    return null;
                });
            } catch (KeeperException.NoNodeException e) {
                // disconnected meanwhile
            }
        }
    }

    /** How many memory registrations this process's data path holds for its exported segments (tests look for leaks). */
    public int registrations() {
        return dataPath.registrations();
    }

    /** How many remote keys this process's connections hold unpacked (tests look for leaks). */
    public int remoteKeys() {
        return dataPath.remoteKeys();
    }

    @Override
    public void unpublish(int segmentId) throws RsmException {
        CountDownLatch withdrawn = new CountDownLatch(1);
        withdrawing.put(segmentId, withdrawn);
        try {
            Published current = published.remove(segmentId);
            importers.remove(segmentId);
            if (current == null) {
                return;
            }
            try {
                withdraw(segmentId, current);
            } finally {
                dataPath.unexport(segmentId);
            }
        } finally {
            withdrawing.remove(segmentId, withdrawn);
            withdrawn.countDown();
        }
    }

    /**
     * Returns once no unpublish of {@code segmentId} by this process is under way, nor the removal of what a failed
     * publish of it may have left.
     */
    private void awaitWithdrawal(int segmentId) throws RsmException {
        CountDownLatch withdrawn;
        while ((withdrawn = withdrawing.get(segmentId)) != null) {
            try {
                withdrawn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error(RsmError.INTERRUPTED, "interrupted while segment %s was being withdrawn from the registry (an"
                        + " unpublish, or what a failed publish may have left)", id(segmentId));
            }
        }
    }

    /**
     * Deletes the segment's record, then waits until every importer has said that none of its transfers reaches the
     * segment's memory any more (its connection's record says {@link Znodes#WITHDRAWN}: {@link ZooKeeperConnection#segmentWithdrawn}),
     * or its session ended; forces out those that have not within {@link #rebindMillis} (RSMAPI §3.2: the importers are
     * forcibly disconnected before unpublish returns; the memory is withdrawn from UCX after that). An aborted connection's
     * record stays, as a local one does, until its importer disconnects.
     */
    private void withdraw(int segmentId, Published current) throws RsmException {
        try {
            session.persistently(() -> {
                try {
                    // atomic with the check that this process's session, whose record it is, is still alive
                    zooKeeper.multi(List.of(Op.check(processPath, -1), Op.delete(Znodes.segment(node, segmentId), -1)));
                } catch (KeeperException.NoNodeException e) {
                    // deleted by an earlier try whose answer was lost, or gone with this process's session
                }
                return null;
            });
            // the connections to this publication: no connect makes one after the delete; a later publication of the id (by
            // another process of the node) has others, which are not waited for
            String prefix = Znodes.connectionPrefix(node, segmentId);
            Set<String> importers = session.persistently(() -> zooKeeper.getChildren(Znodes.CONNECTIONS, false)).stream()
                    .filter(connection -> connection.startsWith(prefix)).collect(Collectors.toSet());
            awaitImporters(segmentId, Znodes.WITHDRAWN, current.segment().length(), importers::contains);
        } catch (KeeperException | InterruptedException e) {
            throw unavailable("unpublish segment " + id(segmentId), e);
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
                UcxDataPath.Listener listener = dataPath.listen();
                ConnectionRecord record = new ConnectionRecord(permission, AccessRules.granted(grant.mode(), permission),
                        new Znodes.Importer(dataPath.workerAddress(), listener.id()));
                ExportAddress address = view.exportAddress();
                boolean made = false;
                try {
                    String connectionPath = createConnection(segmentPath, view.segmentVersion(),
                            Znodes.connectionPrefix(exporterNode, segmentId) + node + "-", record.data(address.binding()));
                    UcxDataPath.UcxRemoteSegment path;
                    try {
                        path = dataPath.connect(address, segmentId, Znodes.connectionSequence(connectionPath));
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
                    ZooKeeperConnection connection = new ZooKeeperConnection(session, connectionPath, record, path, grant,
                            listener);
                    made = true;
                    try {
                        connection.watch(exporterNode, segmentId);
                    } catch (KeeperException | InterruptedException | RuntimeException e) {
                        connection.disconnect(); // its data path, listener and record: the caller gets no connection to end
                        throw e;
                    }
                    if (connection.publication != 0 && connection.publication != view.segmentCreation()) {
                        // unpublished and published again since the view read it (the new znode has the version read): the
                        // data path reaches the old publication's memory; decide again
                        connection.disconnect();
                        continue;
                    }
                    return connection;
                } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
                    // the segment changed (republished, withdrawn) since the view read it: decide again
                } finally {
                    if (!made) {
                        listener.close();
                    }
                }
            }
        } catch (Unavailable | KeeperException | InterruptedException e) {
            throw unavailable("connect to segment " + id(segmentId) + " of node " + exporterNode, e);
        }
    }

    /**
     * Creates a connection's znode named {@code prefix} and a sequence number, holding {@code data}, atomic with the checks
     * that the segment's znode is still at {@code segmentVersion} and that this process still stands for a live node; made
     * again while the client moves to another server, unless a try whose answer was lost made it. Returns its path.
     */
    private String createConnection(String segmentPath, int segmentVersion, String prefix, byte[] data)
            throws KeeperException, InterruptedException {
        boolean[] tried = {false};
        try {
            return session.persistently(() -> {
                String made = tried[0] ? ownChild(Znodes.CONNECTIONS, prefix, data) : null;
                if (made != null) {
                    return made;
                }
                tried[0] = true;
                List<OpResult> results = zooKeeper.multi(List.of(Op.check(segmentPath, segmentVersion), Op.check(processPath, -1),
                        Op.create(Znodes.CONNECTIONS + "/" + prefix, data, RegistrySecrets.CLUSTER_ACL, CreateMode.EPHEMERAL_SEQUENTIAL)));
                // a multi's created path starts with the client's chroot (ZooKeeper does not strip it there): its name counts
                String created = ((OpResult.CreateResult) results.get(2)).getPath();
                return Znodes.CONNECTIONS + created.substring(created.lastIndexOf('/'));
            });
        } catch (KeeperException | InterruptedException e) {
            withdrawIfMade(Znodes.CONNECTIONS, prefix, data, e, () -> { });
            throw e;
        }
    }

    @Override
    public void signalImporters(int segmentId) throws RsmException {
        for (Znodes.Importer importer : importers(segmentId)) {
            try {
                dataPath.signalImporter(importer.worker(), importer.listener());
            } catch (IOException e) {
                // an importer that cannot be reached (its process gone, the link cut) loses the event, as a local one
                // would; the post never waits for it
            }
        }
    }

    @Override
    public boolean spinReceiving(BooleanSupplier arrived) {
        return dataPath.spinReceiving(arrived);
    }

    @Override
    public void sleepEnded() {
        dataPath.sleepEnded();
    }

    /**
     * Writes the change, if any, into this process's wait znode with ZooKeeper's asynchronous calls, which a session keeps in
     * order: the probe's thread never waits for the ensemble. A write that fails is made again at the next publish.
     */
    @Override
    public void publishWait(ClusterWaits.Wait blocked) {
        if (noWaitsFolder) {
            return;
        }
        byte[] record = blocked == null ? null : waitRecord(blocked).encode();
        byte[] known = waitZnode.get();
        if (known != WAIT_UNKNOWN && Arrays.equals(known, record)) {
            return;
        }
        waitZnode.set(record);
        int ok = KeeperException.Code.OK.intValue(), noNode = KeeperException.Code.NONODE.intValue();
        if (record == null) {
            zooKeeper.delete(waitPath, -1, (rc, _, _) -> {
                if (rc != ok && rc != noNode) {
                    waitZnode.compareAndSet(null, WAIT_UNKNOWN);
                }
            }, null);
        } else if (known == null) {
            zooKeeper.create(waitPath, record, RegistrySecrets.CLUSTER_ACL, CreateMode.EPHEMERAL, (rc, _, _, _) -> {
                if (rc == noNode) {
                    noWaitsFolder = true; // a registry made before processes published waits: nobody reads them
                } else if (rc != ok) {
                    waitZnode.compareAndSet(record, WAIT_UNKNOWN);
                }
            }, null);
        } else {
            zooKeeper.setData(waitPath, record, -1, (rc, _, _, _) -> {
                if (rc != ok) {
                    waitZnode.compareAndSet(record, rc == noNode ? null : WAIT_UNKNOWN);
                }
            }, null);
        }
    }

    /** A wait of this process as the registry records it: whether each segment waited on is one it exported. */
    private WaitRecord waitRecord(ClusterWaits.Wait wait) {
        List<WaitRecord.WaitedSegment> segments = new ArrayList<>();
        for (ClusterWaits.SegmentName segment : wait.segments()) {
            segments.add(new WaitRecord.WaitedSegment(segment, segment.node() == node && published.containsKey(segment.id())));
        }
        return new WaitRecord(wait.serial(), wait.call(), segments, wait.site());
    }

    /**
     * The importers of a segment by the sequence of their connections, as the registry listed them when the data path's
     * connect mark ({@link UcxDataPath#connectMark}) was {@code mark} and the watched changes of the connections
     * {@code changes}: a list to keep while both are still so. Once the mark changed, a connect returned that the list may
     * lack (ZooKeeper's watch may tell it later).
     */
    private record KnownImporters(long mark, long changes, Map<Integer, Znodes.Importer> bySequence) {
    }

    /**
     * The importers of this process's segment {@code segmentId}: the list kept, unless a connection came or went since it
     * was read (a connect to this process returned, or the watch said so), else the one the registry has now.
     */
    private Collection<Znodes.Importer> importers(int segmentId) throws RsmException {
        // both read before the registry: a connect that marked after it, a change after it, is seen at the next post
        long mark = dataPath.connectMark();
        long changes = connectionChanges.get();
        KnownImporters known = importers.get(segmentId);
        if (known != null && known.mark() == mark && known.changes() == changes) {
            return known.bySequence().values();
        }
        String prefix = Znodes.connectionPrefix(node, segmentId);
        Map<Integer, Znodes.Importer> read = new HashMap<>();
        try {
            sync();
            for (String connection : zooKeeper.getChildren(Znodes.CONNECTIONS, connectionsChanged)) {
                if (connection.startsWith(prefix)) {
                    try {
                        byte[] data = zooKeeper.getData(Znodes.CONNECTIONS + "/" + connection, false, null);
                        if (!Znodes.withdrawn(data)) { // an aborted importer of an earlier publication of the id gets no event
                            read.put(Znodes.connectionSequence(connection), Znodes.connectionImporter(data));
                        }
                    } catch (KeeperException.NoNodeException e) {
                        // disconnected since it was listed
                    } catch (IllegalArgumentException e) {
                        throw error(RsmError.INTERNAL_ERROR, "the connection %s in the cluster registry at %s is damaged: %s",
                                connection, connectString, e.getMessage());
                    }
                }
            }
        } catch (KeeperException | InterruptedException e) {
            throw unavailable("list the importers of segment " + id(segmentId), e);
        }
        if (published.containsKey(segmentId)) {
            importers.put(segmentId, new KnownImporters(mark, changes, read));
        }
        return read.values();
    }

    /** Returns once this session's server has caught up with the ensemble's leader: what was committed before is read. */
    private void sync() throws KeeperException, InterruptedException {
        CountDownLatch synced = new CountDownLatch(1);
        int[] result = {0};
        zooKeeper.sync(Znodes.CONNECTIONS, (rc, _, _) -> {
            result[0] = rc;
            synced.countDown();
        }, null);
        if (!synced.await(session.timeoutMillis(), TimeUnit.MILLISECONDS)) {
            throw new KeeperException.OperationTimeoutException();
        }
        if (result[0] != KeeperException.Code.OK.intValue()) {
            throw KeeperException.create(KeeperException.Code.get(result[0]), Znodes.CONNECTIONS);
        }
    }

    /** How a connect's errors name the importing process. */
    static String importer(int node, Credentials credentials) {
        return "a process of node " + node + " (" + credentials + ")";
    }

    /**
     * The error of a registry call that failed; a call that found the session expired ends it first (a process whose
     * session expired is dead for the cluster, whether its call or the session's event learns it first).
     */
    private RsmException unavailable(String what, Exception e) {
        noteExpiry(e);
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return error(RsmError.INTERRUPTED, "interrupted while the cluster registry was asked to %s", what);
        }
        RsmException failure = error(RsmError.INSUFFICIENT_RESOURCES, "cannot %s: the cluster registry at %s failed: %s", what,
                connectString, e.getMessage());
        failure.initCause(e);
        return failure;
    }

    /** A call that failed because the session expired ends it (its event may come later). */
    private void noteExpiry(Exception e) {
        if (e instanceof KeeperException.SessionExpiredException || e.getCause() instanceof KeeperException.SessionExpiredException) {
            session.expired();
        }
    }

    /**
     * Ends this process cleanly: its last signals to importers go out while its segments are still published, then its
     * znode goes with its joined znode, which says so (not a killed node), then its session.
     */
    @Override
    public void close() {
        dataPath.awaitUnsentSignals();
        try {
            // made again while the connection is down, for at most the session's timeout (the ensemble has expired the
            // session after that): with its joined znode left, the end would count as an expiry (node taken down, the JVM
            // fenced); a try whose answer was lost made it, and the next finds the znodes gone
            session.endingCleanly();
            session.persistently(() -> zooKeeper.multi(List.of(Op.delete(processPath, -1), Op.delete(Znodes.joined(processPath), -1))),
                    session.timeoutMillis());
        } catch (KeeperException e) {
            // the session expired already, the cluster is gone, or a lost answer's try made it: nothing (more) to delete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        faults.shutdownNow();
        session.close();
        dataPath.close();
    }

    @Override
    public String toString() {
        return "registry of node " + node + " at " + connectString;
    }

    /**
     * A connection znode, whether the segment it connects to has gone since (a watch on the segment's znode) or its
     * znode was deleted by another process (an exporter's rebind that it did not follow in time), and its data path,
     * which follows the segment's rebinds (the same watch).
     */
    private final class ZooKeeperConnection implements Connection {
        private final RegistrySession session;
        private final ZooKeeper zooKeeper;
        private final String path;
        private final ConnectionRecord record;
        private final UcxDataPath.UcxRemoteSegment dataPath;
        private final ConnectChecks.Grant grant;
        private final UcxDataPath.Listener listener;
        private volatile boolean aborted;
        private volatile boolean disconnected;
        /** The segment's record; the creation of it that this connection watches ({@link Stat#getCzxid}), 0 until read. */
        private String segmentPath;
        private volatile long publication;
        private final AtomicBoolean acknowledging = new AtomicBoolean();

        ZooKeeperConnection(RegistrySession session, String path, ConnectionRecord record, UcxDataPath.UcxRemoteSegment dataPath,
                ConnectChecks.Grant grant, UcxDataPath.Listener listener) {
            this.session = session;
            this.zooKeeper = session.zooKeeper();
            this.path = path;
            this.record = record;
            this.dataPath = dataPath;
            this.grant = grant;
            this.listener = listener;
        }

        @Override
        public RemoteSegment dataPath() {
            return dataPath;
        }

        @Override
        public ConnectChecks.Grant grant() {
            return grant;
        }

        @Override
        public void onSignal(Runnable onSignal) {
            listener.onSignal(onSignal);
        }

        /** Watches the segment {@code segmentId} of {@code exporterNode}, and this connection's znode. */
        void watch(int exporterNode, int segmentId) throws KeeperException, InterruptedException {
            segmentPath = Znodes.segment(exporterNode, segmentId);
            connections.add(this);
            watchSegment(exporterNode, segmentId);
            watchConnection();
        }

        /**
         * The segment's record is gone (unpublished, destroyed, or its exporter died): every connection of this process to
         * that publication of it is aborted at once, as a local forced disconnect aborts them together, and acknowledges.
         */
        private void segmentWithdrawn(long withdrawn) {
            List<ZooKeeperConnection> cut = connections.stream()
                    .filter(c -> c.segmentPath.equals(segmentPath) && (c == this || c.publication == withdrawn)).toList();
            cutsUnderWay.incrementAndGet();
            try {
                cut.forEach(c -> c.aborted = true);
            } finally {
                cutsUnderWay.decrementAndGet();
            }
            cut.forEach(ZooKeeperConnection::acknowledgeWithdrawal);
        }

        /**
         * Once no transfer of this connection reaches the segment's memory any more ({@link UcxDataPath.UcxRemoteSegment#withdraw}),
         * records {@link Znodes#WITHDRAWN} as its binding: the exporter's unpublish waits for that. Off ZooKeeper's event
         * thread: the path waits for its transfers under way and flushes.
         */
        private void acknowledgeWithdrawal() {
            if (!acknowledging.compareAndSet(false, true)) {
                return;
            }
            Thread.ofVirtual().name("rsm-segment-withdrawn").start(() -> {
                dataPath.withdraw();
                synchronized (this) { // after a follow of a rebind under way, which records its binding
                    try {
                        session.persistently(() -> zooKeeper.setData(path, record.data(Znodes.WITHDRAWN), -1));
                    } catch (KeeperException e) {
                        // gone: disconnected, forced out by the exporter, or the session ended
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }

        /**
         * Reads the segment's record with a watch, and again whenever it changes: a rebind (a later binding than the data
         * path reaches) is followed, its deletion (unpublished, or its exporter died) aborts this connection.
         */
        private void watchSegment(int exporterNode, int segmentId) throws KeeperException, InterruptedException {
            // filled by the answer, before ZooKeeper queues an event of the watch it sets
            Stat read = new Stat();
            Watcher watcher = event -> {
                if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                    segmentWithdrawn(read.getCzxid());
                } else if (event.getType() != Watcher.Event.EventType.None && !aborted && !disconnected) {
                    session.rewatch(() -> watchSegment(exporterNode, segmentId)); // a republish or a rebind: read it again
                }
            };
            byte[] data;
            try {
                data = zooKeeper.getData(segmentPath, watcher, read);
            } catch (KeeperException.NoNodeException e) {
                if (publication != 0) {
                    // gone between a republish's event and this read, which left no watch to tell the other connections
                    segmentWithdrawn(publication);
                } else {
                    aborted = true;
                    acknowledgeWithdrawal();
                }
                return;
            }
            if (publication == 0) {
                publication = read.getCzxid();
            }
            ExportAddress address;
            try {
                address = SegmentRecord.decode(exporterNode, segmentId, data).address();
            } catch (IllegalArgumentException e) {
                return; // damaged: the exporter's rebind disconnects this connection if it waits for it
            }
            if (address.binding() > dataPath.settled()) {
                // off ZooKeeper's event thread (and the common pool, which runs the data path's timers): the path waits for
                // the transfers on the old memory to end
                Thread.ofVirtual().name("rsm-follow-rebind").start(() -> follow(address));
            }
        }

        /**
         * Moves the data path onto the binding at {@code address}, then tells the exporter, which waits for it, that the path
         * no longer uses the memory of older bindings (one follow at a time: a late one does not record an older binding
         * over a newer one). A path that cannot follow is down for good: the connection is aborted, its record deleted,
         * which the exporter takes as the end of its wait for it too.
         */
        private synchronized void follow(ExportAddress address) {
            if (acknowledging.get()) {
                return; // the segment was withdrawn: its record says so
            }
            boolean followed = dataPath.follow(address);
            if (!followed) {
                aborted = true;
            }
            try {
                session.persistently(() -> {
                    if (followed) {
                        zooKeeper.setData(path, record.data(dataPath.settled()), -1);
                    } else {
                        zooKeeper.delete(path, -1);
                    }
                    return null;
                });
            } catch (KeeperException e) {
                // gone: disconnected, withdrawn by the exporter, or the session ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Watches this connection's znode: deleted by another process (an exporter forcing it out), it aborts the connection. */
        private void watchConnection() throws KeeperException, InterruptedException {
            Watcher watcher = event -> {
                if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
                    if (!disconnected) {
                        aborted = true;
                    }
                } else if (event.getType() != Watcher.Event.EventType.None && !aborted && !disconnected) {
                    session.rewatch(this::watchConnection); // its own acknowledgement of a rebind: watch again
                }
            };
            if (zooKeeper.exists(path, watcher) == null && !disconnected) {
                aborted = true;
            }
        }

        @Override
        public boolean isAborted() {
            if (!aborted) {
                return false;
            }
            while (cutsUnderWay.get() != 0) { // the other connections of this withdrawal may not be marked yet
                Thread.onSpinWait();
            }
            return true;
        }

        @Override
        public void disconnect() {
            if (disconnected) {
                return;
            }
            disconnected = true;
            connections.remove(this);
            listener.close();
            dataPath.close();
            try {
                zooKeeper.delete(path, -1);
            } catch (KeeperException.NoNodeException e) {
                // already gone: forced out by the exporter, or the session ended
            } catch (KeeperException e) {
                // the client lost its server: the record goes once it has found one, without holding up the program (an
                // exporter's rebind or unpublish would wait for a record left behind)
                Thread.ofVirtual().name("rsm-disconnect").start(() -> {
                    try {
                        session.persistently(() -> {
                            zooKeeper.delete(path, -1);
                            return null;
                        });
                    } catch (KeeperException | InterruptedException gone) {
                        // gone meanwhile, or the session ended: it went with it
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
