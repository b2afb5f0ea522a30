// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.unix.Socket;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolver;
import io.netty.util.ReferenceCounted;

import org.apache.jute.Record;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooKeeper;
import org.openucx.jucx.ucp.UcpContext;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.backend.ClusterFaults;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.internal.ClusterRuntime;
import org.rsmworkbench.emulator.internal.SpecText;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.slf4j.LoggerFactory;
import org.slf4j.nop.NOPServiceProvider;

/**
 * The ZooKeeper backend: a launched cluster's registry is the znode {@code /rsm-workbench/<cluster>-<uuid>} of the
 * ensemble (the chroot of the connect string its node JVMs get), holding the cluster's spec ({@link SpecText}), made with its {@link Znodes} folders, its nodes and links
 * up, watched by a {@link NodeReaper} for as long as the launch runs, and removed when it ends.
 */
public final class ZooKeeperBackend implements DistributedBackend {
    /**
     * A class of each jar a node JVM needs for this backend: the ZooKeeper client with jute, the Netty jars its client
     * configuration loads (SSL), SLF4J and its silent provider, JUCX (with its native library).
     */
    private static final List<Class<?>> NODE_RUNTIME = List.of(ZooKeeper.class, Record.class, SslContext.class, ByteBuf.class,
            Channel.class, Socket.class, ByteToMessageDecoder.class, AddressResolver.class, ReferenceCounted.class,
            LoggerFactory.class, NOPServiceProvider.class, UcpContext.class);

    /** The znode below which launched clusters keep their registries. */
    public static final String ROOT = "/rsm-workbench";

