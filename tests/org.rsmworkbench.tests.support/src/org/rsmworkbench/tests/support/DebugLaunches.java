// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.time.Duration;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;

/** The launches a test started: ended and removed after it, so that the next test starts from none. */
public final class DebugLaunches {
    /** How long a terminated launch may take to end (its node JVMs to exit). */
    public static final Duration END_TIMEOUT = Duration.ofSeconds(60);

    private DebugLaunches() {
    }

    /** Terminates the launch unless it ended, waits until it has (at most {@link #END_TIMEOUT}) and removes it. */
    public static void endAndRemove(ILaunch launch) throws DebugException {
        if (!launch.isTerminated()) {
            launch.terminate();
        }
        TestUtils.waitFor(launch::isTerminated, END_TIMEOUT);
        DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
    }

    /** {@link #endAndRemove} for every launch of the launch manager. */
    public static void endAndRemoveAll() throws DebugException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            endAndRemove(launch);
        }
    }
}
