// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/** An export segment of one process (RSMAPI §3.2, §5.1). */
final class ExportHandle extends SegmentHandle implements ExportSegment {
    /** Ids at or below this are reserved for drivers, the cluster transport, DLPI (RSMAPI §2.2). */
    private static final long RESERVED_ID_END = 0x3FFFFFL;
    private static final int MAX_ACL_NODE = 64;
    private static final int MAX_ACL_PERMISSION = 0666;

    private final int slot;
    private final int serial;
    private final int flags;
    private final long size;
    private MemorySegment memory;
    private volatile boolean destroyed;
    /** Whom a post signals, as the registry listed them when last read: see {@link #signalPost}. */
    private Importers importers = Importers.UNREAD;

    /**
     * The event counters of this segment's connections and their importers' nodes, read from the registry at the
     * mutation count {@code readAt} (connections are made and cut only in mutations), and this JVM's lane of each
     * counter, or null where another JVM holds it ({@link Registry.Events}).
     */
    private record Importers(int readAt, long[] counters, int[] nodes, Lane[] lanes) {
        static final Importers UNREAD = new Importers(Registry.UNCHECKED, new long[0], new int[0], new Lane[0]);
    }

    ExportHandle(Controller controller, int slot, int serial, EventCounter events, MemorySegment memory, int flags) {
        super(controller, events);
        this.slot = slot;
        this.serial = serial;
        this.memory = memory;
        this.flags = flags;
        this.size = memory.byteSize();
    }

    @Override
    void checkValid() throws RsmException {
        process.checkAlive();
        checkStillOurs();
    }

    @Override
    boolean isOpen() {
        return !destroyed && !process.isClosed();
    }

    /**
     * That the segment's registry record is still this segment's. Every mutation of the record checks it again
     * under the registry lock: a node's death may have freed the record while the call waited for the lock, and
     * another segment may have taken it since.
     */
    private void checkStillOurs() throws RsmException {
        if (destroyed || process.isClosed() || registry.getIntAcquire(Seg.at(slot, Seg.STATE)) == Seg.FREE
                || registry.getInt(Seg.at(slot, Seg.SERIAL)) != serial) {
            throw error(RsmError.BAD_SEG_HNDL, "export segment of %d bytes on node %d has been destroyed%s", size,
                    process.nodeId, process.closedNote());
        }
    }

    private int state() {
        return registry.getIntAcquire(Seg.at(slot, Seg.STATE));
    }

    private int segmentId() {
        return registry.getInt(Seg.at(slot, Seg.SEGMENT_ID));
    }

