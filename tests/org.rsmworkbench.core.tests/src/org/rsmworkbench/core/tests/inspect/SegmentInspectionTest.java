// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.inspect.DataFormat;
import org.rsmworkbench.core.inspect.Progress;
import org.rsmworkbench.core.inspect.RangeTransfer;
import org.rsmworkbench.core.inspect.Search;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.core.inspect.SegmentWriter;
import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** The inspector's models against a running cluster: rows, change ages, snapshots, search, transfer, edits. */
class SegmentInspectionTest {
    private static final Credentials OWNER = new Credentials(100, 10, Set.of(), 022, false);
    private static final long GIB = 1L << 30;

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private static RsmLibrary exporter;
    private static MemorySegment memory;
    private static int segmentId;
    private static MemorySegment bigMemory;
    private static int bigId;

    @BeforeAll
    static void start() throws Exception {
        exporter = tc.cluster().process(1, OWNER); // the class's exporter: closed with the cluster, not after a test
        memory = exporter.allocate(64 * 1024);
        segmentId = exporter.getController("emu0").createExportSegment(memory, 0)
                .publish(0, List.of(new AccessEntry(1, 0600), new AccessEntry(2, 0640)));
        bigMemory = exporter.allocate(GIB);
        bigId = exporter.getController("emu0").createExportSegment(bigMemory, 0).publish(0, List.of());
    }

