// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples;

import java.lang.foreign.ValueLayout;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rsmworkbench.examples.NodeGroup.Export;
import org.rsmworkbench.examples.NodeGroup.Peer;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * Doorbell ping-pong: the lowest node (the pinger) sends each round number to every other node in turn; a
 * ping is a put into the peer's mailbox followed by a signal (the doorbell). The peer answers with round +
 * its own node id, put into its slot of the pinger's mailbox, and a signal; the pinger waits for that answer
 * before it pings the next peer. Every node checks what it receives and
 * prints {@code RESULT pingpong rounds=R nodes=N}.
 * <p>
 * A peer that dies takes its mailbox with it: RSM forcibly disconnects the pinger from it, so the pinger's next
 * put, signal or wait for that peer fails. The pinger then reports the lost node and goes on with the others.
 * Every 100 ms it tries to connect to a lost node's mailbox again: once the node has been restarted and its
 * program has published a new mailbox, the pinger takes the node back, and it answers from the current round on.
 * <p>
 * Argument: the number of rounds (default 1000).
 */
public final class DoorbellPingPong {
    /** Every node exports its mailbox under this id: one 8-byte slot per node id, written by that node. */
    static final int MAILBOX = 0x400100;
    private static final long MAILBOX_BYTES = 8 * 64;
    /** How often the pinger looks for the new mailbox of a lost node. */
    private static final int REJOIN_CHECK_MILLIS = 100;
    /** How long the pinger waits for a lost node to come back when it has lost every peer. */
    private static final int COMEBACK_TIMEOUT_MILLIS = 30_000;

    private DoorbellPingPong() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        NodeGroup.run(group -> group.rank() == 0 ? ping(group, rounds) : pong(group, rounds));
    }

    private static boolean ping(NodeGroup group, int rounds) throws RsmException {
        Export mailbox = group.export(MAILBOX, MAILBOX_BYTES);
        Map<Integer, Peer> peers = new TreeMap<>();
        Set<Integer> lost = new TreeSet<>();
        for (int peer : group.peers()) {
            try {
                peers.put(peer, group.connect(peer, MAILBOX));
            } catch (RsmException e) {
                lost.add(peer);
                reportLost(group, peer, "while connecting", e, lost);
            }
        }
        long nextRejoinCheck = System.nanoTime();
        for (long round = 1; round <= rounds; round++) {
            if (peers.isEmpty()) {
                awaitComeback(group, peers, lost, round);
            } else if (!lost.isEmpty() && System.nanoTime() - nextRejoinCheck >= 0) {
                takeBack(group, peers, lost, round);
                nextRejoinCheck = System.nanoTime() + REJOIN_CHECK_MILLIS * 1_000_000L;
            }
            for (Iterator<Map.Entry<Integer, Peer>> it = peers.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Integer, Peer> entry = it.next();
                int node = entry.getKey();
                Peer peer = entry.getValue(); // read before it.remove(), which may reuse the entry
                long answer;
                try {
                    answer = exchange(group, mailbox, node, peer, round);
                } catch (RsmException e) {
                    // the peer died or its link went down: RSM forcibly disconnected us from its mailbox
                    it.remove();
                    lost.add(node);
                    group.disconnect(peer);
                    reportLost(group, node, "in round " + round, e, lost);
                    continue;
                }
                if (answer != round + node) {
                    System.out.println("WRONG node " + node + " answered " + answer + " to round " + round);
                    return false;
                }
            }
        }
        System.out.println("RESULT pingpong rounds=" + rounds + " nodes=" + group.size());
        return true;
    }

    private static void reportLost(NodeGroup group, int node, String when, RsmException e, Set<Integer> lost) {
        System.out.println("lost node " + node + " " + when + " (" + e.error() + ": " + e.getMessage() + "); going on with nodes "
                + group.peers().stream().filter(peer -> !lost.contains(peer)).toList());
    }

    /** Rings a peer's doorbell with the round and returns its answer (its slot of our mailbox). */
    private static long exchange(NodeGroup group, Export mailbox, int node, Peer peer, long round) throws RsmException {
        peer.segment().put64(slot(group.self()), new long[] { round }, 1);
        peer.segment().signalPost(0);
        group.awaitSignal(mailbox.segment(), peer);
        return mailbox.memory().get(ValueLayout.JAVA_LONG, slot(node));
    }

    /** Takes back the lost nodes that have published a mailbox again: their program was started again. */
    private static void takeBack(NodeGroup group, Map<Integer, Peer> peers, Set<Integer> lost, long round) throws RsmException {
        for (Iterator<Integer> it = lost.iterator(); it.hasNext();) {
            int node = it.next();
            Peer peer = group.connectIfPublished(node, MAILBOX);
            if (peer != null) {
                it.remove();
                peers.put(node, peer);
                System.out.println("node " + node + " is back in round " + round + "; going on with nodes " + peers.keySet());
            }
        }
    }

    /** With every peer lost, waits for one to come back (looking every 100 ms, for at most 30 s). */
    private static void awaitComeback(NodeGroup group, Map<Integer, Peer> peers, Set<Integer> lost, long round) throws RsmException {
        System.out.println("every peer is lost in round " + round + ": waiting for one to come back");
        for (int waited = 0; peers.isEmpty(); waited += REJOIN_CHECK_MILLIS) {
            if (waited >= COMEBACK_TIMEOUT_MILLIS) {
                throw new RsmException(RsmError.TIMEOUT, "no lost node came back within " + COMEBACK_TIMEOUT_MILLIS + " ms");
            }
            NodeGroup.pause(REJOIN_CHECK_MILLIS, "for a lost node to come back");
            takeBack(group, peers, lost, round);
        }
    }

    private static boolean pong(NodeGroup group, int rounds) throws RsmException {
        Export mailbox = group.export(MAILBOX, MAILBOX_BYTES);
        int pinger = group.nodes().getFirst();
        Peer back = group.connect(pinger, MAILBOX);
        for (long last = 0; last < rounds;) {
            group.awaitSignal(mailbox.segment(), back);
            long ping = mailbox.memory().get(ValueLayout.JAVA_LONG, slot(pinger));
            if (ping <= last || ping > rounds) {
                System.out.println("WRONG round " + ping + " after round " + last);
                return false;
            }
            if (last == 0 && ping > 1) {
                System.out.println("joined in round " + ping + ": the pinger took this node back after its restart");
            }
            back.segment().put64(slot(group.self()), new long[] { ping + group.self() }, 1);
            back.segment().signalPost(0);
            last = ping;
        }
        System.out.println("RESULT pingpong rounds=" + rounds + " nodes=" + group.size());
        return true;
    }

    private static long slot(int node) {
        return 8L * node;
    }
}
