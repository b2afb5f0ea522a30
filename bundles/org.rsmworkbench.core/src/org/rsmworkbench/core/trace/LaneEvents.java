// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

/**
 * The events one lane draws, as sorted arrays for binary search (no object per event): the committed ones, shared with
 * the lane's later snapshots (which only add past them), then a short tail of their own (a signal wait that has not
 * returned yet and what its thread did after its beginning, until the return says whether the beginning is drawn).
 * A committed event's start and end are its own ({@link TimelineEvents}), not copies: the lane keeps its id, category
 * and flags, and the latest end per block of rows, 6.5 bytes an event where copies took 30. Immutable.
 */
final class LaneEvents {
    /** The end of a wait that never returned: drawn to the end of its process (when recorded) or of the recording. */
    static final long OPEN = Long.MAX_VALUE;
    static final int WAIT = 1;
    static final int MARKER = 2;
    /** A wait that never returned: its end is {@link #OPEN}. */
    static final int OPEN_END = 4;
    /** Rows per block of {@link #blockCounts}. */
    static final int BLOCK = 64;
    /** Rows per block of {@link #blockMaxEnds}: a row's latest end is found among at most as many rows. */
    static final int MAX_END_BLOCK = 16;
    static final int CATEGORIES = TimelineCategory.values().length;

    private final TimelineEvents events;
    private final int size;
    private final int[] ids;
    private final byte[] categories;
    private final byte[] flags;
    /** For each block of {@value #BLOCK} rows, how many rows before it have each category (to colour a busy run fast). */
    private final int[] blockCounts;
    /** For each whole block of {@value #MAX_END_BLOCK} rows, the latest end among the rows up to its last: non-decreasing. */
    private final long[] blockMaxEnds;
    private final int[] tailIds;
    private final long[] tailStarts;
    private final long[] tailEnds;
    /** The latest end among the committed events and the tail's up to each index: non-decreasing, so searchable. */
    private final long[] tailMaxEnds;
    private final byte[] tailCategories;
    private final byte[] tailFlags;
    /** Where a wait that never returned ends. */
    private final long openEnd;

    LaneEvents(TimelineEvents events, int size, int[] ids, byte[] categories, byte[] flags, int[] blockCounts, long[] blockMaxEnds,
            int[] tailIds, long[] tailStarts, long[] tailEnds, long[] tailMaxEnds, byte[] tailCategories, byte[] tailFlags, long openEnd) {
        this.events = events;
        this.size = size;
        this.ids = ids;
        this.categories = categories;
        this.flags = flags;
        this.blockCounts = blockCounts;
        this.blockMaxEnds = blockMaxEnds;
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
        return i < size ? events.time(ids[i]) : tailStarts[i - size];
    }

    long end(int i) {
        return resolve(i < size ? committedEnd(i) : tailEnds[i - size]);
    }

    /** The end of committed row {@code row}: {@link #OPEN} for a wait that never returned. */
    private long committedEnd(int row) {
        return (flags[row] & OPEN_END) != 0 ? OPEN : events.end(ids[row]);
    }

    /** The latest end among the events up to index {@code i}. */
    long maxEnd(int i) {
        if (i >= size) {
            return resolve(tailMaxEnds[i - size]);
        }
        int block = i / MAX_END_BLOCK;
        long max = block == 0 ? Long.MIN_VALUE : blockMaxEnds[block - 1];
        for (int row = block * MAX_END_BLOCK; row <= i; row++) {
            max = Math.max(max, committedEnd(row));
        }
        return resolve(max);
    }

    private long resolve(long end) {
        return end == OPEN ? openEnd : end;
    }

    /** Whether event {@code i} is a wait that never returned (drawn to where {@link #end} says). */
    boolean open(int i) {
        return i < size ? (flags[i] & OPEN_END) != 0 : tailEnds[i - size] == OPEN;
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
        // the first whole block whose latest end reaches the time, then the row in it (or in the part block after)
        int low = 0;
        int high = size / MAX_END_BLOCK - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (resolve(blockMaxEnds[middle]) < time) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        long max = low == 0 ? Long.MIN_VALUE : blockMaxEnds[low - 1];
        for (int row = low * MAX_END_BLOCK; row < size; row++) {
            max = Math.max(max, committedEnd(row));
            if (resolve(max) >= time) {
                return row;
            }
        }
        low = 0;
        high = tailIds.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (resolve(tailMaxEnds[middle]) < time) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return size + low;
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
