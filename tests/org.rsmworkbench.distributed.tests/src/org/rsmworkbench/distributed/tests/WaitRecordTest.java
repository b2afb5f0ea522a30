// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.distributed.internal.WaitRecord;
import org.rsmworkbench.distributed.internal.WaitRecord.WaitedSegment;
import org.rsmworkbench.emulator.ClusterWaits.Call;
import org.rsmworkbench.emulator.ClusterWaits.SegmentName;
import org.rsmworkbench.emulator.trace.CallSite;

/** The data of a wait znode: what a node process with files of its own publishes for the launcher's deadlock detection. */
class WaitRecordTest {

    @Test
    void aWaitOnAnExportedAndAnImportedSegmentIsReadAsWritten() {
        WaitRecord record = new WaitRecord(42, Call.SIGNAL_WAIT_POLLFD, List.of(new WaitedSegment(new SegmentName(1, 0x400100), true),
                new WaitedSegment(new SegmentName(3, 0x8000_0001), false)), new CallSite("org.acme.Ring", "await", "Ring.java", 17));
        assertEquals("serial=42\ncall=signalWaitPollFd\nsegments=1:400100-export,3:80000001-import\n"
                + "site=org.acme.Ring\tawait\tRing.java\t17\n", new String(record.encode(), StandardCharsets.UTF_8));
        assertEquals(record, WaitRecord.decode(record.encode()));
    }

    @Test
    void aWaitWhoseSiteIsNotFoundYetOrHasNoFileIsReadAsWritten() {
        WaitRecord noSite = new WaitRecord(1, Call.SIGNAL_WAIT, List.of(new WaitedSegment(new SegmentName(2, 7), false)), null);
        assertEquals(noSite, WaitRecord.decode(noSite.encode()));
        WaitRecord noFile = new WaitRecord(2, Call.SIGNAL_WAIT, List.of(), new CallSite("Gen", "run", null, -1));
        assertEquals(noFile, WaitRecord.decode(noFile.encode()));
    }

    @Test
    void dataThatIsNoWaitRecordIsRefused() {
        for (String data : List.of("", "pid=12\nnode-version=0\n", "serial=1\ncall=signalWait\nsegments=1:10\n",
                "serial=1\ncall=post\nsegments=\n", "serial=1\ncall=signalWait\nsegments=1:10-export\nsite=A\tb\n")) {
            assertThrows(IllegalArgumentException.class, () -> WaitRecord.decode(data.getBytes(StandardCharsets.UTF_8)), data);
        }
    }
}
