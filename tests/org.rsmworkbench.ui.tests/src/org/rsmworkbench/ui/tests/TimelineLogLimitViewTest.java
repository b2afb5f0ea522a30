// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.RecordingSettings.AtLimit;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.ui.internal.timeline.TimelineView;

/**
 * The Timeline view over a recording whose node 1 log filled up: the process lane has a red "log full" end cap where
 * the recording stopped, hovering it says what happened and what to do, and the description line says how many events
 * were not recorded.
 */
class TimelineLogLimitViewTest {
    /** The colour of errors in the view, which the end cap has. */
    private static final RGB RED = new RGB(219, 50, 54);
    @TempDir
    Path directory;
    private TimelineView view;

    @AfterEach
    void close() {
        if (view != null) {
            Ui.page().hideView(view);
        }
    }

    private static void record(Path folder, int node, long pid, int puts) throws IOException {
        RecordingSettings settings = new RecordingSettings(folder, 1 << 20, AtLimit.STOP, RecordingSettings.CallSites.NONE, false);
        try (TraceLog log = TraceLog.create(folder.resolve("node" + node + "-" + pid + Recording.LOG_SUFFIX), node, pid, "limited",
                settings)) {
            for (int i = 0; i < puts; i++) {
                log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, 8 * (i % 64), 8, 0, MemorySegment.ofArray(new long[] { i }),
                        PayloadForm.BYTES);
            }
        }
    }

    @Test
    void aFullLogHasAnEndCapWithAHoverAndTheDescriptionLineSaysHowManyEventsWereNotRecorded() throws Exception {
        Path folder = Files.createDirectories(directory.resolve("full.rsmtrace"));
        record(folder, 2, 200, 100);
        record(folder, 1, 100, 40_000); // more than the 15 chunks of 1 MiB hold
        view = (TimelineView) Ui.page().showView(TimelineView.ID);
        Ui.page().setPartState(Ui.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        view.open(folder);
        Ui.spin(100);

        LogLimit limit = view.model().logLimits().getFirst();
        assertTrue(view.description().endsWith(String.format(Locale.ROOT,
                " · node 1 (pid 100): %,d events not recorded (log full at 1 MiB)", limit.droppedEvents())), view.description());

        int lane = view.model().lanes().indexOf(new TimelineLane(TimelineLane.Level.PROCESS, 1, 100, 0, "pid 100"));
        int plotWidth = view.canvas().getClientArea().width - TimelineView.LABEL_WIDTH;
        int x = TimelineView.LABEL_WIDTH + (int) Math.floor(view.window().xOf(limit.completeUntil(), plotWidth));
        int y = TimelineView.RULER_HEIGHT + (lane - view.topLane()) * TimelineView.ROW_HEIGHT + TimelineView.ROW_HEIGHT / 2;
        assertNotNull(view.logLimitAt(x, y), "the marker at " + x + "," + y);

        Event move = new Event();
        move.x = x;
        move.y = y;
        view.canvas().notifyListeners(SWT.MouseMove, move);
        String tip = view.canvas().getToolTipText();
        assertNotNull(tip, "a hover text");
        assertTrue(tip.startsWith("The recording of node 1 (pid 100) stopped here, at ") && tip.endsWith(LogLimit.STOP_ADVICE), tip);

        Path png = directory.resolve("timeline.png");
        view.exportPng(png);
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertEquals(RED, image.palette.getRGB(image.getPixel(x, y)), "the end cap is drawn");
    }
}
