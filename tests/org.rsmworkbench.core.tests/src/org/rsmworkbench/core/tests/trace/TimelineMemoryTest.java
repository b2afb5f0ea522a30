// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
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
     * The most heap a timeline may keep per event: its columns (82 B), lanes (30 B), links, and what G1 loses around
     * arrays of more than half a region (measured: 138 B in a 2 GB heap, 160 B in this test's larger one).
     */
    private static final long MAX_BYTES_PER_EVENT = 200;
    private static final int EVENTS = 400_000;


    @Test
    void aTimelineReadAsColumnsKeepsAFewBytesPerEventNotAnObject(@TempDir Path directory) throws IOException {
        Path folder = Files.createDirectories(directory.resolve("big.rsmtrace"));
        TraceLog log = TraceLog.create(folder.resolve("node1-100" + Recording.LOG_SUFFIX), 1, 100, "big", RecordingSettings.into(folder));
        MemorySegment bytes = MemorySegment.ofArray(new long[1]);
        for (int i = 0; i < EVENTS; i++) {
            if (i % 10 == 0) {
                log.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, 1, 7, 0);
            } else {
                log.transfer(i % 2 == 0 ? EventKind.PUT : EventKind.GET, System.nanoTime(), 0, 1, 7, 8 * (i % 512), 8, 0, bytes,
                        i % 2 == 0 ? PayloadForm.BYTES : PayloadForm.DIGEST);
            }
        }
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
}
