// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TCP link on the loopback interface between ZooKeeper clients and a server, which a test holds (what is sent waits),
 * cuts (the connections through it close, and new ones are closed as they come: the clients find no server) and heals,
 * as a network would, or drops one connection at a chosen packet of its client or its server, or as the answer to a chosen
 * request comes back.
 */
final class ZooKeeperLink implements AutoCloseable {
    /** Which way a packet goes through the link. */
    enum Direction {
        TO_SERVER, TO_CLIENT
    }

    private final ServerSocket listening;
    private final InetSocketAddress server;
    /** The sockets open now, both ends of each connection; guarded by this. */
    private final List<Socket> open = new ArrayList<>();
    private boolean cut;
    private boolean held;
    /** The direction and the read of its packets at which a connection is dropped, once (0: none). */
    private Direction dropDirection;
    private int dropAtRead;
    private boolean dropped;
    /** What the request whose answer is lost holds (a znode's path), until it went through; null: none. */
    private byte[] requestMarker;
    /** Whether that request went through to the server: the connection drops at the next answer to a request. */
    private boolean answerToDrop;
    /** Whether the link is cut when that answer is dropped. */
    private boolean cutAtAnswer;

    /** Forwards connections to the server at {@code hostPort} (HOST:PORT). */
    ZooKeeperLink(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        server = new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("zookeeper-link " + hostPort).start(this::accept);
    }

    /** HOST:PORT where clients reach the server through this link. */
    String hostPort() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + listening.getLocalPort();
    }

    /** Holds what is sent through the link until it is cut or {@link #release}d. */
    synchronized void hold() {
        held = true;
    }

    /** Lets what the link holds go on, in order. */
    synchronized void release() {
        held = false;
        notifyAll();
    }

    /** Closes every connection through the link, and the ones that come until {@link #heal()}; what was held is lost. */
    synchronized void cut() {
        cut = true;
        held = false;
        notifyAll();
        open.forEach(ZooKeeperLink::close);
        open.clear();
    }

    synchronized void heal() {
        cut = false;
    }

    /**
     * Drops the next connection through which a {@code read}-th packet goes in {@code direction} (what one read of that
     * side gives: a client that waits for each answer sends one request per read, and gets one answer per read), losing
     * that packet; later connections go through.
     */
    synchronized void dropAtRead(Direction direction, int read) {
        dropDirection = direction;
        dropAtRead = read;
    }

    /**
     * Drops the connection at the first answer to a request (not a ping's nor a watch event) that comes back once a request
     * that holds {@code marker} went through to the server: the server made the change, the client does not learn it.
     */
    synchronized void dropAnswerTo(String marker) {
        requestMarker = marker.getBytes(StandardCharsets.UTF_8);
        cutAtAnswer = false;
    }

    /** As {@link #dropAnswerTo}, and the link is cut then: the client finds no server until {@link #heal()}. */
    synchronized void cutAtAnswerTo(String marker) {
        requestMarker = marker.getBytes(StandardCharsets.UTF_8);
        cutAtAnswer = true;
    }

    /** Whether {@link #dropAtRead} or {@link #dropAnswerTo} dropped a connection. */
    synchronized boolean dropped() {
        return dropped;
    }

    /** Whether the connection drops at the {@code read}-th read of {@code direction}, which gave {@code length} bytes of {@code buffer}. */
    private synchronized boolean dropsAt(Direction direction, int read, byte[] buffer, int length) {
        if (direction == Direction.TO_SERVER && requestMarker != null && contains(buffer, length, requestMarker)) {
            requestMarker = null;
            answerToDrop = true;
            return false;
        }
        if (direction == Direction.TO_CLIENT && answerToDrop && holdsAnswer(buffer, length)) {
            answerToDrop = false;
            cut |= cutAtAnswer; // the connections open now close as this one does: new ones are refused
        } else if (direction != dropDirection || read != dropAtRead) {
            return false;
        } else {
            dropAtRead = 0;
        }
        dropped = true;
        return true;
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        for (int at = 0; at + marker.length <= length; at++) {
            if (Arrays.equals(buffer, at, at + marker.length, marker, 0, marker.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether what the server sent holds an answer to a request: a frame (its length, then its reply header's xid) with a
     * request's xid, positive; a ping's answer has -2, a watch event -1.
     */
    private static boolean holdsAnswer(byte[] buffer, int length) {
        ByteBuffer frames = ByteBuffer.wrap(buffer, 0, length);
        for (int at = 0; at + 8 <= length; at += 4 + frames.getInt(at)) {
            if (frames.getInt(at + 4) > 0) {
                return true;
            }
        }
        return false;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket toServer;
                synchronized (this) {
                    if (cut) {
                        close(client);
                        continue;
                    }
                    toServer = new Socket(server.getAddress(), server.getPort());
                    open.add(client);
                    open.add(toServer);
                }
                pump(client, toServer, Direction.TO_SERVER);
                pump(toServer, client, Direction.TO_CLIENT);
            } catch (IOException e) {
                // closed: the link is gone
            }
        }
    }

    /** Copies what {@code from} receives to {@code to} (once the link does not hold it) until either closes; then closes both. */
    private void pump(Socket from, Socket to, Direction direction) {
        Thread.ofPlatform().daemon().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int reads = 0;
                for (int read; (read = in.read(buffer)) >= 0;) {
                    if (dropsAt(direction, ++reads, buffer, read)) {
                        break;
                    }
                    awaitNotHeld();
                    out.write(buffer, 0, read);
                }
            } catch (IOException | InterruptedException e) {
                // cut
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private synchronized void awaitNotHeld() throws InterruptedException {
        while (held) {
            wait();
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listening.close();
    }
}
