// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.launch.LauncherRecording;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.tests.support.HeapUse;

/**
 * The heap a timeline read as columns keeps per event: what bounds the recordings the IDE can show (a 2 GB heap held
 * about 4 million events when each was an object). Measured after full collections, in a JVM of its own (the test
 * JVM): the figure does not depend on the load of the machine.
 */
class TimelineMemoryTest {
    /**
     * The most heap a timeline may keep per event: its columns (82 B, in blocks of rows), lanes (6.5 B: an id, a
     * category, flags, a latest end per 16 events), links (measured: 110 B here, 95 B in TimelineFollowHarness's 10^6
     * events; 129 B here with columns of one array each, which G1 places in whole regions, and 160 B when lanes also
     * copied each event's start and end).
     */
    private static final long MAX_BYTES_PER_EVENT = 130;
    private static final int EVENTS = 400_000;
    /**
     * Just past a step of the growth of columns of one array each (64 x 1.5^k rows: 478,297), where they held the most
     * room in advance.
     */
    private static final int FOLLOWED_EVENTS = 480_000;
    /**
     * The most heap a timeline cut to size keeps per event there: columns, lanes and links without room to grow (measured:
     * 105 B; 110 B with columns of one array each, cut to size; 136 B when lanes copied each event's start and end; 200 B,
     * and 182 B read whole, when the room was kept).
     */
    private static final long CUT_BYTES_PER_EVENT = 120;


    @Test
    void aTimelineReadAsColumnsKeepsAFewBytesPerEventNotAnObject(@TempDir Path directory) throws IOException {
        Path folder = Files.createDirectories(directory.resolve("big.rsmtrace"));
        TraceLog log = TraceLog.create(folder.resolve("node1-100" + Recording.LOG_SUFFIX), 1, 100, "big", RecordingSettings.into(folder));
        write(log, EVENTS);
        log.close();

        long before = HeapUse.afterCollection();
        TimelineModel columns = TimelineModel.open(folder);
        long columnsBytes = HeapUse.afterCollection() - before;
        assertEquals(EVENTS, columns.shownEvents());
        Recording recording = Recording.open(folder);
        recording.events();
        recording.flows();
        long objectsBytes = HeapUse.afterCollection() - before - columnsBytes;
        System.out.printf("timeline of %d events: %d B per event as columns; the recording's event objects and flows alone: %d B per event%n",
                EVENTS, columnsBytes / EVENTS, objectsBytes / EVENTS);
        // the old timeline kept the objects measured second, and its lanes (about 55 B per event) on top of them
        assertTrue(columnsBytes / EVENTS <= MAX_BYTES_PER_EVENT, columnsBytes / EVENTS + " B per event");
        Reference.reachabilityFence(columns);
        Reference.reachabilityFence(recording);
    }

    /**
     * A timeline that followed a run as it was recorded keeps no more than one read whole once the run is over: its
     * columns and lanes grew by half again in advance at each read, and kept that room (a third of them) when the run
     * had ended, until the recording was opened again.
     */
    @Test
    void aFollowedRunsTimelineIsCutToSizeWhenTheRunEnds(@TempDir Path directory) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("followed.rsmtrace"));
        Process node = new ProcessBuilder("sleep", "60").start(); // stands for node 1's JVM: its log has its pid
        try (LauncherRecording launcher = LauncherRecording.open(RecordingSettings.into(folder), "test");
                TraceLog log = TraceLog.create(folder.resolve("node1-" + node.pid() + Recording.LOG_SUFFIX), 1, node.pid(), "followed",
                        RecordingSettings.into(folder))) {
            launcher.processStarted(1, node);
            TimelineModel followed = TimelineModel.open(folder);
            for (int read = 0; read < 20; read++) {
                write(log, FOLLOWED_EVENTS / 20);
                followed = followed.refresh();
            }
            assertTrue(followed.running());
            node.destroyForcibly().waitFor();
            assertNull(launcher.close(Duration.ofSeconds(10)), "the end is recorded");
            followed = followed.refresh();
            assertFalse(followed.running(), "the run is over");

            long withFollowed = HeapUse.afterCollection();
            TimelineModel whole = TimelineModel.open(folder);
            long withBoth = HeapUse.afterCollection();
            long wholeBytes = withBoth - withFollowed;
            Reference.reachabilityFence(followed);
            followed = null;
            long followedBytes = withBoth - HeapUse.afterCollection();
            System.out.printf("timeline of %d events followed: %d B per event; read whole: %d B per event%n", FOLLOWED_EVENTS,
                    followedBytes / FOLLOWED_EVENTS, wholeBytes / FOLLOWED_EVENTS);
            assertEquals(FOLLOWED_EVENTS + 2, whole.shownEvents(), "the events and the launcher's start and end of node 1");
            assertTrue(followedBytes <= wholeBytes * 11 / 10, "followed " + followedBytes + " B, read whole " + wholeBytes + " B");
            assertTrue(followedBytes / FOLLOWED_EVENTS <= CUT_BYTES_PER_EVENT, followedBytes / FOLLOWED_EVENTS + " B per event");
            Reference.reachabilityFence(whole);
        } finally {
            node.destroyForcibly();
        }
    }

    /** Writes {@code count} events into {@code log}: puts and gets of 8 bytes, a post every tenth. */
    private static void write(TraceLog log, int count) {
        MemorySegment bytes = MemorySegment.ofArray(new long[1]);
        for (int i = 0; i < count; i++) {
            if (i % 10 == 0) {
                log.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, 1, 7, 0);
            } else {
                log.transfer(i % 2 == 0 ? EventKind.PUT : EventKind.GET, System.nanoTime(), 0, 1, 7, 8 * (i % 512), 8, 0, bytes,
                        i % 2 == 0 ? PayloadForm.BYTES : PayloadForm.DIGEST);
            }
        }
    }
}
