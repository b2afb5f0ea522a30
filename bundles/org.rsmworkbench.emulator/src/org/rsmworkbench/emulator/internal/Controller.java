// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.perm;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.rsmworkbench.emulator.AccessRules;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.ConnectChecks;
import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ControllerAttributes;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.LocalMemoryHandle;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/** A controller opened by one process: creates export segments and connects to remote ones. */
final class Controller implements RsmController {
    /** What the creation of an export segment made, under the lock: its record, and its signal counter. */
    private record NewExport(int slot, int serial, SegmentHandle.EventCounter events) {
    }

    /** Surrogates of local memory handles above this size carry a 0 permission (RSMAPI §3.4). */
    private static final long SURROGATE_DIRECT_LIMIT = 0x2000;

    final ProcessLibrary process;
    private final String name;
    /** 0 for loopback, else 1 + the index of the node's ControllerSpec. */
    final int index;
    private final ControllerAttributes attributes;
    /** The segment size cap: loopback reports 0 and does not check it. */
    private final long maxSegmentSize;
    private int refs;
    /**
     * The last connect this controller refused, for a debugger to say that a connect is retried and why (the Parallel
     * Stacks view reads them from the suspended JVM): the segment as {@code node:0xid} and the error's name; null when the
     * last connect succeeded. Written by the connecting thread only, never read by the runtime.
     */
    @SuppressWarnings("unused")
    private volatile String refusedSegment;
    @SuppressWarnings("unused")
    private volatile String refusedBecause;

    Controller(ProcessLibrary process, String name, int index, ControllerAttributes attributes, long maxSegmentSize) {
        this.process = process;
        this.name = name;
        this.index = index;
        this.attributes = attributes;
        this.maxSegmentSize = maxSegmentSize;
    }

    boolean isLoopback() {
        return index == 0;
    }

    synchronized void acquire() {
        refs++;
    }

