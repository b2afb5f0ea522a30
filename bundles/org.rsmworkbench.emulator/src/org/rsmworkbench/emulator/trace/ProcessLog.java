// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The event log of one process of a recording, read once: its events, in the order of their sequence numbers.
 * A log still being written can be read: what is committed at that moment is read.
 *
 * @param node the node of the process ({@link TraceEvent#LAUNCHER}: the launcher)
 * @param label what the process ran (its main class)
 * @param startNanos when the log was made (CLOCK_MONOTONIC)
 * @param startEpochMillis the same instant by the wall clock
 * @param droppedEvents events not recorded because the log was full
 * @param ring whether the log reuses its oldest chunks at the size limit (then older events may be gone)
 * @param limit how the log met its size limit, or null when it holds every event of the process
 * @param damage what the log lost to damage ({@link EventColumns#damage()})
 */
public record ProcessLog(Path file, int node, long pid, String label, long startNanos, long startEpochMillis,
        long droppedEvents, boolean ring, List<TraceEvent> events, LogLimit limit, List<String> damage) {

    /** Reads the log in {@code file}; an IOException says what is wrong with a file that is not a log. */
    public static ProcessLog read(Path file) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            EventColumns columns = EventColumns.read(file, arena);
            List<TraceEvent> events = new ArrayList<>(columns.size());
            try {
                for (int row = 0; row < columns.size(); row++) {
                    events.add(columns.event(row)); // its payload copied from the mapped log
                }
            } catch (UncheckedIOException shrank) {
                throw shrank.getCause();
            }
            events.sort(Comparator.comparingLong(TraceEvent::sequence));
            return new ProcessLog(file, columns.node(), columns.pid(), columns.label(), columns.startNanos(),
                    columns.startEpochMillis(), columns.droppedEvents(), columns.ring(), List.copyOf(events), columns.limit(),
                    columns.damage());
        }
    }
}
