// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * The importer's side of a cut or a rebind, with the importer in another JVM (a node JVM on node 2) than the call
 * (the test JVM, whose in-JVM process on node 1 exports): the call rings the node JVM's doorbell and returns once
 * its revoker has remapped the mapping, or after a bounded wait when that JVM is stopped.
 */
@DisplayName("cut and rebind across JVMs")
@Timeout(120)
class RevocationMultiJvmTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MARKER = 0x5A5A5A5A;

    /** A cluster per test, closed after the test's node JVM (the @AfterEach methods run before the extension's). */
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private NodeJvm child;

    @AfterEach
    void closeChild() {
        if (child != null) {
            child.close();
        }
    }

    /** A node JVM on node 2 that has connected to segment {@code id} of node 1 and mapped all of it. */
    private NodeJvm childMapping(int id, long size) throws Exception {
        child = NodeJvm.start(tc.cluster(), 2, EmulatedClusterExtension.USER);
        child.expect("HELLO", "HELLO");
        assertEquals(Long.toString(size), child.expect("IMPORT 1 " + Integer.toHexString(id), "CONNECTED"));
        assertEquals(Long.toString(size), child.expect("MAP", "MAPPED"));
        return child;
    }

    private static String hexInt(int value) {
        return HEX.formatHex(MemorySegment.ofArray(new int[] { value }).toArray(ValueLayout.JAVA_BYTE));
    }

    private Exported publishToNode2() throws RsmException {
        return TestCluster.publish(tc.process(1), PAGE, List.of(new AccessEntry(2, 0666)));
    }

    @ParameterizedTest
    @EnumSource(PathCut.class)
    void theMappingOfAnImporterInAnotherJvmIsCutWhenTheCallReturns(PathCut cut) throws Exception {
        Exported e = publishToNode2();
        try (SegmentView view = tc.cluster().view(1, e.id())) {
            MemorySegment witness = cut == PathCut.KILL_EXPORTER_NODE ? view.memory() : e.memory();
            e.memory().set(ValueLayout.JAVA_INT, 0, MARKER);
            NodeJvm c = childMapping(e.id(), PAGE);
            assertEquals(hexInt(MARKER), c.expect("MLOAD 0 4", "DATA"));
            c.expect("MSTORE 8 " + hexInt(1), "OK");
            assertEquals(1, witness.get(ValueLayout.JAVA_INT, 8));

            cut.apply(tc, e);
            c.expect("MSTORE 12 " + hexInt(2), "OK");
            assertEquals(0, witness.get(ValueLayout.JAVA_INT, 12), "a store of the other JVM after the cut does not land");
            assertEquals(hexInt(0), c.expect("MLOAD 0 4", "DATA"), "its mapping no longer shows the exporter's memory");
            assertEquals("CONN_ABORTED", c.expect("PUT 16 01", "ERROR").split(" ")[0]);
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anImporterJvmStoppedBySigstopHoldsTheCallBackAtMostTheTimeoutAndIsNamed() throws Exception {
        Exported e = publishToNode2();
        e.memory().set(ValueLayout.JAVA_INT, 0, MARKER);
        NodeJvm c = childMapping(e.id(), PAGE);
        long pid = c.process().pid();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        long millis;
        ProcessSignals.send("STOP", pid);
        try {
            System.setErr(new PrintStream(new Tee(systemErr, errors), true, StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            tc.cluster().setLink(1, "emu0", 2, "emu0", false);
            millis = (System.nanoTime() - t0) / 1_000_000;
        } finally {
            System.setErr(systemErr);
            ProcessSignals.send("CONT", pid);
        }
        String warning = errors.toString(StandardCharsets.UTF_8);
        assertTrue(millis >= 1900 && millis < 10_000, "setLink waited " + millis + " ms for the stopped JVM, expected about 2 s");
        assertTrue(warning.contains("pid " + pid) && warning.contains("node 2"),
                "one warning line names the JVM that did not answer: " + warning);
        // running again, it answers the request it missed
        String seen = null;
        for (long t0 = System.nanoTime(); System.nanoTime() - t0 < 5_000_000_000L && !hexInt(0).equals(seen);) {
            seen = c.expect("MLOAD 0 4", "DATA");
        }
        assertEquals(hexInt(0), seen, "the resumed JVM's mapping no longer shows the exporter's memory");
        c.expect("MSTORE 12 " + hexInt(2), "OK");
        assertEquals(0, e.memory().get(ValueLayout.JAVA_INT, 12));
    }

    @Test
    void anImporterInAnotherJvmFollowsRebindsAndTheExporterLosesNoWrite() throws Exception {
        long size = 256 * PAGE;
        RsmLibrary exporter = tc.process(1);
        MemorySegment a = exporter.allocate(size);
        MemorySegment b = exporter.allocate(size);
        a.set(ValueLayout.JAVA_INT, 0, 0xA);
        b.set(ValueLayout.JAVA_INT, 0, 0xB);
        ExportSegment segment = exporter.getController("emu0").createExportSegment(a, Rsm.ALLOW_REBIND);
        int id = segment.publish(TestCluster.nextSegmentId(), List.of(new AccessEntry(2, 0666)));
        NodeJvm c = childMapping(id, size);
        // once before the exporter's threads keep both cores busy: the node JVM's first remap
        segment.rebind(b);
        assertEquals(hexInt(0xB), c.expect("MLOAD 0 4", "DATA"));
        segment.rebind(a);
        assertEquals(hexInt(0xA), c.expect("MLOAD 0 4", "DATA"));
        try (ExporterCounters counters = new ExporterCounters(a, b)) {
            long t0 = System.nanoTime();
            for (int round = 1; System.nanoTime() - t0 < 1_500_000_000L; round++) {
                MemorySegment now = round % 2 == 1 ? b : a;
                segment.rebind(now);
                assertEquals(hexInt(now == a ? 0xA : 0xB), c.expect("MLOAD 0 4", "DATA"), "round " + round);
                c.expect("MSTORE 8 " + hexInt(round), "OK");
                assertEquals(round, now.get(ValueLayout.JAVA_INT, 8), "round " + round);
            }
            counters.stopAndVerify();
        }
    }

    /** Writes to two streams: what the test checks, and the test log. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
