// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Signalable;

/** The pollfd of one segment handle. */
final class PollFdImpl implements PollFd {
    private final SegmentHandle owner;
    private volatile boolean ready;

    PollFdImpl(SegmentHandle owner) {
        this.owner = owner;
    }

    SegmentHandle owner() {
        return owner;
    }

    void setReady(boolean ready) {
        this.ready = ready;
    }

    @Override
    public Signalable segment() {
        return owner;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String toString() {
        return "pollfd of " + owner.describe();
    }
}
