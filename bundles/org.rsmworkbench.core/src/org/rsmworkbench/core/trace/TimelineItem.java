// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * One thing to draw in a lane, in pixels of the window it was computed for.
 *
 * @param x0 the first pixel column (may be negative when it begins left of the window)
 * @param x1 the last pixel column, {@code >= x0} (may be past the width)
 * @param category the colour: the event's, or for a busy run the category most of its events have
 * @param event the event drawn, or null for a busy run
 * @param count how many events the item stands for (1 unless a busy run)
 */
public record TimelineItem(Shape shape, int x0, int x1, TimelineCategory category, TraceEvent event, int count) {

    /** How an item is drawn. */
    public enum Shape {
        /** A call, at least a pixel wide. */
        SPAN,
        /** A signal wait (drawn hatched), from its start to its return. */
        WAIT,
        /** Several calls each narrower than a pixel, merged: the thread was busy with RSM calls there. */
        BUSY,
        /** An instant on a node lane: a fault, a process started or ended. */
        MARKER,
        /**
         * On a process lane, where its log met its size limit ({@link TimelineModel#logLimitAt}): where a log that
         * stopped ends holding every event, or where a ring begins to ({@link org.rsmworkbench.emulator.trace.LogLimit#time()}). No event.
         */
        LOG_LIMIT
    }
}
