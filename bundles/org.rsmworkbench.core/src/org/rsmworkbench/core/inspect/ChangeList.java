// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.util.List;

/** The ranges a diff against a snapshot found, in ascending order: what to highlight, where Next and Prev go. */
public record ChangeList(List<Snapshot.Range> ranges) {
    /** No changes. */
    public static final ChangeList NONE = new ChangeList(List.of());

    public ChangeList {
        ranges = List.copyOf(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether a changed range overlaps the {@code length} bytes at {@code offset} (a binary search). */
    public boolean overlaps(long offset, long length) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Snapshot.Range range = ranges.get(mid);
            if (range.offset() + range.length() <= offset) {
                low = mid + 1;
            } else if (range.offset() >= offset + length) {
                high = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The index of the first range that starts after the row of {@code rowLength} bytes at {@code rowOffset}, or -1. */
    public int nextAfter(long rowOffset, int rowLength) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).offset() >= rowOffset + rowLength) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last range that starts before {@code offset}, or -1. */
    public int previousBefore(long offset) {
        for (int i = ranges.size() - 1; i >= 0; i--) {
            if (ranges.get(i).offset() < offset) {
                return i;
            }
        }
        return -1;
    }

    /** How many bytes the ranges cover. */
    public long bytes() {
        return ranges.stream().mapToLong(Snapshot.Range::length).sum();
    }
}
