// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

/**
 * Which rows of a segment a virtual table holds: a window of at most {@code capacity} consecutive rows (GTK keeps
 * a list-store row per table item, so a 1 GiB segment cannot have an item per row). The window is moved so that
 * the rows in sight stay away from its ends: scrolling within its middle three quarters never moves it.
 */
public final class ItemWindow {
    private final int capacity;
    private long rowCount;
    private long base;
    private int itemCount;

    /** An empty window that holds at most {@code capacity} rows. */
    public ItemWindow(int capacity) {
        if (capacity < 8) {
            throw new IllegalArgumentException("a window holds at least 8 rows, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Puts the window over the rows from {@code first} (moved back as needed to hold as many rows as it can). */
    public void moveTo(long first, long rows) {
        rowCount = rows;
        itemCount = (int) Math.min(capacity, rows);
        base = Math.max(0, Math.min(first, rows - itemCount));
    }

    /** Puts the window so that {@code row} is in its middle. */
    public void centreOn(long row, long rows) {
        moveTo(row - capacity / 2, rows);
    }

    /** The segment's row of the window's first item. */
    public long base() {
        return base;
    }

    /** How many items the window holds. */
    public int itemCount() {
        return itemCount;
    }

    /** How many rows the segment has. */
    public long rowCount() {
        return rowCount;
    }

    /** Whether the window shows only part of the segment (the table then needs a slider over the whole). */
    public boolean partial() {
        return rowCount > itemCount;
    }

    /** The item of the segment's {@code row}, or -1 when the window does not hold it. */
    public int indexOf(long row) {
        long index = row - base;
        return index >= 0 && index < itemCount ? (int) index : -1;
    }

    /** The nearest row of the segment to {@code row}. */
    public long clamp(long row) {
        return Math.max(0, Math.min(row, rowCount - 1));
    }

    /**
     * Whether the window should move to go on showing rows from item {@code top} ({@code visible} of them in
     * sight): they came near an end of a full window beyond which the segment has more rows.
     */
    public boolean nearEnd(int top, int visible) {
        return itemCount == capacity && ((top < capacity / 8 && base > 0)
                || (top + visible > capacity * 7 / 8 && base + itemCount < rowCount));
    }

    /** Whether the window must move to show the segment's {@code row} away from its ends. */
    public boolean mustMoveFor(long row) {
        long index = row - base;
        return index < 0 || index >= itemCount
                || (itemCount == capacity && (index < capacity / 8 || index > capacity * 7 / 8));
    }

    /** Rows per step of a slider over the whole segment (an SWT slider counts in ints). */
    public int sliderScale() {
        return (int) Math.max(1, (rowCount + Integer.MAX_VALUE / 2 - 1) / (Integer.MAX_VALUE / 2));
    }
}
