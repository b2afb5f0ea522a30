// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/** A two-node in-JVM cluster: node 1 exports a segment of the given size, node 2 is connected to it. */
final class TwoNodes implements AutoCloseable {
    static final Credentials USER = new Credentials(1000, 100, Set.of(), 022, false);

    final EmulatedCluster cluster;
    final RsmLibrary exporter;
    final RsmLibrary importer;
    final RsmController exporterController;
    final RsmController importerController;
    final MemorySegment exportedMemory;
    final ExportSegment export;
    final int segmentId;

    TwoNodes(long segmentSize) throws IOException, RsmException {
        cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
        exporter = cluster.process(1, USER);
        importer = cluster.process(2, USER);
        exporterController = exporter.getController("emu0");
        importerController = importer.getController("emu0");
        exportedMemory = exporter.allocate(segmentSize);
        export = exporterController.createExportSegment(exportedMemory, 0);
        segmentId = export.publish(0, List.of(new AccessEntry(2, 0666)));
    }

    @Override
    public void close() {
        cluster.close();
    }
}
