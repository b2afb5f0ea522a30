// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the log of one process met its size limit ({@link RecordingSettings#limitBytes()}): a log that stops kept its
 * first events and counted the later ones as dropped; a ring kept its last events and overwrote the oldest. A log whose
 * file system filled up stops as well. The node's console line when it happens, the Timeline's marker and description
 * line, and {@code rsm-trace summary} all say it in the words of this class.
 *
 * @param node the node of the process ({@link TraceEvent#LAUNCHER}: the launcher)
 * @param limitBytes the size limit of the log
 * @param ring whether the log is a ring (else it stops)
 * @param limitReached whether the log used every chunk its limit allows (else its file system was full)
 * @param droppedEvents the events not recorded
 * @param overwritten whether a ring overwrote its oldest events
 * @param completeFrom from when the log holds every event of its process (CLOCK_MONOTONIC; Long.MIN_VALUE unless a
 *        ring overwrote events): every event it lacks took effect before
 * @param completeUntil until when the log holds every event of its process (Long.MAX_VALUE unless it dropped events):
 *        no event it dropped took effect before
 */
public record LogLimit(int node, long pid, long limitBytes, boolean ring, boolean limitReached, long droppedEvents,
        boolean overwritten, long completeFrom, long completeUntil) {

    /** What to do about a log that stopped: on the launch's Recording tab, or on rsm-launch's command line. */
    public static final String STOP_ADVICE = "Raise \"Log per process\" or choose \"keep the last events (ring)\" on the launch's"
            + " Recording tab (rsm-launch: --record-limit SIZE, --record-at-limit ring).";
    /** What to do about a ring that overwrote events the user wants. */
    public static final String RING_ADVICE = "Raise \"Log per process\" on the launch's Recording tab (rsm-launch: --record-limit SIZE).";

    /** What to do about a log whose file system was full. */
    public static final String SPACE_ADVICE = "Free space where the recording is kept, or keep it elsewhere (the launch's"
            + " Recording tab; rsm-launch: --record DIR).";

    private static final long MIB = 1L << 20;

    /** How {@code log} met its limit ({@link EventColumns#limit()} finds the span where it holds every event). */
    static LogLimit of(EventColumns log, long completeFrom, long completeUntil) {
        return new LogLimit(log.node(), log.pid(), log.limitBytes(), log.ring(), log.limitReached(), log.droppedEvents(),
                log.overwritten(), completeFrom, completeUntil);
    }

    /**
     * The span of a recording where the logs of its nodes hold all their events: from the latest
     * {@link #completeFrom()} to the earliest {@link #completeUntil()} of those that met their limit (the whole run
     * when none did). The launcher's log is left out: it holds no signal, no access, nothing a gap would mislink.
     */
    public record Complete(long from, long until) {
        public static Complete of(List<LogLimit> limits) {
            List<LogLimit> nodes = ofNodes(limits);
            return new Complete(nodes.stream().mapToLong(LogLimit::completeFrom).max().orElse(Long.MIN_VALUE),
                    nodes.stream().mapToLong(LogLimit::completeUntil).min().orElse(Long.MAX_VALUE));
        }

        public boolean contains(long time) {
            return time >= from && time <= until;
        }
    }

    /** Those of {@code limits} that are of nodes' logs, not of the launcher's ({@link Complete}). */
    private static List<LogLimit> ofNodes(List<LogLimit> limits) {
        return limits.stream().filter(limit -> limit.node() != TraceEvent.LAUNCHER).toList();
    }

    /** Whether events after {@link #completeUntil()} were not recorded (else the oldest ones were overwritten). */
    public boolean stopped() {
        return droppedEvents > 0;
    }

    /** Where the recording of the process has its gap: where a stopped log ends, or where a ring holds every event from. */
    public long time() {
        return stopped() ? completeUntil : completeFrom;
    }

    /**
     * Where race detection did not check accesses because logs of nodes (of {@code limits}: the launcher's does not
     * count, see {@link Complete}) met their limit, {@code origin} the run's start: a first line that says where, then
     * one per log with its {@link #summary()} and {@link #advice()}. E.g. {@code accesses before 3.2 s not checked: 1
     * log met its size limit}, {@code node 1 (pid 4711): its oldest events overwritten (a ring of 64 MiB). Raise "Log
     * per process" ...}. None when no log of a node did.
     */
    public static List<String> unchecked(List<LogLimit> limits, long origin) {
        List<LogLimit> nodeLimits = ofNodes(limits);
        if (nodeLimits.isEmpty()) {
            return List.of();
        }
        Complete checked = Complete.of(nodeLimits);
        boolean overwritten = nodeLimits.stream().anyMatch(LogLimit::overwritten);
        boolean stopped = nodeLimits.stream().anyMatch(LogLimit::stopped);
        String before = overwritten ? "before " + elapsed(since(checked.from(), origin)) : null;
        String after = stopped ? "after " + elapsed(since(checked.until(), origin)) : null;
        String logs = nodeLimits.size() == 1 ? "1 log met its" : nodeLimits.size() + " logs met their";
        List<String> lines = new ArrayList<>();
        lines.add("accesses " + (before == null ? after : after == null ? before : before + " and " + after) + " not checked: "
                + logs + " size limit");
        nodeLimits.forEach(limit -> lines.add(limit.summary() + ". " + limit.advice()));
        return List.copyOf(lines);
    }

    /** {@code time - origin}, 0 for a bound no event gave (Long.MIN_VALUE or Long.MAX_VALUE). */
    private static long since(long time, long origin) {
        return time == Long.MIN_VALUE || time == Long.MAX_VALUE ? 0 : time - origin;
    }

    /** One line: {@code node 1 (pid 4711): 12,345 events not recorded (log full at 256 MiB)}. */
    public String summary() {
        return process(node, pid) + ": " + (stopped()
                ? String.format(Locale.ROOT, "%,d events not recorded (%s)", droppedEvents, why(limitReached, limitBytes))
                : "its oldest events overwritten (a ring of " + size(limitBytes) + ")");
    }

    /** What happened at {@link #time()}, {@code at} saying when, and what to do: a marker's hover text. */
    public String explanation(String at) {
        if (stopped()) {
            return String.format(Locale.ROOT, "The recording of %s stopped here, at %s (%s): its %,d later RSM calls are not"
                    + " recorded.%n%s", process(node, pid), at, why(limitReached, limitBytes), droppedEvents, advice());
        }
        return "The log of " + process(node, pid) + " is a ring of " + size(limitBytes)
                + ": it keeps the last events, all of them from here (" + at + "); before, some were overwritten."
                + System.lineSeparator() + advice();
    }

    /**
     * The line a process prints on its console once, when its log meets its limit.
     *
     * @param sinceStart how long after the log was made
     */
    public static String consoleLine(int node, long pid, long limitBytes, boolean ring, boolean limitReached, long sinceStart) {
        String at = " at " + elapsed(sinceStart);
        String notRecorded = "later RSM calls of this process are not recorded.";
        String what = !limitReached ? "the recording stopped" + at + ": " + why(false, limitBytes) + "; " + notRecorded
                : "the recording reached its " + size(limitBytes) + " limit" + at + "; "
                        + (ring ? "from now on its oldest events are overwritten (a ring)." : notRecorded);
        return "[rsm] " + process(node, pid) + ": " + what + " " + advice(ring, limitReached);
    }

    /** What to do about this log. */
    public String advice() {
        return advice(ring && !stopped(), limitReached);
    }

    private static String advice(boolean ring, boolean limitReached) {
        return !limitReached ? SPACE_ADVICE : ring ? RING_ADVICE : STOP_ADVICE;
    }

    private static String why(boolean limitReached, long limitBytes) {
        return limitReached ? "log full at " + size(limitBytes) : "no space left for the log on its file system";
    }

    private static String process(int node, long pid) {
        return TraceEvent.recorder(node) + " (pid " + pid + ")";
    }

    /** A size as the Recording tab and {@code --record-limit} give it: {@code 256 MiB}, {@code 1536 KiB}. */
    static String size(long bytes) {
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** A time since a start, as a person reads it: {@code 850 ms}, {@code 12.5 s}, {@code 3 min 12 s}, {@code 1 h 5 min}. */
    static String elapsed(long nanos) {
        long millis = Math.max(0, nanos) / 1_000_000;
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1e3);
        }
        long seconds = millis / 1_000;
        if (seconds < 3_600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
    }
}
