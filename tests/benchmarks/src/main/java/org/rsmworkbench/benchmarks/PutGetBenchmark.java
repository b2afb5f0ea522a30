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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * put/get through a mapped EXPLICIT-mode import against a raw {@code MemorySegment.copy} into a
 * mapping of the same file, measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class PutGetBenchmark {

    /** 8-byte transfers: the per-call overhead. */
    @State(Scope.Thread)
    public static class Small {
        TwoNodes nodes;
        ImportSegment segment;
        MemorySegment rawView;
        final long[] value = {0x1122334455667788L};
        final byte[] bytes = new byte[8];

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            nodes = new TwoNodes(1 << 16);
            segment = nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR);
            segment.setMode(BarrierMode.EXPLICIT);
            rawView = segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, 1 << 16);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            nodes.close();
        }
    }

    @Benchmark
    public void put64(Small s) throws RsmException {
        s.segment.put64(64, s.value, 1);
    }

    @Benchmark
    public long get64(Small s) throws RsmException {
        s.segment.get64(64, s.value, 1);
        return s.value[0];
    }

    @Benchmark
    public void put8x8(Small s) throws RsmException {
        s.segment.put8(64, s.bytes, 8);
    }

    @Benchmark
    public void rawStore8(Small s) {
        MemorySegment.copy(s.value, 0, s.rawView, java.lang.foreign.ValueLayout.JAVA_LONG, 64, 1);
    }

    @Benchmark
    public long rawLoad8(Small s) {
        MemorySegment.copy(s.rawView, java.lang.foreign.ValueLayout.JAVA_LONG, 64, s.value, 0, 1);
        return s.value[0];
    }

    /** The store itself, without the copy's stub call of {@link #rawStore8}: the stricter baseline. */
    @Benchmark
    public void rawSet8(Small s) {
        s.rawView.set(java.lang.foreign.ValueLayout.JAVA_LONG, 64, s.value[0]);
    }

    /** The load itself, without the copy's stub call of {@link #rawLoad8}: the stricter baseline. */
    @Benchmark
    public long rawGet8(Small s) {
        s.value[0] = s.rawView.get(java.lang.foreign.ValueLayout.JAVA_LONG, 64);
        return s.value[0];
    }

    /**
     * Bulk transfers of 4 KiB to 64 MiB. The RSM put and get and the raw copies reach the same mapping, touched
     * whole before the first measurement, so that none of them pays its first-touch page faults.
     */
    @State(Scope.Thread)
    public static class Bulk {
        @Param({"4096", "65536", "1048576", "67108864"})
        public int size;
        TwoNodes nodes;
        ImportSegment segment;
        MemorySegment rawView;
        MemorySegment local;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            nodes = new TwoNodes(size);
            segment = nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR);
            segment.setMode(BarrierMode.EXPLICIT);
            rawView = segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, size);
            rawView.fill((byte) 0);
            local = Arena.ofAuto().allocate(size, 4096);
            local.fill((byte) 7);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            nodes.close();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void bulkPut(Bulk b) throws RsmException {
        b.segment.put(0, b.local);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void bulkGet(Bulk b) throws RsmException {
        b.segment.get(0, b.local);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void rawCopyIn(Bulk b) {
        MemorySegment.copy(b.local, 0, b.rawView, 0, b.size);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void rawCopyOut(Bulk b) {
        MemorySegment.copy(b.rawView, 0, b.local, 0, b.size);
    }
}
