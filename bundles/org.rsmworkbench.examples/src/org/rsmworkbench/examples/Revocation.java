// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples;

import java.lang.foreign.ValueLayout;
import java.util.List;

import org.rsmworkbench.examples.NodeGroup.Export;
import org.rsmworkbench.examples.NodeGroup.Peer;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * Revoking access to a segment. The lowest node exports a data segment; the others import it and report
 * each phase by putting the phase number into their slot and signalling:
 * <ol>
 * <li>everyone connects;</li>
 * <li>the exporter republishes without the highest node: that node's existing connection still works, but
 * a new connect is refused (SEG_NOT_PUBLISHED_TO_NODE); the others can still connect;</li>
 * <li>the exporter unpublishes (every importer is forcibly disconnected: its next put fails with
 * CONN_ABORTED) and publishes again; the importers disconnect and reconnect.</li>
 * </ol>
 * The exporter starts phases 2 and 3 with a signal on a second segment, which stays published throughout.
 * Every node prints {@code RESULT revocation importers=N phases=3}.
 */
public final class Revocation {
    static final int DATA = 0x400400;
    static final int CONTROL = 0x400401;

    private Revocation() {
    }

    public static void main(String[] args) {
        NodeGroup.run(group -> group.rank() == 0 ? export(group) : importer(group));
    }

    private static boolean export(NodeGroup group) throws RsmException {
        Export data = group.export(DATA, 8 * 64);
        Export control = group.export(CONTROL, 8);
        List<Integer> importers = group.peers();
        if (!awaitReports(group, data, 1)) {
            return false;
        }
        int removed = importers.getLast();
        data.segment().republish(acl(importers.stream().filter(n -> n != removed).toList()));
        control.segment().signalPost(0);
        if (!awaitReports(group, data, 2)) {
            return false;
        }
        data.segment().unpublish();
        data.segment().publish(DATA, acl(importers));
        control.segment().signalPost(0);
        if (!awaitReports(group, data, 3)) {
            return false;
        }
        System.out.println("RESULT revocation importers=" + importers.size() + " phases=3");
        return true;
    }

    private static List<AccessEntry> acl(List<Integer> nodes) {
        return nodes.stream().map(n -> new AccessEntry(n, 0666)).toList();
    }

    /** Waits for one report from each importer and checks that each has reached {@code phase}. */
    private static boolean awaitReports(NodeGroup group, Export data, long phase) throws RsmException {
        for (int i = 0; i < group.peers().size(); i++) {
            group.awaitSignal(data.segment());
        }
        for (int node : group.peers()) {
            long reported = data.memory().get(ValueLayout.JAVA_LONG, 8L * node);
            if (reported != phase) {
                System.out.println("WRONG node " + node + " reported phase " + reported + ", expected " + phase);
                return false;
            }
        }
        System.out.println("phase " + phase + ": every importer reported");
        return true;
    }

    private static boolean importer(NodeGroup group) throws RsmException {
        int exporter = group.nodes().getFirst();
        boolean removed = group.self() == group.nodes().getLast();
        Peer control = group.connect(exporter, CONTROL);
        Peer data = group.connect(exporter, DATA);
        report(group, data, 1);

        group.awaitSignal(control.segment(), control);
        try {
            group.controller().connect(exporter, DATA, Rsm.PERM_RDWR).disconnect();
            if (removed) {
                System.out.println("WRONG a new connect succeeded although this node was removed from the ACL");
                return false;
            }
        } catch (RsmException e) {
            if (!removed || e.error() != RsmError.SEG_NOT_PUBLISHED_TO_NODE) {
                throw e;
            }
            System.out.println("removed from the ACL: a new connect is refused with " + e.error()
                    + ", the existing connection still works");
        }
        report(group, data, 2);

        group.awaitSignal(control.segment(), control);
        try {
            report(group, data, 3);
            System.out.println("WRONG a put after unpublish succeeded");
            return false;
        } catch (RsmException e) {
            if (e.error() != RsmError.CONN_ABORTED) {
                throw e;
            }
            System.out.println("unpublished: a put fails with " + e.error() + "; reconnecting");
        }
        data.segment().disconnect();
        data = group.connect(exporter, DATA);
        report(group, data, 3);
        System.out.println("RESULT revocation importers=" + group.peers().size() + " phases=3");
        return true;
    }

    /** Puts the phase into this node's slot and rings the exporter's doorbell. */
    private static void report(NodeGroup group, Peer data, long phase) throws RsmException {
        data.segment().put64(8L * group.self(), new long[] { phase }, 1);
        data.segment().signalPost(0);
    }
}
