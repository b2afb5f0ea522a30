// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import org.rsmworkbench.core.trace.TimelineItem.Shape;
import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.HeapRoom;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceExport;

/**
 * The timeline of a recording, as a view draws it: lanes (per node its faults and process starts and ends as markers,
 * per process a header, per thread its calls as spans and its signal waits as wait spans), causal arrows between spans,
 * and for a {@link TimeWindow} and a pixel width what to draw in each lane. Spans narrower than a pixel are merged into
 * busy runs, found by binary search, so drawing a lane costs O(width × log events), not O(events).
 * <p>
 * A recording read from its folder ({@link #open}) is held as columns: per event 82 bytes of its log's columns
 * ({@link EventColumns}) and 6.5 of its lane's arrays (its id, category and flags; its start and end are read from the
 * columns), no object; a {@link TraceEvent} is made only for what is drawn,
 * hit, found or shown ({@link #items}, {@link #eventAt}, {@link #next}), so two calls may give two equal objects for one
 * event: compare events with {@link #same}. {@link #refresh} reads only what the recording's logs added since, and gives
 * a new model that shares this one's arrays. Immutable; a filter gives a new model.
 */
public final class TimelineModel {
    /** How far from a span (in pixels) a point still hits it. */
    public static final int HIT_TOLERANCE = 2;
    /** Arrows denser than one per this many pixel columns are too many to tell apart. */
    private static final int COLUMNS_PER_ARROW = 4;
    /** How many pixel columns an arrow must span to be drawn where arrows are dense. */
    private static final int DENSE_ARROW_MIN_COLUMNS = 8;
    private static final Flow.Kind[] FLOW_KINDS = Flow.Kind.values();
    /**
     * The heap a recording read as a model takes per event, with what its read allocates for a while (measured: about
     * 105 B kept, the linker's sort 24 B more).
     */
    private static final int READ_BYTES_PER_EVENT = 130;
    /** How many events a count tests between two looks at whether it was cancelled. */
    private static final int COUNT_SLICE = 1 << 16;

    /** The recording read from a folder, which {@link #refresh} reads again; null for a list of events. */
    private final TimelineData source;
    private final TimelineData.Snapshot data;
    /** The lanes through this model's filter, growing with the recording (guarded by {@link #source}'s lock). */
    private final TimelineLanes builder;
    private final TimelineLanes.Snapshot lanes;

    /** A model of {@code data}; its lanes' arrays are cut to size when the run is over. */
    private TimelineModel(TimelineData source, TimelineData.Snapshot data, TimelineLanes builder) {
        this.source = source;
        this.data = data;
        this.builder = builder;
        builder.catchUp(data);
        builder.noteRunning(data.running());
        this.lanes = builder.snapshot(data);
    }

    /** The timeline of every event of {@code recording} (read whole, its events objects already). */
    public static TimelineModel of(Recording recording) {
        return new TimelineModel(null, TimelineData.of(recording.events(), recording.flows(), recording.origin(), recording.logLimits()),
                new TimelineLanes(TimelineFilter.ALL));
    }

    /**
     * The timeline of {@code events} (in time order) that {@code filter} lets through.
     *
     * @param flows the causal links between those events ({@link Recording#flows()})
     * @param origin the time zero of relative times (the recording's {@link Recording#origin()})
     */
    public TimelineModel(List<TraceEvent> events, List<Flow> flows, long origin, TimelineFilter filter) {
        this(null, TimelineData.of(events, flows, origin, List.of()), new TimelineLanes(filter));
    }

    /**
     * The timeline of the recording in {@code folder}, read as columns (no object per event): what the view shows. A
     * recording still being written can be read; {@link #refresh} reads what it adds later.
     *
     * @throws EventColumns.ShrankException when a log shrank while it was read: the recording must be opened again
     * @throws IOException when it is not a recording folder or a log cannot be read
     */
    public static TimelineModel open(Path folder) throws IOException {
        return readingLogs(() -> {
            TimelineData read = TimelineData.open(folder);
            return new TimelineModel(read, read.latest(), new TimelineLanes(TimelineFilter.ALL));
        });
    }

    /** A read of a recording's logs into a model. */
    @FunctionalInterface
    private interface LogsRead {
        TimelineModel read() throws IOException;
    }

