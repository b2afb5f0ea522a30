// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.ScatterGather;
import org.rsmworkbench.rsmapi.Signalable;

/**
 * An import segment whose calls are recorded. A put records the bytes it wrote; a get the bytes it read, or their
 * digest (FNV-1a 64). A putv records, for each request that completed, its remote offset and length (8 bytes each,
 * little-endian) then its bytes; a getv the same with the bytes or their digest.
 */
final class RecordedImport extends Recorded implements ImportSegment {
    private final ImportSegment segment;
    private final int node;
    private final int id;
    /** The segment as the recording knows it ({@link SegmentWatch}): puts write their bytes here too. Null if none. */
    private final MemorySegment shadow;

    RecordedImport(ImportSegment segment, TraceLog log) {
        super(log);
        this.segment = segment;
        this.node = segment.nodeId();
        this.id = segment.segmentId();
        this.shadow = log.watch.shadow(node, id, segment.size());
    }

    @Override
    public int nodeId() {
        return node;
    }

    @Override
    public int segmentId() {
        return id;
    }

    @Override
    public long size() {
        return segment.size();
    }

    @Override
    public int permission() {
        return segment.permission();
    }

    @Override
    public MemorySegment map(int attributes, int permission, long offset, long length) throws RsmException {
        long start = log.begin(EventKind.MAP);
        try {
            MemorySegment mapping = segment.map(attributes, permission, offset, length);
            log.transfer(EventKind.MAP, start, 0, node, id, offset, mapping.byteSize(), permission, null, PayloadForm.NONE);
            log.memory.add(this, mapping, node, id, offset);
            if ((permission & Rsm.PERM_WRITE) != 0 && shadow != null) {
                log.watch.watchMapping(this, node, id, offset, mapping, shadow, this::reachesSegment);
            }
            return mapping;
        } catch (RsmException | RuntimeException e) {
            log.transfer(EventKind.MAP, start, errorOf(e), node, id, offset, length, permission, null, PayloadForm.NONE);
            throw e;
        }
    }

    @Override
    public void unmap() throws RsmException {
        record(EventKind.UNMAP, node, id, 0, () -> {
            log.watch.unwatch(this); // before the mapping goes: its stores were seen as this call began
            log.memory.remove(this);
            segment.unmap();
        });
    }

    @Override
    public void disconnect() throws RsmException {
        record(EventKind.DISCONNECT, node, id, 0, () -> {
            log.watch.unwatch(this);
            log.memory.remove(this);
            segment.disconnect();
        });
    }

    /** Whether a mapping of this import reaches the segment: not after a forced disconnect, which maps trash over it. */
    private boolean reachesSegment() {
        return !(segment instanceof ImportHandle handle) || !handle.isAborted();
    }

    @Override
    public void close() throws RsmException {
        disconnect();
    }

    // ------------------------------------------------------------ data: written out, no lambda on the fast path

    @Override
    public void put(long offset, MemorySegment src) throws RsmException {
        long start = log.begin(EventKind.PUT);
        int error = 0;
        try {
            segment.put(offset, src);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            putDone(start, error, offset, src);
        }
    }

