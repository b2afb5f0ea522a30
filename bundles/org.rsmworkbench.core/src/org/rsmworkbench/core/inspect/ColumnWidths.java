// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

/**
 * Column widths in pixels, from the width of a character of the table's (monospace) font: each column as wide as
 * its longest text plus the cell's padding, so that a row of 8 bytes with its typed columns fits an editor area
 * on a laptop screen.
 */
public record ColumnWidths(int charWidth, DataFormat format) {
    private static final int PADDING = 14;

    public int offset() {
        return charWidth * 8 + PADDING;
    }

    public int hex() {
        return charWidth * 2 + PADDING;
    }

    public int ascii(int bytes) {
        return charWidth * bytes + PADDING;
    }

    public int value() {
        return charWidth * format.maxTextLength() + PADDING;
    }

    /** Every column of a row of that many bytes. */
    public int row(int bytes) {
        return offset() + bytes * hex() + ascii(bytes) + bytes / format.width() * value();
    }

    /** The most bytes per row among {@code choices} (ascending) whose row fits {@code available} pixels, else the fewest. */
    public int fittingBytesPerRow(int available, int[] choices) {
        int fitting = choices[0];
        for (int choice : choices) {
            if (row(choice) <= available) {
                fitting = choice;
            }
        }
        return fitting;
    }
}
