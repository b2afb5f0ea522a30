// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.RemoteSegment;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * An import segment of a distributed cluster: the checks and states of {@link ImportHandle}, its transfers through the
 * connection's {@link RemoteSegment data path} instead of a mapping. Chosen at connect, so that an import of a local
 * cluster keeps its own put and get (this class is never loaded there).
 * <p>
 * Without a mapping, put and get check their range against the whole segment (BAD_OFFSET beyond it, as after the local
 * backend's implicit mapping); once the program maps the segment (the exporter on this host only), against the mapping.
 * A failure of the path is the transfer's: BARRIER_FAILURE at once in IMPLICIT mode (where a put is flushed at once, as
 * the barrier span around it closes), at the span's close in EXPLICIT mode, whose close and order barriers flush the path
 * (an order barrier whose flush fails fails too).
 * A path that this handle's release closed under a call fails the call instead ({@link #failIfReleased}).
 * <p>
 * A path found down (a cut link: a request the exporter did not answer in time; RSMAPI §5.4) stays down for this
 * connection: its transfers and barrier orders and closes fail with BARRIER_FAILURE, its barrier opens with
 * BARRIER_OPEN_FAILED, its signals with REMOTE_NODE_UNREACHABLE, until the program disconnects and connects again (which
 * fails with REMOTE_NODE_UNREACHABLE while the exporter stays unreachable).
 */
final class RemoteImportHandle extends ImportHandle {
    private final ClusterRegistry.Connection recorded;
    private final RemoteSegment path;
    /**
     * Whether a transfer has passed the abort check: where the local backend maps the segment implicitly at the first one,
     * and later ones after a forced disconnect reach the trash its mapping moved onto (EXPLICIT mode: the span's close
     * fails), not CONN_ABORTED at once. A map then answers SEG_ALREADY_MAPPED, and an unmap removes it, as with that
     * implicit mapping.
     */
    private volatile boolean implicitlyMapped;

    RemoteImportHandle(Controller controller, Connection connection, ClusterRegistry.Connection recorded) {
        super(controller, connection, recorded);
        this.recorded = recorded;
        this.path = recorded.dataPath();
        recorded.onSignal(this::signalledByExporter);
    }

    /**
     * A signal the exporter posted through the data path: the event this connection's waiters wait for, as a local post
     * gives it; dropped once the connection's record is another's (disconnected since), or once it is cut off (a post to a
     * later publication of the segment's id is not this connection's).
     */
    private void signalledByExporter() {
        int slot = connection.slot();
        if (registry.getIntAcquire(Registry.Conn.at(slot, Registry.Conn.STATE)) == Registry.Conn.CONNECTED
                && registry.getInt(Registry.Conn.at(slot, Registry.Conn.SERIAL)) == connection.serial() && !isAborted()) {
            runtime.postEvent(eventCounter(), process.nodeId);
        }
    }

    /**
     * RSMAPI §3.3: the library's checks of a map come first (SEG_ALREADY_MAPPED, BAD_PERMS, BAD_LENGTH, BAD_MEM_ALIGNMENT),
     * then a controller without direct access answers the mmap with ENOTSUP: MAP_FAILED.
     */
    @Override
    MemorySegment mapChecked(long offset, long length, boolean readOnly) throws RsmException {
        if (!path.isOnThisHost() || connection.segmentSlot() == Connection.NO_SEGMENT_SLOT) {
            throw error(RsmError.MAP_FAILED, "cannot map %s: its exporter runs on another host%s, which this controller cannot"
                    + " reach directly; use put and get", describe(), path.isOnThisHost() ? " (its files are not this node's)" : "");
        }
        return super.mapChecked(offset, length, readOnly);
    }

    @Override
    boolean mappedByTransfers() {
        return implicitlyMapped;
    }

    @Override
    boolean unmapTransfers() {
        boolean was = implicitlyMapped;
        implicitlyMapped = false;
        return was;
    }

    /**
     * Forcibly disconnected, as the cluster's files say (a node JVM that shares them) or as the registry says (one with
     * files of its own, whose connection no other node's call reaches): every check of an abort sees both.
     */
    @Override
    boolean isAborted() {
        return super.isAborted() || recorded.isAborted();
    }

