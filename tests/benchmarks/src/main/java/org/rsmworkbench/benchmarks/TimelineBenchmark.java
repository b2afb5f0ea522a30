// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * What the Timeline view asks its model at every redraw of a 10^6-event recording: the items of every lane and the
 * arrows, for a 1200-pixel plot, zoomed out (the whole run: busy runs found by binary search) and zoomed in (100 µs:
 * spans one by one). The budget is 16 ms of UI-thread time per redraw, painting included; the view's own paint
 * time is measured by the UI test TimelineViewTest under Xvfb.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TimelineBenchmark {
    private static final int WIDTH = 1200;
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 250_000;

    /** The window shown: {@code all} (zoomed out) or {@code 100us} around the middle of the run (zoomed in). */
    @Param({ "all", "100us" })
    String zoom;

    TimelineModel model;
    TimeWindow window;

    @Setup(Level.Trial)
    public void build() {
        List<TraceEvent> events = new ArrayList<>(THREADS * CALLS_PER_THREAD);
        // 4 threads, each a call of 100 ns every µs, one in 100 failing: a busy run
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            for (int thread = 1; thread <= THREADS; thread++) {
                events.add(new TraceEvent(1_000L * i + thread * 10, 100, 1, 100, thread, "t" + thread, (long) i * THREADS + thread,
                        i % 2 == 0 ? EventKind.PUT : EventKind.SIGNAL_POST, i % 100 == 7 ? 1 : 0, 1, 0x400100, 0, 8, 0, null,
                        PayloadForm.NONE, null));
            }
        }
        model = new TimelineModel(events, List.of(), 0, TimelineFilter.ALL);
        long middle = 1_000L * CALLS_PER_THREAD / 2;
        window = zoom.equals("all") ? model.fullWindow() : new TimeWindow(middle - 50_000, middle + 50_000);
    }

    /** Every lane's items and the arrows: the model's part of one redraw. */
    @Benchmark
    public void redrawQueries(Blackhole sink) {
        for (int lane = 0; lane < model.lanes().size(); lane++) {
            sink.consume(model.items(lane, window, WIDTH));
        }
        sink.consume(model.arrows(window, WIDTH));
    }
}
