// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.rsmworkbench.emulator.internal.TraceFormat;
import org.rsmworkbench.rsmapi.RsmError;

/**
 * Finds the links of {@link Recording#flows()} between events given a few at a time, in the order of their effects
 * ({@link #causalOrder}, {@link #dataOrder}): all of a recording at once ({@link Recording}), or what each read of a
 * recording still being written added (the timeline). It keeps what later events may link to (the posts not yet
 * consumed, the last publish and cut of each segment, the last {@value #DATA_FLOW_LOOKBACK} puts of each segment), not
 * every event. The events are of any type {@code E} that {@code asEvent} makes a {@link TraceEvent} of (an event with
 * the caller's reference to it); not thread-safe.
 *
 * @param <E> the caller's events
 */
public final class FlowLinker<E> {
    /** Takes a link found. */
    @FunctionalInterface
    public interface Sink<E> {
        void link(Flow.Kind kind, E from, E to);
    }

    /** The errors that say a call failed because its connection was cut. */
    static final Set<Integer> LOST_CONNECTION = Set.of(RsmError.CONN_ABORTED.code(),
            RsmError.REMOTE_NODE_UNREACHABLE.code(), RsmError.SEG_NOT_CONNECTED.code(), RsmError.BAD_SEG_HNDL.code(),
            RsmError.BAD_SGIO.code(), RsmError.BARRIER_FAILURE.code());

    /** The calls that {@link #addCausal} links to what they enable or cut off, when they succeed. */
    private static final Set<EventKind> CAUSES = EnumSet.of(EventKind.SIGNAL_POST, EventKind.EXPORT_PUBLISH,
            EventKind.EXPORT_REPUBLISH, EventKind.EXPORT_UNPUBLISH, EventKind.EXPORT_DESTROY, EventKind.EXPORT_REBIND,
            EventKind.FAULT);

    /** The calls {@link #addCausal} links when they succeed. */
    private static final Set<EventKind> CAUSAL_KINDS = EnumSet.of(EventKind.SIGNAL_POST, EventKind.SIGNAL_WAIT,
            EventKind.EXPORT_PUBLISH, EventKind.EXPORT_REPUBLISH, EventKind.CONNECT, EventKind.EXPORT_UNPUBLISH,
            EventKind.EXPORT_DESTROY, EventKind.EXPORT_REBIND);

    /** How many earlier puts of a segment a get looks through for the last one that overlaps its range. */
    static final int DATA_FLOW_LOOKBACK = 64;

    private final Function<E, TraceEvent> asEvent;
    private final Sink<E> sink;
    private final Map<String, Deque<E>> pendingPosts = new HashMap<>();
    private final Map<String, E> lastPublish = new HashMap<>();
    private final Map<String, E> lastCut = new HashMap<>();
    private final Map<Integer, E> lastKill = new HashMap<>();
    /** The last puts of each segment, by end, the newest first. */
    private final Map<String, Deque<E>> recentPuts = new HashMap<>();
    /** The posts and waits linked are those that take effect in this span ({@link #linkOnlyWhereComplete}). */
    private LogLimit.Complete complete = LogLimit.Complete.of(List.of());

    public FlowLinker(Function<E, TraceEvent> asEvent, Sink<E> sink) {
        this.asEvent = asEvent;
        this.sink = sink;
    }

    /**
     * Whether an event of {@code kind} that failed with {@code error} (0: it succeeded) may be an end of a causal link
     * (signal, publish, forced disconnect): the others need not be given to {@link #addCausal}.
     */
    public static boolean mayBeCausal(EventKind kind, int error) {
        return kind == EventKind.FAULT || (error != 0 ? LOST_CONNECTION.contains(error) : CAUSAL_KINDS.contains(kind));
    }

    /** Whether an event may be an end of a data link (a put or a get that succeeded): the others need not be given to {@link #addData}. */
    public static boolean mayBeData(EventKind kind, int error, int segmentId) {
        return (kind == EventKind.PUT || kind == EventKind.GET) && error == 0 && TraceEvent.hasSegment(segmentId);
    }

    /**
     * When a causal event takes effect, the order of {@link #addCausal}: a cause (a post, a publish, a cut) at its
     * start, since another process may see it before the call returns; an effect (a wait, a connect, a failed call) at
     * its return.
     */
    public static long causalOrder(EventKind kind, int error, long time, long end) {
        return CAUSES.contains(kind) && error == 0 ? time : end;
    }

    /** The order of {@link #addData}: a put once it ended, a get when it began (a get sees the puts that ended before it). */
    public static long dataOrder(EventKind kind, long time, long end) {
        return kind == EventKind.PUT ? end : time;
    }

    /** Events sorted for {@link #addCausal} (ties by time, process and sequence). */
    public static Comparator<TraceEvent> byCausalOrder() {
        return Comparator.comparingLong((TraceEvent e) -> causalOrder(e.kind(), e.error(), e.time(), e.end())).thenComparing(Recording.BY_TIME);
    }

    /** Events sorted for {@link #addData} (ties: a get before a put, then by time, process and sequence). */
    public static Comparator<TraceEvent> byDataOrder() {
        return Comparator.comparingLong((TraceEvent e) -> dataOrder(e.kind(), e.time(), e.end()))
                .thenComparing(e -> e.kind() == EventKind.PUT).thenComparing(Recording.BY_TIME);
    }

