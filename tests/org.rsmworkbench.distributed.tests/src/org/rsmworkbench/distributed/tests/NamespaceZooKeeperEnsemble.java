// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.tests.support.NetworkNamespaces;
import org.rsmworkbench.tests.support.TestFolders;

/**
 * A ZooKeeper ensemble of one server per host of a {@link NetworkNamespaceHosts}: server N is a JVM (ZooKeeper's QuorumPeerMain)
 * in host N's namespace, on its address, port {@value #CLIENT_PORT}, as one would run an ensemble on real hosts. Its
 * configuration, data and the servers' output are in a folder made for it, which {@link #close()} removes.
 */
final class NamespaceZooKeeperEnsemble implements AutoCloseable {
    static final int CLIENT_PORT = 2181;
    /** The main class of a server of an ensemble, in the ZooKeeper jar (the zookeeper bundle does not export its package). */
    private static final String QUORUM_PEER_MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
    /** ZooKeeper's time unit: session timeouts are between 2 and 20 ticks. */
    private static final int TICK_MILLIS = 500;

    private final NetworkNamespaceHosts hosts;
    private final Path folder;
    private final List<Process> servers = new ArrayList<>();

    private NamespaceZooKeeperEnsemble(NetworkNamespaceHosts hosts, Path folder) {
        this.hosts = hosts;
        this.folder = folder;
    }

    /** Starts a server on every host and waits until each serves (a leader and followers). */
    static NamespaceZooKeeperEnsemble start(NetworkNamespaceHosts hosts, Path folder, Duration timeout) throws IOException, InterruptedException {
        NamespaceZooKeeperEnsemble ensemble = new NamespaceZooKeeperEnsemble(hosts, folder);
        try {
            for (int server = 1; server <= hosts.hosts().size(); server++) {
                ensemble.servers.add(ensemble.startServer(server));
            }
            ensemble.awaitServing(timeout);
            return ensemble;
        } catch (IOException | InterruptedException | RuntimeException e) {
            ensemble.close();
            throw e;
        }
    }

    private Process startServer(int server) throws IOException {
        Path data = Files.createDirectories(folder.resolve("zk" + server));
        Files.writeString(data.resolve("myid"), server + "\n");
        StringBuilder config = new StringBuilder("""
                tickTime=%d
                initLimit=10
                syncLimit=4
                dataDir=%s
                clientPortAddress=%s
                clientPort=%d
                4lw.commands.whitelist=srvr
                admin.enableServer=false
                """.formatted(TICK_MILLIS, data, hosts.host(server).address(), CLIENT_PORT));
        for (NetworkNamespaces.Host host : hosts.hosts()) {
            config.append("server.").append(host.name().substring(1)).append('=').append(host.address()).append(":2888:3888\n");
        }
        Path configFile = data.resolve("zoo.cfg");
        Files.writeString(configFile, config);
        List<String> command = new ArrayList<>(hosts.host(server).prefix());
        command.addAll(List.of(NodeCommandBuilder.currentJava().toString(), "-Xmx128m", "-cp", classPath(),
                QUORUM_PEER_MAIN, configFile.toString()));
        Path log = data.resolve("server.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The ZooKeeper jars with what the server loads (the backend's client class path is the same jars but metrics). */
    private static String classPath() {
        Set<Path> entries = new LinkedHashSet<>(ZooKeeperBackend.nodeClassPath());
        entries.add(ClassPathEntries.of(com.codahale.metrics.Reservoir.class));
        entries.add(ClassPathEntries.of(org.xerial.snappy.Snappy.class));
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** HOST:PORT of every server. */
    String connectString() {
        return hosts.hosts().stream().map(h -> h.address() + ":" + CLIENT_PORT).collect(Collectors.joining(","));
    }

    /** Waits until every server that runs says it is the leader or a follower. */
    void awaitServing(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int server = 1; server <= servers.size(); server++) {
            if (!servers.get(server - 1).isAlive()) {
                continue;
            }
            while (mode(server) == null) {
                if (!servers.get(server - 1).isAlive()) {
                    throw new IOException("ZooKeeper server " + server + " ended: " + Files.readString(folder.resolve("zk" + server)
                            .resolve("server.log")));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("ZooKeeper server " + server + " does not serve after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        }
    }

    /** "leader" or "follower" as server N says (asked from its own host), or null while it does not serve. */
    String mode(int server) {
        String address = hosts.host(server).address();
        try {
            String answer = hosts.runOn(server, "timeout", "2", "bash", "-c",
                    "exec 3<>/dev/tcp/" + address + "/" + CLIENT_PORT + " && printf srvr >&3 && cat <&3");
            return answer.lines().filter(l -> l.startsWith("Mode: ")).map(l -> l.substring(6).strip())
                    .filter(m -> m.equals("leader") || m.equals("follower")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The server that leads, or 0. */
    int leader() {
        for (int server = 1; server <= servers.size(); server++) {
            if (servers.get(server - 1).isAlive() && "leader".equals(mode(server))) {
                return server;
            }
        }
        return 0;
    }

    /** Kills server N (SIGKILL) and waits for its end. */
    void kill(int server) throws InterruptedException {
        Process process = servers.get(server - 1);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        for (Process server : servers) {
            server.destroyForcibly();
        }
        for (Process server : servers) {
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            TestFolders.delete(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