    @Override
    public LaunchedRegistry create(String zookeeper, ClusterSpec spec, Duration sessionTimeout) throws IOException {
        EmbeddedZooKeeper embedded = EMBEDDED.equals(zookeeper) ? EmbeddedZooKeeper.start() : null;
        String ensemble = embedded != null ? embedded.connectString() : zookeeper;
        String root = ROOT + "/" + spec.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + UUID.randomUUID();
        String connectString = ensemble + root;
        try {
            // the cluster's znodes are its secret's alone: another user who reaches the ensemble cannot read or change them
            List<String> warnings = new ArrayList<>();
            String secret = RegistrySecrets.launched(connectString, warnings::add);
            RegistrySession session = RegistrySession.open(ensemble, secret, sessionTimeout, ZooKeeperRegistry.CONNECT_TIMEOUT_MILLIS,
                    _ -> { });
            NodeReaper reaper;
            try {
                createCluster(session.zooKeeper(), root, spec, warnings::add);
                reaper = NodeReaper.start(session, root);
            } catch (IOException | KeeperException | InterruptedException | RuntimeException e) {
                session.close();
                throw e;
            }
            ProcessNumbers processNumbers = new ProcessNumbers();
            return new Launched(session, connectString, secret, List.copyOf(warnings), root, embedded, reaper, processNumbers,
                    new RegistryWaits(processNumbers));
        } catch (IOException | RsmException | KeeperException | InterruptedException | RuntimeException e) {
            RegistrySecrets.ended(connectString);
            if (embedded != null) {
                embedded.close();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot make the cluster registry in ZooKeeper at " + ensemble + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the cluster's registry in one transaction: between separate creates another user of the ensemble could take
     * the new root while it is empty (anyone may delete an empty child of {@link #ROOT}) and make it again, open. What
     * the launch should know of {@link #ROOT} goes to {@code warnings}.
     */
    private static void createCluster(ZooKeeper zooKeeper, String root, ClusterSpec spec, Consumer<String> warnings)
            throws KeeperException, InterruptedException, IOException {
        RootOfRegistries.prepare(zooKeeper, warnings);
        List<Op> creates = new ArrayList<>();
        // the spec in the root: an observer (the IDE attached to the cluster) knows the cluster from its registry alone
        creates.add(Op.create(root, SpecText.encode(spec), RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT));
        creates.add(RegistryFormat.create(root));
        for (String folder : List.of(Znodes.NODES, Znodes.PROCESSES, Znodes.JOINED, Znodes.LINKS, Znodes.TRANSFER_FAULTS,
                Znodes.SEGMENTS, Znodes.CONNECTIONS, Znodes.WAITS)) {
            creates.add(Op.create(root + folder, new byte[0], RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT));
        }
        for (NodeSpec node : spec.nodes()) {
            creates.add(Op.create(root + Znodes.node(node.id()), Znodes.NODE_UP.getBytes(StandardCharsets.UTF_8),
                    RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT));
        }
        for (int link = 0; link < spec.links().size(); link++) {
            creates.add(Op.create(root + Znodes.link(link), Znodes.LINK_UP.getBytes(StandardCharsets.UTF_8),
                    RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT));
        }
        creates.add(Op.create(root + Znodes.LAUNCHER, new byte[0], RegistrySecrets.CLUSTER_ACL, CreateMode.EPHEMERAL));
        try {
            zooKeeper.multi(creates);
        } catch (KeeperException.NoAuthException e) {
            throw new IOException(ROOT + " does not let this launch make its registry in it: another user of the ensemble"
                    + " made it so; remove it while no cluster runs (zkCli: deleteall " + ROOT + "), or use another ensemble", e);
        }
    }

    /** The class path entries a JVM needs for this backend, besides RSMAPI and the emulator (a node's, or a launcher's). */
    public static List<Path> nodeClassPath() {
        List<Path> entries = new ArrayList<>(ClassPathEntries.withResource(ZooKeeperBackend.class,
                "META-INF/services/" + DistributedBackend.class.getName()));
        for (Class<?> type : NODE_RUNTIME) {
            entries.add(ClassPathEntries.of(type));
        }
        return entries;
    }

    @Override
    public ClusterSpec spec(String connectString) throws RsmException {
        RegistrySession session = RegistrySession.open(connectString, RegistrySecrets.of(connectString),
                DistributedBackend.DEFAULT_SESSION_TIMEOUT, ZooKeeperRegistry.CONNECT_TIMEOUT_MILLIS, _ -> { });
        try {
            String mismatch = RegistryFormat.mismatch(session.zooKeeper());
            if (mismatch != null) {
                throw error(RsmError.BAD_LIBRARY_VERSION, "cannot read the spec of the cluster whose registry is at %s: %s",
                        connectString, mismatch);
            }
            return SpecText.decode(session.zooKeeper().getData("/", false, null));
        } catch (KeeperException.NoAuthException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "%s", RegistrySecrets.refused(connectString));
        } catch (KeeperException | IllegalArgumentException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "cannot read the spec of the cluster whose registry is at %s: %s (has the launch"
                    + " ended?)", connectString, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error(RsmError.INTERRUPTED, "interrupted while reading the cluster registry at %s", connectString);
        } finally {
            session.close();
        }
    }

    @Override
    public ClusterRegistry join(String connectString, Duration sessionTimeout, ClusterSpec spec, int node, Credentials credentials,
            ClusterFaults files, boolean ownFiles) throws RsmException {
        // a process whose session ended, whose node the registry says is down, or whose cluster's registry or launcher is
        // gone is dead for the cluster: it ends as a killed node's process does, saying why on its console
        ZooKeeperRegistry registry = ZooKeeperRegistry.join(connectString, sessionTimeout, spec, node, credentials, ownFiles, why -> {
            System.err.println("rsm: this process of node " + node + " is dead for the cluster: " + why + "; it ends (exit status "
                    + ClusterRuntime.KILLED_EXIT_STATUS + ")");
            System.err.flush();
            Runtime.getRuntime().halt(ClusterRuntime.KILLED_EXIT_STATUS);
        });
        try {
            registry.applyFaultsTo(files);
            if (ownFiles) {
                registry.applyNodeStatesTo(files);
            }
        } catch (RsmException | RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** A launched cluster's registry: its root znode, the launcher's session, and the embedded ensemble, if any. */
    private record Launched(RegistrySession session, String connectString, String secret, List<String> warnings, String root,
            EmbeddedZooKeeper embedded, NodeReaper reaper, ProcessNumbers processNumbers, RegistryWaits publishedWaits)
            implements LaunchedRegistry {
        /** Without the secret: whoever logs the registry must not print what opens it. */
        @Override
        public String toString() {
            return "the launched cluster registry at " + connectString;
        }

        @Override
        public Duration sessionTimeout() {
            return Duration.ofMillis(session.timeoutMillis());
        }

        @Override
        public List<Path> nodeClassPath() {
            return ZooKeeperBackend.nodeClassPath();
        }

        @Override
        public Set<Integer> joinedNodes() {
            Set<Integer> nodes = new HashSet<>();
            try {
                for (String process : session.zooKeeper().getChildren(root + Znodes.PROCESSES, false)) {
                    nodes.add(Znodes.nodeOfProcess(process));
                }
            } catch (KeeperException e) {
                // the ensemble does not answer: none is known to have joined
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return nodes;
        }

        @Override
        public Map<Integer, Set<Long>> nodeJvms() {
            return inRegistry("read the pids of the node JVMs", () -> {
                Map<Integer, Set<Long>> jvms = new TreeMap<>();
                ZooKeeper zooKeeper = session.zooKeeper();
                for (String process : zooKeeper.getChildren(root + Znodes.PROCESSES, false)) {
                    try {
                        long pid = Znodes.processPid(zooKeeper.getData(root + Znodes.PROCESSES + "/" + process, false, null));
                        jvms.computeIfAbsent(Znodes.nodeOfProcess(process), _ -> new TreeSet<>()).add(pid);
                    } catch (KeeperException.NoNodeException ended) {
                        // the process ended meanwhile
                    }
                }
                return jvms;
            });
        }

        @Override
        public void whenProcessExpires(ProcessExpired listener) {
            reaper.whenProcessExpires(listener);
        }

        @Override
        public void nodeKilled(int node) {
            inRegistry("mark node " + node + " down", () -> {
                session.zooKeeper().setData(root + Znodes.node(node), Znodes.NODE_DOWN.getBytes(StandardCharsets.UTF_8), -1);
                forgetKilled(node);
                return null;
            });
        }

        /**
         * Removes what the killed node's processes had in the registry, as a kill takes it out of the cluster's files at
         * once: its segments (their importers, which watch them, are forcibly disconnected) and its connections (their
         * exporters no longer signal it). They stayed until the processes' sessions expired: a restart within that time
         * failed to publish its segments again (SEGID_IN_USE).
         */
        private void forgetKilled(int node) throws KeeperException, InterruptedException {
            ZooKeeper zooKeeper = session.zooKeeper();
            for (String segment : zooKeeper.getChildren(root + Znodes.SEGMENTS, false)) {
                if (segment.startsWith(node + "-")) {
                    deleteIfThere(root + Znodes.SEGMENTS + "/" + segment);
                }
            }
            for (String connection : zooKeeper.getChildren(root + Znodes.CONNECTIONS, false)) {
                if (Znodes.connectionImporterNode(connection) == node) {
                    deleteIfThere(root + Znodes.CONNECTIONS + "/" + connection);
                }
            }
        }

        private void deleteIfThere(String path) throws KeeperException, InterruptedException {
            try {
                session.zooKeeper().delete(path, -1);
            } catch (KeeperException.NoNodeException gone) {
                // its process withdrew it meanwhile
            }
        }

        @Override
        public void nodeRestarted(int node) {
            inRegistry("mark node " + node + " up", () -> session.zooKeeper().setData(root + Znodes.node(node),
                    Znodes.NODE_UP.getBytes(StandardCharsets.UTF_8), -1));
        }

        @Override
        public boolean isNodeUp(int node) {
            return inRegistry("read the state of node " + node, () -> Znodes.NODE_UP.equals(new String(
                    session.zooKeeper().getData(root + Znodes.node(node), false, null), StandardCharsets.UTF_8)));
        }

        @Override
        public void setLink(int link, boolean up) {
            inRegistry("take link " + link + (up ? " up" : " down"), () -> session.zooKeeper().setData(root + Znodes.link(link),
                    (up ? Znodes.LINK_UP : Znodes.LINK_DOWN).getBytes(StandardCharsets.UTF_8), -1));
        }

        /** Writes the count for the importer node's processes to take: a count not taken yet is replaced, as in the files. */
        @Override
        public void failNextTransfers(int importerNode, int exporterNode, int count) {
            String path = root + Znodes.TRANSFER_FAULTS + "/" + Znodes.transferFaultName(importerNode, exporterNode);
            byte[] data = Znodes.transferFaultRecord(count);
            inRegistry("record failing transfers from node " + importerNode + " to node " + exporterNode, () -> {
                for (;;) {
                    try {
                        return session.zooKeeper().create(path, data, RegistrySecrets.CLUSTER_ACL, CreateMode.PERSISTENT);
                    } catch (KeeperException.NodeExistsException e) {
                        try {
                            return session.zooKeeper().setData(path, data, -1);
                        } catch (KeeperException.NoNodeException taken) {
                            // a process took the count meanwhile: make it again
                        }
                    }
                }
            });
        }

        @Override
        public ClusterWaits waits(Runnable answered) {
            return inRegistry("read the waits of the node processes",
                    () -> publishedWaits.read(session.zooKeeper(), root, null, answered));
        }

        @Override
        public OwnFilesPublished ownFilesPublished(Runnable answered) {
            return inRegistry("read what the node processes with files of their own published", () -> {
                RegistryReader reader = new RegistryReader(session.zooKeeper(), root, null, connectString, processNumbers,
                        answered);
                RegistryReader.Published published = reader.publishedWithOwnFiles();
                return new OwnFilesPublished(reader.newestChange() * 2, published.processes(), published.segments(),
                        published.connections());
            });
        }

        /** Runs a call to the registry; a failure is an {@link IllegalStateException} that says what could not be done. */
        private <T> T inRegistry(String what, ZooKeeperRegistry.Call<T> call) {
            try {
                return ZooKeeperRegistry.call(call);
            } catch (ZooKeeperRegistry.Unavailable e) {
                throw new IllegalStateException("cannot " + what + " in the cluster registry at " + connectString + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                ZKUtil.deleteRecursive(session.zooKeeper(), root);
            } catch (KeeperException e) {
                // the ensemble is gone, or so is the root: nothing is left to remove
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                session.close();
                RegistrySecrets.ended(connectString);
                if (embedded != null) {
                    embedded.close();
                }
            }
        }
    }
}
