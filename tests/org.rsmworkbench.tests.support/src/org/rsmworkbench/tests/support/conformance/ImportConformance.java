// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmErrorIn;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.hex;
import static org.rsmworkbench.tests.support.conformance.TestCluster.nextSegmentId;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** RSMAPI.md §3.3 (connect, disconnect, map, unmap) and the binding's reachability rules. */
@DisplayName("§3.3 import segments")
public abstract class ImportConformance {

    /** The cluster the suite runs on: its nodes 1..3, fully connected, each with a controller "emu0". */
    protected abstract ConformanceCluster tc();

    // ---------------------------------------------------------------- connect

    @Nested
    @DisplayName("import_connect, checks in order")
    class Connect {

        @Test
        void connectedSegmentDescribesItself() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = publish(p, 3 * PAGE, null);
            ImportSegment im = connect(q, "emu0", e, Rsm.PERM_READ);
            assertEquals(1, im.nodeId());
            assertEquals(e.id(), im.segmentId());
            assertEquals(3 * PAGE, im.size(), "segment size = the exporter's length");
            assertEquals(Rsm.PERM_READ, im.permission());
            assertEquals(BarrierMode.IMPLICIT, im.getMode(), "a new import starts in IMPLICIT mode");
        }

        @Test
        void releasedControllerFirst() throws Exception {
            RsmLibrary q = tc().process(2);
            RsmController c = q.getController("emu0");
            c.release();
            assertRsmError(RsmError.BAD_CTLR_HNDL, () -> c.connect(1, 0x400000, 0777));
        }

        @ParameterizedTest(name = "perm 0{0}")
        @ValueSource(ints = { 0700, 0644, 0640, 0060, 0004, 0001, 01600, 0x10000 })
        void permOutside0600IsPermDeniedBeforeAnyKernelCheck(int perm) throws Exception {
            RsmLibrary q = tc().process(2);
            // the node through loopback would be CTLR_NOT_PRESENT, the node 63 unreachable, the id unpublished
            assertRsmError(RsmError.PERM_DENIED, () -> q.getController("loopback").connect(3, 0x400000, perm));
            assertRsmError(RsmError.PERM_DENIED, () -> q.getController("emu0").connect(63, 0x400000, perm));
            assertRsmError(RsmError.PERM_DENIED, () -> q.getController("emu0").connect(1, 0x7ffffff0, perm));
        }

