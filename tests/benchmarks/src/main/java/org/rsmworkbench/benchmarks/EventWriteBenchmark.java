// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/**
 * What writing one event into a process's log costs, without the RSM call it records: a signal post's event with a
 * call site named by the node agent, and the clock read every event takes for reference. In the log of 4 GiB every page
 * the events fill is new; with {@code -p limitMiB=64}, a ring that fills its pages again after its first lap, the
 * difference is what providing new pages of the mapped log costs (on a VM with shadow page tables, microseconds a page).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class EventWriteBenchmark {
    private static final CallSite SITE = new CallSite("bench.Node", "ping", "Node.java", 10);

    @Param({"4096"})
    public long limitMiB;
    Path directory;
    TraceLog log;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory(Path.of("/dev/shm"), "rsm-event-write");
        log = TraceLog.create(directory.resolve("node1.rsmlog"), 1, 1, "benchmark", new RecordingSettings(directory, limitMiB << 20,
                RecordingSettings.AtLimit.RING, RecordingSettings.CallSites.CONTROL, false));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        log.close();
        TempFolders.remove(directory);
    }

    @Benchmark
    public void signalPostEvent() {
        long start = log.begin(EventKind.SIGNAL_POST);
        log.call(EventKind.SIGNAL_POST, start, 0, 1, 0x40_0100, 0, SITE);
    }

    @Benchmark
    public long clock() {
        return System.nanoTime();
    }
}