    @Test
    void rowsShowBytesTextAndTypedValues() {
        memory.setString(32, "RSM!");
        memory.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 48, -2);
        try (SegmentView view = tc.cluster().view(1, segmentId)) {
            SegmentRows rows = new SegmentRows(view, 16);
            assertEquals(4096, rows.rowCount());
            rows.setVisibleRows(2, 2);
            assertEquals(32, rows.refresh());
            List<SegmentRows.Row> shown = rows.rows();
            assertEquals(32, shown.get(0).offset());
            assertTrue(shown.get(0).hex().startsWith("52 53 4d 21 00"), shown.get(0).hex());
            assertTrue(shown.get(0).text().startsWith("RSM!."), shown.get(0).text());
            List<String> little = SegmentRows.values(shown.get(1), new DataFormat(4, DataFormat.Kind.SIGNED, ByteOrder.LITTLE_ENDIAN));
            assertEquals("-2", little.get(0));
            List<String> unsigned = SegmentRows.values(shown.get(1), new DataFormat(4, DataFormat.Kind.UNSIGNED, ByteOrder.LITTLE_ENDIAN));
            assertEquals("4294967294", unsigned.get(0));
            List<String> big = SegmentRows.values(shown.get(1), new DataFormat(2, DataFormat.Kind.SIGNED, ByteOrder.BIG_ENDIAN));
            assertEquals("-257", big.get(0), "fe ff read big endian");
        }
    }

    @Test
    void changedBytesAgeWithEachRefresh() {
        try (SegmentView view = tc.cluster().view(1, segmentId)) {
            SegmentRows rows = new SegmentRows(view, 8);
            rows.setVisibleRows(100, 1);
            rows.refresh();
            assertEquals(SegmentRows.NEVER_CHANGED, rows.rows().get(0).ages()[3]);
            memory.set(ValueLayout.JAVA_BYTE, 803, (byte) 7);
            rows.refresh();
            assertEquals(0, rows.rows().get(0).ages()[3]);
            assertEquals(SegmentRows.NEVER_CHANGED, rows.rows().get(0).ages()[2]);
            rows.refresh();
            rows.refresh();
            assertEquals(2, rows.rows().get(0).ages()[3]);
        }
    }

    @Test
    void aGibibyteSegmentReadsOnlyTheVisibleRows() {
        bigMemory.set(ValueLayout.JAVA_LONG, GIB - 8, 0x1122334455667788L);
        try (SegmentView view = tc.cluster().view(1, bigId)) {
            SegmentRows rows = new SegmentRows(view, 16);
            rows.setVisibleRows(rows.rowOf(GIB - 1), 40);
            assertEquals(16, rows.refresh(), "only the one row left at the end is read");
            assertEquals(GIB - 16, rows.rows().get(0).offset());
            rows.setVisibleRows(0, 50);
            assertEquals(800, rows.refresh());
            assertThrows(IllegalArgumentException.class, () -> rows.rowOf(GIB));
        }
    }

    @Test
    void snapshotDiffFindsTheChangedRanges() throws Exception {
        try (SegmentView view = tc.cluster().view(1, segmentId); Snapshot snapshot = Snapshot.take(view, Progress.NONE)) {
            memory.set(ValueLayout.JAVA_BYTE, 1000, (byte) 0x5a);
            memory.set(ValueLayout.JAVA_BYTE, 1001, (byte) 0x5b);
            memory.set(ValueLayout.JAVA_BYTE, 60000, (byte) 0x11);
            List<Snapshot.Range> diff = snapshot.diff(view.memory(), 100, Progress.NONE);
            assertEquals(List.of(new Snapshot.Range(1000, 2), new Snapshot.Range(60000, 1)), diff);
            assertEquals(1, snapshot.diff(view.memory(), 1, Progress.NONE).size(), "the limit holds");
        }
    }

    @Test
    void longWorkCanBeCanceled() {
        Progress canceled = new Progress() {
            @Override
            public void worked(long bytes) {
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        try (SegmentView view = tc.cluster().view(1, bigId)) {
            assertThrows(CancellationException.class, () -> Search.find(view.memory(), Search.text("nowhere"), 0, canceled));
            assertThrows(CancellationException.class, () -> Snapshot.take(view, canceled));
        }
    }

    @Test
    void searchFindsHexTextAndValues() {
        memory.setString(5000, "needle");
        memory.set(ValueLayout.JAVA_LONG_UNALIGNED, 7001, 0xDEADBEEFL);
        try (SegmentView view = tc.cluster().view(1, segmentId)) {
            MemorySegment m = view.memory();
            assertEquals(5000, Search.find(m, Search.text("needle"), 0, Progress.NONE));
            assertEquals(-1, Search.find(m, Search.text("needle"), 5001, Progress.NONE));
            assertEquals(7001, Search.find(m, Search.hex("ef be ad de"), 0, Progress.NONE));
            DataFormat u32 = new DataFormat(4, DataFormat.Kind.UNSIGNED, ByteOrder.LITTLE_ENDIAN);
            assertEquals(7001, Search.find(m, u32.parse("0xdeadbeef"), 0, Progress.NONE));
            assertThrows(IllegalArgumentException.class, () -> Search.hex("abc"));
            assertThrows(IllegalArgumentException.class, () -> u32.parse("-1"));
            assertThrows(IllegalArgumentException.class, () -> u32.parse("lots"));
        }
        try (SegmentView view = tc.cluster().view(1, bigId)) {
            bigMemory.setString(GIB - 100, "at the end");
            assertEquals(GIB - 100, Search.find(view.memory(), Search.text("at the end"), 0, Progress.NONE));
        }
    }

    @Test
    void exportAndImportARange(@TempDir Path dir) throws Exception {
        memory.setString(9000, "exported bytes");
        try (SegmentView view = tc.cluster().view(1, segmentId)) {
            Path raw = dir.resolve("range.bin");
            RangeTransfer.exportRaw(view.memory(), 9000, 14, raw);
            assertEquals("exported bytes", new String(RangeTransfer.readRaw(raw, view.size())));
            Path dump = dir.resolve("range.txt");
            RangeTransfer.exportHexDump(view.memory(), 8992, 40, dump);
            assertTrue(Files.readString(dump).startsWith("00002320: "), Files.readString(dump));
            RangeTransfer.Dump read = RangeTransfer.readHexDump(dump, view.size());
            assertEquals(8992, read.offset());
            assertArrayEquals(view.memory().asSlice(8992, 40).toArray(ValueLayout.JAVA_BYTE), read.bytes());
            Files.writeString(dump, "00002320: zz\n");
            assertThrows(java.io.IOException.class, () -> RangeTransfer.readHexDump(dump, view.size()));
            assertThrows(IllegalArgumentException.class, () -> RangeTransfer.exportRaw(view.memory(), 65530, 10, raw));
        }
    }

    @Test
    void editsAreRsmPutsThatTheAclDecides() throws Exception {
        try (SegmentWriter writer = SegmentWriter.open(tc.cluster(), 1, OWNER, 1, segmentId)) {
            writer.write(12000, "edited".getBytes());
        }
        assertEquals("edited", memory.getString(12000).substring(0, 6));
        Credentials groupMember = new Credentials(101, 10, Set.of(), 022, false);
        RsmException refused = assertThrows(RsmException.class,
                () -> SegmentWriter.open(tc.cluster(), 2, groupMember, 1, segmentId));
        assertEquals(RsmError.PERM_DENIED, refused.error());
        assertTrue(refused.getMessage().contains("group digit"), refused.getMessage());
        assertEquals(1, tc.cluster().state().processes().size(), "a refused writer leaves no process behind");
    }
}
