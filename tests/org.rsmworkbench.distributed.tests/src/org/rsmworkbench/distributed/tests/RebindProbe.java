// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;

/**
 * A node program for a rebind of a published segment in a distributed cluster; prints one line per step ("what RESULT").
 * Node 1 exports memory filled with {@value #OLD} and publishes it to the other nodes; once each has connected and read
 * it (a signal each), it rebinds the segment to memory filled with {@value #NEW} and posts. Each importer reads again (get,
 * getv), puts {@value #PUT_BYTE}s at places of its own (a put, a putv) and signals; node 1 says which memory they reached.
 * Each importer then connects a second time and reads; node 1 unpublishes and destroys the segment.
 */
public final class RebindProbe {
    static final int SEGMENT = 0x400600;
    private static final long SIZE = 8192;
    private static final byte OLD = 0x11;
    private static final byte NEW = 0x22;
    private static final byte PUT_BYTE = 0x33;
    private static final int PUT_LENGTH = 32;
    private static final int WAIT_MILLIS = 60_000;

    private RebindProbe() {
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

    /** Where importer {@code node} puts after the rebind: a put in the first page. */
    private static long put(int node) {
        return (long) node * PUT_LENGTH;
    }

    /** Where importer {@code node} putvs after the rebind: in the second page. */
    private static long putv(int node) {
        return SIZE / 2 + (long) node * PUT_LENGTH;
    }

    /** Which memory {@code value}, read from the segment, comes from. */
    private static String which(byte value) {
        return value == OLD ? "old" : value == NEW ? "new" : "neither (" + value + ")";
    }

    private static void exporter(RsmLibrary rsm, RsmController controller) throws RsmException {
        MemorySegment old = rsm.allocate(SIZE).fill(OLD);
        MemorySegment rebound = rsm.allocate(SIZE).fill(NEW);
        ExportSegment segment = controller.createExportSegment(old, Rsm.ALLOW_REBIND);
        List<AccessEntry> importers = ProbeCalls.otherNodes();
        segment.publish(SEGMENT, importers);
        ProbeCalls.awaitEach(segment, importers.size());
        ProbeCalls.print("rebind", () -> segment.rebind(rebound));
        segment.signalPost(0);
        ProbeCalls.awaitEach(segment, importers.size());
        for (AccessEntry importer : importers) {
            System.out.println("put of node " + importer.node() + " reached " + reached(old, rebound, put(importer.node())));
            System.out.println("putv of node " + importer.node() + " reached " + reached(old, rebound, putv(importer.node())));
        }
        segment.signalPost(0);
        ProbeCalls.awaitEach(segment, importers.size());
        ProbeCalls.print("unpublish-destroy", () -> {
            segment.unpublish();
            segment.destroy();
        });
    }

    /** Which memory the bytes an importer put at {@code offset} are in. */
    private static String reached(MemorySegment old, MemorySegment rebound, long offset) {
        boolean inOld = true;
        boolean inNew = true;
        for (long i = 0; i < PUT_LENGTH; i++) {
            inOld &= old.get(JAVA_BYTE, offset + i) == PUT_BYTE;
            inNew &= rebound.get(JAVA_BYTE, offset + i) == PUT_BYTE;
        }
        return inOld && inNew ? "both" : inOld ? "the-old-memory" : inNew ? "the-new-memory" : "neither";
    }

    private static void importer(RsmController controller, int node) throws RsmException, InterruptedException {
        ImportSegment segment = ProbeCalls.connectWhenPublished(controller, SEGMENT);
        segment.initBarrier(BarrierType.SEGMENT); // IMPLICIT mode: each put and get is a span of its own
        byte[] got = new byte[1];
        segment.get8(put(node), got, 1);
        System.out.println("get-before " + which(got[0]));
        segment.signalPost(0);
        segment.signalWait(WAIT_MILLIS);
        segment.get8(put(node), got, 1);
        System.out.println("get-after " + which(got[0]));
        Arena arena = Arena.ofConfined();
        MemorySegment gathered = arena.allocate(2);
        ScatterGather getv = new ScatterGather(segment, 0).add(new IoVec.Local(gathered, 0, 0, 1))
                .add(new IoVec.Local(gathered, 1, SIZE - 1, 1));
        segment.getv(getv);
        System.out.println("getv-after " + which(gathered.get(JAVA_BYTE, 0)) + " " + which(gathered.get(JAVA_BYTE, 1)));
        MemorySegment bytes = arena.allocate(PUT_LENGTH).fill(PUT_BYTE);
        segment.put(put(node), bytes);
        segment.putv(new ScatterGather(segment, 0).add(new IoVec.Local(bytes, 0, putv(node), PUT_LENGTH)));
        segment.signalPost(0);
        segment.signalWait(WAIT_MILLIS);
        ImportSegment later = controller.connect(1, SEGMENT, Rsm.PERM_READ);
        later.initBarrier(BarrierType.SEGMENT);
        later.get8(SIZE - 1, got, 1);
        System.out.println("connect-after " + which(got[0]));
        later.disconnect();
        segment.signalPost(0);
        segment.disconnect();
    }
}
