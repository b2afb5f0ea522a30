// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** {@code rsm_barrier_type_t}. */
public enum BarrierType {
    SEGMENT(0x01), NODE(0x02), SEGMENT_THREAD(0x11), NODE_THREAD(0x12);

    private final int code;

    BarrierType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
