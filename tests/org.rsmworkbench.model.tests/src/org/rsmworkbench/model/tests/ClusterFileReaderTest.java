// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.internal.RsmClusterFileReader;

/** The reader that {@code rsm-launch --cluster} finds through META-INF/services. */
class ClusterFileReaderTest {
    private final RsmClusterFileReader reader = new RsmClusterFileReader();

    @Test
    void readsASavedClusterIntoItsSpec(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lab.rsmcluster");
        ClusterFiles.save(ClusterShapes.create("lab", ClusterShapes.Shape.FULLY_CONNECTED, 5), file);
        assertTrue(reader.canRead(file));
        assertFalse(reader.canRead(dir.resolve("lab.xml")));
        ClusterSpec spec = reader.read(file);
        assertEquals(ClusterSpec.fullyConnected(5).nodes(), spec.nodes());
        assertEquals(ClusterSpec.fullyConnected(5).links(), spec.links());
    }

    @Test
    void refusesAClusterWithValidationErrorsAndSaysWhy(@TempDir Path dir) throws IOException {
        Cluster cluster = ClusterShapes.create("dup", ClusterShapes.Shape.NODES_ONLY, 2);
        cluster.getNodes().get(1).setId(cluster.getNodes().get(0).getId());
        Path file = dir.resolve("dup.rsmcluster");
        ClusterFiles.save(cluster, file);
        IOException e = assertThrows(IOException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("dup.rsmcluster is not a cluster the emulator can run"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("node"), e.getMessage());
    }

    @Test
    void refusesANodeIdTheEmulatorDoesNotRun(@TempDir Path dir) throws IOException {
        Cluster cluster = ClusterShapes.create("big", ClusterShapes.Shape.NODES_ONLY, 2);
        cluster.getNodes().get(1).setId(99);
        Path file = dir.resolve("big.rsmcluster");
        ClusterFiles.save(cluster, file);
        IOException e = assertThrows(IOException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("big.rsmcluster is not a cluster the emulator can run"), e.getMessage());
        assertTrue(e.getMessage().contains("node ids 0 to 63"), e.getMessage());
    }
}
