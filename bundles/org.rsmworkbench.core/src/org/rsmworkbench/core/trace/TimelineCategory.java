// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;

/** The colour of an event on the timeline: its kind's category, or {@link #ERROR} when the call failed. */
public enum TimelineCategory {
    DATA, BARRIER, SIGNAL, CONTROL, ERROR,
    /** A fault injected, a node process started or ended (a marker on its node's lane). */
    FAULT;

    /** The category an event is drawn in. */
    public static TimelineCategory of(TraceEvent event) {
        return of(event.kind(), event.error());
    }

    /** The category of an event of {@code kind} that failed with {@code error} (0: it succeeded). */
    public static TimelineCategory of(EventKind kind, int error) {
        if (kind.category() == EventKind.Category.FAULT) {
            return FAULT;
        }
        if (error != 0) {
            return ERROR;
        }
        return switch (kind.category()) {
            case DATA -> DATA;
            case BARRIER -> BARRIER;
            case SIGNAL -> SIGNAL;
            default -> CONTROL;
        };
    }

    /** The lower-case name, for labels. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
