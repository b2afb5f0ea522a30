// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.MemoryByte;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.debug.ClusterDebugTarget;
import org.rsmworkbench.core.debug.SegmentExpression;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** Segments as memory blocks of the Memory view: expressions, bytes, flags from the ACL and history, writes. */
class SegmentMemoryBlockTest {
    private static final Credentials OWNER = new Credentials(100, 10, Set.of(), 022, false);
    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private static RsmLibrary exporter;
    private static ClusterDebugTarget target;

    @BeforeAll
    static void start() throws Exception {
        exporter = tc.cluster().process(1, OWNER); // the class's exporter: closed with the cluster, not after a test
        target = new ClusterDebugTarget(new Launch(null, ILaunchManager.DEBUG_MODE, null), tc.cluster());
    }

    private static int publish(MemorySegment memory, List<AccessEntry> acl) throws Exception {
        return exporter.getController(null).createExportSegment(memory, 0).publish(0, acl);
    }

    @Test
    void expressionsNameNodeSegmentAndOffset() {
        assertEquals(new SegmentExpression(1, 0x400000, 0x40), SegmentExpression.parse(" 1:0x400000+0x40 "));
        assertEquals(new SegmentExpression(2, 4194304, 16), SegmentExpression.parse("2:4194304+16"));
        assertEquals(new SegmentExpression(3, 0x80000001, 0), SegmentExpression.parse("3:0x80000001"));
        for (String bad : List.of("", "1", ":5", "1:zz", "1:0x400000+", "-1:5", "1:0x1ffffffff")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentExpression.parse(bad));
            assertTrue(e.getMessage().contains("node:segment[+offset]"), e.getMessage());
        }
    }

    @Test
    void blockShowsTheSegmentWithChangedBytes() throws Exception {
        MemorySegment memory = exporter.allocate(8192);
        int id = publish(memory, List.of(new AccessEntry(1, 0600)));
        memory.set(ValueLayout.JAVA_INT_UNALIGNED, 0x44, 0x04030201);
        IMemoryBlockExtension block = target.getExtendedMemoryBlock("1:0x" + Integer.toHexString(id) + "+0x40", null);
        assertEquals(BigInteger.valueOf(0x40), block.getBigBaseAddress());
        assertEquals(BigInteger.valueOf(8192 - 0x40), block.getBigLength());
        MemoryByte[] bytes = block.getBytesFromOffset(BigInteger.ZERO, 16);
        assertEquals(1, bytes[4].getValue());
        assertEquals(4, bytes[7].getValue());
        assertTrue(bytes[0].isReadable() && bytes[0].isWritable(), "the ACL lets node 1 write");
        assertTrue(!bytes[0].isHistoryKnown(), "first read: no history");
        memory.set(ValueLayout.JAVA_BYTE, 0x45, (byte) 9);
        bytes = block.getBytesFromOffset(BigInteger.ZERO, 16);
        assertTrue(bytes[5].isChanged() && bytes[5].isHistoryKnown(), "the changed byte is flagged");
        assertTrue(!bytes[4].isChanged(), "an unchanged byte is not");
        MemoryByte[] pastEnd = block.getBytesFromAddress(BigInteger.valueOf(8190), 4);
        assertTrue(pastEnd[1].isReadable() && !pastEnd[2].isReadable(), "bytes past the end are unreadable");

        block.setValue(BigInteger.valueOf(8), new byte[] {0x7f});
        assertEquals(0x7f, memory.get(ValueLayout.JAVA_BYTE, 0x48), "written through an RSM put");
        block.dispose();
    }

    @Test
    void aChangeIsAnnouncedWithoutARead_andEveryReaderSeesTheSameChangedBytes() throws Exception {
        MemorySegment memory = exporter.allocate(4096);
        int id = publish(memory, List.of(new AccessEntry(1, 0666)));
        IMemoryBlockExtension block = target.getExtendedMemoryBlock("1:0x" + Integer.toHexString(id), null);
        List<DebugEvent> changes = new CopyOnWriteArrayList<>();
        IDebugEventSetListener listener = events -> {
            for (DebugEvent event : events) {
                if (event.getSource() == block && event.getKind() == DebugEvent.CHANGE && event.getDetail() == DebugEvent.CONTENT) {
                    changes.add(event);
                }
            }
        };
        DebugPlugin.getDefault().addDebugEventListener(listener);
        try {
            assertTrue(block.supportsChangeManagement(), "the renderings use the block's CHANGED flags");
            block.getBytesFromOffset(BigInteger.ZERO, 64); // a rendering shows the first 64 bytes
            Thread.sleep(3 * ClusterDebugTarget.POLL_MILLIS);
            assertEquals(List.of(), changes, "nothing changed, nothing announced");

            memory.set(ValueLayout.JAVA_BYTE, 10, (byte) 0x5a); // as a put from any node would
            assertTrue(waitFor(() -> !changes.isEmpty(), Duration.ofSeconds(5)), "the change is announced without anybody reading");
            // two renderings, reading rows of their own and in any order, mark the same byte
            for (int reader = 0; reader < 2; reader++) {
                MemoryByte[] row = block.getBytesFromOffset(BigInteger.ZERO, 16);
                assertEquals(0x5a, row[10].getValue());
                assertTrue(row[10].isChanged() && row[10].isHistoryKnown(), "reader " + reader + ": the byte is changed");
                assertTrue(!row[9].isChanged() && row[9].isHistoryKnown(), "reader " + reader + ": its neighbour is not");
                assertTrue(block.getBytesFromOffset(BigInteger.valueOf(8), 8)[2].isChanged(), "reader " + reader + ", other row");
            }

            changes.clear();
            memory.set(ValueLayout.JAVA_BYTE, 40, (byte) 1);
            assertTrue(waitFor(() -> !changes.isEmpty(), Duration.ofSeconds(5)), "the next change is announced");
            MemoryByte[] bytes = block.getBytesFromOffset(BigInteger.ZERO, 64);
            assertTrue(bytes[40].isChanged() && !bytes[10].isChanged(), "changed since the previous change only");

            block.dispose();
            changes.clear();
            memory.set(ValueLayout.JAVA_BYTE, 41, (byte) 1);
            Thread.sleep(3 * ClusterDebugTarget.POLL_MILLIS);
            assertEquals(List.of(), changes, "a disposed block is not polled");
            assertThrows(DebugException.class, () -> block.getBytesFromOffset(BigInteger.ZERO, 1));
        } finally {
            DebugPlugin.getDefault().removeDebugEventListener(listener);
        }
    }

    @Test
    void anEditIsPutByAProcessTheAclLetsWrite() throws Exception {
        // published to node 2 only, and only to members of the creator's group: not to the creator on its own node
        MemorySegment memory = exporter.allocate(4096);
        int id = exporter.getController("emu0").createExportSegment(memory, 0).publish(0, List.of(new AccessEntry(2, 0064)));
        IMemoryBlockExtension block = target.getExtendedMemoryBlock("1:0x" + Integer.toHexString(id), null);
        assertTrue(block.getBytesFromOffset(BigInteger.ZERO, 1)[0].isWritable(), "a group member on node 2 may write");
        block.setValue(BigInteger.valueOf(3), new byte[] {0x11, 0x22});
        assertEquals(0x11, memory.get(ValueLayout.JAVA_BYTE, 3));
        assertEquals(0x22, memory.get(ValueLayout.JAVA_BYTE, 4));
        block.dispose();
    }

    @Test
    void aSegmentNoNodeMayWriteIsReadOnly() throws Exception {
        MemorySegment memory = exporter.allocate(4096);
        int id = publish(memory, List.of(new AccessEntry(1, 0444)));
        IMemoryBlockExtension block = target.getExtendedMemoryBlock("1:" + Integer.toUnsignedString(id), null);
        assertTrue(!block.getBytesFromOffset(BigInteger.ZERO, 1)[0].isWritable());
        DebugException refused = assertThrows(DebugException.class, () -> block.setValue(BigInteger.ZERO, new byte[] {1}));
        assertTrue(refused.getMessage().contains("PERM_DENIED"), refused.getMessage());
        block.dispose();
    }

    @Test
    void theTargetBelongsToItsLaunchUntilTheClusterStops() throws Exception {
        Launch launch = new Launch(null, ILaunchManager.DEBUG_MODE, null);
        ClusterDebugTarget own = new ClusterDebugTarget(launch, tc.cluster());
        launch.addDebugTarget(own);
        // the launch asks its targets whether they ended: the target must not ask the launch back
        assertTrue(!launch.isTerminated() && !own.isTerminated());
        own.clusterStopped();
        assertTrue(own.isTerminated() && launch.isTerminated());
    }

    @Test
    void unknownSegmentsAndBadExpressionsSayWhy() {
        DebugException missing = assertThrows(DebugException.class, () -> target.getExtendedMemoryBlock("2:0x7654321", null));
        assertTrue(missing.getMessage().contains("node 2 has no segment 0x7654321"), missing.getMessage());
        DebugException bad = assertThrows(DebugException.class, () -> target.getExtendedMemoryBlock("segment 5", null));
        assertTrue(bad.getMessage().contains("node:segment[+offset]"), bad.getMessage());
        assertTrue(target.supportsStorageRetrieval());
    }
}
