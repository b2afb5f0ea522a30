// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * The errors of a lost connection say what was lost: the exporting node went down, a link between the two nodes
 * went down, or the segment itself went away; not a list of every possible cause.
 */
class LostConnectionMessageTest {
    private EmulatedClusterExtension tc;
    private Exported exported;
    private ImportSegment imported;
    private Barrier barrier;

    @BeforeEach
    void connectNode2ToASegmentOfNode1() throws Exception {
        tc = EmulatedClusterExtension.start(3);
        exported = publish(tc.process(1), PAGE, null);
        imported = connect(tc.process(2), "emu0", exported, Rsm.PERM_RDWR);
        barrier = imported.initBarrier(BarrierType.SEGMENT);
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    private static void assertNamesOnlyOneCause(RsmException e) {
        assertFalse(e.getMessage().toLowerCase(Locale.ROOT).contains("unpublished"), e.getMessage());
    }

    @Test
    void aLinkThatWentDownIsNamed() throws Exception {
        tc.cluster().setLink(1, "emu0", 2, "emu0", false);
        assertNamesOnlyOneCause(assertRsmError(RsmError.CONN_ABORTED, () -> imported.put32(0, new int[] { 1 }, 1),
                "forcibly disconnected", "link 1:emu0 - 2:emu0 is down"));
        assertNamesOnlyOneCause(assertRsmError(RsmError.BARRIER_OPEN_FAILED, barrier::open, "link 1:emu0 - 2:emu0 is down"));
        assertNamesOnlyOneCause(assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> imported.signalPost(0),
                "link 1:emu0 - 2:emu0 is down"));
    }

    @Test
    void aNodeThatWentDownIsNamed() throws Exception {
        tc.cluster().killNode(1);
        assertNamesOnlyOneCause(assertRsmError(RsmError.CONN_ABORTED, () -> imported.put32(0, new int[] { 1 }, 1),
                "forcibly disconnected", "node 1 is down"));
    }

    @Test
    void aSegmentThatWentAwayIsSaidSo() throws Exception {
        exported.segment().unpublish();
        RsmException e = assertRsmError(RsmError.CONN_ABORTED, () -> imported.get32(0, new int[1], 1), "forcibly disconnected",
                "the segment was unpublished or destroyed");
        assertFalse(e.getMessage().contains(" is down"), e.getMessage());
    }
}
