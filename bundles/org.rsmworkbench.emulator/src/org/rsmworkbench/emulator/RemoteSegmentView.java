// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A segment of a {@link RemoteSegments} cluster as an observer sees it: {@link #memory()} is a copy that
 * {@link #fetch(long, long)} brings up to date (what was read last stays readable once the segment is gone), and a write
 * goes through only as a process of a node with credentials that the cluster's connect would let write.
 */
public interface RemoteSegmentView extends SegmentView {
    /**
     * Checks, against the cluster's registry now, what a connect for writing of a process of {@code node} with
     * {@code credentials} would be checked for (RSMAPI.md: the same order and errors). Blocks on the network.
     *
     * @throws RsmException the error such a connect would give (PERM_DENIED, SEG_NOT_PUBLISHED_TO_NODE, ...), or why the
     *             registry cannot be asked
     */
    void checkWrite(int node, Credentials credentials) throws RsmException;

    /**
     * {@link #checkWrite}, then puts {@code bytes} at {@code offset} and returns once they are in the segment (read back
     * into the copy). Blocks on the network.
     *
     * @throws RsmException as {@link #checkWrite}, or BARRIER_FAILURE when the path to the exporter fails
     */
    void write(int node, Credentials credentials, long offset, byte[] bytes) throws RsmException;
}
