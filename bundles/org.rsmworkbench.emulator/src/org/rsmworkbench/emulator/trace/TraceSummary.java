// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What {@code rsm-trace summary} prints: events per kind and node, the errors, the busiest call sites. */
public final class TraceSummary {
    /** How many call sites the summary lists. */
    public static final int TOP_SITES = 10;

    private TraceSummary() {
    }

    public static void print(Recording recording, PrintStream out) {
        var events = recording.events();
        long span = events.isEmpty() ? 0 : events.getLast().end() - events.getFirst().time();
        out.printf("recording %s: %d events (numbered 0 to %d in time order) of %d processes over %.3f ms%s%n",
                recording.directory(), events.size(), events.size() - 1,
                recording.logs().size(), span / 1e6,
                recording.droppedEvents() > 0 ? ", " + recording.droppedEvents() + " events dropped (the size limit)" : "");
        List<LogLimit> limits = recording.logLimits();
        if (!limits.isEmpty()) {
            out.println();
            out.println("logs that met their size limit:");
            limits.forEach(limit -> out.println("  " + limit.summary()));
            limits.stream().map(LogLimit::advice).distinct()
                    .forEach(advice -> out.println("  " + advice));
        }
        Map<Integer, Map<EventKind, Long>> byNode = events.stream().collect(Collectors.groupingBy(TraceEvent::node, TreeMap::new,
                Collectors.groupingBy(TraceEvent::kind, TreeMap::new, Collectors.counting())));
        out.println();
        out.println("events per kind and node:");
        out.printf("  %-28s%s%n", "kind", byNode.keySet().stream().map(n -> String.format("%10s", n == TraceEvent.LAUNCHER ? "launcher" : "node " + n))
                .collect(Collectors.joining()));
        for (EventKind kind : EventKind.values()) {
            if (byNode.values().stream().anyMatch(counts -> counts.containsKey(kind))) {
                out.printf("  %-28s%s%n", kind.label(), byNode.values().stream()
                        .map(counts -> String.format("%10d", counts.getOrDefault(kind, 0L))).collect(Collectors.joining()));
            }
        }
        out.println();
        // per error: how many, and the number of the first (as export --format csv and segment --at number events)
        Map<String, long[]> errors = new TreeMap<>();
        for (int n = 0; n < events.size(); n++) {
            TraceEvent e = events.get(n);
            if (e.failed()) {
                int number = n;
                errors.computeIfAbsent(TraceExport.errorName(e.error()) + " in " + e.kind().label() + " (" + TraceEvent.recorder(e.node()) + ")",
                        _ -> new long[] { 0, number })[0]++;
            }
        }
        out.println(errors.isEmpty() ? "errors: none" : "errors (the first: its event number, as export --format csv numbers events):");
        errors.forEach((error, countAndFirst) -> out.printf("  %6d  %s, first: event %d%n", countAndFirst[0], error,
                countAndFirst[1]));
        out.println();
        Map<String, Long> sites = events.stream().filter(e -> e.site() != null)
                .collect(Collectors.groupingBy(e -> e.site().toString(), Collectors.counting()));
        out.println(sites.isEmpty() ? "call sites: none recorded" : "top call sites:");
        sites.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(TOP_SITES)
                .forEach(site -> out.printf("  %6d  %s%n", site.getValue(), site.getKey()));
    }
}
