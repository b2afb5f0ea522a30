// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmErrorIn;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.LocalMemoryHandle;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** RSMAPI.md §3.4 putv/getv and local memory handles. */
@DisplayName("§3.4 scatter/gather")
class ScatterGatherTest {

    private static final long SIZE = 4 * PAGE;
    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private Exported exported;
    private RsmLibrary importerProcess;

    private ImportSegment importer(int node, int perm) throws Exception {
        exported = publish(tc.process(1), SIZE, null);
        importerProcess = tc.process(node);
        return connect(importerProcess, node == 1 ? "loopback" : "emu0", exported, perm);
    }

    private static MemorySegment pattern(long n, int seed) {
        MemorySegment m = Arena.ofAuto().allocate(n);
        for (long i = 0; i < n; i++) {
            m.set(ValueLayout.JAVA_BYTE, i, (byte) (seed + i * 7));
        }
        return m;
    }

    @ParameterizedTest(name = "importer on node {0}")
    @ValueSource(ints = { 2, 1 })
    void putvWithLocalVectorsScattersIntoTheSegment(int node) throws Exception {
        ImportSegment im = importer(node, Rsm.PERM_RDWR);
        MemorySegment src = pattern(300, 1);
        ScatterGather sg = new ScatterGather(im, 0).add(new IoVec.Local(src, 0, 0, 100))
                .add(new IoVec.Local(src, 100, PAGE, 100)).add(new IoVec.Local(src, 200, SIZE - 100, 100));
        sg.setResidualCount(99);
        im.putv(sg);
        assertEquals(0, sg.residualCount());
        MemorySegment mem = exported.memory();
        assertEquals(-1, mem.asSlice(0, 100).mismatch(src.asSlice(0, 100)));
        assertEquals(-1, mem.asSlice(PAGE, 100).mismatch(src.asSlice(100, 100)));
        assertEquals(-1, mem.asSlice(SIZE - 100, 100).mismatch(src.asSlice(200, 100)));
        assertEquals(0, mem.get(ValueLayout.JAVA_BYTE, 100), "nothing written between the vectors");
    }

    @ParameterizedTest(name = "importer on node {0}")
    @ValueSource(ints = { 2, 1 })
    void getvGathersFromTheSegment(int node) throws Exception {
        ImportSegment im = importer(node, Rsm.PERM_READ);
        MemorySegment.copy(pattern(SIZE, 5), 0, exported.memory(), 0, SIZE);
        MemorySegment dst = MemorySegment.ofArray(new byte[200]);
        ScatterGather sg = new ScatterGather(im, 0).add(new IoVec.Local(dst, 0, 3 * PAGE, 50))
                .add(new IoVec.Local(dst, 50, 10, 150));
        im.getv(sg);
        assertEquals(0, sg.residualCount());
        assertEquals(-1, dst.asSlice(0, 50).mismatch(exported.memory().asSlice(3 * PAGE, 50)));
        assertEquals(-1, dst.asSlice(50, 150).mismatch(exported.memory().asSlice(10, 150)));
    }

    @Test
    void handleVectorsUseLocalMemoryHandles() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        RsmController c = importerProcess.getController("emu0");
        MemorySegment buf = importerProcess.allocate(2 * PAGE);
        MemorySegment.copy(pattern(2 * PAGE, 9), 0, buf, 0, 2 * PAGE);
        LocalMemoryHandle h = c.createLocalMemoryHandle(buf);
        assertEquals(-1, h.memory().mismatch(buf), "the handle's memory is the buffer");
        ScatterGather put = new ScatterGather(im, 0).add(new IoVec.Handle(h, PAGE, 0, PAGE));
        im.putv(put);
        assertEquals(-1, exported.memory().asSlice(0, PAGE).mismatch(buf.asSlice(PAGE, PAGE)));

