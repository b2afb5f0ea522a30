// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * What the node programs of the distributed tests share: a connect that waits for node 1's publish, a printed outcome, the
 * ACL of node 1's segments, a wait for each importer's signal.
 */
final class ProbeCalls {
    private static final long WAIT_MILLIS = 60_000;

    /** An ACL that gives read and write to every node of the launch but node 1, the exporter. */
    static List<AccessEntry> otherNodes() {
        List<AccessEntry> acl = new ArrayList<>();
        for (String node : System.getProperty(NodeCommandBuilder.LAUNCH_NODES_PROPERTY).split(",")) {
            if (!node.equals("1")) {
                acl.add(new AccessEntry(Integer.parseInt(node), 0666));
            }
        }
        return acl;
    }

    /** Waits for one signal of each of {@code importers} importers of {@code segment}. */
    static void awaitEach(ExportSegment segment, int importers) throws RsmException {
        for (int i = 0; i < importers; i++) {
            segment.signalWait((int) WAIT_MILLIS);
        }
    }

    private ProbeCalls() {
    }

    /** A call of the RSMAPI whose outcome {@link #print} prints. */
    interface Call {
        void run() throws RsmException;
    }

    /** Prints {@code WHAT OK} or {@code WHAT ERROR}. */
    static void print(String what, Call call) {
        try {
            call.run();
            System.out.println(what + " OK");
        } catch (RsmException e) {
            System.out.println(what + " " + e.error());
        }
    }

    /** Connects once node 1 has published the segment (it starts in a JVM of its own). */
    static ImportSegment connectWhenPublished(RsmController controller, int segmentId) throws RsmException, InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        for (;;) {
            try {
                return controller.connect(1, segmentId, Rsm.PERM_RDWR);
            } catch (RsmException e) {
                if (e.error() != RsmError.SEG_NOT_PUBLISHED || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }
}
