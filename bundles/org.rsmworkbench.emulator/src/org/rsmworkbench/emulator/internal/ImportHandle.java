package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.ScatterGather;

/**
 * An import segment (RSMAPI §3.3–3.5, §5.2–5.3). put/get take no lock: they read the handle's own
 * state, one fault-injection word and, in IMPLICIT mode, the connection's generation word, which
 * the exporter side increments on a forced disconnect.
 */
final class ImportHandle extends SegmentHandle implements ImportSegment {
    /** What connect found: the registry records and the file that backs the segment. */
    record Connection(int slot, int serial, int generation, int segmentSlot, int segmentSerial, int nodeId,
            int segmentId, long size, int permission, int link, Path file, long fileOffset) {
    }

    private final Connection connection;
    private final long generationWord;
    private final long failWord;
    private final boolean mayRead;
    private final boolean mayWrite;

    private volatile boolean disconnected;
    private volatile MemorySegment mapping;
    private volatile long mapOffset;
    private volatile long mapEnd;
    private Arena mapArena;
    private boolean implicitMap;
    private MemorySegment transferMapping;
    private Arena transferArena;
    private volatile BarrierMode mode = BarrierMode.IMPLICIT;
    private volatile BarrierHandle barrier;
    /** A transfer of the current EXPLICIT span failed: the span's close reports BARRIER_FAILURE. */
    volatile boolean spanFailed;

    ImportHandle(Controller controller, Connection connection) {
        super(controller);
        this.connection = connection;
        this.generationWord = Conn.at(connection.slot(), Conn.GENERATION);
        this.failWord = Registry.failAt(process.nodeId, connection.nodeId());
        this.mayRead = (connection.permission() & Rsm.PERM_READ) != 0;
        this.mayWrite = (connection.permission() & Rsm.PERM_WRITE) != 0;
    }

    @Override
    void checkValid() throws RsmException {
        process.checkAlive();
        checkConnected();
    }

    private void checkConnected() throws RsmException {
        if (disconnected || process.isClosed()) {
            throw error(RsmError.BAD_SEG_HNDL, "import of %s has been disconnected%s", describe(),
                    process.isClosed() ? " (its process ended)" : "");
        }
    }

    @Override
    String describe() {
        return "segment " + id(connection.segmentId()) + " of node " + connection.nodeId();
    }

    /** The generation the connection had when it was made: it changes with a forced disconnect. */
    int generation() {
        return registry.getIntAcquire(generationWord);
    }

    boolean isAborted() {
        return generation() != connection.generation();
    }

    @Override
    public int nodeId() {
        return connection.nodeId();
    }

    @Override
    public int segmentId() {
        return connection.segmentId();
    }

    @Override
    public long size() {
        return connection.size();
    }

    @Override
    public int permission() {
        return connection.permission();
    }

    // ---------------------------------------------------------------- map, unmap, disconnect

    @Override
    public synchronized MemorySegment map(int attributes, int permission, long offset, long length) throws RsmException {
        checkValid();
        if (mapping != null) {
            throw error(RsmError.SEG_ALREADY_MAPPED, "%s is already mapped%s: unmap it first", describe(),
                    implicitMap ? " (implicitly, by an earlier put or get)" : "");
        }
        if ((permission & ~Rsm.PERM_RDWR) != 0 || permission == Rsm.PERM_NONE) {
            throw error(RsmError.BAD_PERMS, "cannot map %s with permission %s: use PERM_READ, PERM_WRITE or PERM_RDWR",
                    describe(), Errors.perm(permission));
        }
        if (length <= 0 || offset < 0 || offset > size() - length) {
            throw error(RsmError.BAD_LENGTH, "cannot map [%d, %d+%d) of %s, which has %d bytes", offset, offset, length,
                    describe(), size());
        }
        if (offset % runtime.pageSize != 0) {
            throw error(RsmError.BAD_MEM_ALIGNMENT, "map offset %d is not a multiple of the page size %d", offset,
                    runtime.pageSize);
        }
        if ((permission & ~connection.permission()) != 0) {
            throw error(RsmError.BAD_PERMS, "cannot map %s with %s: it was connected with %s", describe(),
                    Errors.perm(permission), Errors.perm(connection.permission()));
        }
        MemorySegment view = mapFile(offset, length, (permission & Rsm.PERM_WRITE) == 0);
        implicitMap = false;
        return view;
    }

