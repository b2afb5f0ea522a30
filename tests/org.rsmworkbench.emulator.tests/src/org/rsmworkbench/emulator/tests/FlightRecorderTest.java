// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.internal.TraceFormat;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.launch.LauncherRecording;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.launch.RsmTrace;
import org.rsmworkbench.emulator.tests.nodes.EveryCallProgram;
import org.rsmworkbench.emulator.tests.nodes.LargestRingLogProgram;
import org.rsmworkbench.emulator.tests.nodes.TraceBurstProgram;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.FlowLinker;
import org.rsmworkbench.emulator.trace.ProcessLog;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.rsmapi.RsmError;

/** The flight recorder: rsm-launch --record, the event log, its crash safety, rsm-trace and the Chrome export. */
class FlightRecorderTest {
    @TempDir
    static Path shared;
    /** The recording of one run of {@link EveryCallProgram} with every call site, made once. */
    static Path everyCall;
    static Recording recording;

    @BeforeAll
    static void recordEveryCall() throws IOException {
        everyCall = shared.resolve("every-call.rsmtrace");
        Launch launch = rsm(RsmLaunch::run, "--record", everyCall.toString(), "--record-call-sites", "all", "--nodes", "1", "--cp",
                NodeJvm.classPath(), "--timeout", "60s", EveryCallProgram.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        recording = Recording.open(everyCall);
    }

    private static List<TraceEvent> node1() {
        return recording.events().stream().filter(e -> e.node() == 1).toList();
    }

    private static TraceEvent first(EventKind kind) {
        return node1().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    @Test
    void everyCallKindIsRecorded() {
        Set<EventKind> recorded = EnumSet.noneOf(EventKind.class);
        node1().forEach(e -> recorded.add(e.kind()));
        Set<EventKind> expected = EnumSet.allOf(EventKind.class);
        expected.removeAll(EnumSet.of(EventKind.FAULT, EventKind.PROCESS_START, EventKind.PROCESS_EXIT));
        // recorded only when races are detected (rsm-launch --races): RaceDetectorTest
        expected.removeAll(EnumSet.of(EventKind.LOAD, EventKind.STORE, EventKind.STACK, EventKind.THREAD_START,
                EventKind.THREAD_JOIN));
        assertEquals(expected, recorded);
        Set<EventKind> launcher = EnumSet.noneOf(EventKind.class);
        recording.events().stream().filter(e -> e.node() == TraceEvent.LAUNCHER).forEach(e -> launcher.add(e.kind()));
        assertEquals(EnumSet.of(EventKind.PROCESS_START, EventKind.PROCESS_EXIT), launcher);
    }

    @Test
    void theEndOfANodeJvmNamesItsNodeAndPidBesideItsExitStatus() {
        long nodePid = recording.logs().stream().filter(log -> log.node() == 1).findFirst().orElseThrow().pid();
        TraceEvent start = recording.events().stream().filter(e -> e.kind() == EventKind.PROCESS_START).findFirst().orElseThrow();
        TraceEvent exit = recording.events().stream().filter(e -> e.kind() == EventKind.PROCESS_EXIT).findFirst().orElseThrow();
        assertEquals(nodePid, start.value(), "the JVM launched is the one that recorded node 1's calls");
        assertEquals(1, exit.segmentNode());
        assertEquals(nodePid, exit.exitedPid());
        assertEquals(0, exit.value(), "the exit status");
        assertNull(exit.segment(), "the pid is no segment");
        assertEquals(0, start.exitedPid(), "only an end says the pid that ended");
        assertEquals("exited with 0", TraceEvent.ending(exit.value()));
    }

    @Test
    void theEndOfAKilledNodeJvmHasItsPidAndStatusInTheObjectsAndTheColumns(@TempDir Path folder) throws Exception {
        Process killed = new ProcessBuilder("sleep", "60").start();
        try (LauncherRecording launcher = LauncherRecording.open(RecordingSettings.into(folder), "test")) {
            launcher.processStarted(3, killed);
            killed.destroyForcibly().waitFor(); // kill -9
            assertNull(launcher.close(java.time.Duration.ofSeconds(10)), "the end is recorded");
        } finally {
            killed.destroyForcibly();
        }
        TraceEvent exit = Recording.open(folder).events().stream().filter(e -> e.kind() == EventKind.PROCESS_EXIT).findFirst()
                .orElseThrow();
        assertEquals(3, exit.segmentNode());
        assertEquals(killed.pid(), exit.exitedPid());
        assertEquals(137, exit.value());
        assertEquals("killed by signal 9", TraceEvent.ending(exit.value()));
        assertEquals("node 3: pid " + killed.pid() + " exited with 137 (killed by signal 9; its recording ends with the last call it"
                + " completed)", exit.text());
        Path log = Recording.logFiles(folder).getFirst();
        try (Arena arena = Arena.ofConfined()) {
            EventColumns columns = EventColumns.read(log, arena);
            int row = java.util.stream.IntStream.range(0, columns.size()).filter(r -> columns.kind(r) == EventKind.PROCESS_EXIT)
                    .findFirst().orElseThrow();
            assertEquals(killed.pid(), TraceEvent.exitedPid(columns.kind(row), columns.segmentId(row)));
            assertEquals(137, columns.value(row));
        }
        List<String> csv = csvLines(folder);
        assertTrue(csv.stream().anyMatch(l -> l.contains(",process_exit,,,0,0,137,text,")), csv.toString());
    }

    @Test
    void aMissingRecordingFolderIsMadeForThisUserAloneAndSoAreItsLogs(@TempDir Path parent) throws IOException {
        Path folder = parent.resolve("missing/parents/run.rsmtrace");
        RecordingSettings settings = RecordingSettings.into(folder);
        try (LauncherRecording launcher = LauncherRecording.open(settings, "test")) {
            TraceLog.create(folder.resolve("node1-42" + Recording.LOG_SUFFIX), 1, 42, "node", settings).close();
            assertEquals(folder, launcher.directory());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        List<Path> logs = Recording.logFiles(folder);
        assertEquals(2, logs.size(), logs.toString());
        for (Path log : logs) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)), log + ": it holds segment bytes");
        }
    }

    @Test
    void theReaderReadsOnlyThisUsersLogsNeverThroughALinkAndSaysWhichItSkipped(@TempDir Path parent) throws IOException {
        Path folder = Files.createDirectory(parent.resolve("run.rsmtrace"));
        Path mine = folder.resolve("node1-1" + Recording.LOG_SUFFIX);
        TraceLog.create(mine, 1, 1, "mine", RecordingSettings.into(folder)).close();
        // another log of this user, private, that the other user has no right to read, and makes the reader read
        Path secret = Files.createDirectory(parent.resolve("private")).resolve("node2-2" + Recording.LOG_SUFFIX);
        TraceLog.create(secret, 2, 2, "secret", RecordingSettings.into(secret.getParent())).close();
        Path link = OtherUser.owns(Files.createSymbolicLink(folder.resolve("node2-2" + Recording.LOG_SUFFIX), secret));
        Path planted = OtherUser.owns(Files.copy(mine, folder.resolve("node3-3" + Recording.LOG_SUFFIX)));

        Recording read = Recording.open(folder);
        assertEquals(List.of(mine), read.logs().stream().map(ProcessLog::file).toList());
        assertEquals(List.of(link + " is a symbolic link: not followed, not read",
                planted + " belongs to another user (uid " + OtherUser.UID + "): not read"), read.skippedLogs());
        Launch summary = rsm(RsmTrace::run, "summary", folder.toString());
        assertEquals(0, summary.status(), summary.err().toString());
        assertEquals(read.skippedLogs().stream().map(why -> "rsm-trace: warning: " + why).toList(), summary.err());
    }

    @Test
    void aLogTruncatedWhileItIsReadGivesAnIOExceptionNotAFault(@TempDir Path directory) throws Exception {
        RecordingSettings small = new RecordingSettings(directory, 1 << 20, RecordingSettings.AtLimit.STOP,
                RecordingSettings.CallSites.NONE, false);
        Path written = directory.resolve("written" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(written, 2, 42, "shrinking", small);
        log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 0, 8, 0, MemorySegment.ofArray(new long[] { 1 }), PayloadForm.BYTES);
        log.close();
        // a copy that only the reader maps (the writer's preparer could give a truncated file its blocks back)
        Path file = Files.copy(written, directory.resolve("node2-42" + Recording.LOG_SUFFIX));
        try (Arena arena = Arena.ofConfined()) {
            EventColumns.Reader reader = EventColumns.reader(file, arena);
            assertEquals(1, reader.read().size());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(0); // as the other user did to a log of its own in a folder it could write to
            }
            IOException shrank = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, reader::read);
            assertEquals("the log " + file + " shrank while it was read (another process truncated it): read the recording again",
                    shrank.getMessage());
        }
    }

    @Test
    void anEndRecordedWithoutItsPidAsLaunchersDidBeforeSaysNone(@TempDir Path folder) throws IOException {
        TraceLog launcher = TraceLog.create(folder.resolve("launcher-9" + Recording.LOG_SUFFIX), 0, 9, "old", RecordingSettings.into(folder));
        launcher.text(EventKind.PROCESS_EXIT, 0, 1, 137, "node 1: pid 4711 exited with 137");
        launcher.close();
        TraceEvent exit = Recording.open(folder).events().getFirst();
        assertEquals(TraceEvent.LAUNCHER, exit.node(), "a launcher's log of before, which said node 0, is the launcher's");
        assertEquals(EventKind.PROCESS_EXIT, exit.kind());
        assertEquals(0, exit.exitedPid(), "not known: the timeline draws as before");
        assertEquals(137, exit.value());
        assertEquals(1, exit.segmentNode());
    }

    /**
     * Node 0 is a node like any other in a recording (a cluster file may have it): its processes are not the launcher's,
     * its segments keep their names, and its puts and gets may be linked.
     */
    @Test
    void nodeZeroIsNotTakenForTheLauncherNorItsSegmentsForNone(@TempDir Path folder) throws Exception {
        LauncherRecording launcher = LauncherRecording.open(RecordingSettings.into(folder), "test");
        Process nodeJvm = new ProcessBuilder("true").start();
        launcher.processStarted(0, nodeJvm);
        nodeJvm.waitFor();
        assertEquals(null, launcher.close(Duration.ofSeconds(30)));
        try (TraceLog node0 = TraceLog.create(folder.resolve("node0-5" + Recording.LOG_SUFFIX), 0, 5, "exporter",
                RecordingSettings.into(folder))) {
            node0.call(EventKind.EXPORT_PUBLISH, System.nanoTime(), 0, 0, 0x400100, 0);
            node0.transfer(EventKind.PUT, System.nanoTime(), 0, 0, 0x400100, 64, 8, 0, MemorySegment.ofArray(new byte[8]),
                    PayloadForm.BYTES);
        }
        Path launcherLog;
        try (var files = Files.list(folder)) {
            launcherLog = files.filter(f -> f.getFileName().toString().startsWith(Recording.LAUNCHER_LOG_PREFIX)).findFirst()
                    .orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(launcherLog)) {
            ByteBuffer header = ByteBuffer.allocate(TraceFormat.HEADER_SIZE).order(ByteOrder.nativeOrder());
            channel.read(header, 0);
            assertEquals(TraceEvent.LAUNCHER, header.getInt((int) TraceFormat.H_NODE), "written so, not only read so");
        }
        Recording recording = Recording.open(folder);
        assertEquals(List.of(TraceEvent.LAUNCHER, 0), recording.logs().stream().map(ProcessLog::node).sorted().toList());
        assertEquals(null, TraceEvent.segment(EventKind.EXPORT_CREATE, 5, 0), "an export not yet published is no segment");
        TraceEvent put = recording.events().stream().filter(e -> e.kind() == EventKind.PUT).findFirst().orElseThrow();
        assertEquals(0, put.node());
        assertEquals("0:0x400100", put.segment());
        assertTrue(FlowLinker.mayBeData(put.kind(), put.error(), put.segmentId()));
        TraceEvent start = recording.events().stream().filter(e -> e.kind() == EventKind.PROCESS_START).findFirst().orElseThrow();
        assertEquals(TraceEvent.LAUNCHER, start.node());
        assertEquals(0, start.segmentNode(), "the node whose JVM started");
        Launch summary = rsm(RsmTrace::run, "summary", folder.toString());
        assertEquals(0, summary.status(), summary.err().toString());
        String columns = summary.out().stream().filter(line -> line.strip().startsWith("kind ")).findFirst().orElseThrow();
        assertTrue(columns.matches(" *kind +launcher +node 0"), columns);
    }

    private static List<String> csvLines(Path folder) throws IOException {
        Path csv = folder.resolveSibling(folder.getFileName() + ".csv");
        assertEquals(0, rsm(RsmTrace::run, "export", folder.toString(), "--format", "csv", "-o", csv.toString()).status());
        return Files.readAllLines(csv);
    }

    @Test
    void aPutHasItsSegmentRangeBytesAndCallSite() {
        TraceEvent publish = first(EventKind.EXPORT_PUBLISH);
        TraceEvent put = first(EventKind.PUT);
        assertEquals(0, put.error());
        assertEquals(publish.segment(), put.segment());
        assertEquals(1, put.segmentNode());
        assertEquals(EveryCallProgram.PUT_OFFSET, put.offset());
        assertEquals(EveryCallProgram.PUT_BYTES.length, put.length());
        assertEquals(PayloadForm.BYTES, put.payloadForm());
        assertArrayEquals(EveryCallProgram.PUT_BYTES, put.payload());
        assertNotNull(put.site());
        assertEquals(EveryCallProgram.class.getName(), put.site().className());
        assertEquals("main", put.site().method());
        assertEquals("EveryCallProgram.java", put.site().file());
        assertEquals(EveryCallProgram.PUT_LINE, put.site().line());
        assertEquals(ProcessHandle.current().pid() != put.pid(), true, "the node JVM's pid, not the launcher's");
        assertTrue(put.duration() > 0);
        assertEquals("main", put.threadName());
    }

    @Test
    void aGetHasTheDigestOfWhatItRead() {
        TraceEvent get = first(EventKind.GET);
        assertEquals(PayloadForm.DIGEST, get.payloadForm());
        long digest = TraceFormat.digest(MemorySegment.ofArray(EveryCallProgram.PUT_BYTES), 0, 8);
        assertEquals(digest, ByteBuffer.wrap(get.payload()).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    @Test
    void aPutvHasTheOffsetLengthAndBytesOfEachRequest() {
        TraceEvent putv = first(EventKind.PUTV);
        assertEquals(20, putv.length());
        assertEquals(2, putv.value());
        ByteBuffer payload = ByteBuffer.wrap(putv.payload()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(128, payload.getLong());
        assertEquals(16, payload.getLong());
        payload.position(payload.position() + 16);
        assertEquals(256, payload.getLong());
        assertEquals(4, payload.getLong());
        assertEquals(7, payload.get());
    }

    @Test
    void errorsAreRecordedWithTheirCode() {
        List<TraceEvent> failed = node1().stream().filter(TraceEvent::failed).toList();
        assertEquals(2, failed.size(), failed.toString());
        assertEquals(EventKind.PUT, failed.get(0).kind());
        assertEquals(EventKind.SIGNAL_WAIT, failed.get(1).kind());
        assertEquals(RsmError.TIMEOUT.code(), failed.get(1).error());
    }

    @Test
    void sequenceNumbersCountEveryEventOfTheProcess() {
        List<TraceEvent> events = node1();
        List<Long> sequences = events.stream().map(TraceEvent::sequence).sorted().toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertEquals(i, sequences.get(i));
        }
        assertEquals(EventKind.LIBRARY_OPEN, events.stream().filter(e -> e.sequence() == 0).findFirst().orElseThrow().kind());
    }

    @Test
    void flowsLinkPublishToConnectAndPostToWait() {
        List<Flow> flows = recording.flows();
        // the connect follows the republish, the last publish of its segment
        assertTrue(flows.stream().anyMatch(f -> f.kind() == Flow.Kind.PUBLISH && f.from().kind() == EventKind.EXPORT_REPUBLISH
                && f.to().kind() == EventKind.CONNECT), flows.toString());
        List<Flow> signals = flows.stream().filter(f -> f.kind() == Flow.Kind.SIGNAL).toList();
        assertEquals(1, signals.size(), "the post and the wait that consumed it (the poll consumes the second)");
        assertTrue(signals.getFirst().from().time() < signals.getFirst().to().end());
    }

    @Test
    void aGetIsLinkedToThePutWhoseBytesItRead() {
        List<Flow> data = recording.flows().stream().filter(f -> f.kind() == Flow.Kind.DATA).toList();
        // the get of PUT_OFFSET read the first put's bytes; the failed put and the putv/getv pair are not linked
        assertEquals(1, data.size(), data.toString());
        assertSame(first(EventKind.PUT), data.getFirst().from());
        assertSame(first(EventKind.GET), data.getFirst().to());
        assertTrue(data.getFirst().from().end() <= data.getFirst().to().time());
    }

    @Test
    void rsmTraceSummaryCountsEventsPerKindAndNode() {
        Launch summary = rsm(RsmTrace::run, "summary", everyCall.toString());
        assertEquals(0, summary.status(), summary.toString());
        String out = String.join("\n", summary.out());
        assertTrue(out.matches("(?s).*\\n  put +0 +2\\n.*"), out);
        assertTrue(out.contains("RSMERR_TIMEOUT in signal_wait (node 1)"), out);
        assertTrue(out.contains("EveryCallProgram.main(EveryCallProgram.java:"), out);
    }

    @Test
    void rsmTraceRefusesWrongArgumentsWithStatus2() {
        for (List<String> wrong : List.of(List.<String>of(), List.of("export", everyCall.toString(), "--format", "xml", "-o", "x"),
                List.of("export", everyCall.toString()), List.of("frobnicate"), List.of("summary"))) {
            Launch run = rsm(RsmTrace::run, wrong.toArray(String[]::new));
            assertEquals(2, run.status(), run.toString());
            assertTrue(run.err().getLast().startsWith("Try 'rsm-trace --help'"), run.toString());
        }
        assertEquals(1, rsm(RsmTrace::run, "summary", shared.resolve("missing").toString()).status());
    }

    @Test
    void aRecordingTooLargeForTheHeapIsRefusedSayingHowToGiveItMore() throws Exception {
        // 400,000 events: their columns alone (EventColumns.BYTES_PER_ROW each) take more than a heap of 32 MB
        Path large = Files.createDirectories(shared.resolve("large.rsmtrace"));
        long pid = ProcessHandle.current().pid();
        try (TraceLog log = TraceLog.create(large.resolve("node1-" + pid + Recording.LOG_SUFFIX), 1, pid, "main",
                new RecordingSettings(large, 1L << 30, RecordingSettings.AtLimit.STOP, RecordingSettings.CallSites.NONE, false))) {
            MemorySegment payload = MemorySegment.ofArray(new long[1]);
            for (long i = 0; i < 400_000; i++) {
                log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 1, i * 8, 8, 0, payload, PayloadForm.BYTES);
            }
        }
        ChildTrace tooLarge = summaryInAHeapOf("32m", large);
        assertEquals(1, tooLarge.status(), tooLarge.output());
        assertTrue(tooLarge.output().startsWith("rsm-trace: the recording is too large for this JVM's heap (32 MB): "),
                tooLarge.output());
        assertTrue(tooLarge.output().strip().endsWith("Give it more: RSM_VMARGS=-Xmx4g ./rsm-trace ..."), tooLarge.output());
        assertFalse(tooLarge.output().contains("\tat "), "no stack trace: " + tooLarge.output());
    }

    @Test
    void aSmallHeapReadsASmallRecording() throws Exception {
        // before, a heap of 256 MB or less (a JVM's default on a machine of 1 GB) was all kept for the rest of the JVM
        ChildTrace small = summaryInAHeapOf("32m", everyCall);
        assertEquals(0, small.status(), small.output());
        assertTrue(small.output().startsWith("recording " + everyCall + ": " + recording.events().size() + " events"),
                small.output());
    }

    /** What {@code rsm-trace summary} printed (standard output and error), and its exit status. */
    private record ChildTrace(int status, String output) {
    }

    /** {@code rsm-trace summary recording} in a JVM of its own with a heap of {@code heap} ({@code -Xmx}). */
    private static ChildTrace summaryInAHeapOf(String heap, Path recording) throws Exception {
        Process trace = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx" + heap,
                "--enable-native-access=ALL-UNNAMED", "-cp", NodeJvm.classPath(), RsmTrace.class.getName(), "summary",
                recording.toString()).redirectErrorStream(true).start();
        String output = new String(trace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ChildTrace(trace.waitFor(), output);
    }

    @Test
    void theCsvExportHasOneLinePerEvent() throws IOException {
        Path csv = shared.resolve("events.csv");
        assertEquals(0, rsm(RsmTrace::run, "export", everyCall.toString(), "--format", "csv", "-o", csv.toString()).status());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(recording.events().size() + 1, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",put,,1:0x") && l.contains(",0102030405060708,")), lines.toString());
    }

    @Test
    void anExportToDashGoesToStandardOutput() {
        Launch export = rsm(RsmTrace::run, "export", everyCall.toString(), "--format", "csv", "-o", "-");
        assertEquals(0, export.status(), export.toString());
        assertEquals(recording.events().size() + 1, export.out().size());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
        assertTrue(RsmTrace.USAGE.contains("-o - writes to standard output"), RsmTrace.USAGE);
    }

    @Test
    void anExportToAnEmptyNameIsRefusedAndIntoAMissingFolderSaysSo() {
        Launch empty = rsm(RsmTrace::run, "export", everyCall.toString(), "--format", "csv", "-o", "");
        assertEquals(2, empty.status(), empty.toString());
        assertEquals("rsm-trace: option -o needs a file name, not an empty one", empty.err().getFirst());
        Path missing = shared.resolve("no-such-folder");
        Launch intoMissing = rsm(RsmTrace::run, "export", everyCall.toString(), "--format", "csv", "-o",
                missing.resolve("x.csv").toString());
        assertEquals(1, intoMissing.status(), intoMissing.toString());
        assertEquals(List.of("rsm-trace: cannot write " + missing.resolve("x.csv") + ": the folder " + missing.toAbsolutePath()
                + " does not exist"), intoMissing.err());
    }

    /** Before, an export named after one of the recording's logs replaced that log with CSV (exit status 0). */
    @Test
    void anExportIsNotWrittenAsAnEventLog() throws IOException {
        Path log;
        try (var files = Files.list(everyCall)) {
            log = files.filter(f -> f.toString().endsWith(Recording.LOG_SUFFIX)).findFirst().orElseThrow();
        }
        byte[] before = Files.readAllBytes(log);
        Launch export = rsm(RsmTrace::run, "export", everyCall.toString(), "--format", "csv", "-o", log.toString());
        assertEquals(2, export.status(), export.toString());
        assertEquals("rsm-trace: -o " + log + ": a .rsmlog file is an event log of a recording; give the export another name,"
                + " e.g. events.csv", export.err().getFirst());
        assertArrayEquals(before, Files.readAllBytes(log));
    }

    @Test
    void theExportReplacesALinkAtItsFileAndLeavesWhatItPointsToUnchanged(@TempDir Path folder) throws IOException {
        Path precious = Files.writeString(folder.resolve("precious.txt"), "precious");
        Path csv = Files.createSymbolicLink(folder.resolve("events.csv"), precious);
        assertEquals(0, rsm(RsmTrace::run, "export", everyCall.toString(), "--format", "csv", "-o", csv.toString()).status());
        assertEquals("precious", Files.readString(precious), "the link's target was not written");
        assertFalse(Files.isSymbolicLink(csv), "the link itself was replaced by the export");
        assertEquals(recording.events().size() + 1, Files.readAllLines(csv).size());
    }

    private static final Pattern FIELD = Pattern.compile("\"(ph|cat|name|pid|tid|ts|dur|id|bp)\":\"?([^,\"}]*)");

    @Test
    void theChromeExportHasNestedSlicesAndMatchedFlows() throws IOException {
        Path json = shared.resolve("trace.json");
        assertEquals(0, rsm(RsmTrace::run, "export", everyCall.toString(), "--format", "chrome", "-o", json.toString()).status());
        List<String> lines = Files.readAllLines(json);
        assertEquals("[", lines.getFirst());
        assertEquals("]", lines.getLast());
        Map<String, List<double[]>> slicesPerThread = new HashMap<>();
        Map<String, Map<String, String>> starts = new HashMap<>();
        Map<String, Map<String, String>> finishes = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            Map<String, String> f = new HashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                f.putIfAbsent(m.group(1), m.group(2));
            }
            String thread = f.get("pid") + ":" + f.get("tid");
            switch (f.get("ph")) {
                case "M" -> named.add(f.get("name").equals("process_name") ? f.get("pid") : thread);
                case "X" -> slicesPerThread.computeIfAbsent(thread, _ -> new ArrayList<>())
                        .add(new double[] { Double.parseDouble(f.get("ts")), Double.parseDouble(f.get("dur")) });
                case "s" -> assertEquals(null, starts.put(f.get("id"), f), "ids unique: " + line);
                case "f" -> {
                    assertEquals("e", f.get("bp"));
                    assertEquals(null, finishes.put(f.get("id"), f), "ids unique: " + line);
                }
                default -> throw new AssertionError("unexpected event " + line);
            }
        }
        assertEquals(recording.events().size(), slicesPerThread.values().stream().mapToInt(List::size).sum());
        assertEquals(starts.keySet(), finishes.keySet(), "every s has its f");
        assertTrue(starts.size() >= 2);
        for (var slices : slicesPerThread.entrySet()) {
            assertTrue(named.contains(slices.getKey()) && named.contains(slices.getKey().split(":")[0]), slices.getKey());
            List<double[]> open = new ArrayList<>();
            double previous = -1;
            for (double[] slice : slices.getValue()) {
                assertTrue(slice[0] >= previous, "timestamps monotonic per thread");
                previous = slice[0];
                open.removeIf(o -> o[0] + o[1] <= slice[0]);
                if (!open.isEmpty()) {
                    double[] parent = open.getLast();
                    assertTrue(slice[0] + slice[1] <= parent[0] + parent[1], "nested in its parent on thread " + slices.getKey());
                }
                open.add(slice);
            }
        }
        for (var start : starts.entrySet()) {
            Map<String, String> finish = finishes.get(start.getKey());
            assertEquals(start.getValue().get("name"), finish.get("name"));
            assertEquals(start.getValue().get("cat"), finish.get("cat"));
            assertTrue(inSlice(slicesPerThread, start.getValue()) && inSlice(slicesPerThread, finish), start.getValue().toString());
        }
    }

    private static boolean inSlice(Map<String, List<double[]>> slicesPerThread, Map<String, String> flowEvent) {
        double ts = Double.parseDouble(flowEvent.get("ts"));
        return slicesPerThread.get(flowEvent.get("pid") + ":" + flowEvent.get("tid")).stream()
                .anyMatch(s -> s[0] <= ts && ts <= s[0] + s[1]);
    }

    @Test
    void aLogKilledMidBurstKeepsEveryCompletedEventAndInventsNone(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("burst" + Recording.LOG_SUFFIX);
        long[] reported = burstUntil(file, writer -> writer.destroyForcibly(), 137); // SIGKILL, mid-burst
        assertEveryCompletedEventAndNoDamage(file, reported, "a kill tears the last records of each thread's last chunk only");
    }

    @Test
    void aLogClosedWhileItsThreadsStillWriteIsNoDamage(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("burst" + Recording.LOG_SUFFIX);
        // the log closed, then the JVM halted at once: records begun after the close may be torn, as at a normal exit
        long[] reported = burstUntil(file, writer -> {
            try {
                writer.getOutputStream().write('\n');
                writer.getOutputStream().flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, 0);
        assertEveryCompletedEventAndNoDamage(file, reported, "what the threads wrote while the log closed is no damage");
    }

    /**
     * Runs {@link TraceBurstProgram} into {@code file} until it has reported 300,000 events complete, then ends it with
     * {@code end}, expecting {@code exitStatus}; returns how many events each thread reported complete.
     */
    private static long[] burstUntil(Path file, java.util.function.Consumer<Process> end, int exitStatus) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp", NodeJvm.classPath(),
                TraceBurstProgram.class.getName(), file.toString());
        Process writer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long[] reported = new long[TraceBurstProgram.THREADS + 1];
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            long total = 0;
            for (String line = out.readLine(); line != null && total < 300_000; line = out.readLine()) {
                String[] words = line.split(" ");
                reported[Integer.parseInt(words[1])] = Long.parseLong(words[2]);
                total = reported[1] + reported[2] + reported[3];
            }
            end.accept(writer);
            assertTrue(writer.waitFor(20, TimeUnit.SECONDS));
            assertEquals(exitStatus, writer.exitValue());
        } finally {
            writer.destroyForcibly();
        }
        return reported;
    }

    private static void assertEveryCompletedEventAndNoDamage(Path file, long[] reported, String why) throws IOException {
        ProcessLog log = ProcessLog.read(file);
        long[] next = new long[TraceBurstProgram.THREADS + 1];
        for (TraceEvent e : log.events()) {
            int thread = e.segmentId();
            long i = ByteBuffer.wrap(e.payload()).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(next[thread], i, "thread " + thread + ": events in order, none lost or invented");
            assertEquals(i, e.offset());
            assertEquals(EventKind.PUT, e.kind());
            next[thread]++;
        }
        for (int t = 1; t <= TraceBurstProgram.THREADS; t++) {
            assertTrue(next[t] >= reported[t], "thread " + t + ": " + next[t] + " events read, " + reported[t] + " were complete");
        }
        assertEquals(List.of(), log.damage(), why);
    }

    @Test
    void aCallSiteNamedBeforeACallIsThatCallsAndOnlyItsOwn(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("named" + Recording.LOG_SUFFIX);
        RecordingSettings settings = new RecordingSettings(directory, RecordingSettings.DEFAULT_LIMIT,
                RecordingSettings.AtLimit.STOP, RecordingSettings.CallSites.ALL, false);
        TraceLog log = TraceLog.create(file, 2, 42, "named", settings);
        CallSite named = new CallSite("org.acme.Mailbox", "main", "Mailbox.java", 41);
        log.nextCallAt(named); // as the race detector's rewritten code does before a put
        log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 0, 8, 0, MemorySegment.ofArray(new long[] { 1 }), PayloadForm.BYTES);
        log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8, 8, 0, MemorySegment.ofArray(new long[] { 2 }), PayloadForm.BYTES);
        log.close();
        List<TraceEvent> puts = ProcessLog.read(file).events().stream().filter(e -> e.kind() == EventKind.PUT).toList();
        assertEquals(named, puts.get(0).site());
        // the next call named no site: found by walking the stack, this test's frame
        assertEquals(getClass().getName(), puts.get(1).site().className());
        assertEquals("aCallSiteNamedBeforeACallIsThatCallsAndOnlyItsOwn", puts.get(1).site().method());
    }

    @Test
    void aTornRecordAndWhatFollowsItAreIgnored(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("torn" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, 2, 42, "torn", RecordingSettings.into(directory));
        for (long i = 0; i < 10; i++) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, i, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
        }
        // not closed: as a crashed process leaves its log
        assertEquals(10, ProcessLog.read(file).events().size());
        long[] recordStarts = recordStarts(file, 0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // a record begun but not committed after the last one: its header written, its check word not
            long end = recordStarts[9] + ((readInt(channel, recordStarts[9]) & 0xFFFF) + 3 & ~3);
            writeInt(channel, end, 30 | EventKind.PUT.code() << 16);
            assertEquals(10, ProcessLog.read(file).events().size());
            // a committed record torn afterwards (a byte of its body changed): it and all after it in the chunk go
            flipByte(channel, recordStarts[7] + 9);
        }
        ProcessLog read = ProcessLog.read(file);
        assertEquals(7, read.events().size());
        assertEquals(6, read.events().getLast().offset());
        assertEquals(List.of(), read.damage(), "the end of the thread's last chunk may be torn: a crash does that");
    }

    @Test
    void aRecordBrokenOffInTheLastChunkOfAClosedLogIsDamage(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, 2, 42, "closed", RecordingSettings.into(folder));
        for (long i = 0; i < 10; i++) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, i, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
        }
        log.close(); // as the process's close of its library marks it
        assertEquals(List.of(), ProcessLog.read(file).damage());
        long[] recordStarts = recordStarts(file, 0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            flipByte(channel, recordStarts[7] + 9);
        }
        ProcessLog read = ProcessLog.read(file);
        assertEquals(7, read.events().size(), "the events before the break are read");
        String damaged = file + " is damaged: the records of 1 of its 1 chunks break off before their end (chunk 0 of thread \""
                + Thread.currentThread().getName() + "\" at byte " + recordStarts[7] + "); the events written there after the"
                + " break are lost";
        assertEquals(List.of(damaged), read.damage(), "a closed log's thread had committed past the break: no crash tore it");
        Launch summary = rsm(RsmTrace::run, "summary", folder.toString());
        assertEquals(RsmTrace.DAMAGED, summary.status());
        assertEquals(List.of("rsm-trace: warning: " + damaged), summary.err());
    }

    @Test
    void aLogCutShortIsReadAsFarAsItGoesAndSaysWhatIsLost(@TempDir Path folder) throws IOException {
        Path file = writePuts(folder, 4000);
        int inFirstChunk = recordStarts(file, 0).length;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(70_000); // the first chunk and 4,208 bytes of the second
        }
        Recording read = Recording.open(folder);
        List<TraceEvent> events = read.events();
        assertTrue(events.size() > inFirstChunk, "what the file holds of the second chunk is read too: " + events.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).offset(), "events in order, none invented");
        }
        assertEquals(List.of(file + " is cut short: 70000 bytes where its 2 claimed chunks take 131328; the events of 1 of them,"
                + " past its end, are lost in whole or in part"), read.warnings());
        Launch summary = rsm(RsmTrace::run, "summary", folder.toString());
        assertEquals(RsmTrace.DAMAGED, summary.status(), "the summary lacks events: a script must know");
        assertEquals(read.warnings().stream().map(why -> "rsm-trace: warning: " + why).toList(), summary.err());
        assertTrue(summary.out().getFirst().contains(": " + events.size() + " events"), summary.out().toString());
    }

    @Test
    void aPayloadReadFromALogTruncatedSinceItWasReadIsAnIOExceptionNotAnInternalError(@TempDir Path folder) throws IOException {
        Path file = writePuts(folder, 4000);
        try (Arena arena = Arena.ofConfined()) {
            EventColumns columns = EventColumns.read(file, arena);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(TraceFormat.HEADER_SIZE); // as another process may, after the read
            }
            int last = columns.size() - 1;
            for (org.junit.jupiter.api.function.Executable read : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> columns.event(last), () -> columns.payloadLong(columns.payloadAt(last)))) {
                java.io.UncheckedIOException thrown = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class, read);
                assertEquals("the log " + file + " shrank while it was read (another process truncated it): read the recording again",
                        thrown.getCause().getMessage());
            }
        }
    }

    /**
     * Once {@link TraceLog#close} returned, the log's file is neither grown nor written again: its preparer reserved and
     * touched chunks on after the close, and a log truncated then (a run recording into the folder again) grew back, its
     * pages readable zeros, not a fault, and its preparer's store into a page past the end could fault.
     */
    @Test
    void aClosedLogIsNotGrownAgainWhenItIsTruncated(@TempDir Path folder) throws Exception {
        for (int i = 0; i < 10; i++) {
            Path file = folder.resolve("log" + i + Recording.LOG_SUFFIX);
            TraceLog log = TraceLog.create(file, 1, 100, "closed", RecordingSettings.into(folder));
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 0, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
            log.close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
        }
        Thread.sleep(200); // what a preparer still at work would do after the close, it does in milliseconds
        for (int i = 0; i < 10; i++) {
            assertEquals(0, Files.size(folder.resolve("log" + i + Recording.LOG_SUFFIX)), "log " + i + " grew after its close");
        }
    }

    /**
     * The columns of a log read on as it grows (blocks of rows, the first one doubling) hold every row where it was
     * written, across the blocks' bounds, and columns read before keep their rows while later reads add blocks.
     */
    @Test
    void aLogReadOnAcrossBlocksOfRowsKeepsEveryRowInEveryReadsColumns(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node1-100" + Recording.LOG_SUFFIX);
        int[] sizes = { 10, 100, 40_000, 100_000 }; // within the first block, across its doublings, across whole blocks
        List<EventColumns> reads = new ArrayList<>();
        try (TraceLog log = TraceLog.create(file, 1, 100, "blocks", new RecordingSettings(folder, 64L << 20,
                RecordingSettings.AtLimit.STOP, RecordingSettings.CallSites.NONE, false)); Arena arena = Arena.ofConfined()) {
            EventColumns.Reader reader = EventColumns.reader(file, arena);
            int written = 0;
            for (int size : sizes) {
                for (; written < size; written++) {
                    log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8L * written, 8, written, null, PayloadForm.NONE);
                }
                reads.add(reader.read());
            }
            for (int read = 0; read < sizes.length; read++) {
                EventColumns columns = reads.get(read);
                assertEquals(sizes[read], columns.size());
                for (int row = 0; row < columns.size(); row++) {
                    if (columns.offset(row) != 8L * row || columns.value(row) != row || columns.kind(row) != EventKind.PUT) {
                        fail("read " + read + ", row " + row + ": offset " + columns.offset(row) + ", value " + columns.value(row));
                    }
                }
            }
        }
    }

    @Test
    void recordsBrokenOffInAChunkItsThreadLeftAreDamageNotACrash(@TempDir Path folder) throws IOException {
        Path file = writePuts(folder, 4000);
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(List.of(), EventColumns.read(file, arena).damage(), "a thread leaves a chunk where its next record does not fit");
        }
        long[] firstChunk = recordStarts(file, 0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            flipByte(channel, firstChunk[firstChunk.length - 1] + 9); // its last record: the rest of the chunk is zeros
        }
        java.util.function.LongFunction<String> damagedAt = at -> file + " is damaged: the records of 1 of its 2 chunks break off"
                + " before their end (chunk 0 of thread \"" + Thread.currentThread().getName() + "\" at byte " + at + "); the events"
                + " written there after the break are lost";
        String damaged = damagedAt.apply(firstChunk[firstChunk.length - 1]);
        assertEquals(List.of(damaged), ProcessLog.read(file).damage());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            byte[] noise = new byte[20_000]; // as the reviewer's dd of random bytes over a log
            new java.util.Random(42).nextBytes(noise);
            channel.write(ByteBuffer.wrap(noise), firstChunk[100]);
        }
        ProcessLog read = ProcessLog.read(file);
        damaged = damagedAt.apply(firstChunk[100]);
        assertEquals(List.of(damaged), read.damage());
        assertTrue(read.events().size() >= 100, "the events before the break and those of the second chunk are read");
        Launch export = rsm(RsmTrace::run, "export", folder.toString(), "--format", "csv", "-o", folder.resolve("out.csv").toString());
        assertEquals(RsmTrace.DAMAGED, export.status());
        assertEquals(List.of("rsm-trace: warning: " + damaged), export.err());
    }

    @Test
    void aChunkHeaderThatCannotBeTheWritersLosesItsChunkAndSaysSo(@TempDir Path folder) throws IOException {
        Path file = writePuts(folder, 4000);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            writeInt(channel, TraceFormat.chunkOffset(0) + TraceFormat.C_INDEX, 12345); // its slot is 0
        }
        ProcessLog read = ProcessLog.read(file);
        assertEquals(List.of(file + " is damaged: the headers of 1 of its 2 chunks are unreadable; their events are lost"),
                read.damage());
        assertFalse(read.events().isEmpty(), "the second chunk is read");
    }

    /** A new log {@code file} of node 2, pid 42: a ring of 1 MiB (15 chunks), without call sites. */
    private static TraceLog ringLogOfOneMiB(Path file) throws IOException {
        return TraceLog.create(file, 2, 42, "ring", new RecordingSettings(file.getParent(), 1 << 20,
                RecordingSettings.AtLimit.RING, RecordingSettings.CallSites.NONE, false));
    }

    @Test
    void aRingThatWentRoundIsNoDamage(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        TraceLog log = ringLogOfOneMiB(file);
        for (int i = 0; i < 80_000; i++) { // some 38 chunks' worth of records in 15 slots
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, i, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
        }
        log.close();
        assertEquals(List.of(), ProcessLog.read(file).damage(), "past each chunk's new records lie an older lap's");
    }

    /** How many calls each short-lived thread or pool task of the ring tests below records. */
    private static final int CALLS_PER_WRITER = 3;

    /** Records {@value #CALLS_PER_WRITER} connects of writer {@code writer}: the call's number as segment id, the writer's as value. */
    private static void recordCallsOf(TraceLog log, long writer) {
        for (int call = 0; call < CALLS_PER_WRITER; call++) {
            log.call(EventKind.CONNECT, System.nanoTime(), 0, 1, call, writer);
        }
    }

    /**
     * Reads the ring log {@code file} written by {@code writers} writers (numbered in the order they ran) with
     * {@link #recordCallsOf}: no event was dropped, the log is not damaged and rsm-trace summarizes it, the last writer's
     * events are kept, and every writer kept has all its events, in order. Returns the writers kept, in order.
     */
    private static List<Long> writersKeptInFullOf(Path file, int writers) {
        ProcessLog read;
        try {
            read = ProcessLog.read(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(0, read.droppedEvents(), "a slot of the ring was found for every writer");
        assertEquals(List.of(), read.damage());
        assertTrue(read.limit() != null && read.limit().overwritten(), "the ring went round: " + read.limit());
        Map<Long, List<Integer>> callsOfWriters = new java.util.TreeMap<>();
        for (TraceEvent e : read.events()) {
            callsOfWriters.computeIfAbsent(e.value(), _ -> new ArrayList<>()).add(e.segmentId());
        }
        List<Integer> everyCall = java.util.stream.IntStream.range(0, CALLS_PER_WRITER).boxed().toList();
        callsOfWriters.forEach((writer, calls) -> assertEquals(everyCall, calls, "the calls of writer " + writer));
        List<Long> kept = List.copyOf(callsOfWriters.keySet());
        assertEquals(writers - 1, kept.getLast(), "the last writer's events are kept");
        Launch summary = rsm(RsmTrace::run, "summary", file.getParent().toString());
        assertEquals(0, summary.status(), summary.toString());
        return kept;
    }

    @Test
    void aRingReusesTheSlotsOfThreadsThatEnded(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        TraceLog log = ringLogOfOneMiB(file);
        int threads = 5000; // each takes a slot of the 15: once ended, it holds it no more
        for (int thread = 0; thread < threads; thread++) {
            long writer = thread;
            Thread.ofPlatform().start(() -> recordCallsOf(log, writer)).join();
        }
        log.close();
        List<Long> kept = writersKeptInFullOf(file, threads);
        // one thread a chunk, one after the other: the ring keeps the last ones, as many as it has slots
        assertEquals(java.util.stream.LongStream.range(threads - 15, threads).boxed().toList(), kept);
    }

    @Test
    void aRingReusesTheSlotsACommonPoolWorkerLeftWithItsErasedThreadLocals(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        TraceLog log = ringLogOfOneMiB(file);
        int tasks = 200; // each task of a worker writes into a new chunk: the worker's thread locals were erased
        var workers = new java.util.concurrent.LinkedBlockingQueue<Thread>(); // whose take, unlike a task's get, runs no task
        for (int task = 0; task < tasks; task++) {
            long writer = task;
            java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {
                recordCallsOf(log, writer);
                workers.add(Thread.currentThread());
            });
            awaitParked(workers.take());
        }
        log.close();
        writersKeptInFullOf(file, tasks);
    }

    /**
     * Waits until the common-pool worker {@code worker} is parked: it erases its thread locals only then, before it parks
     * for want of work; a task given to it while it still spins for one runs with the thread locals of the last.
     */
    private static void awaitParked(Thread worker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (worker.getState() != Thread.State.WAITING && worker.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the worker parks: " + worker.getState());
            Thread.sleep(1);
        }
    }

    @Test
    void theLastAccessOfAThreadWhoseRingSlotWasTakenBackIsRecordedWhenItIsJoined(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        TraceLog log = ringLogOfOneMiB(file);
        Thread storer = Thread.ofPlatform().start(() -> {
            recordCallsOf(log, 0);
            log.access(EventKind.STORE, 1, 7, 64, 8, 42, null); // pending until the thread is joined
        });
        storer.join();
        int threads = 100; // the ring goes round: the ended thread's slot is taken back
        for (int thread = 1; thread < threads; thread++) {
            long writer = thread;
            Thread.ofPlatform().start(() -> recordCallsOf(log, writer)).join();
        }
        log.accessesOfEnded(storer.threadId());
        log.close();
        ProcessLog read = ProcessLog.read(file);
        assertEquals(List.of(), read.damage());
        assertEquals(0, read.droppedEvents());
        assertFalse(read.events().stream().anyMatch(e -> e.kind() == EventKind.CONNECT && e.threadId() == storer.threadId()),
                "the ring overwrote the thread's calls");
        TraceEvent store = read.events().getLast();
        assertEquals(List.of(EventKind.STORE, storer.threadId(), 64L), List.of(store.kind(), store.threadId(), store.offset()));
    }

    @Test
    void aChunkLeftWithRoomByACommonPoolWorkerIsNoDamage(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, 2, 42, "pool", RecordingSettings.into(folder));
        // a common-pool worker's thread locals are erased after each task: its next task writes into a new chunk
        Set<Long> workers = new HashSet<>();
        long again = -1;
        for (int task = 0; task < 100 && again < 0; task++) {
            long worker = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                log.call(EventKind.CONNECT, System.nanoTime(), 0, 1, 7, 0);
                return Thread.currentThread().threadId();
            }).get();
            again = workers.add(worker) ? -1 : worker;
        }
        log.close();
        long worker = again;
        ProcessLog read = ProcessLog.read(file);
        assertTrue(read.events().stream().filter(e -> e.threadId() == worker).count() >= 2, "a worker ran two tasks");
        assertEquals(List.of(), read.damage());
    }

    @Test
    void aRingLogOfTheLargestLimitNeedsNoHeapByItsLimit(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node1-1" + Recording.LOG_SUFFIX);
        // 16M slots: state per slot of the limit (a byte each) would not fit a heap of 12 MiB
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx12m",
                "--enable-native-access=ALL-UNNAMED", "-cp", NodeJvm.classPath(), LargestRingLogProgram.class.getName(),
                file.toString());
        Process writer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, writer.exitValue());
        ProcessLog read = ProcessLog.read(file);
        assertTrue(read.ring());
        assertEquals(1, read.events().size());
    }

    @Test
    void readingALogOfAHugeLimitTouchesOnlyItsClaimedChunks(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        RecordingSettings huge = new RecordingSettings(folder, 4L << 30, RecordingSettings.AtLimit.STOP,
                RecordingSettings.CallSites.NONE, false);
        TraceLog log = TraceLog.create(file, 2, 42, "huge", huge); // 65,535 chunks, a sparse file
        for (long i = 0; i < 10; i++) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, i, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
        }
        log.close();
        try (Arena arena = Arena.ofConfined()) {
            EventColumns columns = EventColumns.read(file, arena);
            assertEquals(10, columns.size());
            // a page touched per chunk of the limit would be 256 MiB of this mapping; its claimed chunk is 64 KiB
            long resident = residentKib(columns.payloads().address());
            assertTrue(resident < 8 * 1024, resident + " KiB of the log's mapping are resident");
        }
    }

    /** The resident size of the mapping of this process that begins at {@code address}, from /proc/self/smaps. */
    private static long residentKib(long address) throws IOException {
        String start = Long.toHexString(address) + "-";
        boolean inMapping = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("[0-9a-f]+-[0-9a-f]+ .*")) {
                inMapping = line.startsWith(start);
            } else if (inMapping && line.startsWith("Rss:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new AssertionError("no mapping at " + start);
    }

    /**
     * A log of {@code count} puts of this thread, put {@code i} at offset {@code i}, in {@code folder}: a copy of the one
     * written, which only the test changes (the writer's preparer could give a truncated file its blocks back).
     */
    private static Path writePuts(Path folder, int count) throws IOException {
        Path written = folder.resolve("written");
        TraceLog log = TraceLog.create(written, 2, 42, "puts", new RecordingSettings(folder, 1 << 20, RecordingSettings.AtLimit.STOP,
                RecordingSettings.CallSites.NONE, false));
        for (long i = 0; i < count; i++) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, i, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
        }
        log.close();
        return Files.copy(written, folder.resolve("node2-42" + Recording.LOG_SUFFIX));
    }

    @Test
    void aReaderOfALogStillWrittenReadsOnlyWhatWasCommittedSinceItsLastRead(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("live" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, 2, 42, "live", RecordingSettings.into(directory));
        for (long i = 0; i < 10; i++) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8 * i, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
        }
        try (Arena arena = Arena.ofConfined()) {
            EventColumns.Reader reader = EventColumns.reader(file, arena);
            EventColumns first = reader.read();
            assertEquals(10, first.size());
            // a record begun after the last one, its check word not written: not read
            long[] recordStarts = recordStarts(file, 0);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                writeInt(channel, recordStarts[9] + ((readInt(channel, recordStarts[9]) & 0xFFFF) + 3 & ~3), 30 | EventKind.PUT.code() << 16);
            }
            assertEquals(10, reader.read().size());
            // the writer commits records there, and another thread a chunk of its own
            for (long i = 10; i < 15; i++) {
                log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8 * i, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
            }
            Thread.ofPlatform().name("other").start(() -> log.call(EventKind.CONNECT, System.nanoTime(), 0, 1, 7, 3)).join();
            EventColumns second = reader.read();
            assertEquals(10, first.size(), "columns read before stay as they were");
            assertEquals(16, second.size());
            List<TraceEvent> all = ProcessLog.read(file).events();
            for (int row = 0; row < 10; row++) {
                assertEquals(first.offset(row), second.offset(row));
                assertEquals(first.event(row).sequence(), second.event(row).sequence());
            }
            Set<Long> sequences = new HashSet<>();
            for (int row = 0; row < second.size(); row++) {
                assertTrue(sequences.add(second.sequence(row)), "each event once");
                assertEquals(all.get((int) second.sequence(row)).kind(), second.kind(row));
            }
            assertEquals("other", second.threadName(15));
            assertEquals(16, reader.read().size(), "nothing new");
        }
        log.close();
    }

    @Test
    void aReaderOfARingThatReusedAChunkItReadSaysSo(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("ring" + Recording.LOG_SUFFIX);
        TraceLog log = ringLogOfOneMiB(file);
        log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 0, 8, 0, MemorySegment.ofArray(new long[] { 1 }), PayloadForm.BYTES);
        try (Arena arena = Arena.ofConfined()) {
            EventColumns.Reader reader = EventColumns.reader(file, arena);
            assertEquals(1, reader.read().size());
            // enough records (of more than 16 bytes each) to fill the 15 chunks of 1 MiB and take the first one again
            for (int i = 0; i < 16 * TraceFormat.CHUNK_SIZE / 16; i++) {
                log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 0, 8, 0, MemorySegment.ofArray(new long[] { i }), PayloadForm.BYTES);
            }
            EventColumns.OverwrittenException overwritten = org.junit.jupiter.api.Assertions.assertThrows(EventColumns.OverwrittenException.class,
                    reader::read);
            assertTrue(overwritten.getMessage().contains("read it again"), overwritten.getMessage());
        }
        log.close();
    }

    @Test
    void theColumnsOfALogHoldWhatTheObjectReaderReadsUpToATornRecord(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("columns" + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, 3, 43, "columns", RecordingSettings.into(directory));
        CallSite site = new CallSite("org.acme.Mailbox", "main", "Mailbox.java", 41);
        for (long i = 0; i < 10; i++) {
            log.transfer(i % 2 == 0 ? EventKind.PUT : EventKind.GET, System.nanoTime(), 0, 1, 7, 8 * i, 8, 0,
                    MemorySegment.ofArray(new long[] { i * 0x0101_0101L }), PayloadForm.BYTES);
        }
        Thread other = Thread.ofPlatform().name("other").start(() -> {
            log.call(EventKind.CONNECT, System.nanoTime(), 0, 1, 7, 3, site);
            log.text(EventKind.FAULT, 0, 2, 0, "kill: node 2");
            log.call(EventKind.DISCONNECT, System.nanoTime(), RsmError.CONN_ABORTED.code(), 1, 7, 0);
        });
        other.join();
        log.close();
        long[] recordStarts = recordStarts(file, 0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            flipByte(channel, recordStarts[8] + 9); // the 9th record of the first chunk torn: it and the 10th go
        }
        List<TraceEvent> events = ProcessLog.read(file).events();
        try (Arena arena = Arena.ofConfined()) {
            EventColumns columns = EventColumns.read(file, arena);
            assertEquals(3, columns.node());
            assertEquals(43, columns.pid());
            assertEquals("columns", columns.label());
            assertEquals(events.size(), columns.size());
            assertTrue(events.size() >= 8 + 3, "the first chunk up to its torn record, and the other thread's: " + events);
            Map<Long, Integer> rowOf = new HashMap<>();
            for (int row = 0; row < columns.size(); row++) {
                rowOf.put(columns.sequence(row), row);
            }
            for (TraceEvent expected : events) {
                int row = rowOf.get(expected.sequence());
                TraceEvent actual = columns.event(row);
                assertEquals(List.of(expected.time(), expected.duration(), expected.threadId(), expected.offset(), expected.length(),
                        expected.value()), List.of(columns.time(row), columns.duration(row), columns.threadId(row),
                        columns.offset(row), columns.length(row), columns.value(row)));
                assertEquals(List.of(expected.kind(), expected.error(), expected.segmentNode(), expected.segmentId(),
                        expected.payloadForm(), expected.threadName()), List.of(columns.kind(row), columns.error(row),
                        columns.segmentNode(row), columns.segmentId(row), columns.payloadForm(row), columns.threadName(row)));
                assertEquals(expected.site(), columns.site(row));
                assertArrayEquals(expected.payload(), columns.payload(row));
                assertArrayEquals(expected.payload(), columns.payloadBytes(columns.payloadAt(row), columns.payloadLength(row)));
                assertEquals(expected.toString().replaceAll("payload=\\[B@[0-9a-f]+", ""),
                        actual.toString().replaceAll("payload=\\[B@[0-9a-f]+", ""));
            }
            assertEquals(List.of(0L, 8L, 16L, 24L, 32L, 40L, 48L, 56L), events.stream()
                    .filter(e -> e.kind() == EventKind.PUT || e.kind() == EventKind.GET).map(TraceEvent::offset).toList());
        }
        try (Arena arena = Arena.ofShared()) {
            List<EventColumns> all = EventColumns.readAll(directory, arena);
            assertEquals(1, all.size());
            assertEquals(Recording.open(directory).events().size(), all.getFirst().size());
        }
    }

    /** Where the records of the chunk in {@code slot} begin, up to the first without a length. */
    private static long[] recordStarts(Path file, int slot) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Long> starts = new ArrayList<>();
            long end = TraceFormat.chunkOffset(slot + 1);
            for (long at = TraceFormat.chunkOffset(slot) + TraceFormat.CHUNK_HEADER_SIZE; at + 8 <= end;) {
                int length = readInt(channel, at) & 0xFFFF;
                if (length < 8) {
                    break;
                }
                starts.add(at);
                at += (length + 3) & ~3;
            }
            return starts.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Changes the byte at {@code at}, as damage does. */
    private static void flipByte(FileChannel channel, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, at);
        channel.write(one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind(), at);
    }

    private static int readInt(FileChannel channel, long at) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(buffer, at);
        return buffer.getInt(0);
    }

    private static void writeInt(FileChannel channel, long at, int value) throws IOException {
        channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), at);
    }

    /** A command line run in this JVM: RsmLaunch::run or RsmTrace::run. */
    interface CommandLine {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    record Launch(int status, List<String> out, List<String> err) {
    }

    static Launch rsm(CommandLine command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Launch(status, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
