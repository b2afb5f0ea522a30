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
 * A node program of 2 nodes for a rebind of a published segment in a distributed cluster; prints one line per step
 * ("what RESULT"). Node 1 exports memory filled with {@value #OLD} and publishes it; once node 2 has connected and read it
 * (a signal), it rebinds the segment to memory filled with {@value #NEW} and posts. Node 2 reads again (get, getv), puts
 * {@value #PUT_BYTE}s (a put, a putv) and signals; node 1 says which memory they reached. Node 2 then connects a second
 * time and reads; node 1 unpublishes and destroys the segment.
 */
public final class RebindProbe {
    static final int SEGMENT = 0x400600;
    private static final long SIZE = 8192;
    private static final byte OLD = 0x11;
    private static final byte NEW = 0x22;
    private static final byte PUT_BYTE = 0x33;
    /** Where node 2 puts after the rebind: a put, then a putv. */
    private static final long PUT = 64;
    private static final long PUTV = 4096 + 64;
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
            importer(controller);
        }
    }

    /** Which memory {@code value}, read from the segment, comes from. */
    private static String which(byte value) {
        return value == OLD ? "old" : value == NEW ? "new" : "neither (" + value + ")";
    }

    private static void exporter(RsmLibrary rsm, RsmController controller) throws RsmException {
        MemorySegment old = rsm.allocate(SIZE).fill(OLD);
        MemorySegment rebound = rsm.allocate(SIZE).fill(NEW);
        ExportSegment segment = controller.createExportSegment(old, Rsm.ALLOW_REBIND);
        segment.publish(SEGMENT, List.of(new AccessEntry(2, 0666)));
        segment.signalWait(WAIT_MILLIS);
        ProbeCalls.print("rebind", () -> segment.rebind(rebound));
        segment.signalPost(0);
        segment.signalWait(WAIT_MILLIS);
        System.out.println("put reached " + reached(old, rebound, PUT));
        System.out.println("putv reached " + reached(old, rebound, PUTV));
        segment.signalPost(0);
        segment.signalWait(WAIT_MILLIS);
        ProbeCalls.print("unpublish-destroy", () -> {
            segment.unpublish();
            segment.destroy();
        });
    }

    /** Which memory the bytes node 2 put at {@code offset} are in. */
    private static String reached(MemorySegment old, MemorySegment rebound, long offset) {
        boolean inOld = true;
        boolean inNew = true;
        for (long i = 0; i < PUT_LENGTH; i++) {
            inOld &= old.get(JAVA_BYTE, offset + i) == PUT_BYTE;
            inNew &= rebound.get(JAVA_BYTE, offset + i) == PUT_BYTE;
        }
        return inOld && inNew ? "both" : inOld ? "the-old-memory" : inNew ? "the-new-memory" : "neither";
    }

    private static void importer(RsmController controller) throws RsmException, InterruptedException {
        ImportSegment segment = ProbeCalls.connectWhenPublished(controller, SEGMENT);
        segment.initBarrier(BarrierType.SEGMENT); // IMPLICIT mode: each put and get is a span of its own
        byte[] got = new byte[1];
        segment.get8(PUT, got, 1);
        System.out.println("get-before " + which(got[0]));
        segment.signalPost(0);
        segment.signalWait(WAIT_MILLIS);
        segment.get8(PUT, got, 1);
        System.out.println("get-after " + which(got[0]));
        Arena arena = Arena.ofConfined();
        MemorySegment gathered = arena.allocate(2);
        ScatterGather getv = new ScatterGather(segment, 0).add(new IoVec.Local(gathered, 0, 0, 1))
                .add(new IoVec.Local(gathered, 1, SIZE - 1, 1));
        segment.getv(getv);
        System.out.println("getv-after " + which(gathered.get(JAVA_BYTE, 0)) + " " + which(gathered.get(JAVA_BYTE, 1)));
        MemorySegment bytes = arena.allocate(PUT_LENGTH).fill(PUT_BYTE);
        segment.put(PUT, bytes);
        segment.putv(new ScatterGather(segment, 0).add(new IoVec.Local(bytes, 0, PUTV, PUT_LENGTH)));
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
