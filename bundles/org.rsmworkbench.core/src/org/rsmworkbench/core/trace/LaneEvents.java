// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

/**
 * The events one lane draws, as sorted arrays for binary search (no object per event): the committed ones, shared with
 * the lane's later snapshots (which only add past them), then a short tail of their own (a signal wait that has not
 * returned yet and what its thread did after its beginning, until the return says whether the beginning is drawn).
 * Immutable.
 */
final class LaneEvents {
    /** The end of a wait that never returned: drawn to the end of its process (when recorded) or of the recording. */
    static final long OPEN = Long.MAX_VALUE;
    static final int WAIT = 1;
    static final int MARKER = 2;
    /** Rows per block of {@link #blockCounts}. */
    static final int BLOCK = 64;
    static final int CATEGORIES = TimelineCategory.values().length;

    private final int size;
    private final int[] ids;
    private final long[] starts;
    private final long[] ends;
    /** The latest end among the events up to each index: non-decreasing, so searchable. */
    private final long[] maxEnds;
    private final byte[] categories;
    private final byte[] flags;
    /** For each block of {@value #BLOCK} rows, how many rows before it have each category (to colour a busy run fast). */
    private final int[] blockCounts;
    private final int[] tailIds;
    private final long[] tailStarts;
    private final long[] tailEnds;
    private final long[] tailMaxEnds;
    private final byte[] tailCategories;
    private final byte[] tailFlags;
    /** Where a wait that never returned ends. */
    private final long openEnd;

    LaneEvents(int size, int[] ids, long[] starts, long[] ends, long[] maxEnds, byte[] categories, byte[] flags, int[] blockCounts,
            int[] tailIds, long[] tailStarts, long[] tailEnds, long[] tailMaxEnds, byte[] tailCategories, byte[] tailFlags, long openEnd) {
        this.size = size;
        this.ids = ids;
        this.starts = starts;
        this.ends = ends;
        this.maxEnds = maxEnds;
        this.categories = categories;
        this.flags = flags;
        this.blockCounts = blockCounts;
        this.tailIds = tailIds;
        this.tailStarts = tailStarts;
        this.tailEnds = tailEnds;
        this.tailMaxEnds = tailMaxEnds;
        this.tailCategories = tailCategories;
        this.tailFlags = tailFlags;
        this.openEnd = openEnd;
    }

    int length() {
        return size + tailIds.length;
    }

    int id(int i) {
        return i < size ? ids[i] : tailIds[i - size];
    }

    long start(int i) {
        return i < size ? starts[i] : tailStarts[i - size];
    }

    long end(int i) {
        return resolve(i < size ? ends[i] : tailEnds[i - size]);
    }

    long maxEnd(int i) {
        return resolve(i < size ? maxEnds[i] : tailMaxEnds[i - size]);
    }

    private long resolve(long end) {
        return end == OPEN ? openEnd : end;
    }

    /** Whether event {@code i} is a wait that never returned (drawn to where {@link #end} says). */
    boolean open(int i) {
        return (i < size ? ends[i] : tailEnds[i - size]) == OPEN;
    }

    int category(int i) {
        return i < size ? categories[i] : tailCategories[i - size];
    }

    boolean waits(int i) {
        return ((i < size ? flags[i] : tailFlags[i - size]) & WAIT) != 0;
    }

    boolean marker(int i) {
        return ((i < size ? flags[i] : tailFlags[i - size]) & MARKER) != 0;
    }

    /** Whether event {@code i} lasts at least a pixel. */
    boolean wide(int i, double nanosPerPixel) {
        return end(i) - start(i) >= nanosPerPixel;
    }

    /** The first index whose event, or one before it, ends at or after {@code time}. */
    int firstEndingAtOrAfter(long time) {
        int low = 0;
        int high = length() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (maxEnd(middle) < time) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The last index whose event starts before {@code time}, or -1. */
    int lastStartingBefore(long time) {
        int low = 0;
        int high = length() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (start(middle) < time) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }

    /** The category most events in {@code [from, to)} have. */
    TimelineCategory dominantCategory(int from, int to) {
        int[] counts = new int[CATEGORIES];
        countBefore(to, counts, 1);
        countBefore(from, counts, -1);
        int best = 0;
        for (int c = 1; c < CATEGORIES; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return TimelineCategory.values()[best];
    }

    /** Adds {@code sign} times the number of events of each category before index {@code i} to {@code counts}. */
    private void countBefore(int i, int[] counts, int sign) {
        int committed = Math.min(i, size);
        int block = committed / BLOCK;
        for (int c = 0; c < CATEGORIES; c++) {
            counts[c] += sign * blockCounts[block * CATEGORIES + c];
        }
        for (int row = block * BLOCK; row < committed; row++) {
            counts[categories[row]] += sign;
        }
        for (int row = size; row < i; row++) {
            counts[tailCategories[row - size]] += sign;
        }
    }
}
