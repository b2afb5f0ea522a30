// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;

/** RSMAPI.md §3.4 put/get of every width: the 9 checks of __rsm_import_verify_access in order, and the data. */
@DisplayName("§3.4 put/get")
public abstract class DataMovementConformance {

    private static final long SIZE = 2 * PAGE;
    /** The cluster the suite runs on: its nodes 1..2, fully connected, each with a controller "emu0". */
    protected abstract ConformanceCluster tc();

    /** Where the importer sits relative to the exporter (node 1). */
    enum Path {
        REMOTE(2, "emu0"), LOCAL_EMU0(1, "emu0"), LOCAL_LOOPBACK(1, "loopback");

        final int node;
        final String controller;

        Path(int node, String controller) {
            this.node = node;
            this.controller = controller;
        }
    }

    /** The width-specific put/get calls, so that every check is run for every width. */
    enum Width {
        W1(1), W2(2), W4(4), W8(8), BYTES(1);

        final int bytes;

        Width(int bytes) {
            this.bytes = bytes;
        }

        void put(ImportSegment im, long offset, int count) throws Exception {
            switch (this) {
            case W1 -> im.put8(offset, new byte[Math.max(count, 1)], count);
            case W2 -> im.put16(offset, new short[Math.max(count, 1)], count);
            case W4 -> im.put32(offset, new int[Math.max(count, 1)], count);
            case W8 -> im.put64(offset, new long[Math.max(count, 1)], count);
            case BYTES -> im.put(offset, MemorySegment.ofArray(new byte[count]));
            }
        }

        void get(ImportSegment im, long offset, int count) throws Exception {
            switch (this) {
            case W1 -> im.get8(offset, new byte[Math.max(count, 1)], count);
            case W2 -> im.get16(offset, new short[Math.max(count, 1)], count);
            case W4 -> im.get32(offset, new int[Math.max(count, 1)], count);
            case W8 -> im.get64(offset, new long[Math.max(count, 1)], count);
            case BYTES -> im.get(offset, MemorySegment.ofArray(new byte[count]));
            }
        }

        void putNull(ImportSegment im, long offset) throws Exception {
            switch (this) {
            case W1 -> im.put8(offset, null, 1);
            case W2 -> im.put16(offset, null, 1);
            case W4 -> im.put32(offset, null, 1);
            case W8 -> im.put64(offset, null, 1);
            case BYTES -> im.put(offset, null);
            }
        }

        void getNull(ImportSegment im, long offset) throws Exception {
            switch (this) {
            case W1 -> im.get8(offset, null, 1);
            case W2 -> im.get16(offset, null, 1);
            case W4 -> im.get32(offset, null, 1);
            case W8 -> im.get64(offset, null, 1);
            case BYTES -> im.get(offset, null);
            }
        }
    }

    private Exported exported() throws Exception {
        return publish(tc().process(1), SIZE, null);
    }

    private ImportSegment importer(Exported e, int perm) throws Exception {
        return connect(tc().process(2), "emu0", e, perm);
    }

    // ---------------------------------------------------------------- the checks, in order

