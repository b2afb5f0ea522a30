// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.Cluster;

/**
 * A 1024-node cluster on one switch: loads, validates (warnings only: the emulator runs 64 nodes and
 * 4096 links) and converts. A model-level test; its speed is measured by the JMH benchmark
 * (tests/benchmarks, ClusterModelBenchmark), not here.
 */
class ScaleTest {
    @TempDir
    Path dir;

    @Test
    void thousandTwentyFourNodesOnASwitch() throws Exception {
        Path file = dir.resolve("big.rsmcluster");
        ClusterFiles.save(ClusterShapes.singleSwitch(1024), file);
        Cluster cluster = ClusterFiles.load(file);
        assertEquals(1024, cluster.getNodes().size());
        assertEquals(1024, cluster.getSwitches().get(0).getPorts().size());

        Diagnostic d = ClusterValidation.validate(cluster);
        assertEquals(Diagnostic.WARNING, d.getSeverity(), "only warnings");
        long beyond = d.getChildren().stream().filter(c -> c.getCode() == ClusterValidation.NODE_ID_BEYOND_EMULATOR).count();
        assertEquals(1024 - 63, beyond, "nodes 64..1024 are beyond the emulator");
        assertEquals(1, d.getChildren().stream().filter(c -> c.getCode() == ClusterValidation.TOO_MANY_LINKS).count());

        ClusterSpec spec = ClusterSpecs.toSpec(cluster);
        assertEquals(1024, spec.nodes().size());
        assertEquals(1024 * 1023 / 2, spec.links().size());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> org.rsmworkbench.emulator.EmulatedCluster.start(spec));
        assertTrue(refused.getMessage().contains("node id 64"), refused.getMessage());
    }
}
