// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;
import static org.rsmworkbench.tests.support.conformance.TestCluster.create;
import static org.rsmworkbench.tests.support.conformance.TestCluster.hex;
import static org.rsmworkbench.tests.support.conformance.TestCluster.nextSegmentId;
import static org.rsmworkbench.tests.support.conformance.TestCluster.openTo;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ControllerAttributes;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** RSMAPI.md §3.2 (export side) and §2.2 (segment-id space), with the binding's caps. */
@DisplayName("§3.2 export segments")
public abstract class ExportConformance {

    /** The cluster the suite runs on: its nodes 1..3, fully connected, each with a controller "emu0". */
    protected abstract ConformanceCluster tc();

    // ---------------------------------------------------------------- create

    @Nested
    @DisplayName("export_create")
    class Create {

        @Test
        void createsASegmentOfTheMemorysLength() throws Exception {
            RsmLibrary p = tc().process(1);
            Exported e = create(p, "emu0", 3 * PAGE, 0);
            assertEquals(3 * PAGE, e.segment().size());
        }

        @Test
        void aPageAlignedSliceOfAllocatedMemoryMayBeExported() throws Exception {
            RsmLibrary p = tc().process(1);
            MemorySegment m = p.allocate(4 * PAGE);
            ExportSegment s = p.getController("emu0").createExportSegment(m.asSlice(PAGE, 2 * PAGE), 0);
            assertEquals(2 * PAGE, s.size());
        }

        @Test
        void releasedControllerIsCheckedFirst() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmController c = p.getController("emu0");
            c.release();
            assertRsmError(RsmError.BAD_CTLR_HNDL, () -> c.createExportSegment(null, 0));
        }

        @Test
        void nullMemoryIsBadAddr() throws Exception {
            RsmLibrary p = tc().process(1);
            assertRsmError(RsmError.BAD_ADDR, () -> p.getController("emu0").createExportSegment(null, 0));
        }

        @Test
        void zeroLengthIsBadLengthBeforeAlignment() throws Exception {
            RsmLibrary p = tc().process(1);
            MemorySegment m = p.allocate(PAGE);
            RsmController c = p.getController("emu0");
            assertRsmError(RsmError.BAD_LENGTH, () -> c.createExportSegment(m.asSlice(0, 0), 0));
            assertRsmError(RsmError.BAD_LENGTH, () -> c.createExportSegment(m.asSlice(100, 0), 0));
        }

