// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** RSMAPI.md §3.5 (barriers, barrier mode) and §5.5. */
@DisplayName("§3.5 barriers and mode")
class BarrierAndModeTest {

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private Exported exported;

    private ImportSegment importer() throws Exception {
        exported = publish(tc.process(1), PAGE, null);
        return connect(tc.process(2), "emu0", exported, Rsm.PERM_RDWR);
    }

    @Test
    void modeStartsImplicitAndCanBeSet() throws Exception {
        ImportSegment im = importer();
        assertEquals(BarrierMode.IMPLICIT, im.getMode());
        im.setMode(BarrierMode.EXPLICIT);
        assertEquals(BarrierMode.EXPLICIT, im.getMode());
        im.setMode(BarrierMode.IMPLICIT);
        assertEquals(BarrierMode.IMPLICIT, im.getMode());
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> im.put8(0, new byte[1], 1));
    }

    @Test
    void nullModeIsBadModeAndChangesNothing() throws Exception {
        ImportSegment im = importer();
        im.setMode(BarrierMode.EXPLICIT);
        assertRsmError(RsmError.BAD_MODE, () -> im.setMode(null));
        assertEquals(BarrierMode.EXPLICIT, im.getMode());
    }

    @Test
    void disconnectedIsBadSegHndlBeforeBadMode() throws Exception {
        ImportSegment im = importer();
        im.disconnect();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.setMode(null));
        assertRsmError(RsmError.BAD_SEG_HNDL, im::getMode);
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.initBarrier(BarrierType.SEGMENT));
    }

    @ParameterizedTest
    @EnumSource(BarrierType.class)
    void everyTypeIsAcceptedAndEnablesImplicitPutGet(BarrierType type) throws Exception {
        ImportSegment im = importer();
        Barrier b = im.initBarrier(type);
        im.put16(0, new short[] { 0x1234 }, 1);
        assertEquals((short) 0x1234, exported.memory().get(ValueLayout.JAVA_SHORT, 0));
        assertRsmOk(b::open);
        assertRsmOk(b::order);
        assertRsmOk(b::close);
        assertRsmOk(b::destroy);
    }

    @Test
    void nullTypeIsTakenAsSegment() throws Exception {
        ImportSegment im = importer();
        Barrier b = im.initBarrier(null);
        assertRsmOk(() -> im.put8(0, new byte[] { 3 }, 1));
        assertRsmOk(b::open);
        assertRsmOk(b::close);
    }

    @Test
    void explicitTransaction() throws Exception {
        ImportSegment im = importer();
        im.setMode(BarrierMode.EXPLICIT);
        Barrier b = im.initBarrier(BarrierType.NODE);
        for (int round = 0; round < 3; round++) {
            b.open();
            im.put32(0, new int[] { round }, 1);
            b.order();
            im.put32(4, new int[] { round + 100 }, 1);
            int[] back = new int[2];
            im.get32(0, back, 2);
            b.close();
            assertEquals(round, back[0]);
            assertEquals(round + 100, back[1]);
            assertEquals(round + 100, exported.memory().get(ValueLayout.JAVA_INT, 4));
        }
    }

    @Test
    void closeAndOrderWithoutOpenSucceedAsInTheOriginal() throws Exception {
        ImportSegment im = importer();
        Barrier b = im.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(b::close);
        assertRsmOk(b::order);
        assertRsmOk(b::close);
    }

    @Test
    void destroyedBarrierIsUninitializedAndImplicitPutFailsAgain() throws Exception {
        ImportSegment im = importer();
        Barrier b = im.initBarrier(BarrierType.SEGMENT);
        im.put8(0, new byte[1], 1);
        b.destroy();
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, b::open);
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, b::order);
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, b::close);
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, b::destroy);
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> im.put8(0, new byte[1], 1));
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> im.get8(0, new byte[1], 1));
        // a new barrier enables implicit put/get again
        im.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(() -> im.put8(0, new byte[1], 1));
    }

    @Test
    void explicitModeDoesNotNeedTheBarrierButStillAcceptsOne() throws Exception {
        ImportSegment im = importer();
        Barrier b = im.initBarrier(BarrierType.SEGMENT);
        b.destroy();
        im.setMode(BarrierMode.EXPLICIT);
        assertRsmOk(() -> im.put8(0, new byte[] { 4 }, 1));
        assertEquals(4, exported.memory().get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    void barrierOfAnotherImportIsIndependent() throws Exception {
        ImportSegment a = importer();
        ImportSegment b = connect(tc.process(2), "emu0", exported, Rsm.PERM_RDWR);
        a.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(() -> a.put8(0, new byte[1], 1));
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> b.put8(0, new byte[1], 1));
    }
}
