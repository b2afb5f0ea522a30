// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rsmworkbench.core.inspect.RowChangeTracker;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * One background tick of the Segment Inspector on a 1 GiB segment whose visible rows change between ticks: read
 * the rows in sight, find those that look different, post them for the UI thread (the work off the UI thread at
 * every refresh, 10 times a second by default). Its cost must not grow with the segment: only a screen of rows is
 * read. The UI thread's part (replacing table items) needs SWT and is not measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class InspectorRefreshBenchmark {
    private static final long GIB = 1L << 30;
    /** Rows in sight on a full-screen editor. */
    private static final int VISIBLE_ROWS = 60;
    private static final int FADE_STEPS = 5;

    @Param({ "16", "64" })
    int bytesPerRow;

    EmulatedCluster cluster;
    MemorySegment memory;
    SegmentView view;
    SegmentRows rows;
    RowChangeTracker tracker;
    long tick;

    @Setup(Level.Trial)
    public void start() throws IOException, RsmException {
        cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
        RsmLibrary exporter = cluster.process(1, new Credentials(1, 1, Set.of(), 022, false));
        memory = exporter.allocate(GIB);
        int id = exporter.getController("emu0").createExportSegment(memory, 0).publish(0, List.of());
        view = cluster.view(1, id);
        rows = new SegmentRows(view, bytesPerRow);
        long middle = rows.rowCount() / 2;
        rows.setVisibleRows(middle, VISIBLE_ROWS);
        tracker = new RowChangeTracker(FADE_STEPS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        view.close();
        cluster.close();
    }

    /** A refresh that finds a changed long in every visible row (the worst case: every row is posted). */
    @Benchmark
    public Map<Long, SegmentRows.Row> refreshWithEveryRowChanged() {
        long first = rows.rowCount() / 2 * bytesPerRow;
        tick++;
        for (int row = 0; row < VISIBLE_ROWS; row++) {
            memory.set(ValueLayout.JAVA_LONG_UNALIGNED, first + (long) row * bytesPerRow, tick);
        }
        return refreshOnce();
    }

    /** A refresh of rows that did not change: reading and comparing only. */
    @Benchmark
    public Map<Long, SegmentRows.Row> refreshWithNothingChanged() {
        return refreshOnce();
    }

    private Map<Long, SegmentRows.Row> refreshOnce() {
        rows.refresh();
        long first = rows.rowCount() / 2 * bytesPerRow;
        Map<Long, SegmentRows.Row> changed = tracker.refreshed(tracker.generation(), rows.rows(), first,
                first + (long) VISIBLE_ROWS * bytesPerRow, VISIBLE_ROWS);
        tracker.post(changed);
        tracker.takePending();
        return changed;
    }
}