        @Test
        void unalignedAddressOrLengthIsBadMemAlignment() throws Exception {
            RsmLibrary p = tc().process(1);
            MemorySegment m = p.allocate(4 * PAGE);
            RsmController c = p.getController("emu0");
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> c.createExportSegment(m.asSlice(100, PAGE), 0));
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> c.createExportSegment(m.asSlice(0, PAGE + 1), 0));
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> c.createExportSegment(m.asSlice(0, 100), 0));
        }

        @Test
        void memoryNotAllocatedByThisProcessIsBadAddr() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary other = tc().process(1);
            RsmController c = p.getController("emu0");
            MemorySegment foreign = other.allocate(PAGE);
            assertRsmError(RsmError.BAD_ADDR, () -> c.createExportSegment(foreign, 0));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment nativeMem = arena.allocate(PAGE, PAGE);
                assertRsmError(RsmError.BAD_ADDR, () -> c.createExportSegment(nativeMem, 0));
            }
        }

        /** The library's length and alignment checks come before the kernel's page locking (BAD_ADDR). */
        @Test
        void libraryChecksComeBeforeTheForeignMemoryCheck() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary other = tc().process(1);
            RsmController c = p.getController("emu0");
            MemorySegment foreign = other.allocate(4 * PAGE);
            assertRsmError(RsmError.BAD_LENGTH, () -> c.createExportSegment(foreign.asSlice(0, 0), 0));
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> c.createExportSegment(foreign.asSlice(8, PAGE), 0));
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> c.createExportSegment(foreign.asSlice(0, 100), 0));
        }

        @Test
        void allFlagsAreAccepted() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmController c = p.getController("emu0");
            for (int flags : new int[] { 0, Rsm.ALLOW_REBIND, Rsm.CREATE_SEG_DONTWAIT, Rsm.LOCK_OPS,
                    Rsm.ALLOW_REBIND | Rsm.CREATE_SEG_DONTWAIT | Rsm.LOCK_OPS }) {
                assertRsmOk(() -> c.createExportSegment(p.allocate(PAGE), flags));
            }
        }
    }

    // ---------------------------------------------------------------- caps

    @NotAcrossHosts("runs on in-JVM emulated clusters of small caps")
    @Nested
    @DisplayName("caps of the exporting controller")
    class Caps {

        /** max segment 4 pages, total 6 pages, at most 3 segments. */
        private static final ControllerAttributes SMALL = new ControllerAttributes(
                Rsm.DAS8 | Rsm.DAS16 | Rsm.DAS32 | Rsm.DAS64, 0, PAGE, 4 * PAGE, 6 * PAGE, 3, 1L << 30, 8L << 30,
                4095);

        @Test
        void maxExportSegmentSizeIsBadLengthButNotOnLoopback() throws Exception {
            try (EmulatedClusterExtension small = EmulatedClusterExtension.start(TestCluster.specWithAttributes(2, SMALL))) {
                RsmLibrary p = small.process(1);
                RsmController emu = p.getController("emu0");
                assertRsmOk(() -> emu.createExportSegment(p.allocate(4 * PAGE), 0).destroy());
                assertRsmError(RsmError.BAD_LENGTH, () -> emu.createExportSegment(p.allocate(5 * PAGE), 0));
                // the alignment check comes before the size check
                MemorySegment big = p.allocate(6 * PAGE);
                assertRsmError(RsmError.BAD_MEM_ALIGNMENT,
                        () -> emu.createExportSegment(big.asSlice(0, 5 * PAGE + 1), 0));
                // loopback reports 0 and skips the check
                assertRsmOk(() -> p.getController("loopback").createExportSegment(p.allocate(5 * PAGE), 0));
            }
        }

        @Test
        void totalExportedMemoryIsCappedOverAllProcessesOfTheNode() throws Exception {
            try (EmulatedClusterExtension small = EmulatedClusterExtension.start(TestCluster.specWithAttributes(2, SMALL))) {
                RsmLibrary a = small.process(1);
                RsmLibrary b = small.process(1);
                ExportSegment four = a.getController("emu0").createExportSegment(a.allocate(4 * PAGE), 0);
                // exactly at the cap is allowed
                ExportSegment two = b.getController("emu0").createExportSegment(b.allocate(2 * PAGE), 0);
                assertRsmError(RsmError.INSUFFICIENT_MEM,
                        () -> b.getController("emu0").createExportSegment(b.allocate(PAGE), 0));
                // another node has its own cap
                RsmLibrary n2 = small.process(2);
                assertRsmOk(() -> n2.getController("emu0").createExportSegment(n2.allocate(4 * PAGE), 0));
                // destroy gives the memory back
                two.destroy();
                assertRsmOk(() -> b.getController("emu0").createExportSegment(b.allocate(2 * PAGE), 0));
                four.destroy();
            }
        }

        @Test
        void numberOfSegmentsIsCappedOverAllProcessesOfTheNode() throws Exception {
            try (EmulatedClusterExtension small = EmulatedClusterExtension.start(TestCluster.specWithAttributes(2, SMALL))) {
                RsmLibrary a = small.process(1);
                RsmLibrary b = small.process(1);
                a.getController("emu0").createExportSegment(a.allocate(PAGE), 0);
                a.getController("emu0").createExportSegment(a.allocate(PAGE), 0);
                ExportSegment third = b.getController("emu0").createExportSegment(b.allocate(PAGE), 0);
                assertRsmError(RsmError.INSUFFICIENT_RESOURCES,
                        () -> b.getController("emu0").createExportSegment(b.allocate(PAGE), 0));
                third.destroy();
                assertRsmOk(() -> b.getController("emu0").createExportSegment(b.allocate(PAGE), 0));
            }
        }

        @Test
        void aClosedProcessGivesItsExportedMemoryBack() throws Exception {
            try (EmulatedClusterExtension small = EmulatedClusterExtension.start(TestCluster.specWithAttributes(2, SMALL))) {
                RsmLibrary a = small.process(1);
                a.getController("emu0").createExportSegment(a.allocate(4 * PAGE), 0);
                a.getController("emu0").createExportSegment(a.allocate(2 * PAGE), 0);
                a.close();
                RsmLibrary b = small.process(1);
                assertRsmOk(() -> b.getController("emu0").createExportSegment(b.allocate(4 * PAGE), 0));
            }
        }
    }

    // ---------------------------------------------------------------- publish and ids

    @Nested
    @DisplayName("publish and the segment-id space (§2.2)")
    class Publish {

        @NotAcrossHosts("runs on an in-JVM emulated cluster of its own")
        @Test
        void idZeroAssignsIdsFrom0x80000000Upwards() throws Exception {
            try (EmulatedClusterExtension fresh = EmulatedClusterExtension.start(2)) {
                RsmLibrary p = fresh.process(1);
                int first = create(p, "emu0", PAGE, 0).segment().publish(0, null);
                int second = create(p, "emu0", PAGE, 0).segment().publish(0, null);
                assertEquals(0x80000000, first, "the first assigned id is 0x80000000, got " + hex(first));
                assertTrue(Integer.compareUnsigned(second, first) > 0,
                        "assigned ids count up: " + hex(first) + " then " + hex(second));
                // another node assigns its own ids, from the same range
                RsmLibrary q = fresh.process(2);
                int other = create(q, "emu0", PAGE, 0).segment().publish(0, null);
                assertTrue(Integer.compareUnsigned(other, 0x80000000) >= 0, hex(other));
            }
        }

        @Test
        void assignedIdCanBeConnectedTo() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = create(p, "emu0", PAGE, 0);
            int id = e.segment().publish(0, openTo(2));
            assertTrue(Integer.compareUnsigned(id, 0x80000000) >= 0, hex(id));
            ImportSegment im = q.getController("emu0").connect(1, id, Rsm.PERM_RDWR);
            assertEquals(id, im.segmentId());
            assertEquals(1, im.nodeId());
        }

        @ParameterizedTest(name = "id {0}")
        @ValueSource(ints = { 1, 0x0FFFFF, 0x100000, 0x1FFFFF, 0x200000, 0x2FFFFF, 0x300000, 0x3FFFFF, 0x80000000,
                0x80000001, 0xFFFFFFFF, 0xC0000000 })
        void reservedIdsAreRejected(int id) throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            assertRsmError(RsmError.RESERVED_SEGID, () -> s.publish(id, null));
            // nothing changed: still unpublished, so a usable id works
            assertRsmOk(() -> s.publish(nextSegmentId(), null));
        }

        @ParameterizedTest(name = "id {0}")
        @ValueSource(ints = { 0x400000, 0x4FFFFF, 0x500000, 0x5FFFFF, 0x600000, 0x7FFFFFFF })
        void applicationRangeIsUsable(int id) throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            assertEquals(id, s.publish(id, null));
            s.destroy();
        }

        @Test
        void duplicateIdOnTheSameNodeIsSegidInUse() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary sameNode = tc().process(1);
            RsmLibrary otherNode = tc().process(2);
            int id = nextSegmentId();
            create(p, "emu0", PAGE, 0).segment().publish(id, null);
            ExportSegment again = create(p, "emu0", PAGE, 0).segment();
            assertRsmError(RsmError.SEGID_IN_USE, () -> again.publish(id, null), hex(id));
            ExportSegment fromOtherProcess = create(sameNode, "emu0", PAGE, 0).segment();
            assertRsmError(RsmError.SEGID_IN_USE, () -> fromOtherProcess.publish(id, null));
            // via another controller of the same node as well: ids are unique per node
            ExportSegment viaLoopback = create(sameNode, "loopback", PAGE, 0).segment();
            assertRsmError(RsmError.SEGID_IN_USE, () -> viaLoopback.publish(id, null));
            // ids are unique per exporting node only
            assertRsmOk(() -> create(otherNode, "emu0", PAGE, 0).segment().publish(id, null));
        }

        @Test
        void unpublishedOrDestroyedIdIsFreeAgain() throws Exception {
            RsmLibrary p = tc().process(1);
            int id = nextSegmentId();
            ExportSegment a = create(p, "emu0", PAGE, 0).segment();
            a.publish(id, null);
            a.unpublish();
            ExportSegment b = create(p, "emu0", PAGE, 0).segment();
            assertEquals(id, b.publish(id, null));
            b.destroy();
            assertEquals(id, a.publish(id, null));
        }

        @Test
        void alreadyPublishedIsCheckedBeforeTheReservedId() throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            s.publish(nextSegmentId(), null);
            assertRsmError(RsmError.SEG_ALREADY_PUBLISHED, () -> s.publish(1, null));
            assertRsmError(RsmError.SEG_ALREADY_PUBLISHED, () -> s.publish(nextSegmentId(), null));
        }

        @Test
        void alreadyPublishedIsCheckedBeforeTheAcl() throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            s.publish(nextSegmentId(), null);
            assertRsmError(RsmError.SEG_ALREADY_PUBLISHED, () -> s.publish(0, List.of(new AccessEntry(99, 0777))));
        }

        @Test
        void reservedIdIsCheckedBeforeTheAcl() throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            assertRsmError(RsmError.RESERVED_SEGID, () -> s.publish(0x200000, List.of(new AccessEntry(99, 0777))));
        }

        @Test
        void badAclIsCheckedBeforeTheDuplicateId() throws Exception {
            RsmLibrary p = tc().process(1);
            int id = nextSegmentId();
            create(p, "emu0", PAGE, 0).segment().publish(id, null);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            assertRsmError(RsmError.BAD_ACL, () -> s.publish(id, List.of(new AccessEntry(2, 0777))));
        }

        @Test
        void destroyedSegmentIsBadSegHndlBeforeAnythingElse() throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            s.destroy();
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.publish(1, List.of(new AccessEntry(99, 0777))));
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.publish(nextSegmentId(), null));
            assertRsmError(RsmError.BAD_SEG_HNDL, s::unpublish);
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.republish(null));
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.rebind(p.allocate(PAGE)));
            assertRsmError(RsmError.BAD_SEG_HNDL, s::destroy);
        }

        @Test
        void nullAndEmptyAclMeanEveryNode() throws Exception {
            RsmLibrary p = tc().process(1);
            Exported a = publish(p, PAGE, null);
            Exported b = publish(p, PAGE, List.of());
            for (int node = 1; node <= 3; node++) {
                RsmLibrary q = tc().process(node);
                assertRsmOk(() -> connect(q, "emu0", a, Rsm.PERM_READ).disconnect());
                assertRsmOk(() -> connect(q, "emu0", b, Rsm.PERM_READ).disconnect());
            }
        }
    }

    // ---------------------------------------------------------------- ACL validation

    @Nested
    @DisplayName("ACL validation (BAD_ACL)")
    class AclValidation {

        private void assertBadAcl(String controller, List<AccessEntry> acl) throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, controller, PAGE, 0).segment();
            assertRsmError(RsmError.BAD_ACL, () -> s.publish(nextSegmentId(), acl));
            s.publish(nextSegmentId(), null);
            assertRsmError(RsmError.BAD_ACL, () -> s.republish(acl));
        }

        private void assertGoodAcl(String controller, List<AccessEntry> acl) throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, controller, PAGE, 0).segment();
            assertRsmOk(() -> s.publish(nextSegmentId(), acl));
            assertRsmOk(() -> s.republish(acl));
        }

        @Test
        void atMost64Entries() throws Exception {
            List<AccessEntry> acl = new ArrayList<>(Collections.nCopies(64, new AccessEntry(2, 0600)));
            assertGoodAcl("emu0", acl);
            acl.add(new AccessEntry(2, 0600));
            assertBadAcl("emu0", acl);
        }

        @ParameterizedTest
        @ValueSource(ints = { 65, 100, -1, Integer.MIN_VALUE })
        void nodeAbove64(int node) throws Exception {
            assertBadAcl("emu0", List.of(new AccessEntry(2, 0600), new AccessEntry(node, 0600)));
        }

        @ParameterizedTest
        @ValueSource(ints = { 0667, 0700, 0777, 01000, -1 })
        void permissionAbove0666(int perm) throws Exception {
            assertBadAcl("emu0", List.of(new AccessEntry(2, perm)));
        }

        @ParameterizedTest
        @ValueSource(ints = { 0, 0666, 0624, 0400 })
        void permissionsUpTo0666AreAccepted(int perm) throws Exception {
            assertGoodAcl("emu0", List.of(new AccessEntry(2, perm), new AccessEntry(3, perm)));
        }

        @Test
        void loopbackAclHasAtMostOneEntryNamingTheLocalNode() throws Exception {
            assertGoodAcl("loopback", List.of(new AccessEntry(1, 0600)));
            assertGoodAcl("loopback", List.of());
            assertBadAcl("loopback", List.of(new AccessEntry(1, 0600), new AccessEntry(1, 0600)));
            assertBadAcl("loopback", List.of(new AccessEntry(2, 0600)));
        }

        @Test
        void republishOrderBadSegHndlThenNotPublishedThenBadAcl() throws Exception {
            RsmLibrary p = tc().process(1);
            List<AccessEntry> bad = List.of(new AccessEntry(2, 0777));
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> s.republish(bad));
            s.destroy();
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> s.republish(bad));
        }
    }

    // ---------------------------------------------------------------- unpublish, republish, destroy

    @Nested
    @DisplayName("unpublish / republish / destroy")
    class StateMachine {

        @Test
        void unpublishOrRepublishOfABoundSegmentIsNotPublished() throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, s::unpublish);
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> s.republish(null));
            s.publish(nextSegmentId(), null);
            s.unpublish();
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, s::unpublish);
        }

        @Test
        void unpublishRefusesNewConnects() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = publish(p, PAGE, null);
            e.segment().unpublish();
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> connect(q, "emu0", e, Rsm.PERM_READ), hex(e.id()));
            e.segment().publish(e.id(), null);
            assertRsmOk(() -> connect(q, "emu0", e, Rsm.PERM_READ));
        }

        @Test
        void republishKeepsTheIdAndReplacesTheAcl() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q2 = tc().process(2);
            RsmLibrary q3 = tc().process(3);
            Exported e = publish(p, PAGE, openTo(2));
            assertRsmError(RsmError.SEG_NOT_PUBLISHED_TO_NODE, () -> connect(q3, "emu0", e, Rsm.PERM_READ));
            e.segment().republish(openTo(3));
            assertRsmOk(() -> connect(q3, "emu0", e, Rsm.PERM_READ));
            assertRsmError(RsmError.SEG_NOT_PUBLISHED_TO_NODE, () -> connect(q2, "emu0", e, Rsm.PERM_READ));
        }

        @Test
        void destroyTwiceIsBadSegHndl() throws Exception {
            RsmLibrary p = tc().process(1);
            ExportSegment s = create(p, "emu0", PAGE, 0).segment();
            s.destroy();
            assertRsmError(RsmError.BAD_SEG_HNDL, s::destroy);
        }

        @Test
        void destroyOfAPublishedSegmentUnpublishesIt() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = publish(p, PAGE, null);
            e.segment().destroy();
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> connect(q, "emu0", e, Rsm.PERM_READ));
        }

        @Test
        void destroyWithAPollFdHeldIsPollFdInUseAndChangesNothing() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = publish(p, PAGE, null);
            e.segment().getPollFd();
            assertRsmError(RsmError.POLLFD_IN_USE, e.segment()::destroy);
            assertRsmOk(() -> connect(q, "emu0", e, Rsm.PERM_READ)); // still published
            e.segment().releasePollFd();
            assertRsmOk(e.segment()::destroy);
        }
    }

    // ---------------------------------------------------------------- rebind

    @Nested
    @DisplayName("export_rebind")
    class Rebind {

        @Test
        void withoutAllowRebindIsRebindNotAllowed() throws Exception {
            RsmLibrary p = tc().process(1);
            Exported e = create(p, "emu0", PAGE, 0);
            assertRsmError(RsmError.REBIND_NOT_ALLOWED, () -> e.segment().rebind(p.allocate(PAGE)));
            // and before the length check
            assertRsmError(RsmError.REBIND_NOT_ALLOWED, () -> e.segment().rebind(p.allocate(2 * PAGE)));
        }

        @Test
        void nullMemoryIsBadAddrBeforeTheRebindFlag() throws Exception {
            RsmLibrary p = tc().process(1);
            Exported e = create(p, "emu0", PAGE, 0);
            assertRsmError(RsmError.BAD_ADDR, () -> e.segment().rebind(null));
        }

        @Test
        void differentLengthIsBadLength() throws Exception {
            RsmLibrary p = tc().process(1);
            Exported e = create(p, "emu0", 2 * PAGE, Rsm.ALLOW_REBIND);
            assertRsmError(RsmError.BAD_LENGTH, () -> e.segment().rebind(p.allocate(PAGE)));
            assertRsmError(RsmError.BAD_LENGTH, () -> e.segment().rebind(p.allocate(3 * PAGE)));
            assertEquals(2 * PAGE, e.segment().size());
        }

        @Test
        void foreignMemoryIsBadAddr() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary other = tc().process(1);
            Exported e = create(p, "emu0", PAGE, Rsm.ALLOW_REBIND);
            assertRsmError(RsmError.BAD_ADDR, () -> e.segment().rebind(other.allocate(PAGE)));
        }

        @Test
        void lengthIsCheckedBeforeTheForeignMemory() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary other = tc().process(1);
            Exported e = create(p, "emu0", PAGE, Rsm.ALLOW_REBIND);
            assertRsmError(RsmError.BAD_LENGTH, () -> e.segment().rebind(other.allocate(2 * PAGE)));
        }

        @Test
        void rebindIsTransparentToImporters() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = create(p, "emu0", PAGE, Rsm.ALLOW_REBIND);
            int id = e.segment().publish(nextSegmentId(), null);
            Exported published = new Exported(p, e.controller(), e.memory(), e.segment(), id);
            e.memory().set(ValueLayout.JAVA_LONG, 0, 0x1111L);
            ImportSegment im = connectReady(q, published, Rsm.PERM_RDWR);
            long[] v = new long[1];
            im.get64(0, v, 1);
            assertEquals(0x1111L, v[0]);

            MemorySegment fresh = p.allocate(PAGE);
            fresh.set(ValueLayout.JAVA_LONG, 0, 0x2222L);
            e.segment().rebind(fresh);
            im.get64(0, v, 1);
            assertEquals(0x2222L, v[0], "the importer reads the new pages");
            im.put64(8, new long[] { 0x3333L }, 1);
            assertEquals(0x3333L, fresh.get(ValueLayout.JAVA_LONG, 8), "the importer writes the new pages");
            assertNotEquals(0x3333L, e.memory().get(ValueLayout.JAVA_LONG, 8), "old pages are no longer exported");
            // still published under the same id
            assertRsmOk(() -> connect(q, "emu0", published, Rsm.PERM_READ).disconnect());
            // rebinding to the same memory succeeds and does nothing
            assertRsmOk(() -> e.segment().rebind(fresh));
        }

        @Test
        void rebindOfAnUnpublishedSegmentWorks() throws Exception {
            RsmLibrary p = tc().process(1);
            Exported e = create(p, "emu0", PAGE, Rsm.ALLOW_REBIND);
            assertRsmOk(() -> e.segment().rebind(p.allocate(PAGE)));
            assertRsmOk(() -> e.segment().publish(nextSegmentId(), null));
        }
    }
}
