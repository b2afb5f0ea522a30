// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

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
