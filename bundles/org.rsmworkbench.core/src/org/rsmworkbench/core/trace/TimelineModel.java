// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.rsmworkbench.core.trace.TimelineItem.Shape;
import org.rsmworkbench.core.trace.TimelineLane.Level;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceExport;

/**
 * The timeline of a recording, as a view draws it: lanes (per node its faults and process starts and ends as markers,
 * per process a header, per thread its calls as spans and its signal waits as wait spans), causal arrows between spans,
 * and for a {@link TimeWindow} and a pixel width what to draw in each lane. Spans narrower than a pixel are merged into
 * busy runs, found by binary search, so drawing a lane costs O(width × log events), not O(events). Immutable; a filter
 * gives a new model.
 */
public final class TimelineModel {
    /** How far from a span (in pixels) a point still hits it. */
    public static final int HIT_TOLERANCE = 2;
    /** Arrows denser than one per this many pixel columns are too many to tell apart. */
    private static final int COLUMNS_PER_ARROW = 4;
    /** How many pixel columns an arrow must span to be drawn where arrows are dense. */
    private static final int DENSE_ARROW_MIN_COLUMNS = 8;

    private final List<TraceEvent> events;
    private final List<Flow> flows;
    private final long origin;
    private final long end;
    private final TimelineFilter filter;
    private final List<TimelineLane> lanes = new ArrayList<>();
    private final List<LaneEvents> laneEvents = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    /** The index of each lane by its key ({@link #laneKey(TraceEvent)}). */
    private final Map<List<Long>, Integer> laneIndex = new HashMap<>();
    /** The indexes in {@link #events} of the events the filter lets through and lanes draw. */
    private final BitSet shown = new BitSet();

    /** The timeline of every event of {@code recording}. */
    public static TimelineModel of(Recording recording) {
        return new TimelineModel(recording.events(), recording.flows(), recording.origin(), TimelineFilter.ALL);
    }

    /**
     * The timeline of {@code events} (in time order) that {@code filter} lets through.
     *
     * @param flows the causal links between those events ({@link Recording#flows()})
     * @param origin the time zero of relative times (the recording's {@link Recording#origin()})
     */
    public TimelineModel(List<TraceEvent> events, List<Flow> flows, long origin, TimelineFilter filter) {
        this.events = events;
        this.flows = flows;
        this.origin = origin;
        this.filter = filter;
        this.end = events.stream().mapToLong(TraceEvent::end).max().orElse(origin);
        build();
    }

    /** The same events and flows through another filter. */
    public TimelineModel filtered(TimelineFilter other) {
        return new TimelineModel(events, flows, origin, other);
    }

    public TimelineFilter filter() {
        return filter;
    }

    /** The lanes, nodes in order, each followed by its processes, each followed by its threads. */
    public List<TimelineLane> lanes() {
        return List.copyOf(lanes);
    }

    /** The time zero of relative times. */
    public long origin() {
        return origin;
    }

    /** A window showing every event, with a margin of 2% on each side. */
    public TimeWindow fullWindow() {
        long first = events.isEmpty() ? origin : Math.min(origin, events.get(0).time());
        long margin = Math.max(TimeWindow.MIN_LENGTH, (end - first) / 50);
        return new TimeWindow(first - margin, end + margin);
    }

    /** The nodes of every event (of markers: the node they are about), whatever the filter. */
    public Set<Integer> nodes() {
        Set<Integer> nodes = new TreeSet<>();
        events.forEach(e -> nodes.add(laneNode(e)));
        return nodes;
    }

    /** The processes of every node event, whatever the filter. */
    public Set<Long> pids() {
        Set<Long> pids = new TreeSet<>();
        events.stream().filter(e -> e.node() != 0).forEach(e -> pids.add(e.pid()));
        return pids;
    }

    /** The segments events are about, whatever the filter. */
    public Set<String> segments() {
        Set<String> segments = new TreeSet<>();
        events.stream().map(TraceEvent::segment).filter(s -> s != null).forEach(segments::add);
        return segments;
    }

    /** The kinds of every event, whatever the filter. */
    public Set<EventKind> kinds() {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        events.forEach(e -> kinds.add(e.kind()));
        return kinds;
    }

