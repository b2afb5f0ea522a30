// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
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
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

import org.rsmworkbench.emulator.backend.ClusterRegistry;
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
 * state and the registry's mutation count; only after a mutation, the fault-injection word and the
 * connection's generation word, which the exporter side increments on a forced disconnect. In IMPLICIT
 * mode they read the count again after the copy, as the generation check that ends the transfer.
 * <p>
 * Its mappings (the program's or the implicit one, and the scatter/gather one) are cut off on this side:
 * when the connection is cut, this JVM's revoker maps trash over them at the same address, and after a
 * rebind the segment's new memory ({@link #followSegment}). The exporter's memory never moves.
 */
sealed class ImportHandle extends SegmentHandle implements ImportSegment permits RemoteImportHandle {
    /**
     * What a connect made: its record, the segment's, the grant; its signal counter ({@code events}), and the segment's
     * ({@code exporterCounter}, where a local importer posts; -1 in a distributed cluster).
     */
    record Connection(int slot, int serial, int generation, int segmentSlot, int segmentSerial, int nodeId,
            int segmentId, long size, int permission, int link, EventCounter events, long exporterCounter) {
        /** The segment slot of a connection to a segment that the mapped registry does not hold (a distributed cluster's). */
        static final int NO_SEGMENT_SLOT = -1;
    }

    /** The memory behind the segment at some moment: a file from an offset, and the segment's BACKING word that says so. */
    private record Backing(Path file, long fileOffset, long word) {
    }

    /** Why a transfer failed that an injected fault took. */
    static final String INJECTED_FAULT = "injected fault";

    /** The BACKING word of a mapping that is on trash (a real one is never negative). */
    private static final long ON_TRASH = -1;

    /**
     * What a put or get needs once its own arguments are checked: the mapping (null for a {@link RemoteImportHandle}), the
     * range of the segment it covers (its offset 0 is {@code start}), and whether the transfer ends with IMPLICIT mode's
     * generation check.
     */
    record Transfer(MemorySegment view, long start, long end, boolean implicitMode, boolean writable) {
        /** Whether {@code [offset, offset+length)} lies in the mapped range. */
        boolean covers(long offset, long length) {
            return offset >= start && length <= end - offset;
        }
    }

    final Connection connection;
    /** The connection in the registry of a distributed cluster, or null (a local cluster). */
    private final ClusterRegistry.Connection recorded;
    private final long generationWord;
    private final long failWord;
    private final boolean mayRead;
    private final boolean mayWrite;
    /** Held while a mapping is made, closed or moved; its holders take no other lock. */
    private final Object mappingLock = new Object();

    private volatile boolean disconnected;
    volatile MemorySegment mapping;
    volatile long mapOffset;
    volatile long mapEnd;
    private Arena mapArena;
    /** The BACKING word of the memory {@link #mapping} reaches, or {@link #ON_TRASH}. */
    private long mapBacking;
    private boolean implicitMap;
    private MemorySegment transferMapping;
    private Arena transferArena;
    /** The BACKING word of the memory {@link #transferMapping} reaches, or {@link #ON_TRASH}. */
    private long transferBacking;
    private volatile BarrierMode mode = BarrierMode.IMPLICIT;
    private volatile BarrierHandle barrier;
    /**
     * The handle's checks of a transfer folded into one word: set while the handle is connected, mapped (its mapping
     * still reaching memory) and in EXPLICIT mode or IMPLICIT with a barrier, so that a put or get that finds it
     * and fits its range has passed them all; null otherwise, when transfers take the checked path
     * ({@link #verifyAccess}), which reports the failing check. Every change of what it folds calls
     * {@link #refreshTransferGuard}. (A flight recorder's "recording?" check belongs beside the read of this word:
     * a static final flag, which the JIT folds away when it is off.)
     */
    private volatile Transfer transferGuard;
    /** A transfer of the current EXPLICIT span failed: the span's close reports BARRIER_FAILURE. */
    volatile boolean spanFailed;
    /**
     * The registry's mutation count at which a put or get last found its node alive (in a node JVM), no injected fault
     * pending on its path and its connection not cut (the generation it was made with), or {@link Registry#UNCHECKED}.
     * Those words change only in mutations (taking an injected fault lowers its word without one, but never from 0), so
     * while the count stays there a put or get reads no other registry word. A {@link RemoteImportHandle} never sets it.
     */
    private int transferableAt = Registry.UNCHECKED;
    /**
     * The registry's mutation count at which a post last passed its checks and reached the exporter's segment, or
     * {@link Registry#UNCHECKED}: what they read (node, link, segment and connection state) changes only in mutations.
     */
    private int postableAt = Registry.UNCHECKED;
    /** This JVM's lane of the segment's counter, when it holds it ({@link Registry.Events}); looked for by a post's checks. */
    private volatile Lane exporterLane;

    ImportHandle(Controller controller, Connection connection, ClusterRegistry.Connection recorded) {
        super(controller, connection.events());
        this.connection = connection;
        this.recorded = recorded;
        this.generationWord = Conn.at(connection.slot(), Conn.GENERATION);
        this.failWord = Registry.failAt(process.nodeId, connection.nodeId());
        this.mayRead = (connection.permission() & Rsm.PERM_READ) != 0;
        this.mayWrite = (connection.permission() & Rsm.PERM_WRITE) != 0;
        Native.prepareMappingCalls();
    }

    @Override
    void checkValid() throws RsmException {
        process.checkAlive();
        checkConnected();
    }

    @Override
    boolean isOpen() {
        return !disconnected && !process.isClosed();
    }

    final void checkConnected() throws RsmException {
        if (disconnected || process.isClosed()) {
            throw error(RsmError.BAD_SEG_HNDL, "import of %s has been disconnected%s", describe(), process.closedNote(mayWaitForHalt()));
        }
    }

    /**
     * {@link ProcessLibrary#whyClosed}, not waiting for an ending JVM's halt under this handle's locks: the exit hook's
     * close takes them to release the handle.
     */
    private String whyProcessClosed() {
        return process.whyClosed(mayWaitForHalt());
    }

    /** Whether this thread holds none of this handle's locks, which the exit hook's close takes to release it. */
    private boolean mayWaitForHalt() {
        return !Thread.holdsLock(this) && !Thread.holdsLock(mappingLock);
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
        if (mapping != null || mappedByTransfers()) {
            throw error(RsmError.SEG_ALREADY_MAPPED, "%s is already mapped%s: unmap it first", describe(),
                    implicitMap || mapping == null ? " (implicitly, by an earlier put or get)" : "");
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
        MemorySegment view = mapChecked(offset, length, (permission & Rsm.PERM_WRITE) == 0);
        implicitMap = false;
        return view;
    }

    /** The mapping of an explicit map whose checks passed: what the kernel's mmap makes. */
    MemorySegment mapChecked(long offset, long length, boolean readOnly) throws RsmException {
        return mapFile(offset, length, readOnly);
    }

    /**
     * Whether the transfers of a backend that moves data without mapping the segment here have mapped it implicitly, as
     * the first put or get does (map then answers SEG_ALREADY_MAPPED); none by default.
     */
    boolean mappedByTransfers() {
        return false;
    }

    /** Removes what {@link #mappedByTransfers} says is there; whether it was. */
    boolean unmapTransfers() {
        return false;
    }

    private MemorySegment mapFile(long offset, long length, boolean readOnly) throws RsmException {
        MemorySegment view;
        synchronized (mappingLock) {
            Backing backing = segmentBacking();
            if (backing == null) {
                throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected (%s): disconnect and connect again",
                        describe(), lostConnectionCause());
            }
            Arena arena = Arena.ofShared();
            try {
                view = Uninterruptible.map(backing.file(), backing.fileOffset() + offset, length, readOnly, arena);
                Native.populate(view);
            } catch (IOException | RuntimeException e) {
                arena.close();
                if (isAborted()) {
                    throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected while mapping it (%s)", describe(),
                            lostConnectionCause());
                }
                throw error(RsmError.MAP_FAILED, "cannot map %s: %s", describe(), e.getMessage());
            }
            mapArena = arena;
            mapOffset = offset;
            mapEnd = offset + length;
            mapBacking = backing.word();
            mapping = view;
            // a cut or a rebind since the backing was read may have been handled before this mapping existed
            followSegment();
            refreshTransferGuard();
        }
        setFlag(Conn.MAPPED, true);
        return view;
    }

    /**
     * The memory that backs the segment now, read without the registry lock and without waiting (rebind changes
     * it with one store); null once the connection is cut, after which the record may be another segment's.
     */
    private Backing segmentBacking() {
        int seg = connection.segmentSlot();
        long word = registry.getLongAcquire(Seg.at(seg, Seg.BACKING));
        int owner = registry.getInt(Seg.at(seg, Seg.OWNER));
        VarHandle.acquireFence();
        if (isAborted()) {
            return null;
        }
        return new Backing(LocalMemory.path(runtime.memoryDirectory, owner, Seg.backingFile(word)),
                Seg.backingOffset(word, runtime.pageSize), word);
    }

    /**
     * Brings this import's mappings in line with the registry: onto trash once the connection is cut (RSMAPI
     * §5.3: the program does not fault, loads read zeros, stores reach nobody), onto the segment's new memory
     * after a rebind. The revoker calls it when rung, and so does the thread that cut or rebound, in its JVM;
     * never under the registry lock.
     *
     * @return false when a mapping is still where it was: it could neither be moved nor unmapped, being in use
     *         (I/O on a buffer view of it); call again later
     */
    boolean followSegment() {
        synchronized (mappingLock) {
            if (mapping == null && transferMapping == null) {
                return true;
            }
            Backing now = segmentBacking();
            long target = now == null ? ON_TRASH : now.word();
            // never map over an address range that is no longer ours (unmapped when an earlier move failed)
            boolean followed = true;
            if (mapping != null && mapBacking != target && mapArena.scope().isAlive()) {
                if (move(mapping, mapArena, now, mapOffset)) {
                    mapBacking = target;
                } else {
                    followed = false;
                }
            }
            if (transferMapping != null && transferBacking != target && transferArena.scope().isAlive()) {
                if (move(transferMapping, transferArena, now, 0)) {
                    transferBacking = target;
                } else {
                    followed = false;
                }
            }
            return followed;
        }
    }

    /**
     * Maps trash (target null) or the target's memory from {@code offset} over {@code view}; unmaps it if that fails.
     *
     * @return whether {@code view} no longer reaches the memory it reached: false when it could neither be remapped
     *         nor unmapped (its arena is acquired by I/O on a buffer view of it until that I/O ends)
     */
    private boolean move(MemorySegment view, Arena arena, Backing target, long offset) {
        try {
            if (target == null) {
                Native.mapTrash(view);
            } else {
                Native.mapFile(view, target.file(), target.fileOffset() + offset);
            }
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            // the guard goes first: a put or get that finds the arena closed must not find the guard still set
            transferGuard = null;
            try {
                arena.close();
            } catch (IllegalStateException inUse) {
                refreshTransferGuard();
                return false;
            }
            // unmapped, it reaches no memory at all: put/get/putv/getv through it fail (verifyAccess, transferMapping)
            refreshTransferGuard();
            System.err.println("RSM emulator: cannot remap a mapping of " + describe() + " (" + e
                    + "): it is unmapped instead");
            return true;
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
            if (unmapTransfers()) {
                return;
            }
            throw error(RsmError.SEG_NOT_MAPPED, "%s is not mapped", describe());
        }
        dropMapping();
    }

    private void dropMapping() {
        implicitMap = false;
        closeMapping();
        setFlag(Conn.MAPPED, false);
    }

    private void closeMapping() {
        synchronized (mappingLock) {
            mapping = null;
            refreshTransferGuard();
            closeIfOpen(mapArena);
            mapArena = null;
        }
    }

    /**
     * The release of an ending JVM's import: its mapping is moved onto trash, not unmapped, so that the program's threads,
     * which run until the halt (while the shutdown hooks run), store into nothing and load zeros, as after a cut (RSMAPI
     * §5.3), instead of failing with IllegalStateException; the halt unmaps it.
     */
    private void leaveMappingOnTrash() {
        MemorySegment view = mapping;
        mapping = null;
        refreshTransferGuard();
        if (view != null && mapArena.scope().isAlive()) {
            move(view, mapArena, null, mapOffset);
        }
        mapArena = null;
    }

    /** Sets {@link #transferGuard} from the state it folds; called after each change of that state. */
    private void refreshTransferGuard() {
        synchronized (mappingLock) {
            MemorySegment view = mapping;
            BarrierMode currentMode = mode;
            boolean ready = view != null && !disconnected && mapArena.scope().isAlive()
                    && (currentMode == BarrierMode.EXPLICIT || barrier != null);
            transferGuard = ready ? new Transfer(view, mapOffset, mapEnd, currentMode == BarrierMode.IMPLICIT, writable(view)) : null;
        }
    }

    /** An arena may have been closed already, when moving its mapping failed. */
    private static void closeIfOpen(Arena arena) {
        if (arena.scope().isAlive()) {
            arena.close();
        }
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
        // the record first: a disconnect that fails (the registry held by a stuck JVM) leaves the handle usable
        registry.mutateForCall(() -> {
            if (registry.getInt(Conn.at(connection.slot(), Conn.SERIAL)) == connection.serial()) {
                registry.putIntRelease(Conn.at(connection.slot(), Conn.STATE), Conn.FREE);
            }
            return null;
        });
        release();
        process.imports.remove(this);
    }

    /** Drops the mappings: on disconnect (which frees the record), or when the process ends (which frees them all). */
    synchronized void release() {
        if (disconnected) {
            return;
        }
        disconnected = true;
        if (recorded != null) {
            recorded.disconnect();
        }
        synchronized (mappingLock) {
            refreshTransferGuard();
            if (mapArena != null && JvmExit.ending()) {
                leaveMappingOnTrash();
            } else if (mapArena != null) {
                closeMapping();
            }
            if (transferArena != null) {
                closeIfOpen(transferArena);
                transferArena = null;
                transferMapping = null;
            }
        }
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
     * @return the mapping and its range
     */
    private Transfer verifyAccess(long offset, long length, int width, boolean write) throws RsmException {
        checkConnected();
        checkAlignment(offset, width);
        MemorySegment view = mapping;
        if (view == null) {
            view = mapImplicitly();
        }
        if (!view.scope().isAlive()) {
            throw unfollowedMapping();
        }
        return checkedRange(view, mapOffset, mapEnd, offset, length, write);
    }

    /**
     * The error of a transfer through a mapping that {@link #move} unmapped (a mapping unmapped by the program is null),
     * or that the process's close unmapped.
     */
    private RsmException unfollowedMapping() {
        awaitCutsMade();
        String why = whyProcessClosed();
        if (why != null) {
            return error(RsmError.BAD_SEG_HNDL, "import of %s has been disconnected (%s)", describe(), why);
        }
        return error(RsmError.CONN_ABORTED,
                "the mapping of %s was unmapped when it could not follow a forced disconnect or a rebind: disconnect and connect again",
                describe());
    }

    static void checkAlignment(long offset, int width) throws RsmException {
        if ((offset & (width - 1)) != 0) {
            throw error(RsmError.BAD_MEM_ALIGNMENT, "offset %d is not aligned to the %d-byte access width", offset, width);
        }
    }

    /**
     * The checks of {@link #verifyAccess} after the mapping, for an access through {@code view} whose range is
     * {@code [start, end)} of the segment.
     */
    final Transfer checkedRange(MemorySegment view, long start, long end, long offset, long length, boolean write)
            throws RsmException {
        if (write ? !mayWrite : !mayRead) {
            throw error(RsmError.PERM_DENIED, "%s was connected with permission %s, which does not allow %s", describe(),
                    Errors.perm(connection.permission()), write ? "put (write)" : "get (read)");
        }
        if (write && !writable(view)) {
            throw error(RsmError.PERM_DENIED, "%s is mapped read-only (mapped with PERM_READ), which does not allow put (write):"
                    + " unmap it and map it with PERM_RDWR", describe());
        }
        if (offset < start || length > end - offset) {
            throw error(RsmError.BAD_OFFSET, "%s [%d, %d+%d) is outside the mapped range [%d, %d) of %s",
                    write ? "put" : "get", offset, offset, length, start, end, describe());
        }
        boolean implicitMode = mode == BarrierMode.IMPLICIT;
        if (implicitMode && barrier == null) {
            throw error(RsmError.BARRIER_UNINITIALIZED,
                    "%s is in IMPLICIT barrier mode and has no barrier: call initBarrier, or setMode(EXPLICIT)", describe());
        }
        return new Transfer(view, start, end, implicitMode, writable(view));
    }

    /**
     * Whether a put may go through {@code view} (null when the transfers go through no mapping): the connection allows
     * writes and the mapping is not read-only (a C program's write through a PROT_READ mapping would fault).
     */
    private boolean writable(MemorySegment view) {
        return mayWrite && (view == null || !view.isReadOnly());
    }

    /**
     * checkValid of a put or get as far as the handle knows: with the transfer guard set, it is connected. (A node JVM
     * whose node died halts before the copy, in {@link #faultTakesTransfer}, or before any error, in {@link Errors}.)
     *
     * @return the transfer guard, or null
     */
    private Transfer enterTransfer() throws RsmException {
        Transfer guard = transferGuard;
        if (guard == null) {
            checkConnected();
        }
        return guard;
    }

    /**
     * The checks of {@link #verifyAccess}: passed at once when {@code guard} (from {@link #enterTransfer}) is set and
     * the access is allowed, aligned and within its range; else made one by one.
     */
    private Transfer access(Transfer guard, long offset, long length, int width, boolean write) throws RsmException {
        if (guard != null && (write ? guard.writable() : mayRead) && (offset & (width - 1)) == 0 && guard.covers(offset, length)) {
            return guard;
        }
        return verifyAccess(offset, length, width, write);
    }

    /** The mapping of a transfer in IMPLICIT mode, made at the first one. */
    private MemorySegment mapImplicitly() throws RsmException {
        MemorySegment view = mapWhileOpen();
        if (view == null) {
            checkValid(); // fails, outside this handle's lock: the call of an ending JVM waits there for its halt
        }
        return view;
    }

    private synchronized MemorySegment mapWhileOpen() throws RsmException {
        if (!isOpen()) {
            return null;
        }
        process.checkAlive();
        if (mapping == null) {
            mapFile(0, size(), !mayWrite);
            implicitMap = true;
        }
        return mapping;
    }

    /** Whether an injected fault takes the transfer about to be made. */
    final boolean takeFault() {
        return registry.getInt(failWord) > 0 && runtime.takeInjectedFailure(failWord);
    }

    /**
     * Whether the registry's checks of a put or get still hold, the generation unchanged among them: no mutation ran since
     * they last passed (one read of the mutation count).
     */
    private boolean registryChecksHold() {
        return registry.unchangedSince(transferableAt);
    }

    /**
     * Whether an injected fault takes the transfer about to be made. The registry's checks of a put or get read only the
     * mutation count while it stays where they last passed ({@link #transferableAt}); after a mutation they run again: a
     * node JVM halts if its node died, then an injected fault may take the transfer; when none does and the connection is
     * not cut, they passed at the count read first.
     */
    private boolean faultTakesTransfer() {
        if (registryChecksHold()) {
            return false;
        }
        int before = registry.mutations();
        process.checkAlive();
        if (takeFault()) {
            return true;
        }
        if (!isAborted()) {
            transferableAt = registry.stableSince(before);
        }
        return false;
    }

    /**
     * Ends a transfer, which failed unless {@code failure} (why) is null: IMPLICIT mode checks the generation and reports
     * the failure, EXPLICIT mode leaves it to the span's close.
     */
    final void finishTransfer(Transfer transfer, String failure) throws RsmException {
        if (transfer.implicitMode()) {
            if (!registryChecksHold() && isAborted()) {
                throw error(RsmError.CONN_ABORTED, "%s was forcibly disconnected (%s): disconnect and connect again",
                        describe(), lostConnectionCause());
            }
            if (failure != null) {
                throw error(RsmError.BARRIER_FAILURE, "the transfer to %s failed (%s)", describe(), failure);
            }
        } else if (failure != null) {
            spanFailed = true;
        }
    }

    static void checkCount(Object array, int length, int repCount) throws RsmException {
        if (array == null) {
            throw error(RsmError.BAD_ADDR, "the data array is null");
        }
        if (repCount < 0 || repCount > length) {
            throw error(RsmError.BAD_LENGTH, "repeat count %d is not within the array's %d elements", repCount, length);
        }
    }

    /**
     * The checks of a put or get of {@code repCount} array elements of {@code width} bytes, then an injected fault:
     * the transfer to make, or null when a fault took it (its span fails; IMPLICIT mode throws). The copy itself is
     * in each putN/getN, where its layout is a constant: a copy through a layout the compiler cannot see is several
     * times slower than a store. One element is stored or loaded, not copied: even a copy of one element calls the JVM's
     * copy stub, which cost an 8-byte put more than all its checks.
     */
    private Transfer startArrayTransfer(long offset, Object array, int arrayLength, int repCount, int width, boolean write)
            throws RsmException {
        Transfer guard = enterTransfer();
        checkCount(array, arrayLength, repCount);
        Transfer transfer = access(guard, offset, (long) repCount * width, width, write);
        if (faultTakesTransfer()) {
            finishTransfer(transfer, INJECTED_FAULT);
            return null;
        }
        return transfer;
    }

    @Override
    public void put(long offset, MemorySegment src) throws RsmException {
        Transfer transfer = startBulkTransfer(offset, src, true);
        if (transfer != null) {
            try {
                MemorySegment.copy(src, 0, transfer.view(), offset - transfer.start(), src.byteSize());
            } catch (IllegalStateException | WrongThreadException e) {
                throw failedCopy(src, true);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void get(long offset, MemorySegment dst) throws RsmException {
        Transfer transfer = startBulkTransfer(offset, dst, false);
        if (transfer != null) {
            try {
                MemorySegment.copy(transfer.view(), offset - transfer.start(), dst, 0, dst.byteSize());
            } catch (IllegalStateException | WrongThreadException | IllegalArgumentException e) { // IAE: dst read-only
                throw failedCopy(dst, false);
            }
            finishTransfer(transfer, null);
        }
    }

    /**
     * The checks of a put or get of the caller's {@code memory}, then an injected fault: the transfer to make, or null
     * when a fault took it (its span fails; IMPLICIT mode throws). When the handle's checks pass at once (the transfer
     * guard set, the registry unchanged since they last passed: no fault can be pending) the caller's memory is left to
     * the copy's own checks, which refuse memory unusable from the start before a byte moves ({@link #failedCopy} says
     * why): the copy makes them anyway, and at 4 KiB each check made twice shows.
     */
    private Transfer startBulkTransfer(long offset, MemorySegment memory, boolean put) throws RsmException {
        Transfer guard = enterTransfer();
        if (memory == null) {
            throw error(RsmError.BAD_ADDR, "the %s memory is null", memoryRole(put));
        }
        long length = memory.byteSize();
        // a zero-length copy checks nothing of the caller's memory: it is checked here
        if (guard != null && length != 0 && (put ? guard.writable() : mayRead) && guard.covers(offset, length)
                && registryChecksHold()) {
            return guard;
        }
        String unusable = unusable(memory, !put);
        if (unusable != null) {
            throw error(RsmError.BAD_ADDR, "the %s memory %s", memoryRole(put), unusable);
        }
        Transfer transfer = access(guard, offset, length, 1, put);
        if (faultTakesTransfer()) {
            finishTransfer(transfer, INJECTED_FAULT);
            return null;
        }
        return transfer;
    }

    /** What the caller's memory is to a put or a get, for messages. */
    private static String memoryRole(boolean put) {
        return put ? "source" : "destination";
    }

    /**
     * The error of a copy with the caller's memory that the copy refused: memory it could not use from the start
     * ({@link #unusable}, unchecked on the fast path of {@link #startBulkTransfer}), or memory closed during the transfer.
     */
    private RsmException failedCopy(MemorySegment callerMemory, boolean put) {
        String unusable = whyProcessClosed() == null ? unusable(callerMemory, !put) : null;
        if (unusable != null) {
            return error(RsmError.BAD_ADDR, "the %s memory %s", memoryRole(put), unusable);
        }
        return closedDuringTransfer(callerMemory);
    }

    /**
     * Why the caller's memory cannot take part in a transfer by this thread, or null when it can: memory of a
     * closed arena, memory confined to another thread, a read-only destination. Each is BAD_ADDR, as a buffer
     * that the process cannot access is in C (EFAULT).
     */
    static String unusable(MemorySegment memory, boolean written) {
        if (!memory.scope().isAlive()) {
            return "was freed: its arena is closed";
        }
        if (!memory.isAccessibleBy(Thread.currentThread())) {
            return "is confined to another thread";
        }
        return written && memory.isReadOnly() ? "is read-only" : null;
    }

    /**
     * The error of a copy whose checks passed but that found an arena closed by another thread meanwhile (which may
     * have set this thread's interrupt flag, see {@link JvmExit#awaitHalt}; left as it is: a real interrupt may be there): the
     * caller's ({@code callerMemory}, null for an array), or this handle's mapping (unmapped when it could not follow a
     * forced disconnect or a rebind, as a later transfer would find it; or unmap or disconnect).
     */
    final RsmException closedDuringTransfer(MemorySegment callerMemory) {
        String why = whyProcessClosed(); // first: closing the process frees the memory it allocated, the caller's too
        if (why != null) {
            return error(RsmError.BAD_SEG_HNDL, "%s was disconnected during the transfer (%s)", describe(), why);
        }
        if (callerMemory != null && !callerMemory.scope().isAlive()) {
            return error(RsmError.BAD_ADDR, "the caller's memory was freed (its arena closed) during the transfer with %s",
                    describe());
        }
        MemorySegment view = mapping;
        if (isOpen() && view != null && !view.scope().isAlive()) {
            return unfollowedMapping();
        }
        return error(RsmError.BAD_SEG_HNDL, "%s was unmapped or disconnected by another thread during the transfer",
                describe());
    }

    @Override
    public void put8(long offset, byte[] src, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Byte.BYTES, true);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    transfer.view().set(JAVA_BYTE, offset - transfer.start(), src[0]); // see startArrayTransfer
                } else {
                    MemorySegment.copy(src, 0, transfer.view(), JAVA_BYTE, offset - transfer.start(), repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void put16(long offset, short[] src, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Short.BYTES, true);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    transfer.view().set(JAVA_SHORT, offset - transfer.start(), src[0]); // see startArrayTransfer
                } else {
                    MemorySegment.copy(src, 0, transfer.view(), JAVA_SHORT, offset - transfer.start(), repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void put32(long offset, int[] src, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Integer.BYTES, true);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    transfer.view().set(JAVA_INT, offset - transfer.start(), src[0]); // see startArrayTransfer
                } else {
                    MemorySegment.copy(src, 0, transfer.view(), JAVA_INT, offset - transfer.start(), repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void put64(long offset, long[] src, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, src, src == null ? 0 : src.length, repCount, Long.BYTES, true);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    transfer.view().set(JAVA_LONG, offset - transfer.start(), src[0]); // see startArrayTransfer
                } else {
                    MemorySegment.copy(src, 0, transfer.view(), JAVA_LONG, offset - transfer.start(), repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void get8(long offset, byte[] dst, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Byte.BYTES, false);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    dst[0] = transfer.view().get(JAVA_BYTE, offset - transfer.start()); // see startArrayTransfer
                } else {
                    MemorySegment.copy(transfer.view(), JAVA_BYTE, offset - transfer.start(), dst, 0, repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void get16(long offset, short[] dst, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Short.BYTES, false);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    dst[0] = transfer.view().get(JAVA_SHORT, offset - transfer.start()); // see startArrayTransfer
                } else {
                    MemorySegment.copy(transfer.view(), JAVA_SHORT, offset - transfer.start(), dst, 0, repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void get32(long offset, int[] dst, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Integer.BYTES, false);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    dst[0] = transfer.view().get(JAVA_INT, offset - transfer.start()); // see startArrayTransfer
                } else {
                    MemorySegment.copy(transfer.view(), JAVA_INT, offset - transfer.start(), dst, 0, repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
    }

    @Override
    public void get64(long offset, long[] dst, int repCount) throws RsmException {
        Transfer transfer = startArrayTransfer(offset, dst, dst == null ? 0 : dst.length, repCount, Long.BYTES, false);
        if (transfer != null) {
            try {
                if (repCount == 1) {
                    dst[0] = transfer.view().get(JAVA_LONG, offset - transfer.start()); // see startArrayTransfer
                } else {
                    MemorySegment.copy(transfer.view(), JAVA_LONG, offset - transfer.start(), dst, 0, repCount);
                }
            } catch (IllegalStateException e) {
                throw closedDuringTransfer(null);
            }
            finishTransfer(transfer, null);
        }
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
            throw error(RsmError.BAD_SGIO, "%s was forcibly disconnected (%s): disconnect and connect again", describe(),
                    lostConnectionCause());
        }
        if (put ? !mayWrite : !mayRead) {
            throw error(RsmError.PERM_DENIED, "%s was connected with permission %s, which does not allow %s", describe(),
                    Errors.perm(connection.permission()), put ? "putv" : "getv");
        }
        MemorySegment remoteMemory = vectorMapping();
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
            String unusable = unusable(local, !put);
            if (unusable != null) {
                throw error(RsmError.BAD_ADDR, "request %d: its local memory %s", done, unusable);
            }
            String failure = takeFault() ? INJECTED_FAULT : moveVector(put, local.asSlice(localOffset, length), remoteMemory,
                    remoteOffset);
            if (failure != null) {
                awaitCutsMade(); // the failure may report a cut
                throw error(RsmError.BARRIER_FAILURE, "request %d of a %s to %s failed (%s)", done, put ? "putv" : "getv",
                        describe(), failure);
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

    /**
     * Copies one scatter/gather request between {@code local} and the segment from {@code remoteOffset}, through
     * {@code remoteMemory} (from {@link #vectorMapping}).
     *
     * @return null, or why the transfer failed
     */
    String moveVector(boolean put, MemorySegment local, MemorySegment remoteMemory, long remoteOffset) throws RsmException {
        try {
            if (put) {
                MemorySegment.copy(local, 0, remoteMemory, remoteOffset, local.byteSize());
            } else {
                MemorySegment.copy(remoteMemory, remoteOffset, local, 0, local.byteSize());
            }
        } catch (IllegalStateException e) {
            throw closedDuringTransfer(local);
        }
        return null;
    }

    /** The whole segment, mapped for scatter/gather (the driver path, apart from the user's mapping). */
    MemorySegment vectorMapping() throws RsmException {
        MemorySegment mapped = vectorMappingWhileConnected();
        if (mapped == null) {
            checkConnected(); // fails, outside the lock: the call of an ending JVM waits there for its halt
        }
        return mapped;
    }

    /**
     * {@link #vectorMapping}, or null once disconnected (by another thread since the call's checks: mapped again, the
     * transfer would land after the disconnect returned).
     */
    private MemorySegment vectorMappingWhileConnected() throws RsmException {
        synchronized (mappingLock) {
            if (disconnected) {
                return null;
            }
            if (transferMapping == null) {
                Backing backing = segmentBacking();
                if (backing == null) {
                    throw error(RsmError.BAD_SGIO, "%s was forcibly disconnected (%s): disconnect and connect again", describe(),
                            lostConnectionCause());
                }
                Arena arena = Arena.ofShared();
                try {
                    transferMapping = Uninterruptible.map(backing.file(), backing.fileOffset(), size(), !mayWrite, arena);
                    Native.populate(transferMapping);
                    transferArena = arena;
                    transferBacking = backing.word();
                } catch (IOException | RuntimeException e) {
                    arena.close();
                    throw error(RsmError.BAD_SGIO, "cannot reach %s: %s", describe(), e.getMessage());
                }
                // a cut or a rebind since the backing was read may have been handled before this mapping existed
                followSegment();
            }
            if (!transferArena.scope().isAlive()) {
                awaitCutsMade();
                throw error(RsmError.BAD_SGIO,
                        "%s was unmapped when it could not follow a forced disconnect or a rebind: disconnect and connect again",
                        describe());
            }
            return transferMapping;
        }
    }

    /**
     * Completes the transfers of a barrier span so far, before its close reports on them or an order barrier lets later
     * ones go; a failure makes the span fail (a release under it fails the call). Stores through a mapping have reached
     * the memory already.
     *
     * @return why the transfers could not be completed, or null when they were
     */
    String completeSpan() throws RsmException {
        return null; // nothing is in flight
    }

    // ---------------------------------------------------------------- barriers and mode

    @Override
    public synchronized Barrier initBarrier(BarrierType type) throws RsmException {
        checkValid();
        BarrierHandle created = new BarrierHandle(this);
        barrier = created;
        refreshTransferGuard();
        return created;
    }

    /** The barrier was destroyed: IMPLICIT put/get need a new one. */
    synchronized void barrierDestroyed(BarrierHandle destroyed) {
        if (barrier == destroyed) {
            barrier = null;
            refreshTransferGuard();
        }
    }

    @Override
    public void setMode(BarrierMode newMode) throws RsmException {
        checkValid();
        if (newMode == null) {
            throw error(RsmError.BAD_MODE, "the barrier mode is null: use EXPLICIT or IMPLICIT");
        }
        mode = newMode;
        refreshTransferGuard();
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
        if (registry.unchangedSince(postableAt) && isOpen()) {
            postToExporter();
            return;
        }
        int before = registry.mutations();
        checkValid();
        checkPathUp();
        int segmentSlot = connection.segmentSlot();
        int slot = connection.slot();
        // an event for a segment that is no longer published is dropped at the exporter (RSMAPI §5.3), and so is one
        // posted while another thread disconnects (the record freed before the handle is marked)
        if (registry.getIntAcquire(Seg.at(segmentSlot, Seg.STATE)) == Seg.PUBLISHED
                && registry.getInt(Seg.at(segmentSlot, Seg.SERIAL)) == connection.segmentSerial() && !isAborted()
                && registry.getIntAcquire(Conn.at(slot, Conn.STATE)) == Conn.CONNECTED
                && registry.getInt(Conn.at(slot, Conn.SERIAL)) == connection.serial()) {
            if (exporterLane == null) {
                exporterLane = runtime.lane(connection.exporterCounter()); // taken by this JVM's first post
            }
            postToExporter();
            postableAt = registry.stableSince(before);
        }
    }

    private void postToExporter() {
        Lane lane = exporterLane;
        if (lane != null) {
            runtime.postOnLane(connection.exporterCounter(), lane, connection.nodeId());
        } else {
            runtime.postEvent(connection.exporterCounter(), connection.nodeId());
        }
    }

    /** REMOTE_NODE_UNREACHABLE when a signal cannot reach the exporter. */
    final void checkPathUp() throws RsmException {
        if (isPathDown()) {
            throw error(RsmError.REMOTE_NODE_UNREACHABLE, "cannot signal %s: %s", describe(), lostConnectionCause());
        }
    }

    /**
     * Why the connection was lost, for the message of the error that reports it; once the registry mutation that lost it,
     * if one is under way, has ended.
     */
    final String lostConnectionCause() {
        awaitCutsMade();
        String why = whyProcessClosed();
        return why != null ? why : lostPathCause();
    }

    /**
     * Returns once the registry mutation under way, if any, has ended: an unpublish, a destroy or a node's death cuts the
     * segment's connections one after another in one mutation, and a program told that one of its imports was cut must
     * find the others cut too (RSMAPI §5.3). Called before a call reports a cut; a closed process's report reads nothing.
     */
    private void awaitCutsMade() {
        if (process.isClosed()) {
            return;
        }
        try {
            registry.read(() -> null);
        } catch (IllegalStateException unmapped) {
            if (!process.isClosed()) { // the cluster's close unmaps the registry after it closed the processes
                throw unmapped;
            }
        }
    }

    /** Why the connection was lost, this process being open. */
    String lostPathCause() {
        return LostConnection.cause(runtime, process.nodeId, connection.nodeId());
    }
}
