// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** {@code rsm_barrier_mode_t}: IMPLICIT is the mode of a new connection. */
public enum BarrierMode {
    EXPLICIT(0), IMPLICIT(1);

    private final int code;

    BarrierMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