        exported.memory().set(ValueLayout.JAVA_LONG, 2 * PAGE, 0x5A5A5A5A5A5A5A5AL);
        ScatterGather get = new ScatterGather(im, 0).add(new IoVec.Handle(h, 8, 2 * PAGE, 8));
        im.getv(get);
        assertEquals(0x5A5A5A5A5A5A5A5AL, buf.get(ValueLayout.JAVA_LONG, 8));
        assertRsmOk(() -> c.freeLocalMemoryHandle(h));
    }

    @Test
    void freedLocalHandleIsBadSgio() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        RsmController c = importerProcess.getController("emu0");
        LocalMemoryHandle h = c.createLocalMemoryHandle(importerProcess.allocate(PAGE));
        c.freeLocalMemoryHandle(h);
        assertRsmError(RsmError.BAD_SGIO, () -> im.putv(new ScatterGather(im, 0).add(new IoVec.Handle(h, 0, 0, 8))));
    }

    @Test
    void zeroOrMoreThan16RequestsIsBadSgio() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        MemorySegment src = pattern(17 * 8, 0);
        assertRsmError(RsmError.BAD_SGIO, () -> im.putv(new ScatterGather(im, 0)));
        assertRsmError(RsmError.BAD_SGIO, () -> im.getv(new ScatterGather(im, 0)));
        ScatterGather seventeen = new ScatterGather(im, 0);
        ScatterGather sixteen = new ScatterGather(im, 0);
        for (int i = 0; i < 17; i++) {
            seventeen.add(new IoVec.Local(src, i * 8, i * 8, 8));
            if (i < Rsm.MAX_SGIO_REQS) {
                sixteen.add(new IoVec.Local(src, i * 8, i * 8, 8));
            }
        }
        assertRsmError(RsmError.BAD_SGIO, () -> im.putv(seventeen));
        assertEquals(0, exported.memory().get(ValueLayout.JAVA_LONG, 0), "a refused putv writes nothing");
        im.putv(sixteen);
        assertEquals(0, sixteen.residualCount());
        assertEquals(-1, exported.memory().asSlice(0, 128).mismatch(src.asSlice(0, 128)));
    }

    @Test
    void nullSgIsBadSgioAndNullRemoteIsBadSegHndlBeforeTheCount() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        assertRsmError(RsmError.BAD_SGIO, () -> im.putv(null));
        assertRsmError(RsmError.BAD_SGIO, () -> im.getv(null));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.putv(new ScatterGather(null, 0)));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.getv(new ScatterGather(null, 0)));
    }

    @Test
    void disconnectedRemoteIsBadSegHndl() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        ImportSegment other = connect(importerProcess, "emu0", exported, Rsm.PERM_RDWR);
        other.disconnect();
        ScatterGather sg = new ScatterGather(other, 0).add(new IoVec.Local(pattern(8, 0), 0, 0, 8));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.putv(sg));
    }

    @Test
    void putvActsOnTheRemoteOfTheDescriptor() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        Exported second = publish(tc.process(1), PAGE, null);
        ImportSegment im2 = connect(importerProcess, "emu0", second, Rsm.PERM_RDWR);
        MemorySegment src = pattern(16, 3);
        im.putv(new ScatterGather(im2, 0).add(new IoVec.Local(src, 0, 0, 16)));
        assertEquals(-1, second.memory().asSlice(0, 16).mismatch(src));
        assertEquals(0, exported.memory().get(ValueLayout.JAVA_LONG, 0));
    }

    @Test
    void putvNeedsNoBarrierInImplicitMode() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        assertRsmOk(() -> im.putv(new ScatterGather(im, 0).add(new IoVec.Local(pattern(8, 1), 0, 0, 8))));
    }

    @Test
    void implicitSigpostPostsOneEventAfterASuccessfulPutv() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        ScatterGather sg = new ScatterGather(im, Rsm.IMPLICIT_SIGPOST)
                .add(new IoVec.Local(pattern(8, 1), 0, 0, 8)).add(new IoVec.Local(pattern(8, 2), 0, 8, 8));
        im.putv(sg);
        assertEquals(Rsm.IMPLICIT_SIGPOST, sg.flags(), "the caller's flags are kept");
        assertRsmOk(() -> exported.segment().signalWait(1000));
        assertRsmError(RsmError.TIMEOUT, () -> exported.segment().signalWait(0));
        // without the flag: no event
        im.putv(new ScatterGather(im, 0).add(new IoVec.Local(pattern(8, 1), 0, 0, 8)));
        assertRsmError(RsmError.TIMEOUT, () -> exported.segment().signalWait(0));
    }

    @Test
    void vectorPastTheEndFailsWithResidualCount() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_RDWR);
        MemorySegment src = pattern(64, 1);
        ScatterGather sg = new ScatterGather(im, 0).add(new IoVec.Local(src, 0, 0, 8))
                .add(new IoVec.Local(src, 0, SIZE - 8, 16));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.putv(sg));
        assertTrue(sg.residualCount() > 0, "residual count " + sg.residualCount());
    }

    @Test
    void putvOnAReadOnlyConnectionIsPermDenied() throws Exception {
        ImportSegment im = importer(2, Rsm.PERM_READ);
        ScatterGather sg = new ScatterGather(im, 0).add(new IoVec.Local(pattern(8, 1), 0, 0, 8));
        assertRsmError(RsmError.PERM_DENIED, () -> im.putv(sg));
        assertTrue(sg.residualCount() > 0);
        ImportSegment wo = connect(importerProcess, "emu0", exported, Rsm.PERM_WRITE);
        ScatterGather g = new ScatterGather(wo, 0).add(new IoVec.Local(MemorySegment.ofArray(new byte[8]), 0, 0, 8));
        assertRsmError(RsmError.PERM_DENIED, () -> wo.getv(g));
    }

    // ---------------------------------------------------------------- local memory handles

    @Test
    void createLocalMemoryHandleChecksAddressFirst() throws Exception {
        RsmLibrary p = tc.process(2);
        RsmController c = p.getController("emu0");
        MemorySegment m = p.allocate(2 * PAGE);
        c.release();
        assertRsmError(RsmError.BAD_ADDR, () -> c.createLocalMemoryHandle(m.asSlice(8, PAGE)));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> c.createLocalMemoryHandle(m));
    }

    @Test
    void createLocalMemoryHandleOfZeroLengthIsBadLength() throws Exception {
        RsmLibrary p = tc.process(2);
        MemorySegment m = p.allocate(PAGE);
        assertRsmError(RsmError.BAD_LENGTH, () -> p.getController("emu0").createLocalMemoryHandle(m.asSlice(0, 0)));
    }

    @Test
    void localMemoryHandleOfAnUnalignedLengthIsRoundedUp() throws Exception {
        RsmLibrary p = tc.process(2);
        MemorySegment m = p.allocate(2 * PAGE);
        assertRsmOk(() -> p.getController("emu0").createLocalMemoryHandle(m.asSlice(0, 100)));
    }

    @Test
    void freeLocalMemoryHandleChecks() throws Exception {
        RsmLibrary p = tc.process(2);
        RsmController c = p.getController("emu0");
        LocalMemoryHandle h = c.createLocalMemoryHandle(p.allocate(PAGE));
        assertRsmError(RsmError.BAD_LOCALMEM_HNDL, () -> c.freeLocalMemoryHandle(null));
        c.freeLocalMemoryHandle(h);
        assertRsmErrorIn(Set.of(RsmError.BAD_LOCALMEM_HNDL, RsmError.BAD_SEG_HNDL), () -> c.freeLocalMemoryHandle(h));
        c.release();
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> c.freeLocalMemoryHandle(null));
    }
}
