// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.launch.LauncherRecording;
import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.ProcessLog;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.RecordingSettings.AtLimit;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.emulator.trace.TraceSummary;

/**
 * A log that meets its size limit says so: once on its process's console when it happens, and afterwards in what its
 * reader and {@code rsm-trace summary} tell (how many events were dropped, where the recording stopped or where what a
 * ring kept begins).
 */
class LogLimitTest {
    /** More puts than the 15 chunks of a 1 MiB log hold (a put of 8 bytes takes about 32 bytes). */
    private static final int PUTS = 40_000;

    /** Writes {@code puts} puts of 8 bytes into a new 1 MiB log of node 2, pid 42; returns what the process printed on stderr. */
    private static String fill(Path folder, AtLimit atLimit, int puts) throws IOException {
        RecordingSettings settings = new RecordingSettings(folder, 1 << 20, atLimit, RecordingSettings.CallSites.NONE, false);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (TraceLog log = TraceLog.create(folder.resolve("node2-42" + Recording.LOG_SUFFIX), 2, 42, "limited", settings)) {
            for (int i = 0; i < puts; i++) {
                log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8 * (i % 64), 8, 0, MemorySegment.ofArray(new long[] { i }),
                        PayloadForm.BYTES);
            }
        } finally {
            System.setErr(stderr);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    /** The lines about the process of {@link #fill}: another test's process may print on this JVM's stderr too. */
    private static List<String> linesOfTheProcess(String console) {
        return console.lines().filter(line -> line.startsWith("[rsm] node 2 (pid 42)")).toList();
    }

    private static String summary(Path folder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceSummary.print(Recording.open(folder), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogThatStopsSaysOnceOnTheConsoleAndItsReaderTellsWhereAndHowManyWereDropped(@TempDir Path folder) throws IOException {
        List<String> said = linesOfTheProcess(fill(folder, AtLimit.STOP, PUTS));
        assertEquals(1, said.size(), "one line, the first time the log is full: " + said);
        assertTrue(said.getFirst().matches("\\[rsm\\] node 2 \\(pid 42\\): the recording reached its 1 MiB limit at [0-9.]+ (ms|s);"
                + " later RSM calls of this process are not recorded\\. " + java.util.regex.Pattern.quote(LogLimit.STOP_ADVICE)),
                said.getFirst());

        ProcessLog read = ProcessLog.read(folder.resolve("node2-42" + Recording.LOG_SUFFIX));
        LogLimit limit = read.limit();
        assertNotNull(limit, "the log met its limit");
        assertTrue(limit.stopped() && limit.limitReached() && !limit.ring() && !limit.overwritten(), limit.toString());
        assertEquals(1 << 20, limit.limitBytes());
        assertEquals(PUTS - read.events().size(), limit.droppedEvents(), "every put not in the log is counted");
        assertEquals(read.events().stream().mapToLong(TraceEvent::end).max().orElseThrow(), limit.lastRecorded());
        assertEquals(limit.lastRecorded(), limit.time(), "a stopped log's gap begins where its last event ended");
        String expected = String.format(java.util.Locale.ROOT, "node 2 (pid 42): %,d events not recorded (log full at 1 MiB)",
                limit.droppedEvents());
        assertEquals(expected, limit.summary());
        String summary = summary(folder);
        assertTrue(summary.contains("logs that met their size limit:\n  " + expected + "\n  " + LogLimit.STOP_ADVICE), summary);
    }

    @Test
    void aRingThatOverwritesSaysOnceOnTheConsoleAndItsReaderTellsWhereWhatItKeptBegins(@TempDir Path folder) throws IOException {
        List<String> said = linesOfTheProcess(fill(folder, AtLimit.RING, PUTS));
        assertEquals(1, said.size(), "one line, the first time a chunk is overwritten: " + said);
        assertTrue(said.getFirst().contains(": the recording reached its 1 MiB limit at ")
                && said.getFirst().endsWith("; from now on its oldest events are overwritten (a ring). " + LogLimit.RING_ADVICE),
                said.getFirst());

        ProcessLog read = ProcessLog.read(folder.resolve("node2-42" + Recording.LOG_SUFFIX));
        LogLimit limit = read.limit();
        assertNotNull(limit, "the ring overwrote its oldest events");
        assertTrue(limit.overwritten() && limit.ring() && !limit.stopped(), limit.toString());
        assertTrue(read.events().getFirst().sequence() > 0, "the first event is gone");
        assertEquals(read.events().stream().mapToLong(TraceEvent::time).min().orElseThrow(), limit.firstKept());
        assertEquals(limit.firstKept(), limit.time(), "a ring's gap ends where what it kept begins");
        assertEquals("node 2 (pid 42): its oldest events overwritten (a ring of 1 MiB)", limit.summary());
        try (Arena arena = Arena.ofConfined()) {
            EventColumns columns = EventColumns.read(read.file(), arena);
            for (int row = 1; row < columns.size(); row++) {
                // the ring went round: its newest chunks are in its first slots, yet the rows come in claim order
                assertTrue(columns.sequence(row) > columns.sequence(row - 1), "row " + row + " of the one thread in order");
            }
        }
        assertTrue(summary(folder).contains("  " + limit.summary() + "\n  " + LogLimit.RING_ADVICE), summary(folder));
    }

    @Test
    void theEndOfAKilledProcessSaysThatItsRecordingEndsWithTheLastCallItCompleted(@TempDir Path folder) throws Exception {
        try (LauncherRecording launcher = LauncherRecording.open(RecordingSettings.into(folder), "test")) {
            Process killed = new ProcessBuilder("sleep", "60").start();
            launcher.processStarted(1, killed);
            killed.destroyForcibly().waitFor();
            assertNull(launcher.close(java.time.Duration.ofSeconds(10)), "the end is recorded");
        }
        TraceEvent end = Recording.open(folder).events().stream().filter(e -> e.kind() == EventKind.PROCESS_EXIT).findFirst().orElseThrow();
        assertTrue(end.text().endsWith(" exited with 137 (killed by signal 9; its recording ends with the last call it completed)"),
                end.text());
    }

    /** The ends of node JVMs are recorded on one thread: each took a chunk of the launcher's 1 MiB log (15) before. */
    @Test
    void theLauncherRecordsTheEndsOfMoreNodeJvmsThanItsLogHasChunks(@TempDir Path folder) throws Exception {
        int processes = 20;
        try (LauncherRecording launcher = LauncherRecording.open(RecordingSettings.into(folder), "test")) {
            for (int node = 1; node <= processes; node++) {
                launcher.processStarted(node, new ProcessBuilder("true").start());
            }
            assertEquals(null, launcher.close(Duration.ofSeconds(30)));
        }
        assertEquals(processes, Recording.open(folder).events().stream().filter(e -> e.kind() == EventKind.PROCESS_EXIT).count());
    }

    @Test
    void aLogWithinItsLimitSaysNothing(@TempDir Path folder) throws IOException {
        assertEquals(List.of(), linesOfTheProcess(fill(folder, AtLimit.STOP, 1_000)));
        assertNull(ProcessLog.read(folder.resolve("node2-42" + Recording.LOG_SUFFIX)).limit());
        assertFalse(summary(folder).contains("size limit"), summary(folder));
    }
}
