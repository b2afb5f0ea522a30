// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which rows a live view must redraw after a refresh: those whose bytes changed, or whose changed bytes faded
 * by a step of the view's history (ages count in refreshes; every age from {@code fadeSteps} on looks the same).
 * A background refresh {@linkplain #refreshed finds} them and {@linkplain #post posts} them; the UI thread
 * {@linkplain #takePending takes} what was posted, merged, and notes what it {@linkplain #shown showed}.
 * <p>
 * A generation numbers the layouts of the view (its window of rows, its row width): rows posted for an older
 * generation are dropped, and a new generation makes the next refresh post every row again.
 */
public final class RowChangeTracker {
    /** How many rows' ages the UI side keeps before it forgets those it did not just show. */
    static final int AGES_KEPT = 4096;

    private final int fadeSteps;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Long, SegmentRows.Row> posted = new ConcurrentHashMap<>();
    private long postedGeneration = -1;
    private final AtomicReference<Map<Long, SegmentRows.Row>> pending = new AtomicReference<>();
    private final Map<Long, int[]> ages = new ConcurrentHashMap<>();

    /** A tracker for a view that shows {@code fadeSteps} steps of fading history. */
    public RowChangeTracker(int fadeSteps) {
        this.fadeSteps = fadeSteps;
    }

    /** The current generation. */
    public long generation() {
        return generation.get();
    }

    /** Starts a new generation (the view's layout changed): what is pending is dropped. */
    public long newGeneration() {
        pending.set(null);
        return generation.incrementAndGet();
    }

    /**
     * Background thread: the rows of a refresh of generation {@code gen} that look different from those posted
     * before, keyed by offset. Rows posted outside [{@code visibleFrom}, {@code visibleTo}) are forgotten once
     * more than four screens ({@code visibleRows} each, at least 64 rows) are remembered.
     */
    public Map<Long, SegmentRows.Row> refreshed(long gen, List<SegmentRows.Row> rows, long visibleFrom, long visibleTo,
            int visibleRows) {
        if (gen != postedGeneration) {
            // a new window or row width: whatever was posted before may have been dropped, post every row again
            posted.clear();
            postedGeneration = gen;
        }
        Map<Long, SegmentRows.Row> changed = new HashMap<>();
        for (SegmentRows.Row row : rows) {
            SegmentRows.Row before = posted.get(row.offset());
            if (before == null || !Arrays.equals(before.bytes(), row.bytes()) || !sameLook(before.ages(), row.ages())) {
                changed.put(row.offset(), row);
            }
            posted.put(row.offset(), row);
        }
        if (posted.size() > 4 * Math.max(64, visibleRows)) {
            posted.keySet().removeIf(offset -> offset < visibleFrom || offset >= visibleTo);
        }
        return changed;
    }

    /** Whether ages {@code a} and {@code b} look the same: equal up to the last step of fading. */
    boolean sameLook(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.min(a[i], fadeSteps) != Math.min(b[i], fadeSteps)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds changed rows to those waiting for the UI thread.
     *
     * @return whether none were waiting: the caller then asks the UI thread to {@link #takePending take} them
     */
    public boolean post(Map<Long, SegmentRows.Row> changed) {
        if (changed.isEmpty()) {
            return false;
        }
        return pending.getAndAccumulate(changed, (old, add) -> {
            if (old == null) {
                return add;
            }
            Map<Long, SegmentRows.Row> merged = new HashMap<>(old);
            merged.putAll(add);
            return merged;
        }) == null;
    }

    /** UI thread: the rows waiting to be shown (null when none), which then no longer wait. */
    public Map<Long, SegmentRows.Row> takePending() {
        return pending.getAndSet(null);
    }

    /** UI thread: {@code rows} are shown now; their ages colour them when they are read again. */
    public void shown(Collection<SegmentRows.Row> rows) {
        Map<Long, Boolean> now = new HashMap<>();
        for (SegmentRows.Row row : rows) {
            ages.put(row.offset(), row.ages());
            now.put(row.offset(), Boolean.TRUE);
        }
        if (ages.size() > AGES_KEPT) {
            ages.keySet().removeIf(offset -> !now.containsKey(offset));
        }
    }

    /** The ages last shown for the {@code length} bytes at {@code offset}, or never changed. */
    public int[] ages(long offset, int length) {
        int[] shown = ages.get(offset);
        return shown != null && shown.length == length ? shown : neverChanged(length);
    }

    /** The ages of {@code length} bytes that never changed. */
    public static int[] neverChanged(int length) {
        int[] never = new int[length];
        Arrays.fill(never, SegmentRows.NEVER_CHANGED);
        return never;
    }

    /** The row at {@code offset} as last posted, or null: what to show of a segment that is gone. */
    public SegmentRows.Row lastPosted(long offset) {
        return posted.get(offset);
    }

    /** Forgets the ages shown (the rows changed width). */
    public void forgetAges() {
        ages.clear();
    }
}
