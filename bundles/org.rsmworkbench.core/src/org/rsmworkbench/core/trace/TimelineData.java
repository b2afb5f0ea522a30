// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.FlowLinker;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * What a timeline shows of a recording, whatever its filter: the events ({@link TimelineEvents}), the causal links
 * between them as arrays of ids, and what the view's menus and title need (the end, the nodes, processes, segments
 * and kinds). Read from a recording folder as columns, it reads again only what its logs added since ({@link #refresh}),
 * and gives each time an immutable {@link Snapshot} that shares its arrays with the snapshots before (rows and links are
 * only ever added past their ends). Its methods run one at a time (synchronized): one thread follows a recording.
 */
final class TimelineData {
    /**
     * How old an event must be before it is linked while the run goes on: each process commits a call to its log when
     * the call returns, so a link's cause may be read after its effect; 2 s leaves every process time to commit.
     */
    static final long FLOW_DELAY_NANOS = 2_000_000_000L;
    /** How many events are made objects at once to find their links. */
    private static final int FLOW_SLICE = 1 << 16;

    /**
     * What a timeline shows of a recording at one moment: immutable.
     *
     * @param links how many links the arrays hold (they may be longer)
     * @param linkKind the {@link Flow.Kind} ordinal of each link
     * @param first when the first event began (the origin when there is none)
     * @param running whether a node process the launcher started has not ended yet, as far as the recording tells
     * @param limits how the logs that met their size limit met it
     * @param exits the id of the recorded end ({@link EventKind#PROCESS_EXIT}) of each node process whose end says its
     *        pid
     */
    record Snapshot(TimelineEvents events, int links, int[] linkFrom, int[] linkTo, byte[] linkKind, long origin, long first, long end,
            boolean running, Set<Integer> nodes, Set<Long> pids, Set<String> segments, Set<EventKind> kinds, List<LogLimit> limits,
            Map<NodeProcess, Integer> exits) {

        /** When {@code process} ended, or {@code otherwise} when its end is not recorded. */
        long endOf(NodeProcess process, long otherwise) {
            Integer exit = exits.get(process);
            return exit == null ? otherwise : events.time(exit);
        }
    }

    /**
     * A node process: by node and pid, since node JVMs on different hosts may have the same pid (a launch across hosts).
     */
    record NodeProcess(int node, long pid) {
    }

    /** An event given to the {@link FlowLinker}, with its id. */
    private record Candidate(int id, TraceEvent event) {
    }

    private final Path folder;
    /** The logs' mappings live as long as a snapshot that reads them (payloads are read from the mapped files). */
    private final Arena arena = Arena.ofAuto();
    private final Map<Path, Integer> logIndex = new HashMap<>();
    private final List<EventColumns.Reader> readers = new ArrayList<>();
    private final List<EventColumns> logs = new ArrayList<>();
    private List<String> warnings = List.of();
    /** The limits of a list of events' recording (a folder's are its logs'). */
    private List<LogLimit> listedLimits = List.of();
    private int runs;
    private int[] runFirstId = new int[16];
    private int[] runLog = new int[16];
    private int[] runFirstRow = new int[16];
    private int size;
    private TimelineEvents events;
    private Snapshot latest;

    private int links;
    /** Whether the run went on at the last read (links are cut to size when it is over); the first read is as if it did. */
    private boolean runWentOn = true;
    private int[] linkFrom = new int[16];
    private int[] linkTo = new int[16];
    private byte[] linkKind = new byte[16];
    private final FlowLinker<Candidate> linker = new FlowLinker<>(Candidate::event, (kind, from, to) -> link(from.id, to.id, kind));
    /** The ids of events not yet given to the linker (not yet {@link #FLOW_DELAY_NANOS} old). */
    private int[] pendingCausal = new int[0];
    private int[] pendingData = new int[0];

    /** The time zero: the earliest start of a log (columns) or the one given (a list). */
    private long origin = Long.MAX_VALUE;
    private long first = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private final Map<Integer, Integer> startedNotEnded = new HashMap<>();
    private final Map<NodeProcess, Integer> exits = new HashMap<>();
    private final Set<Integer> nodes = new TreeSet<>();
    private final Set<Long> pids = new TreeSet<>();
    private final Set<String> segments = new TreeSet<>();
    private final Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    /** The segment of the event before (most events are about the segment of the one before): its name is not made again. */
    private long lastSegmentKey = -1;

    private TimelineData(Path folder) {
        this.folder = folder;
    }

    /** The events of a list (in time order) and the links between them. */
    static Snapshot of(List<TraceEvent> events, List<Flow> flows, long origin, List<LogLimit> limits) {
        TimelineData data = new TimelineData(null);
        data.listedLimits = List.copyOf(limits);
        data.events = new TimelineEvents.Listed(events);
        data.size = events.size();
        data.origin = origin;
        for (int id = 0; id < events.size(); id++) {
            data.count(id);
        }
        Map<TraceEvent, Integer> ids = new IdentityHashMap<>();
        for (int id = 0; id < events.size(); id++) {
            ids.put(events.get(id), id);
        }
        for (Flow flow : flows) {
            Integer from = ids.get(flow.from());
            Integer to = ids.get(flow.to());
            if (from != null && to != null) {
                data.link(from, to, flow.kind());
            }
        }
        return data.snapshot(Long.MAX_VALUE);
    }

    /**
     * The recording in {@code folder}, read as columns; {@link #refresh} reads what its logs add later.
     *
     * @throws IOException when it is not a recording folder or a log cannot be read
     */
    static TimelineData open(Path folder) throws IOException {
        TimelineData data = new TimelineData(folder);
        data.read(true);
        return data;
    }

    /** The recording folder. */
    Path folder() {
        return folder;
    }

    /** What the last read must tell the user ({@link Recording#warnings()}): logs not read, what damaged logs lost. */
    synchronized List<String> warnings() {
        return warnings;
    }

    /** The recording as read last. */
    synchronized Snapshot latest() {
        return latest;
    }

    /**
     * Reads what the logs of the recording added since the last read (new records, new chunks, new logs) and links
     * the events old enough.
     *
     * @throws IOException when the recording cannot be read any more, or a log is a ring that reused chunks read before
     *         (its oldest events are gone: the recording must be opened again)
     */
    synchronized Snapshot refresh() throws IOException {
        return read(false);
    }

    private Snapshot read(boolean first) throws IOException {
        long began = System.nanoTime();
        Recording.LogListing listing = Recording.listLogs(folder);
        List<String> told = new ArrayList<>(listing.skipped());
        for (Path file : listing.logs()) {
            if (!logIndex.containsKey(file)) {
                try {
                    readers.add(EventColumns.reader(file, arena));
                } catch (IOException e) {
                    if (first) {
                        throw e;
                    }
                    continue; // a process's log still being created: read at the next refresh
                }
                logIndex.put(file, logs.size());
                logs.add(null);
            }
        }
        for (int log = 0; log < readers.size(); log++) {
            EventColumns columns = readers.get(log).read();
            int known = logs.get(log) == null ? 0 : logs.get(log).size();
            if (logs.get(log) == null) {
                origin = Math.min(origin, columns.startNanos());
            }
            logs.set(log, columns);
            told.addAll(columns.damage());
            if (columns.size() > known) {
                addRun(log, known, columns.size() - known);
            }
        }
        warnings = List.copyOf(told);
        int before = events == null ? 0 : events.size();
        events = new TimelineEvents.Columns(logs.toArray(EventColumns[]::new), runs, runFirstId, runLog, runFirstRow, size);
        for (int id = before; id < size; id++) {
            count(id);
        }
        return snapshot(began);
    }

    /**
     * Cuts the links to what they hold when the run is over: while it goes on they grow by half again in advance (the
     * events' columns grow by blocks, {@link EventColumns}); not at each read of a recording read on while nothing runs.
     */
    private void cutToSize() {
        linkFrom = Arrays.copyOf(linkFrom, links);
        linkTo = Arrays.copyOf(linkTo, links);
        linkKind = Arrays.copyOf(linkKind, links);
    }

    private void addRun(int log, int firstRow, int rows) {
        if (runs == runFirstId.length) {
            runFirstId = Arrays.copyOf(runFirstId, runs * 2);
            runLog = Arrays.copyOf(runLog, runs * 2);
            runFirstRow = Arrays.copyOf(runFirstRow, runs * 2);
        }
        runFirstId[runs] = size;
        runLog[runs] = log;
        runFirstRow[runs] = firstRow;
        runs++;
        size += rows;
    }

    /** Takes event {@code id} into the figures of the recording, and keeps it for the linker when it may be linked. */
    private void count(int id) {
        EventKind kind = events.kind(id);
        int error = events.error(id);
        int segmentNode = events.segmentNode(id);
        first = Math.min(first, events.time(id));
        end = Math.max(end, events.end(id));
        kinds.add(kind);
        boolean marker = TimelineCategory.of(kind, error) == TimelineCategory.FAULT;
        nodes.add(marker ? segmentNode : events.node(id));
        if (kind == EventKind.PROCESS_START || kind == EventKind.PROCESS_EXIT) {
            startedNotEnded.merge(segmentNode, kind == EventKind.PROCESS_START ? 1 : -1, Integer::sum);
        }
        long exitedPid = TraceEvent.exitedPid(kind, events.segmentId(id));
        if (exitedPid != 0) {
            exits.putIfAbsent(new NodeProcess(segmentNode, exitedPid), id);
        }
        if (events.node(id) != TraceEvent.LAUNCHER) {
            pids.add(events.pid(id));
        }
        long segmentKey = (long) segmentNode << 32 | events.segmentId(id) & 0xFFFF_FFFFL;
        if (!marker && TraceEvent.hasSegment(events.segmentId(id)) && segmentKey != lastSegmentKey) {
            segments.add(TraceEvent.segment(kind, segmentNode, events.segmentId(id)));
            lastSegmentKey = segmentKey;
        }
        if (events instanceof TimelineEvents.Columns) {
            if (FlowLinker.mayBeCausal(kind, error)) {
                pendingCausal = append(pendingCausal, id);
            }
            if (FlowLinker.mayBeData(kind, error, events.segmentId(id))) {
                pendingData = append(pendingData, id);
            }
        }
    }

    /** The pending ids are kept as an array whose last element is their count (few: those of the last seconds). */
    private static int[] append(int[] ids, int id) {
        int count = ids.length == 0 ? 0 : ids[ids.length - 1];
        int[] grown = ids.length > count + 1 ? ids : Arrays.copyOf(ids, Math.max(16, (count + 1) * 2));
        grown[count] = id;
        grown[grown.length - 1] = count + 1;
        return grown;
    }

    private void link(int from, int to, Flow.Kind kind) {
        if (links == linkFrom.length) {
            int capacity = links + links / 2 + 16;
            linkFrom = Arrays.copyOf(linkFrom, capacity);
            linkTo = Arrays.copyOf(linkTo, capacity);
            linkKind = Arrays.copyOf(linkKind, capacity);
        }
        linkFrom[links] = from;
        linkTo[links] = to;
        linkKind[links] = (byte) kind.ordinal();
        links++;
    }

    private Snapshot snapshot(long readAt) {
        boolean running = startedNotEnded.values().stream().anyMatch(n -> n > 0);
        List<LogLimit> limits = limits();
        if (events instanceof TimelineEvents.Columns) {
            // while the run goes on, links wait until their events are old enough (causes first, then data: the order
            // of Recording.flows())
            long horizon = running ? readAt - FLOW_DELAY_NANOS : Long.MAX_VALUE;
            linker.linkOnlyWhereComplete(limits);
            pendingCausal = feed(pendingCausal, id -> FlowLinker.causalOrder(events.kind(id), events.error(id), events.time(id),
                    events.end(id)), false, horizon, linker::addCausal);
            pendingData = feed(pendingData, id -> FlowLinker.dataOrder(events.kind(id), events.time(id), events.end(id)), true,
                    horizon, linker::addData);
        }
        if (runWentOn && !running) {
            cutToSize(); // once the run is over every event was given to the linker: no link is added any more
        }
        runWentOn = running;
        long zero = folder == null ? origin : Math.min(origin, first); // a recording's: its first log made or first event
        if (zero == Long.MAX_VALUE) {
            zero = 0;
        }
        latest = new Snapshot(events, links, linkFrom, linkTo, linkKind, zero, first == Long.MAX_VALUE ? zero : first,
                end == Long.MIN_VALUE ? zero : end, running, Set.copyOf(nodes), Set.copyOf(pids), Set.copyOf(segments),
                kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds), limits, Map.copyOf(exits));
        return latest;
    }

    private List<LogLimit> limits() {
        if (folder == null) {
            return listedLimits;
        }
        List<LogLimit> limits = new ArrayList<>();
        for (EventColumns log : logs) {
            LogLimit limit = log == null ? null : log.limit();
            if (limit != null) {
                limits.add(limit);
            }
        }
        return List.copyOf(limits);
    }

    /**
     * Gives the linker the pending events whose order key is below {@code horizon}, in the order of their keys (ties: a
     * get before a put when {@code putsLast}, then time, process and sequence), a slice at a time made objects; returns
     * those left pending.
     */
    private int[] feed(int[] pending, IntToLongFunction key, boolean putsLast, long horizon, Consumer<Candidate> add) {
        int count = pending.length == 0 ? 0 : pending[pending.length - 1];
        if (count == 0) {
            return pending;
        }
        long[] keys = new long[count];
        int[] ids = Arrays.copyOf(pending, count);
        for (int i = 0; i < count; i++) {
            keys[i] = key.applyAsLong(ids[i]);
        }
        IdSort.sort(keys, ids, (a, b) -> {
            int order = putsLast ? Boolean.compare(events.kind(a) == EventKind.PUT, events.kind(b) == EventKind.PUT) : 0;
            return order != 0 ? order : events.compare(a, b);
        });
        int ready = 0;
        while (ready < count && keys[ready] < horizon) {
            ready++;
        }
        for (int from = 0; from < ready; from += FLOW_SLICE) {
            List<Candidate> slice = new ArrayList<>();
            for (int i = from; i < Math.min(ready, from + FLOW_SLICE); i++) {
                slice.add(new Candidate(ids[i], events.event(ids[i])));
            }
            slice.forEach(add);
        }
        int[] left = new int[0];
        for (int i = ready; i < count; i++) {
            left = append(left, ids[i]);
        }
        return left;
    }
}
