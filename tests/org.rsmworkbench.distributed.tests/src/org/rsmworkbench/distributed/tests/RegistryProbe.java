// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A node program of 2 nodes that prints the error codes the registry gives (one line each, "what CODE"): node 1 publishes
 * with a bad ACL, then a segment for node 3 only and a mailbox for node 2; node 2 connects to a segment never published, to
 * the one for node 3, then to the mailbox, puts a number and rings; node 1 prints what arrived.
 */
public final class RegistryProbe {
    static final int FOR_NODE_3 = 0x400100;
    static final int MAILBOX = 0x400200;
    static final int NEVER_PUBLISHED = 0x400300;
    private static final long WAIT_MILLIS = 60_000;

    private RegistryProbe() {
    }

    public static void main(String[] args) throws RsmException, InterruptedException {
        System.out.println("registry " + (System.getProperty(DistributedBackend.PROPERTY) != null ? "zookeeper" : "local"));
        RsmLibrary rsm = Rsm.open();
        RsmController controller = rsm.getController("emu0");
        if (rsm.localNodeId() == 1) {
            exporter(rsm, controller);
        } else {
            importer(controller);
        }
    }

    private static void exporter(RsmLibrary rsm, RsmController controller) throws RsmException {
        ExportSegment forNode3 = controller.createExportSegment(rsm.allocate(4096), 0);
        ProbeCalls.print("publish-bad-acl", () -> forNode3.publish(FOR_NODE_3, List.of(new AccessEntry(2, 07777))));
        forNode3.publish(FOR_NODE_3, List.of(new AccessEntry(3, 0666)));
        MemorySegment memory = rsm.allocate(4096);
        ExportSegment mailbox = controller.createExportSegment(memory, 0);
        mailbox.publish(MAILBOX, List.of(new AccessEntry(2, 0666)));
        mailbox.signalWait((int) WAIT_MILLIS);
        System.out.println("received " + memory.get(ValueLayout.JAVA_LONG, 0));
    }

    private static void importer(RsmController controller) throws RsmException, InterruptedException {
        ProbeCalls.print("connect-never-published", () -> controller.connect(1, NEVER_PUBLISHED, Rsm.PERM_RDWR));
        ImportSegment mailbox = ProbeCalls.connectWhenPublished(controller, MAILBOX);
        ProbeCalls.print("connect-not-in-acl", () -> controller.connect(1, FOR_NODE_3, Rsm.PERM_RDWR));
        mailbox.setMode(BarrierMode.EXPLICIT);
        mailbox.put64(0, new long[] {4242}, 1);
        mailbox.signalPost(0);
        mailbox.disconnect();
    }
}
