// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.RemoteController;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.Signalable;
import org.rsmworkbench.rsmapi.Topology;

/**
 * The processes of one program on several nodes, as the examples use them: this node's library and
 * controller, the ids of the nodes that take part (sorted; {@link #rank()} is this node's index), and
 * helpers to export and connect with well-known segment ids and to wait for signals.
 * <p>
 * Which nodes take part: those in the system property {@code rsm.launch.nodes} (set by {@code rsm-launch}
 * and the IDE launcher), else this node and every node its controller reaches.
 */
public final class NodeGroup implements AutoCloseable {
    /** The exit status of a program whose result is wrong (an RSM error exits with 1). */
    public static final int WRONG_RESULT = 3;

    /** How long to wait for a peer to publish or to signal before giving up. */
    private static final int PEER_TIMEOUT_MILLIS = 30_000;
    /** How often a waiting node checks that the peers it waits for are still there. */
    private static final int PROBE_PERIOD_MILLIS = 100;

    private final RsmLibrary library;
    private final RsmController controller;
    private final List<Integer> nodes;

    private NodeGroup(RsmLibrary library, RsmController controller, List<Integer> nodes) {
        this.library = library;
        this.controller = controller;
        this.nodes = nodes;
    }

    /** The body of an example: returns whether its result is right. */
    @FunctionalInterface
    public interface Program {
        boolean run(NodeGroup group) throws RsmException;
    }

