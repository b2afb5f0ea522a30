// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.rsmapi.ControllerAttributes;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** RSMAPI.md §3.1 (controllers) and the controller defaults of JAVA-BINDING.md. */
@DisplayName("§3.1 controllers")
public abstract class ControllerConformance {

    /** The cluster the suite runs on: its nodes 1..2, fully connected, each with a controller "emu0". */
    protected abstract ConformanceCluster tc();

    @NotAcrossHosts("reads ClusterSpec's defaults and starts no process: the in-JVM run has it")
    @Test
    void fullyConnectedDefaultsAreThoseOfTheBinding() {
        ClusterSpec spec = ClusterSpec.fullyConnected(3);
        assertEquals(4096, spec.pageSize());
        assertEquals(3, spec.nodes().size());
        ControllerAttributes expected = new ControllerAttributes(Rsm.DAS8 | Rsm.DAS16 | Rsm.DAS32 | Rsm.DAS64, 0,
                4096, 1L << 30, 8L << 30, 4095, 1L << 30, 8L << 30, 4095);
        for (int i = 1; i <= 3; i++) {
            assertEquals(i, spec.nodes().get(i - 1).id());
            assertEquals(1, spec.nodes().get(i - 1).controllers().size());
            ControllerSpec c = spec.nodes().get(i - 1).controllers().get(0);
            assertEquals("emu0", c.name());
            assertEquals(expected, c.attributes());
        }
        assertEquals(3, spec.links().size(), "all pairs of 3 nodes are linked");
    }

    /**
     * What "emu0" of a default spec reports: the spec's attributes, without direct access sizes where nodes run on hosts of
     * their own (a segment of another host cannot be mapped: RSMAPI.md's controller without direct access).
     */
    private ControllerAttributes emu0Attributes() {
        ControllerAttributes spec = ControllerSpec.DEFAULT_ATTRIBUTES;
        return !tc().acrossHosts() ? spec : new ControllerAttributes(0, spec.atomicSizes(), spec.pageSize(), spec.maxExportSegmentSize(),
                spec.totalExportSegmentSize(), spec.maxExportSegments(), spec.maxImportMapSize(), spec.totalImportMapSize(),
                spec.maxImportSegments());
    }

