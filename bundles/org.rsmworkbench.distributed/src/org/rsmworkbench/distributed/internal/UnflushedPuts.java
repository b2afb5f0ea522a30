// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The puts started on one UCX endpoint that no completed flush covers yet: a signal on the endpoint flushes first while
 * there are some, so that the puts before it land before it, whichever thread made them and whichever thread flushed
 * since. A flush covers the puts started before it started, and only once it has completed: another thread's flush that
 * is still running covers nothing yet.
 */
public final class UnflushedPuts {
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong covered = new AtomicLong();

    /** Counts a put that has started on the endpoint (UCX took it). */
    public void putStarted() {
        started.incrementAndGet();
    }

    /** What a flush that starts now covers: given to {@link #flushed} once that flush has completed. */
    public long flushStarting() {
        return started.get();
    }

    /** The flush that began at {@code mark} ({@link #flushStarting}) has completed: the puts started before it have landed. */
    public void flushed(long mark) {
        covered.accumulateAndGet(mark, Math::max);
    }

    /** Whether a put started before this call may not have landed yet. */
    public boolean any() {
        return covered.get() < started.get();
    }
}