        @Test
        void loopbackToAnotherNodeIsCtlrNotPresentBeforeReachability() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = publish(p, PAGE, null);
            assertRsmError(RsmError.CTLR_NOT_PRESENT, () -> connect(q, "loopback", e, Rsm.PERM_READ));
            assertRsmError(RsmError.CTLR_NOT_PRESENT, () -> q.getController(null).connect(64, e.id(), 0));
        }

        @ParameterizedTest(name = "node {0}")
        @ValueSource(ints = { 64, 65, 1000, Integer.MAX_VALUE })
        void nodeIdOf64OrMoreIsUnreachable(int node) throws Exception {
            RsmLibrary q = tc().process(2);
            assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> q.getController("emu0").connect(node, 0x400000, 0));
        }

        @Test
        void nodeNotInTheClusterIsRefused() throws Exception {
            RsmLibrary q = tc().process(2);
            assertRsmErrorIn(Set.of(RsmError.REMOTE_NODE_UNREACHABLE, RsmError.INTERNAL_ERROR),
                    () -> q.getController("emu0").connect(9, 0x400000, Rsm.PERM_READ));
        }

        @Test
        void unknownIdIsSegNotPublished() throws Exception {
            RsmLibrary q = tc().process(2);
            int id = nextSegmentId();
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> q.getController("emu0").connect(1, id, Rsm.PERM_READ),
                    hex(id));
        }

        @Test
        void boundButUnpublishedIsSegNotPublished() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported created = TestCluster.create(p, "emu0", PAGE, 0);
            int id = nextSegmentId();
            created.segment().publish(id, null);
            created.segment().unpublish();
            assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> q.getController("emu0").connect(1, id, Rsm.PERM_READ));
        }

        @Test
        void nodeNotInTheAclIsSegNotPublishedToNodeBeforeThePermissionCheck() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(3, TestCluster.user(4242, 4242));
            Exported e = publish(p, PAGE, List.of(new AccessEntry(2, 0600)));
            assertRsmError(RsmError.SEG_NOT_PUBLISHED_TO_NODE, () -> connect(q, "emu0", e, Rsm.PERM_RDWR), "3");
        }

        @Test
        void permissionCheckGivesPermDenied() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported e = publish(p, PAGE, List.of(new AccessEntry(2, 0400)));
            assertRsmError(RsmError.PERM_DENIED, () -> connect(q, "emu0", e, Rsm.PERM_WRITE));
            assertRsmOk(() -> connect(q, "emu0", e, Rsm.PERM_READ));
        }

        @Test
        void connectThroughAForeignControllersSegmentIdOnTheOtherNodeIsIndependent() throws Exception {
            RsmLibrary p1 = tc().process(1);
            RsmLibrary p3 = tc().process(3);
            RsmLibrary q = tc().process(2);
            int id = nextSegmentId();
            Exported on1 = TestCluster.create(p1, "emu0", PAGE, 0);
            on1.segment().publish(id, null);
            Exported on3 = TestCluster.create(p3, "emu0", 2 * PAGE, 0);
            on3.segment().publish(id, null);
            assertEquals(PAGE, q.getController("emu0").connect(1, id, Rsm.PERM_READ).size());
            assertEquals(2 * PAGE, q.getController("emu0").connect(3, id, Rsm.PERM_READ).size());
        }
    }

    // ---------------------------------------------------------------- reachability

    @Nested
    @DisplayName("reachability (binding)")
    class Reachability {

        @Test
        void loopbackReachesLocalSegmentsOfAnyController() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary local = tc().process(1);
            Exported viaEmu = publish(p, "emu0", PAGE, null);
            Exported viaLoop = publish(p, "loopback", PAGE, null);
            assertRsmOk(() -> connect(local, "loopback", viaEmu, Rsm.PERM_RDWR));
            assertRsmOk(() -> connect(local, "loopback", viaLoop, Rsm.PERM_RDWR));
            assertRsmOk(() -> connect(local, "emu0", viaLoop, Rsm.PERM_RDWR));
            assertRsmOk(() -> connect(p, "loopback", viaEmu, Rsm.PERM_RDWR)); // even the exporting process
        }

        @Test
        void segmentExportedThroughLoopbackIsNotReachableFromOtherNodes() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            Exported viaLoop = publish(p, "loopback", PAGE, null);
            assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(q, "emu0", viaLoop, Rsm.PERM_READ));
        }

        @NotAcrossHosts("sets the links of the in-JVM cluster (across hosts a link is cut in HostsLaunchTest)")
        @Test
        void linkDownMakesTheNodeUnreachableAndLinkUpRestoresIt() throws Exception {
            RsmLibrary p = tc().process(1);
            RsmLibrary q = tc().process(2);
            RsmLibrary local = tc().process(1);
            Exported e = publish(p, PAGE, null);
            try {
                tc().cluster().setLink(1, "emu0", 2, "emu0", false);
                assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(q, "emu0", e, Rsm.PERM_READ));
                // the local node is always reachable through its own controller
                assertRsmOk(() -> connect(local, "emu0", e, Rsm.PERM_READ));
                // links are undirected: the reverse names the same link
                tc().cluster().setLink(2, "emu0", 1, "emu0", true);
                assertRsmOk(() -> connect(q, "emu0", e, Rsm.PERM_READ));
                tc().cluster().setLink(2, "emu0", 1, "emu0", false);
                assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(q, "emu0", e, Rsm.PERM_READ));
            } finally {
                tc().cluster().setLink(1, "emu0", 2, "emu0", true);
            }
            assertRsmOk(() -> connect(q, "emu0", e, Rsm.PERM_READ));
        }

        @NotAcrossHosts("sets the links of the in-JVM cluster (across hosts a link is cut in HostsLaunchTest)")
        @Test
        void unreachableIsCheckedBeforeThePublishedTable() throws Exception {
            RsmLibrary q = tc().process(2);
            try {
                tc().cluster().setLink(1, "emu0", 2, "emu0", false);
                assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE,
                        () -> q.getController("emu0").connect(1, nextSegmentId(), Rsm.PERM_READ));
            } finally {
                tc().cluster().setLink(1, "emu0", 2, "emu0", true);
            }
        }

        @NotAcrossHosts("runs on an in-JVM emulated cluster of its own")
        @Test
        void onlyALinkToTheExportingControllerReachesTheSegment() throws Exception {
            // node 1: emu0 + emu1; node 2: emu0 + emu1; only 1.emu0-2.emu0 and 1.emu1-2.emu0 are linked
            ClusterSpec spec = new ClusterSpec("two-rails", PAGE,
                    List.of(new NodeSpec(1, "a",
                            List.of(new ControllerSpec("emu0", ControllerSpec.DEFAULT_ATTRIBUTES),
                                    new ControllerSpec("emu1", ControllerSpec.DEFAULT_ATTRIBUTES))),
                            new NodeSpec(2, "b",
                                    List.of(new ControllerSpec("emu0", ControllerSpec.DEFAULT_ATTRIBUTES),
                                            new ControllerSpec("emu1", ControllerSpec.DEFAULT_ATTRIBUTES)))),
                    List.of(new LinkSpec(1, "emu0", 2, "emu0"), new LinkSpec(1, "emu1", 2, "emu0")));
            try (EmulatedClusterExtension rails = EmulatedClusterExtension.start(spec)) {
                RsmLibrary p = rails.process(2);
                RsmLibrary q = rails.process(1);
                Exported viaEmu0 = publish(p, "emu0", PAGE, null);
                Exported viaEmu1 = publish(p, "emu1", PAGE, null);
                assertRsmOk(() -> connect(q, "emu0", viaEmu0, Rsm.PERM_READ));
                assertRsmOk(() -> connect(q, "emu1", viaEmu0, Rsm.PERM_READ));
                assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(q, "emu0", viaEmu1, Rsm.PERM_READ));
                assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(q, "emu1", viaEmu1, Rsm.PERM_READ));
                rails.cluster().setLink(1, "emu1", 2, "emu0", false);
                assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(q, "emu1", viaEmu0, Rsm.PERM_READ));
                assertRsmOk(() -> connect(q, "emu0", viaEmu0, Rsm.PERM_READ));
                // local imports through either controller always work
                RsmLibrary local = rails.process(2);
                assertRsmOk(() -> connect(local, "emu0", viaEmu1, Rsm.PERM_READ));
                assertRsmOk(() -> connect(local, "emu1", viaEmu0, Rsm.PERM_READ));
            }
        }

        @NotAcrossHosts("runs on an in-JVM emulated cluster of its own")
        @Test
        void killedNodeIsUnreachableAndRestartedNodeIsEmpty() throws Exception {
            try (EmulatedClusterExtension own = EmulatedClusterExtension.start(3)) {
                RsmLibrary p = own.process(3);
                RsmLibrary q = own.process(1);
                Exported e = publish(p, PAGE, null);
                own.cluster().killNode(3);
                assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(q, "emu0", e, Rsm.PERM_READ));
                own.cluster().restartNode(3);
                assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> connect(q, "emu0", e, Rsm.PERM_READ));
            }
        }
    }

    // ---------------------------------------------------------------- disconnect

    @Nested
    @DisplayName("import_disconnect")
    class Disconnect {

        private ImportSegment connected() throws Exception {
            Exported e = publish(tc().process(1), 2 * PAGE, null);
            return connect(tc().process(2), "emu0", e, Rsm.PERM_RDWR);
        }

        @Test
        void disconnectTwiceIsBadSegHndl() throws Exception {
            ImportSegment im = connected();
            im.disconnect();
            assertRsmError(RsmError.BAD_SEG_HNDL, im::disconnect);
            assertRsmError(RsmError.BAD_SEG_HNDL, im::close);
        }

        @Test
        void closeIsDisconnect() throws Exception {
            ImportSegment im = connected();
            im.close();
            assertRsmError(RsmError.BAD_SEG_HNDL, im::disconnect);
        }

        @NotAcrossHosts("maps the segment, which a node on another host cannot (MAP_FAILED)")
        @Test
        void explicitMappingIsSegStillMappedBeforePollFd() throws Exception {
            ImportSegment im = connected();
            im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
            im.getPollFd();
            assertRsmError(RsmError.SEG_STILL_MAPPED, im::disconnect);
            im.unmap();
            assertRsmError(RsmError.POLLFD_IN_USE, im::disconnect);
            im.releasePollFd();
            assertRsmOk(im::disconnect);
        }

        @Test
        void implicitMappingIsRemovedAutomatically() throws Exception {
            ImportSegment im = connected();
            im.setMode(BarrierMode.EXPLICIT);
            im.put8(0, new byte[] { 1 }, 1);
            assertRsmOk(im::disconnect);
        }

        @Test
        void everyCallOnADisconnectedSegmentIsBadSegHndl() throws Exception {
            ImportSegment im = connected();
            im.disconnect();
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, PAGE));
            assertRsmError(RsmError.BAD_SEG_HNDL, im::unmap);
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.put8(0, new byte[1], 1));
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.get8(0, new byte[1], 1));
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.initBarrier(null));
            assertRsmError(RsmError.BAD_SEG_HNDL, im::getMode);
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.setMode(BarrierMode.EXPLICIT));
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.signalPost(0));
            assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.signalWait(0));
            assertRsmError(RsmError.BAD_SEG_HNDL, im::getPollFd);
            assertRsmError(RsmError.BAD_SEG_HNDL, im::releasePollFd);
        }
    }

    // ---------------------------------------------------------------- map / unmap

    @Nested
    @DisplayName("import_map / import_unmap")
    class Map {

        private Exported exported;
        private ImportSegment im;

        private void connectRdwr(long size) throws Exception {
            exported = publish(tc().process(1), size, null);
            im = connect(tc().process(2), "emu0", exported, Rsm.PERM_RDWR);
        }

        /**
         * A map whose checks pass: it maps where the exporter's node shares this host; across hosts, once every check of the
         * library has passed, the mmap of a controller without direct access fails (RSMAPI §3.3: ENOTSUP, MAP_FAILED).
         */
        private void assertMapsUnlessAcrossHosts(Executable map) {
            if (tc().acrossHosts()) {
                assertRsmError(RsmError.MAP_FAILED, map);
            } else {
                assertRsmOk(map);
            }
        }

        @NotAcrossHosts("maps the segment, which a node on another host cannot (MAP_FAILED)")
        @Test
        void mappingIsAWindowOntoTheExportersMemory() throws Exception {
            connectRdwr(4 * PAGE);
            MemorySegment m = im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, PAGE, 2 * PAGE);
            assertEquals(2 * PAGE, m.byteSize());
            exported.memory().set(ValueLayout.JAVA_INT, PAGE + 16, 0xCAFEBABE);
            assertEquals(0xCAFEBABE, m.get(ValueLayout.JAVA_INT, 16), "exporter's store seen through the map");
            m.set(ValueLayout.JAVA_LONG, PAGE + 8, 0x0123456789ABCDEFL);
            assertEquals(0x0123456789ABCDEFL, exported.memory().get(ValueLayout.JAVA_LONG, 2 * PAGE + 8),
                    "importer's store seen in the exporter's memory");
        }

        @NotAcrossHosts("maps the segment, which a node on another host cannot (MAP_FAILED)")
        @Test
        void mapFixedIsAccepted() throws Exception {
            connectRdwr(PAGE);
            assertEquals(PAGE, im.map(Rsm.MAP_FIXED, Rsm.PERM_RDWR, 0, PAGE).byteSize());
        }

        @Test
        void alreadyMappedIsCheckedBeforeThePermission() throws Exception {
            connectRdwr(2 * PAGE);
            if (tc().acrossHosts()) {
                im.setMode(BarrierMode.EXPLICIT);
                im.put8(0, new byte[] { 1 }, 1); // mapped implicitly: an explicit map is refused there
            } else {
                im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, PAGE);
            }
            assertRsmError(RsmError.SEG_ALREADY_MAPPED, () -> im.map(Rsm.MAP_NONE, 0777, 0, PAGE));
            assertRsmError(RsmError.SEG_ALREADY_MAPPED, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, PAGE, PAGE));
        }

        @Test
        void implicitMappingOfAPutCountsAsAMapping() throws Exception {
            connectRdwr(PAGE);
            im.setMode(BarrierMode.EXPLICIT);
            im.put8(0, new byte[] { 7 }, 1);
            assertRsmError(RsmError.SEG_ALREADY_MAPPED, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE));
            im.unmap(); // the implicit mapping can be removed
            assertMapsUnlessAcrossHosts(() -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE));
        }

        @ParameterizedTest(name = "perm 0{0}")
        @ValueSource(ints = { 0601, 0700, 01000 })
        void permAbove0600IsBadPermsBeforeTheLength(int perm) throws Exception {
            connectRdwr(PAGE);
            assertRsmError(RsmError.BAD_PERMS, () -> im.map(Rsm.MAP_NONE, perm, 100, 0));
        }

        @Test
        void permNoneIsBadPerms() throws Exception {
            connectRdwr(PAGE);
            assertRsmError(RsmError.BAD_PERMS, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_NONE, 0, PAGE));
        }

        @Test
        void zeroLengthIsBadLengthBeforeAlignment() throws Exception {
            connectRdwr(PAGE);
            assertRsmError(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 100, 0));
        }

        @Test
        void beyondTheSegmentIsBadLengthBeforeAlignment() throws Exception {
            connectRdwr(2 * PAGE);
            assertRsmError(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, 3 * PAGE));
            assertRsmError(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, PAGE, PAGE + 1));
            assertRsmError(RsmError.BAD_LENGTH, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 100, 2 * PAGE));
        }

        @Test
        void unalignedOffsetIsBadMemAlignment() throws Exception {
            connectRdwr(2 * PAGE);
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 100, PAGE));
            assertRsmError(RsmError.BAD_MEM_ALIGNMENT, () -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 8, 8));
            // an unaligned length inside the segment is fine
            assertMapsUnlessAcrossHosts(() -> im.map(Rsm.MAP_NONE, Rsm.PERM_READ, PAGE, 100));
        }

        @Test
        void protectionBeyondTheConnectionsModeIsBadPerms() throws Exception {
            exported = publish(tc().process(1), PAGE, null);
            ImportSegment ro = connect(tc().process(2), "emu0", exported, Rsm.PERM_READ);
            assertRsmError(RsmError.BAD_PERMS, () -> ro.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE));
            assertRsmError(RsmError.BAD_PERMS, () -> ro.map(Rsm.MAP_NONE, Rsm.PERM_WRITE, 0, PAGE));
            assertMapsUnlessAcrossHosts(() -> ro.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, PAGE));
        }

        @NotAcrossHosts("maps the segment, which a node on another host cannot (MAP_FAILED)")
        @Test
        void readOnlyImportIsMappedReadOnly() throws Exception {
            exported = publish(tc().process(1), PAGE, null);
            exported.memory().set(ValueLayout.JAVA_INT, 0, 42);
            ImportSegment ro = connect(tc().process(2), "emu0", exported, Rsm.PERM_READ);
            MemorySegment m = ro.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, PAGE);
            assertEquals(42, m.get(ValueLayout.JAVA_INT, 0));
            assertTrue(m.isReadOnly());
            RuntimeException t = assertThrows(RuntimeException.class, () -> m.set(ValueLayout.JAVA_INT, 0, 1));
            assertTrue(t instanceof UnsupportedOperationException || t instanceof IllegalArgumentException,
                    "a store into a read-only mapping throws as MemorySegment does: " + t);
            assertEquals(42, exported.memory().get(ValueLayout.JAVA_INT, 0));
        }

        @NotAcrossHosts("maps the segment, which a node on another host cannot (MAP_FAILED)")
        @Test
        void readMappingOfAReadWriteConnectionIsReadOnly() throws Exception {
            connectRdwr(PAGE);
            MemorySegment m = im.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, PAGE);
            assertTrue(m.isReadOnly(), "the permission of the mapping lacks PERM_WRITE");
        }

        @NotAcrossHosts("maps the segment, which a node on another host cannot (MAP_FAILED)")
        @Test
        void unmapNotMappedIsSegNotMapped() throws Exception {
            connectRdwr(PAGE);
            assertRsmError(RsmError.SEG_NOT_MAPPED, im::unmap);
            im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
            im.unmap();
            assertRsmError(RsmError.SEG_NOT_MAPPED, im::unmap);
            // map again after unmap
            assertRsmOk(() -> im.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE));
        }

        @Test
        void localImportThroughLoopbackMapsTheSameMemory() throws Exception {
            RsmLibrary p = tc().process(1);
            Exported e = publish(p, PAGE, null);
            ImportSegment local = connect(tc().process(1), "loopback", e, Rsm.PERM_RDWR);
            MemorySegment m = local.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, PAGE);
            m.set(ValueLayout.JAVA_SHORT, 2, (short) 0x7F7F);
            assertEquals((short) 0x7F7F, e.memory().get(ValueLayout.JAVA_SHORT, 2));
        }
    }
}
