// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The node programs of {@link RaceSlowdown} (argument {@code put-heavy} or {@code load-heavy}), race-free. Node 1
 * exports a 1 MiB segment; in put-heavy, nodes 2 to 4 make 10⁶ puts of 64 bytes into their own thirds of it and then
 * signal node 1; in load-heavy, node 1 scans its segment 40 times through its {@code MemorySegment}.
 */
public final class RaceWorkload {
    /**
     * The name the program runs under in the node JVMs: {@link #copyForNodes} writes it there ({@link ProgramFolder}: the
     * program is all in {@link #main}).
     */
    static final String NODE_CLASS = "racebench.RaceWorkload";
    private static final int SEGMENT = 0x500000;
    private static final int SEGMENT_BYTES = 1 << 20;
    private static final int PUTS = 1_000_000;
    private static final int PUT_BYTES = 64;
    private static final int SCANS = 40;

    private RaceWorkload() {
    }

    /** Writes this class, renamed {@link #NODE_CLASS}, under {@code folder}; returns the folder. */
    static Path copyForNodes(Path folder) throws IOException {
        return ProgramFolder.copy(RaceWorkload.class, NODE_CLASS, folder);
    }

    public static void main(String[] args) throws RsmException, InterruptedException {
        String program = args[0];

        RsmLibrary library = Rsm.open();
        RsmController controller = library.getController("emu0");
        int self = library.localNodeId();
        if (self == 1) {
            MemorySegment memory = library.allocate(SEGMENT_BYTES);
            ExportSegment segment = controller.createExportSegment(memory, 0);
            List<AccessEntry> everyone = new ArrayList<>();
            for (int node = 2; node <= 4; node++) {
                everyone.add(new AccessEntry(node, 0666));
            }
            segment.publish(SEGMENT, everyone);
            if (program.equals("put-heavy")) {
                for (int importer = 2; importer <= 4; importer++) {
                    segment.signalWait(-1); // each importer's last put is done
                }
            } else {
                long sum = 0;
                for (int scan = 0; scan < SCANS; scan++) {
                    for (long offset = 0; offset < SEGMENT_BYTES; offset += Long.BYTES) {
                        sum += memory.get(ValueLayout.JAVA_LONG, offset);
                    }
                }
                System.out.println("sum " + sum);
            }
            library.close();
        } else if (program.equals("put-heavy")) {
            ImportSegment segment = null;
            while (segment == null) { // until node 1 has published it
                try {
                    segment = controller.connect(1, SEGMENT, Rsm.PERM_RDWR);
                } catch (RsmException e) {
                    if (e.error() != RsmError.SEG_NOT_PUBLISHED && e.error() != RsmError.SEG_NOT_PUBLISHED_TO_NODE) {
                        throw e;
                    }
                    Thread.sleep(5);
                }
            }
            segment.initBarrier(BarrierType.SEGMENT); // IMPLICIT mode: each put is complete when it returns
            byte[] data = new byte[PUT_BYTES];
            long base = (long) (self - 2) * (SEGMENT_BYTES / 3);
            long range = SEGMENT_BYTES / 3 / PUT_BYTES * PUT_BYTES;
            for (int i = 0; i < PUTS / 3; i++) {
                data[0] = (byte) i;
                segment.put8(base + (long) i * PUT_BYTES % range, data, PUT_BYTES);
            }
            segment.signalPost(0);
            library.close();
        } else {
            library.close();
        }
    }
}
