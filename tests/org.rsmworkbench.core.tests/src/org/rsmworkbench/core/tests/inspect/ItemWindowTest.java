// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.inspect.ItemWindow;

/** The window of table items over a segment's rows. */
class ItemWindowTest {
    private static final int CAPACITY = 1024;

    @Test
    void aSmallSegmentFitsAndNeverMoves() {
        ItemWindow window = new ItemWindow(CAPACITY);
        window.moveTo(500, 100);
        assertEquals(0, window.base(), "moved back to hold every row");
        assertEquals(100, window.itemCount());
        assertFalse(window.partial());
        assertFalse(window.nearEnd(90, 10), "not full: scrolling never moves it");
        assertFalse(window.mustMoveFor(99));
        assertEquals(99, window.clamp(1000));
        assertEquals(0, window.clamp(-5));
    }

    @Test
    void aLargeSegmentIsSeenThroughAFullWindow() {
        ItemWindow window = new ItemWindow(CAPACITY);
        window.centreOn(10_000, 1_000_000);
        assertEquals(10_000 - CAPACITY / 2, window.base());
        assertEquals(CAPACITY, window.itemCount());
        assertTrue(window.partial());
        assertEquals(CAPACITY / 2, window.indexOf(10_000));
        assertEquals(-1, window.indexOf(window.base() - 1));
        assertEquals(-1, window.indexOf(window.base() + CAPACITY));
    }

    @Test
    void theWindowStopsAtTheSegmentsEnds() {
        ItemWindow window = new ItemWindow(CAPACITY);
        window.centreOn(5, 1_000_000);
        assertEquals(0, window.base());
        window.centreOn(999_999, 1_000_000);
        assertEquals(1_000_000 - CAPACITY, window.base());
        assertFalse(window.nearEnd(CAPACITY - 10, 10), "at the segment's end there is nothing further to show");
        assertTrue(window.nearEnd(0, 10), "at the window's start, with rows before it");
    }

    @Test
    void scrollingMovesTheWindowOnlyNearItsEnds() {
        ItemWindow window = new ItemWindow(CAPACITY);
        window.centreOn(500_000, 1_000_000);
        assertFalse(window.nearEnd(CAPACITY / 8, 40), "first row of the middle part");
        assertTrue(window.nearEnd(CAPACITY / 8 - 1, 40), "last row of the first eighth");
        assertFalse(window.nearEnd(CAPACITY * 7 / 8 - 40, 40), "the screen ends at the last eighth");
        assertTrue(window.nearEnd(CAPACITY * 7 / 8 - 39, 40), "the screen reaches into the last eighth");
    }

    @Test
    void goingToARowMovesTheWindowWhenTheRowIsOutsideOrNearAnEnd() {
        ItemWindow window = new ItemWindow(CAPACITY);
        window.centreOn(500_000, 1_000_000);
        long base = window.base();
        assertFalse(window.mustMoveFor(base + CAPACITY / 2));
        assertFalse(window.mustMoveFor(base + CAPACITY / 8));
        assertTrue(window.mustMoveFor(base + CAPACITY / 8 - 1));
        assertFalse(window.mustMoveFor(base + CAPACITY * 7 / 8));
        assertTrue(window.mustMoveFor(base + CAPACITY * 7 / 8 + 1));
        assertTrue(window.mustMoveFor(base - 1));
        assertTrue(window.mustMoveFor(base + CAPACITY));
    }

    @Test
    void theSliderCountsInIntsOverAnySegment() {
        ItemWindow window = new ItemWindow(CAPACITY);
        window.moveTo(0, 1_000_000);
        assertEquals(1, window.sliderScale());
        long rows = 5L * Integer.MAX_VALUE;
        window.moveTo(0, rows);
        assertTrue(rows / window.sliderScale() <= Integer.MAX_VALUE, "scale " + window.sliderScale());
    }
}
