// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.backend;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * The data path of one connection of a distributed cluster, as its importer sees it: one-sided transfers into and out of
 * the exporter's memory and signals to the exporter, with no mapping of that memory. The import segment has checked every
 * argument (offsets, lengths, permissions) before it calls these; a failure here is the path's (the exporter gone, the
 * network cut), which the import segment reports with RSMAPI's code for a failed transfer.
 */
public interface RemoteSegment {
    /** Whether the exporter runs on this host, so that its memory can be mapped here. */
    boolean isOnThisHost();

    /**
     * Why the path to the exporter is down (a transfer found it cut, or its process gone), or null while it is up. A path
     * once down stays down: its connections fail, a new connect makes a new path.
     */
    String pathDown();

    /** Copies {@code source} to the segment at {@code offset}; returns once {@code source} may be reused. */
    void put(long offset, MemorySegment source) throws IOException;

    /** Copies the segment's bytes from {@code offset} into {@code destination}; returns once they are there. */
    void get(long offset, MemorySegment destination) throws IOException;

    /** Returns once every put made so far has reached the exporter's memory. */
    void flush() throws IOException;

    /** Posts a signal to the segment once the puts before it have reached it: the exporter's waiters on it wake up. */
    void signal() throws IOException;

    /** Releases what the connection holds of the path (the remote key); once only. */
    void close();
}
