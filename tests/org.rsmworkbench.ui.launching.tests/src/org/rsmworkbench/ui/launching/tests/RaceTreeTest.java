// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.race.Race;
import org.rsmworkbench.emulator.race.RaceReport;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.ui.launching.internal.races.RaceTree;

/** The Races view's model, without a display: grouping by segment and by source pair, labels, marker messages, sites. */
class RaceTreeTest {
    private static Race.Access access(int node, String thread, String op, String file, int line) {
        return new Race.Access(node, 100 + node, thread, op, file, line, List.of("org.acme.Mailbox.main(" + file + ":" + line + ")",
                "java.base/java.lang.Thread.run(Thread.java:1583)"), line);
    }

    private static final Race PUT_LOAD = new Race("1:0x400100", 64, 4, access(2, "main", "put", "Mailbox.java", 41),
            access(1, "main", "load", "Mailbox.java", 46));
    /** The same two lines, other bytes: the same source pair. */
    private static final Race PUT_LOAD_AGAIN = new Race("1:0x400100", 128, 8, access(1, "main", "load", "Mailbox.java", 46),
            access(3, "main", "put", "Mailbox.java", 41));
    private static final Race THREADS = new Race("1:0x400100", 0, 4, access(1, "writer", "store", "Mailbox.java", 60),
            access(1, "main", "load", "Mailbox.java", 63));
    /** A segment of node 2, and one of node 1 with a higher id: segments sort by node, then id (not as text). */
    private static final Race OTHER_NODE = new Race("2:0x10", 0, 1, access(1, "main", "put", "Halo.java", 7),
            access(3, "main", "put", "Halo.java", 9));
    private static final Race HIGHER_ID = new Race("1:0xa00000", 8, 8, access(2, "main", "putv", "Halo.java", 12),
            access(1, "main", "get", "Halo.java", 15));

    @Test
    void racesAreGroupedBySegmentThenBySourcePair() {
        RaceTree tree = RaceTree.of(new RaceReport(List.of(OTHER_NODE, PUT_LOAD, HIGHER_ID, THREADS, PUT_LOAD_AGAIN), 1000, 10));
        assertEquals(List.of("segment 1:0x400100 · 3 races", "segment 1:0xa00000 · 1 race", "segment 2:0x10 · 1 race"),
                tree.segments().stream().map(RaceTree.SegmentNode::label).toList());
        RaceTree.SegmentNode mailbox = tree.segments().getFirst();
        assertEquals(List.of("Mailbox.java:41 ↔ Mailbox.java:46", "Mailbox.java:60 ↔ Mailbox.java:63"),
                mailbox.pairs().stream().map(RaceTree.PairNode::label).toList());
        RaceTree.PairNode putLoad = mailbox.pairs().getFirst();
        assertEquals(List.of("[64,68) · put by node 2 / load by node 1", "[128,136) · load by node 1 / put by node 3"),
                putLoad.races().stream().map(RaceTree.RaceNode::label).toList());
        assertEquals(List.of("put by node 2 · thread main · [64,68) · Mailbox.java:41", "load by node 1 · thread main · [64,68) · Mailbox.java:46"),
                putLoad.races().getFirst().accesses().stream().map(RaceTree.AccessNode::label).toList());
        assertEquals(10, tree.accesses().size(), "two accesses a race");
    }

    @Test
    void eachLinesMarkerSaysWhatTheOtherSideIs() {
        RaceTree tree = RaceTree.of(new RaceReport(List.of(PUT_LOAD, THREADS), 10, 1));
        assertEquals(List.of("race with load by node 1 at Mailbox.java:46 on 1:0x400100 [64,68)",
                "race with put by node 2 at Mailbox.java:41 on 1:0x400100 [64,68)",
                // two threads of one node: the other side's thread is named
                "race with load by node 1 (thread main) at Mailbox.java:63 on 1:0x400100 [0,4)",
                "race with store by node 1 (thread writer) at Mailbox.java:60 on 1:0x400100 [0,4)"),
                tree.accesses().stream().map(RaceTree.AccessNode::markerMessage).toList());
    }

    @Test
    void anAccessOpensTheFirstFrameOfItsStack() {
        RaceTree.AccessNode put = RaceTree.of(new RaceReport(List.of(PUT_LOAD), 10, 1)).accesses().getFirst();
        assertEquals(new CallSite("org.acme.Mailbox", "main", "Mailbox.java", 41), put.site());
        Race unknown = new Race("1:0x1", 0, 1, new Race.Access(2, 7, "main", "put", null, -1, List.of(), 0), access(1, "main", "load", "A.java", 3));
        RaceTree.AccessNode noStack = RaceTree.of(new RaceReport(List.of(unknown), 1, 1)).accesses().getFirst();
        assertNull(noStack.site());
        assertEquals("put by node 2 · thread main · [0,1) · unknown source", noStack.label());
        assertEquals("race with put by node 2 at unknown source on 1:0x1 [0,1)", RaceTree.of(new RaceReport(List.of(unknown), 1, 1))
                .accesses().get(1).markerMessage());
    }

    @Test
    void noRaceNoSegment() {
        assertEquals(List.of(), RaceTree.of(new RaceReport(List.of(), 5, 5)).segments());
    }
}
