// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * put and get keep every check of RSMAPI.md §3.4 after transfers have succeeded: the emulator folds the checks of the
 * handle's state (connected, mapped, barrier mode and barrier) into one word while they hold, and each change of that
 * state must reach the next transfer.
 */
@DisplayName("§3.4 put/get checks after earlier transfers")
class TransferGuardTest {

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private Exported exported;
    private RsmLibrary importerProcess;


    /** An import of a two-page segment in EXPLICIT mode that has made one put and one get. */
    private ImportSegment importerThatTransferred(int permission) throws Exception {
        exported = publish(tc.process(1), 2 * PAGE, null);
        importerProcess = tc.process(2);
        ImportSegment im = connect(importerProcess, "emu0", exported, permission);
        im.setMode(BarrierMode.EXPLICIT);
        if ((permission & Rsm.PERM_WRITE) != 0) {
            im.put32(0, new int[] { 1 }, 1);
        }
        im.get32(0, new int[1], 1);
        return im;
    }

    @Test
    void implicitModeWithoutABarrierIsUninitializedAgain() throws Exception {
        ImportSegment im = importerThatTransferred(Rsm.PERM_RDWR);
        im.setMode(BarrierMode.IMPLICIT);
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> im.put32(0, new int[] { 2 }, 1));
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> im.get(0, MemorySegment.ofArray(new byte[8])));
        Barrier barrier = im.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(() -> im.put32(0, new int[] { 3 }, 1));
        barrier.destroy();
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> im.get32(0, new int[1], 1));
        im.setMode(BarrierMode.EXPLICIT);
        assertRsmOk(() -> im.put32(0, new int[] { 4 }, 1));
        assertEquals(4, exported.memory().get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void aNewMappingBoundsTheNextTransfers() throws Exception {
        ImportSegment im = importerThatTransferred(Rsm.PERM_RDWR);
        im.put32(PAGE, new int[] { 5 }, 1);
        im.unmap(); // the implicit mapping of the whole segment
        MemorySegment secondPage = im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, PAGE, PAGE);
        assertRsmError(RsmError.BAD_OFFSET, () -> im.put32(0, new int[] { 6 }, 1));
        assertRsmError(RsmError.BAD_OFFSET, () -> im.get64(PAGE - 8, new long[2], 2));
        im.put32(PAGE + 4, new int[] { 7 }, 1);
        assertEquals(7, exported.memory().get(ValueLayout.JAVA_INT, PAGE + 4));
        assertEquals(7, secondPage.get(ValueLayout.JAVA_INT, 4));
        int[] back = new int[2];
        im.get32(PAGE, back, 2);
        assertEquals(5, back[0]);
        im.unmap();
        assertRsmError(RsmError.SEG_NOT_MAPPED, im::unmap);
        // unmapped, the next put maps the whole segment again
        assertRsmOk(() -> im.put32(0, new int[] { 8 }, 1));
        assertEquals(8, exported.memory().get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void theCallsOwnChecksStillFail() throws Exception {
        ImportSegment im = importerThatTransferred(Rsm.PERM_RDWR);
        assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> im.put32(2, new int[] { 1 }, 1));
        assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> im.get64(4, new long[1], 1));
        assertRsmError(RsmError.BAD_ADDR, () -> im.put32(0, null, 1));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.get32(0, new int[1], 2));
        assertRsmError(RsmError.BAD_OFFSET, () -> im.put32(2 * PAGE, new int[] { 1 }, 1));
        assertRsmError(RsmError.BAD_OFFSET, () -> im.put(2 * PAGE - 4, MemorySegment.ofArray(new byte[8])));
        assertRsmError(RsmError.BAD_OFFSET, () -> im.get8(-1, new byte[1], 1));
        assertEquals(1, exported.memory().get(ValueLayout.JAVA_INT, 0), "no failed put landed");
    }

    @Test
    void aReadOnlyImportStillRefusesPuts() throws Exception {
        ImportSegment im = importerThatTransferred(Rsm.PERM_READ);
        assertRsmError(RsmError.PERM_DENIED, () -> im.put32(0, new int[] { 9 }, 1));
        assertRsmError(RsmError.PERM_DENIED, () -> im.put(0, MemorySegment.ofArray(new byte[8])));
        assertEquals(0, exported.memory().get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void aDisconnectedImportIsBadSegHndl() throws Exception {
        ImportSegment im = importerThatTransferred(Rsm.PERM_RDWR);
        im.disconnect();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.put32(0, new int[] { 10 }, 1));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.get(0, MemorySegment.ofArray(new byte[8])));
        assertEquals(1, exported.memory().get(ValueLayout.JAVA_INT, 0));
    }

    @Test
    void anImportOfAClosedProcessIsBadSegHndl() throws Exception {
        ImportSegment im = importerThatTransferred(Rsm.PERM_RDWR);
        importerProcess.close();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.put64(0, new long[] { 11 }, 1));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.get8(0, new byte[1], 1));
        assertEquals(1, exported.memory().get(ValueLayout.JAVA_INT, 0));
    }
}
