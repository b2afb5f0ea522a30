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
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * The machine's raw cross-core latency inside the JMH run: a ping-pong between two threads on two ints of a mapped
 * file, a cache line apart. An operation is a round trip (ping: send, then wait for the echo; pong: wait, then echo),
 * so the one-way latency is half the score; {@link JmhReport} prints it beside the CPU model.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CrossCoreBenchmark {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long PING = 0, PONG = 64;

    private Path file;
    private Arena arena;
    private MemorySegment flags;

    /** The ping thread's count: in a state of its own, so that it shares no cache line with the pong thread's. */
    @State(Scope.Thread)
    public static class Sender {
        int sent;
    }

    /** The last value the pong thread echoed. */
    @State(Scope.Thread)
    public static class Echo {
        int seen;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile(Path.of("/dev/shm"), "crosscore", ".flag");
        arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            flags = channel.map(FileChannel.MapMode.READ_WRITE, 0, 128, arena);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        arena.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    @Group("pingPong")
    public void ping(Sender sender, Control control) {
        int i = ++sender.sent;
        INT.setRelease(flags, PING, i);
        while ((int) INT.getAcquire(flags, PONG) != i && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("pingPong")
    public void pong(Echo echo, Control control) {
        int value;
        while ((value = (int) INT.getAcquire(flags, PING)) == echo.seen && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        echo.seen = value;
        INT.setRelease(flags, PONG, value);
    }
}
