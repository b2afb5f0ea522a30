// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.clusters.ToldDeadlocks;
import org.rsmworkbench.emulator.ClusterWaits.Call;
import org.rsmworkbench.emulator.ClusterWaits.SegmentName;
import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.ClusterWaits.Waker;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.emulator.trace.CallSite;

/** What the Clusters view tells of the deadlocks that last, on deadlocks made up (process serial = node id * 10). */
class ToldDeadlocksTest {
    /** The wait {@code serial} of the process of {@code node}, woken only by the processes of the nodes {@code wakers}, in that order. */
    private static Wait wait(int node, int serial, int... wakers) {
        return new Wait(node * 10, node, serial, Call.SIGNAL_WAIT, List.of(new SegmentName(node, 0x400100)), false,
                new CallSite("Ring", "main", "Ring.java", 40 + node), Verdict.BLOCKED, 0,
                Arrays.stream(wakers).mapToObj(n -> new Waker(n * 10, n)).toList());
    }

    private final ToldDeadlocks told = new ToldDeadlocks();

    @Test
    void eachDeadlockIsToldOnceWhileItLastsAndAgainWhenItComesBack() {
        Deadlock pair = new Deadlock(List.of(wait(1, 7, 2), wait(2, 3, 1)));
        Deadlock other = new Deadlock(List.of(wait(4, 1, 5), wait(5, 1, 4)));
        assertEquals(List.of(pair), told.untold(List.of(pair)));
        assertEquals(List.of(), told.untold(List.of(pair)), "told once");
        assertEquals(List.of(other), told.untold(List.of(pair, other)), "only the new one");
        assertEquals(List.of(), told.untold(List.of(other)));
        assertEquals(List.of(pair), told.untold(List.of(pair, other)), "it ended, and came back: told again");
    }

    /** A registry lists the wakers of a wait in the order it likes: the deadlock found again is the same. */
    @Test
    void aDeadlockFoundAgainIsTheSameWhateverTheOrderOfItsWakersAndANewWaitMakesANewOne() {
        Deadlock ring = new Deadlock(List.of(wait(1, 1, 2, 3), wait(2, 1, 1), wait(3, 1, 1)));
        Deadlock sameRing = new Deadlock(List.of(wait(1, 1, 3, 2), wait(2, 1, 1), wait(3, 1, 1)));
        assertNotEquals(ring, sameRing, "what the look says of it differs");
        assertEquals(List.of(ring), told.untold(List.of(ring)));
        assertEquals(List.of(), told.untold(List.of(sameRing)), "the same waits");
        Deadlock anew = new Deadlock(List.of(wait(1, 2, 2, 3), wait(2, 1, 1), wait(3, 1, 1)));
        assertEquals(List.of(anew), told.untold(List.of(anew)), "node 1 waits anew");
    }
}