    /** When the last event ended (the origin when there is none). */
    public long end() {
        return end;
    }

    /** How many events the filter lets through (a matched signal wait's beginning not counted). */
    public int shownEvents() {
        return laneEvents.stream().mapToInt(l -> l.starts.length).sum();
    }

    /**
     * What to draw in lane {@code lane} for {@code window} on {@code width} pixels: spans and waits at least a pixel
     * wide one by one, narrower ones merged into busy runs, markers one per pixel column. Items are in time order.
     */
    public List<TimelineItem> items(int lane, TimeWindow window, int width) {
        LaneEvents in = laneEvents.get(lane);
        List<TimelineItem> items = new ArrayList<>();
        if (width <= 0) {
            return items;
        }
        double nanosPerPixel = (double) window.length() / width;
        int n = in.starts.length;
        int i = in.firstEndingAtOrAfter(window.start());
        int lastMarkerX = Integer.MIN_VALUE;
        while (i < n && in.starts[i] <= window.end()) {
            int x0 = pixel(window, in.starts[i], width);
            TraceEvent event = events.get(in.indexes[i]);
            if (in.marker[i]) {
                if (x0 != lastMarkerX) {
                    items.add(new TimelineItem(Shape.MARKER, x0, x0, TimelineCategory.FAULT, event, 1));
                    lastMarkerX = x0;
                }
                i++;
            } else if (in.wide(i, nanosPerPixel)) {
                items.add(new TimelineItem(in.waits[i] ? Shape.WAIT : Shape.SPAN, x0, pixel(window, in.ends[i], width),
                        TimelineCategory.values()[in.categories[i]], event, 1));
                i++;
            } else {
                i = busyRun(in, i, window, width, nanosPerPixel, items);
            }
        }
        return items;
    }

    /**
     * Adds the run of spans narrower than a pixel that begins with span {@code first}: every span that begins in a
     * pixel column the run already covers joins it (found by binary search, not one by one), except a span at least a
     * pixel wide, which ends the run and is drawn on its own. Returns the index after the run.
     */
    private int busyRun(LaneEvents in, int first, TimeWindow window, int width, double nanosPerPixel, List<TimelineItem> items) {
        int x0 = pixel(window, in.starts[first], width);
        int x1 = x0;
        int i = first;
        boolean wideNext;
        do {
            int column = Math.max(x1, pixel(window, in.starts[i], width));
            long boundary = Math.min(window.timeAt(column + 1, width), window.end() + 1);
            int last = Math.max(i, in.lastStartingBefore(boundary));
            // in a thread only the last span beginning in a column can reach past it
            wideNext = last > i && in.wide(last, nanosPerPixel);
            if (wideNext) {
                last--;
            }
            x1 = Math.max(x1, pixel(window, in.maxEnds[last], width));
            i = last + 1;
        } while (!wideNext && i < in.starts.length && in.starts[i] <= window.end() && !in.wide(i, nanosPerPixel)
                && pixel(window, in.starts[i], width) <= x1 + 1);
        int count = i - first;
        if (count == 1) {
            items.add(new TimelineItem(in.waits[first] ? Shape.WAIT : Shape.SPAN, x0, x1,
                    TimelineCategory.values()[in.categories[first]], events.get(in.indexes[first]), 1));
        } else {
            items.add(new TimelineItem(Shape.BUSY, x0, x1, in.dominantCategory(first, i), null, count));
        }
        return i;
    }