    /**
     * Runs {@code read}, throwing what fails unchecked as its IOException: a log that shrank under it is told as an
     * {@link EventColumns.ShrankException} also where it faults past the read of its rows (linking events reads their
     * payloads from the mapping), not as an exception that escapes the caller's job.
     */
    private static TimelineModel readingLogs(LogsRead read) throws IOException {
        try {
            return read.read();
        } catch (UncheckedIOException unreadable) {
            throw unreadable.getCause();
        }
    }

    /**
     * This model with what the recording's logs added since it was read (new events of the processes read before, the
     * logs of processes started since; a record still being written is left for the next refresh): only the new rows
     * are read, and the new model shares this one's arrays, which stays as it was. A ring log that reused chunks read
     * before is read again from the start. This model itself when it is not a recording read from a folder.
     *
     * @throws EventColumns.ShrankException when a log shrank since it was read: the recording must be opened again
     * @throws IOException when the recording cannot be read any more, or a ring log reused chunks read before and the
     *         heap has no room to read the recording again whole beside this model
     */
    public TimelineModel refresh() throws IOException {
        if (source == null) {
            return this;
        }
        synchronized (source) {
            return readingLogs(() -> {
                TimelineData.Snapshot next;
                try {
                    next = source.refresh();
                } catch (EventColumns.OverwrittenException ringReused) {
                    // read beside this model, which the view shows meanwhile: refused up front where both do not fit,
                    // not by an OutOfMemoryError deep in the read that any other thread of the IDE could meet too
                    long needed = (long) data.events().size() * READ_BYTES_PER_EVENT;
                    if (!HeapRoom.fits(needed)) {
                        throw new IOException("its ring logs overwrote events read before, and reading it again whole needs"
                                + " about " + (needed >> 20) + " MB beside the " + data.events().size() + " events read, more"
                                + " than this IDE's memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB) leaves: close"
                                + " the Timeline, then open the recording again to see its latest events", ringReused);
                    }
                    TimelineData reread = TimelineData.open(source.folder());
                    return new TimelineModel(reread, reread.latest(), new TimelineLanes(filter()));
                }
                return new TimelineModel(source, next, builder);
            });
        }
    }

    /** The same events and flows through another filter. */
    public TimelineModel filtered(TimelineFilter other) {
        return new TimelineModel(source, data, new TimelineLanes(other));
    }

    /**
     * What the user must be told of the last read, one line each: the entries of the recording folder named as logs that
     * were not read (a symbolic link, not a regular file, another user's), what damaged logs lost
     * ({@link org.rsmworkbench.emulator.trace.EventColumns#damage()}); none for a model made of a list of events.
     */
    public List<String> warnings() {
        return source == null ? List.of() : source.warnings();
    }

    /** The folder of the recording this model reads again ({@link #refresh}), or null when it was made of a list of events. */
    public Path folder() {
        return source == null ? null : source.folder();
    }

    public TimelineFilter filter() {
        return builder.filter;
    }

    /** Whether two events are the same event of a recording (by process and sequence number), each possibly null. */
    public static boolean same(TraceEvent a, TraceEvent b) {
        return a == b || a != null && b != null && a.pid() == b.pid() && a.sequence() == b.sequence();
    }

    /** The lanes, nodes in order, each followed by its processes, each followed by its threads. */
    public List<TimelineLane> lanes() {
        return lanes.lanes();
    }

    /** The time zero of relative times. */
    public long origin() {
        return data.origin();
    }

    /** A window showing every event, with a margin of 2% on each side. */
    public TimeWindow fullWindow() {
        long first = Math.min(data.origin(), data.first());
        long margin = Math.max(TimeWindow.MIN_LENGTH, (data.end() - first) / 50);
        return new TimeWindow(first - margin, data.end() + margin);
    }

    /** The nodes of every event (of markers: the node they are about), whatever the filter. */
    public Set<Integer> nodes() {
        return data.nodes();
    }

    /** The processes of every node event, whatever the filter. */
    public Set<Long> pids() {
        return data.pids();
    }

    /** The segments events are about, whatever the filter. */
    public Set<String> segments() {
        return data.segments();
    }

    /** The kinds of every event, whatever the filter. */
    public Set<EventKind> kinds() {
        return data.kinds();
    }

    /** When the last event ended (the origin when there is none). */
    public long end() {
        return data.end();
    }

    /** How many events the recording holds, whatever the filter. */
    public int events() {
        return data.events().size();
    }

    /** How many events the filter lets through (a matched signal wait's beginning not counted). */
    public int shownEvents() {
        return lanes.events().stream().mapToInt(LaneEvents::length).sum();
    }

