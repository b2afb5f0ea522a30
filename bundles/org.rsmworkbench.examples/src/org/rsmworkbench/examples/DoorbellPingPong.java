package org.rsmworkbench.examples;

import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rsmworkbench.examples.NodeGroup.Export;
import org.rsmworkbench.examples.NodeGroup.Peer;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * Doorbell ping-pong: the lowest node (the pinger) sends each round number to every other node in turn; a
 * ping is a put into the peer's mailbox followed by a signal (the doorbell). The peer answers with round +
 * its own node id, put into its slot of the pinger's mailbox, and a signal; the pinger waits for that answer
 * before it pings the next peer. Every node checks what it receives and
 * prints {@code RESULT pingpong rounds=R nodes=N}.
 * <p>
 * Argument: the number of rounds (default 1000).
 */
public final class DoorbellPingPong {
    /** Every node exports its mailbox under this id: one 8-byte slot per node id, written by that node. */
    static final int MAILBOX = 0x400100;
    private static final long MAILBOX_BYTES = 8 * 64;

    private DoorbellPingPong() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        NodeGroup.run(group -> group.rank() == 0 ? ping(group, rounds) : pong(group, rounds));
    }

    private static boolean ping(NodeGroup group, int rounds) throws RsmException {
        Export mailbox = group.export(MAILBOX, MAILBOX_BYTES);
        Map<Integer, Peer> peers = new LinkedHashMap<>();
        for (int peer : group.peers()) {
            peers.put(peer, group.connect(peer, MAILBOX));
        }
        for (long round = 1; round <= rounds; round++) {
            for (var peer : peers.entrySet()) {
                peer.getValue().segment().put64(slot(group.self()), new long[] { round }, 1);
                peer.getValue().segment().signalPost(0);
                group.awaitSignal(mailbox.segment(), peer.getValue());
                long answer = mailbox.memory().get(ValueLayout.JAVA_LONG, slot(peer.getKey()));
                if (answer != round + peer.getKey()) {
                    System.out.println("WRONG node " + peer.getKey() + " answered " + answer + " to round " + round);
                    return false;
                }
            }
        }
        System.out.println("RESULT pingpong rounds=" + rounds + " nodes=" + group.size());
        return true;
    }

    private static boolean pong(NodeGroup group, int rounds) throws RsmException {
        Export mailbox = group.export(MAILBOX, MAILBOX_BYTES);
        int pinger = group.nodes().getFirst();
        Peer back = group.connect(pinger, MAILBOX);
        for (long round = 1; round <= rounds; round++) {
            group.awaitSignal(mailbox.segment(), back);
            long ping = mailbox.memory().get(ValueLayout.JAVA_LONG, slot(pinger));
            if (ping != round) {
                System.out.println("WRONG round " + round + " brought " + ping);
                return false;
            }
            back.segment().put64(slot(group.self()), new long[] { ping + group.self() }, 1);
            back.segment().signalPost(0);
        }
        System.out.println("RESULT pingpong rounds=" + rounds + " nodes=" + group.size());
        return true;
    }

    private static long slot(int node) {
        return 8L * node;
    }
}
