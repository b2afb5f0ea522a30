// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * RSMAPI.md §5.3–5.4, issue 13 item 6: once the link goes down, the exporter's node dies or the segment is
 * unpublished, the importer's data path is cut: nothing it puts or stores reaches the exporter's memory any more,
 * and nothing it gets or loads comes from there.
 */
@DisplayName("§5.3-5.4 the data path is cut")
class DataPathCutTest {

    private EmulatedClusterExtension tc;
    private Exported exported;
    private SegmentView view;

    @BeforeEach
    void start() throws RsmException {
        tc = EmulatedClusterExtension.start(3);
        exported = publish(tc.process(1), PAGE, null);
        view = tc.cluster().view(1, exported.id());
    }

    @AfterEach
    void stop() throws Exception {
        view.close();
        tc.close();
    }

    /**
     * Where the importer's bytes would land: the exporter's memory, or once its node is killed (the process
     * gone), the memory file that backed it, through a view mapped before the kill.
     */
    private MemorySegment witness(PathCut cut) {
        return cut == PathCut.KILL_EXPORTER_NODE ? view.memory() : exported.memory();
    }

    @ParameterizedTest
    @EnumSource(PathCut.class)
    void implicitPutIsConnAbortedAndItsBytesNeverLand(PathCut cut) throws Exception {
        MemorySegment witness = witness(cut);
        ImportSegment im = connectReady(tc.process(2), exported, Rsm.PERM_RDWR);
        im.put32(0, new int[] { 1 }, 1);
        assertEquals(1, witness.get(ValueLayout.JAVA_INT, 0));
        cut.apply(tc, exported);
        assertRsmError(RsmError.CONN_ABORTED, () -> im.put32(4, new int[] { 5 }, 1));
        assertRsmError(RsmError.CONN_ABORTED, () -> im.put(8, MemorySegment.ofArray(new byte[] { 1, 2, 3, 4 })));
        assertRsmError(RsmError.CONN_ABORTED, () -> im.get32(0, new int[1], 1));
        assertEquals(0, witness.get(ValueLayout.JAVA_INT, 4), "an IMPLICIT put32 after the cut does not land");
        assertEquals(0, witness.get(ValueLayout.JAVA_INT, 8), "an IMPLICIT put after the cut does not land");
        assertRsmOk(im::disconnect);
    }

    @ParameterizedTest
    @EnumSource(PathCut.class)
    void explicitPutSucceedsButNeverLandsGetReadsNoExporterDataAndCloseIsConnAborted(PathCut cut) throws Exception {
        MemorySegment witness = witness(cut);
        ImportSegment im = connect(tc.process(2), "emu0", exported, Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        Barrier barrier = im.initBarrier(BarrierType.SEGMENT);
        barrier.open();
        im.put64(0, new long[] { 11 }, 1);
        exported.memory().set(ValueLayout.JAVA_LONG, 16, 33);
        cut.apply(tc, exported);
        assertRsmOk(() -> im.put64(8, new long[] { 22 }, 1));
        long[] atZero = new long[1];
        long[] atSixteen = new long[1];
        assertRsmOk(() -> im.get64(0, atZero, 1));
        assertRsmOk(() -> im.get64(16, atSixteen, 1));
        assertRsmError(RsmError.CONN_ABORTED, barrier::close);
        assertEquals(11, witness.get(ValueLayout.JAVA_LONG, 0), "the put before the cut landed");
        assertEquals(0, witness.get(ValueLayout.JAVA_LONG, 8), "an EXPLICIT put after the cut goes to trash");
        assertEquals(0, atZero[0], "a get after the cut reads no exporter data");
        assertEquals(0, atSixteen[0], "a get after the cut reads no exporter data");
        assertRsmOk(im::disconnect);
    }

    @ParameterizedTest
    @EnumSource(PathCut.class)
    void storesThroughAnExistingMappingNoLongerReachTheExporter(PathCut cut) throws Exception {
        MemorySegment witness = witness(cut);
        ImportSegment readWrite = connect(tc.process(2), "emu0", exported, Rsm.PERM_RDWR);
        MemorySegment mapping = readWrite.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
        ImportSegment readOnly = connect(tc.process(2), "emu0", exported, Rsm.PERM_READ);
        MemorySegment readOnlyMapping = readOnly.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, PAGE);
        mapping.set(ValueLayout.JAVA_INT, 0, 7);
        assertEquals(7, witness.get(ValueLayout.JAVA_INT, 0));
        assertEquals(7, readOnlyMapping.get(ValueLayout.JAVA_INT, 0));
        cut.apply(tc, exported);
        mapping.set(ValueLayout.JAVA_INT, 4, 8);
        assertEquals(0, witness.get(ValueLayout.JAVA_INT, 4), "a store through the mapping after the cut does not land");
        assertEquals(0, mapping.get(ValueLayout.JAVA_INT, 0), "the mapping no longer shows the exporter's memory");
        assertEquals(0, readOnlyMapping.get(ValueLayout.JAVA_INT, 0), "nor does a read-only one");
        assertRsmOk(readWrite::unmap);
        assertRsmOk(readWrite::disconnect);
        assertRsmOk(readOnly::unmap);
        assertRsmOk(readOnly::disconnect);
    }
}
