// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.debug.SegmentExpression;
import org.rsmworkbench.core.debug.compare.Comparison;
import org.rsmworkbench.core.debug.compare.NodeValue;
import org.rsmworkbench.core.debug.compare.SegmentDiff;
import org.rsmworkbench.core.inspect.Progress;
import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** Grouping of compared values (headless), and diffs of segments of an in-JVM cluster. */
class CrossNodeComparisonTest {
    private static final Credentials OWNER = new Credentials(100, 10, Set.of(), 022, false);
    private static final int MAILBOX = 0x500100;
    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private static MemorySegment node1Mailbox;
    private static MemorySegment node2Mailbox;
    private static MemorySegment node2Other;
    private static int node2OtherId;

    @BeforeAll
    static void publish() throws Exception {
        RsmLibrary node1 = tc.cluster().process(1, OWNER);
        RsmLibrary node2 = tc.cluster().process(2, OWNER);
        node1Mailbox = node1.allocate(8192);
        node2Mailbox = node2.allocate(8192);
        node2Other = node2.allocate(4096);
        List<AccessEntry> acl = null; // the default: every node
        node1.getController(null).createExportSegment(node1Mailbox, 0).publish(MAILBOX, acl);
        node2.getController(null).createExportSegment(node2Mailbox, 0).publish(MAILBOX, acl);
        node2OtherId = node2.getController(null).createExportSegment(node2Other, 0).publish(0, acl);
    }

    @Test
    void equalValuesAreGroupedAndTheMinorityDiffers() {
        Comparison comparison = Comparison.of("count", List.of(NodeValue.value(4, "main", 10, "42"), NodeValue.value(3, "main", 10, "43"),
                NodeValue.value(1, "main", 10, "42"), NodeValue.error(5, null, -1, "running (not suspended)"), NodeValue.value(2, "main", 10, "42"),
                NodeValue.value(2, "worker", 12, "42")));
        assertEquals("nodes 1-2,4 · 4 threads: 42\nnode 3: 43\nnode 5: running (not suspended)", comparison.summary());
        assertEquals(List.of(1, 2, 2, 3, 4, 5), comparison.rows().stream().map(NodeValue::node).toList());
        assertEquals(List.of("main", "worker"), comparison.rows().subList(1, 3).stream().map(NodeValue::thread).toList());
        assertEquals("42", comparison.commonValue());
        assertTrue(comparison.hasDifferences());
        assertEquals(List.of(3), comparison.rows().stream().filter(comparison::differs).map(NodeValue::node).toList());

        Comparison tie = Comparison.of("x", List.of(NodeValue.value(1, "main", 1, "a"), NodeValue.value(2, "main", 1, "b")));
        assertNull(tie.commonValue());
        assertTrue(tie.rows().stream().allMatch(tie::differs), "no common value: every node differs");

        Comparison same = Comparison.of("x", List.of(NodeValue.value(1, "main", 1, "a"), NodeValue.value(2, "main", 1, "a"),
                NodeValue.error(3, "main", 1, "no variable x")));
        assertFalse(same.hasDifferences());
        assertTrue(same.rows().stream().noneMatch(same::differs), "an error is shown as such, not as a different value");
        assertThrows(IllegalArgumentException.class, () -> new NodeValue(1, "main", 1, null, null));
    }

    @Test
    void oneSegmentIdOnTwoNodesDiffersWhereTheirBytesDo() {
        node1Mailbox.fill((byte) 0);
        node2Mailbox.fill((byte) 0);
        SegmentExpression first = new SegmentExpression(1, MAILBOX, 0);
        SegmentExpression second = new SegmentExpression(2, MAILBOX, 0);
        SegmentDiff identical = SegmentDiff.of(tc.cluster(), first, second, Progress.NONE);
        assertEquals(List.of(), identical.differences());
        assertEquals("1:0x500100 and 2:0x500100: identical in 8192 bytes compared", identical.summary());

        node2Mailbox.set(ValueLayout.JAVA_LONG_UNALIGNED, 16, 0x2a); // node 2's slot 2
        node2Mailbox.set(ValueLayout.JAVA_BYTE, 8191, (byte) 1); // the last byte
        node1Mailbox.set(ValueLayout.JAVA_BYTE, 100, (byte) 7);
        node1Mailbox.set(ValueLayout.JAVA_BYTE, 101, (byte) 8);
        SegmentDiff diff = SegmentDiff.of(tc.cluster(), first, second, Progress.NONE);
        assertEquals(List.of(new Snapshot.Range(16, 1), new Snapshot.Range(100, 2), new Snapshot.Range(8191, 1)),
                diff.differences().stream().map(SegmentDiff.Difference::range).toList());
        assertEquals("00", diff.differences().getFirst().firstBytes());
        assertEquals("2a", diff.differences().getFirst().secondBytes());
        assertEquals("07 08", diff.differences().get(1).firstBytes());
        assertEquals(4, diff.differingBytes());
        assertEquals("1:0x500100 and 2:0x500100: 3 ranges differ (4 bytes) in 8192 bytes compared", diff.summary());
        assertFalse(diff.limited());

        // from offsets: node 1's bytes from 100 against node 2's from 0
        SegmentDiff shifted = SegmentDiff.of(tc.cluster(), new SegmentExpression(1, MAILBOX, 100), second, Progress.NONE);
        assertEquals(8092, shifted.compared());
        assertEquals(new Snapshot.Range(0, 2), shifted.differences().getFirst().range());
    }

    @Test
    void twoSegmentsOfDifferentSizesAreComparedOverTheShorter() {
        node2Mailbox.fill((byte) 0);
        node2Other.fill((byte) 0);
        node2Other.set(ValueLayout.JAVA_BYTE, 4095, (byte) 0x41);
        for (int i = 200; i < 240; i++) {
            node2Other.set(ValueLayout.JAVA_BYTE, i, (byte) 0x55);
        }
        SegmentDiff diff = SegmentDiff.of(tc.cluster(), new SegmentExpression(2, MAILBOX, 0), new SegmentExpression(2, node2OtherId, 0), Progress.NONE);
        assertEquals(4096, diff.compared());
        assertEquals(List.of(new Snapshot.Range(200, 40), new Snapshot.Range(4095, 1)), diff.differences().stream().map(SegmentDiff.Difference::range).toList());
        assertEquals("55 55 55 55 55 55 55 55 55 55 55 55 55 55 55 55 …", diff.differences().getFirst().secondBytes());
        assertTrue(diff.summary().endsWith("2:0x500100 has 8192 bytes from its offset, 2:0x" + Integer.toHexString(node2OtherId)
                + " 4096: only the first 4096 are compared"), diff.summary());
    }

    @Test
    void aMissingSegmentOrACanceledDiffSaysSo() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SegmentDiff.of(tc.cluster(), new SegmentExpression(3, MAILBOX, 0), new SegmentExpression(2, MAILBOX, 0), Progress.NONE));
        assertEquals("node 3 has no segment 0x500100", missing.getMessage());
        Progress canceled = new Progress() {
            @Override
            public void worked(long bytes) {
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        assertThrows(CancellationException.class,
                () -> SegmentDiff.of(tc.cluster(), new SegmentExpression(1, MAILBOX, 0), new SegmentExpression(2, MAILBOX, 0), canceled));
    }
}