    @Test
    void emu0ReportsItsSpecAttributes() throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController c = p.getController("emu0");
        assertEquals("emu0", c.name());
        assertEquals(emu0Attributes(), c.getAttributes());
    }

    @Test
    void loopbackReportsMaxExportSegmentSizeZeroAndOtherwiseEmu0Attributes() throws Exception {
        RsmLibrary p = tc().process(1);
        ControllerAttributes emu = ControllerSpec.DEFAULT_ATTRIBUTES;
        ControllerAttributes lo = p.getController("loopback").getAttributes();
        assertEquals(0, lo.maxExportSegmentSize());
        assertEquals(new ControllerAttributes(emu.directAccessSizes(), emu.atomicSizes(), emu.pageSize(), 0,
                emu.totalExportSegmentSize(), emu.maxExportSegments(), emu.maxImportMapSize(),
                emu.totalImportMapSize(), emu.maxImportSegments()), lo);
    }

    @Test
    void nullNameMeansLoopback() throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController byNull = p.getController(null);
        RsmController byName = p.getController("loopback");
        assertSame(byNull, byName, "null selects the loopback controller: same handle, refcount 2");
        assertEquals("loopback", byNull.name());
        assertEquals(0, byNull.getAttributes().maxExportSegmentSize());
    }

    @ParameterizedTest
    @ValueSource(strings = { "LOOPBACK", "Loopback", "loopback0", "loopback7" })
    void loopbackTypeIsCaseInsensitiveAndItsUnitIgnored(String name) throws Exception {
        RsmLibrary p = tc().process(1);
        assertSame(p.getController("loopback"), p.getController(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "EMU0", "Emu0", "emu" })
    void sameTypeAndUnitGiveTheSameHandle(String name) throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController first = p.getController("emu0");
        RsmController second = p.getController(name);
        assertSame(first, second, name + " names type emu unit 0");
        // refcount is 2: two releases succeed, the third fails
        assertRsmOk(second::release);
        assertRsmOk(first::release);
        assertRsmError(RsmError.BAD_CTLR_HNDL, first::release);
    }

    @ParameterizedTest
    @ValueSource(strings = { "emu1", "sci0", "foo", "emu00x", "" })
    void unknownControllerIsNotPresent(String name) throws Exception {
        RsmLibrary p = tc().process(1);
        assertRsmError(RsmError.CTLR_NOT_PRESENT, () -> p.getController(name));
    }

    @Test
    void refcountCountsEveryGetAndReleaseToZeroFreesTheHandle() throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController c = p.getController("emu0");
        p.getController("emu0");
        p.getController("emu0");
        c.release();
        c.release();
        assertRsmOk(c::getAttributes); // still one reference
        c.release();
        assertRsmError(RsmError.BAD_CTLR_HNDL, c::release);
    }

    /** JAVA-BINDING.md: a freed handle is a NULL handle (BAD_CTLR_HNDL), "as for freed handles". */
    @Test
    void handleReleasedToZeroIsBadCtlrHndlForEveryCall() throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController c = p.getController("emu0");
        c.release();
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> c.createExportSegment(p.allocate(4096), 0));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> c.connect(2, 0x400000, Rsm.PERM_READ));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> c.createLocalMemoryHandle(p.allocate(4096)));
        assertRsmError(RsmError.BAD_CTLR_HNDL, c::getAttributes);
    }

    @Test
    void closeIsRelease() throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController c = p.getController("emu0");
        p.getController("emu0");
        c.close();
        assertRsmOk(c::getAttributes);
        c.close();
        assertRsmError(RsmError.BAD_CTLR_HNDL, c::close);
    }

    @Test
    void getAgainAfterReleaseToZeroGivesAWorkingHandle() throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController c = p.getController("emu0");
        c.release();
        RsmController again = p.getController("emu0");
        assertEquals(emu0Attributes(), again.getAttributes());
        assertRsmOk(again::release);
        assertRsmError(RsmError.BAD_CTLR_HNDL, again::release);
    }

    @Test
    void controllersArePerProcess() throws Exception {
        RsmLibrary p1 = tc().process(1);
        RsmLibrary p2 = tc().process(1);
        RsmController a = p1.getController("emu0");
        RsmController b = p2.getController("emu0");
        assertNotSame(a, b, "each process has its own handle");
        a.release();
        assertRsmOk(b::getAttributes);
    }

    @Test
    void releasingLoopbackDoesNotTouchEmu0() throws Exception {
        RsmLibrary p = tc().process(1);
        RsmController lo = p.getController(null);
        RsmController emu = p.getController("emu0");
        lo.release();
        assertRsmError(RsmError.BAD_CTLR_HNDL, lo::release);
        assertRsmOk(emu::getAttributes);
    }

    @NotAcrossHosts("runs on an in-JVM emulated cluster of its own")
    @Test
    void customSpecAttributesAreReported() throws Exception {
        ControllerAttributes small = new ControllerAttributes(Rsm.DAS8 | Rsm.DAS32, 0, 4096, 8192, 16384, 3, 65536,
                131072, 7);
        try (EmulatedClusterExtension other = EmulatedClusterExtension.start(TestCluster.specWithAttributes(2, small))) {
            RsmLibrary p = other.process(2);
            assertEquals(small, p.getController("emu0").getAttributes());
            assertEquals(0, p.getController("loopback").getAttributes().maxExportSegmentSize());
            assertEquals(small.totalExportSegmentSize(),
                    p.getController("loopback").getAttributes().totalExportSegmentSize());
        }
    }
}
