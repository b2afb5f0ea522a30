// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rsmworkbench.emulator.internal.TraceFormat;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * An 8-byte put with the flight recorder off (the emulator's own handle) and on (recorded, with the default call
 * sites, which a put does not take, and with every call site). After the run it prints the log bytes per put: the
 * bytes of the chunks the log filled (records, their alignment, chunk headers and the unused ends of chunks).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class RecordingBenchmark {

    @State(Scope.Thread)
    public static class Put {
        @Param({"off", "none", "control", "all"})
        public String recording;
        /** The log's limit, a ring: {@code -p limitMiB=64} fills the same pages again, without the cost of new ones. */
        @Param({"4096"})
        public long limitMiB;
        TwoNodes nodes;
        ImportSegment segment;
        Path directory;
        Path logFile;
        long puts;
        final byte[] bytes = { 1, 2, 3, 4, 5, 6, 7, 8 };

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            nodes = new TwoNodes(1 << 16);
            RsmLibrary importer = nodes.importer;
            if (!recording.equals("off")) {
                directory = Files.createTempDirectory("rsm-recording-benchmark");
                logFile = directory.resolve("node2.rsmlog");
                TraceLog log = TraceLog.create(logFile, 2, ProcessHandle.current().pid(), "benchmark",
                        new RecordingSettings(directory, limitMiB << 20, RecordingSettings.AtLimit.RING,
                                RecordingSettings.CallSites.valueOf(recording.toUpperCase()), false));
                importer = log.recording(importer);
            }
            segment = importer.getController("emu0").connect(1, nodes.segmentId, Rsm.PERM_RDWR);
            segment.setMode(BarrierMode.EXPLICIT);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            if (directory != null) {
                long used = usedBytes(logFile);
                System.out.printf("%n%s: %d puts, log %d bytes used, %.1f bytes per put%n", recording, puts, used,
                        (double) used / Math.max(1, puts));
                TempFolders.remove(directory);
            }
            nodes.close();
        }
    }

    /** The bytes of the chunks a log has filled, from the count of chunks claimed in its header. */
    static long usedBytes(Path logFile) throws IOException {
        try (FileChannel channel = FileChannel.open(logFile, StandardOpenOption.READ)) {
            ByteBuffer claimed = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(claimed, TraceFormat.H_CLAIMED);
            return claimed.getLong(0) * TraceFormat.CHUNK_SIZE;
        }
    }

    /** A signal post of the importer (nobody waits): a recorded control call, with and without its call site. */
    @Benchmark
    public void signalPost(Put p) throws RsmException {
        p.segment.signalPost(0);
    }

    @Benchmark
    public void put8(Put p) throws RsmException {
        p.segment.put8(64, p.bytes, 8);
        p.puts++;
    }

    /**
     * A recorded process that also maps {@code mapped} bytes of the segment writable, whose stores through the mapping
     * time travel sees: its calls that hand data over (a signal post, a barrier close) first compare them with the
     * segment's shadow; a put does not, so its cost must not grow with the mapping.
     */
    @State(Scope.Thread)
    public static class MappedPut {
        @Param({"4096", "65536", "1048576"})
        public int mapped;
        TwoNodes nodes;
        ImportSegment segment;
        Path directory;
        final byte[] bytes = { 1, 2, 3, 4, 5, 6, 7, 8 };

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            nodes = new TwoNodes(1 << 20);
            directory = Files.createTempDirectory("rsm-recording-benchmark");
            TraceLog log = TraceLog.create(directory.resolve("node2.rsmlog"), 2, ProcessHandle.current().pid(), "benchmark",
                    new RecordingSettings(directory, 4L << 30, RecordingSettings.AtLimit.RING, RecordingSettings.CallSites.CONTROL,
                            false));
            segment = log.recording(nodes.importer).getController("emu0").connect(1, nodes.segmentId, Rsm.PERM_RDWR);
            segment.setMode(BarrierMode.EXPLICIT);
            segment.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, mapped);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            TempFolders.remove(directory);
            nodes.close();
        }
    }

    @Benchmark
    public void put8Mapped(MappedPut p) throws RsmException {
        p.segment.put8(64, p.bytes, 8);
    }

    /** A signal post of the mapping process (nobody waits): what the comparison costs where it is made. */
    @Benchmark
    public void signalPostMapped(MappedPut p) throws RsmException {
        p.segment.signalPost(0);
    }
}
