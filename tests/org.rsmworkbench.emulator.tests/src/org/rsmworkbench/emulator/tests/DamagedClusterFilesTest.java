// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.emulator.internal.Registry;
import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.Fifos;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * The files of a cluster are input that anything running as the user can damage (issue 13, item 8): a length,
 * offset, file, node, controller, ACL size or table mark that cannot be right gives an error (INTERNAL_ERROR on
 * connect), or leaves the record out of observers' snapshots, never another segment's memory, never an unchecked
 * exception; a damaged cluster still goes away with its files on close. Each segment here has a memory pattern
 * of its own, so reaching the wrong memory shows.
 */
class DamagedClusterFilesTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final byte A = (byte) 0xA1;
    private static final byte B = (byte) 0xB2;

    private EmulatedClusterExtension tc;
    private RegistryFile registry;
    private RsmLibrary exporter;
    /** Segment A: the first page of one allocation of the exporter; B: its next two pages (the same file). */
    private ExportSegment segmentA;
    private int idA;
    private int idB;
    private RsmLibrary importer;

    @BeforeEach
    void exportTwoSegmentsOfOneFile() throws Exception {
        tc = EmulatedClusterExtension.start(2);
        exporter = tc.process(1);
        RsmController emu0 = exporter.getController("emu0");
        MemorySegment memory = exporter.allocate(3 * PAGE);
        memory.asSlice(0, PAGE).fill(A);
        memory.asSlice(PAGE, 2 * PAGE).fill(B);
        segmentA = emu0.createExportSegment(memory.asSlice(0, PAGE), 0);
        idA = segmentA.publish(TestCluster.nextSegmentId(), null);
        idB = emu0.createExportSegment(memory.asSlice(PAGE, 2 * PAGE), 0).publish(TestCluster.nextSegmentId(), null);
        importer = tc.process(2);
        registry = new RegistryFile(tc.cluster().directory());
    }

    @AfterEach
    void stop() {
        registry.close();
        tc.close();
    }

    private ImportSegment connect(int segmentId) throws Exception {
        return importer.getController("emu0").connect(1, segmentId, Rsm.PERM_RDWR);
    }

    private void connectIsRefusedAsDamaged(int segmentId) {
        assertTimeoutPreemptively(LIMIT, () -> assertRsmError(RsmError.INTERNAL_ERROR, () -> connect(segmentId), "damaged"));
    }

    private long segmentField(int segmentId, int field) {
        return Seg.at(registry.segmentSlot(1, segmentId), field);
    }

    private static boolean lists(ClusterState state, int segmentId) {
        return state.segments().stream().anyMatch(s -> s.node() == 1 && s.segmentId() == segmentId);
    }

    @Test
    void aLengthReachingIntoTheNextSegmentIsRefused() {
        registry.putLong(segmentField(idA, Seg.LENGTH), 3 * PAGE);
        connectIsRefusedAsDamaged(idA);
        ClusterState state = assertDoesNotThrow(() -> tc.cluster().state());
        assertFalse(lists(state, idA), "a damaged record is left out of the snapshot");
        assertTrue(lists(state, idB), "the intact segments stay in it");
    }

    @Test
    void anOffsetOntoAnotherSegmentIsRefused() {
        // the BACKING word holds the offset in pages in its low half: one page further on
        registry.putLong(segmentField(idA, Seg.BACKING), registry.getLong(segmentField(idA, Seg.BACKING)) + 1);
        connectIsRefusedAsDamaged(idA);
    }

    @Test
    void theFileOfAnotherProcessIsRefused() throws Exception {
        RsmLibrary other = tc.process(1);
        MemorySegment otherMemory = other.allocate(PAGE);
        otherMemory.fill((byte) 0x77);
        int otherId = other.getController("emu0").createExportSegment(otherMemory, 0).publish(TestCluster.nextSegmentId(),
                null);
        int otherOwner = registry.getInt(segmentField(otherId, Seg.OWNER));
        assertNotEquals(otherOwner, registry.getInt(segmentField(idA, Seg.OWNER)));
        registry.putInt(segmentField(idA, Seg.OWNER), otherOwner); // p<other>-0: the other process's first file
        connectIsRefusedAsDamaged(idA);
    }

    @Test
    void aViewNeverShowsTheNextSegment() {
        registry.putLong(segmentField(idA, Seg.LENGTH), 3 * PAGE);
        SegmentView view = assertDoesNotThrow(() -> tc.cluster().view(1, idA));
        if (view != null) {
            try (view) {
                assertThrows(IllegalStateException.class, view::memory);
            }
        }
    }

    @Test
    void anAclOfBillionsOfEntriesIsRefusedAndLeftOutOfSnapshots() {
        registry.putInt(segmentField(idA, Seg.ACL_COUNT), Integer.MAX_VALUE);
        connectIsRefusedAsDamaged(idA);
        ClusterState state = assertTimeoutPreemptively(LIMIT, () -> tc.cluster().state());
        assertFalse(lists(state, idA));
        assertTrue(lists(state, idB));
    }

    @Test
    void aControllerIndexBeyondTheNodesControllersIsRefused() {
        registry.putInt(segmentField(idA, Seg.CONTROLLER), 7);
        connectIsRefusedAsDamaged(idA);
        ClusterState state = assertDoesNotThrow(() -> tc.cluster().state());
        assertFalse(lists(state, idA));
    }

    @Test
    void aSegmentOfANodeTheClusterDoesNotHaveIsLeftOut() {
        registry.putInt(segmentField(idA, Seg.NODE), 40);
        ClusterState state = assertDoesNotThrow(() -> tc.cluster().state());
        assertTrue(state.segments().stream().noneMatch(s -> s.segmentId() == idA), state.segments().toString());
        assertTrue(lists(state, idB));
        assertNull(tc.cluster().view(40, idA));
    }

    @Test
    void damagedTableMarksKeepEveryScanInsideItsTable() throws Exception {
        ImportSegment im = connect(idA);
        for (long mark : new long[] {Registry.H_PROCESS_HIGH, Registry.H_SEGMENT_HIGH, Registry.H_CONNECTION_HIGH,
                Registry.H_JVM_HIGH}) {
            registry.putInt(mark, Integer.MAX_VALUE);
        }
        assertTimeoutPreemptively(LIMIT, () -> {
            ClusterState state = tc.cluster().state();
            assertTrue(lists(state, idA) && lists(state, idB), state.segments().toString());
            ImportSegment again = connect(idB);
            again.setMode(BarrierMode.EXPLICIT);
            byte[] bytes = new byte[(int) (2 * PAGE)];
            again.get8(0, bytes, bytes.length);
            byte[] expected = new byte[bytes.length];
            Arrays.fill(expected, B);
            assertArrayEquals(expected, bytes, "the segment asked for, whole");
            segmentA.signalPost(0);
            im.disconnect();
            again.disconnect();
            tc.process(2).close();
        });
    }

    @Test
    void anImporterNodeOutsideTheNodeTableDoesNotBreakAPost() throws Exception {
        connect(idA);
        int slot = -1;
        for (int c = 0; c < Registry.MAX_CONNECTIONS && slot < 0; c++) {
            if (registry.getInt(Conn.at(c, Conn.STATE)) == Conn.CONNECTED) {
                slot = c;
            }
        }
        registry.putInt(Conn.at(slot, Conn.NODE), 1_000_000);
        assertTimeoutPreemptively(LIMIT, () -> segmentA.signalPost(0));
        assertDoesNotThrow(() -> tc.cluster().state());
    }

    @Test
    void aProcessSerialCounterThatGivesAnotherProcesssSerialIsRefused() {
        int exporterSerial = registry.getInt(segmentField(idA, Seg.OWNER));
        for (int next : new int[] {exporterSerial, -5, 0}) {
            registry.putInt(Registry.H_NEXT_PROCESS, next);
            assertRsmError(RsmError.INTERNAL_ERROR, () -> tc.process(2), "damaged");
        }
    }

    @Test
    void closeRemovesTheFilesOfADamagedCluster() throws Exception {
        connect(idA);
        Path directory = tc.cluster().directory();
        Path memoryDirectory = Path.of(specFile(directory).getProperty("memoryDirectory"));
        for (long mark : new long[] {Registry.H_PROCESS_HIGH, Registry.H_SEGMENT_HIGH, Registry.H_CONNECTION_HIGH,
                Registry.H_JVM_HIGH}) {
            registry.putInt(mark, Integer.MAX_VALUE);
        }
        registry.putInt(segmentField(idA, Seg.ACL_COUNT), -5);
        assertTimeoutPreemptively(LIMIT, () -> tc.close());
        assertFalse(Files.exists(directory), directory + " is removed");
        assertFalse(Files.exists(memoryDirectory), memoryDirectory + " is removed");
    }

    // ---------------------------------------------------------------- the spec file and segmentid.conf

    private static Properties specFile(Path directory) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve("cluster.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static void writeSpecFile(Path directory, Properties p) throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve("cluster.properties"))) {
            p.store(out, null);
        }
    }

    @Test
    void aSpecWhoseNodeIdsDoNotFitTheNodeTableIsRefusedByAJoiningJvm() throws Exception {
        Path directory = tc.cluster().directory();
        Properties p = specFile(directory);
        p.setProperty("node.1.id", "200");
        writeSpecFile(directory, p);
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.open(directory));
        assertTrue(e.getMessage().contains("node id 200"), e.getMessage());
    }

    @Test
    void aSpecWithMoreLinksThanTheLinkTableIsRefusedByAJoiningJvm() throws Exception {
        Path directory = tc.cluster().directory();
        Properties p = specFile(directory);
        String link = p.getProperty("link.0");
        for (int i = 1; i <= Registry.MAX_LINKS; i++) {
            p.setProperty("link." + i, link);
        }
        writeSpecFile(directory, p);
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.open(directory));
        assertTrue(e.getMessage().contains("at most " + Registry.MAX_LINKS + " links"), e.getMessage());
    }

    @Test
    void aSegmentIdConfThatIsAFifoIsBadConfWithoutBlocking() throws Exception {
        Path fifo = tc.cluster().directory().resolve("segmentid.conf");
        Fifos.make(fifo);
        try {
            assertTimeoutPreemptively(LIMIT, () -> assertRsmError(RsmError.BAD_CONF, () -> importer.getSegmentIdRange("app"),
                    "regular file"));
        } finally {
            Fifos.unblockReaders(fifo);
        }
    }

    @Test
    void theSpecFileIsReadOnlyAsARegularFile() throws Exception {
        Path directory = tc.cluster().directory();
        Path spec = directory.resolve("cluster.properties");
        Path kept = directory.resolve("kept.properties");
        Files.move(spec, kept);
        Files.createSymbolicLink(spec, kept);
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.open(directory));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        Files.delete(spec);
        Fifos.make(spec);
        try {
            assertTimeoutPreemptively(LIMIT, () -> assertThrows(IOException.class, () -> EmulatedCluster.open(directory)));
        } finally {
            Fifos.unblockReaders(spec);
            Files.delete(spec);
            Files.move(kept, spec);
        }
    }
}
