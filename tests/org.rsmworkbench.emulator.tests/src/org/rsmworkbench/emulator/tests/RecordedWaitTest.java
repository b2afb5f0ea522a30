// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * What the recorder writes for a signal wait: its return always (from the wait's start, a complete span), its beginning
 * only when the wait did not end at its first looks for an event, so that a wait still running is seen.
 */
class RecordedWaitTest {
    private static final int SEGMENT_ID = 0x400200;
    private static final long SLEEP_MILLIS = 200;

    @RegisterExtension
    final EmulatedClusterExtension cluster = EmulatedClusterExtension.of(2);
    @TempDir
    Path folder;
    private final List<TraceLog> logs = new ArrayList<>();
    private RsmLibrary exporter;
    private RsmLibrary importer;
    private ExportSegment export;
    private ImportSegment segment;

    private RsmLibrary recorded(int node) throws Exception {
        TraceLog log = TraceLog.create(folder.resolve("node" + node + Recording.LOG_SUFFIX), node, ProcessHandle.current().pid(),
                "recorded waits", RecordingSettings.into(folder));
        logs.add(log);
        return log.recording(cluster.process(node));
    }

    private void connect() throws Exception {
        exporter = recorded(1);
        importer = recorded(2);
        export = exporter.getController("emu0").createExportSegment(exporter.allocate(4096), Rsm.ALLOW_REBIND);
        export.publish(SEGMENT_ID, List.of(new AccessEntry(2, 0666)));
        segment = importer.getController("emu0").connect(1, SEGMENT_ID, Rsm.PERM_RDWR);
    }

    private List<TraceEvent> waitsOfNode(int node) throws Exception {
        exporter.close();
        importer.close();
        logs.forEach(TraceLog::close);
        logs.clear();
        return Recording.open(folder).events().stream().filter(e -> e.node() == node && (e.kind() == EventKind.SIGNAL_WAIT_BEGIN
                || e.kind() == EventKind.SIGNAL_WAIT || e.kind() == EventKind.SIGNAL_WAIT_POLLFD)).toList();
    }

    @AfterEach
    void closeLogs() {
        logs.forEach(TraceLog::close);
    }

    /** Posts to {@code segment} from another thread after {@link #SLEEP_MILLIS}, while the caller waits. */
    private static Thread postLater(ImportSegment segment) {
        return Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(SLEEP_MILLIS);
                segment.signalPost(0);
            } catch (InterruptedException | RsmException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aWaitThatAPostedEventEndsWritesItsReturnAlone() throws Exception {
        connect();
        segment.signalPost(0);
        long before = System.nanoTime();
        export.signalWait(5_000);
        long after = System.nanoTime();
        segment.signalPost(0);
        exporter.signalWaitPollFd(List.of(export.getPollFd()), 5_000);
        RsmException timeout = assertThrows(RsmException.class, () -> export.signalWait(0));
        assertEquals(RsmError.TIMEOUT, timeout.error());

        List<TraceEvent> waits = waitsOfNode(1);
        assertEquals(List.of(EventKind.SIGNAL_WAIT, EventKind.SIGNAL_WAIT_POLLFD, EventKind.SIGNAL_WAIT),
                waits.stream().map(TraceEvent::kind).toList(), "no beginnings: " + waits);
        TraceEvent returned = waits.get(0);
        assertEquals(1, returned.value() & 0xFFFF_FFFFL, "one event consumed");
        assertTrue(returned.exportSide());
        assertTrue(returned.time() >= before && returned.end() <= after, "the wait's span, from its start to its return");
        assertEquals(1, waits.get(1).value(), "one pollfd ready");
        assertEquals(RsmError.TIMEOUT.code(), waits.get(2).error(), "a zero timeout's TIMEOUT is recorded by the return");
    }

    @Test
    void aWaitThatSleepsWritesItsBeginningAtItsStart() throws Exception {
        connect();
        Thread poster = postLater(segment);
        export.signalWait(5_000);
        poster.join();
        PollFd fd = export.getPollFd();
        poster = postLater(segment);
        exporter.signalWaitPollFd(List.of(fd), 4_000);
        poster.join();

        List<TraceEvent> waits = waitsOfNode(1);
        assertEquals(List.of(EventKind.SIGNAL_WAIT_BEGIN, EventKind.SIGNAL_WAIT, EventKind.SIGNAL_WAIT_BEGIN,
                EventKind.SIGNAL_WAIT_POLLFD), waits.stream().map(TraceEvent::kind).toList());
        for (int i = 0; i < waits.size(); i += 2) {
            TraceEvent begin = waits.get(i);
            TraceEvent returned = waits.get(i + 1);
            assertEquals(returned.time(), begin.time(), "the beginning is at the wait's start");
            assertEquals(i == 0 ? 5_000 : 4_000, begin.value() & 0xFFFF_FFFFL, "the beginning's value is the timeout");
            assertEquals(returned.threadId(), begin.threadId());
            assertTrue(returned.duration() >= SLEEP_MILLIS * 1_000_000 / 2, "the wait slept: " + returned);
        }
        assertTrue(waits.get(0).exportSide());
    }
}
