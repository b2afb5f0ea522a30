// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * librsm inside one process of one node. Handles made by one library belong to that process.
 */
public interface RsmLibrary extends AutoCloseable {
    int localNodeId();

    Credentials credentials();

    /** Page-aligned, shared, zero-filled memory that can be exported. */
    MemorySegment allocate(long length) throws RsmException;

    /** The controller of that name ({@code <type><unit>}); null means "loopback". */
    RsmController getController(String name) throws RsmException;

    Topology getInterconnectTopology() throws RsmException;

    SegmentIdRange getSegmentIdRange(String appId) throws RsmException;

    /** Waits for events on several segments; returns how many are ready. */
    int signalWaitPollFd(List<PollFd> fds, int timeoutMillis) throws RsmException;

    /** The process exits: exports destroyed, imports disconnected, controllers released. Idempotent. */
    @Override
    void close();
}
