// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.ScatterGather;

/** Barrier open + close, and one putv of 16 requests against 16 puts of the same pieces. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class BarrierAndVectorBenchmark {
    private static final int PIECE = 256;

    TwoNodes nodes;
    ImportSegment segment;
    Barrier barrier;
    MemorySegment local;
    ScatterGather sixteen;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        nodes = new TwoNodes(1 << 16);
        segment = nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR);
        segment.setMode(BarrierMode.EXPLICIT);
        barrier = segment.initBarrier(BarrierType.SEGMENT);
        local = Arena.ofAuto().allocate(16 * PIECE, 4096);
        sixteen = new ScatterGather(segment, 0);
        for (int i = 0; i < 16; i++) {
            // every other piece of the remote segment: a real scatter
            sixteen.add(new IoVec.Local(local, (long) i * PIECE, (long) i * 2 * PIECE, PIECE));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        nodes.close();
    }

    @Benchmark
    public void barrierOpenClose() throws RsmException {
        barrier.open();
        barrier.close();
    }

    @Benchmark
    public void putv16() throws RsmException {
        segment.putv(sixteen);
    }

    @Benchmark
    public void put16Times() throws RsmException {
        for (int i = 0; i < 16; i++) {
            segment.put((long) i * 2 * PIECE, local.asSlice((long) i * PIECE, PIECE));
        }
    }
}