    /**
     * The checks of a transfer of {@code length} bytes at {@code offset} with element width {@code width}, in the order of
     * {@link ImportHandle}'s: at the first transfer without a mapping, a forcibly disconnected connection fails where the
     * implicit mapping would, before the permission, range and barrier checks (RSMAPI §3.4).
     */
    private Transfer access(long offset, long length, int width, boolean write) throws RsmException {
        process.checkAlive();
        checkConnected();
        checkAlignment(offset, width);
        MemorySegment view = mapping;
        if (view == null && !implicitlyMapped) {
            if (isAborted()) {
                throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected (%s): disconnect and connect again", describe(),
                        lostConnectionCause());
            }
            implicitlyMapped = true;
        }
        return view == null ? checkedRange(null, 0, size(), offset, length, write)
                : checkedRange(null, mapOffset, mapEnd, offset, length, write);
    }

    /**
     * Moves {@code local} to or from the segment at {@code offset} once {@code transfer}'s checks have passed. A connection
     * cut off moves nothing: the exporter's memory does not move with it, as a local importer's mapping does (onto trash).
     */
    private void move(Transfer transfer, long offset, MemorySegment local, boolean write) throws RsmException {
        String failure = takeFault() ? INJECTED_FAULT : cutOff(local);
        if (failure == null) {
            failure = transfer(write, local, offset, transfer.implicitMode());
        }
        finishTransfer(transfer, failure);
    }

    /**
     * Why the connection is cut off (the segment withdrawn, its exporter dead, the path down), or null; released under the
     * call, which fails then ({@link #failIfReleased}: an ending JVM's release also ends its process, which cuts it off).
     */
    private String cutOff(MemorySegment local) throws RsmException {
        failIfReleased(local);
        return isAborted() ? "forcibly disconnected" : path.pathDown();
    }

    /** The path is down also when the data path found it so, not only when the cluster says so (a node down, a link down). */
    @Override
    boolean isPathDown() {
        return super.isPathDown() || path.pathDown() != null;
    }

    @Override
    String lostPathCause() {
        String down = path.pathDown();
        return down != null ? "the path to it is down: " + down : super.lostPathCause();
    }

    /**
     * Puts or gets {@code local}; a put that is a barrier span of its own (IMPLICIT mode) is flushed.
     *
     * @return null, or why the data path failed
     */
    private String transfer(boolean write, MemorySegment local, long offset, boolean flush) throws RsmException {
        try {
            if (write) {
                path.put(offset, local);
                if (flush) {
                    path.flush();
                }
            } else {
                path.get(offset, local);
            }
            return null;
        } catch (IOException e) {
            failIfReleased(local);
            return why(e);
        } catch (IllegalStateException e) {
            throw closedDuringTransfer(local);
        }
    }

    /** Why the data path failed, never null: a failure's null reason must not read as success. */
    private static String why(IOException failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    /**
     * After a failure of the data path: a path that this handle's release closed under the call (a disconnect by another
     * thread, or the exit hook that closes the process of an ending JVM) did not fail, the call fails as a copy into a
     * mapping unmapped under it does ({@link #closedDuringTransfer}, which in an ending JVM first waits for the halt).
     */
    private void failIfReleased(MemorySegment local) throws RsmException {
        if (!isOpen()) {
            throw closedDuringTransfer(local);
        }
    }

    private void segmentTransfer(long offset, MemorySegment local, boolean write) throws RsmException {
        process.checkAlive();
        checkConnected();
        if (local == null) {
            throw error(RsmError.BAD_ADDR, "the %s memory is null", write ? "source" : "destination");
        }
        String unusable = unusable(local, !write);
        if (unusable != null) {
            throw error(RsmError.BAD_ADDR, "the %s memory %s", write ? "source" : "destination", unusable);
        }
        move(access(offset, local.byteSize(), 1, write), offset, local, write);
    }

    private void arrayTransfer(long offset, Object array, int arrayLength, int repCount, int width, boolean write)
            throws RsmException {
        process.checkAlive();
        checkConnected();
        checkCount(array, arrayLength, repCount);
        Transfer transfer = access(offset, (long) repCount * width, width, write);
        MemorySegment heap = switch (array) {
            case byte[] bytes -> MemorySegment.ofArray(bytes);
            case short[] shorts -> MemorySegment.ofArray(shorts);
            case int[] ints -> MemorySegment.ofArray(ints);
            case long[] longs -> MemorySegment.ofArray(longs);
            default -> throw new IllegalArgumentException(array.getClass().getName());
        };
        move(transfer, offset, heap.asSlice(0, (long) repCount * width), write);
    }

    @Override
    public void put(long offset, MemorySegment src) throws RsmException {
        segmentTransfer(offset, src, true);
    }

    @Override
    public void get(long offset, MemorySegment dst) throws RsmException {
        segmentTransfer(offset, dst, false);
    }

    @Override
    public void put8(long offset, byte[] src, int repCount) throws RsmException {
        arrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Byte.BYTES, true);
    }

    @Override
    public void put16(long offset, short[] src, int repCount) throws RsmException {
        arrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Short.BYTES, true);
    }

    @Override
    public void put32(long offset, int[] src, int repCount) throws RsmException {
        arrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Integer.BYTES, true);
    }

    @Override
    public void put64(long offset, long[] src, int repCount) throws RsmException {
        arrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Long.BYTES, true);
    }

    @Override
    public void get8(long offset, byte[] dst, int repCount) throws RsmException {
        arrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Byte.BYTES, false);
    }

    @Override
    public void get16(long offset, short[] dst, int repCount) throws RsmException {
        arrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Short.BYTES, false);
    }

    @Override
    public void get32(long offset, int[] dst, int repCount) throws RsmException {
        arrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Integer.BYTES, false);
    }

    @Override
    public void get64(long offset, long[] dst, int repCount) throws RsmException {
        arrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Long.BYTES, false);
    }

    /** Scatter/gather needs no mapping either. */
    @Override
    MemorySegment vectorMapping() {
        return MemorySegment.NULL;
    }

    @Override
    String moveVector(boolean put, MemorySegment local, MemorySegment remoteMemory, long remoteOffset) throws RsmException {
        String cutOff = cutOff(local);
        return cutOff != null ? cutOff : transfer(put, local, remoteOffset, false);
    }

    @Override
    String completeSpan() throws RsmException {
        try {
            path.flush();
            return null;
        } catch (IOException e) {
            failIfReleased(null);
            spanFailed = true;
            return why(e);
        }
    }

    @Override
    public void signalPost(int flags) throws RsmException {
        checkValid();
        checkPathUp();
        // an event for a segment that is no longer published is dropped at the exporter (RSMAPI §5.3)
        if (!isAborted()) {
            try {
                path.signal();
            } catch (IOException e) {
                failIfReleased(null);
                throw error(RsmError.REMOTE_NODE_UNREACHABLE, "cannot signal %s: %s", describe(), why(e));
            }
        }
    }
}
