// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The span of time a timeline shows, in nanoseconds of the recording's clock (CLOCK_MONOTONIC), mapped onto a pixel
 * width. Immutable: zooming and panning give a new window.
 */
public record TimeWindow(long start, long end) {
    /** The narrowest window zooming gives: 100 ns. */
    public static final long MIN_LENGTH = 100;

    public TimeWindow {
        if (end - start < MIN_LENGTH) {
            long middle = start + (end - start) / 2;
            start = middle - MIN_LENGTH / 2;
            end = start + MIN_LENGTH;
        }
    }

    public long length() {
        return end - start;
    }

    /** The pixel column (fractional) of {@code time} in a window {@code width} pixels wide. */
    public double xOf(long time, int width) {
        return (time - start) * (double) width / length();
    }

    /** The time at the left edge of pixel column {@code x}. */
    public long timeAt(double x, int width) {
        return start + Math.round(x * length() / width);
    }

    /** Zoomed by {@code factor} (below 1: in) so that {@code around} stays at the same place on the screen. */
    public TimeWindow zoom(double factor, long around) {
        return new TimeWindow(around - Math.round((around - start) * factor), around + Math.round((end - around) * factor));
    }

    /** Moved by {@code delta} nanoseconds (positive: later). */
    public TimeWindow pan(long delta) {
        return new TimeWindow(start + delta, end + delta);
    }

    /**
     * This window when it shows all of {@code [from, to]}, else a window of the same length centred on the middle of it
     * (to reveal an event found by a search or a jump).
     */
    public TimeWindow revealing(long from, long to) {
        if (from >= start && to <= end) {
            return this;
        }
        long middle = from + (to - from) / 2;
        return new TimeWindow(middle - length() / 2, middle - length() / 2 + length());
    }

    /**
     * Moved, not resized, to lie inside {@code bounds} as far as it can; one longer than them starts where they start.
     * (A window centred on an event near the start of a recording showed a ruler of negative times before it.)
     */
    public TimeWindow within(TimeWindow bounds) {
        long delta = Math.min(0, bounds.end - end);
        if (start + delta < bounds.start) {
            delta = bounds.start - start;
        }
        return delta == 0 ? this : pan(delta);
    }

    /**
     * The window around {@code [from, to]} with a tenth of its length (at least {@link #MIN_LENGTH}) as margin on each
     * side: to show two events together, the accesses of a race.
     */
    public static TimeWindow around(long from, long to) {
        long margin = Math.max(MIN_LENGTH, (to - from) / 10);
        return new TimeWindow(from - margin, to + margin);
    }

    /**
     * The times of the ruler's ticks in this window: multiples of the smallest step of 1, 2 or 5 times a power of ten
     * nanoseconds that keeps ticks at least {@code minPixels} apart.
     */
    public List<Long> ticks(int width, int minPixels) {
        long step = tickStep(width, minPixels);
        List<Long> ticks = new ArrayList<>();
        for (long t = Math.floorDiv(start, step) * step; t <= end; t += step) {
            if (t >= start) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    /** The distance between two ticks of {@link #ticks(int, int)}. */
    public long tickStep(int width, int minPixels) {
        double minStep = (double) length() * minPixels / Math.max(1, width);
        for (long power = 1;; power *= 10) {
            for (long multiple : new long[] { 1, 2, 5 }) {
                if (power * multiple >= minStep) {
                    return power * multiple;
                }
            }
        }
    }
}
