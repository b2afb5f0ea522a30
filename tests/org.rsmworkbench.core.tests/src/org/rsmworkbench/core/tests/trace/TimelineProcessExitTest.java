// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineItem.Shape;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.launch.LauncherRecording;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * A process killed while one of its threads waits for a signal: its log ends with the wait's beginning, and the
 * timeline draws that wait until the launcher recorded the process's end (not to the end of the recording), its hover
 * saying how the process ended; a process whose end is not recorded (or recorded without its pid, as recordings made
 * before said it) keeps its wait open to the end of the recording.
 */
class TimelineProcessExitTest {
    /** A pixel a nanosecond: a window of {@link TimeWindow#MIN_LENGTH} ns. */
    private static final int WIDTH = (int) TimeWindow.MIN_LENGTH;
    private static final int WAITING_NODE = 1;
    private static final int OTHER_NODE = 2;
    /** The pid of the other node's log: no process of this test. */
    private static final long OTHER_PID = 4_000_001;

    private static TraceLog log(Path folder, int node, long pid) throws IOException {
        return TraceLog.create(folder.resolve("node" + node + "-" + pid + Recording.LOG_SUFFIX), node, pid, "test",
                RecordingSettings.into(folder));
    }

    /** A wait for a signal of segment 2:0x7 begins in the calling thread, and never returns. */
    private static void waitBegins(TraceLog log) {
        log.call(EventKind.SIGNAL_WAIT_BEGIN, log.begin(EventKind.SIGNAL_WAIT_BEGIN), 0, OTHER_NODE, 7, 1000);
    }

