// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.foreign.MemorySegment;

import org.rsmworkbench.rsmapi.LocalMemoryHandle;
import org.rsmworkbench.rsmapi.RsmException;

/** A local memory handle: the caller's memory and the surrogate export segment that stands for it. */
final class LocalHandle implements LocalMemoryHandle {
    private final Controller controller;
    private final MemorySegment memory;
    private final ExportHandle surrogate;
    private volatile boolean freed;

    LocalHandle(Controller controller, MemorySegment memory, ExportHandle surrogate) {
        this.controller = controller;
        this.memory = memory;
        this.surrogate = surrogate;
    }

    Controller controller() {
        return controller;
    }

    boolean isFreed() {
        return freed || controller.process.isClosed();
    }

    void free() throws RsmException {
        freed = true;
        surrogate.destroy();
    }

    @Override
    public MemorySegment memory() {
        return memory;
    }

    @Override
    public String toString() {
        return "local memory handle of " + memory.byteSize() + " bytes";
    }
}
