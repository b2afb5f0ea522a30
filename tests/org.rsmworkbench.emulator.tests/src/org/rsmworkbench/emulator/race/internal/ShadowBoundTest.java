// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.race.internal.HappensBefore.Access;
import org.rsmworkbench.emulator.race.internal.HappensBefore.ThreadState;

/**
 * The memory bound of a segment's shadow ({@link Shadow#MAX_CELLS} cells, whatever the segment's size) and what it
 * costs past the bound: the least recently used ranges are forgotten, the others still give every conflict.
 */
class ShadowBoundTest {
    private static final long SEGMENT_BYTES = 64L << 20;
    /** Two threads with no order between them. */
    private final ThreadState writer = new ThreadState(0);
    private final ThreadState other = new ThreadState(1);

    @Test
    void aSegmentOf64MiBFilledWithSmallAccessesStaysWithinTheBound() {
        Shadow shadow = new Shadow();
        long accesses = 0;
        // 8-byte stores 128 bytes apart over the whole segment: 512 K distinct ranges, twice the bound
        for (long offset = 0; offset < SEGMENT_BYTES; offset += 128) {
            shadow.apply(write(writer, offset, 8), (_, _) -> {
            });
            accesses++;
            if (accesses % 65_536 == 0) {
                assertTrue(shadow.cellCount() <= Shadow.MAX_CELLS, shadow.cellCount() + " cells after " + accesses + " accesses");
            }
        }
        assertTrue(shadow.cellCount() <= Shadow.MAX_CELLS, shadow.cellCount() + " cells");
        assertEquals(accesses - shadow.cellCount(), shadow.forgottenCells(), "every range not held was forgotten, none lost otherwise");

        // the most recent ranges are still there: a conflicting write of another thread to the last ones races
        List<Access> conflicts = new ArrayList<>();
        long last = SEGMENT_BYTES - 128;
        shadow.apply(write(other, last, 8), (earlier, _) -> conflicts.add(earlier));
        assertEquals(1, conflicts.size(), "the write of the last range is remembered");
        assertEquals(last, conflicts.get(0).offset);
    }

    @Test
    void withinTheBoundNothingIsForgotten() {
        // 16 ranges of 4 bytes, then a byte in the middle of each written by the other thread: 3 cells each, 48 in all
        Shadow shadow = new Shadow(48);
        for (int range = 0; range < 16; range++) {
            shadow.apply(write(writer, range * 8L, 4), (_, _) -> {
            });
        }
        List<Access> conflicts = new ArrayList<>();
        for (int range = 0; range < 16; range++) {
            shadow.apply(write(other, range * 8L + 2, 1), (earlier, _) -> conflicts.add(earlier));
        }
        assertEquals(48, shadow.cellCount());
        assertEquals(0, shadow.forgottenCells());
        assertEquals(16, conflicts.size(), "each range's write conflicts with the other thread's write in it");
    }

    @Test
    void pastTheBoundTheRangesNotUsedSinceTheSweepPassedAreForgotten() {
        Shadow shadow = new Shadow(4);
        for (long offset : new long[] { 0, 8, 16, 24, 100 }) {
            shadow.apply(write(writer, offset, 8), (_, _) -> {
            });
        }
        // the fifth range was one too many: the sweep passed every cell once, then forgot the first
        assertEquals(4, shadow.cellCount());
        assertEquals(1, shadow.forgottenCells());
        shadow.apply(write(writer, 8, 8), (_, _) -> {
        }); // range 8 used again since the sweep passed it: spared once
        shadow.apply(write(writer, 200, 8), (_, _) -> {
        });
        assertEquals(4, shadow.cellCount());
        assertEquals(2, shadow.forgottenCells());

        List<Long> remembered = new ArrayList<>();
        for (long offset : new long[] { 0, 8, 16, 24, 100, 200 }) {
            if (shadow.lastWrite(offset, 8) != null) {
                remembered.add(offset);
            }
        }
        assertEquals(List.of(8L, 24L, 100L, 200L), remembered, "the ranges whose last write the shadow holds");
    }

    private static Access write(ThreadState thread, long offset, long length) {
        Access access = new Access(null, -1, thread, true, offset, length, -1, 0);
        access.complete(thread);
        return access;
    }
}
