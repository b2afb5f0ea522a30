// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** The stand-in for the {@code struct pollfd} of a segment, for {@link RsmLibrary#signalWaitPollFd}. */
public interface PollFd {
    Signalable segment();

    /** Whether the last {@code signalWaitPollFd} consumed an event for this segment. */
    boolean ready();
}
