// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** A segment that can post and wait for RSM signals (events). */
public interface Signalable {
    void signalPost(int flags) throws RsmException;

    /** Waits for one event: -1 forever, 0 no wait; TIMEOUT, INTERRUPTED as RSMAPI says. */
    void signalWait(int timeoutMillis) throws RsmException;

    PollFd getPollFd() throws RsmException;

    void releasePollFd() throws RsmException;
}
