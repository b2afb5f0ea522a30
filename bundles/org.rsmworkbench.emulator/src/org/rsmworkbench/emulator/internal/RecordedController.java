// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.foreign.MemorySegment;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.rsmapi.ControllerAttributes;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.LocalMemoryHandle;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;

/** A controller whose calls, and those of the segments it makes, are recorded. */
final class RecordedController extends Recorded implements RsmController {
    private final RsmController controller;
    private final int localNode;

    RecordedController(RsmController controller, TraceLog log, int localNode) {
        super(log);
        this.controller = controller;
        this.localNode = localNode;
    }

    @Override
    public String name() {
        return controller.name();
    }

    @Override
    public ControllerAttributes getAttributes() throws RsmException {
        return controller.getAttributes();
    }

    @Override
    public void release() throws RsmException {
        record(EventKind.CONTROLLER_RELEASE, 0, 0, 0, controller::release);
    }

    @Override
    public void close() throws RsmException {
        release();
    }

    @Override
    public ExportSegment createExportSegment(MemorySegment memory, int flags) throws RsmException {
        long start = log.begin(EventKind.EXPORT_CREATE);
        try {
            ExportSegment export = controller.createExportSegment(memory, flags);
            log.transfer(EventKind.EXPORT_CREATE, start, 0, localNode, 0, 0, export.size(), flags, null,
                    org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm.NONE);
            return new RecordedExport(export, log, localNode, memory);
        } catch (RsmException | RuntimeException e) {
            log.call(EventKind.EXPORT_CREATE, start, errorOf(e), localNode, 0, flags);
            throw e;
        }
    }

    @Override
    public ImportSegment connect(int nodeId, int segmentId, int permission) throws RsmException {
        return new RecordedImport(record(EventKind.CONNECT, nodeId, segmentId, permission,
                () -> controller.connect(nodeId, segmentId, permission)), log);
    }

    @Override
    public LocalMemoryHandle createLocalMemoryHandle(MemorySegment memory) throws RsmException {
        return record(EventKind.LOCAL_HANDLE_CREATE, 0, 0, memory == null ? 0 : memory.byteSize(),
                () -> controller.createLocalMemoryHandle(memory));
    }

    @Override
    public void freeLocalMemoryHandle(LocalMemoryHandle handle) throws RsmException {
        record(EventKind.LOCAL_HANDLE_FREE, 0, 0, 0, () -> controller.freeLocalMemoryHandle(handle));
    }
}