    /**
     * What to draw in lane {@code lane} for {@code window} on {@code width} pixels: spans and waits at least a pixel
     * wide one by one, narrower ones merged into busy runs, markers one per pixel column. Items are in time order.
     */
    public List<TimelineItem> items(int lane, TimeWindow window, int width) {
        LaneEvents in = lanes.events().get(lane);
        List<TimelineItem> items = new ArrayList<>();
        if (width <= 0) {
            return items;
        }
        LogLimit limit = logLimit(lane);
        if (limit != null && (limit.stopped() ? limit.time() <= window.end() : limit.time() >= window.start())) {
            // a log that stopped before the window (or a ring whose kept part begins after it) marks the lane all the
            // same, just outside it: the whole lane is then where nothing was recorded, and says so
            int x = Math.max(-1, Math.min(width + 1, pixel(window, limit.time(), width)));
            items.add(new TimelineItem(Shape.LOG_LIMIT, x, x, TimelineCategory.ERROR, null, 0)); // a process lane has no events
        }
        double nanosPerPixel = (double) window.length() / width;
        int n = in.length();
        int i = in.firstEndingAtOrAfter(window.start());
        int lastMarkerX = Integer.MIN_VALUE;
        while (i < n && in.start(i) <= window.end()) {
            int x0 = pixel(window, in.start(i), width);
            if (in.marker(i)) {
                if (x0 != lastMarkerX) {
                    items.add(new TimelineItem(Shape.MARKER, x0, x0, TimelineCategory.FAULT, event(in, i), 1));
                    lastMarkerX = x0;
                }
                i++;
            } else if (in.wide(i, nanosPerPixel)) {
                items.add(new TimelineItem(in.waits(i) ? Shape.WAIT : Shape.SPAN, x0, pixel(window, in.end(i), width),
                        TimelineCategory.values()[in.category(i)], event(in, i), 1));
                i++;
            } else {
                i = busyRun(in, i, window, width, nanosPerPixel, items);
            }
        }
        return items;
    }

    /** How the logs that met their size limit met it (their processes' lanes mark where: {@link #logLimitAt}). */
    public List<LogLimit> logLimits() {
        return data.limits();
    }

    /**
     * What the view's description line says of the logs that met their size limit, or null when none did:
     * {@code node 1 (pid 4711): 12,345 events not recorded (log full at 256 MiB)}, one such part per log.
     */
    public String logLimitsLine() {
        List<LogLimit> limits = logLimits();
        return limits.isEmpty() ? null : String.join("; ", limits.stream().map(LogLimit::summary).toList());
    }

    /** How the log of the process of lane {@code lane} met its size limit, if that is a process lane and it did; else null. */
    private LogLimit logLimit(int lane) {
        TimelineLane shown = lanes.lanes().get(lane);
        if (shown.level() != TimelineLane.Level.PROCESS) {
            return null;
        }
        return logLimits().stream().filter(l -> l.node() == shown.node() && l.pid() == shown.pid()).findFirst().orElse(null);
    }

    /**
     * The log limit marked at pixel column {@code x} of lane {@code lane}: within {@value #HIT_TOLERANCE} pixels of its
     * marker, or on the side of it where nothing was recorded (after a stop, before what a ring kept); else null.
     */
    public LogLimit logLimitAt(int lane, TimeWindow window, int width, int x) {
        LogLimit limit = logLimit(lane);
        if (limit == null || width <= 0) {
            return null;
        }
        int marker = pixel(window, limit.time(), width);
        boolean unrecorded = limit.stopped() ? x >= marker : x <= marker;
        return unrecorded || Math.abs(marker - x) <= HIT_TOLERANCE ? limit : null;
    }

    /** The hover text of a log limit's marker: what happened when (from the start of the recording), and what to do. */
    public String explanation(LogLimit limit) {
        return limit.explanation(formatDuration(limit.time() - origin()));
    }

    private TraceEvent event(LaneEvents in, int i) {
        return data.events().event(in.id(i));
    }

