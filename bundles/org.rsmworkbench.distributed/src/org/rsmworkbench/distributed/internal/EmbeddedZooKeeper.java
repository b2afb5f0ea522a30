// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A ZooKeeper ensemble of one in this JVM, on a free port of the loopback interface (or of an address given), with its data in a private temporary
 * folder that {@link #close()} removes: for {@code rsm-launch --zookeeper embedded} and the tests.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final int TICK_MILLIS = 500;
    private static final int MAX_CLIENT_CONNECTIONS = 1000;

    private final Path dataDirectory;
    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;
    private final InetAddress address;

    private EmbeddedZooKeeper(Path dataDirectory, ZooKeeperServer server, ServerCnxnFactory connections, InetAddress address) {
        this.address = address;
        this.dataDirectory = dataDirectory;
        this.server = server;
        this.connections = connections;
    }

    /** Starts a server on the loopback interface; it answers when this returns. */
    public static EmbeddedZooKeeper start() throws IOException {
        return start(InetAddress.getLoopbackAddress());
    }

    /**
     * Starts a server on {@code address} of this machine (tests of launches across hosts, whose ensemble must not be on
     * a loopback address); it answers when this returns.
     */
    public static EmbeddedZooKeeper start(InetAddress address) throws IOException {
        // ZooKeeper's admin web server and JMX log4j bean are not wanted here
        System.setProperty("zookeeper.admin.enableServer", "false");
        System.setProperty("zookeeper.jmx.log4j.disable", "true");
        Path data = Files.createTempDirectory("rsm-zookeeper-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ServerCnxnFactory connections = null;
        try {
            ZooKeeperServer server = new ZooKeeperServer(data.resolve("snapshots").toFile(), data.resolve("log").toFile(), TICK_MILLIS);
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress(address, 0),
                    MAX_CLIENT_CONNECTIONS);
            connections.startup(server);
            return new EmbeddedZooKeeper(data, server, connections, address);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (connections != null) {
                connections.shutdown();
            }
            deleteTree(data);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting ZooKeeper", e);
            }
            throw e instanceof IOException io ? io : new IOException("cannot start ZooKeeper: " + e, e);
        }
    }

    /** The connect string of this server, HOST:PORT. */
    public String connectString() {
        return address.getHostAddress() + ":" + connections.getLocalPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
        try {
            deleteTree(dataDirectory);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** Deletes a folder of this server's own making, and what is in it (no links are followed). */
    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
