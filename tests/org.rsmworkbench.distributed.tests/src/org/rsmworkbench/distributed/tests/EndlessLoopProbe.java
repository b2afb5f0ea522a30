// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
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
 * A node program of 2 nodes that loops on RSM calls until its JVM is ended (a test sends SIGTERM, as the IDE's Terminate
 * does). Node 1 exports a segment to node 2, which connects; once its loop has made its first round, each prints
 * {@code looping PID} (its JVM's). The loop is {@code args[0]}'s:
 * <ul>
 * <li>{@code put}: node 2 puts to the segment with putv, in IMPLICIT mode;</li>
 * <li>{@code get}: node 2 gets from it with get64, then getv;</li>
 * <li>{@code barrier}: node 2 opens a barrier, puts, closes it, in EXPLICIT mode;</li>
 * <li>{@code signal}: a ping-pong: node 2 posts to the segment and waits for node 1's post, node 1 waits and posts.</li>
 * </ul>
 * Outside the ping-pong, node 1 only waits for signals (the first says that node 2 loops). A call that fails prints
 * {@code ERROR CODE MESSAGE} and ends the program (an unchecked exception ends it with its stack trace).
 */
public final class EndlessLoopProbe {
    static final int SEGMENT = 0x400600;
    /**
     * What each request of a vector moves: its requests after the first are not checked again, a close between two meets
     * the next one's transfer; as many and as large, they take most of a loop's time (a put64's flush would take most).
     */
    private static final int REQUEST = 1 << 16;
    private static final int SIZE = REQUEST * Rsm.MAX_SGIO_REQS;
    private static final int WAIT_MILLIS = 60_000;

    private EndlessLoopProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        String loop = args[0];
        try {
            RsmLibrary rsm = Rsm.open();
            RsmController controller = rsm.getController("emu0");
            if (rsm.localNodeId() == 1) {
                exporter(rsm, controller, loop);
            } else {
                importer(ProbeCalls.connectWhenPublished(controller, SEGMENT), loop);
            }
        } catch (RsmException e) {
            System.out.println("ERROR " + e.error() + " " + e.getMessage());
        }
    }

    private static void exporter(RsmLibrary rsm, RsmController controller, String loop) throws RsmException {
        ExportSegment segment = controller.createExportSegment(rsm.allocate(SIZE), 0);
        segment.publish(SEGMENT, List.of(new AccessEntry(2, 0666)));
        for (long round = 0;; round++) {
            segment.signalWait(loop.equals("signal") ? WAIT_MILLIS : -1); // else no post comes after the first: until ended
            if (loop.equals("signal")) {
                segment.signalPost(0);
            }
            if (round == 0) {
                sayItLoops();
            }
        }
    }

    private static void importer(ImportSegment segment, String loop) throws RsmException {
        MemorySegment local = Arena.ofAuto().allocate(SIZE, 8);
        ScatterGather vector = new ScatterGather(segment, 0);
        for (int request = 0; request < Rsm.MAX_SGIO_REQS; request++) {
            vector.add(new IoVec.Local(local, REQUEST * request, REQUEST * request, REQUEST));
        }
        long[] word = new long[1];
        Barrier barrier = segment.initBarrier(BarrierType.SEGMENT);
        if (loop.equals("barrier")) {
            segment.setMode(BarrierMode.EXPLICIT);
        }
        if (!loop.equals("signal")) {
            segment.signalPost(0); // node 1 says it loops once it got this
        }
        for (long round = 0;; round++) {
            switch (loop) {
            case "put" -> segment.putv(vector);
            case "get" -> {
                segment.get64(0, word, 1);
                segment.getv(vector);
            }
            case "barrier" -> {
                barrier.open();
                segment.put64(0, word, 1);
                barrier.close();
            }
            case "signal" -> {
                segment.signalPost(0);
                segment.signalWait(WAIT_MILLIS);
            }
            default -> throw new IllegalArgumentException("no loop " + loop);
            }
            if (round == 0) {
                sayItLoops();
            }
        }
    }

    private static void sayItLoops() {
        System.out.println("looping " + ProcessHandle.current().pid());
    }
}
