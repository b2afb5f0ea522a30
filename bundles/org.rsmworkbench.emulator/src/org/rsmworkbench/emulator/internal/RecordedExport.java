// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.RsmException;

/** An export segment whose calls are recorded; its segment id is known from its publish on. */
final class RecordedExport extends Recorded implements ExportSegment {
    private final ExportSegment export;
    private final int node;
    private volatile int segmentId;
    /** The memory behind the segment: stores into it are recorded while it is published ({@link SegmentWatch}). */
    private volatile MemorySegment memory;

    RecordedExport(ExportSegment export, TraceLog log, int node, MemorySegment memory) {
        super(log);
        this.export = export;
        this.node = node;
        this.memory = memory;
    }

    @Override
    public int publish(int requestedId, List<AccessEntry> acl) throws RsmException {
        long start = log.begin(EventKind.EXPORT_PUBLISH);
        try {
            segmentId = export.publish(requestedId, acl);
            log.call(EventKind.EXPORT_PUBLISH, start, 0, node, segmentId, acl == null ? 0 : acl.size());
            log.watch.watchExport(this, node, segmentId, memory);
            log.memory.add(this, memory, node, segmentId, 0);
            return segmentId;
        } catch (RsmException | RuntimeException e) {
            log.call(EventKind.EXPORT_PUBLISH, start, errorOf(e), node, requestedId, acl == null ? 0 : acl.size());
            throw e;
        }
    }

    @Override
    public void unpublish() throws RsmException {
        record(EventKind.EXPORT_UNPUBLISH, node, segmentId, 0, () -> {
            export.unpublish();
            log.watch.unwatch(this);
            log.memory.remove(this);
        });
    }

    @Override
    public void republish(List<AccessEntry> acl) throws RsmException {
        record(EventKind.EXPORT_REPUBLISH, node, segmentId, acl == null ? 0 : acl.size(), () -> export.republish(acl));
    }

    @Override
    public void rebind(MemorySegment memory) throws RsmException {
        long start = log.begin(EventKind.EXPORT_REBIND);
        try {
            export.rebind(memory);
            this.memory = memory;
            log.transfer(EventKind.EXPORT_REBIND, start, 0, node, segmentId, 0, memory.byteSize(), 0, null, PayloadForm.NONE);
            if (log.watch.watches(this)) {
                log.watch.watchExport(this, node, segmentId, memory); // what importers now reach
                log.memory.add(this, memory, node, segmentId, 0);
            }
        } catch (RsmException | RuntimeException e) {
            log.call(EventKind.EXPORT_REBIND, start, errorOf(e), node, segmentId, 0);
            throw e;
        }
    }

    @Override
    public void destroy() throws RsmException {
        record(EventKind.EXPORT_DESTROY, node, segmentId, 0, () -> {
            export.destroy();
            log.watch.unwatch(this);
            log.memory.remove(this);
        });
    }

    @Override
    public long size() {
        return export.size();
    }

    @Override
    public void signalPost(int flags) throws RsmException {
        record(EventKind.SIGNAL_POST, node, segmentId, flags | TraceEvent.EXPORT_SIDE, () -> export.signalPost(flags));
    }

    @Override
    public void signalWait(int timeoutMillis) throws RsmException {
        RecordedImport.recordWait(log, node, segmentId, true, timeoutMillis, export);
    }

    @Override
    public PollFd getPollFd() throws RsmException {
        return new RecordedPollFd(record(EventKind.POLLFD_GET, node, segmentId, TraceEvent.EXPORT_SIDE, export::getPollFd), this);
    }

    @Override
    public void releasePollFd() throws RsmException {
        record(EventKind.POLLFD_RELEASE, node, segmentId, TraceEvent.EXPORT_SIDE, export::releasePollFd);
    }

    @Override
    public String toString() {
        return export + " (recorded)";
    }
}
