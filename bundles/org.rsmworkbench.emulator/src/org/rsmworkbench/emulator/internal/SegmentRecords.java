// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.AccessEntry;

/**
 * Validated reads of the segment records of the registry. Another JVM wrote them, into a file that anything
 * running as this user can change: a length, offset, file index, node, controller or ACL size is checked here
 * before it indexes a table, sizes a list or names a file, so that a damaged record is refused (a
 * {@link DamagedRecordException}) instead of reaching memory of another segment or outside the registry.
 * <p>
 * What {@code createExportSegment} writes once (serial, node, controller, owner, length, uid, gid, mode) and
 * where the memory is (the BACKING word, rewritten only by {@link #writeBacking}) are sealed by a checksum:
 * a value that is in range but not the one written (another file of the process, a shifted offset) is refused too.
 * Readers under the registry lock (connect, observers' snapshots) check the seal; an importer following a rebind
 * reads the BACKING word alone, without the lock, and relies on the seal checked when it connected.
 */
final class SegmentRecords {
    /** The fields the checksum covers. */
    private static final int[] SEALED_INTS = {Seg.SERIAL, Seg.NODE, Seg.CONTROLLER, Seg.OWNER, Seg.UID, Seg.GID, Seg.MODE};
    private static final int[] SEALED_LONGS = {Seg.LENGTH, Seg.BACKING};

    /** Where a segment's memory is: {@code length} bytes of file {@code p<owner>-<file>} from {@code fileOffset}. */
    record Backing(int owner, int file, long fileOffset, long length) {
        Path path(Path memoryDirectory) {
            return LocalMemory.path(memoryDirectory, owner, file);
        }
    }

    /** A record whose values cannot be right: the message says which and why. */
    static final class DamagedRecordException extends Exception {
        private static final long serialVersionUID = 1L;

        DamagedRecordException(int slot, String problem) {
            super("segment record " + slot + " of the cluster registry is damaged: " + problem);
        }
    }

    private SegmentRecords() {
    }

    /**
     * Under the lock: sets where the segment's memory is (a {@link Seg#backing} word, one release store that
     * importers read without the lock) and seals the record (the last write of a record's fields).
     */
    static void writeBacking(Registry registry, int slot, long backing) {
        registry.putLongRelease(Seg.at(slot, Seg.BACKING), backing);
        registry.putLong(Seg.at(slot, Seg.CHECK), checksum(registry, slot));
    }

    /** The backing of the segment in that slot, checked against its seal and the page size. */
    static Backing backing(ClusterRuntime runtime, int slot) throws DamagedRecordException {
        Registry registry = runtime.registry;
        if (registry.getLong(Seg.at(slot, Seg.CHECK)) != checksum(registry, slot)) {
            throw new DamagedRecordException(slot, "its fields do not match their checksum");
        }
        long length = registry.getLong(Seg.at(slot, Seg.LENGTH));
        long word = registry.getLong(Seg.at(slot, Seg.BACKING));
        long page = runtime.pageSize;
        long fileOffset = Seg.backingOffset(word, page);
        int file = Seg.backingFile(word);
        if (length <= 0 || length % page != 0 || fileOffset < 0 || fileOffset % page != 0 || file < 0
                || length > Long.MAX_VALUE - fileOffset) {
            throw new DamagedRecordException(slot, "length " + length + " at offset " + fileOffset + " of file " + file
                    + " is not a run of whole pages of a file");
        }
        return new Backing(registry.getInt(Seg.at(slot, Seg.OWNER)), file, fileOffset, length);
    }

    /** The size of the segment in that slot (checked as its {@link #backing}). */
    static long length(ClusterRuntime runtime, int slot) throws DamagedRecordException {
        return backing(runtime, slot).length();
    }

    /** The node of the segment in that slot: a node of the cluster. */
    static NodeSpec node(ClusterRuntime runtime, int slot) throws DamagedRecordException {
        int node = runtime.registry.getInt(Seg.at(slot, Seg.NODE));
        NodeSpec spec = node >= 0 && node < Registry.MAX_NODES ? runtime.spec.node(node) : null;
        if (spec == null) {
            throw new DamagedRecordException(slot, "node " + node + " is not a node of cluster " + runtime.spec.name());
        }
        return spec;
    }

    /** The name of the controller (of its node) that the segment in that slot was exported through. */
    static String controllerName(ClusterRuntime runtime, int slot) throws DamagedRecordException {
        NodeSpec node = node(runtime, slot);
        int index = runtime.registry.getInt(Seg.at(slot, Seg.CONTROLLER));
        if (index < 0 || index > node.controllers().size()) {
            throw new DamagedRecordException(slot, "controller index " + index + " is not one of node " + node.id()
                    + " (0 to " + node.controllers().size() + ")");
        }
        return runtime.controllerName(node.id(), index);
    }

    /** How many ACL entries the segment in that slot has: at most {@link Registry#MAX_ACL}. */
    static int aclCount(Registry registry, int slot) throws DamagedRecordException {
        int count = registry.getInt(Seg.at(slot, Seg.ACL_COUNT));
        if (count < 0 || count > Registry.MAX_ACL) {
            throw new DamagedRecordException(slot, "its ACL has " + count + " entries, not 0 to " + Registry.MAX_ACL);
        }
        return count;
    }

    /** The ACL of the segment in that slot. */
    static List<AccessEntry> acl(Registry registry, int slot) throws DamagedRecordException {
        int count = aclCount(registry, slot);
        List<AccessEntry> acl = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            acl.add(new AccessEntry(registry.getInt(Seg.aclAt(slot, i)), registry.getInt(Seg.aclAt(slot, i) + 4)));
        }
        return acl;
    }

    /** A mix of the sealed fields (splitmix64 steps): any change of one of them changes it. */
    private static long checksum(Registry registry, int slot) {
        long hash = slot;
        for (int field : SEALED_INTS) {
            hash = mix(hash ^ registry.getInt(Seg.at(slot, field)));
        }
        for (int field : SEALED_LONGS) {
            hash = mix(hash ^ registry.getLong(Seg.at(slot, field)));
        }
        return hash;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
