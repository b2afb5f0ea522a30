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
import org.rsmworkbench.emulator.race.RaceDetector;
import org.rsmworkbench.emulator.race.RaceReport;
import org.rsmworkbench.emulator.trace.CallSite;
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
        RecordingSettings settings = settings(folder, atLimit);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (TraceLog log = TraceLog.create(folder.resolve("node2-42" + Recording.LOG_SUFFIX), 2, 42, "limited", settings)) {
            putsOf(log, puts);
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
        long lastEnd = read.events().stream().mapToLong(TraceEvent::end).max().orElseThrow();
        assertTrue(limit.completeUntil() > lastEnd - 1_000 && limit.completeUntil() <= System.nanoTime(),
                "the first put dropped began after the last one kept ended: " + limit.completeUntil() + " " + lastEnd);
        assertEquals(limit.completeUntil(), limit.time(), "a stopped log's gap begins where its first event dropped began");
        assertEquals(Long.MIN_VALUE, limit.completeFrom(), "it holds every event from its start");
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
        assertEquals(read.events().stream().mapToLong(TraceEvent::time).min().orElseThrow(), limit.completeFrom());
        assertEquals(limit.completeFrom(), limit.time(), "a ring's gap ends where what it kept begins");
        assertEquals(Long.MAX_VALUE, limit.completeUntil(), "it holds every event to its end");
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

    /**
     * A thread that keeps writing into the chunk it took first keeps its oldest events in a ring: the log holds every
     * event only from the first event kept of the thread that lost some, not from its oldest event; a thread that began
     * after the ring went round (as the one that closes the library at the process's exit) lost none.
     */
    @Test
    void aRingHoldsEveryEventFromTheFirstEventKeptOfAThreadThatLostSome(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        long before;
        try (TraceLog log = TraceLog.create(file, 2, 42, "ring", settings(folder, AtLimit.RING))) {
            putsOf(log, 5); // this thread's first chunk: kept, the thread lives on
            before = System.nanoTime();
            Thread busy = new Thread(() -> putsOf(log, PUTS), "busy");
            busy.start();
            busy.join();
            Thread late = new Thread(() -> putsOf(log, 1), "late");
            late.start();
            late.join();
        }
        ProcessLog read = ProcessLog.read(file);
        LogLimit limit = read.limit();
        assertTrue(limit != null && limit.overwritten(), String.valueOf(limit));
        List<TraceEvent> busyEvents = read.events().stream().filter(e -> e.threadName().equals("busy")).toList();
        assertTrue(read.events().getFirst().time() < before && busyEvents.getFirst().sequence() > 5, "the first thread's events"
                + " were kept, the busy one's first were not");
        assertEquals(busyEvents.stream().mapToLong(TraceEvent::time).min().orElseThrow(), limit.completeFrom());
    }

    /**
     * A thread with room left in its chunk records on after another one dropped an event for want of a new chunk: the log
     * holds every event only until that drop (its header says when, to the microsecond below), not until its last event.
     */
    @Test
    void aStoppedLogHoldsEveryEventUntilAThreadDroppedOne(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        try (TraceLog log = TraceLog.create(file, 2, 42, "stop", settings(folder, AtLimit.STOP))) {
            putsOf(log, 1);
            Thread busy = new Thread(() -> putsOf(log, PUTS), "busy");
            busy.start();
            busy.join();
            putsOf(log, 5); // into this thread's first chunk, after the busy thread's drops
        }
        ProcessLog read = ProcessLog.read(file);
        LogLimit limit = read.limit();
        assertTrue(limit != null && limit.stopped(), String.valueOf(limit));
        long busyEnd = read.events().stream().filter(e -> e.threadName().equals("busy")).mapToLong(TraceEvent::end).max().orElseThrow();
        long laterStart = read.events().getLast().time();
        assertTrue(laterStart > busyEnd, "the first thread recorded after the drops");
        assertTrue(limit.completeUntil() > busyEnd - 1_000 && limit.completeUntil() < laterStart,
                "the first drop came after the busy thread's last event kept: " + limit.completeUntil() + " " + busyEnd);
    }

    /**
     * A ring whose every slot a live thread holds drops the event of a thread that needs one, and records again once they
     * free theirs: the log holds every event only until that drop, which its header says, though its threads recorded
     * after it.
     */
    @Test
    void aRingThatDroppedAnEventHoldsEveryEventOnlyUntilThatDrop(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        long beforeDrop;
        long afterDrop;
        try (TraceLog log = TraceLog.create(file, 2, 42, "ring", settings(folder, AtLimit.RING))) {
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(15); // the slots of 1 MiB
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            List<Thread> holders = new java.util.ArrayList<>();
            for (int i = 0; i < 15; i++) {
                Thread holder = new Thread(() -> {
                    putsOf(log, 1);
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    putsOf(log, 10);
                }, "holder " + i);
                holder.start();
                holders.add(holder);
            }
            holding.await();
            beforeDrop = System.nanoTime();
            Thread dropper = new Thread(() -> putsOf(log, 1), "dropper");
            dropper.start();
            dropper.join();
            afterDrop = System.nanoTime();
            release.countDown();
            for (Thread holder : holders) {
                holder.join();
            }
        }
        ProcessLog read = ProcessLog.read(file);
        LogLimit limit = read.limit();
        assertTrue(limit != null && limit.stopped() && limit.droppedEvents() == 1, String.valueOf(limit));
        assertTrue(read.events().stream().anyMatch(e -> e.time() > afterDrop), "the holders recorded after the drop");
        assertTrue(limit.completeUntil() > beforeDrop - 1_000 && limit.completeUntil() < afterDrop,
                "the drop's time: " + (limit.completeUntil() - beforeDrop) + " ns after the dropper started");
    }

    /**
     * A wait that began before the log filled and returned after is dropped; it took effect when it returned, so the log
     * holds every event until the first drop of another thread, not from the wait's beginning on.
     */
    @Test
    void aWaitDroppedAtItsReturnEndsTheSpanNoEarlierThanItsReturn(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        try (TraceLog log = TraceLog.create(file, 2, 42, "stop", settings(folder, AtLimit.STOP))) {
            long waitBegan = log.begin(EventKind.SIGNAL_WAIT_BEGIN);
            Thread busy = new Thread(() -> putsOf(log, PUTS), "busy");
            busy.start();
            busy.join();
            log.call(EventKind.SIGNAL_WAIT, waitBegan, 0, 1, 7, 1); // dropped: this thread has no chunk, none is left
        }
        ProcessLog read = ProcessLog.read(file);
        long busyEnd = read.events().stream().mapToLong(TraceEvent::end).max().orElseThrow();
        assertTrue(read.limit().completeUntil() > busyEnd - 1_000, read.limit() + " ends before " + busyEnd);
    }

    /**
     * A thread that ended with a load not yet recorded, all its other events overwritten by the ring: its load is
     * recorded at the process's exit, with that time, which does not move the span's start there (it did).
     */
    @Test
    void aLoadRecordedAtExitForAnEndedThreadDoesNotMoveTheSpansStart(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("node2-42" + Recording.LOG_SUFFIX);
        try (TraceLog log = TraceLog.create(file, 2, 42, "ring", settings(folder, AtLimit.RING))) {
            log.recordAccesses(_ -> false);
            Thread reader = new Thread(() -> {
                putsOf(log, 1);
                log.access(EventKind.LOAD, 1, 7, 0, 8, 1, new CallSite("org.acme.Reader", "run", "Reader.java", 12));
            }, "reader");
            reader.start();
            reader.join();
            Thread busy = new Thread(() -> putsOf(log, PUTS), "busy");
            busy.start();
            busy.join();
            log.accessesAtExit();
        }
        ProcessLog read = ProcessLog.read(file);
        assertTrue(read.events().stream().anyMatch(e -> e.kind() == EventKind.LOAD), "the load was recorded");
        long busyFirst = read.events().stream().filter(e -> e.threadName().equals("busy")).mapToLong(TraceEvent::time).min()
                .orElseThrow();
        assertEquals(busyFirst, read.limit().completeFrom());
    }

    /** The launcher's log holds no signal and no access: its limit neither narrows race detection nor is named by it. */
    @Test
    void raceDetectionDoesNotBlameTheLaunchersLog(@TempDir Path folder) throws IOException {
        try (TraceLog launcher = TraceLog.create(folder.resolve(Recording.LAUNCHER_LOG_PREFIX + "7" + Recording.LOG_SUFFIX),
                TraceEvent.LAUNCHER, 7, "launcher",
                settings(folder, AtLimit.STOP));
                TraceLog node = TraceLog.create(folder.resolve("node1-41" + Recording.LOG_SUFFIX), 1, 41, "node",
                        new RecordingSettings(folder, 64 << 20, AtLimit.STOP, RecordingSettings.CallSites.ALL, false))) {
            putsOf(launcher, PUTS);
            putsOf(node, 10);
        }
        assertTrue(Recording.open(folder).logLimits().stream().anyMatch(limit -> limit.node() == TraceEvent.LAUNCHER && limit.stopped()));
        assertEquals(List.of(), RaceDetector.analyze(folder).unchecked());
    }

    /**
     * The importer puts a value and posts; the exporter's wait returns, it loads the value and posts back, for which the
     * importer waits before its next put. The exporter's log is a ring that lost its first waits: matched to the
     * importer's first posts, its later waits would not order its loads after the puts they read, and every load would
     * race with its put. Accesses are checked only where every log
     * holds all its events, and the report says where they were not.
     */
    @Test
    void raceDetectionChecksAccessesOnlyWhereEveryLogHoldsItsEvents(@TempDir Path folder) throws IOException {
        CallSite putSite = new CallSite("org.acme.Mailbox", "send", "Mailbox.java", 41);
        CallSite loadSite = new CallSite("org.acme.Mailbox", "receive", "Mailbox.java", 46);
        RecordingSettings importerSettings = new RecordingSettings(folder, 64 << 20, AtLimit.STOP, RecordingSettings.CallSites.ALL,
                false);
        RecordingSettings exporterSettings = new RecordingSettings(folder, 1 << 20, AtLimit.RING, RecordingSettings.CallSites.ALL,
                false);
        try (TraceLog importer = TraceLog.create(folder.resolve("node2-42" + Recording.LOG_SUFFIX), 2, 42, "importer", importerSettings);
                TraceLog exporter = TraceLog.create(folder.resolve("node1-41" + Recording.LOG_SUFFIX), 1, 41, "exporter", exporterSettings)) {
            exporter.recordAccesses(_ -> false);
            importer.call(EventKind.CONNECT, importer.begin(EventKind.CONNECT), 0, 1, 7, 0);
            for (int i = 0; i < PUTS; i++) {
                importer.nextCallAt(putSite);
                importer.transfer(EventKind.PUT, importer.begin(EventKind.PUT), 0, 1, 7, 0, 8, 0, MemorySegment.ofArray(new long[] { i }),
                        PayloadForm.BYTES);
                importer.call(EventKind.SIGNAL_POST, importer.begin(EventKind.SIGNAL_POST), 0, 1, 7, 0);
                exporter.call(EventKind.SIGNAL_WAIT, exporter.begin(EventKind.SIGNAL_WAIT), 0, 1, 7, TraceEvent.EXPORT_SIDE | 1);
                exporter.access(EventKind.LOAD, 1, 7, 0, 8, i, loadSite);
                // the answer: the importer puts again once the exporter has read
                exporter.call(EventKind.SIGNAL_POST, exporter.begin(EventKind.SIGNAL_POST), 0, 1, 7, TraceEvent.EXPORT_SIDE);
                importer.call(EventKind.SIGNAL_WAIT, importer.begin(EventKind.SIGNAL_WAIT), 0, 1, 7, 1);
            }
        }
        assertTrue(Recording.open(folder).logLimits().stream().anyMatch(LogLimit::overwritten), "the exporter's ring overwrote");
        RaceReport report = RaceDetector.analyze(folder);
        assertEquals(List.of(), report.races(), "no load raced with the put it read");
        assertTrue(report.checkedAccesses() > 0, "the accesses after the ring's gap were checked");
        assertEquals(2, report.unchecked().size(), report.unchecked().toString());
        assertTrue(report.unchecked().getFirst().matches("accesses before [0-9.]+ (ms|s) not checked: 1 log met its size limit"),
                report.unchecked().getFirst());
        assertEquals("node 1 (pid 41): its oldest events overwritten (a ring of 1 MiB). " + LogLimit.RING_ADVICE,
                report.unchecked().get(1));
    }

    /** Race detection says the whole span it did not check, then each log that met its limit with what to do. */
    @Test
    void raceDetectionSaysWhereItDidNotCheckThenEachLogThatMetItsLimit() {
        LogLimit early = new LogLimit(1, 41, 1 << 20, true, true, 0, true, 3_000_000_000L, Long.MAX_VALUE);
        LogLimit late = new LogLimit(2, 42, 1 << 20, true, true, 0, true, 5_000_000_000L, Long.MAX_VALUE);
        LogLimit stopped = new LogLimit(3, 43, 1 << 20, false, true, 7, false, Long.MIN_VALUE, 9_000_000_000L);
        assertEquals(new LogLimit.Complete(5_000_000_000L, 9_000_000_000L), LogLimit.Complete.of(List.of(early, late, stopped)));
        assertEquals(List.of("accesses before 5.0 s and after 9.0 s not checked: 3 logs met their size limit",
                "node 1 (pid 41): its oldest events overwritten (a ring of 1 MiB). " + LogLimit.RING_ADVICE,
                "node 2 (pid 42): its oldest events overwritten (a ring of 1 MiB). " + LogLimit.RING_ADVICE,
                "node 3 (pid 43): 7 events not recorded (log full at 1 MiB). " + LogLimit.STOP_ADVICE),
                LogLimit.unchecked(List.of(early, late, stopped), 0));
        assertEquals(List.of("accesses before 3.0 s not checked: 1 log met its size limit",
                "node 1 (pid 41): its oldest events overwritten (a ring of 1 MiB). " + LogLimit.RING_ADVICE),
                LogLimit.unchecked(List.of(early), 0));
        assertEquals(List.of(), LogLimit.unchecked(List.of(), 0));
    }

    private static RecordingSettings settings(Path folder, AtLimit atLimit) {
        return new RecordingSettings(folder, 1 << 20, atLimit, RecordingSettings.CallSites.NONE, false);
    }

    private static void putsOf(TraceLog log, int puts) {
        for (int i = 0; i < puts; i++) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8 * (i % 64), 8, 0, MemorySegment.ofArray(new long[] { i }),
                    PayloadForm.BYTES);
        }
    }

    @Test
    void aLogWithinItsLimitSaysNothing(@TempDir Path folder) throws IOException {
        assertEquals(List.of(), linesOfTheProcess(fill(folder, AtLimit.STOP, 1_000)));
        assertNull(ProcessLog.read(folder.resolve("node2-42" + Recording.LOG_SUFFIX)).limit());
        assertFalse(summary(folder).contains("size limit"), summary(folder));
    }
}
