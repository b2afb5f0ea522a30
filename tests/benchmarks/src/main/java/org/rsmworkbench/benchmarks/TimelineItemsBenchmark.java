// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * What the Timeline view pays to draw a recording of 10^6 events (4 threads, each 250 000 calls of 100 ns every 1 µs):
 * the items of every thread lane for a window 1200 pixels wide, the whole run and zoomed in by 10^3 and 10^5. The level
 * of detail (a binary search, busy runs merged) keeps this independent of the number of events; the functional test
 * of it (TimelineModelTest) checks the items, this measures their cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimelineItemsBenchmark {
    private static final int WIDTH = 1200;

    /** How much the window is zoomed in from the whole run. */
    @Param({ "1", "1e-3", "1e-5" })
    double zoom;

    TimelineModel model;
    TimeWindow window;
    int[] threadLanes;

    @Setup(Level.Trial)
    public void record() {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 250_000; i++) {
            for (int thread = 1; thread <= 4; thread++) {
                long time = 1_000L * i + thread * 10;
                events.add(new TraceEvent(time, 100, 1, 100, thread, "t" + thread, time,
                        i % 2 == 0 ? EventKind.PUT : EventKind.SIGNAL_POST, i % 100 == 7 ? 1 : 0, 1, 0x400100, 0, 8, 0, null,
                        PayloadForm.NONE, null));
            }
        }
        model = new TimelineModel(events, List.of(), 0, TimelineFilter.ALL);
        window = model.fullWindow().zoom(zoom, 125_000_000);
        threadLanes = IntStream.range(0, model.lanes().size())
                .filter(lane -> model.lanes().get(lane).level() == TimelineLane.Level.THREAD).toArray();
    }

    @Benchmark
    public int itemsOfEveryThreadLane() {
        int items = 0;
        for (int lane : threadLanes) {
            List<TimelineItem> drawn = model.items(lane, window, WIDTH);
            items += drawn.size();
        }
        return items;
    }
}
