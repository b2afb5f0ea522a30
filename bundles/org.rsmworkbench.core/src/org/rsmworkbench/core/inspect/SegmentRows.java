// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.emulator.SegmentView;

/**
 * The rows of the segment inspector: offset, bytes, text, with the age of each byte's last change
 * (in refreshes) for a fading history. Only the visible window is ever read, so a 1 GiB segment
 * costs what one screen costs.
 */
public final class SegmentRows {
    /** Age of a byte that has not changed since it was first shown. */
    public static final int NEVER_CHANGED = Integer.MAX_VALUE;

    /** One row: {@code ages[i]} is how many refreshes ago byte i changed. */
    public record Row(long offset, byte[] bytes, int[] ages) {
        /** Printable ASCII, '.' for the rest. */
        public String text() {
            StringBuilder text = new StringBuilder(bytes.length);
            for (byte b : bytes) {
                text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            return text.toString();
        }

        /** Two hex digits per byte, separated by spaces. */
        public String hex() {
            StringBuilder hex = new StringBuilder(bytes.length * 3);
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    hex.append(' ');
                }
                hex.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
            }
            return hex.toString();
        }
    }

    private final SegmentView view;
    private final int bytesPerRow;
    private long firstRow;
    private int rowCount;
    private byte[] window = new byte[0];
    private int[] ages = new int[0];
    private long windowOffset = -1;

    public SegmentRows(SegmentView view, int bytesPerRow) {
        if (bytesPerRow <= 0 || bytesPerRow > 4096) {
            throw new IllegalArgumentException("bytes per row must be 1..4096, not " + bytesPerRow);
        }
        this.view = view;
        this.bytesPerRow = bytesPerRow;
    }

    public int bytesPerRow() {
        return bytesPerRow;
    }

    public long size() {
        return view.size();
    }

    public long rowCount() {
        return (view.size() + bytesPerRow - 1) / bytesPerRow;
    }

    /** The row that holds {@code offset}. */
    public long rowOf(long offset) {
        if (offset < 0 || offset >= view.size()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the segment (0 to " + (view.size() - 1) + ")");
        }
        return offset / bytesPerRow;
    }

    /** Which rows are visible; the next {@link #refresh()} reads them. */
    public synchronized void setVisibleRows(long first, int count) {
        firstRow = Math.max(0, Math.min(first, rowCount()));
        rowCount = (int) Math.max(0, Math.min(count, rowCount() - firstRow));
    }

    /**
     * Brings the visible rows of the view up to date before a {@link #refresh()}: a view of a segment in another host's
     * memory reads them over the network ({@link SegmentView#fetch}); a mapped one needs nothing. Not on a UI thread.
     *
     * @throws IOException when they cannot be read now (the message says why)
     */
    public void fetchVisible() throws IOException {
        long offset;
        long length;
        synchronized (this) {
            offset = firstRow * bytesPerRow;
            length = Math.min((long) rowCount * bytesPerRow, view.size() - offset);
        }
        view.fetch(offset, length);
    }

    /**
     * Reads the visible rows; bytes that differ from the last refresh of the same window get age 0,
     * the others age by one.
     *
     * @return how many bytes were read
     */
    public synchronized long refresh() {
        long offset = firstRow * bytesPerRow;
        int length = (int) Math.min((long) rowCount * bytesPerRow, view.size() - offset);
        MemorySegment memory = view.memory();
        byte[] fresh = new byte[Math.max(0, length)];
        MemorySegment.copy(memory, java.lang.foreign.ValueLayout.JAVA_BYTE, offset, fresh, 0, fresh.length);
        int[] freshAges = new int[fresh.length];
        boolean sameWindow = offset == windowOffset && fresh.length == window.length;
        for (int i = 0; i < fresh.length; i++) {
            if (!sameWindow) {
                freshAges[i] = NEVER_CHANGED;
            } else if (fresh[i] != window[i]) {
                freshAges[i] = 0;
            } else {
                freshAges[i] = ages[i] == NEVER_CHANGED ? NEVER_CHANGED : ages[i] + 1;
            }
        }
        window = fresh;
        ages = freshAges;
        windowOffset = offset;
        return fresh.length;
    }

    /** The visible rows as read by the last refresh. */
    public synchronized List<Row> rows() {
        List<Row> rows = new ArrayList<>(rowCount);
        for (int r = 0; r * bytesPerRow < window.length; r++) {
            int from = r * bytesPerRow;
            int to = Math.min(from + bytesPerRow, window.length);
            rows.add(new Row(windowOffset + from, java.util.Arrays.copyOfRange(window, from, to),
                    java.util.Arrays.copyOfRange(ages, from, to)));
        }
        return rows;
    }

    /** The typed values of a row, one per {@code format.width()} bytes (a partial tail is left out). */
    public static List<String> values(Row row, DataFormat format) {
        MemorySegment bytes = MemorySegment.ofArray(row.bytes());
        List<String> values = new ArrayList<>();
        for (int i = 0; i + format.width() <= row.bytes().length; i += format.width()) {
            values.add(format.format(bytes, i));
        }
        return values;
    }
}
