// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A reader's columns leave the rest of the JVM its room: they refuse to grow into it, before the heap is full. */
class HeapRoomTest {
    @Test
    void whatLeavesTheReserveFreeIsAllowed() {
        HeapRoom.ensure(1 << 20, "a MiB of events");
    }

    @Test
    void whatWouldEatIntoTheReserveIsRefusedWhileTheHeapStillHasIt() {
        System.gc(); // what is in use now is live: the refusal's own collection frees next to nothing
        long max = Runtime.getRuntime().maxMemory();
        long free = max - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        // fits in the heap as it is, but leaves less than the reserve: refused, and nothing was allocated
        long bytes = free - HeapRoom.reserve(max) / 2;
        OutOfMemoryError refused = assertThrows(OutOfMemoryError.class, () -> HeapRoom.ensure(bytes, "the events of node1.rsmlog"));
        assertTrue(refused.getMessage().startsWith("the events of node1.rsmlog would take " + (bytes >> 20) + " MB of a heap of "),
                refused.getMessage());
    }

    @Test
    void theReserveIsAnEighthOfTheHeapAndAtLeast256MiBButAtMostAQuarterOfASmallOne() {
        assertEquals(256L << 20, HeapRoom.reserve(1L << 30));
        assertEquals(256L << 20, HeapRoom.reserve(2L << 30), "the IDE's heap");
        assertEquals(1L << 30, HeapRoom.reserve(8L << 30));
        assertEquals(64L << 20, HeapRoom.reserve(256L << 20), "the default heap of a JVM on a machine of 1 GB");
        assertEquals(8L << 20, HeapRoom.reserve(32L << 20));
    }
}
