// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.emulator.internal.Registry.Seg;

/** A read-only mapping of a segment's backing file, remapped when the segment moves to another file. */
public final class SegmentViewImpl implements SegmentView {
    private final ClusterRuntime runtime;
    private final Registry registry;
    private final int slot;
    private final int serial;
    private final int nodeId;
    private final int segmentId;
    private final long size;
    private Arena arena;
    private MemorySegment memory;
    private int mappedFile = -1;
    private long mappedOffset = -1;

    private SegmentViewImpl(ClusterRuntime runtime, int slot, int serial, int nodeId, int segmentId, long size) {
        this.runtime = runtime;
        this.registry = runtime.registry;
        this.slot = slot;
        this.serial = serial;
        this.nodeId = nodeId;
        this.segmentId = segmentId;
        this.size = size;
    }

    /**
     * A view of the segment published (or bound, for id 0 never) as {@code segmentId} on that node, or null (also
     * when its record is damaged).
     */
    public static SegmentView find(ClusterRuntime runtime, int nodeId, int segmentId) {
        Registry registry = runtime.registry;
        try {
            return findIn(runtime, registry, nodeId, segmentId);
        } catch (IllegalStateException e) {
            if (registry.isOpen()) {
                throw e;
            }
            return null; // the cluster is no longer open here (it ended, or was detached)
        }
    }

    private static SegmentView findIn(ClusterRuntime runtime, Registry registry, int nodeId, int segmentId) {
        return registry.read(() -> {
            for (int s = 0, end = registry.segmentSlots(); s < end; s++) {
                if (registry.getInt(Seg.at(s, Seg.STATE)) != Seg.FREE && registry.getInt(Seg.at(s, Seg.NODE)) == nodeId
                        && registry.getInt(Seg.at(s, Seg.SEGMENT_ID)) == segmentId) {
                    try {
                        return new SegmentViewImpl(runtime, s, registry.getInt(Seg.at(s, Seg.SERIAL)), nodeId, segmentId,
                                SegmentRecords.length(runtime, s));
                    } catch (SegmentRecords.DamagedRecordException e) {
                        // not a segment an observer can look into: another slot may hold an intact one
                    }
                }
            }
            return null;
        });
    }

    @Override
    public int nodeId() {
        return nodeId;
    }

    @Override
    public int segmentId() {
        return segmentId;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean isAlive() {
        try {
            return registry.getIntAcquire(Seg.at(slot, Seg.STATE)) != Seg.FREE
                    && registry.getInt(Seg.at(slot, Seg.SERIAL)) == serial;
        } catch (IllegalStateException unmapped) { // the observer closed the cluster (it ended): its registry is unmapped
            return false;
        }
    }

    @Override
    public String goneReason() {
        return registry.isOpen() ? SegmentView.super.goneReason()
                : "its cluster is no longer open here: it ended, or was detached";
    }

    /** What the registry says of the segment now: where its memory is, or why that cannot be known. */
    private record Lookup(SegmentRecords.Backing backing, String problem) {
    }

    @Override
    public synchronized MemorySegment memory() {
        if (!registry.isOpen()) {
            throw new IllegalStateException("segment 0x" + Integer.toHexString(segmentId) + " of node " + nodeId + ": "
                    + goneReason());
        }
        Registry.Snapshot<Lookup> snapshot = registry.snapshot(() -> {
            if (!isAlive()) {
                return new Lookup(null, "no longer exists (" + goneReason() + ")");
            }
            try {
                SegmentRecords.Backing backing = SegmentRecords.backing(runtime, slot);
                return backing.length() == size ? new Lookup(backing, null)
                        : new Lookup(null, "changed its size in the registry to " + backing.length());
            } catch (SegmentRecords.DamagedRecordException e) {
                return new Lookup(null, "cannot be shown: " + e.getMessage());
            }
        });
        if (!snapshot.consistent() && memory != null) {
            // a JVM stopped inside an update of the registry, maybe of this segment: keep the mapping known good
            return memory;
        }
        Lookup lookup = snapshot.value();
        if (lookup.problem() != null) {
            throw new IllegalStateException("segment 0x" + Integer.toHexString(segmentId) + " of node " + nodeId + " "
                    + lookup.problem());
        }
        SegmentRecords.Backing backing = lookup.backing();
        if (memory == null || mappedFile != backing.file() || mappedOffset != backing.fileOffset()) {
            remap(backing.path(runtime.memoryDirectory), backing.fileOffset());
            mappedFile = backing.file();
            mappedOffset = backing.fileOffset();
        }
        return memory;
    }

    private void remap(Path file, long offset) {
        close();
        Arena newArena = Arena.ofShared();
        try {
            memory = Uninterruptible.map(file, offset, size, true, newArena);
            arena = newArena;
        } catch (IOException e) {
            newArena.close();
            throw new UncheckedIOException("cannot map segment 0x" + Integer.toHexString(segmentId) + " of node "
                    + nodeId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (arena != null) {
            arena.close();
            arena = null;
            memory = null;
        }
    }
}
