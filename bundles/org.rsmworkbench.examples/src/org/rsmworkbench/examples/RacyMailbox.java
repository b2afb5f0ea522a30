// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples;

import java.lang.foreign.ValueLayout;

import org.rsmworkbench.examples.NodeGroup.Export;
import org.rsmworkbench.examples.NodeGroup.Peer;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A mailbox with a deliberate race, for the race detector: every node but the lowest puts a message into its slot of
 * the lowest node's mailbox in EXPLICIT barrier mode and rings the doorbell (a signal); the lowest node waits for every
 * doorbell, then reads the slots, then waits until every writer says, on a second segment, that its barrier is closed
 * (so that it does not withdraw the mailbox while a writer's span is still open). The bug: a writer rings <i>before</i> it closes its barrier, and in EXPLICIT mode a put
 * is complete only when the barrier closes (RSMAPI §3.5), so the reader may read the slot before the message is there.
 * The emulator delivers puts at once, so the run prints the right result; on a real interconnect it would not always.
 * Run with race detection ({@code rsm-launch --races}, or Run As &gt; RSM Cluster Application (detect races)): the
 * report names the put and the load below, the two lines marked "race:".
 * <p>
 * Argument {@code fixed}: the writers close the barrier before they ring, and no race is reported.
 */
public final class RacyMailbox {
    /** The lowest node exports the mailbox under this id: one 8-byte slot per node id, written by that node. */
    static final int MAILBOX = 0x400200;
    /** The lowest node exports this one too: a writer signals it once its barrier is closed. */
    static final int DONE = 0x400201;
    private static final long MAILBOX_BYTES = 8 * 64;

    private RacyMailbox() {
    }

    public static void main(String[] args) {
        boolean fixed = args.length > 0 && args[0].equals("fixed");
        NodeGroup.run(group -> group.rank() == 0 ? read(group) : write(group, fixed));
    }

    /** The reader: one doorbell per writer, then every writer's message. */
    private static boolean read(NodeGroup group) throws RsmException {
        Export mailbox = group.export(MAILBOX, MAILBOX_BYTES);
        Export done = group.export(DONE, 1);
        for (int i = 0; i < group.peers().size(); i++) {
            group.awaitSignal(mailbox.segment());
        }
        for (int writer : group.peers()) {
            long message = mailbox.memory().get(ValueLayout.JAVA_LONG, slot(writer)); // race: the writer's put may not be complete
            if (message != message(writer)) {
                System.out.println("WRONG node " + writer + " wrote " + message);
                return false;
            }
        }
        System.out.println("RESULT mailbox messages=" + group.peers().size());
        for (int i = 0; i < group.peers().size(); i++) {
            group.awaitSignal(done.segment());
        }
        return true;
    }

    /** A writer: its message into its slot, then the doorbell; {@code fixed}: the barrier closed in between. */
    private static boolean write(NodeGroup group, boolean fixed) throws RsmException {
        Peer reader = group.connect(group.nodes().getFirst(), MAILBOX);
        Peer done = group.connect(group.nodes().getFirst(), DONE);
        reader.segment().setMode(BarrierMode.EXPLICIT);
        reader.barrier().open();
        reader.segment().put64(slot(group.self()), new long[] { message(group.self()) }, 1); // race: not complete until close
        if (fixed) {
            reader.barrier().close();
            reader.segment().signalPost(0);
        } else {
            reader.segment().signalPost(0); // the bug: the reader may wake before the put is complete
            reader.barrier().close();
        }
        done.segment().signalPost(0);
        System.out.println("RESULT mailbox wrote=" + message(group.self()));
        return true;
    }

    private static long message(int node) {
        return 1000L + node;
    }

    private static long slot(int node) {
        return 8L * node;
    }
}
