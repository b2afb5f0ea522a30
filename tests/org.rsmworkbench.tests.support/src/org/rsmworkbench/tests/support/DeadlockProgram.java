// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

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
 * The node program of the deadlock detection tests (of the local and of the distributed backend): every node publishes its mailbox {@link #MAILBOX}; the nodes of
 * the scenario (arguments {@code SCENARIO NODES}, e.g. {@code ring 1,2,3}) each connect to the next one's mailbox and:
 * <ul>
 * <li>ring: wait on their own mailbox, which only the previous node imports: a wait-for cycle;
 * <li>pair (two nodes A, B): A waits on its mailbox, B on its import of A's mailbox: a cycle;
 * <li>late: as pair, but B computes for 3 s and then posts to A, which answers: both end;
 * <li>thread: as pair, but another thread of B posts to A after 3 s, and A answers: both end;
 * <li>timed: as ring, with waits of 300 ms that time out, for 3 s: all end.
 * </ul>
 * The nodes of the optional third argument (e.g. {@code 4,5}) keep working meanwhile: they ping-pong in pairs until
 * killed.
 */
public final class DeadlockProgram {
    public static final int MAILBOX = 0x400100;
    /** The line of the wait on the node's own mailbox (an export segment). */
    public static final int EXPORT_WAIT_LINE = 52;
    /** The line of the wait on the import of the next node's mailbox. */
    public static final int IMPORT_WAIT_LINE = 54;

    public static void main(String[] args) throws Exception {
        List<Integer> members = nodes(args[1]);
        try (RsmLibrary library = Rsm.open()) {
            RsmController controller = library.getController("emu0");
            ExportSegment mailbox = controller.createExportSegment(library.allocate(controller.getAttributes().pageSize()), 0);
            mailbox.publish(MAILBOX, null);
            int me = library.localNodeId();
            if (!members.contains(me)) {
                work(controller, mailbox, nodes(args[2]), me);
                return;
            }
            boolean first = members.indexOf(me) == 0;
            ImportSegment next = connect(controller, members.get((members.indexOf(me) + 1) % members.size()));
            switch (args[0]) {
            case "ring", "pair" -> {
                if (args[0].equals("ring") || first) {
                    mailbox.signalWait(-1);
                } else {
                    next.signalWait(-1);
                }
            }
            case "late" -> {
                if (first) {
                    mailbox.signalWait(-1);
                    mailbox.signalPost(0);
                } else {
                    compute(3_000);
                    next.signalPost(0);
                    next.signalWait(-1);
                }
            }
            case "thread" -> {
                if (first) {
                    mailbox.signalWait(-1);
                    mailbox.signalPost(0);
                } else {
                    Thread poster = new Thread(() -> {
                        try {
                            Thread.sleep(3_000);
                            next.signalPost(0);
                        } catch (InterruptedException | RsmException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    poster.start();
                    next.signalWait(-1);
                    poster.join();
                }
            }
            case "timed" -> {
                for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end;) {
                    try {
                        mailbox.signalWait(300);
                    } catch (RsmException e) {
                        if (e.error() != RsmError.TIMEOUT) {
                            throw e;
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
            }
            System.out.println("node " + me + " done");
        }
    }

    /** Busy for {@code millis} ms, as a node computing before it posts. */
    private static void compute(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += sum * 31 + 7;
        }
        System.out.println("computed: " + sum);
    }

    /** A working node: ping-pongs with its partner among {@code workers} (first and second, third and fourth...). */
    public static void work(RsmController controller, ExportSegment mailbox, List<Integer> workers, int me)
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

    /** The nodes of an argument such as {@code 1,4}. */
    public static List<Integer> nodes(String list) {
        return Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
    }

    /** The import of {@code node}'s mailbox, once it is published (at most 30 s from now). */
    public static ImportSegment connect(RsmController controller, int node) throws RsmException, InterruptedException {
        for (long deadline = System.nanoTime() + 30_000_000_000L;; Thread.sleep(10)) {
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
