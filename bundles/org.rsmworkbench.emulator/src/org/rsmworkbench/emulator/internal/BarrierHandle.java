// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A barrier of one import segment (RSMAPI §3.5). As in the original, open/closed is not tracked: close
 * without open succeeds, and BARRIER_NOT_OPENED is never returned.
 */
final class BarrierHandle implements Barrier {
    private final ImportHandle segment;
    private volatile boolean destroyed;
    private volatile int generationAtOpen;
    /**
     * Whether the connection was forcibly disconnected at open: a distributed import with files of its own learns of a
     * forced disconnect from the registry, its generation unchanged.
     */
    private volatile boolean abortedAtOpen;

    BarrierHandle(ImportHandle segment) {
        this.segment = segment;
        this.generationAtOpen = segment.generation();
        this.abortedAtOpen = segment.isAborted();
    }

    private void checkInitialized() throws RsmException {
        if (destroyed) {
            throw error(RsmError.BARRIER_UNINITIALIZED, "the barrier of %s has been destroyed", segment.describe());
        }
        segment.checkValid();
    }

    @Override
    public void open() throws RsmException {
        checkInitialized();
        if (segment.isAborted() || segment.isPathDown()) {
            throw error(RsmError.BARRIER_OPEN_FAILED, "cannot open a barrier on %s: the connection was lost (%s)", segment.describe(),
                    segment.lostConnectionCause());
        }
        generationAtOpen = segment.generation();
        abortedAtOpen = false;
        segment.spanFailed = false;
    }

    @Override
    public void order() throws RsmException {
        checkInitialized();
        String failure = segment.completeSpan();
        if (failure != null) { // RSMAPI §3.5: the driver's failure to order is the order barrier's; the span fails too
            throw error(RsmError.BARRIER_FAILURE, "the transfers to %s before this order barrier could not be completed (%s)",
                    segment.describe(), failure);
        }
    }

    @Override
    public void close() throws RsmException {
        checkInitialized();
        if (segment.generation() != generationAtOpen || segment.isAborted() && !abortedAtOpen) {
            throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected during the barrier span (%s)", segment.describe(),
                    segment.lostConnectionCause());
        }
        String failure = segment.completeSpan();
        if (segment.spanFailed) {
            segment.spanFailed = false;
            throw error(RsmError.BARRIER_FAILURE, "a transfer to %s in this barrier span failed%s", segment.describe(),
                    failure != null ? " (" + failure + ")" : "");
        }
    }

    @Override
    public void destroy() throws RsmException {
        checkInitialized();
        destroyed = true;
        segment.barrierDestroyed(this);
    }
}
