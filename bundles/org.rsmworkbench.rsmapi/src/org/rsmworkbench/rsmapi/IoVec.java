// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.lang.foreign.MemorySegment;

/** One request of a scatter/gather list ({@code rsm_iovec_t}). */
public sealed interface IoVec {
    long remoteOffset();

    long length();

    /** Local memory named directly (RSM_VA_TYPE). */
    record Local(MemorySegment memory, long localOffset, long remoteOffset, long length) implements IoVec {
    }

    /** Local memory named by a handle (RSM_HANDLE_TYPE). */
    record Handle(LocalMemoryHandle handle, long localOffset, long remoteOffset, long length) implements IoVec {
    }
}
