// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.rsmworkbench.emulator.internal.Registry;
import org.rsmworkbench.emulator.internal.Registry.Seg;

/**
 * The registry file of a cluster, mapped by a test on its own to damage it as a bug, a stray write or another
 * program of the same user could: what the cluster's JVMs read next is what was written here.
 */
final class RegistryFile implements AutoCloseable {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment memory;

    RegistryFile(Path clusterDirectory) throws IOException {
        try (FileChannel channel = FileChannel.open(clusterDirectory.resolve("registry"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size(), arena);
        }
    }

    int getInt(long offset) {
        return memory.get(INT, offset);
    }

    void putInt(long offset, int value) {
        memory.set(INT, offset, value);
    }

    long getLong(long offset) {
        return memory.get(LONG, offset);
    }

    void putLong(long offset, long value) {
        memory.set(LONG, offset, value);
    }

    /** The slot of the record of the segment published as {@code segmentId} on {@code node}. */
    int segmentSlot(int node, int segmentId) {
        for (int slot = 0; slot < Registry.MAX_SEGMENTS; slot++) {
            if (getInt(Seg.at(slot, Seg.STATE)) == Seg.PUBLISHED && getInt(Seg.at(slot, Seg.NODE)) == node
                    && getInt(Seg.at(slot, Seg.SEGMENT_ID)) == segmentId) {
                return slot;
            }
        }
        throw new IllegalStateException("no segment 0x" + Integer.toHexString(segmentId) + " published on node " + node);
    }

    @Override
    public void close() {
        arena.close();
    }
}
