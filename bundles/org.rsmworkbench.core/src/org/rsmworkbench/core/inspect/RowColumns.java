// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;

/**
 * The columns of the inspector's rows of {@code bytesPerRow} bytes: the offset, a column per byte (two hex
 * digits), the bytes as ASCII, then a column per value of {@code format}.
 */
public record RowColumns(int bytesPerRow, DataFormat format) {
    /** The offset column. */
    public static final int OFFSET = 0;
    private static final String[] HEX = new String[256];

    static {
        for (int i = 0; i < 256; i++) {
            HEX[i] = HexFormat.of().toHexDigits((byte) i);
        }
    }

    /** A run of a row's bytes shown, and edited, as one cell: one byte in hex, or one value of the format. */
    public record Field(int from, int width, boolean hexByte, DataFormat format) {
        /** Whether the row is long enough to hold this field (the last row of a segment may be short). */
        public boolean fits(SegmentRows.Row row) {
            return from + width <= row.bytes().length;
        }

        /** The field of that row as text. */
        public String text(SegmentRows.Row row) {
            return hexByte ? hex(row.bytes()[from]) : format.format(MemorySegment.ofArray(row.bytes()), from);
        }

        /**
         * The bytes {@code text} puts into this field.
         *
         * @throws IllegalArgumentException with a message a user can act on, for text that does not fit the field
         */
        public byte[] parse(String text) {
            if (!hexByte) {
                return format.parse(text);
            }
            byte[] bytes = Search.hex(text);
            if (bytes.length != 1) {
                throw new IllegalArgumentException("A byte is two hex digits, not \"" + text + "\"");
            }
            return bytes;
        }

        /** The segment offset of this field in that row. */
        public long offsetIn(SegmentRows.Row row) {
            return row.offset() + from;
        }

        /** How many refreshes ago the youngest change of the field's bytes was, {@link SegmentRows#NEVER_CHANGED} if none. */
        public int youngestAge(SegmentRows.Row row) {
            int youngest = SegmentRows.NEVER_CHANGED;
            for (int i = from; i < Math.min(from + width, row.ages().length); i++) {
                youngest = Math.min(youngest, row.ages()[i]);
            }
            return youngest;
        }
    }

    /** The column of the bytes as ASCII. */
    public int asciiColumn() {
        return bytesPerRow + 1;
    }

    /** The column of the first value. */
    public int firstValueColumn() {
        return bytesPerRow + 2;
    }

    /** How many values a full row shows. */
    public int valueCount() {
        return bytesPerRow / format.width();
    }

    /** The column of byte {@code index} of a row. */
    public static int byteColumn(int index) {
        return index + 1;
    }

    /** The field that {@code column} shows, or null for the offset and ASCII columns. */
    public Field field(int column) {
        if (column >= 1 && column <= bytesPerRow) {
            return new Field(column - 1, 1, true, format);
        }
        int value = column - firstValueColumn();
        return value >= 0 ? new Field(value * format.width(), format.width(), false, format) : null;
    }

    /** The text of {@code column} for that row (empty where a short row has no such field). */
    public String text(SegmentRows.Row row, int column) {
        if (column == OFFSET) {
            return offsetText(row.offset());
        }
        if (column == asciiColumn()) {
            return row.text();
        }
        Field field = field(column);
        return field != null && field.fits(row) ? field.text(row) : "";
    }

    /** An offset as at least eight hex digits. */
    public static String offsetText(long offset) {
        String hex = Long.toHexString(offset);
        return hex.length() >= 8 ? hex : "00000000".substring(hex.length()) + hex;
    }

    /** A byte as two hex digits. */
    public static String hex(byte b) {
        return HEX[b & 0xff];
    }
}
