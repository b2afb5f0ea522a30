// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.openjdk.jmh.infra.Blackhole;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The processor time of a signal on one thread, no cache line moving: a post and the wait that consumes it, against
 * the raw work of a hop (a store of the next count into a mapped counter and a load of it, as a post's store on its
 * counter's lane and the wait's read). What this adds to a hop, a ping-pong between cores ({@link SignalLatency}) adds
 * too.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class SignalBenchmark {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    TwoNodes nodes;
    ImportSegment doorbell;
    Path file;
    Arena arena;
    MemorySegment counter;
    int rawPosts;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        nodes = new TwoNodes(4096);
        doorbell = nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR);
        file = Files.createTempFile(Path.of("/dev/shm"), "counter", ".flag");
        arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            counter = channel.map(FileChannel.MapMode.READ_WRITE, 0, 128, arena);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        nodes.close();
        arena.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public void postAndWait() throws RsmException {
        doorbell.signalPost(0);
        nodes.export.signalWait(0);
    }

    @Benchmark
    public void rawStoreAndLoad(Blackhole blackhole) {
        INT.setVolatile(counter, 0L, ++rawPosts);
        blackhole.consume((int) INT.getAcquire(counter, 0L));
    }
}
