// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

/** A command-line argument of {@code rsm-launch} that is wrong; the message says which and why, in one line. */
public final class LaunchArgumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public LaunchArgumentException(String message) {
        super(message);
    }
}
