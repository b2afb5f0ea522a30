// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The processor time a recording adds to a signal hop, on one thread: the importer's post and the exporter's wait
 * that consumes it, each process recording into its own log with the call sites a node agent names (no stack walk).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class RecordedSignalBenchmark {
    private static final CallSite POST_SITE = new CallSite("bench.Node", "ping", "Node.java", 10);
    private static final CallSite WAIT_SITE = new CallSite("bench.Node", "ping", "Node.java", 11);

    @Param({"off", "on"})
    public String recording;
    @Param({"/dev/shm", "/tmp"})
    public String folder;

    TwoNodes nodes;
    Path directory;
    TraceLog importerLog;
    TraceLog exporterLog;
    ImportSegment doorbell;
    ExportSegment export;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        nodes = new TwoNodes(4096);
        if (recording.equals("on")) {
            directory = Files.createTempDirectory(Path.of(folder), "rsm-recorded-signal");
            RecordingSettings settings = new RecordingSettings(directory, 4L << 30, RecordingSettings.AtLimit.RING,
                    RecordingSettings.CallSites.CONTROL, false);
            exporterLog = TraceLog.create(directory.resolve("node1.rsmlog"), 1, 1, "exporter", settings);
            importerLog = TraceLog.create(directory.resolve("node2.rsmlog"), 2, 2, "importer", settings);
            RsmLibrary exporter = exporterLog.recording(nodes.exporter);
            export = exporter.getController("emu0").createExportSegment(exporter.allocate(4096), 0);
            int id = export.publish(0, List.of(new AccessEntry(2, 0666)));
            doorbell = importerLog.recording(nodes.importer).getController("emu0").connect(1, id, Rsm.PERM_RDWR);
        } else {
            doorbell = nodes.importerController.connect(1, nodes.segmentId, Rsm.PERM_RDWR);
            export = nodes.export;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        nodes.close();
        if (directory != null) {
            TempFolders.remove(directory);
        }
    }

    @Benchmark
    public void postAndWait() throws RsmException {
        if (importerLog != null) {
            importerLog.nextCallAt(POST_SITE);
        }
        doorbell.signalPost(0);
        if (exporterLog != null) {
            exporterLog.nextCallAt(WAIT_SITE);
        }
        export.signalWait(0);
    }
}