    @Override
    String describe() {
        return state() == Seg.PUBLISHED ? "segment " + id(segmentId()) + " of node " + process.nodeId
                : "unpublished export segment of " + size + " bytes on node " + process.nodeId;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public synchronized int publish(int segmentId, List<AccessEntry> acl) throws RsmException {
        checkValid();
        List<AccessEntry> entries = acl == null ? List.of() : acl;
        if (state() == Seg.PUBLISHED) {
            throw error(RsmError.SEG_ALREADY_PUBLISHED, "%s is already published", describe());
        }
        long unsigned = Integer.toUnsignedLong(segmentId);
        if (segmentId != 0 && (unsigned <= RESERVED_ID_END || unsigned >= ClusterRegistry.FIRST_ASSIGNED_ID)) {
            throw error(RsmError.RESERVED_SEGID,
                    "segment id %s is reserved: use 0x400000..0x7fffffff, or 0 to have one assigned", id(segmentId));
        }
        validateAcl(entries);
        // a distributed cluster counts the ids it gives in its registry: a node's processes may not share files
        int requested = segmentId == 0 && process.clusterRegistry != null ? process.clusterRegistry.assignSegmentId() : segmentId;
        int published = registry.mutateForCall(() -> {
            checkStillOurs();
            int nodeId = process.nodeId;
            int id = requested;
            if (id == 0) {
                long next = registry.getInt(Registry.Node.at(nodeId, Registry.Node.NEXT_AUTO_ID));
                if (next == 0) {
                    throw error(RsmError.INSUFFICIENT_RESOURCES, "node %d has assigned every segment id", nodeId);
                }
                id = (int) next;
                registry.putInt(Registry.Node.at(nodeId, Registry.Node.NEXT_AUTO_ID), id + 1);
            }
            for (int s = 0; s < registry.segmentSlots(); s++) {
                if (registry.getInt(Seg.at(s, Seg.STATE)) == Seg.PUBLISHED && registry.getInt(Seg.at(s, Seg.NODE)) == nodeId
                        && registry.getInt(Seg.at(s, Seg.SEGMENT_ID)) == id) {
                    throw error(RsmError.SEGID_IN_USE, "segment id %s is already published on node %d", id(id), nodeId);
                }
            }
            writeAcl(entries);
            registry.putInt(Seg.at(slot, Seg.SEGMENT_ID), id);
            registry.getAndAdd(Seg.at(slot, Seg.PUBLISHES), 1);
            registry.putIntRelease(Seg.at(slot, Seg.STATE), Seg.PUBLISHED);
            return id;
        });
        if (process.clusterRegistry != null) {
            try {
                process.clusterRegistry.publish(new PublishedSegment(process.nodeId, published, controller.name(), size,
                        registry.getInt(Seg.at(slot, Seg.UID)), registry.getInt(Seg.at(slot, Seg.GID)),
                        registry.getInt(Seg.at(slot, Seg.MODE)), entries), memory, () -> signalled(published));
            } catch (RsmException | RuntimeException e) {
                withdraw(); // not published for the cluster: not here either
                throw e;
            }
        }
        return published;
    }

    private void validateAcl(List<AccessEntry> acl) throws RsmException {
        if (acl.size() > Registry.MAX_ACL) {
            throw error(RsmError.BAD_ACL, "an ACL has at most %d entries, this one %d", Registry.MAX_ACL, acl.size());
        }
        if (controller.isLoopback() && acl.size() > 1) {
            throw error(RsmError.BAD_ACL, "an ACL on the loopback controller has at most 1 entry (the local node), this one %d",
                    acl.size());
        }
        for (int i = 0; i < acl.size(); i++) {
            AccessEntry entry = acl.get(i);
            if (entry == null) {
                throw error(RsmError.BAD_ACL, "ACL entry %d is null", i);
            }
            if (entry.node() < 0 || entry.node() > MAX_ACL_NODE) {
                throw error(RsmError.BAD_ACL, "ACL entry %d names node %d: node ids in an ACL are 0..%d", i,
                        entry.node(), MAX_ACL_NODE);
            }
            if (controller.isLoopback() && entry.node() != process.nodeId) {
                throw error(RsmError.BAD_ACL, "ACL entry %d names node %d, but on the loopback controller only the local node %d may be named",
                        i, entry.node(), process.nodeId);
            }
            if (entry.permission() < 0 || entry.permission() > MAX_ACL_PERMISSION) {
                throw error(RsmError.BAD_ACL, "ACL entry %d has permission %s: at most 0666", i,
                        Errors.perm(entry.permission()));
            }
        }
    }

    /** Under the lock. */
    private void writeAcl(List<AccessEntry> acl) {
        for (int i = 0; i < acl.size(); i++) {
            registry.putInt(Seg.aclAt(slot, i), acl.get(i).node());
            registry.putInt(Seg.aclAt(slot, i) + 4, acl.get(i).permission());
        }
        registry.putInt(Seg.at(slot, Seg.ACL_COUNT), acl.size());
    }

    @Override
    public synchronized void unpublish() throws RsmException {
        checkValid();
        if (state() != Seg.PUBLISHED) {
            throw error(RsmError.SEG_NOT_PUBLISHED, "%s is not published", describe());
        }
        int segmentId = segmentId();
        withdraw();
        if (process.clusterRegistry != null) {
            process.clusterRegistry.unpublish(segmentId);
        }
    }

    /** Unpublishes the segment in the mapped registry. */
    private void withdraw() throws RsmException {
        // importers are cut off on their side (their mappings go to trash): this memory stays where it is
        runtime.mutateAndRevokeForCall(() -> {
            checkStillOurs();
            registry.putIntRelease(Seg.at(slot, Seg.STATE), Seg.BOUND);
            runtime.forceDisconnect(slot);
            registry.putInt(Seg.at(slot, Seg.ACL_COUNT), 0);
            return null;
        });
    }

    @Override
    public synchronized void republish(List<AccessEntry> acl) throws RsmException {
        checkValid();
        if (state() != Seg.PUBLISHED) {
            throw error(RsmError.SEG_NOT_PUBLISHED, "%s is not published: publish it first", describe());
        }
        List<AccessEntry> entries = acl == null ? List.of() : acl;
        validateAcl(entries);
        registry.mutateForCall(() -> {
            checkStillOurs();
            writeAcl(entries);
            registry.getAndAdd(Seg.at(slot, Seg.PUBLISHES), 1);
            return null;
        });
        if (process.clusterRegistry != null) {
            process.clusterRegistry.republish(segmentId(), entries);
        }
    }

    @Override
    public synchronized void rebind(MemorySegment newMemory) throws RsmException {
        checkValid();
        if (newMemory == null) {
            throw error(RsmError.BAD_ADDR, "the memory to rebind to is null");
        }
        if ((flags & Rsm.ALLOW_REBIND) == 0) {
            throw error(RsmError.REBIND_NOT_ALLOWED, "%s was created without ALLOW_REBIND", describe());
        }
        if (newMemory.byteSize() != size) {
            throw error(RsmError.BAD_LENGTH, "rebind needs %d bytes, as the segment has, not %d", size, newMemory.byteSize());
        }
        if (newMemory.address() == memory.address()) {
            return;
        }
        if (newMemory.address() % runtime.pageSize != 0) {
            throw error(RsmError.BAD_LENGTH, "memory at 0x%x is not page-aligned", newMemory.address());
        }
        LocalMemory.Backing backing = process.memory.backingOf(newMemory.address(), size);
        if (backing == null) {
            throw error(RsmError.BAD_ADDR,
                    "memory at 0x%x is not shared memory of this process: rebind to memory from RsmLibrary.allocate",
                    newMemory.address());
        }
        if (process.clusterRegistry != null && state() == Seg.PUBLISHED) {
            // first, so that a registry that fails (it does only before it tells the importers) leaves the segment where it
            // was; once it told them it returns, and importers through the data path have followed or are forced out
            process.clusterRegistry.rebind(segmentId(), newMemory);
        }
        // nothing is copied: importers' mappings move onto the new memory, the old one keeps what it holds
        runtime.mutateAndRevokeForCall(() -> {
            checkStillOurs();
            runtime.rebindSegment(slot, LocalMemory.fileIndex(backing.file()), backing.fileOffset());
            return null;
        });
        memory = newMemory;
    }

    @Override
    public synchronized void destroy() throws RsmException {
        checkValid();
        if (pollFdInUse()) {
            throw pollFdInUseError("destroy");
        }
        int publishedId = state() == Seg.PUBLISHED ? segmentId() : 0;
        runtime.mutateAndRevokeForCall(() -> {
            checkStillOurs();
            runtime.destroySegment(slot);
            return null;
        });
        destroyed = true;
        if (process.clusterRegistry != null && publishedId != 0) {
            process.clusterRegistry.unpublish(publishedId);
        }
        process.exports.remove(this);
    }

    /**
     * A signal an importer posted through a distributed cluster's data path to the segment published as {@code segmentId}:
     * dropped when the segment is no longer that one (RSMAPI §5.3), as a local post is.
     */
    private void signalled(int segmentId) {
        if (!destroyed && state() == Seg.PUBLISHED && segmentId() == segmentId && registry.getInt(Seg.at(slot, Seg.SERIAL)) == serial) {
            runtime.postEvent(eventCounter(), process.nodeId);
        }
    }

    @Override
    public void signalPost(int flags) throws RsmException {
        // the checks and the importers read at a mutation count still stand while it does: a hot post reads one word
        Importers known = importers;
        if (!registry.unchangedSince(known.readAt()) || !isOpen()) {
            int before = registry.mutations();
            checkValid();
            if (process.clusterRegistry != null) {
                // a distributed cluster's importers may run on other hosts, with files of their own: its registry knows them all
                if (state() == Seg.PUBLISHED) {
                    process.clusterRegistry.signalImporters(segmentId());
                }
                return;
            }
            known = readImporters(before);
            importers = known;
        }
        // no lock: a connection made while this runs may or may not get the event, as with a real post
        long[] counters = known.counters();
        int[] nodes = known.nodes();
        Lane[] lanes = known.lanes();
        for (int i = 0; i < counters.length; i++) {
            if (lanes[i] != null) {
                runtime.postOnLane(counters[i], lanes[i], nodes[i]);
            } else {
                runtime.postEvent(counters[i], nodes[i]);
            }
        }
    }

    /** The connections to this segment, read after the mutation count {@code before}. */
    private Importers readImporters(int before) {
        long[] counters = new long[4];
        int[] nodes = new int[4];
        Lane[] lanes = new Lane[4];
        int count = 0;
        for (int c = 0, end = registry.connectionSlots(); c < end; c++) {
            if (registry.getIntAcquire(Conn.at(c, Conn.STATE)) == Conn.CONNECTED
                    && registry.getInt(Conn.at(c, Conn.SEGMENT_SLOT)) == slot
                    && registry.getInt(Conn.at(c, Conn.SEGMENT_SERIAL)) == serial) {
                int importerNode = registry.getInt(Conn.at(c, Conn.NODE));
                // a damaged record must not aim the wake-up outside the node table
                if (importerNode >= 0 && importerNode < Registry.MAX_NODES) {
                    if (count == counters.length) {
                        counters = Arrays.copyOf(counters, 2 * count);
                        nodes = Arrays.copyOf(nodes, 2 * count);
                        lanes = Arrays.copyOf(lanes, 2 * count);
                    }
                    counters[count] = Registry.Events.ofConnection(c);
                    lanes[count] = runtime.lane(counters[count]);
                    nodes[count++] = importerNode;
                }
            }
        }
        return new Importers(registry.stableSince(before), Arrays.copyOf(counters, count), Arrays.copyOf(nodes, count),
                Arrays.copyOf(lanes, count));
    }
}
