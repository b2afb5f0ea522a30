// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Where the RSM memory of a recording process lies in its address space: the memory of its published exports and its
 * mappings of imports, each with the segment and offset it shows. Race detection asks it, for every load and store the
 * program makes through a native {@link MemorySegment}, whether the address is RSM memory; the answer reads one
 * volatile array of a few entries, without a lock.
 */
public final class RsmMemory {
    /** Bytes {@code [start, end)} of the address space show segment {@code node:id} from {@code segmentOffset} on. */
    public record Region(Object key, long start, long end, int node, int id, long segmentOffset) {
    }

    private static final Region[] NONE = {};

    /** Replaced, never changed. Written under this. */
    private volatile Region[] regions = NONE;

    /** The region that holds the {@code length} bytes at {@code address}, or null when they are not RSM memory. */
    public Region find(long address, long length) {
        for (Region r : regions) {
            if (address >= r.start && address + length <= r.end) {
                return r;
            }
        }
        return null;
    }

    /** {@code memory} shows segment {@code node:id} from {@code segmentOffset} on, in place of what {@code key} showed. */
    synchronized void add(Object key, MemorySegment memory, int node, int id, long segmentOffset) {
        Region added = new Region(key, memory.address(), memory.address() + memory.byteSize(), node, id, segmentOffset);
        Region[] kept = Arrays.stream(regions).filter(r -> r.key != key).toArray(Region[]::new);
        Region[] next = Arrays.copyOf(kept, kept.length + 1);
        next[kept.length] = added;
        regions = next;
    }

    /** What {@code key} showed is no longer RSM memory (unpublished, unmapped, disconnected). */
    synchronized void remove(Object key) {
        regions = Arrays.stream(regions).filter(r -> r.key != key).toArray(Region[]::new);
    }

    synchronized void clear() {
        regions = NONE;
    }
}
