// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmErrorIn;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * Misuse the C API cannot express, or expresses only as undefined behaviour: negative and overflowing offsets
 * and lengths, out-of-range ids, nulls, freed handles. The answer must always be an RsmException with the
 * error RSMAPI.md / JAVA-BINDING.md name (a set where they allow several), never another exception or a hang.
 */
@DisplayName("bad input")
class BadInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final long SIZE = 2 * PAGE;
    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private Exported exported;
    private ImportSegment im;
    private RsmLibrary importer;

    @BeforeEach
    void connectOne() throws Exception {
        exported = publish(tc.process(1), SIZE, null);
        importer = tc.process(2);
        im = connect(importer, "emu0", exported, Rsm.PERM_RDWR);
        im.initBarrier(BarrierType.SEGMENT);
    }

    private static void expect(RsmError error, Executable call) {
        assertTimeoutPreemptively(LIMIT, () -> assertRsmError(error, call));
    }

    private static void expectOneOf(Set<RsmError> errors, Executable call) {
        assertTimeoutPreemptively(LIMIT, () -> assertRsmErrorIn(errors, call));
    }

    // ---------------------------------------------------------------- offsets and lengths of put/get

    @ParameterizedTest(name = "offset {0}")
    @ValueSource(longs = { -8, -4096, Long.MIN_VALUE, Long.MAX_VALUE - 7, Long.MAX_VALUE - 4095, 1L << 62,
            SIZE + 8 })
    void putGetAtAnAlignedOffsetOutsideTheSegmentIsBadOffset(long offset) {
        expect(RsmError.BAD_OFFSET, () -> im.put64(offset, new long[1], 1));
        expect(RsmError.BAD_OFFSET, () -> im.get64(offset, new long[1], 1));
        expect(RsmError.BAD_OFFSET, () -> im.put8(offset, new byte[1], 1));
        expect(RsmError.BAD_OFFSET, () -> im.get(offset, MemorySegment.ofArray(new byte[8])));
        expect(RsmError.BAD_OFFSET, () -> im.put(offset, MemorySegment.ofArray(new byte[8])));
    }

    @Test
    void offsetPlusLengthThatOverflowsIsBadOffset() {
        expect(RsmError.BAD_OFFSET, () -> im.put8(Long.MAX_VALUE, new byte[2], 2));
        expect(RsmError.BAD_OFFSET, () -> im.put64(Long.MAX_VALUE - 7, new long[2], 2));
        expect(RsmError.BAD_OFFSET, () -> im.get(Long.MAX_VALUE - 3, MemorySegment.ofArray(new byte[16])));
        expect(RsmError.BAD_OFFSET, () -> im.put(8, MemorySegment.ofArray(new byte[(int) SIZE])));
    }

    @Test
    void oddNegativeOffsetOfAWideAccessIsRefused() {
        expectOneOf(Set.of(RsmError.BAD_MEM_ALIGNMENT, RsmError.BAD_OFFSET), () -> im.put32(-1, new int[1], 1));
        expectOneOf(Set.of(RsmError.BAD_MEM_ALIGNMENT, RsmError.BAD_OFFSET), () -> im.get16(-3, new short[1], 1));
    }

    @Test
    void negativeRepCountIsBadLength() {
        expect(RsmError.BAD_LENGTH, () -> im.put8(0, new byte[4], -1));
        expect(RsmError.BAD_LENGTH, () -> im.get16(0, new short[4], -1));
        expect(RsmError.BAD_LENGTH, () -> im.put32(0, new int[4], Integer.MIN_VALUE));
        expect(RsmError.BAD_LENGTH, () -> im.get64(0, new long[4], -5));
    }

    @Test
    void repCountLargerThanTheArrayIsBadLength() {
        expect(RsmError.BAD_LENGTH, () -> im.put8(0, new byte[0], 1));
        expect(RsmError.BAD_LENGTH, () -> im.get64(0, new long[1], Integer.MAX_VALUE));
        expect(RsmError.BAD_LENGTH, () -> im.put32(0, new int[3], 4));
    }

    @Test
    void nullDataIsBadAddr() {
        expect(RsmError.BAD_ADDR, () -> im.put(0, null));
        expect(RsmError.BAD_ADDR, () -> im.get(0, null));
        expect(RsmError.BAD_ADDR, () -> im.put8(0, null, 0));
        expect(RsmError.BAD_ADDR, () -> im.get64(0, null, 0));
    }

    @Test
    void readOnlyDestinationOfAGetIsRefused() {
        MemorySegment ro = MemorySegment.ofArray(new byte[8]).asReadOnly();
        expectOneOf(Set.of(RsmError.BAD_ADDR, RsmError.PERM_DENIED), () -> im.get(0, ro));
    }

    // ---------------------------------------------------------------- map

    @Test
    void mapWithNegativeOrHugeLengthsIsBadLength() {
        expect(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, -1));
        expect(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, Long.MAX_VALUE));
        expect(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, PAGE, Long.MAX_VALUE));
        expect(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, Long.MAX_VALUE - 4095, PAGE));
        expect(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, Long.MIN_VALUE));
    }

    @Test
    void mapWithANegativeOffsetIsRefused() {
        expectOneOf(Set.of(RsmError.BAD_LENGTH, RsmError.BAD_OFFSET, RsmError.BAD_MEM_ALIGNMENT, RsmError.MAP_FAILED),
                () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, -PAGE, PAGE));
        expectOneOf(Set.of(RsmError.BAD_LENGTH, RsmError.BAD_OFFSET, RsmError.BAD_MEM_ALIGNMENT, RsmError.MAP_FAILED),
                () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, Long.MIN_VALUE, PAGE));
    }

    @Test
    void mapWithNegativePermIsBadPerms() {
        expect(RsmError.BAD_PERMS, () -> im.map(Rsm.MAP_NONE, -1, 0, PAGE));
        expect(RsmError.BAD_PERMS, () -> im.map(Rsm.MAP_NONE, Integer.MIN_VALUE, 0, PAGE));
    }

    // ---------------------------------------------------------------- scatter/gather

    @Test
    void badIoVecsAreRefusedWithAResidualCount() {
        MemorySegment local = MemorySegment.ofArray(new byte[64]);
        List<IoVec> bad = List.of(new IoVec.Local(local, 0, 0, -1), new IoVec.Local(local, 0, -8, 8),
                new IoVec.Local(local, 0, Long.MAX_VALUE, 8), new IoVec.Local(local, 0, SIZE - 4, 8),
                new IoVec.Local(local, 0, 8, Long.MAX_VALUE), new IoVec.Local(local, -1, 0, 8),
                new IoVec.Local(local, 60, 0, 8), new IoVec.Local(local, Long.MAX_VALUE, 0, 8));
        for (IoVec v : bad) {
            ScatterGather sg = new ScatterGather(im, 0).add(v);
            expectOneOf(Set.of(RsmError.BAD_LENGTH, RsmError.BAD_OFFSET, RsmError.BAD_ADDR, RsmError.BAD_SGIO),
                    () -> im.putv(sg));
            assertTrue(sg.residualCount() > 0, "residual count after a refused " + v);
            ScatterGather sg2 = new ScatterGather(im, 0).add(v);
            expectOneOf(Set.of(RsmError.BAD_LENGTH, RsmError.BAD_OFFSET, RsmError.BAD_ADDR, RsmError.BAD_SGIO),
                    () -> im.getv(sg2));
        }
    }

    @Test
    void nullPartsOfIoVecsAreRefused() {
        expectOneOf(Set.of(RsmError.BAD_ADDR, RsmError.BAD_SGIO),
                () -> im.putv(new ScatterGather(im, 0).add(new IoVec.Local(null, 0, 0, 8))));
        expectOneOf(Set.of(RsmError.BAD_LOCALMEM_HNDL, RsmError.BAD_SGIO),
                () -> im.putv(new ScatterGather(im, 0).add(new IoVec.Handle(null, 0, 0, 8))));
        expectOneOf(Set.of(RsmError.BAD_ADDR, RsmError.BAD_SGIO), () -> im.putv(new ScatterGather(im, 0).add(null)));
    }

    // ---------------------------------------------------------------- ids, names, nulls

    @ParameterizedTest(name = "node {0}")
    @ValueSource(ints = { -1, 0, 3, 63, Integer.MIN_VALUE })
    void connectToANodeThatDoesNotExistIsRefused(int node) {
        expectOneOf(Set.of(RsmError.REMOTE_NODE_UNREACHABLE, RsmError.INTERNAL_ERROR),
                () -> importer.getController("emu0").connect(node, exported.id(), Rsm.PERM_READ));
    }

    @ParameterizedTest(name = "segment id {0}")
    @ValueSource(ints = { 0, -1, 1, 0x200000, Integer.MIN_VALUE })
    void connectToAnIdNeverPublishedIsSegNotPublished(int id) {
        expect(RsmError.SEG_NOT_PUBLISHED, () -> importer.getController("emu0").connect(1, id, Rsm.PERM_READ));
    }

    @Test
    void negativePermissionOnConnectIsPermDenied() {
        expect(RsmError.PERM_DENIED, () -> importer.getController("emu0").connect(1, exported.id(), -1));
        expect(RsmError.PERM_DENIED,
                () -> importer.getController("emu0").connect(1, exported.id(), Integer.MIN_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = { "emu99999999999999999999", "emu-1", "123", " emu0", "emu0 ", "\u0000" })
    void strangeControllerNamesAreNotPresent(String name) {
        expect(RsmError.CTLR_NOT_PRESENT, () -> importer.getController(name));
    }

    @Test
    void nullsWhereCChecksForNull() throws Exception {
        RsmLibrary p = exported.process();
        expect(RsmError.BAD_ADDR, () -> p.getController("emu0").createExportSegment(null, 0));
        Exported rebindable = TestCluster.create(p, "emu0", PAGE, Rsm.ALLOW_REBIND);
        expect(RsmError.BAD_ADDR, () -> rebindable.segment().rebind(null));
        expect(RsmError.BAD_SGIO, () -> im.putv(null));
        expect(RsmError.BAD_SGIO, () -> im.getv(null));
        expect(RsmError.BAD_MODE, () -> im.setMode(null));
        expect(RsmError.BAD_ADDR, () -> p.getSegmentIdRange(null));
        expect(RsmError.BAD_LOCALMEM_HNDL, () -> p.getController("emu0").freeLocalMemoryHandle(null));
        expectOneOf(Set.of(RsmError.BAD_ADDR, RsmError.BAD_LENGTH),
                () -> p.getController("emu0").createLocalMemoryHandle(null));
    }

    @Test
    void aclWithANullEntryIsRefused() throws Exception {
        Exported e = TestCluster.create(tc.process(1), "emu0", PAGE, 0);
        List<AccessEntry> acl = new ArrayList<>(Arrays.asList(new AccessEntry(2, 0600), null));
        expectOneOf(Set.of(RsmError.BAD_ACL, RsmError.BAD_ADDR), () -> e.segment().publish(0, acl));
    }

    @Test
    void pollListWithNullIsRefused() throws Exception {
        RsmLibrary p = exported.process();
        expectOneOf(Set.of(RsmError.BAD_ADDR, RsmError.BAD_ARGS_ERRORS), () -> p.signalWaitPollFd(null, 0));
        List<PollFd> withNull = new ArrayList<>();
        withNull.add(exported.segment().getPollFd());
        withNull.add(null);
        expectOneOf(Set.of(RsmError.BAD_ADDR, RsmError.BAD_ARGS_ERRORS), () -> p.signalWaitPollFd(withNull, 0));
    }

    @Test
    void foreignHeapMemoryIsBadAddr() throws Exception {
        RsmLibrary p = exported.process();
        expect(RsmError.BAD_ADDR,
                () -> p.getController("emu0").createExportSegment(MemorySegment.ofArray(new byte[(int) PAGE]), 0));
        expect(RsmError.BAD_ADDR, () -> p.getController("emu0").createLocalMemoryHandle(MemorySegment.ofArray(
                new byte[(int) PAGE])));
    }

    // ---------------------------------------------------------------- freed handles

    @Test
    void everyCallOnAFreedImportIsBadSegHndl() throws Exception {
        im.disconnect();
        expect(RsmError.BAD_SEG_HNDL, () -> im.put64(Long.MAX_VALUE, null, -1));
        expect(RsmError.BAD_SEG_HNDL, () -> im.get(-1, null));
        expect(RsmError.BAD_SEG_HNDL, () -> im.map(99, -1, -1, -1));
        expect(RsmError.BAD_SEG_HNDL, () -> im.putv(new ScatterGather(im, 0)));
        expect(RsmError.BAD_SEG_HNDL, () -> im.getv(new ScatterGather(im, 0)));
    }

    @Test
    void barrierOfADisconnectedSegmentIsRefused() throws Exception {
        var b = im.initBarrier(BarrierType.SEGMENT);
        im.disconnect();
        Set<RsmError> allowed = Set.of(RsmError.BARRIER_UNINITIALIZED, RsmError.BAD_SEG_HNDL,
                RsmError.BAD_BARRIER_PTR);
        expectOneOf(allowed, b::open);
        expectOneOf(allowed, b::close);
    }

    @Test
    void signalWaitForeverReturnsAtOnceWhenAnEventIsPending() throws Exception {
        im.signalPost(0);
        assertTimeoutPreemptively(LIMIT, () -> exported.segment().signalWait(-1));
    }
}
