// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
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
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;

/**
 * A node program of 2 nodes for the data path of a distributed cluster; prints one line per step ("what RESULT"). Node 1
 * exports a segment of 2 pages whose second page holds a known pattern, waits for a signal, then checks at its own memory
 * the bytes node 2 wrote (put, putN, putv), writes an acknowledgement word and, once node 2 has read it (a second
 * signal), ends its JVM abruptly. Node 2 connects,
 * maps and unmaps the segment, checks the error codes of bad transfers, puts, gets the pattern back (get, getN, getv),
 * signals, waits for the acknowledgement, then puts in barrier spans (open, put, order, close) until a call fails (node 1
 * is gone), which it names.
 */
public final class DataPathProbe {
    static final int SEGMENT = 0x400500;
    static final long SIZE = 8192;
    /** Where node 2 puts: a native put, then putN, then two putv requests. */
    static final long PUT = 0;
    static final long PUT64 = 256;
    static final long PUTV_A = 1024;
    static final long PUTV_B = 2048;
    /** The pattern node 1 writes before publishing, which node 2 reads. */
    static final long PATTERN = 4096;
    /** The word node 1 sets once it has checked node 2's puts. */
    static final long ACK = 8184;
    private static final long WAIT_MILLIS = 60_000;

    private DataPathProbe() {
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

    static byte pattern(long offset) {
        return (byte) (offset * 7 + 3);
    }

    private static void exporter(RsmLibrary rsm, RsmController controller) throws RsmException {
        MemorySegment memory = rsm.allocate(SIZE);
        for (long i = 0; i < 1024; i++) {
            memory.set(JAVA_BYTE, PATTERN + i, pattern(i));
        }
        ExportSegment segment = controller.createExportSegment(memory, 0);
        segment.publish(SEGMENT, List.of(new AccessEntry(2, 0666)));
        segment.signalWait((int) WAIT_MILLIS);
        boolean put = true;
        for (long i = 0; i < 64; i++) {
            put &= memory.get(JAVA_BYTE, PUT + i) == (byte) i;
        }
        System.out.println("exporter-put " + (put ? "OK" : "WRONG " + hex(memory, PUT, 64)));
        boolean putN = memory.get(JAVA_LONG, PUT64) == 0x1122334455667788L && memory.get(JAVA_LONG, PUT64 + 8) == -2
                && memory.get(JAVA_INT, PUT64 + 16) == 0x7eadbeef && memory.get(JAVA_SHORT, PUT64 + 20) == 0x1234
                && memory.get(JAVA_BYTE, PUT64 + 22) == 0x56;
        System.out.println("exporter-putN " + (putN ? "OK" : "WRONG " + hex(memory, PUT64, 24)));
        boolean putv = true;
        for (long i = 0; i < 100; i++) {
            putv &= memory.get(JAVA_BYTE, PUTV_A + i) == (byte) (i + 1) && memory.get(JAVA_BYTE, PUTV_B + i) == (byte) (i + 101);
        }
        System.out.println("exporter-putv " + (putv ? "OK" : "WRONG " + hex(memory, PUTV_A, 16) + " " + hex(memory, PUTV_B, 16)));
        memory.set(JAVA_LONG, ACK, 1);
        // node 2 has read the acknowledgement when it signals again
        segment.signalWait((int) WAIT_MILLIS);
        System.out.println("exporter-halts");
        System.out.flush();
        // gone without a word: no unpublish, no clean end of its registry session
        Runtime.getRuntime().halt(0);
    }

    private static String hex(MemorySegment memory, long offset, int length) {
        return Arrays.toString(memory.asSlice(offset, length).toArray(JAVA_BYTE));
    }

    private static void importer(RsmController controller) throws RsmException, InterruptedException {
        ImportSegment segment = ProbeCalls.connectWhenPublished(controller, SEGMENT);
        ProbeCalls.print("map", () -> {
            segment.map(0, Rsm.PERM_RDWR, 0, SIZE);
            segment.unmap();
        });
        Arena arena = Arena.ofConfined();
        MemorySegment bytes = arena.allocate(64, 8);
        for (int i = 0; i < 64; i++) {
            bytes.set(JAVA_BYTE, i, (byte) i);
        }
        ProbeCalls.print("put-without-barrier", () -> segment.put(PUT, bytes));
        Barrier barrier = segment.initBarrier(BarrierType.SEGMENT);
        ProbeCalls.print("put-beyond-the-segment", () -> segment.put(SIZE - 32, bytes));
        ProbeCalls.print("put64-misaligned", () -> segment.put64(PUT64 + 4, new long[] {1}, 1));
        ProbeCalls.print("put64-more-than-the-array", () -> segment.put64(PUT64, new long[] {1}, 2));
        ProbeCalls.print("get-negative-offset", () -> segment.get(-8, bytes));
        ProbeCalls.print("put-implicit", () -> segment.put(PUT, bytes));
        segment.setMode(BarrierMode.EXPLICIT);
        ProbeCalls.print("explicit-span", () -> {
            barrier.open();
            segment.put64(PUT64, new long[] {0x1122334455667788L, -2}, 2);
            segment.put32(PUT64 + 16, new int[] {0x7eadbeef}, 1);
            segment.put16(PUT64 + 20, new short[] {0x1234}, 1);
            segment.put8(PUT64 + 22, new byte[] {0x56}, 1);
            MemorySegment vector = arena.allocate(200);
            for (int i = 0; i < 200; i++) {
                vector.set(JAVA_BYTE, i, (byte) (i + 1));
            }
            segment.putv(new ScatterGather(segment, 0).add(new IoVec.Local(vector, 0, PUTV_A, 100))
                    .add(new IoVec.Local(vector, 100, PUTV_B, 100)));
            barrier.close();
        });
        MemorySegment got = arena.allocate(1024, 8);
        segment.get(PATTERN, got);
        boolean get = true;
        for (long i = 0; i < 1024; i++) {
            get &= got.get(JAVA_BYTE, i) == pattern(i);
        }
        System.out.println("get " + (get ? "OK" : "WRONG"));
        byte[] got8 = new byte[16];
        segment.get8(PATTERN + 16, got8, 16);
        boolean getN = true;
        for (int i = 0; i < 16; i++) {
            getN &= got8[i] == pattern(16 + i);
        }
        System.out.println("get8 " + (getN ? "OK" : "WRONG " + Arrays.toString(got8)));
        MemorySegment gathered = arena.allocate(64);
        ScatterGather getv = new ScatterGather(segment, 0).add(new IoVec.Local(gathered, 0, PATTERN + 100, 32))
                .add(new IoVec.Local(gathered, 32, PATTERN + 500, 32));
        segment.getv(getv);
        boolean gotv = getv.residualCount() == 0;
        for (long i = 0; i < 32; i++) {
            gotv &= gathered.get(JAVA_BYTE, i) == pattern(100 + i) && gathered.get(JAVA_BYTE, 32 + i) == pattern(500 + i);
        }
        System.out.println("getv " + (gotv ? "OK" : "WRONG"));
        segment.signalPost(0);
        long[] ack = new long[1];
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (ack[0] != 1 && System.nanoTime() < deadline) {
            segment.get64(ACK, ack, 1);
            Thread.sleep(1);
        }
        System.out.println("ack " + ack[0]);
        try {
            segment.signalPost(0);
        } catch (RsmException e) {
            // node 1 halts once it took this event: the acknowledgement the post waits for may go with it
            if (e.error() != RsmError.REMOTE_NODE_UNREACHABLE) {
                throw e;
            }
        }
        // node 1 ends now: a barrier span over a put to its segment fails, at the order barrier that flushes the put, or at
        // its open when the post above found node 1 gone
        for (;;) {
            String call = "open";
            try {
                barrier.open();
                call = "put";
                segment.put(PUT, bytes);
                call = "order";
                barrier.order();
                call = "close";
                barrier.close();
            } catch (RsmException e) {
                System.out.println("after-the-exporter-died " + call + " " + e.error());
                return;
            }
            if (System.nanoTime() > deadline) {
                System.out.println("after-the-exporter-died nothing failed");
                return;
            }
            Thread.sleep(10);
        }
    }
}