    /**
     * Adds the run of spans narrower than a pixel that begins with span {@code first}: every span that begins in a
     * pixel column the run already covers joins it (found by binary search, not one by one), except a span at least a
     * pixel wide, which ends the run and is drawn on its own. Returns the index after the run.
     */
    private int busyRun(LaneEvents in, int first, TimeWindow window, int width, double nanosPerPixel, List<TimelineItem> items) {
        int x0 = pixel(window, in.start(first), width);
        int x1 = x0;
        int i = first;
        boolean wideNext;
        do {
            int column = Math.max(x1, pixel(window, in.start(i), width));
            long boundary = Math.min(window.timeAt(column + 1, width), window.end() + 1);
            int last = Math.max(i, in.lastStartingBefore(boundary));
            // in a thread only the last span beginning in a column can reach past it
            wideNext = last > i && in.wide(last, nanosPerPixel);
            if (wideNext) {
                last--;
            }
            x1 = Math.max(x1, pixel(window, in.maxEnd(last), width));
            i = last + 1;
        } while (!wideNext && i < in.length() && in.start(i) <= window.end() && !in.wide(i, nanosPerPixel)
                && pixel(window, in.start(i), width) <= x1 + 1);
        int count = i - first;
        if (count == 1) {
            items.add(new TimelineItem(in.waits(first) ? Shape.WAIT : Shape.SPAN, x0, x1,
                    TimelineCategory.values()[in.category(first)], event(in, first), 1));
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
        LaneEvents in = lanes.events().get(lane);
        if (in.length() == 0 || width <= 0) {
            return null;
        }
        long time = window.timeAt(x + 0.5, width);
        long tolerance = Math.round((double) HIT_TOLERANCE * window.length() / width);
        int before = in.lastStartingBefore(time + 1);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = Math.max(0, before); i <= Math.min(before + 1, in.length() - 1); i++) {
            long distance = time < in.start(i) ? in.start(i) - time : Math.max(0, time - in.end(i));
            if (distance <= tolerance && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best < 0 ? null : event(in, best);
    }

    /**
     * The first event drawn after {@code from} ({@code forward}) or before it that {@code wanted} accepts, or null when
     * none. Events are in time order, then process and sequence number; {@code from} may come from another model of
     * the same recording (a re-read one): it is placed by its time, process and sequence number. When {@code from} is
     * null the search starts at {@code time}: the first event beginning at or after it, or the last one before it.
     * The lanes are merged in that order as the search goes (no list of every event).
     */
    public TraceEvent next(TraceEvent from, long time, boolean forward, Predicate<TraceEvent> wanted) {
        TimelineEvents events = data.events();
        return nextAccepted(from, time, forward, id -> wanted.test(events.event(id)));
    }

    /**
     * The first event drawn after {@code from} ({@code forward}) or before it that a search for {@code query} finds
     * (its kind, segment, call site, thread name, error or text contains it, ignoring case), or null when none (always for
     * a blank query); placed as by {@link #next(TraceEvent, long, boolean, Predicate)}. The events passed over are
     * tested in their columns, not made objects.
     */
    public TraceEvent findNext(TraceEvent from, long time, boolean forward, String query) {
        TimelineSearch search = new TimelineSearch(data.events(), query);
        return search.blank() ? null : nextAccepted(from, time, forward, search::matches);
    }

    /** {@link #next(TraceEvent, long, boolean, Predicate)} of the events whose id {@code wanted} accepts. */
    private TraceEvent nextAccepted(TraceEvent from, long time, boolean forward, IntPredicate wanted) {
        List<LaneEvents> all = lanes.events();
        TimelineEvents events = data.events();
        int[] at = new int[all.size()];
        for (int lane = 0; lane < at.length; lane++) {
            at[lane] = forward ? firstAfter(all.get(lane), from, time) : lastBefore(all.get(lane), from, time);
        }
        while (true) {
            int best = -1;
            for (int lane = 0; lane < at.length; lane++) {
                if (at[lane] >= 0 && at[lane] < all.get(lane).length() && (best < 0 || (forward ? 1 : -1)
                        * events.compare(all.get(lane).id(at[lane]), all.get(best).id(at[best])) < 0)) {
                    best = lane;
                }
            }
            if (best < 0) {
                return null;
            }
            if (wanted.test(all.get(best).id(at[best]))) {
                return event(all.get(best), at[best]);
            }
            at[best] += forward ? 1 : -1;
        }
    }

    /** The index of the first event of {@code in} after {@code from} (when null: beginning at or after {@code time}). */
    private int firstAfter(LaneEvents in, TraceEvent from, long time) {
        int i = in.lastStartingBefore(from == null ? time : from.time()) + 1;
        while (from != null && i < in.length() && in.start(i) == from.time() && !after(in.id(i), from)) {
            i++;
        }
        return i;
    }

    /** The index of the last event of {@code in} before {@code from} (when null: beginning before {@code time}), or -1. */
    private int lastBefore(LaneEvents in, TraceEvent from, long time) {
        if (from == null) {
            return in.lastStartingBefore(time);
        }
        int i = in.lastStartingBefore(from.time() + 1);
        while (i >= 0 && in.start(i) == from.time() && (after(in.id(i), from) || same(in, i, from))) {
            i--;
        }
        return i;
    }

    /** Whether event {@code id} comes after {@code event} of the same time (by process, then sequence number). */
    private boolean after(int id, TraceEvent event) {
        TimelineEvents events = data.events();
        int order = Long.compare(events.pid(id), event.pid());
        return order > 0 || order == 0 && events.sequence(id) > event.sequence();
    }

    private boolean same(LaneEvents in, int i, TraceEvent event) {
        return data.events().is(in.id(i), event);
    }

    /** The next ({@code forward}) or previous event drawn of the same kind as {@code from}, or null. */
    public TraceEvent nextOfKind(TraceEvent from, boolean forward) {
        TimelineEvents events = data.events();
        return nextAccepted(from, from.time(), forward, id -> events.kind(id) == from.kind());
    }

    /** How many events drawn {@code wanted} accepts (each made an object in turn: for tests and small recordings). */
    public int count(Predicate<TraceEvent> wanted) {
        TimelineEvents events = data.events();
        return countAccepted(id -> wanted.test(events.event(id)), () -> false);
    }

    /**
     * How many events drawn a search for {@code query} finds ({@link #findNext}), tested in their columns: a count of
     * millions allocates nothing per event. {@code cancelled} is asked every {@value #COUNT_SLICE} events.
     *
     * @throws CancellationException when {@code cancelled} said so before the count ended
     */
    public int count(String query, BooleanSupplier cancelled) {
        TimelineSearch search = new TimelineSearch(data.events(), query);
        return search.blank() ? 0 : countAccepted(search::matches, cancelled);
    }

    private int countAccepted(IntPredicate wanted, BooleanSupplier cancelled) {
        int count = 0;
        for (LaneEvents in : lanes.events()) {
            for (int i = 0; i < in.length(); i++) {
                if (i % COUNT_SLICE == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("the count was cancelled");
                }
                count += wanted.test(in.id(i)) ? 1 : 0;
            }
        }
        return count;
    }

    /** This model's event with the process and sequence number of {@code like} (e.g. one of a re-read recording), or null. */
    public TraceEvent find(TraceEvent like) {
        Integer lane = lanes.index().get(TimelineLanes.key(like));
        if (lane != null) {
            LaneEvents in = lanes.events().get(lane);
            for (int i = in.lastStartingBefore(like.time()) + 1; i < in.length() && in.start(i) == like.time(); i++) {
                if (same(in, i, like)) {
                    return event(in, i);
                }
            }
        }
        return find(like.pid(), like.sequence()); // hidden by the filter, or read again with another time
    }

    /** The event of process {@code pid} numbered {@code sequence}, whatever the filter, or null. */
    public TraceEvent find(long pid, long sequence) {
        int id = data.events().find(pid, sequence);
        return id < 0 ? null : data.events().event(id);
    }

    /**
     * The window to show after this model replaced {@code previous} (the same recording read again while it is
     * written): {@code current} moved, at the same length, so that the newest events are at its right edge when it
     * showed the end of {@code previous} (the user follows the end), else {@code current} unchanged (the user scrolled away).
     */
    public TimeWindow following(TimeWindow current, TimelineModel previous) {
        if (current.end() < previous.end() || end() <= previous.end()) {
            return current;
        }
        return current.pan(end() - previous.end());
    }

    /**
     * Whether the run is still going on, as far as the recording tells: a node process the launcher started has not
     * ended yet (its recording is still being written).
     */
    public boolean running() {
        return data.running();
    }

    /** The lane an event is drawn in, or -1 when the filter hides it. */
    public int laneOf(TraceEvent event) {
        Integer lane = lanes.index().get(TimelineLanes.key(event));
        return lane == null || !filter().accepts(event, laneNode(event)) ? -1 : lane;
    }

    /** The node whose lanes show an event: a launcher event's is the node it is about. */
    private static int laneNode(TraceEvent event) {
        return TimelineCategory.of(event) == TimelineCategory.FAULT ? event.segmentNode() : event.node();
    }

    /**
     * The arrows to draw for {@code window}: the causal links whose both events are shown and whose time range meets
     * the window, at most one per pair of lanes and pixel columns. Where there are more than one per
     * {@value #COLUMNS_PER_ARROW} columns (a zoomed-out run of many signals), only those spanning at least
     * {@value #DENSE_ARROW_MIN_COLUMNS} columns: a wall of short arrows would hide the spans and say nothing. The
     * events of an arrow are made objects only for the arrows drawn.
     */
    public List<TimelineArrow> arrows(TimeWindow window, int width) {
        List<int[]> arrows = new ArrayList<>();
        Set<Long> drawn = new HashSet<>();
        long previous = -1;
        for (int link = 0; link < lanes.links(); link++) {
            long from = lanes.linkFromTime()[link];
            long to = lanes.linkToEnd()[link];
            if (Math.max(from, to) < window.start() || Math.min(from, to) > window.end()) {
                continue;
            }
            int fromLane = lanes.laneOfSlot()[lanes.linkFromSlot()[link]];
            int toLane = lanes.laneOfSlot()[lanes.linkToSlot()[link]];
            int fromX = pixel(window, from, width);
            int toX = pixel(window, to, width);
            // one arrow per pair of lanes and columns (ends far outside the plot are told apart no further)
            long key = (long) fromLane << 48 | (long) toLane << 32 | (long) (offPlot(fromX, width) & 0xFFFF) << 16 | offPlot(toX, width) & 0xFFFF;
            if (key != previous && drawn.add(key)) { // links come in time order mostly: most repeat the one before
                arrows.add(new int[] { lanes.linkIndex()[link], fromLane, fromX, toLane, toX });
            }
            previous = key;
        }
        boolean dense = arrows.size() > width / COLUMNS_PER_ARROW;
        TimelineEvents events = data.events();
        List<TimelineArrow> shown = new ArrayList<>();
        for (int[] arrow : arrows) {
            if (!dense || Math.abs(arrow[4] - arrow[2]) >= DENSE_ARROW_MIN_COLUMNS) {
                int link = arrow[0];
                Flow flow = new Flow(FLOW_KINDS[data.linkKind()[link]], events.event(data.linkFrom()[link]), events.event(data.linkTo()[link]));
                shown.add(new TimelineArrow(flow, arrow[1], arrow[2], arrow[3], arrow[4]));
            }
        }
        return shown;
    }

    /** A pixel column, within a plot's width on either side of it (16 bits). */
    private static int offPlot(int x, int width) {
        return Math.clamp(x, -Math.min(width, 16_000), Math.min(2 * width, 32_000));
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
        text.append(" · ").append(duration(event)).append(" · at ").append(formatDuration(event.time() - origin()))
                .append(" · ").append(TraceEvent.recorder(event.node()));
        if (event.node() != TraceEvent.LAUNCHER) {
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
        properties.put("time", formatDuration(event.time() - origin()) + " (" + event.time() + " ns)");
        properties.put("duration", duration(event));
        properties.put("node", event.node() == TraceEvent.LAUNCHER ? "the launcher" : String.valueOf(event.node()));
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

    /**
     * How long an event lasted: its duration, or for a wait that never returned because its process ended (as the
     * recording says) the time until then and how the process ended.
     */
    private String duration(TraceEvent event) {
        int exit = exitDuring(event);
        if (exit < 0) {
            return formatDuration(event.duration());
        }
        return formatDuration(data.events().time(exit) - event.time()) + ", never returned: its process ended during the wait ("
                + TraceEvent.ending(data.events().value(exit)) + ")";
    }

    /**
     * The id of the recorded end of the process of {@code event} when the event is drawn as a wait that never returned
     * (which then lasts until that end); -1 when it is not such a wait, or its process's end is not recorded.
     */
    private int exitDuring(TraceEvent event) {
        Integer exit = data.exits().get(new TimelineData.NodeProcess(event.node(), event.pid()));
        Integer lane = lanes.index().get(TimelineLanes.key(event));
        if (exit == null || lane == null) {
            return -1;
        }
        LaneEvents in = lanes.events().get(lane);
        for (int i = in.lastStartingBefore(event.time()) + 1; i < in.length() && in.start(i) == event.time(); i++) {
            if (same(in, i, event)) {
                return in.open(i) ? exit : -1;
            }
        }
        return -1;
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
}
