// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.lang.foreign.MemorySegment;

/** {@code rsm_localmemory_handle_t}: local memory registered for scatter/gather. */
public interface LocalMemoryHandle {
    MemorySegment memory();
}
