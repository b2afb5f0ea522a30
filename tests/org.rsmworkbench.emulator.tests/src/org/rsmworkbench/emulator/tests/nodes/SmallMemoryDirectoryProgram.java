// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import java.lang.foreign.MemorySegment;
import java.util.Set;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * For AllocationSpaceTest, run where /dev/shm is a tmpfs of {@code <capacity>} bytes:
 * {@code SmallMemoryDirectoryProgram <capacity>} starts a one-node cluster (its memory directory lands in that
 * tmpfs) and, in a process of it, allocates twice the capacity, then half of it (filled to the last byte), then
 * the capacity again (filled). Each allocate answers one line: {@code ALLOCATED <bytes>} (after the fill), or
 * {@code REFUSED <bytes> <error> <message>}; then {@code DONE}. A store into memory that the tmpfs cannot back
 * raises SIGBUS instead: the fill ends this program with an InternalError (an ordinary store would crash the JVM).
 */
public final class SmallMemoryDirectoryProgram {

    private SmallMemoryDirectoryProgram() {
    }

    public static void main(String[] args) throws Exception {
        long capacity = Long.parseLong(args[0]);
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(1))) {
            RsmLibrary process = cluster.process(1, new Credentials(1000, 1000, Set.of(), 022, false));
            for (long bytes : new long[] {2 * capacity, capacity / 2, capacity}) {
                try {
                    MemorySegment memory = process.allocate(bytes);
                    memory.fill((byte) 1);
                    System.out.println("ALLOCATED " + bytes);
                } catch (RsmException e) {
                    System.out.println("REFUSED " + bytes + " " + e.error() + " " + e.getMessage());
                }
                System.out.flush();
            }
        }
        System.out.println("DONE");
    }
}
