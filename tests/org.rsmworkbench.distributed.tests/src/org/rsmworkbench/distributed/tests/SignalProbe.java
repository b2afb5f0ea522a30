// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A node program of signals in both directions: node 1 exports a segment to the other nodes of the launch (the importers).
 * Each importer says where its cluster's files are ({@code cluster directory PATH}, or {@code own} when its JVM keeps them
 * in a directory of its own), tries to map the segment ({@code map OK}, or the error), and rings the exporter: in an
 * EXPLICIT barrier span it puts its node id into its slot of the segment and posts before it closes the span, so the
 * post must carry the put (at each wake the exporter finds at least as many ids as it took rings: {@code rings carried
 * their puts}). Then
 * the exporter writes a number into its memory and posts one signal to its segment, which wakes every importer's wait
 * ({@code woke value N}: what it then reads from the segment). Each importer disconnects, connects again and rings; the
 * exporter posts again, which reaches the new connections (and is dropped for the old ones: {@code post-after-reconnects OK}),
 * and each importer waits once more ({@code woke again}), then finds no event left ({@code no-more-events TIMEOUT}) and
 * rings a last time.
 */
public final class SignalProbe {
    static final int SEGMENT = 0x400400;
    private static final int WAIT_MILLIS = 60_000;
    private static final long VALUE = 7007;

    private SignalProbe() {
    }

    public static void main(String[] args) throws RsmException, InterruptedException {
        RsmLibrary rsm = Rsm.open();
        RsmController controller = rsm.getController("emu0");
        if (rsm.localNodeId() == 1) {
            exporter(rsm, controller);
        } else {
            importer(controller, rsm.localNodeId());
        }
    }

    private static void exporter(RsmLibrary rsm, RsmController controller) throws RsmException {
        List<AccessEntry> acl = ProbeCalls.otherNodes();
        MemorySegment memory = rsm.allocate(4096);
        ExportSegment segment = controller.createExportSegment(memory, 0);
        segment.publish(SEGMENT, acl);
        boolean carried = true;
        for (int rings = 1; rings <= acl.size(); rings++) {
            ProbeCalls.awaitEach(segment, 1);
            // each ring follows its importer's put: after this many rings, at least as many ids are there
            carried &= acl.stream().filter(entry -> memory.get(ValueLayout.JAVA_LONG, slot(entry.node())) == entry.node()).count() >= rings;
        }
        System.out.println(carried ? "rings carried their puts" : "a ring came before its put");
        memory.set(ValueLayout.JAVA_LONG, 0, VALUE);
        segment.signalPost(0);
        System.out.println("posted");
        ProbeCalls.awaitEach(segment, acl.size());
        ProbeCalls.print("post-after-reconnects", () -> segment.signalPost(0));
        ProbeCalls.awaitEach(segment, acl.size());
        System.out.println("done");
    }

    /** Where an importer's ring puts its node id (past the exporter's number). */
    private static long slot(int node) {
        return 8L * node;
    }

    private static void importer(RsmController controller, int node) throws RsmException, InterruptedException {
        System.out.println("cluster directory " + (Boolean.getBoolean(DistributedBackend.OWN_DIRECTORY_PROPERTY) ? "own"
                : System.getProperty("rsm.cluster")));
        ImportSegment first = ProbeCalls.connectWhenPublished(controller, SEGMENT);
        ProbeCalls.print("map", () -> {
            first.map(0, Rsm.PERM_READ, 0, 4096);
            first.unmap();
        });
        first.setMode(BarrierMode.EXPLICIT);
        Barrier span = first.initBarrier(BarrierType.SEGMENT);
        span.open();
        first.put64(slot(node), new long[] {node}, 1);
        first.signalPost(0);
        span.close();
        first.signalWait(WAIT_MILLIS);
        long[] value = new long[1];
        first.get64(0, value, 1);
        System.out.println("woke value " + value[0]);
        first.disconnect();
        ImportSegment second = controller.connect(1, SEGMENT, Rsm.PERM_RDWR);
        second.signalPost(0);
        second.signalWait(WAIT_MILLIS);
        System.out.println("woke again");
        ProbeCalls.print("no-more-events", () -> second.signalWait(0));
        second.signalPost(0);
        second.disconnect();
    }
}
