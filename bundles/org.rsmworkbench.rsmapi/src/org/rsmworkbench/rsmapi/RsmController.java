// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.lang.foreign.MemorySegment;

/** A controller (adapter) opened by this process; refcounted as rsm_get/release_controller. */
public interface RsmController extends AutoCloseable {
    String name();

    ControllerAttributes getAttributes() throws RsmException;

    void release() throws RsmException;

    /** The same as {@link #release()}. */
    @Override
    void close() throws RsmException;

    ExportSegment createExportSegment(MemorySegment memory, int flags) throws RsmException;

    ImportSegment connect(int nodeId, int segmentId, int permission) throws RsmException;

    LocalMemoryHandle createLocalMemoryHandle(MemorySegment memory) throws RsmException;

    void freeLocalMemoryHandle(LocalMemoryHandle handle) throws RsmException;
}