    private MemorySegment mapFile(long offset, long length, boolean readOnly) throws RsmException {
        if (isAborted()) {
            throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected (%s): disconnect and connect again",
                    describe(), LostConnection.cause(runtime, process.nodeId, connection.nodeId()));
        }
        Arena arena = Arena.ofShared();
        try {
            MemorySegment view = Uninterruptible.map(connection.file(), connection.fileOffset() + offset, length, readOnly,
                    arena);
            mapArena = arena;
            mapOffset = offset;
            mapEnd = offset + length;
            mapping = view;
            setFlag(Conn.MAPPED, true);
            return view;
        } catch (IOException | RuntimeException e) {
            arena.close();
            if (isAborted()) {
                throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected while mapping it", describe());
            }
            throw error(RsmError.MAP_FAILED, "cannot map %s: %s", describe(), e.getMessage());
        }
    }

    private void setFlag(int flag, boolean on) {
        long word = Conn.at(connection.slot(), Conn.FLAGS);
        for (;;) {
            int flags = registry.getIntAcquire(word);
            if (registry.compareAndSet(word, flags, on ? flags | flag : flags & ~flag)) {
                return;
            }
        }
    }

    @Override
    public synchronized void unmap() throws RsmException {
        checkValid();
        if (mapping == null) {
            throw error(RsmError.SEG_NOT_MAPPED, "%s is not mapped", describe());
        }
        dropMapping();
    }

    private void dropMapping() {
        mapping = null;
        implicitMap = false;
        mapArena.close();
        mapArena = null;
        setFlag(Conn.MAPPED, false);
    }

    @Override
    public synchronized void disconnect() throws RsmException {
        checkValid();
        if (mapping != null) {
            if (!implicitMap) {
                throw error(RsmError.SEG_STILL_MAPPED, "%s is still mapped: unmap it before disconnecting", describe());
            }
            dropMapping();
        }
        if (pollFdInUse()) {
            throw pollFdInUseError("disconnect from");
        }
        release();
        process.imports.remove(this);
    }

    /** Frees the connection record and the mappings: on disconnect, or when the process ends. */
    synchronized void release() {
        if (disconnected) {
            return;
        }
        disconnected = true;
        if (!process.isClosed()) {
            registry.mutate(() -> {
                if (registry.getInt(Conn.at(connection.slot(), Conn.SERIAL)) == connection.serial()) {
                    registry.putIntRelease(Conn.at(connection.slot(), Conn.STATE), Conn.FREE);
                }
                return null;
            });
        }
        if (mapArena != null) {
            dropMappingQuietly();
        }
        if (transferArena != null) {
            transferArena.close();
            transferArena = null;
        }
    }

    private void dropMappingQuietly() {
        mapping = null;
        mapArena.close();
        mapArena = null;
    }

    @Override
    public void close() throws RsmException {
        disconnect();
    }

    // ---------------------------------------------------------------- put and get

    /**
     * The checks of __rsm_import_verify_access, in order (RSMAPI §3.4), for an access of
     * {@code length} bytes at {@code offset} with element width {@code width}; maps implicitly.
     *
     * @return the mapping, and the offset in it is {@code offset - mapOffset}
     */
    private MemorySegment verifyAccess(long offset, long length, int width, boolean write) throws RsmException {
        checkConnected();
        if ((offset & (width - 1)) != 0) {
            throw error(RsmError.BAD_MEM_ALIGNMENT, "offset %d is not aligned to the %d-byte access width", offset, width);
        }
        MemorySegment view = mapping;
        if (view == null) {
            view = mapImplicitly();
        }
        if (write ? !mayWrite : !mayRead) {
            throw error(RsmError.PERM_DENIED, "%s was connected with permission %s, which does not allow %s", describe(),
                    Errors.perm(connection.permission()), write ? "put (write)" : "get (read)");
        }
        long start = mapOffset;
        long end = mapEnd;
        if (offset < start || length > end - offset) {
            throw error(RsmError.BAD_OFFSET, "%s [%d, %d+%d) is outside the mapped range [%d, %d) of %s",
                    write ? "put" : "get", offset, offset, length, start, end, describe());
        }
        if (mode == BarrierMode.IMPLICIT && barrier == null) {
            throw error(RsmError.BARRIER_UNINITIALIZED,
                    "%s is in IMPLICIT barrier mode and has no barrier: call initBarrier, or setMode(EXPLICIT)", describe());
        }
        return view;
    }

    private synchronized MemorySegment mapImplicitly() throws RsmException {
        checkValid();
        if (mapping == null) {
            mapFile(0, size(), !mayWrite);
            implicitMap = true;
        }
        return mapping;
    }

    /** Ends a transfer: a pending injected fault makes it fail, IMPLICIT mode checks the generation. */
    private boolean takeFault() {
        return registry.getInt(failWord) > 0 && runtime.takeInjectedFailure(failWord);
    }

    private void finishTransfer(boolean failed) throws RsmException {
        if (mode == BarrierMode.IMPLICIT) {
            if (isAborted()) {
                throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected (%s): disconnect and connect again",
                        describe(), LostConnection.cause(runtime, process.nodeId, connection.nodeId()));
            }
            if (failed) {
                throw error(RsmError.BARRIER_FAILURE, "the transfer to %s failed (injected fault)", describe());
            }
        } else if (failed) {
            spanFailed = true;
        }
    }

    private static void checkCount(Object array, int length, int repCount) throws RsmException {
        if (array == null) {
            throw error(RsmError.BAD_ADDR, "the data array is null");
        }
        if (repCount < 0 || repCount > length) {
            throw error(RsmError.BAD_LENGTH, "repeat count %d is not within the array's %d elements", repCount, length);
        }
    }

    private void putArray(long offset, Object src, int srcLength, int repCount, ValueLayout layout) throws RsmException {
        checkValid();
        checkCount(src, srcLength, repCount);
        int width = (int) layout.byteSize();
        MemorySegment view = verifyAccess(offset, (long) repCount * width, width, true);
        boolean failed = takeFault();
        if (!failed) {
            MemorySegment.copy(src, 0, view, layout, offset - mapOffset, repCount);
        }
        finishTransfer(failed);
    }

    private void getArray(long offset, Object dst, int dstLength, int repCount, ValueLayout layout) throws RsmException {
        checkValid();
        checkCount(dst, dstLength, repCount);
        int width = (int) layout.byteSize();
        MemorySegment view = verifyAccess(offset, (long) repCount * width, width, false);
        boolean failed = takeFault();
        if (!failed) {
            MemorySegment.copy(view, layout, offset - mapOffset, dst, 0, repCount);
        }
        finishTransfer(failed);
    }

    @Override
    public void put(long offset, MemorySegment src) throws RsmException {
        checkValid();
        if (src == null) {
            throw error(RsmError.BAD_ADDR, "the source memory is null");
        }
        MemorySegment view = verifyAccess(offset, src.byteSize(), 1, true);
        boolean failed = takeFault();
        if (!failed) {
            MemorySegment.copy(src, 0, view, offset - mapOffset, src.byteSize());
        }
        finishTransfer(failed);
    }

    @Override
    public void get(long offset, MemorySegment dst) throws RsmException {
        checkValid();
        if (dst == null) {
            throw error(RsmError.BAD_ADDR, "the destination memory is null");
        }
        if (dst.isReadOnly()) {
            throw error(RsmError.BAD_ADDR, "the destination memory is read-only");
        }
        MemorySegment view = verifyAccess(offset, dst.byteSize(), 1, false);
        boolean failed = takeFault();
        if (!failed) {
            MemorySegment.copy(view, offset - mapOffset, dst, 0, dst.byteSize());
        }
        finishTransfer(failed);
    }

    @Override
    public void put8(long offset, byte[] src, int repCount) throws RsmException {
        putArray(offset, src, src == null ? 0 : src.length, repCount, JAVA_BYTE);
    }

    @Override
    public void put16(long offset, short[] src, int repCount) throws RsmException {
        putArray(offset, src, src == null ? 0 : src.length, repCount, JAVA_SHORT);
    }

    @Override
    public void put32(long offset, int[] src, int repCount) throws RsmException {
        putArray(offset, src, src == null ? 0 : src.length, repCount, JAVA_INT);
    }

    @Override
    public void put64(long offset, long[] src, int repCount) throws RsmException {
        putArray(offset, src, src == null ? 0 : src.length, repCount, JAVA_LONG);
    }

    @Override
    public void get8(long offset, byte[] dst, int repCount) throws RsmException {
        getArray(offset, dst, dst == null ? 0 : dst.length, repCount, JAVA_BYTE);
    }

    @Override
    public void get16(long offset, short[] dst, int repCount) throws RsmException {
        getArray(offset, dst, dst == null ? 0 : dst.length, repCount, JAVA_SHORT);
    }

    @Override
    public void get32(long offset, int[] dst, int repCount) throws RsmException {
        getArray(offset, dst, dst == null ? 0 : dst.length, repCount, JAVA_INT);
    }

    @Override
    public void get64(long offset, long[] dst, int repCount) throws RsmException {
        getArray(offset, dst, dst == null ? 0 : dst.length, repCount, JAVA_LONG);
    }

    // ---------------------------------------------------------------- scatter/gather

    @Override
    public void putv(ScatterGather sg) throws RsmException {
        transferVector(sg, true);
    }

    @Override
    public void getv(ScatterGather sg) throws RsmException {
        transferVector(sg, false);
    }

    /** putv/getv act on {@code sg.remote()}, whichever import segment they are called on. */
    private void transferVector(ScatterGather sg, boolean put) throws RsmException {
        if (sg == null) {
            throw error(RsmError.BAD_SGIO, "the scatter/gather descriptor is null");
        }
        if (!(sg.remote() instanceof ImportHandle remote)) {
            throw error(RsmError.BAD_SEG_HNDL, "the scatter/gather descriptor names no import segment of this emulator");
        }
        remote.checkValid();
        int count = sg.requests().size();
        if (count == 0 || count > Rsm.MAX_SGIO_REQS) {
            throw error(RsmError.BAD_SGIO, "a scatter/gather list has 1 to %d requests, not %d", Rsm.MAX_SGIO_REQS, count);
        }
        sg.setResidualCount(count);
        remote.runVector(sg, put);
        if (put && (sg.flags() & Rsm.IMPLICIT_SIGPOST) != 0) {
            remote.signalPost(sg.flags() & Rsm.SIGPOST_NO_ACCUMULATE);
        }
    }

    private void runVector(ScatterGather sg, boolean put) throws RsmException {
        if (isAborted()) {
            throw error(RsmError.BAD_SGIO, "%s was forcibly disconnected: disconnect and connect again", describe());
        }
        if (put ? !mayWrite : !mayRead) {
            throw error(RsmError.PERM_DENIED, "%s was connected with permission %s, which does not allow %s", describe(),
                    Errors.perm(connection.permission()), put ? "putv" : "getv");
        }
        MemorySegment remoteMemory = transferMapping();
        int done = 0;
        for (IoVec request : sg.requests()) {
            MemorySegment local = localMemory(request, done);
            long localOffset = request instanceof IoVec.Local l ? l.localOffset() : ((IoVec.Handle) request).localOffset();
            long length = request.length();
            long remoteOffset = request.remoteOffset();
            if (length < 0 || localOffset < 0 || localOffset > local.byteSize() - length) {
                throw error(RsmError.BAD_LENGTH, "request %d: [%d, %d+%d) is outside its local memory of %d bytes", done,
                        localOffset, localOffset, length, local.byteSize());
            }
            if (remoteOffset < 0 || remoteOffset > size() - length) {
                throw error(RsmError.BAD_LENGTH, "request %d: [%d, %d+%d) is outside %s, which has %d bytes", done,
                        remoteOffset, remoteOffset, length, describe(), size());
            }
            if (takeFault()) {
                throw error(RsmError.BARRIER_FAILURE, "request %d of a %s to %s failed (injected fault)", done,
                        put ? "putv" : "getv", describe());
            }
            if (put) {
                MemorySegment.copy(local, localOffset, remoteMemory, remoteOffset, length);
            } else {
                MemorySegment.copy(remoteMemory, remoteOffset, local, localOffset, length);
            }
            sg.setResidualCount(sg.requests().size() - ++done);
        }
    }

    private static MemorySegment localMemory(IoVec request, int index) throws RsmException {
        if (request instanceof IoVec.Local local) {
            if (local.memory() == null) {
                throw error(RsmError.BAD_SGIO, "request %d has no local memory", index);
            }
            return local.memory();
        }
        if (request instanceof IoVec.Handle handle && handle.handle() instanceof LocalHandle lh && !lh.isFreed()) {
            return lh.memory();
        }
        throw error(RsmError.BAD_SGIO, "request %d names a local memory handle that is not live", index);
    }

    /** The whole segment, mapped for scatter/gather (the driver path, apart from the user's mapping). */
    private synchronized MemorySegment transferMapping() throws RsmException {
        if (transferMapping == null) {
            Arena arena = Arena.ofShared();
            try {
                transferMapping = Uninterruptible.map(connection.file(), connection.fileOffset(), size(), !mayWrite, arena);
                transferArena = arena;
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw error(RsmError.BAD_SGIO, "cannot reach %s: %s", describe(), e.getMessage());
            }
        }
        return transferMapping;
    }

    // ---------------------------------------------------------------- barriers and mode

    @Override
    public synchronized Barrier initBarrier(BarrierType type) throws RsmException {
        checkValid();
        BarrierHandle created = new BarrierHandle(this);
        barrier = created;
        return created;
    }

    /** The barrier was destroyed: IMPLICIT put/get need a new one. */
    synchronized void barrierDestroyed(BarrierHandle destroyed) {
        if (barrier == destroyed) {
            barrier = null;
        }
    }

    @Override
    public void setMode(BarrierMode newMode) throws RsmException {
        checkValid();
        if (newMode == null) {
            throw error(RsmError.BAD_MODE, "the barrier mode is null: use EXPLICIT or IMPLICIT");
        }
        mode = newMode;
        setFlag(Conn.EXPLICIT_MODE, newMode == BarrierMode.EXPLICIT);
    }

    @Override
    public BarrierMode getMode() throws RsmException {
        checkValid();
        return mode;
    }

    /** Whether the exporting node is down, or the link this connection uses is down. */
    boolean isPathDown() {
        return !runtime.isNodeUp(connection.nodeId()) || (connection.link() >= 0 && !runtime.isLinkUp(connection.link()));
    }

    // ---------------------------------------------------------------- signals

    @Override
    public void signalPost(int flags) throws RsmException {
        checkValid();
        if (isPathDown()) {
            throw error(RsmError.REMOTE_NODE_UNREACHABLE, "cannot signal %s: %s", describe(),
                    LostConnection.cause(runtime, process.nodeId, connection.nodeId()));
        }
        int segmentSlot = connection.segmentSlot();
        // an event for a segment that is no longer published is dropped at the exporter (RSMAPI §5.3)
        if (registry.getIntAcquire(Seg.at(segmentSlot, Seg.STATE)) == Seg.PUBLISHED
                && registry.getInt(Seg.at(segmentSlot, Seg.SERIAL)) == connection.segmentSerial() && !isAborted()) {
            runtime.postEvent(Registry.Events.ofSegment(segmentSlot), connection.nodeId());
        }
    }

    @Override
    boolean consumeEvent() {
        return runtime.consumeEvent(Registry.Events.ofConnection(connection.slot()));
    }
}