    /** A call of the other node, a millisecond later: the recording goes on after the waiting process ended. */
    private static void laterCall(TraceLog other) {
        LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        other.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, WAITING_NODE, 9, 0);
    }

    private static int threadLane(TimelineModel model, int node) {
        for (int lane = 0; lane < model.lanes().size(); lane++) {
            TimelineLane shown = model.lanes().get(lane);
            if (shown.level() == TimelineLane.Level.THREAD && shown.node() == node) {
                return lane;
            }
        }
        throw new AssertionError("no thread lane of node " + node + " in " + model.lanes());
    }

    /** The one wait drawn in the waiting node's thread lane in {@code window}. */
    private static TimelineItem waitIn(TimelineModel model, TimeWindow window) {
        var waits = model.items(threadLane(model, WAITING_NODE), window, WIDTH).stream().filter(i -> i.shape() == Shape.WAIT).toList();
        assertEquals(1, waits.size(), waits.toString());
        assertEquals(EventKind.SIGNAL_WAIT_BEGIN, waits.getFirst().event().kind());
        return waits.getFirst();
    }

    /** The pixel column of {@code time} in {@code window}. */
    private static int x(TimeWindow window, long time) {
        return (int) Math.floor(window.xOf(time, WIDTH));
    }

    private static TraceEvent exit(Path folder) throws IOException {
        return Recording.open(folder).events().stream().filter(e -> e.kind() == EventKind.PROCESS_EXIT).findFirst().orElseThrow();
    }

    @Test
    void aWaitOfAProcessKilledMidWaitEndsWhereTheProcessEnded(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("killed.rsmtrace"));
        Process waiter = new ProcessBuilder("sleep", "60").start(); // stands for node 1's JVM: its log has its pid
        try (LauncherRecording launcher = LauncherRecording.open(RecordingSettings.into(folder), "test");
                TraceLog waiting = log(folder, WAITING_NODE, waiter.pid()); TraceLog other = log(folder, OTHER_NODE, OTHER_PID)) {
            launcher.processStarted(WAITING_NODE, waiter);
            waitBegins(waiting);
            laterCall(other);

            TimelineModel alive = TimelineModel.open(folder);
            TimeWindow atEnd = new TimeWindow(alive.end() - WIDTH / 2, alive.end() + WIDTH / 2);
            TimelineItem open = waitIn(alive, atEnd);
            assertEquals(x(atEnd, alive.end()), open.x1(), "while the process lives, its wait lasts to the end of the recording");
            assertFalse(alive.summary(open.event()).contains("never returned"), alive.summary(open.event()));

            waiter.destroyForcibly().waitFor(); // kill -9
            assertNull(launcher.close(Duration.ofSeconds(10)), "the end is recorded");
            laterCall(other);
            long exitTime = exit(folder).time();

            for (TimelineModel model : new TimelineModel[] { alive.refresh(), TimelineModel.open(folder),
                    TimelineModel.of(Recording.open(folder)) }) {
                assertTrue(model.end() > exitTime + WIDTH, "the recording goes on after the exit");
                TimeWindow atExit = new TimeWindow(exitTime - WIDTH / 2, exitTime + WIDTH / 2);
                TimelineItem wait = waitIn(model, atExit);
                assertEquals(x(atExit, exitTime), wait.x1(), "the wait ends where its process ended");
                assertNull(model.eventAt(threadLane(model, WAITING_NODE), atExit, WIDTH, x(atExit, exitTime) + 5),
                        "nothing drawn after the end");
                String hover = model.summary(wait.event());
                assertTrue(hover.contains(" · " + TimelineModel.formatDuration(exitTime - wait.event().time())
                        + ", never returned: its process ended during the wait (killed by signal 9) · "), hover);
                assertTrue(model.properties(wait.event()).get("duration").endsWith("(killed by signal 9)"),
                        model.properties(wait.event()).toString());
            }
        } finally {
            waiter.destroyForcibly();
        }
    }

    /**
     * The Properties and the hover of a wait that never returned tell how its process ended from what the model read, not
     * from the launcher's log again: that log truncated since (a run recorded into the folder again) is no fault.
     */
    @Test
    void theEndOfAWaitsProcessIsToldWithoutReadingTheLauncherLogAgain(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("killed.rsmtrace"));
        Process waiter = new ProcessBuilder("sleep", "60").start();
        try (LauncherRecording launcher = LauncherRecording.open(RecordingSettings.into(folder), "test");
                TraceLog waiting = log(folder, WAITING_NODE, waiter.pid()); TraceLog other = log(folder, OTHER_NODE, OTHER_PID)) {
            launcher.processStarted(WAITING_NODE, waiter);
            waitBegins(waiting);
            waiter.destroyForcibly().waitFor();
            assertNull(launcher.close(Duration.ofSeconds(10)), "the end is recorded");
            laterCall(other);
        } finally {
            waiter.destroyForcibly();
        }
        long exitTime = exit(folder).time();
        TimelineModel model = TimelineModel.open(folder);
        TraceEvent wait = waitIn(model, new TimeWindow(exitTime - WIDTH / 2, exitTime + WIDTH / 2)).event();
        Path launcherLog;
        try (var files = Files.list(folder)) {
            launcherLog = files.filter(f -> f.getFileName().toString().startsWith("launcher-")).findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(launcherLog, StandardOpenOption.WRITE)) {
            channel.truncate(0); // every page of the mapping now lies past the end of the file: a read of it faults
        }
        assertTrue(model.properties(wait).get("duration").endsWith("(killed by signal 9)"), model.properties(wait).toString());
        assertTrue(model.summary(wait).contains("never returned: its process ended during the wait (killed by signal 9)"),
                model.summary(wait));
    }

    @Test
    void aWaitOfAProcessWhoseEndIsRecordedWithoutItsPidLastsToTheEndOfTheRecording(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("before.rsmtrace"));
        long pid = 4_000_002;
        // the launcher's log as launchers wrote it before: node 0
        try (TraceLog launcher = TraceLog.create(folder.resolve(Recording.LAUNCHER_LOG_PREFIX + 4_000_000 + Recording.LOG_SUFFIX), 0,
                4_000_000, "launcher", RecordingSettings.into(folder)); TraceLog waiting = log(folder, WAITING_NODE, pid);
                TraceLog other = log(folder, OTHER_NODE, OTHER_PID)) {
            launcher.text(EventKind.PROCESS_START, 0, WAITING_NODE, pid, "node 1: pid " + pid + " started");
            waitBegins(waiting);
            // the end as launchers wrote it before it carried the pid: the status alone
            launcher.text(EventKind.PROCESS_EXIT, 0, WAITING_NODE, 137, "node 1: pid " + pid + " exited with 137");
            laterCall(other);
        }
        TimelineModel model = TimelineModel.open(folder);
        assertEquals(0, exit(folder).exitedPid());
        TimeWindow atEnd = new TimeWindow(model.end() - WIDTH / 2, model.end() + WIDTH / 2);
        TimelineItem wait = waitIn(model, atEnd);
        assertEquals(x(atEnd, model.end()), wait.x1(), "drawn as before: to the end of the recording");
        assertFalse(model.summary(wait.event()).contains("never returned"), model.summary(wait.event()));
    }
}
