// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.util.Arrays;
import java.util.List;

import java.nio.charset.StandardCharsets;

import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The events of a timeline by number (an id, from 0, in the order they were read), field by field: the timeline keeps
 * arrays of ids, and makes a {@link TraceEvent} only of what it draws, finds or shows ({@link #event}). Immutable (a
 * snapshot: more events read later come in another instance); safe to read from several threads.
 */
abstract class TimelineEvents {
    abstract int size();

    abstract long time(int id);

    abstract long duration(int id);

    final long end(int id) {
        return time(id) + duration(id);
    }

    abstract EventKind kind(int id);

    abstract int error(int id);

    abstract int node(int id);

    abstract long pid(int id);

    abstract long threadId(int id);

    abstract long sequence(int id);

    abstract int segmentNode(int id);

    abstract int segmentId(int id);

    abstract String threadName(int id);

    abstract CallSite site(int id);

    /** {@link TraceEvent#value()}: read without the payload, which {@link #event} copies from the mapped log. */
    abstract long value(int id);

    /** {@link TraceEvent#text()}: the payload of a text event, made a string (few events are). */
    abstract String text(int id);

    /** The event as an object: made anew each call from the columns, the same object from a list. */
    abstract TraceEvent event(int id);

    /** The id of the event of process {@code pid} numbered {@code sequence}, or -1. */
    abstract int find(long pid, long sequence);

    /** The order of {@code Recording#events()}: by time, then process and sequence number. */
    final int compare(int a, int b) {
        int order = Long.compare(time(a), time(b));
        if (order == 0) {
            order = Long.compare(pid(a), pid(b));
        }
        return order != 0 ? order : Long.compare(sequence(a), sequence(b));
    }

    /** Whether {@code id} is the event {@code like} names (by process and sequence number). */
    final boolean is(int id, TraceEvent like) {
        return pid(id) == like.pid() && sequence(id) == like.sequence();
    }

    /** Events of a list (in time order), the objects themselves: tests, benchmarks, a recording read whole. */
    static final class Listed extends TimelineEvents {
        private final List<TraceEvent> events;

        Listed(List<TraceEvent> events) {
            this.events = events;
        }

        @Override
        int size() {
            return events.size();
        }

        @Override
        long time(int id) {
            return events.get(id).time();
        }

        @Override
        long duration(int id) {
            return events.get(id).duration();
        }

        @Override
        EventKind kind(int id) {
            return events.get(id).kind();
        }

        @Override
        int error(int id) {
            return events.get(id).error();
        }

        @Override
        int node(int id) {
            return events.get(id).node();
        }

        @Override
        long pid(int id) {
            return events.get(id).pid();
        }

        @Override
        long threadId(int id) {
            return events.get(id).threadId();
        }

        @Override
        long sequence(int id) {
            return events.get(id).sequence();
        }

        @Override
        int segmentNode(int id) {
            return events.get(id).segmentNode();
        }

        @Override
        int segmentId(int id) {
            return events.get(id).segmentId();
        }

        @Override
        String threadName(int id) {
            return events.get(id).threadName();
        }

        @Override
        CallSite site(int id) {
            return events.get(id).site();
        }

        @Override
        long value(int id) {
            return events.get(id).value();
        }

        @Override
        String text(int id) {
            return events.get(id).text();
        }

        @Override
        TraceEvent event(int id) {
            return events.get(id);
        }

        @Override
        int find(long pid, long sequence) {
            for (int id = 0; id < events.size(); id++) {
                if (events.get(id).pid() == pid && events.get(id).sequence() == sequence) {
                    return id;
                }
            }
            return -1;
        }
    }

    /**
     * Events in the columns of process logs ({@link EventColumns}), numbered in runs: each read of a log adds a run of
     * its new rows (a run has at least one), numbered after every event read before (so that a number never changes while
     * a recording grows).
     */
    static final class Columns extends TimelineEvents {
        private final EventColumns[] logs;
        private final int runs;
        /** Per run: its first id, its log, the row of its first id. */
        private final int[] runFirstId;
        private final int[] runLog;
        private final int[] runFirstRow;
        private final int size;
        /** The run of the last id looked up: ids are mostly looked up in order. Any value is a valid run. */
        private int lastRun;

        Columns(EventColumns[] logs, int runs, int[] runFirstId, int[] runLog, int[] runFirstRow, int size) {
            this.logs = logs;
            this.runs = runs;
            this.runFirstId = runFirstId;
            this.runLog = runLog;
            this.runFirstRow = runFirstRow;
            this.size = size;
        }

        private int run(int id) {
            int run = lastRun;
            if (run < runs && runFirstId[run] <= id && (run + 1 == runs || id < runFirstId[run + 1])) {
                return run;
            }
            int found = Arrays.binarySearch(runFirstId, 0, runs, id);
            run = found >= 0 ? found : -found - 2;
            lastRun = run;
            return run;
        }

        private EventColumns log(int id) {
            return logs[runLog[run(id)]];
        }

        private int row(int id) {
            int run = run(id);
            return runFirstRow[run] + id - runFirstId[run];
        }

        @Override
        int size() {
            return size;
        }

        @Override
        long time(int id) {
            return log(id).time(row(id));
        }

        @Override
        long duration(int id) {
            return log(id).duration(row(id));
        }

        @Override
        EventKind kind(int id) {
            return log(id).kind(row(id));
        }

        @Override
        int error(int id) {
            return log(id).error(row(id));
        }

        @Override
        int node(int id) {
            return log(id).node();
        }

        @Override
        long pid(int id) {
            return log(id).pid();
        }

        @Override
        long threadId(int id) {
            return log(id).threadId(row(id));
        }

        @Override
        long sequence(int id) {
            return log(id).sequence(row(id));
        }

        @Override
        int segmentNode(int id) {
            return log(id).segmentNode(row(id));
        }

        @Override
        int segmentId(int id) {
            return log(id).segmentId(row(id));
        }

        @Override
        String threadName(int id) {
            return log(id).threadName(row(id));
        }

        @Override
        CallSite site(int id) {
            return log(id).site(row(id));
        }

        @Override
        long value(int id) {
            return log(id).value(row(id));
        }

        @Override
        String text(int id) {
            EventColumns log = log(id);
            int row = row(id);
            return log.payloadForm(row) == PayloadForm.TEXT ? new String(log.payload(row), StandardCharsets.UTF_8) : null;
        }

        @Override
        TraceEvent event(int id) {
            return log(id).event(row(id));
        }

        @Override
        int find(long pid, long sequence) {
            for (int run = 0; run < runs; run++) {
                EventColumns log = logs[runLog[run]];
                if (log.pid() != pid) {
                    continue;
                }
                int rows = (run + 1 < runs ? runFirstId[run + 1] : size) - runFirstId[run];
                for (int row = runFirstRow[run]; row < runFirstRow[run] + rows; row++) {
                    if (log.sequence(row) == sequence) {
                        return runFirstId[run] + row - runFirstRow[run];
                    }
                }
            }
            return -1;
        }
    }
}
