// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.inspect.ColumnWidths;
import org.rsmworkbench.core.inspect.DataFormat;
import org.rsmworkbench.core.inspect.RowColumns;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.core.inspect.SegmentRows.Row;

/** The inspector's columns: texts, the fields edits write, and how many bytes per row fit a width. */
class RowColumnsTest {
    private static final int NEVER = SegmentRows.NEVER_CHANGED;
    private static final DataFormat INT16 = new DataFormat(2, DataFormat.Kind.SIGNED, ByteOrder.LITTLE_ENDIAN);
    private final RowColumns columns = new RowColumns(4, INT16);
    private final Row row = new Row(0x400100, new byte[] { 'A', (byte) 0xff, 0x01, 0x00 }, new int[] { NEVER, 5, 0, NEVER });

    @Test
    void textsOfEveryColumn() {
        assertEquals(2, columns.valueCount());
        assertEquals("00400100", columns.text(row, RowColumns.OFFSET));
        assertEquals("41", columns.text(row, RowColumns.byteColumn(0)));
        assertEquals("ff", columns.text(row, RowColumns.byteColumn(1)));
        assertEquals("A...", columns.text(row, columns.asciiColumn()));
        assertEquals("-191", columns.text(row, columns.firstValueColumn()), "0xff41 little endian");
        assertEquals("1", columns.text(row, columns.firstValueColumn() + 1));
        assertEquals("", columns.text(new Row(0, new byte[] { 1, 2, 3 }, new int[3]), columns.firstValueColumn() + 1),
                "a short last row has no second value");
    }

    @Test
    void fieldsParseAndPlaceWhatIsTyped() {
        assertNull(columns.field(RowColumns.OFFSET));
        assertNull(columns.field(columns.asciiColumn()));
        RowColumns.Field hexByte = columns.field(RowColumns.byteColumn(2));
        assertEquals(0x400102, hexByte.offsetIn(row));
        assertArrayEquals(new byte[] { (byte) 0xab }, hexByte.parse("ab"));
        assertEquals("A byte is two hex digits, not \"abcd\"",
                assertThrows(IllegalArgumentException.class, () -> hexByte.parse("abcd")).getMessage());
        RowColumns.Field value = columns.field(columns.firstValueColumn() + 1);
        assertEquals(0x400102, value.offsetIn(row));
        assertArrayEquals(new byte[] { 0x34, 0x12 }, value.parse("0x1234"));
        assertTrue(value.fits(row));
        assertFalse(value.fits(new Row(0, new byte[3], new int[3])));
    }

    @Test
    void aFieldIsAsYoungAsItsYoungestByte() {
        assertEquals(NEVER, columns.field(RowColumns.byteColumn(0)).youngestAge(row));
        assertEquals(5, columns.field(columns.firstValueColumn()).youngestAge(row));
        assertEquals(0, columns.field(columns.firstValueColumn() + 1).youngestAge(row));
    }

    @Test
    void asManyBytesPerRowAsFitTheWidth() {
        ColumnWidths widths = new ColumnWidths(8, INT16);
        int[] choices = { 8, 16, 32 };
        assertEquals(8, widths.fittingBytesPerRow(10, choices), "the fewest when none fits");
        assertEquals(16, widths.fittingBytesPerRow(widths.row(16), choices));
        assertEquals(16, widths.fittingBytesPerRow(widths.row(32) - 1, choices));
        assertEquals(32, widths.fittingBytesPerRow(widths.row(32), choices));
    }
}
