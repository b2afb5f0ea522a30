// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * Two nodes race (node 2 puts, node 1 loads the same int, both lines marked "race: stop"), then the run ends as the
 * argument says: {@code exit N} (node 1 exits with N once node 2 has put) or {@code hang} (node 1 sleeps until killed).
 */
public final class RacyThenStop {
    public static void main(String[] args) throws Exception {
        RsmLibrary rsm = Rsm.open();
        RsmController controller = rsm.getController("emu0");
        if (rsm.localNodeId() == 1) {
            MemorySegment memory = rsm.allocate(8192);
            ExportSegment export = controller.createExportSegment(memory, 0);
            export.publish(0x600000, List.of(new AccessEntry(2, 0666)));
            memory.get(JAVA_INT, 64); // race: stop
            export.signalWait(60_000); // node 2 has put
            System.out.println("RACED");
            System.out.flush();
            if (args[0].equals("hang")) {
                Thread.sleep(Long.MAX_VALUE);
            }
            System.exit(Integer.parseInt(args[1]));
        } else {
            ImportSegment segment = RaceScenarios.connect(controller, 0x600000);
            segment.initBarrier(BarrierType.SEGMENT);
            segment.put32(64, new int[] { 1 }, 1); // race: stop
            segment.signalPost(0);
        }
    }
}
