// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
import org.rsmworkbench.emulator.internal.TraceFormat;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.SegmentHistory;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * Time travel (issue 16's goal: under 200 ms): a 1 MiB segment at a random instant of a recording of 10^6 events,
 * after its history was read once ({@code at}), and reading that history ({@code build}, once per recording). The
 * recording is one log written directly: the segment's publish and snapshot, then 8-byte puts at random offsets with
 * a 64-byte store seen every 16th event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "--enable-native-access=ALL-UNNAMED", "-Xmx3g" })
public class SegmentHistoryBenchmark {
    static final int EVENTS = 1_000_000;
    static final int SIZE = 1 << 20;
    static final int NODE = 1;
    static final int ID = 0x400100;

    @State(Scope.Benchmark)
    public static class Run {
        Path directory;
        Recording recording;
        SegmentHistory history;
        final SplittableRandom random = new SplittableRandom(16);

        @Setup(Level.Trial)
        public void record() throws IOException {
            directory = Files.createTempDirectory("rsm-history-benchmark");
            try (TraceLog log = TraceLog.create(directory.resolve("node1" + Recording.LOG_SUFFIX), NODE,
                    ProcessHandle.current().pid(), "benchmark", RecordingSettings.into(directory))) {
                log.call(EventKind.EXPORT_PUBLISH, System.nanoTime(), 0, NODE, ID, 0);
                MemorySegment contents = MemorySegment.ofArray(new byte[SIZE]);
                long time = System.nanoTime();
                for (int at = 0; at < SIZE; at += TraceFormat.MAX_PAYLOAD) {
                    log.transfer(EventKind.SEGMENT_SNAPSHOT, time, 0, NODE, ID, at, TraceFormat.MAX_PAYLOAD, SIZE,
                            contents.asSlice(at, TraceFormat.MAX_PAYLOAD), PayloadForm.BYTES);
                }
                SplittableRandom writes = new SplittableRandom(1);
                MemorySegment put = MemorySegment.ofArray(new long[1]);
                MemorySegment store = MemorySegment.ofArray(new byte[64]);
                for (int n = 1 + SIZE / TraceFormat.MAX_PAYLOAD; n < EVENTS; n++) {
                    if (n % 16 == 0) {
                        store.fill((byte) n);
                        log.transfer(EventKind.SEGMENT_STORE, System.nanoTime(), 0, NODE, ID, writes.nextInt(SIZE / 64) * 64L, 64, 0,
                                store, PayloadForm.BYTES);
                    } else {
                        put.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, writes.nextLong());
                        log.transfer(EventKind.PUT, System.nanoTime(), 0, NODE, ID, writes.nextInt(SIZE / 8) * 8L, 8, 0, put,
                                PayloadForm.BYTES);
                    }
                }
            }
            recording = Recording.open(directory);
            if (recording.events().size() != EVENTS) {
                throw new IllegalStateException(recording.events().size() + " events recorded, not " + EVENTS);
            }
            history = SegmentHistory.of(recording, NODE, ID);
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TempFolders.remove(directory);
        }
    }

    /** The segment at a random event, and the last writer of one of its bytes. */
    @Benchmark
    public Object at(Run run) {
        SegmentHistory.Contents contents = run.history.at(run.random.nextInt(EVENTS));
        return contents.lastWriter(run.random.nextInt(SIZE));
    }

    /** Reading the segment's history from the recording (once per recording and segment). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public SegmentHistory build(Run run) {
        return SegmentHistory.of(run.recording, NODE, ID);
    }
}