    /**
     * From now on links signal posts and waits only where every log of the recording holds all its events
     * ({@link LogLimit.Complete}): a post whose wait a log lost would stay unconsumed and be given to the next wait,
     * and every wait after it to the post before its own. (The other links join an effect to the last cause before it,
     * which a gap does not shift.) Posts waiting for their wait from before that span are dropped.
     *
     * @param limits the logs that met their limit ({@link Recording#logLimits()})
     */
    public void linkOnlyWhereComplete(List<LogLimit> limits) {
        complete = LogLimit.Complete.of(limits);
        pendingPosts.values().forEach(posts -> posts.removeIf(post -> asEvent.apply(post).time() < complete.from()));
    }

    /**
     * Links {@code event}, given in {@link #causalOrder} after every event before it: each signal wait that returned
     * with an event to the earliest post to its side of the segment (an import's post to the export's waits, an
     * export's to its importers') not consumed by an earlier wait; each connect to the last publish of its segment;
     * each call that failed for a lost connection to the last event before it that cut that segment (its unpublish,
     * destroy or rebind, or a fault that killed its node).
     */
    public void addCausal(E event) {
        TraceEvent e = asEvent.apply(event);
        String segment = e.segment();
        if (e.kind() == EventKind.FAULT && !e.failed() && e.text().startsWith("kill:")) {
            lastKill.put(e.segmentNode(), event);
        }
        if (segment == null) {
            return;
        }
        if (!e.failed()) {
            switch (e.kind()) {
                // a post on an import wakes the export's waiter, and the other way round
                case SIGNAL_POST -> {
                    if (complete.contains(e.time())) {
                        pendingPosts.computeIfAbsent(segment + (e.exportSide() ? " import" : " export"), _ -> new ArrayDeque<>())
                                .add(event);
                    }
                }
                case SIGNAL_WAIT -> {
                    if (!complete.contains(e.end())) {
                        return;
                    }
                    Deque<E> posts = pendingPosts.get(segment + (e.exportSide() ? " export" : " import"));
                    E post = posts == null ? null : posts.poll();
                    if (post != null) {
                        sink.link(Flow.Kind.SIGNAL, post, event);
                    }
                }
                case EXPORT_PUBLISH, EXPORT_REPUBLISH -> lastPublish.put(segment, event);
                case CONNECT -> {
                    E publish = lastPublish.get(segment);
                    if (publish != null) {
                        sink.link(Flow.Kind.PUBLISH, publish, event);
                    }
                }
                case EXPORT_UNPUBLISH, EXPORT_DESTROY, EXPORT_REBIND -> lastCut.put(segment, event);
                default -> {
                }
            }
        } else if (LOST_CONNECTION.contains(e.error())) {
            E cut = lastCut.get(segment);
            E kill = lastKill.get(e.segmentNode());
            E cause = cut == null || kill != null && asEvent.apply(kill).time() > asEvent.apply(cut).time() ? kill : cut;
            if (cause != null && asEvent.apply(cause).pid() != e.pid()) {
                sink.link(Flow.Kind.FORCED_DISCONNECT, cause, event);
            }
        }
    }

    /**
     * Links {@code event}, given in {@link #dataOrder} after every event before it: a get that succeeded to the last put
     * to its segment that ended before the get began and overlaps its range (among the {@value #DATA_FLOW_LOOKBACK}
     * last puts to end before it), when that put covers the get's whole range and recorded its bytes in full, and the
     * get's digest (or bytes) equals those bytes.
     */
    public void addData(E event) {
        TraceEvent e = asEvent.apply(event);
        if (e.failed() || e.segment() == null) {
            return;
        }
        if (e.kind() == EventKind.PUT) {
            Deque<E> puts = recentPuts.computeIfAbsent(e.segment(), _ -> new ArrayDeque<>());
            puts.addFirst(event);
            if (puts.size() > DATA_FLOW_LOOKBACK) {
                puts.removeLast();
            }
            return;
        }
        if (e.kind() != EventKind.GET || e.length() == 0) {
            return;
        }
        for (E candidate : recentPuts.getOrDefault(e.segment(), new ArrayDeque<>())) {
            TraceEvent put = asEvent.apply(candidate);
            if (put.offset() < e.offset() + e.length() && e.offset() < put.offset() + put.length()) {
                if (readBytesOf(e, put)) {
                    sink.link(Flow.Kind.DATA, candidate, event);
                }
                return;
            }
        }
    }

    /** Whether {@code put} recorded every byte it wrote over {@code get}'s range and {@code get} read exactly those. */
    private static boolean readBytesOf(TraceEvent get, TraceEvent put) {
        long from = get.offset() - put.offset();
        if (from < 0 || from + get.length() > put.length() || put.payloadForm() != TraceEvent.PayloadForm.BYTES) {
            return false;
        }
        return switch (get.payloadForm()) {
            case DIGEST -> get.payload().length == Long.BYTES && ByteBuffer.wrap(get.payload()).order(ByteOrder.LITTLE_ENDIAN)
                    .getLong() == TraceFormat.digest(MemorySegment.ofArray(put.payload()), from, get.length());
            case BYTES -> Arrays.equals(get.payload(), 0, get.payload().length, put.payload(), (int) from, (int) (from + get.length()));
            default -> false;
        };
    }
}