    private synchronized void check() throws RsmException {
        process.checkAlive();
        if (refs == 0 || process.isClosed()) {
            throw error(RsmError.BAD_CTLR_HNDL, "controller %s of node %d has been released%s", name, process.nodeId,
                    process.closedNote());
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** A controller released to refcount 0 is freed, so it answers as a stale handle: BAD_CTLR_HNDL. */
    @Override
    public ControllerAttributes getAttributes() throws RsmException {
        check();
        return attributes;
    }

    @Override
    public void release() throws RsmException {
        synchronized (this) {
            if (refs == 0 || process.isClosed()) {
                throw error(RsmError.BAD_CTLR_HNDL, "controller %s of node %d is already released%s", name, process.nodeId,
                        process.closedNote());
            }
            if (--refs > 0) {
                return;
            }
        }
        process.released(this);
    }

    @Override
    public void close() throws RsmException {
        release();
    }

    // ---------------------------------------------------------------- export

    @Override
    public ExportSegment createExportSegment(MemorySegment memory, int flags) throws RsmException {
        check();
        return create(memory, flags);
    }

    private ExportHandle create(MemorySegment memory, int flags) throws RsmException {
        if (memory == null) {
            throw error(RsmError.BAD_ADDR, "the memory to export is null");
        }
        long length = memory.byteSize();
        long pageSize = process.runtime.pageSize;
        if (length == 0) {
            throw error(RsmError.BAD_LENGTH, "cannot export 0 bytes");
        }
        if (memory.address() % pageSize != 0 || length % pageSize != 0) {
            throw error(RsmError.BAD_MEM_ALIGNMENT, "memory at 0x%x of %d bytes is not page-aligned (page size %d)",
                    memory.address(), length, pageSize);
        }
        if (!isLoopback() && length > maxSegmentSize) {
            throw error(RsmError.BAD_LENGTH, "%d bytes exceed the %d-byte segment limit of controller %s on node %d",
                    length, maxSegmentSize, name, process.nodeId);
        }
        Registry registry = process.runtime.registry;
        NewExport made = registry.mutateForCall(() -> {
            long count = 0;
            long total = 0;
            for (int s = 0; s < registry.segmentSlots(); s++) {
                if (registry.getInt(Seg.at(s, Seg.STATE)) != Seg.FREE && registry.getInt(Seg.at(s, Seg.NODE)) == process.nodeId
                        && registry.getInt(Seg.at(s, Seg.CONTROLLER)) == index) {
                    count++;
                    total += exportedLength(s);
                }
            }
            if (count >= attributes.maxExportSegments()) {
                throw error(RsmError.INSUFFICIENT_RESOURCES, "controller %s of node %d already has %d export segments (its limit)",
                        name, process.nodeId, count);
            }
            if (total + length > attributes.totalExportSegmentSize()) {
                throw error(RsmError.INSUFFICIENT_MEM,
                        "exporting %d more bytes through %s on node %d would exceed its %d-byte total (%d exported)",
                        length, name, process.nodeId, attributes.totalExportSegmentSize(), total);
            }
            LocalMemory.Backing backing = process.memory.backingOf(memory.address(), length);
            if (backing == null) {
                throw error(RsmError.BAD_ADDR,
                        "memory at 0x%x is not shared memory of this process: export memory from RsmLibrary.allocate",
                        memory.address());
            }
            int slot = registry.freeSlot(Registry.MAX_SEGMENTS, s -> Seg.at(s, Seg.STATE), Registry.H_SEGMENT_HIGH);
            if (slot < 0) {
                throw error(RsmError.INSUFFICIENT_RESOURCES, "the cluster has %d segments already", Registry.MAX_SEGMENTS);
            }
            int serial = registry.next(Registry.H_NEXT_SEGMENT);
            registry.putInt(Seg.at(slot, Seg.SERIAL), serial);
            registry.putInt(Seg.at(slot, Seg.NODE), process.nodeId);
            registry.putInt(Seg.at(slot, Seg.CONTROLLER), index);
            registry.putInt(Seg.at(slot, Seg.OWNER), process.serial);
            registry.putInt(Seg.at(slot, Seg.SEGMENT_ID), 0);
            registry.putLong(Seg.at(slot, Seg.LENGTH), length);
            registry.putInt(Seg.at(slot, Seg.UID), process.credentials.uid());
            registry.putInt(Seg.at(slot, Seg.GID), process.credentials.gid());
            registry.putInt(Seg.at(slot, Seg.MODE), 0777 & ~process.credentials.umask());
            SegmentRecords.writeBacking(registry, slot,
                    Seg.backing(LocalMemory.fileIndex(backing.file()), backing.fileOffset(), pageSize));
            registry.putInt(Seg.at(slot, Seg.FLAGS), flags);
            registry.putInt(Seg.at(slot, Seg.ACL_COUNT), 0);
            registry.putIntRelease(Seg.at(slot, Seg.STATE), Seg.BOUND);
            return new NewExport(slot, serial, SegmentHandle.EventCounter.of(registry, Registry.Events.ofSegment(slot)));
        });
        ExportHandle handle = new ExportHandle(this, made.slot(), made.serial(), made.events(), memory, flags);
        process.exports.add(handle);
        return handle;
    }

    /** Under the lock: the length of a segment of this controller, counted against its caps; 0 if its record is damaged. */
    private long exportedLength(int slot) {
        try {
            return SegmentRecords.length(process.runtime, slot);
        } catch (SegmentRecords.DamagedRecordException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- import

    @Override
    public ImportSegment connect(int nodeId, int segmentId, int permission) throws RsmException {
        try {
            ImportSegment connected = connectChecked(nodeId, segmentId, permission);
            refusedSegment = null;
            refusedBecause = null;
            return connected;
        } catch (RsmException refused) {
            refusedSegment = nodeId + ":0x" + Integer.toHexString(segmentId);
            refusedBecause = refused.error().name();
            throw refused;
        }
    }

    private ImportSegment connectChecked(int nodeId, int segmentId, int permission) throws RsmException {
        check();
        if ((permission & ~Rsm.PERM_RDWR) != 0) {
            throw error(RsmError.PERM_DENIED, "permission %s has bits other than read (0400) and write (0200)",
                    perm(permission));
        }
        int local = process.nodeId;
        if (isLoopback() && nodeId != local) {
            throw error(RsmError.CTLR_NOT_PRESENT,
                    "the loopback controller reaches only the local node %d, not node %d: connect through a controller linked to it",
                    local, nodeId);
        }
        Registry registry = process.runtime.registry;
        ClusterRegistry.Connection recorded = process.clusterRegistry == null ? null
                : process.clusterRegistry.connect(name, isLoopback(), process.credentials, nodeId, segmentId, permission);
        ImportHandle.Connection connection;
        try {
            connection = registry.mutateForCall(() -> insertConnection(nodeId, segmentId, permission, recorded));
        } catch (RsmException | RuntimeException e) {
            if (recorded != null) {
                recorded.disconnect();
            }
            throw e;
        }
        // the data path is chosen here, once: a local cluster's import copies through its mapping, a distributed one's
        // through the registry's data path
        ImportHandle handle = recorded == null ? new ImportHandle(this, connection, null)
                : new RemoteImportHandle(this, connection, recorded);
        process.imports.add(handle);
        return handle;
    }

    /**
     * Under the lock: the connect's checks ({@link ConnectChecks}) against the mapped registry, then its connection record.
     * A connect that the registry of a distributed cluster recorded ({@code recorded}) to a segment that is not in the
     * mapped registry (its exporter keeps its files elsewhere: another host) is recorded as that registry granted it, with no
     * segment record ({@link ImportHandle.Connection#segmentSlot()} -1): it cannot be mapped here.
     */
    private ImportHandle.Connection insertConnection(int nodeId, int segmentId, int permission, ClusterRegistry.Connection recorded)
            throws RsmException {
        Registry registry = process.runtime.registry;
        LocalRegistryView view = new LocalRegistryView(process.runtime);
        ConnectChecks.Grant grant;
        int seg;
        if (recorded == null || view.published(nodeId, segmentId) != null) {
            grant = ConnectChecks.check(view, process.nodeId, name, isLoopback(), process.credentials, process.toString(), nodeId,
                    segmentId, permission);
            seg = view.lastSlot();
        } else {
            // what this node's files know still counts: a node killed here is down, though its registry session lasts
            ConnectChecks.checkReachable(view, process.nodeId, name, nodeId);
            grant = recorded.grant();
            seg = ImportHandle.Connection.NO_SEGMENT_SLOT;
        }
        int segSerial = seg == ImportHandle.Connection.NO_SEGMENT_SLOT ? 0 : registry.getInt(Seg.at(seg, Seg.SERIAL));
        int local = process.nodeId;
        int mode = grant.mode();
        int link = grant.link();
        int slot = registry.freeSlot(Registry.MAX_CONNECTIONS, c -> Conn.at(c, Conn.STATE), Registry.H_CONNECTION_HIGH);
        if (slot < 0) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "the cluster has %d connections already", Registry.MAX_CONNECTIONS);
        }
        int serial = registry.next(Registry.H_NEXT_CONNECTION);
        int generation = registry.getInt(Conn.at(slot, Conn.GENERATION));
        registry.putInt(Conn.at(slot, Conn.SERIAL), serial);
        registry.putInt(Conn.at(slot, Conn.PROCESS), process.serial);
        registry.putInt(Conn.at(slot, Conn.NODE), local);
        registry.putInt(Conn.at(slot, Conn.SEGMENT_SLOT), seg);
        registry.putInt(Conn.at(slot, Conn.SEGMENT_SERIAL), segSerial);
        registry.putInt(Conn.at(slot, Conn.PERMISSION), permission);
        registry.putInt(Conn.at(slot, Conn.GRANTED), AccessRules.granted(mode, permission));
        registry.putInt(Conn.at(slot, Conn.LINK), link);
        registry.putInt(Conn.at(slot, Conn.FLAGS), 0);
        registry.putInt(Conn.at(slot, Conn.EXPORTER_NODE), nodeId);
        registry.putInt(Conn.at(slot, Conn.SEGMENT_ID), segmentId);
        SegmentHandle.EventCounter events = SegmentHandle.EventCounter.of(registry, Registry.Events.ofConnection(slot));
        // a local importer posts to the segment's counter; a distributed one's posts arrive through the data path
        long exporterCounter = recorded == null ? Registry.Events.ofSegment(seg) : -1;
        registry.putIntRelease(Conn.at(slot, Conn.STATE), Conn.CONNECTED);
        return new ImportHandle.Connection(slot, serial, generation, seg, segSerial, nodeId, segmentId, grant.segment().length(),
                permission, link, events, exporterCounter);
    }

    // ---------------------------------------------------------------- local memory handles

    @Override
    public LocalMemoryHandle createLocalMemoryHandle(MemorySegment memory) throws RsmException {
        if (memory == null || memory.address() % process.runtime.pageSize != 0) {
            throw error(RsmError.BAD_ADDR, "local memory for a handle must be page-aligned%s",
                    memory == null ? " (it is null)" : String.format(" (0x%x is not)", memory.address()));
        }
        check();
        if (memory.byteSize() == 0) {
            throw error(RsmError.BAD_LENGTH, "a local memory handle needs at least one byte");
        }
        long pageSize = process.runtime.pageSize;
        if (memory.byteSize() > Long.MAX_VALUE - pageSize) {
            throw error(RsmError.BAD_LENGTH, "%d bytes cannot be rounded up to whole pages", memory.byteSize());
        }
        long rounded = (memory.byteSize() + pageSize - 1) / pageSize * pageSize;
        MemorySegment pages = memory.byteSize() == rounded ? memory
                : MemorySegment.ofAddress(memory.address()).reinterpret(rounded);
        ExportHandle surrogate = create(pages, Rsm.ALLOW_REBIND);
        try {
            int permission = memory.byteSize() > SURROGATE_DIRECT_LIMIT ? 0 : Rsm.PERM_RDWR;
            surrogate.publish(0, List.of(new AccessEntry(process.nodeId, permission)));
        } catch (RsmException e) {
            surrogate.destroy();
            throw e;
        }
        return new LocalHandle(this, memory, surrogate);
    }

    @Override
    public void freeLocalMemoryHandle(LocalMemoryHandle handle) throws RsmException {
        check();
        if (!(handle instanceof LocalHandle local) || local.controller() != this || local.isFreed()) {
            throw error(RsmError.BAD_LOCALMEM_HNDL, "%s is not a live local memory handle of controller %s",
                    handle, name);
        }
        local.free();
    }

    @Override
    public String toString() {
        return "controller " + name + " of node " + process.nodeId;
    }
}
