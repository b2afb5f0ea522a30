// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A ZooKeeper ensemble of one in this JVM, on a free port of the loopback interface (or of an address given), with its data in a private temporary
 * folder that {@link #close()} removes: for {@code rsm-launch --zookeeper embedded} and the tests. The server holds a lock
 * on {@value #IN_USE} in its folder while it runs; a start removes this user's folders whose lock nobody holds (left by a
 * launcher that was killed).
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final int TICK_MILLIS = 500;
    private static final int MAX_CLIENT_CONNECTIONS = 1000;
    static final String PREFIX = "rsm-zookeeper-";
    static final String IN_USE = "in-use.lock";
    /**
     * The folders of this JVM's servers: never opened by {@link #removeAbandoned}, since closing any descriptor of a
     * file drops every lock the process holds on it.
     */
    private static final Set<Path> RUNNING = ConcurrentHashMap.newKeySet();

    private final Path dataDirectory;
    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;
    private final InetAddress address;
    /** Locked while the server runs (released when this JVM ends, however it ends). */
    private final FileChannel inUse;

    private EmbeddedZooKeeper(Path dataDirectory, FileChannel inUse, ZooKeeperServer server, ServerCnxnFactory connections,
            InetAddress address) {
        this.inUse = inUse;
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
        Path data = Files.createTempDirectory(PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        RUNNING.add(data);
        removeAbandoned(data);
        ServerCnxnFactory connections = null;
        FileChannel inUse = null;
        try {
            inUse = lockInUse(data);
            ZooKeeperServer server = new ZooKeeperServer(data.resolve("snapshots").toFile(), data.resolve("log").toFile(), TICK_MILLIS);
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress(address, 0),
                    MAX_CLIENT_CONNECTIONS);
            connections.startup(server);
            return new EmbeddedZooKeeper(data, inUse, server, connections, address);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (connections != null) {
                connections.shutdown();
            }
            deleteTree(data);
            if (inUse != null) {
                inUse.close();
            }
            RUNNING.remove(data);
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
        try (inUse) {
            deleteTree(dataDirectory);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        } finally {
            RUNNING.remove(dataDirectory);
        }
    }

    /**
     * Locks {@value #IN_USE} of the new folder {@code data}: made and locked under another name first, so that a start
     * that looks meanwhile finds no lock file (and leaves the folder) or a locked one.
     */
    private static FileChannel lockInUse(Path data) throws IOException {
        Path made = data.resolve(IN_USE + ".new");
        FileChannel channel = FileChannel.open(made, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
            Files.move(made, data.resolve(IN_USE), StandardCopyOption.ATOMIC_MOVE);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Removes the folders of servers of this user (the owner of {@code ownFolder}, the new one) whose lock nobody holds:
     * their JVM ended without {@link #close()}. A folder of another user, a link, one without a lock file (being made,
     * or by an older version) is left alone.
     */
    static void removeAbandoned(Path ownFolder) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(ownFolder.getParent(), PREFIX + "*")) {
            Object uid = Files.getAttribute(ownFolder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            for (Path folder : folders) {
                if (!RUNNING.contains(folder) && isPrivateDirectoryOf(uid, folder)) {
                    removeIfAbandoned(folder);
                }
            }
        } catch (IOException e) {
            // what stays is removed by a later start
        }
    }

    private static boolean isPrivateDirectoryOf(Object uid, Path folder) {
        try {
            Map<String, Object> a = Files.readAttributes(folder, "unix:uid,mode,isDirectory", LinkOption.NOFOLLOW_LINKS);
            // the mode createTempDirectory gave: nobody else can have put anything inside
            return (Boolean) a.get("isDirectory") && ((Integer) a.get("mode") & 0777) == 0700 && a.get("uid").equals(uid);
        } catch (IOException gone) {
            return false;
        }
    }

    private static void removeIfAbandoned(Path folder) {
        try (FileChannel lock = FileChannel.open(folder.resolve(IN_USE), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                FileLock held = lock.tryLock()) {
            if (held != null) {
                deleteTree(folder);
            }
        } catch (OverlappingFileLockException | IOException e) {
            // a server of this JVM, no lock file, or gone meanwhile: left alone
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