    private static int pixel(TimeWindow window, long time, int width) {
        double x = Math.floor(window.xOf(time, width));
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, x));
    }

    /**
     * The event drawn at pixel column {@code x} of lane {@code lane} (within {@value #HIT_TOLERANCE} pixels), the one
     * nearest to it when several are; null when none.
     */
    public TraceEvent eventAt(int lane, TimeWindow window, int width, int x) {
        LaneEvents in = laneEvents.get(lane);
        if (in.starts.length == 0 || width <= 0) {
            return null;
        }
        long time = window.timeAt(x + 0.5, width);
        long tolerance = Math.round((double) HIT_TOLERANCE * window.length() / width);
        int before = in.lastStartingBefore(time + 1);
        TraceEvent best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int i = Math.max(0, before); i <= Math.min(before + 1, in.starts.length - 1); i++) {
            long distance = time < in.starts[i] ? in.starts[i] - time : Math.max(0, time - in.ends[i]);
            if (distance <= tolerance && distance < bestDistance) {
                best = events.get(in.indexes[i]);
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * The first event drawn after {@code from} ({@code forward}) or before it that {@code wanted} accepts, or null when
     * none. Events are in time order, then process and sequence number; {@code from} may come from another model of
     * the same recording (a re-read one): it is found by its time, process and sequence number. When {@code from} is
     * null the search starts at {@code time}: the first event beginning at or after it, or the last one before it.
     */
    public TraceEvent next(TraceEvent from, long time, boolean forward, Predicate<TraceEvent> wanted) {
        int start;
        if (from != null) {
            int at = indexOf(from);
            start = at < 0 ? firstAtOrAfter(from.time()) - (forward ? 0 : 1) : at + (forward ? 1 : -1);
        } else {
            start = firstAtOrAfter(time) - (forward ? 0 : 1);
        }
        int step = forward ? 1 : -1;
        for (int i = start; i >= 0 && i < events.size(); i += step) {
            if (shown.get(i) && wanted.test(events.get(i))) {
                return events.get(i);
            }
        }
        return null;
    }

    /** The next ({@code forward}) or previous event drawn of the same kind as {@code from}, or null. */
    public TraceEvent nextOfKind(TraceEvent from, boolean forward) {
        return next(from, from.time(), forward, e -> e.kind() == from.kind());
    }

    /** How many events drawn {@code wanted} accepts. */
    public int count(Predicate<TraceEvent> wanted) {
        int count = 0;
        for (int i = shown.nextSetBit(0); i >= 0; i = shown.nextSetBit(i + 1)) {
            count += wanted.test(events.get(i)) ? 1 : 0;
        }
        return count;
    }

    /**
     * The events a search for {@code query} finds: those whose kind, segment, call site, thread name, error or text
     * contains it, ignoring case (a blank query finds none).
     */
    public static Predicate<TraceEvent> matching(String query) {
        String wanted = query.strip();
        if (wanted.isEmpty()) {
            return _ -> false;
        }
        return e -> contains(e.kind().label(), wanted) || contains(e.segment(), wanted) || e.site() != null && contains(e.site().toString(), wanted)
                || contains(e.threadName(), wanted) || contains(e.text(), wanted) || e.failed() && contains(TraceExport.errorName(e.error()), wanted);
    }

    /** Whether {@code text} contains {@code wanted}, ignoring case (without copying: a search tests millions of events). */
    private static boolean contains(String text, String wanted) {
        if (text == null) {
            return false;
        }
        for (int at = 0; at + wanted.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, wanted, 0, wanted.length())) {
                return true;
            }
        }
        return false;
    }

    /** This model's event with the time, process and sequence number of {@code like} (e.g. one of a re-read recording), or null. */
    public TraceEvent find(TraceEvent like) {
        int at = indexOf(like);
        return at < 0 ? null : events.get(at);
    }

    /** The event of process {@code pid} numbered {@code sequence}, or null. */
    public TraceEvent find(long pid, long sequence) {
        return events.stream().filter(e -> e.pid() == pid && e.sequence() == sequence).findFirst().orElse(null);
    }

    private int indexOf(TraceEvent like) {
        for (int i = firstAtOrAfter(like.time()); i < events.size() && events.get(i).time() == like.time(); i++) {
            TraceEvent e = events.get(i);
            if (e.pid() == like.pid() && e.sequence() == like.sequence()) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first event beginning at or after {@code time} ({@code events.size()} when none). */
    private int firstAtOrAfter(long time) {
        int low = 0;
        int high = events.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).time() < time) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /**
     * The window to show after this model replaced {@code previous} (the same recording read again while it is
     * written): {@code current} moved, at the same length, so that the newest events are at its right edge when it
     * showed the end of {@code previous} (the user follows the end), else {@code current} unchanged (the user scrolled away).
     */
    public TimeWindow following(TimeWindow current, TimelineModel previous) {
        if (current.end() < previous.end || end <= previous.end) {
            return current;
        }
        return current.pan(end - previous.end);
    }

    /**
     * Whether the run is still going on, as far as the recording tells: a node process the launcher started has not
     * ended yet (its recording is still being written).
     */
    public boolean running() {
        Map<Integer, Integer> startedNotEnded = new HashMap<>();
        for (TraceEvent e : events) {
            if (e.kind() == EventKind.PROCESS_START) {
                startedNotEnded.merge(e.segmentNode(), 1, Integer::sum);
            } else if (e.kind() == EventKind.PROCESS_EXIT) {
                startedNotEnded.merge(e.segmentNode(), -1, Integer::sum);
            }
        }
        return startedNotEnded.values().stream().anyMatch(n -> n > 0);
    }

    /** The lane an event is drawn in, or -1 when the filter hides it. */
    public int laneOf(TraceEvent event) {
        Integer lane = laneIndex.get(laneKey(event));
        return lane == null || !filter.accepts(event, laneNode(event)) ? -1 : lane;
    }

    /**
     * The arrows to draw for {@code window}: the causal links whose both events are shown and whose time range meets
     * the window, at most one per pair of lanes and pixel columns. Where there are more than one per
     * {@value #COLUMNS_PER_ARROW} columns (a zoomed-out run of many signals), only those spanning at least
     * {@value #DENSE_ARROW_MIN_COLUMNS} columns: a wall of short arrows would hide the spans and say nothing.
     */
    public List<TimelineArrow> arrows(TimeWindow window, int width) {
        List<TimelineArrow> arrows = arrowsPerColumns(window, width);
        if (arrows.size() <= width / COLUMNS_PER_ARROW) {
            return arrows;
        }
        return arrows.stream().filter(a -> Math.abs(a.toX() - a.fromX()) >= DENSE_ARROW_MIN_COLUMNS).toList();
    }

    private List<TimelineArrow> arrowsPerColumns(TimeWindow window, int width) {
        List<TimelineArrow> arrows = new ArrayList<>();
        Set<List<Integer>> drawn = new HashSet<>();
        for (Link link : links) {
            long from = link.flow.from().time();
            long to = link.flow.to().end();
            if (Math.max(from, to) < window.start() || Math.min(from, to) > window.end()) {
                continue;
            }
            int fromX = pixel(window, from, width);
            int toX = pixel(window, to, width);
            if (drawn.add(List.of(link.fromLane, fromX, link.toLane, toX))) {
                arrows.add(new TimelineArrow(link.flow, link.fromLane, fromX, link.toLane, toX));
            }
        }
        return arrows;
    }

    /**
     * The arrow from {@code from} to {@code to}, two events of this model shown together (the accesses of a race), from
     * the middle of one to the middle of the other in pixels of {@code window}; null when the filter hides either.
     */
    public TimelineArrow pairArrow(TraceEvent from, TraceEvent to, TimeWindow window, int width) {
        int fromLane = laneOf(from);
        int toLane = laneOf(to);
        if (fromLane < 0 || toLane < 0) {
            return null;
        }
        return new TimelineArrow(null, fromLane, pixel(window, middle(from), width), toLane, pixel(window, middle(to), width));
    }

    private static long middle(TraceEvent event) {
        return event.time() + event.duration() / 2;
    }

    /** One line about an event, for a tooltip: {@code put 8 B 1:0x400100+0x10 · 2.100 µs · at 12.345 ms · node 2 main}. */
    public String summary(TraceEvent event) {
        StringBuilder text = new StringBuilder(event.kind().label());
        if (event.text() != null) {
            text.append(' ').append(event.text());
        }
        if (event.length() != 0) {
            text.append(' ').append(event.length()).append(" B");
        }
        if (event.segment() != null) {
            text.append(' ').append(event.segment());
            if (event.offset() != 0) {
                text.append("+0x").append(Long.toHexString(event.offset()));
            }
        }
        if (event.failed()) {
            text.append(" → ").append(TraceExport.errorName(event.error()));
        }
        text.append(" · ").append(formatDuration(event.duration())).append(" · at ").append(formatDuration(event.time() - origin))
                .append(" · node ").append(event.node());
        if (event.node() != 0) {
            text.append(' ').append(event.threadName());
        }
        if (event.site() != null) {
            text.append(" · ").append(event.site());
        }
        return text.toString();
    }

    /** Every field of an event by name, in a fixed order, for a properties page. */
    public Map<String, String> properties(TraceEvent event) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kind", event.kind().label());
        properties.put("category", TimelineCategory.of(event).label());
        properties.put("time", formatDuration(event.time() - origin) + " (" + event.time() + " ns)");
        properties.put("duration", formatDuration(event.duration()));
        properties.put("node", String.valueOf(event.node()));
        properties.put("process", String.valueOf(event.pid()));
        properties.put("thread", event.threadName() + " (" + event.threadId() + ")");
        properties.put("sequence", String.valueOf(event.sequence()));
        properties.put("result", event.failed() ? TraceExport.errorName(event.error()) : "ok");
        properties.put("segment", event.segment() == null ? "" : event.segment());
        properties.put("offset", "0x" + Long.toHexString(event.offset()));
        properties.put("length", String.valueOf(event.length()));
        properties.put("value", String.valueOf(event.value() & ~TraceEvent.EXPORT_SIDE));
        properties.put("payload", event.text() != null ? event.text() : event.payloadForm().name().toLowerCase(java.util.Locale.ROOT)
                + " " + (event.payload() == null ? 0 : event.payload().length) + " B");
        properties.put("call site", event.site() == null ? "not recorded" : event.site().toString());
        return properties;
    }

    /** A time or duration with a unit that keeps 3 decimals meaningful: {@code 850 ns}, {@code 12.345 ms}. */
    public static String formatDuration(long nanos) {
        long magnitude = Math.abs(nanos);
        if (magnitude < 1_000) {
            return nanos + " ns";
        }
        if (magnitude < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.3f µs", nanos / 1e3);
        }
        if (magnitude < 1_000_000_000) {
            return String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    /** Node lane: (node, 0, 0); process lane: (node, pid, 0); thread lane: (node, pid, thread id + 1). */
    private static List<Long> laneKey(TraceEvent event) {
        return TimelineCategory.of(event) == TimelineCategory.FAULT ? List.of((long) laneNode(event), 0L, 0L)
                : List.of((long) event.node(), event.pid(), event.threadId() + 1);
    }

    /** The node whose lanes show an event: a launcher event's is the node it is about. */
    private static int laneNode(TraceEvent event) {
        return TimelineCategory.of(event) == TimelineCategory.FAULT ? event.segmentNode() : event.node();
    }

    private void build() {
        Map<List<Long>, List<Integer>> byLane = new HashMap<>();
        Map<List<Long>, TraceEvent> firstOfLane = new HashMap<>();
        Set<List<Long>> openWaits = new HashSet<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            // backwards: a wait's beginning is drawn only when no wait return of its thread follows it
            TraceEvent e = events.get(i);
            List<Long> key = laneKey(e);
            boolean waitReturn = e.kind() == EventKind.SIGNAL_WAIT || e.kind() == EventKind.SIGNAL_WAIT_POLLFD;
            if (waitReturn) {
                openWaits.add(key);
            } else if (e.kind() == EventKind.SIGNAL_WAIT_BEGIN && openWaits.remove(key)) {
                continue;
            }
            if (!filter.accepts(e, laneNode(e))) {
                continue;
            }
            byLane.computeIfAbsent(key, _ -> new ArrayList<>()).add(i);
            shown.set(i);
            firstOfLane.put(key, e);
        }
        Set<List<Long>> keys = new TreeSet<>(Comparator.<List<Long>, Long> comparing(k -> k.get(0)).thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)));
        for (List<Long> key : byLane.keySet()) {
            keys.add(key);
            keys.add(List.of(key.get(0), key.get(1), 0L));
            keys.add(List.of(key.get(0), 0L, 0L));
        }
        for (List<Long> key : keys) {
            laneIndex.put(key, lanes.size());
            lanes.add(lane(key, firstOfLane.get(key)));
            List<Integer> indexes = byLane.getOrDefault(key, List.of()).reversed();
            laneEvents.add(new LaneEvents(events, indexes, end));
        }
        for (Flow flow : flows) {
            int fromLane = laneOf(flow.from());
            int toLane = laneOf(flow.to());
            if (fromLane >= 0 && toLane >= 0) {
                links.add(new Link(flow, fromLane, toLane));
            }
        }
    }

    private static TimelineLane lane(List<Long> key, TraceEvent first) {
        int node = key.get(0).intValue();
        if (key.get(1) == 0) {
            return new TimelineLane(Level.NODE, node, 0, 0, "node " + node);
        }
        if (key.get(2) == 0) {
            return new TimelineLane(Level.PROCESS, node, key.get(1), 0, "pid " + key.get(1));
        }
        long thread = key.get(2) - 1;
        return new TimelineLane(Level.THREAD, node, key.get(1), thread, first.threadName() + " #" + thread);
    }

    /** A causal link whose both events are shown. */
    private record Link(Flow flow, int fromLane, int toLane) {
    }

    /** The events of one lane as sorted arrays, for binary search. */
    private static final class LaneEvents {
        final int[] indexes;
        final long[] starts;
        final long[] ends;
        /** The latest end among the events up to each index: non-decreasing, so searchable. */
        final long[] maxEnds;
        final byte[] categories;
        final boolean[] waits;
        final boolean[] marker;
        /** For each category, how many events before each index have it (to colour a busy run in O(1)). */
        final int[][] categoryCounts;

        LaneEvents(List<TraceEvent> events, List<Integer> indexes, long recordingEnd) {
            int n = indexes.size();
            this.indexes = new int[n];
            starts = new long[n];
            ends = new long[n];
            maxEnds = new long[n];
            categories = new byte[n];
            waits = new boolean[n];
            marker = new boolean[n];
            categoryCounts = new int[TimelineCategory.values().length][n + 1];
            long maxEnd = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                TraceEvent e = events.get(indexes.get(i));
                this.indexes[i] = indexes.get(i);
                starts[i] = e.time();
                // a wait that never returned (its process died) lasts to the end of the recording
                ends[i] = e.kind() == EventKind.SIGNAL_WAIT_BEGIN ? recordingEnd : e.end();
                maxEnd = Math.max(maxEnd, ends[i]);
                maxEnds[i] = maxEnd;
                TimelineCategory category = TimelineCategory.of(e);
                categories[i] = (byte) category.ordinal();
                waits[i] = e.kind() == EventKind.SIGNAL_WAIT || e.kind() == EventKind.SIGNAL_WAIT_POLLFD
                        || e.kind() == EventKind.SIGNAL_WAIT_BEGIN;
                marker[i] = category == TimelineCategory.FAULT;
                for (int c = 0; c < categoryCounts.length; c++) {
                    categoryCounts[c][i + 1] = categoryCounts[c][i] + (c == categories[i] ? 1 : 0);
                }
            }
        }

        /** Whether event {@code i} lasts at least a pixel. */
        boolean wide(int i, double nanosPerPixel) {
            return ends[i] - starts[i] >= nanosPerPixel;
        }

        /** The first index whose event, or one before it, ends at or after {@code time}. */
        int firstEndingAtOrAfter(long time) {
            int found = Arrays.binarySearch(maxEnds, time);
            if (found < 0) {
                return -found - 1;
            }
            while (found > 0 && maxEnds[found - 1] == time) {
                found--;
            }
            return found;
        }

        /** The last index whose event starts before {@code time}, or -1. */
        int lastStartingBefore(long time) {
            int low = 0;
            int high = starts.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (starts[middle] < time) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return high;
        }

        /** The category most events in {@code [from, to)} have. */
        TimelineCategory dominantCategory(int from, int to) {
            int best = 0;
            for (int c = 1; c < categoryCounts.length; c++) {
                if (categoryCounts[c][to] - categoryCounts[c][from] > categoryCounts[best][to] - categoryCounts[best][from]) {
                    best = c;
                }
            }
            return TimelineCategory.values()[best];
        }
    }
}