    @Override
    public void put8(long offset, byte[] src, int repCount) throws RsmException {
        long start = log.begin(EventKind.PUT);
        int error = 0;
        try {
            segment.put8(offset, src, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            putDone(start, error, offset, src, ValueLayout.JAVA_BYTE, repCount);
        }
    }

    @Override
    public void put16(long offset, short[] src, int repCount) throws RsmException {
        long start = log.begin(EventKind.PUT);
        int error = 0;
        try {
            segment.put16(offset, src, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            putDone(start, error, offset, src, ValueLayout.JAVA_SHORT_UNALIGNED, repCount);
        }
    }

    @Override
    public void put32(long offset, int[] src, int repCount) throws RsmException {
        long start = log.begin(EventKind.PUT);
        int error = 0;
        try {
            segment.put32(offset, src, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            putDone(start, error, offset, src, ValueLayout.JAVA_INT_UNALIGNED, repCount);
        }
    }

    @Override
    public void put64(long offset, long[] src, int repCount) throws RsmException {
        long start = log.begin(EventKind.PUT);
        int error = 0;
        try {
            segment.put64(offset, src, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            putDone(start, error, offset, src, ValueLayout.JAVA_LONG_UNALIGNED, repCount);
        }
    }

    /** Records a put of elements of an array: with them when it succeeded, else only its offset. */
    private void putDone(long start, int error, long offset, Object src, ValueLayout element, int count) {
        if (error != 0) {
            putDone(start, error, offset, null);
            return;
        }
        if (shadow != null) {
            MemorySegment.copy(src, 0, shadow, element, offset, count);
        }
        log.put(start, node, id, offset, src, element, count);
    }

    /** Records a put: with its bytes when it succeeded ({@code bytes}), else only its offset. */
    private void putDone(long start, int error, long offset, MemorySegment bytes) {
        if (error != 0) {
            log.transfer(EventKind.PUT, start, error, node, id, offset, 0, 0, null, PayloadForm.NONE);
            return;
        }
        if (shadow != null) {
            MemorySegment.copy(bytes, 0, shadow, offset, bytes.byteSize());
        }
        log.transfer(EventKind.PUT, start, 0, node, id, offset, bytes.byteSize(), 0, bytes, PayloadForm.BYTES);
    }

    @Override
    public void get(long offset, MemorySegment dst) throws RsmException {
        long start = log.begin(EventKind.GET);
        int error = 0;
        try {
            segment.get(offset, dst);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            getDone(start, error, offset, dst);
        }
    }

    @Override
    public void get8(long offset, byte[] dst, int repCount) throws RsmException {
        long start = log.begin(EventKind.GET);
        int error = 0;
        try {
            segment.get8(offset, dst, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            getDone(start, error, offset, error == 0 ? MemorySegment.ofArray(dst).asSlice(0, repCount) : null);
        }
    }

    @Override
    public void get16(long offset, short[] dst, int repCount) throws RsmException {
        long start = log.begin(EventKind.GET);
        int error = 0;
        try {
            segment.get16(offset, dst, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            getDone(start, error, offset, error == 0 ? MemorySegment.ofArray(dst).asSlice(0, 2L * repCount) : null);
        }
    }

    @Override
    public void get32(long offset, int[] dst, int repCount) throws RsmException {
        long start = log.begin(EventKind.GET);
        int error = 0;
        try {
            segment.get32(offset, dst, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            getDone(start, error, offset, error == 0 ? MemorySegment.ofArray(dst).asSlice(0, 4L * repCount) : null);
        }
    }

    @Override
    public void get64(long offset, long[] dst, int repCount) throws RsmException {
        long start = log.begin(EventKind.GET);
        int error = 0;
        try {
            segment.get64(offset, dst, repCount);
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            getDone(start, error, offset, error == 0 ? MemorySegment.ofArray(dst).asSlice(0, 8L * repCount) : null);
        }
    }

    /** Records a get: with the bytes it read, or their digest, when it succeeded. */
    private void getDone(long start, int error, long offset, MemorySegment bytes) {
        if (error != 0 || bytes == null) {
            log.transfer(EventKind.GET, start, error, node, id, offset, 0, 0, null, PayloadForm.NONE);
        } else if (log.fullGets()) {
            log.transfer(EventKind.GET, start, 0, node, id, offset, bytes.byteSize(), 0, bytes, PayloadForm.BYTES);
        } else {
            log.transfer(EventKind.GET, start, 0, node, id, offset, bytes.byteSize(), 0,
                    digestOf(bytes, 0, bytes.byteSize()), PayloadForm.DIGEST);
        }
    }

    private static MemorySegment digestOf(MemorySegment bytes, long offset, long length) {
        return MemorySegment.ofArray(new long[] { org.rsmworkbench.emulator.internal.TraceFormat.digest(bytes, offset, length) });
    }

    // ------------------------------------------------------------ scatter/gather

    @Override
    public void putv(ScatterGather sg) throws RsmException {
        transferVector(EventKind.PUTV, sg);
    }

    @Override
    public void getv(ScatterGather sg) throws RsmException {
        transferVector(EventKind.GETV, sg);
    }

    /** Runs a putv or getv on the emulator's own handle of {@code sg.remote()} and records the requests that completed. */
    private void transferVector(EventKind kind, ScatterGather sg) throws RsmException {
        long start = log.begin(kind);
        ScatterGather own = sg;
        // the segment the requests go to: this import's, or the recorded import the scatter/gather names
        int remoteNode = node;
        int remoteId = id;
        MemorySegment remoteShadow = shadow;
        if (sg != null && sg.remote() instanceof RecordedImport recorded) {
            remoteNode = recorded.node;
            remoteId = recorded.id;
            remoteShadow = recorded.shadow;
            own = new ScatterGather(recorded.segment, sg.flags());
            sg.requests().forEach(own::add);
        }
        int error = 0;
        try {
            if (kind == EventKind.PUTV) {
                segment.putv(own);
            } else {
                segment.getv(own);
            }
        } catch (RsmException | RuntimeException e) {
            error = errorOf(e);
            throw e;
        } finally {
            if (sg != null && own != sg) {
                sg.setResidualCount(own.residualCount());
            }
            int completed = sg == null ? 0 : sg.requests().size() - own.residualCount();
            if (kind == EventKind.PUTV && remoteShadow != null && sg != null) {
                for (IoVec request : sg.requests().subList(0, completed)) {
                    MemorySegment.copy(localBytes(request), 0, remoteShadow, request.remoteOffset(), request.length());
                }
            }
            MemorySegment payload = sg == null ? null : vectorPayload(kind, sg, completed);
            long bytes = sg == null ? 0 : sg.requests().stream().limit(completed).mapToLong(IoVec::length).sum();
            long firstOffset = sg == null || sg.requests().isEmpty() ? 0 : sg.requests().getFirst().remoteOffset();
            log.transfer(kind, start, error, remoteNode, remoteId, firstOffset, bytes, sg == null ? 0 : sg.requests().size(),
                    payload, payload == null ? PayloadForm.NONE : kind == EventKind.GETV && !log.fullGets() ? PayloadForm.DIGEST
                            : PayloadForm.BYTES);
        }
    }

    /** (remote offset, length, bytes or digest) of each completed request. */
    private MemorySegment vectorPayload(EventKind kind, ScatterGather sg, int completed) {
        boolean digest = kind == EventKind.GETV && !log.fullGets();
        long size = 0;
        for (IoVec request : sg.requests().subList(0, completed)) {
            size += 16 + (digest ? 8 : request.length());
        }
        if (completed == 0 || size > Integer.MAX_VALUE) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        for (IoVec request : sg.requests().subList(0, completed)) {
            payload.putLong(request.remoteOffset()).putLong(request.length());
            MemorySegment local = localBytes(request);
            if (digest) {
                payload.putLong(TraceFormat.digest(local, 0, local.byteSize()));
            } else {
                payload.put(local.toArray(ValueLayout.JAVA_BYTE));
            }
        }
        return MemorySegment.ofArray(payload.array());
    }

    /** The local bytes of a scatter/gather request. */
    private static MemorySegment localBytes(IoVec request) {
        return switch (request) {
            case IoVec.Local l -> l.memory().asSlice(l.localOffset(), l.length());
            case IoVec.Handle h -> h.handle().memory().asSlice(h.localOffset(), h.length());
        };
    }

    // ------------------------------------------------------------ barriers and signals

    @Override
    public Barrier initBarrier(BarrierType type) throws RsmException {
        return new RecordedBarrier(record(EventKind.BARRIER_INIT, node, id, 0, () -> segment.initBarrier(type)), log, node, id);
    }

    @Override
    public void setMode(BarrierMode mode) throws RsmException {
        record(EventKind.SET_MODE, node, id, mode == BarrierMode.EXPLICIT ? 1 : 0, () -> segment.setMode(mode));
    }

    @Override
    public BarrierMode getMode() throws RsmException {
        return segment.getMode();
    }

    @Override
    public void signalPost(int flags) throws RsmException {
        record(EventKind.SIGNAL_POST, node, id, flags, () -> segment.signalPost(flags));
    }

    @Override
    public void signalWait(int timeoutMillis) throws RsmException {
        recordWait(log, node, id, false, timeoutMillis, segment);
    }

    /**
     * Records a wait: always its return, an event from the wait's start to its return (1 event consumed, or its error);
     * its beginning (its value the timeout) only when the wait goes on past the first looks for an event
     * ({@link SegmentHandle#signalWaitQuickly}), so that a wait still running, or one its process died in, is seen. Most
     * waits of a signal ping-pong end in those looks, and the beginning's write was much of what recording added to a
     * signal. The handle of another library than the emulator's: its beginning first, as a wait of any length.
     */
    static void recordWait(TraceLog log, int node, int id, boolean exportSide, int timeoutMillis, Signalable segment)
            throws RsmException {
        long side = exportSide ? TraceEvent.EXPORT_SIDE : 0;
        long start = log.begin(EventKind.SIGNAL_WAIT_BEGIN);
        CallSite site = log.siteOf(EventKind.SIGNAL_WAIT);
        try {
            SegmentHandle handle = segment instanceof SegmentHandle h ? h : null;
            if (handle == null || !handle.signalWaitQuickly(timeoutMillis)) {
                log.call(EventKind.SIGNAL_WAIT_BEGIN, start, 0, node, id, side | timeoutMillis & 0xFFFF_FFFFL, site);
                if (handle != null) {
                    handle.signalWaitLong(timeoutMillis);
                } else {
                    segment.signalWait(timeoutMillis);
                }
            }
            log.call(EventKind.SIGNAL_WAIT, start, 0, node, id, side | 1, site);
        } catch (RsmException | RuntimeException e) {
            log.call(EventKind.SIGNAL_WAIT, start, errorOf(e), node, id, side, site);
            throw e;
        }
    }

    @Override
    public PollFd getPollFd() throws RsmException {
        return new RecordedPollFd(record(EventKind.POLLFD_GET, node, id, 0, segment::getPollFd), this);
    }

    @Override
    public void releasePollFd() throws RsmException {
        record(EventKind.POLLFD_RELEASE, node, id, 0, segment::releasePollFd);
    }

    @Override
    public String toString() {
        return segment + " (recorded)";
    }
}
