// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.util.List;

import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.DeadlockProgram;

/**
 * The node program of {@link DeadlockLatency} (arguments {@code MEMBERS [WORKERS]}, e.g. {@code 2,3,5 1,4}): every
 * node publishes its mailbox; the members each connect to the next member's mailbox, then wait on their own, which
 * only the previous member can post to: a wait-for cycle, formed when the last member enters its wait. Just before
 * its wait, a member prints {@code WAITING <System.nanoTime()>} (the host's monotonic clock, which the launcher reads
 * too). The workers ping-pong in pairs until the cluster is stopped, so the cycle forms among running nodes, as those
 * of the deadlock detection tests' {@link DeadlockProgram} do.
 */
public final class DeadlockWorkload {
    static final String WAITING = "WAITING ";

    private DeadlockWorkload() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> members = DeadlockProgram.nodes(args[0]);
        RsmLibrary library = Rsm.open();
        RsmController controller = library.getController("emu0");
        ExportSegment mailbox = controller.createExportSegment(library.allocate(controller.getAttributes().pageSize()), 0);
        mailbox.publish(DeadlockProgram.MAILBOX, null);
        int me = library.localNodeId();
        if (!members.contains(me)) {
            DeadlockProgram.work(controller, mailbox, DeadlockProgram.nodes(args[1]), me);
            return;
        }
        DeadlockProgram.connect(controller, members.get((members.indexOf(me) + 1) % members.size()));
        System.out.println(WAITING + System.nanoTime());
        mailbox.signalWait(-1);
    }
}
