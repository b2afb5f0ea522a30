// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

/**
 * A causal link between two events of a recording: {@code from} made {@code to} possible or ended it.
 */
public record Flow(Kind kind, TraceEvent from, TraceEvent to) {

    /** What links the two events. */
    public enum Kind {
        /** A signal post and the wait that consumed its event. */
        SIGNAL,
        /** A publish (or republish) and a connect to the segment it published. */
        PUBLISH,
        /**
         * What cut a connection (unpublish, destroy, rebind, a node killed) and a later call on that segment that
         * failed because the connection was lost.
         */
        FORCED_DISCONNECT,
        /**
         * A put and a later get on the same segment that read bytes it wrote: the get's range lies within the put's,
         * the put was the last one over that range to end before the get began, and the get's digest (or bytes) equals
         * the put's bytes there.
         */
        DATA;

        /** The lower-case name, as in the Chrome export's flow names. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
