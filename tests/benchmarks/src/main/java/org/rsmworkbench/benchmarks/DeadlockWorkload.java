// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.util.Arrays;
import java.util.List;

import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The node program of {@link DeadlockLatency} (arguments {@code MEMBERS [WORKERS]}, e.g. {@code 2,3,5 1,4}): every
 * node publishes its mailbox; the members each connect to the next member's mailbox, then wait on their own, which
 * only the previous member can post to: a wait-for cycle, formed when the last member enters its wait. Just before
 * its wait, a member prints {@code WAITING <System.nanoTime()>} (the host's monotonic clock, which the launcher reads
 * too). The workers ping-pong in pairs until the cluster is stopped, so the cycle forms among running nodes.
 */
public final class DeadlockWorkload {
    static final String WAITING = "WAITING ";
    private static final int MAILBOX = 0x400100;

    private DeadlockWorkload() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> members = nodes(args[0]);
        RsmLibrary library = Rsm.open();
        RsmController controller = library.getController("emu0");
        ExportSegment mailbox = controller.createExportSegment(library.allocate(controller.getAttributes().pageSize()), 0);
        mailbox.publish(MAILBOX, null);
        int me = library.localNodeId();
        if (!members.contains(me)) {
            work(controller, mailbox, nodes(args[1]), me);
            return;
        }
        connect(controller, members.get((members.indexOf(me) + 1) % members.size()));
        System.out.println(WAITING + System.nanoTime());
        mailbox.signalWait(-1);
    }

    /** A working node: ping-pongs with its partner among {@code workers} (first and second, third and fourth...). */
    private static void work(RsmController controller, ExportSegment mailbox, List<Integer> workers, int me)
            throws RsmException, InterruptedException {
        int index = workers.indexOf(me);
        ImportSegment partner = connect(controller, workers.get(index ^ 1));
        if (index % 2 == 0) {
            partner.signalPost(0);
        }
        for (;;) {
            mailbox.signalWait(-1);
            Thread.sleep(1);
            partner.signalPost(0);
        }
    }

    private static List<Integer> nodes(String list) {
        return Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
    }

    private static ImportSegment connect(RsmController controller, int node) throws RsmException, InterruptedException {
        for (long deadline = System.nanoTime() + 60_000_000_000L;; Thread.sleep(5)) {
            try {
                return controller.connect(node, MAILBOX, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                if (e.error() != RsmError.SEG_NOT_PUBLISHED || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }
}
