// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.inspect.ChangeList;
import org.rsmworkbench.core.inspect.Snapshot.Range;

/** The ranges of a diff: what is highlighted, where Next and Prev go. */
class ChangeListTest {
    private final ChangeList changes = new ChangeList(List.of(new Range(0x10, 4), new Range(0x40, 1), new Range(0x100, 16)));

    @Test
    void overlapsExactlyTheChangedBytes() {
        assertTrue(changes.overlaps(0x10, 1));
        assertTrue(changes.overlaps(0x13, 1));
        assertFalse(changes.overlaps(0x14, 1), "the byte after a range");
        assertTrue(changes.overlaps(0x0c, 8), "a value that reaches into a range");
        assertFalse(changes.overlaps(0x41, 0x100 - 0x41));
        assertTrue(changes.overlaps(0x10f, 1));
        assertFalse(ChangeList.NONE.overlaps(0, Long.MAX_VALUE));
    }

    @Test
    void nextAndPreviousSkipTheSelectedRow() {
        assertEquals(0, changes.nextAfter(0, 16), "0x10 starts right after the row [0, 16)");
        assertEquals(1, changes.nextAfter(0x10, 16));
        assertEquals(2, changes.nextAfter(0x40, 16));
        assertEquals(-1, changes.nextAfter(0x100, 16));
        assertEquals(-1, changes.previousBefore(0x10));
        assertEquals(0, changes.previousBefore(0x11));
        assertEquals(2, changes.previousBefore(0x1000));
        assertEquals(21, changes.bytes());
    }
}
