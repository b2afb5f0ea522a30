// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.rsmworkbench.emulator.race.Race;
import org.rsmworkbench.emulator.race.RaceReport;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The offline race analysis of a recording: replays every process's events in an order consistent with causality
 * (by when each takes effect), keeps a vector clock per thread that the synchronizations join, and checks each access
 * against the last write and the reads of the bytes it touches ({@link Shadow}, FastTrack style): two conflicting
 * accesses of different threads race when the earlier one's clock is not below the later one's.
 * <p>
 * It reads the logs as columns ({@link EventColumns}): an event is a row of a log, named by a <em>reference</em>, the
 * log's index in the upper 32 bits and the row in the lower; only the few events that synchronize through another
 * process are made objects, to find the links between them ({@link Recording#causalFlows(java.util.stream.Stream)}).
 */
public final class HappensBefore {
    /** The kinds of events checked or matched only where every log holds all its events ({@link #complete}). */
    private static final Set<EventKind> CHECKED_ONLY_WHERE_COMPLETE = EnumSet.of(EventKind.PUT, EventKind.PUTV, EventKind.GET,
            EventKind.GETV, EventKind.LOAD, EventKind.STORE, EventKind.SIGNAL_POST, EventKind.SIGNAL_WAIT);

    private final List<EventColumns> logs;
    private final Map<ProcessThread, ThreadState> threads = new HashMap<>();
    /** The thread of the last event replayed, and its key: most events follow one of the same thread. */
    private ThreadState lastThread;
    private long lastThreadPid = -1;
    private long lastThreadId = -1;
    /** The incoming edges of each event (reference) that a flow of the recording ends at. */
    private final Map<Long, List<Long>> incoming = new HashMap<>();
    /** The clock of each event (reference) that starts an edge, once it is replayed. */
    private final Map<Long, long[]> released = new HashMap<>();
    /** The kinds of the events {@link #incoming} and {@link #released} hold: the others are not looked up. */
    private final Set<EventKind> linkedKinds = EnumSet.noneOf(EventKind.class);
    /** The clock of a thread's parent when it started it, by the child. */
    private final Map<ProcessThread, long[]> startClocks = new HashMap<>();
    /** The stack recorded for each call site of a process, by {@code pid site}. */
    private final Map<String, List<String>> stacks = new HashMap<>();
    /** The poll sites of each process, by {@code pid site}. */
    private final Set<String> pollSites = new HashSet<>();
    /** The processes' imports in EXPLICIT mode. */
    private final Set<ProcessSegment> explicit = new HashSet<>();
    /** The puts of a process's import in EXPLICIT mode that wait for a barrier close. */
    private final Map<ProcessSegment, List<Access>> unclosed = new HashMap<>();
    /** The bytes the last get of a thread at a site read, by {@code pid thread site offset length}. */
    private final Map<String, byte[]> lastGets = new HashMap<>();
    /** By {@link #segmentKey}: a number, not the segment's name, which would be formatted for each access. */
    private final Map<Long, Shadow> shadows = new HashMap<>();
    private long lastShadowKey;
    private Shadow lastShadow;
    /** The nodes connected to each segment. */
    private final Map<String, Set<Integer>> importers = new HashMap<>();
    /** The clocks of the posts not yet consumed, by {@code segment side}: "export" or the importing node. */
    private final Map<String, ArrayDeque<long[]>> posts = new HashMap<>();
    /** The first race of each pair of (file, line, op), by that pair. */
    private final Map<List<String>, Race> races = new LinkedHashMap<>();
    /** The pairs of (file, line, op) of a flag and the write a poll of it saw: not races. */
    private final Set<List<String>> flags = new HashSet<>();
    private long accesses;
    private long synchronizations;
    /** The logs that met their size limit. */
    private final List<LogLimit> limits;
    /**
     * Where every log holds all its events: the accesses and signals taking effect there are checked and matched, those
     * outside are not. Outside, a lost wait would leave its post to the next wait and a lost access its conflicts unseen:
     * a race found there could be false.
     */
    private final LogLimit.Complete complete;

    /** The analysis of the logs of a recording (the payloads of their rows must stay readable while it runs). */
    public HappensBefore(List<EventColumns> logs) {
        this.logs = logs;
        this.limits = logs.stream().map(EventColumns::limit).filter(Objects::nonNull).toList();
        this.complete = LogLimit.Complete.of(limits);
    }

    public RaceReport analyze() {
        Map<TraceEvent, Long> references = new IdentityHashMap<>();
        int count = 0;
        for (int index = 0; index < logs.size(); index++) {
            EventColumns log = logs.get(index);
            count += log.size();
            for (int row = 0; row < log.size(); row++) {
                EventKind kind = log.kind(row);
                if (Recording.mayBeCausal(kind, log.error(row))) {
                    references.put(log.event(row), reference(index, row));
                }
                if (kind == EventKind.STACK && log.site(row) != null) {
                    TraceEvent e = log.event(row);
                    stacks.put(e.pid() + " " + e.site(), List.of(e.text().split("\n")));
                    if (e.value() == 1) {
                        pollSites.add(e.pid() + " " + e.site());
                    }
                }
            }
        }
        for (Flow flow : Recording.causalFlows(references.keySet().stream())) {
            // signals are matched here: an export's post sends one event to every importing node, not one in all
            if (flow.kind() == Flow.Kind.PUBLISH || flow.kind() == Flow.Kind.FORCED_DISCONNECT) {
                incoming.computeIfAbsent(references.get(flow.to()), _ -> new ArrayList<>()).add(references.get(flow.from()));
                released.put(references.get(flow.from()), null);
                linkedKinds.add(flow.from().kind());
                linkedKinds.add(flow.to().kind());
            }
        }
        for (long reference : byEffect(count)) {
            replay(logs.get((int) (reference >>> 32)), (int) reference, reference);
        }
        List<Race> found = races.entrySet().stream().filter(entry -> !flags.contains(entry.getKey())).map(Map.Entry::getValue)
                .toList();
        long origin = logs.stream().mapToLong(EventColumns::startNanos).min().orElse(0);
        return new RaceReport(found, accesses, synchronizations, LogLimit.unchecked(limits, origin));
    }

    private static long reference(int logIndex, int row) {
        return (long) logIndex << 32 | row;
    }

    /**
     * The references of all {@code count} events, in the order of their effect ({@link #effectTime}), then process and
     * sequence number: the order of the replay.
     */
    private long[] byEffect(int count) {
        long[] references = new long[count];
        long[] effect = new long[count];
        long[] pid = new long[count];
        long[] sequence = new long[count];
        int at = 0;
        for (int index = 0; index < logs.size(); index++) {
            EventColumns log = logs.get(index);
            for (int row = 0; row < log.size(); row++, at++) {
                references[at] = reference(index, row);
                effect[at] = effectTime(log, row);
                pid[at] = log.pid();
                sequence[at] = log.sequence(row);
            }
        }
        int[] order = IntMergeSort.sort(count, (a, b) -> {
            int byTime = Long.compare(effect[a], effect[b]);
            if (byTime != 0) {
                return byTime;
            }
            int byProcess = Long.compare(pid[a], pid[b]);
            return byProcess != 0 ? byProcess : Long.compare(sequence[a], sequence[b]);
        });
        long[] sorted = new long[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = references[order[i]];
        }
        return sorted;
    }

    /** When an event's effect is certain ({@link EventKind#effectAtReturn}). */
    private static long effectTime(EventColumns log, int row) {
        return log.kind(row).effectAtReturn() ? log.end(row) : log.time(row);
    }

    private void replay(EventColumns e, int row, long reference) {
        ThreadState thread = thread(e, row);
        EventKind kind = e.kind(row);
        if (CHECKED_ONLY_WHERE_COMPLETE.contains(kind) && !complete.contains(effectTime(e, row))) {
            if (kind == EventKind.GET && !e.failed(row)) {
                lastGet(e, row, e.payloadForm(row) == PayloadForm.BYTES ? e.payload(row) : null); // see GET below
            }
            if (kind != EventKind.LOAD) { // as below
                thread.tick();
            }
            return;
        }
        boolean linked = linkedKinds.contains(kind);
        for (long source : linked ? incoming.getOrDefault(reference, List.of()) : List.<Long>of()) {
            long[] clock = released.get(source);
            if (clock != null) {
                thread.join(clock);
                synchronizations++;
            }
        }
        boolean ok = !e.failed(row);
        long pid = e.pid();
        switch (kind) {
            case PUT -> {
                if (ok) {
                    write(thread, e, row, e.offset(row), e.length(row), e.payloadForm(row) == PayloadForm.BYTES ? e.payloadAt(row) : -1,
                            e.payloadLength(row));
                }
            }
            case PUTV -> vector(thread, e, row, true);
            case GET -> {
                if (ok) {
                    byte[] bytes = e.payloadForm(row) == PayloadForm.BYTES ? e.payload(row) : null;
                    byte[] before = lastGet(e, row, bytes);
                    read(thread, e, row, e.offset(row), e.length(row), polled(e, row)
                            || before != null && bytes != null && !Arrays.equals(before, bytes));
                }
            }
            case GETV -> vector(thread, e, row, false);
            case LOAD -> read(thread, e, row, e.offset(row), e.length(row), e.value(row) == 1 || polled(e, row));
            case STORE -> store(thread, e, row);
            case SET_MODE -> {
                if (ok && (e.value(row) & 1) == 1) {
                    explicit.add(new ProcessSegment(pid, segmentKey(e, row)));
                } else if (ok) {
                    explicit.remove(new ProcessSegment(pid, segmentKey(e, row)));
                }
            }
            case BARRIER_CLOSE -> {
                List<Access> puts = unclosed.remove(new ProcessSegment(pid, segmentKey(e, row)));
                if (ok && puts != null) {
                    puts.forEach(put -> put.complete(thread));
                    synchronizations++;
                }
            }
            case CONNECT -> {
                if (ok) {
                    importers.computeIfAbsent(segment(e, row), _ -> new HashSet<>()).add(e.node());
                }
            }
            case DISCONNECT -> importers.getOrDefault(segment(e, row), new HashSet<>()).remove(e.node());
            case SIGNAL_POST -> {
                if (ok && (e.value(row) & TraceEvent.EXPORT_SIDE) != 0) {
                    for (int node : importers.getOrDefault(segment(e, row), Set.of())) {
                        posts.computeIfAbsent(segment(e, row) + " " + node, _ -> new ArrayDeque<>()).add(thread.clock);
                    }
                } else if (ok) {
                    posts.computeIfAbsent(segment(e, row) + " export", _ -> new ArrayDeque<>()).add(thread.clock);
                }
            }
            case SIGNAL_WAIT -> {
                ArrayDeque<long[]> pending = posts.get(segment(e, row) + " "
                        + ((e.value(row) & TraceEvent.EXPORT_SIDE) != 0 ? "export" : e.node()));
                long[] post = ok && pending != null ? pending.poll() : null;
                if (post != null) {
                    thread.join(post);
                    synchronizations++;
                }
            }
            case THREAD_START -> startClocks.put(new ProcessThread(pid, e.value(row)), thread.clock);
            case THREAD_JOIN -> {
                ThreadState joined = threads.get(new ProcessThread(pid, e.value(row)));
                if (joined != null) {
                    thread.join(joined.clock);
                    synchronizations++;
                }
            }
            default -> {
            }
        }
        if (linked && released.containsKey(reference)) {
            released.put(reference, thread.clock);
        }
        // a new epoch after each call and each store, so that a poll that saw a store is not ordered after later ones
        if (kind != EventKind.LOAD && kind != EventKind.STACK) {
            thread.tick();
        }
    }

    /**
     * Remembers {@code bytes}, those a get read (null: not recorded), as the last of its thread at its site and range
     * (also outside the span checked: the first get checked then knows whether it saw them change); returns those of
     * the get before.
     */
    private byte[] lastGet(EventColumns e, int row, byte[] bytes) {
        return lastGets.put(e.pid() + " " + e.threadId(row) + " " + e.site(row) + " " + e.offset(row) + " " + e.length(row), bytes);
    }

    /** A thread of a process. */
    private record ProcessThread(long pid, long threadId) {
    }

    /** A process's handle of a segment (by {@link #segmentKey}). */
    private record ProcessSegment(long pid, long segment) {
    }

    /** The segment of an event as one number: its exporting node and its id. */
    private static long segmentKey(EventColumns e, int row) {
        return (long) e.segmentNode(row) << 32 | e.segmentId(row) & 0xFFFF_FFFFL;
    }

    /** The name of the segment of an event ({@link TraceEvent#segment()}). */
    private static String segment(EventColumns e, int row) {
        return TraceEvent.segment(e.kind(row), e.segmentNode(row), e.segmentId(row));
    }

    private boolean polled(EventColumns e, int row) {
        return pollSites.contains(e.pid() + " " + e.site(row));
    }

    /** The thread of an event, made at its first event (after its parent's clock when its start was seen). */
    private ThreadState thread(EventColumns e, int row) {
        long pid = e.pid();
        long threadId = e.threadId(row);
        if (lastThread != null && pid == lastThreadPid && threadId == lastThreadId) {
            return lastThread;
        }
        ProcessThread key = new ProcessThread(pid, threadId);
        ThreadState thread = threads.get(key);
        if (thread == null) {
            thread = new ThreadState(threads.size());
            threads.put(key, thread);
            long[] parent = startClocks.get(key);
            if (parent != null) {
                thread.join(parent);
                synchronizations++;
            }
        }
        lastThread = thread;
        lastThreadPid = pid;
        lastThreadId = threadId;
        return thread;
    }

    /**
     * A put of {@code length} bytes at {@code offset}: whose bytes (when known) are at {@code bytesAt} in the log's
     * payloads, {@code bytesLength} of them.
     */
    private void write(ThreadState thread, EventColumns e, int row, long offset, long length, long bytesAt, long bytesLength) {
        Access put = new Access(e, row, thread, true, offset, length, bytesAt, bytesLength);
        ProcessSegment key = explicit.isEmpty() ? null : new ProcessSegment(e.pid(), segmentKey(e, row));
        if (key != null && explicit.contains(key)) {
            unclosed.computeIfAbsent(key, _ -> new ArrayList<>()).add(put); // complete at the next close
        } else {
            put.complete(thread);
        }
        check(put);
    }

    private void store(ThreadState thread, EventColumns e, int row) {
        Access store = new Access(e, row, thread, true, e.offset(row), e.length(row),
                e.payloadForm(row) == PayloadForm.BYTES ? e.payloadAt(row) : -1, e.payloadLength(row));
        store.complete(thread);
        check(store);
    }

    /** A read; when {@code polled} (it saw its bytes change), it may be a flag that orders this thread after a write. */
    private void read(ThreadState thread, EventColumns e, int row, long offset, long length, boolean polled) {
        boolean known = e.payloadForm(row) == PayloadForm.BYTES;
        Access read = new Access(e, row, thread, false, offset, length, known ? e.payloadAt(row) : -1, e.payloadLength(row));
        if (polled && known) {
            Access writer = shadow(e, row).lastWrite(offset, length);
            if (writer != null && writer.thread != thread && writer.wrote(offset, e.payload(row))) {
                thread.join(writer.issued);
                read.clock = thread.clock;
                synchronizations++;
                flags.add(pair(writer, read));
            }
        }
        check(read);
    }

    /** The requests of a putv or getv: its payload holds remote offset, length and bytes (or digest) of each. */
    private void vector(ThreadState thread, EventColumns e, int row, boolean put) {
        if (e.payloadForm(row) != PayloadForm.BYTES) {
            return;
        }
        long at = e.payloadAt(row);
        long end = at + e.payloadLength(row);
        while (end - at >= 16) {
            long offset = e.payloadLong(at);
            long length = e.payloadLong(at + 8);
            at += 16;
            long carried = Math.min(length, end - at);
            if (put) {
                write(thread, e, row, offset, length, carried == length ? at : -1, carried);
            } else {
                Access read = new Access(e, row, thread, false, offset, length, -1, 0);
                check(read);
            }
            at += carried;
        }
    }

    private Shadow shadow(EventColumns e, int row) {
        long key = segmentKey(e, row);
        if (lastShadow == null || key != lastShadowKey) { // most accesses follow one of the same segment
            lastShadow = shadows.computeIfAbsent(key, _ -> new Shadow());
            lastShadowKey = key;
        }
        return lastShadow;
    }

    /** Checks {@code access} against the accesses before it to its bytes, then remembers it. */
    private void check(Access access) {
        accesses++;
        shadow(access.log, access.row).apply(access, (earlier, later) -> {
            if (earlier.thread != later.thread && !earlier.before(later)) {
                race(earlier, later);
            }
        });
    }

    private void race(Access earlier, Access later) {
        List<String> key = pair(earlier, later);
        if (races.containsKey(key)) {
            return;
        }
        long from = Math.max(earlier.offset, later.offset);
        long to = Math.min(earlier.offset + earlier.length, later.offset + later.length);
        races.put(key, new Race(segment(earlier.log, earlier.row), from, to - from, report(earlier), report(later)));
    }

    /** The identity of a race: the keys of its two accesses, in order (both may be the same line). */
    private static List<String> pair(Access one, Access other) {
        String a = key(one);
        String b = key(other);
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    /** (file, line, op) of an access: its identity in a report. */
    private static String key(Access access) {
        CallSite site = access.log.site(access.row);
        return (site == null ? "?" : site.file() + ":" + site.line()) + " " + access.log.kind(access.row).label();
    }

    private Race.Access report(Access access) {
        EventColumns e = access.log;
        int row = access.row;
        CallSite site = e.site(row);
        List<String> stack = site == null ? List.of() : stacks.getOrDefault(e.pid() + " " + site, List.of(site.toString()));
        return new Race.Access(e.node(), e.pid(), e.threadName(row), e.kind(row).label(), site == null ? null : site.file(),
                site == null ? -1 : site.line(), stack, e.sequence(row));
    }

    /** A thread of a process and its vector clock (immutable arrays, replaced when it changes). */
    static final class ThreadState {
        final int index;
        long[] clock;

        ThreadState(int index) {
            this.index = index;
            this.clock = new long[index + 1];
            clock[index] = 1;
        }

        void tick() {
            long[] next = Arrays.copyOf(clock, Math.max(clock.length, index + 1));
            next[index]++;
            clock = next;
        }

        void join(long[] other) {
            long[] next = Arrays.copyOf(clock, Math.max(clock.length, other.length));
            boolean changed = false;
            for (int i = 0; i < other.length; i++) {
                if (other[i] > next[i]) {
                    next[i] = other[i];
                    changed = true;
                }
            }
            if (changed) {
                clock = next;
            }
        }
    }

    /** One access to a range of a segment. */
    static final class Access {
        /** Its event: a row of a log. */
        final EventColumns log;
        final int row;
        final ThreadState thread;
        final boolean write;
        final long offset;
        final long length;
        /** Where the bytes moved over the whole range are in the log's payloads, or -1 when not known. */
        final long bytesAt;
        /** The clock of its thread when it was made: a poll that saw its bytes is ordered after what came before. */
        final long[] issued;
        /** The thread whose clock says when the access was complete, and that clock; null while not complete. */
        ThreadState completer;
        long[] clock;

        /** An access whose bytes, when known ({@code bytesAt} not -1), are {@code bytesLength} bytes at {@code bytesAt}. */
        Access(EventColumns log, int row, ThreadState thread, boolean write, long offset, long length, long bytesAt,
                long bytesLength) {
            this.log = log;
            this.row = row;
            this.thread = thread;
            this.write = write;
            this.offset = offset;
            this.length = length;
            this.bytesAt = bytesAt >= 0 && bytesLength == length ? bytesAt : -1;
            this.issued = thread.clock;
            this.completer = thread;
            this.clock = write ? null : thread.clock;
        }

        void complete(ThreadState by) {
            completer = by;
            clock = by.clock;
        }

        /** Whether this access happened before {@code later} (made after it in the replay). */
        boolean before(Access later) {
            if (clock == null) {
                return false;
            }
            long[] seen = later.thread.clock;
            int i = completer.index;
            return i < seen.length && clock[i] <= seen[i];
        }

        /** Whether this write put the bytes {@code read} at {@code at}. */
        boolean wrote(long at, byte[] read) {
            if (bytesAt < 0 || at < offset || at + read.length > offset + length) {
                return false;
            }
            return Arrays.equals(log.payloadBytes(bytesAt + at - offset, read.length), read);
        }
    }

}