    @ParameterizedTest
    @EnumSource(Width.class)
    void check1DisconnectedIsBadSegHndlBeforeNullData(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.disconnect();
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> w.putNull(im, 1));
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> w.getNull(im, 1));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void check2NullDataIsBadAddrBeforeOffsetAlignment(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        assertRsmError(RsmError.BAD_ADDR, () -> w.putNull(im, 1));
        assertRsmError(RsmError.BAD_ADDR, () -> w.getNull(im, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 4, 8 })
    void check4OffsetNotAlignedToTheWidthIsBadMemAlignmentBeforePermission(int width) throws Exception {
        Width w = switch (width) {
        case 2 -> Width.W2;
        case 4 -> Width.W4;
        default -> Width.W8;
        };
        Exported e = exported();
        ImportSegment readOnly = importer(e, Rsm.PERM_READ);
        ImportSegment writeOnly = importer(e, Rsm.PERM_WRITE);
        for (long off = 1; off < width; off++) {
            long offset = off;
            // put on a read-only connection would be PERM_DENIED, get on a write-only one too
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> w.put(readOnly, offset, 1));
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> w.get(writeOnly, offset, 1));
            // and past the end would be BAD_OFFSET
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> w.put(writeOnly, SIZE + offset, 1));
        }
    }

    @Test
    void bytesAndPut8HaveNoAlignmentRequirement() throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        assertRsmOk(() -> im.put8(3, new byte[] { 1, 2 }, 2));
        assertRsmOk(() -> im.put(5, MemorySegment.ofArray(new byte[3])));
        assertRsmOk(() -> im.get(7, MemorySegment.ofArray(new byte[3])));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void check7PermissionIsPermDeniedBeforeTheOffset(Width w) throws Exception {
        Exported e = exported();
        ImportSegment readOnly = importer(e, Rsm.PERM_READ);
        ImportSegment writeOnly = importer(e, Rsm.PERM_WRITE);
        assertRsmError(RsmError.PERM_DENIED, () -> w.put(readOnly, SIZE, 1));
        assertRsmError(RsmError.PERM_DENIED, () -> w.get(writeOnly, SIZE, 1));
        assertRsmError(RsmError.PERM_DENIED, () -> w.put(readOnly, 0, 1));
        assertRsmError(RsmError.PERM_DENIED, () -> w.get(writeOnly, 0, 1));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void check8PastTheEndIsBadOffsetBeforeTheBarrierCheck(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR); // IMPLICIT, no barrier
        assertRsmError(RsmError.BAD_OFFSET, () -> w.put(im, SIZE, 1));
        assertRsmError(RsmError.BAD_OFFSET, () -> w.get(im, SIZE, 1));
        assertRsmError(RsmError.BAD_OFFSET, () -> w.put(im, SIZE - w.bytes, 2));
        assertRsmError(RsmError.BAD_OFFSET, () -> w.get(im, SIZE - w.bytes, 2));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void check9ImplicitModeWithoutBarrierIsBarrierUninitialized(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> w.put(im, 0, 1));
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> w.get(im, 0, 1));
        assertRsmError(RsmError.BARRIER_UNINITIALIZED, () -> w.put(im, SIZE - w.bytes, 1));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void worksAfterInitBarrier(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(() -> w.put(im, 0, 1));
        assertRsmOk(() -> w.get(im, SIZE - w.bytes, 1));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void worksInExplicitModeWithoutABarrier(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        assertRsmOk(() -> w.put(im, 0, 1));
        assertRsmOk(() -> w.get(im, SIZE - w.bytes, 1));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void zeroRepCountSucceeds(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(() -> w.put(im, 0, 0));
        assertRsmOk(() -> w.get(im, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(Width.class)
    void lastElementOfTheSegmentIsInRange(Width w) throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        int count = (int) (PAGE / w.bytes);
        assertRsmOk(() -> w.put(im, SIZE - PAGE, count));
        assertRsmOk(() -> w.get(im, 0, (int) (SIZE / w.bytes)));
    }

    @NotAcrossHosts("maps the segment, which a node on another host cannot (MAP_FAILED)")
    @Test
    void explicitMappingWindowBoundsPutAndGet() throws Exception {
        ImportSegment im = importer(publish(tc().process(1), 4 * PAGE, null), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, PAGE, 2 * PAGE);
        assertRsmError(RsmError.BAD_OFFSET, () -> im.put64(0, new long[1], 1));
        assertRsmError(RsmError.BAD_OFFSET, () -> im.get64(PAGE - 8, new long[2], 2));
        assertRsmError(RsmError.BAD_OFFSET, () -> im.put64(3 * PAGE, new long[1], 1));
        assertRsmError(RsmError.BAD_OFFSET, () -> im.get64(3 * PAGE - 8, new long[2], 2));
        assertRsmOk(() -> im.put64(PAGE, new long[1], 1));
        assertRsmOk(() -> im.get64(3 * PAGE - 8, new long[1], 1));
    }

    @Test
    void putOrGetMapsTheWholeSegmentImplicitly() throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        im.put8(0, new byte[] { 1 }, 1);
        assertRsmError(RsmError.SEG_ALREADY_MAPPED, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE));
        assertRsmOk(() -> im.get8(SIZE - 1, new byte[1], 1)); // the whole segment
    }

    // ---------------------------------------------------------------- data

    @ParameterizedTest
    @EnumSource(Path.class)
    void importerWritesAreSeenInTheExportersMemoryInNativeOrder(Path path) throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc().process(path.node), path.controller, e, Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        MemorySegment mem = e.memory();

        im.put8(1, new byte[] { (byte) 0xA1, (byte) 0xA2, (byte) 0xA3 }, 2);
        assertEquals((byte) 0xA1, mem.get(ValueLayout.JAVA_BYTE, 1));
        assertEquals((byte) 0xA2, mem.get(ValueLayout.JAVA_BYTE, 2));
        assertEquals(0, mem.get(ValueLayout.JAVA_BYTE, 3), "only repCount elements are written");

        im.put16(16, new short[] { (short) 0xBEEF, 0x1234 }, 2);
        assertEquals((short) 0xBEEF, mem.get(ValueLayout.JAVA_SHORT, 16));
        assertEquals((short) 0x1234, mem.get(ValueLayout.JAVA_SHORT, 18));

        im.put32(32, new int[] { 0xDEADBEEF, 0x01020304 }, 2);
        assertEquals(0xDEADBEEF, mem.get(ValueLayout.JAVA_INT, 32));
        assertEquals(0x01020304, mem.get(ValueLayout.JAVA_INT, 36));
        assertEquals(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0x04 : 0x01,
                mem.get(ValueLayout.JAVA_BYTE, 36), "native byte order");

        im.put64(SIZE - 16, new long[] { 0x0102030405060708L, -2L }, 2);
        assertEquals(0x0102030405060708L, mem.get(ValueLayout.JAVA_LONG, SIZE - 16));
        assertEquals(-2L, mem.get(ValueLayout.JAVA_LONG, SIZE - 8));

        MemorySegment src = Arena.ofAuto().allocate(100);
        for (int i = 0; i < 100; i++) {
            src.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 3));
        }
        im.put(PAGE + 3, src);
        assertEquals(-1, mem.asSlice(PAGE + 3, 100).mismatch(src));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void exporterWritesAreSeenByGet(Path path) throws Exception {
        Exported e = exported();
        ImportSegment im = connect(tc().process(path.node), path.controller, e, Rsm.PERM_READ);
        im.initBarrier(BarrierType.NODE);
        MemorySegment mem = e.memory();
        mem.set(ValueLayout.JAVA_BYTE, 5, (byte) 0x55);
        mem.set(ValueLayout.JAVA_SHORT, 64, (short) -3);
        mem.set(ValueLayout.JAVA_INT, 128, 0x7A7B7C7D);
        mem.set(ValueLayout.JAVA_INT, 132, -100);
        mem.set(ValueLayout.JAVA_LONG, SIZE - 8, Long.MIN_VALUE + 17);

        byte[] b = new byte[4];
        im.get8(5, b, 1);
        assertArrayEquals(new byte[] { 0x55, 0, 0, 0 }, b, "only repCount elements are read");
        short[] s = new short[1];
        im.get16(64, s, 1);
        assertEquals((short) -3, s[0]);
        int[] i = new int[2];
        im.get32(128, i, 2);
        assertArrayEquals(new int[] { 0x7A7B7C7D, -100 }, i);
        long[] l = new long[1];
        im.get64(SIZE - 8, l, 1);
        assertEquals(Long.MIN_VALUE + 17, l[0]);
        MemorySegment dst = MemorySegment.ofArray(new byte[8]);
        im.get(128, dst);
        assertEquals(-1, dst.mismatch(mem.asSlice(128, 8)));
    }

    @Test
    void roundTripOfEveryWidth() throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.setMode(BarrierMode.EXPLICIT);
        long[] l = { 1L, -1L, 0x1122334455667788L };
        im.put64(0, l, 3);
        long[] l2 = new long[3];
        im.get64(0, l2, 3);
        assertArrayEquals(l, l2);
        short[] s = { 1, -1, 0x7FFF };
        im.put16(100, s, 3);
        short[] s2 = new short[3];
        im.get16(100, s2, 3);
        assertArrayEquals(s, s2);
        // a value written as long is read back as the two ints of native order
        int[] halves = new int[2];
        im.get32(16, halves, 2);
        long joined = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                ? (halves[0] & 0xFFFFFFFFL) | ((long) halves[1] << 32)
                : (halves[1] & 0xFFFFFFFFL) | ((long) halves[0] << 32);
        assertEquals(0x1122334455667788L, joined);
    }

    @Test
    void zeroLengthPutAndGetSucceed() throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        assertRsmOk(() -> im.put(0, MemorySegment.ofArray(new byte[0])));
        assertRsmOk(() -> im.get(SIZE, MemorySegment.ofArray(new byte[0])));
    }

    @Test
    void repCountLargerThanTheArrayIsBadLength() throws Exception {
        ImportSegment im = importer(exported(), Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        assertRsmError(RsmError.BAD_LENGTH, () -> im.put8(0, new byte[2], 3));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.put16(0, new short[2], 3));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.put32(0, new int[2], 3));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.put64(0, new long[2], 3));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.get8(0, new byte[2], 3));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.get16(0, new short[2], 3));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.get32(0, new int[2], 3));
        assertRsmError(RsmError.BAD_LENGTH, () -> im.get64(0, new long[2], 3));
    }

    @Test
    void failedPutChangesNothing() throws Exception {
        Exported e = exported();
        ImportSegment im = importer(e, Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
        assertRsmError(RsmError.BAD_OFFSET, () -> im.put8(SIZE - 1, new byte[] { 9, 9 }, 2));
        assertEquals(0, e.memory().get(ValueLayout.JAVA_BYTE, SIZE - 1));
    }

    @Test
    void writeOnlyConnectionCanPut() throws Exception {
        Exported e = exported();
        ImportSegment wo = importer(e, Rsm.PERM_WRITE);
        wo.initBarrier(BarrierType.SEGMENT);
        wo.put32(8, new int[] { 77 }, 1);
        assertEquals(77, e.memory().get(ValueLayout.JAVA_INT, 8));
    }
}
