// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.RemoteSegmentView;
import org.rsmworkbench.emulator.RemoteSegments;
import org.rsmworkbench.emulator.WatchedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.internal.SpecText;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A distributed cluster as an observer reads it from its registry in ZooKeeper (see {@link Znodes}), without being a
 * process of it: its spec from the root znode, its nodes and links up or down, its published segments with their ACLs,
 * its connections, its processes with their credentials (those that recorded them), and the waits that node processes
 * with files of their own published ({@link RegistryWaits}), a process numbered alike in all ({@link ProcessNumbers}). The
 * registry has no bound segments, so a state lists none; nor the waits of node processes that share the launch's files
 * (they are in those files).
 * <p>
 * One thread reads the registry: again whenever a watch it set fires (a node, link, segment or connection changed) and
 * every {@link #REREAD_MILLIS} besides; {@link #state()} gives what it read last without calling ZooKeeper, so a view may
 * ask on the UI thread. A state's version is the newest change (zxid) among what it read, so it changes exactly when the
 * registry did. While the ensemble does not answer, {@link #problem()} says so and the reader retries every
 * {@link #RETRY_MILLIS}; a session that expired meanwhile is opened again.
 * <p>
 * Its segments are read (and written with stated credentials) through a UCX worker of the observer's own, opened at the
 * first read: {@link UcxSegmentView}. The observer joins the cluster neither as a process nor as an importer: the registry
 * does not list it.
 */
public final class ZooKeeperCluster implements WatchedCluster, RemoteSegments {
    /** How long attaching waits for the ensemble to answer. */
    public static final long ATTACH_TIMEOUT_MILLIS = 5_000;

    private static final String MISSING_PATH = "the path of its registry is missing";
    /** How often the registry is read again when no watch fired: a safety net for a missed event. */
    static final long REREAD_MILLIS = 5_000;
    /** How often a registry that did not answer is asked again. */
    static final long RETRY_MILLIS = 1_000;

    private final String connectString;
    /** The secret of the cluster's registry the session authenticates with, or null. */
    private final String secret;
    private final ClusterSpec spec;
    /** Every event of the session and of the watches set wakes the reader. */
    private final Watcher wakeReader = _ -> wake();
    private final Thread reader;
    private ZooKeeper zooKeeper;
    private boolean closed;
    /** A watch fired since the reader last looked. */
    private boolean pending;
    private volatile ClusterState last;
    /** Where the segments of {@link #last} are, by their znode's name. */
    private volatile Map<String, ExportAddress> addresses = Map.of();
    /** The observer's own UCX data path, opened at the first read of a segment; null until then. */
    private UcxDataPath dataPath;
    /** The views of segments open now: closed before the data path is. */
    private final Set<UcxSegmentView> views = new HashSet<>();
    private volatile String problem;
    private final ProcessNumbers processNumbers = new ProcessNumbers();
    private final RegistryWaits publishedWaits = new RegistryWaits(processNumbers);
    /**
     * The waits of the last read of the registry; after a read that failed, none and not complete: a wait that no read
     * confirms is not kept (a cycle caught by the last read would seem to last while nothing is read), nor taken for ended.
     */
    private volatile ClusterWaits waits = UNREAD;
    private static final ClusterWaits UNREAD = new ClusterWaits(List.of(), false);
    private volatile boolean gone;
    /** Who hears of each answer of the registry during a read: nobody, the reader's failures say when it does not answer. */
    private static final Runnable NO_ONE = () -> { };

    private ZooKeeperCluster(String connectString, String secret, ClusterSpec spec) {
        this.connectString = connectString;
        this.secret = secret;
        this.spec = spec;
        this.reader = Thread.ofPlatform().daemon().name("rsm-registry-reader " + connectString).unstarted(this::readUntilClosed);
    }

    /**
     * Opens the cluster whose registry {@code connectString} names: HOST:PORT[,HOST:PORT...]/rsm-workbench/CLUSTER, as
     * {@code rsm-launch --zookeeper} prints it.
     *
     * @throws IOException when the string is not such a connect string, nothing answers there within
     *             {@link #ATTACH_TIMEOUT_MILLIS}, or no cluster's registry is there (the message says what to check)
     */
    public static ZooKeeperCluster attach(String connectString) throws IOException {
        String trimmed = connectString.strip();
        String problem = syntaxProblem(trimmed);
        if (problem != null) {
            // an ensemble without the cluster's path: say which clusters are there
            throw new IOException(problem.contains(MISSING_PATH) ? problem + clustersThere(trimmed) : problem);
        }
        String chroot = trimmed.substring(trimmed.indexOf('/'));
        ZooKeeper zooKeeper;
        String secret = RegistrySecrets.of(trimmed);
        try {
            zooKeeper = RegistrySession.open(trimmed, secret, DistributedBackend.DEFAULT_SESSION_TIMEOUT,
                    ATTACH_TIMEOUT_MILLIS, _ -> { }).zooKeeper();
        } catch (RsmException e) {
            throw new IOException(e.getMessage() + " Check the host names and ports of " + trimmed
                    + " (the connect string rsm-launch printed), that ZooKeeper runs there and that no firewall is in the way.", e);
        }
        try {
            byte[] specText;
            try {
                specText = zooKeeper.getData("/", false, null);
                List<ACL> acl = zooKeeper.getACL("/", null);
                if (secret == null || !RegistrySecrets.madeWith(acl, secret)) {
                    throw new IOException(chroot + " in ZooKeeper at " + trimmed + " is not a registry that a launch made with"
                            + " this user's secret: anyone who reaches the ensemble may have made or changed it (its ACL: "
                            + RegistrySecrets.describe(acl) + "); not attached" + clustersThere(trimmed));
                }
                String mismatch = RegistryFormat.mismatch(zooKeeper);
                if (mismatch != null) {
                    throw new IOException("cannot attach to the cluster at " + trimmed + ": " + mismatch);
                }
            } catch (KeeperException.NoAuthException e) {
                throw new IOException(RegistrySecrets.refused(trimmed), e);
            } catch (KeeperException.NoNodeException e) {
                throw new IOException("ZooKeeper at " + trimmed + " answers, but holds no cluster at " + chroot
                        + ": the cluster has ended, or the path is not the one rsm-launch printed" + clustersThere(trimmed), e);
            }
            ClusterSpec spec;
            try {
                spec = SpecText.decode(specText);
            } catch (IllegalArgumentException e) {
                throw new IOException(chroot + " in ZooKeeper at " + trimmed + " is not the registry of an RSM cluster ("
                        + e.getMessage() + ")" + clustersThere(trimmed), e);
            }
            ZooKeeperCluster cluster = new ZooKeeperCluster(trimmed, secret, spec);
            zooKeeper.register(cluster.wakeReader);
            cluster.zooKeeper = zooKeeper;
            cluster.readOnce();
            if (cluster.last == null) {
                throw new IOException(cluster.problem);
            }
            cluster.reader.start();
            return cluster;
        } catch (IOException | KeeperException | RuntimeException e) {
            close(zooKeeper);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot read the cluster registry at " + trimmed + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            close(zooKeeper);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the cluster registry at " + trimmed, e);
        }
    }

    /**
     * What is wrong with {@code connectString} as HOST:PORT[,HOST:PORT...]/PATH (saying what a connect string looks like),
     * or null when nothing is. Reads nothing from the network: a dialog may ask it at each keystroke.
     */
    public static String syntaxProblem(String connectString) {
        String trimmed = connectString.strip();
        String example = " (a connect string looks like 127.0.0.1:2181/rsm-workbench/cluster-of-2-1b4e...: ZooKeeper's"
                + " HOST:PORT list, then the path of the cluster's registry, as rsm-launch --zookeeper prints it)";
        if (trimmed.isEmpty()) {
            return "no connect string" + example;
        }
        int slash = trimmed.indexOf('/');
        for (String server : (slash < 0 ? trimmed : trimmed.substring(0, slash)).split(",", -1)) {
            int colon = server.lastIndexOf(':');
            String port = colon < 0 ? "" : server.substring(colon + 1);
            if (colon <= 0 || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return "'" + server + "' in '" + trimmed + "' is not HOST:PORT" + example;
            }
        }
        if (slash < 0 || slash == trimmed.length() - 1) {
            return "'" + trimmed + "' names no cluster: " + MISSING_PATH + example;
        }
        return null;
    }

    /**
     * ": clusters there: a, b" listing the registries under {@link ZooKeeperBackend#ROOT} of the ensemble, when it answers
     * at once; else nothing (the caller's message says enough).
     */
    private static String clustersThere(String connectString) {
        int slash = connectString.indexOf('/');
        String ensemble = slash < 0 ? connectString : connectString.substring(0, slash);
        try {
            // the list of clusters is open to all: no secret
            ZooKeeper zooKeeper = RegistrySession.open(ensemble, null, DistributedBackend.DEFAULT_SESSION_TIMEOUT, ATTACH_TIMEOUT_MILLIS,
                    _ -> { }).zooKeeper();
            try {
                List<String> clusters = zooKeeper.getChildren(ZooKeeperBackend.ROOT, false);
                return clusters.isEmpty() ? "; no cluster runs there now"
                        : "; clusters there: " + clusters.stream().map(c -> ensemble + ZooKeeperBackend.ROOT + "/" + c).toList();
            } finally {
                close(zooKeeper);
            }
        } catch (RsmException | KeeperException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public String location() {
        return connectString;
    }

    @Override
    public ClusterSpec spec() {
        return spec;
    }

    /** What the reader read last (the state at attaching, at least). */
    @Override
    public ClusterState state() {
        return last;
    }

    @Override
    public String problem() {
        return problem;
    }

    /** Gone when its registry is: the launch that made it ended. Unreachable is not gone. */
    @Override
    public boolean isGone() {
        return gone;
    }

    private void wake() {
        synchronized (this) {
            pending = true;
            notifyAll();
        }
    }

    private void readUntilClosed() {
        for (;;) {
            synchronized (this) {
                if (!pending && !closed) {
                    try {
                        wait(problem == null ? REREAD_MILLIS : RETRY_MILLIS);
                    } catch (InterruptedException e) {
                        return; // only close() interrupts it
                    }
                }
                if (closed) {
                    return;
                }
                pending = false;
            }
            readOnce();
        }
    }

    /** Reads the registry, setting watches that wake the reader; what it read becomes {@link #last}, or why not {@link #problem}. */
    private void readOnce() {
        ZooKeeper session;
        try {
            session = session();
        } catch (IllegalStateException e) {
            problem = e.getMessage();
            waits = UNREAD;
            return;
        }
        try {
            if (session.exists("/", wakeReader) == null) {
                gone = true;
                problem = "the cluster registry at " + connectString + " is gone: the cluster has ended";
                waits = UNREAD;
                return;
            }
            RegistryReader reader = new RegistryReader(session, "", wakeReader, connectString, processNumbers, NO_ONE);
            List<ClusterState.Node> nodes = new ArrayList<>();
            for (NodeSpec node : spec.nodes()) {
                nodes.add(new ClusterState.Node(node.id(), node.hostname(), Znodes.NODE_UP.equals(reader.text(Znodes.node(node.id())))));
            }
            List<ClusterState.Link> links = new ArrayList<>();
            for (int link = 0; link < spec.links().size(); link++) {
                links.add(new ClusterState.Link(spec.links().get(link), Znodes.LINK_UP.equals(reader.text(Znodes.link(link)))));
            }
            RegistryReader.Published published = reader.published();
            waits = publishedWaits.read(session, "", wakeReader, NO_ONE);
            addresses = Map.copyOf(published.addresses());
            last = new ClusterState(spec.name(), reader.newestChange() * 2, nodes, links, published.processes(),
                    published.segments(), published.connections());
            problem = null;
        } catch (KeeperException e) {
            problem = unreachable(e);
            waits = UNREAD;
        } catch (IllegalStateException e) {
            problem = e.getMessage(); // a damaged record
            waits = UNREAD;
        } catch (RuntimeException e) {
            // the client refusing a call: said as the problem, and the reader goes on
            problem = "cannot read the cluster registry at " + connectString + ": " + e;
            waits = UNREAD;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() interrupts the reader: its wait ends it
        }
    }

    private String unreachable(KeeperException e) {
        return switch (e.code()) {
        case CONNECTIONLOSS, SESSIONEXPIRED, OPERATIONTIMEOUT -> "the cluster registry at " + connectString
                + " does not answer (ZooKeeper: " + e.code() + "): is ZooKeeper still running there?";
        case NONODE -> "the cluster registry at " + connectString + " is gone: the cluster has ended";
        default -> "cannot read the cluster registry at " + connectString + ": " + e.getMessage();
        };
    }

    @Override
    public ClusterWaits waits() {
        return waits;
    }

    /**
     * The session, opened again when it ended (expired while the ensemble was unreachable); the constructor does not wait
     * for the ensemble, reads fail fast until it answers.
     */
    synchronized ZooKeeper session() {
        if (closed) {
            throw new IllegalStateException("detached from the cluster registry at " + connectString);
        }
        if (!zooKeeper.getState().isAlive()) {
            close(zooKeeper);
            try {
                zooKeeper = new ZooKeeper(connectString, Math.toIntExact(DistributedBackend.DEFAULT_SESSION_TIMEOUT.toMillis()), wakeReader);
                RegistrySecrets.authenticate(zooKeeper, secret);
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach the cluster registry at " + connectString + ": " + e.getMessage(), e);
            }
        }
        return zooKeeper;
    }

    @Override
    public RemoteSegmentView view(int node, int segmentId) throws IOException {
        ClusterState.Segment segment = published(node, segmentId);
        if (segment == null) {
            return null;
        }
        UcxSegmentView view = new UcxSegmentView(this, node, segmentId, segment.size());
        synchronized (this) {
            if (closed) {
                view.close();
                throw new IOException("detached from the cluster registry at " + connectString);
            }
            views.add(view);
        }
        return view;
    }

    /** The segment as the last read of the registry lists it, or null when it is not published there. */
    ClusterState.Segment published(int node, int segmentId) {
        for (ClusterState.Segment segment : last.segments()) {
            if (segment.node() == node && segment.segmentId() == segmentId) {
                return segment;
            }
        }
        return null;
    }

    /** Where the last read of the registry says the data path reaches that segment, or null when it is not published. */
    ExportAddress address(int node, int segmentId) {
        return addresses.get(Znodes.segmentName(node, segmentId));
    }

    /** The observer's UCX data path, opened at the first call. */
    synchronized UcxDataPath dataPath() throws IOException {
        if (closed) {
            throw new IOException("detached from the cluster registry at " + connectString);
        }
        if (dataPath == null) {
            try {
                dataPath = UcxDataPath.open();
            } catch (RsmException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return dataPath;
    }

    /** A view closed: the data path need not close it. */
    synchronized void closed(UcxSegmentView view) {
        views.remove(view);
    }

    @Override
    public void close() {
        ZooKeeper session;
        List<UcxSegmentView> open;
        UcxDataPath path;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            session = zooKeeper;
            open = List.copyOf(views);
            path = dataPath;
            notifyAll();
        }
        reader.interrupt();
        close(session);
        // their remote keys go before the worker that unpacked them
        open.forEach(UcxSegmentView::close);
        if (path != null) {
            path.close();
        }
    }

    private static void close(ZooKeeper zooKeeper) {
        try {
            zooKeeper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "distributed cluster " + spec.name() + " at " + connectString;
    }
}
