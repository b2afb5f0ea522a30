// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;

/** Cost of the registry operations: connect + disconnect, publish + unpublish. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class ControlPathBenchmark {
    TwoNodes nodes;
    ExportSegment spare;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        nodes = new TwoNodes(1 << 16);
        spare = nodes.exporterController.createExportSegment(nodes.exporter.allocate(1 << 16), 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        nodes.close();
    }

    @Benchmark
    public void connectDisconnect() throws RsmException {
        nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR).disconnect();
    }

    @Benchmark
    public void publishUnpublish() throws RsmException {
        spare.publish(0x400000, List.of(new AccessEntry(2, 0666)));
        spare.unpublish();
    }
}