    /**
     * Joins the group, runs {@code program} and exits: 0 when it succeeds, {@link #WRONG_RESULT} when its
     * result is wrong, 1 (after printing the error) when an RSM call fails.
     */
    public static void run(Program program) {
        int status;
        try (NodeGroup group = join()) {
            status = program.run(group) ? 0 : WRONG_RESULT;
        } catch (RsmException e) {
            System.err.println("ERROR " + e.error() + ": " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Opens this node's library and finds the nodes that take part. */
    public static NodeGroup join() throws RsmException {
        RsmLibrary library = Rsm.open();
        Topology topology = library.getInterconnectTopology();
        // the first real controller of the node: "emu0" in a cluster made with --nodes
        RsmController controller = library.getController(topology.connections().getFirst().controllerName());
        String launched = System.getProperty("rsm.launch.nodes");
        List<Integer> nodes = new ArrayList<>();
        if (launched != null) {
            Arrays.stream(launched.split(",")).map(String::trim).map(Integer::valueOf).forEach(nodes::add);
        } else {
            nodes.add(library.localNodeId());
            topology.connections().getFirst().remotes().stream().filter(r -> r.connectionState() == Rsm.CONNECTION_ACTIVE)
                    .map(RemoteController::nodeId).forEach(nodes::add);
        }
        return new NodeGroup(library, controller, nodes.stream().sorted().distinct().toList());
    }

    public RsmLibrary library() {
        return library;
    }

    public RsmController controller() {
        return controller;
    }

    /** This node's id. */
    public int self() {
        return library.localNodeId();
    }

    /** The ids of the nodes that take part, sorted. */
    public List<Integer> nodes() {
        return nodes;
    }

    /** The other nodes that take part. */
    public List<Integer> peers() {
        return nodes.stream().filter(n -> n != self()).toList();
    }

    /** This node's position in {@link #nodes()}: 0 for the lowest id. */
    public int rank() {
        return nodes.indexOf(self());
    }

    public int size() {
        return nodes.size();
    }

    /** The node {@code steps} places after this one in the ring of {@link #nodes()} (negative: before). */
    public int ringNeighbour(int steps) {
        return nodes.get(Math.floorMod(rank() + steps, size()));
    }

    /** An export segment and the memory behind it (this node reads what peers put there directly). */
    public record Export(ExportSegment segment, MemorySegment memory) {
    }

    /** Exports at least {@code bytes} bytes (rounded up to pages) as {@code segmentId}, readable and writable by every peer. */
    public Export export(int segmentId, long bytes) throws RsmException {
        long page = controller.getAttributes().pageSize();
        MemorySegment memory = library.allocate((bytes + page - 1) / page * page);
        ExportSegment segment = controller.createExportSegment(memory, 0);
        segment.publish(segmentId, peers().stream().map(n -> new AccessEntry(n, 0666)).toList());
        return new Export(segment, memory);
    }

    /** A segment of a peer, connected, with its barrier: ready for put/get in the default IMPLICIT mode. */
    public record Peer(ImportSegment segment, Barrier barrier) {
    }

    /**
     * Connects to segment {@code segmentId} of {@code node} for reading and writing and gives it a barrier.
     * The peer may not have published it yet: a connect refused with SEG_NOT_PUBLISHED is tried again (this
     * retry is how RSM programs meet: there is no other channel), for at most 30 s.
     */
    public Peer connect(int node, int segmentId) throws RsmException {
        ImportSegment segment = connectRetrying(node, segmentId);
        return new Peer(segment, segment.initBarrier(BarrierType.SEGMENT));
    }

    private ImportSegment connectRetrying(int node, int segmentId) throws RsmException {
        long deadline = System.nanoTime() + PEER_TIMEOUT_MILLIS * 1_000_000L;
        for (int delay = 1;; delay = Math.min(2 * delay, 50)) {
            try {
                return controller.connect(node, segmentId, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                if (e.error() != RsmError.SEG_NOT_PUBLISHED || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            pause(delay, "for node " + node + " to publish segment 0x" + Integer.toHexString(segmentId));
        }
    }

    /**
     * Connects to segment {@code segmentId} of {@code node} like {@link #connect}, if the node has published it: null
     * while the node is down or unreachable, or has not published it (again). How a program takes back a node that
     * was restarted: its program publishes its segments anew.
     */
    public Peer connectIfPublished(int node, int segmentId) throws RsmException {
        ImportSegment segment;
        try {
            segment = controller.connect(node, segmentId, Rsm.PERM_RDWR);
        } catch (RsmException e) {
            if (e.error() == RsmError.SEG_NOT_PUBLISHED || e.error() == RsmError.REMOTE_NODE_UNREACHABLE) {
                return null;
            }
            throw e;
        }
        return new Peer(segment, segment.initBarrier(BarrierType.SEGMENT));
    }

    /**
     * Lets go of a peer whose connection was lost (forcibly disconnected: the peer died, or a link went down).
     * The connection is gone already: this frees this process's end of it.
     */
    public void disconnect(Peer peer) {
        try {
            peer.segment().disconnect();
        } catch (RsmException e) {
            // nothing left to free
        }
    }

    /**
     * Sleeps {@code millis} ms while waiting for something ({@code what}: "for node 2 to ..."); an interrupt ends the
     * wait as it ends an RSM call: with INTERRUPTED.
     */
    public static void pause(long millis, String what) throws RsmException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new RsmException(RsmError.INTERRUPTED, "interrupted while waiting " + what);
        }
    }

    /**
     * Waits for one signal on {@code segment}, checking every 100 ms that the peers it comes from are still
     * there: {@code peers} are connections to those peers, and an empty barrier span on one whose exporter
     * has gone (process ended, node down) fails, which this throws. Gives up with TIMEOUT after 30 s of waiting
     * (300 waits of 100 ms: time this process spends suspended in a debugger does not count).
     * <p>
     * Name only peers that the signal can come from: a peer posts its signal before it can finish, so a
     * peer that has finished normally is never taken for a dead one; any other peer may have finished.
     */
    public void awaitSignal(Signalable segment, Peer... peers) throws RsmException {
        long start = System.nanoTime();
        for (int waits = 1;; waits++) {
            try {
                segment.signalWait(PROBE_PERIOD_MILLIS);
                return;
            } catch (RsmException e) {
                if (e.error() != RsmError.TIMEOUT) {
                    throw e;
                }
                if (waits * PROBE_PERIOD_MILLIS >= PEER_TIMEOUT_MILLIS) {
                    throw gaveUp(segment, peers, waits, start);
                }
            }
            for (Peer peer : peers) {
                try {
                    peer.barrier().open();
                    peer.barrier().close();
                } catch (RsmException lost) {
                    // the peer may have posted its last signal and ended between our wait and this probe
                    try {
                        segment.signalWait(0);
                        return;
                    } catch (RsmException none) {
                        throw lost;
                    }
                }
            }
        }
    }

    /**
     * The TIMEOUT of a wait given up, saying how long it waited: the waits counted are those of this process
     * while it ran; time that it spent suspended (in a debugger) shows only in the time since the wait began.
     */
    private static RsmException gaveUp(Signalable segment, Peer[] peers, int waits, long start) {
        String from = peers.length == 0 ? ""
                : "; " + String.join(", ", Arrays.stream(peers).map(p -> "node " + p.segment().nodeId()).toList())
                        + (peers.length == 1 ? " was" : " were") + " still there at every check";
        return new RsmException(RsmError.TIMEOUT, String.format(Locale.ROOT,
                "no signal arrived on %s within %d s (%d waits of %d ms%s); %.1f s passed since the wait began", segment,
                PEER_TIMEOUT_MILLIS / 1000, waits, PROBE_PERIOD_MILLIS, from, (System.nanoTime() - start) / 1e9));
    }

    /** Ends this process: its segments are destroyed and its imports disconnected. */
    @Override
    public void close() {
        library.close();
    }
}
