// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * A read-only, live view of one export segment's memory for observers (the IDE's inspector and
 * Memory view): reads see what the exporter and importers write, take no lock and never block
 * the cluster. Writes go through an RSM put by a process, so that the ACL applies.
 */
public interface SegmentView extends AutoCloseable {
    int nodeId();

    int segmentId();

    long size();

    /** Whether the segment still exists (it may have been destroyed, or its node killed). */
    boolean isAlive();

    /** Why the segment no longer exists, for a message "... is gone (WHY)", once {@link #isAlive()} says so. */
    default String goneReason() {
        return "destroyed, or its node went down";
    }

    /**
     * Brings {@code [offset, offset + length)} of {@link #memory()} up to date. A view that maps the segment sees it live
     * and does nothing; a view of a segment in another process's memory over a network ({@link RemoteSegmentView}) reads
     * the range into its copy. May block on the network: not on a UI thread.
     *
     * @throws IOException when the range cannot be read now (the segment's exporter does not answer, say); the message
     *             says why, and a later call tries again
     */
    @SuppressWarnings("unused") // a mapped view reads nothing ahead: the range does not matter
    default void fetch(long offset, long length) throws IOException {
        // mapped: memory() is the segment itself
    }

    /**
     * The segment's current memory, read-only. It follows the segment when the emulator moves it
     * (rebind, forced disconnect); call again rather than keeping the result across refreshes.
     *
     * @throws IllegalStateException when the segment no longer exists, or its record in the cluster's registry is
     *         damaged
     * @throws java.io.UncheckedIOException when its memory cannot be mapped (its file is missing or too short)
     */
    MemorySegment memory();

    @Override
    void close();
}
