// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Signalable;

/** The poll descriptor of a recorded segment: names that segment, and gives the emulator its own descriptor back. */
record RecordedPollFd(PollFd pollFd, Signalable segment) implements PollFd {
    @Override
    public boolean ready() {
        return pollFd.ready();
    }
}
