// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.tests.support.HeapUse;

/**
 * The Timeline's memory and following (issue 16): one log of EVENTS events (80 % puts and gets of 8 bytes, 10 % signal
 * posts, 10 % waits), written by this JVM. Prints the heap the model read as columns keeps per event (after full
 * collections), the time of a follow read of about 2,000 appended events (a 64 KiB chunk), and the model's part of a
 * redraw zoomed out (items of every lane and the arrows, 1200 px). With {@code --capacity} it follows a log that grows
 * by EVENTS events a read until the heap is full instead (run it with {@code -Xmx2g}, the IDE's heap).
 * {@code java -Xmx2g -cp tests/benchmarks/target/benchmarks.jar org.rsmworkbench.benchmarks.TimelineFollowHarness [EVENTS] [--capacity]}
 */
public final class TimelineFollowHarness {
    private static final int APPENDED = 2_000;
    private static final int WIDTH = 1200;

    private TimelineFollowHarness() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean capacity = Arrays.asList(args).contains("--capacity");
        Path folder = Files.createTempDirectory("rsm-timeline-harness");
        try (TraceLog log = TraceLog.create(folder.resolve("node1-100" + Recording.LOG_SUFFIX), 1, 100, "harness",
                new RecordingSettings(folder, 8L << 30, RecordingSettings.AtLimit.STOP, RecordingSettings.CallSites.CONTROL, false))) {
            if (capacity) {
                capacity(folder, log, events);
            } else {
                measure(folder, log, events);
            }
        } finally {
            TempFolders.remove(folder);
        }
    }

    private static void measure(Path folder, TraceLog log, int events) throws Exception {
        write(log, 0, events);
        long before = HeapUse.afterCollection();
        long began = System.nanoTime();
        TimelineModel model = TimelineModel.open(folder);
        long openMillis = (System.nanoTime() - began) / 1_000_000;
        long held = HeapUse.afterCollection() - before;
        System.out.printf("%d events read as columns in %d ms: %d B per event held (%d MB)%n", model.events(), openMillis,
                held / events, held >> 20);
        for (int round = 0; round < 5; round++) {
            write(log, events + round * APPENDED, events + (round + 1) * APPENDED);
            began = System.nanoTime();
            model = model.refresh();
            System.out.printf("follow read of %d appended events: %.1f ms%n", APPENDED, (System.nanoTime() - began) / 1e6);
        }
        TimeWindow all = model.fullWindow();
        long[] nanos = new long[300];
        for (int round = 0; round < nanos.length; round++) {
            began = System.nanoTime();
            for (int lane = 0; lane < model.lanes().size(); lane++) {
                Reference.reachabilityFence(model.items(lane, all, WIDTH));
            }
            Reference.reachabilityFence(model.arrows(all, WIDTH));
            nanos[round] = System.nanoTime() - began;
        }
        Arrays.sort(nanos, 100, nanos.length); // the first 100 warm up
        System.out.printf("redraw queries zoomed out: median %.3f ms, p90 %.3f ms%n", nanos[200] / 1e6, nanos[280] / 1e6);
    }

    private static void capacity(Path folder, TraceLog log, int step) throws Exception {
        TimelineModel model = TimelineModel.open(folder);
        try {
            for (int written = 0;; written += step) {
                write(log, written, written + step);
                long began = System.nanoTime();
                model = model.refresh();
                System.out.printf("%d events followed (read of %d appended: %d ms), heap used %d MB%n", model.events(), step,
                        (System.nanoTime() - began) / 1_000_000, HeapUse.afterCollection() >> 20);
            }
        } catch (OutOfMemoryError full) {
            int followed = model.events();
            model = null; // garbage again: room to print
            System.out.printf("out of memory reading the next %d events after %d followed%n", step, followed);
        }
    }

    private static void write(TraceLog log, int from, int to) {
        MemorySegment bytes = MemorySegment.ofArray(new long[1]);
        for (int i = from; i < to; i++) {
            switch (i % 10) {
                case 0 -> log.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, 1, 7, 0);
                case 1 -> log.call(EventKind.SIGNAL_WAIT, System.nanoTime(), 0, 1, 7, 1 | TraceEvent.EXPORT_SIDE);
                default -> log.transfer(i % 2 == 0 ? EventKind.PUT : EventKind.GET, System.nanoTime(), 0, 1, 7, 8 * (i % 512), 8, 0,
                        bytes, i % 2 == 0 ? PayloadForm.BYTES : PayloadForm.DIGEST);
            }
        }
    }
}
