// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * What the recording handles ({@link RecordedLibrary} and the handles it gives out) share: running a call and
 * recording it with its result. The handles wrap the emulator's own, which they call: a process that does not record
 * never meets them, so recording off costs nothing.
 */
abstract class Recorded {
    /** A call that returns a value. */
    interface Call<T> {
        T run() throws RsmException;
    }

    /** A call that returns nothing. */
    interface Action {
        void run() throws RsmException;
    }

    final TraceLog log;

    Recorded(TraceLog log) {
        this.log = log;
    }

    /** Runs {@code call} and records it as {@code kind} on that segment with {@code value}, with its error if it fails. */
    final <T> T record(EventKind kind, int segmentNode, int segmentId, long value, Call<T> call) throws RsmException {
        long start = log.begin(kind);
        try {
            T result = call.run();
            log.call(kind, start, 0, segmentNode, segmentId, value);
            return result;
        } catch (RsmException e) {
            log.call(kind, start, e.code(), segmentNode, segmentId, value);
            throw e;
        } catch (RuntimeException | Error e) {
            log.call(kind, start, -1, segmentNode, segmentId, value);
            throw e;
        }
    }

    final void record(EventKind kind, int segmentNode, int segmentId, long value, Action action) throws RsmException {
        record(kind, segmentNode, segmentId, value, () -> {
            action.run();
            return null;
        });
    }

    /** The error number of what a call threw: its RSMERR number, or -1 for another exception. */
    static int errorOf(Throwable thrown) {
        return thrown instanceof RsmException e ? e.code() : -1;
    }
}
