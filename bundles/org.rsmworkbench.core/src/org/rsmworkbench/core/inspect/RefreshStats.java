// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.util.concurrent.atomic.AtomicLong;

/** Figures of a live view's refreshes (thread safe): reads in the background, updates on the UI thread. */
public final class RefreshStats {
    /** The figures at one moment. */
    public record Figures(long refreshes, long uiUpdates, long rowsReplaced, double averageUiMillis, double maxUiMillis,
            long lastBytesRead, long totalBytesRead) {
    }

    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong uiUpdates = new AtomicLong();
    private final AtomicLong rowsReplaced = new AtomicLong();
    private final AtomicLong uiNanos = new AtomicLong();
    private final AtomicLong maxUiNanos = new AtomicLong();
    private final AtomicLong lastBytesRead = new AtomicLong();
    private final AtomicLong totalBytesRead = new AtomicLong();

    /** A refresh read that many bytes. */
    public void read(long bytes) {
        refreshes.incrementAndGet();
        lastBytesRead.set(bytes);
        totalBytesRead.addAndGet(bytes);
    }

    /**
     * An update of the UI replaced that many rows in that many nanoseconds.
     *
     * @return how many updates there were, this one included
     */
    public long updated(int rows, long nanos) {
        rowsReplaced.addAndGet(rows);
        uiNanos.addAndGet(nanos);
        maxUiNanos.accumulateAndGet(nanos, Math::max);
        return uiUpdates.incrementAndGet();
    }

    public Figures figures() {
        long updates = uiUpdates.get();
        return new Figures(refreshes.get(), updates, rowsReplaced.get(), updates == 0 ? 0 : uiNanos.get() / 1e6 / updates,
                maxUiNanos.get() / 1e6, lastBytesRead.get(), totalBytesRead.get());
    }

    /** Clears the figures (a benchmark's warm-up); the last read's size stays. */
    public void reset() {
        refreshes.set(0);
        uiUpdates.set(0);
        rowsReplaced.set(0);
        uiNanos.set(0);
        maxUiNanos.set(0);
        totalBytesRead.set(0);
    }
}
