// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.Set;

import org.rsmworkbench.emulator.race.Race;
import org.rsmworkbench.emulator.race.RaceReport;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * The offline race analysis of a recording: replays every process's events in an order consistent with causality
 * (by when each takes effect), keeps a vector clock per thread that the synchronizations join, and checks each access
 * against the last write and the reads of the bytes it touches ({@link Shadow}, FastTrack style): two conflicting
 * accesses of different threads race when the earlier one's clock is not below the later one's.
 */
public final class HappensBefore {
    private final Recording recording;
    private final Map<ProcessThread, ThreadState> threads = new HashMap<>();
    /** The incoming edges of each event that a flow of the recording ends at. */
    private final Map<TraceEvent, List<TraceEvent>> incoming = new IdentityHashMap<>();
    /** The clock of each event that starts an edge, once it is replayed. */
    private final Map<TraceEvent, long[]> released = new IdentityHashMap<>();
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

    public HappensBefore(Recording recording) {
        this.recording = recording;
    }

    public RaceReport analyze() {
        for (Flow flow : recording.causalFlows()) {
            // signals are matched here: an export's post sends one event to every importing node, not one in all
            if (flow.kind() == Flow.Kind.PUBLISH || flow.kind() == Flow.Kind.FORCED_DISCONNECT) {
                incoming.computeIfAbsent(flow.to(), _ -> new ArrayList<>()).add(flow.from());
                released.put(flow.from(), null);
                linkedKinds.add(flow.from().kind());
                linkedKinds.add(flow.to().kind());
            }
        }
        List<TraceEvent> events = new ArrayList<>();
        recording.logs().forEach(log -> events.addAll(log.events()));
        for (TraceEvent e : events) {
            if (e.kind() == EventKind.STACK && e.site() != null) {
                stacks.put(e.pid() + " " + e.site(), List.of(e.text().split("\n")));
                if (e.value() == 1) {
                    pollSites.add(e.pid() + " " + e.site());
                }
            }
        }
        // written out, not composed of comparingLong: the sort of millions of events spends its time in the comparator
        events.sort((a, b) -> {
            int order = Long.compare(effectTime(a), effectTime(b));
            return order != 0 ? order : Recording.processOrder(a, b);
        });
        for (TraceEvent e : events) {
            replay(e);
        }
        List<Race> found = races.entrySet().stream().filter(entry -> !flags.contains(entry.getKey())).map(Map.Entry::getValue)
                .toList();
        return new RaceReport(found, accesses, synchronizations);
    }

    /**
     * When an event's effect is certain: a wait, join, connect or read (get, getv) when it returned (what it read was
     * there by then), anything else when it began.
     */
    private static long effectTime(TraceEvent e) {
        return switch (e.kind()) {
            case SIGNAL_WAIT, SIGNAL_WAIT_POLLFD, THREAD_JOIN, CONNECT, BARRIER_CLOSE, GET, GETV -> e.end();
            default -> e.time();
        };
    }

    private void replay(TraceEvent e) {
        ThreadState thread = thread(e);
        boolean linked = linkedKinds.contains(e.kind());
        for (TraceEvent source : linked ? incoming.getOrDefault(e, List.of()) : List.<TraceEvent>of()) {
            long[] clock = released.get(source);
            if (clock != null) {
                thread.join(clock);
                synchronizations++;
            }
        }
        boolean ok = !e.failed();
        switch (e.kind()) {
            case PUT -> {
                if (ok) {
                    write(thread, e, e.offset(), e.length(), e.payloadForm() == PayloadForm.BYTES ? e.payload() : null);
                }
            }
            case PUTV -> vector(thread, e, true);
            case GET -> {
                if (ok) {
                    byte[] bytes = e.payloadForm() == PayloadForm.BYTES ? e.payload() : null;
                    byte[] before = lastGets.put(e.pid() + " " + e.threadId() + " " + e.site() + " " + e.offset() + " "
                            + e.length(), bytes);
                    read(thread, e, e.offset(), e.length(), bytes, polled(e) || before != null && bytes != null && !Arrays.equals(before, bytes));
                }
            }
            case GETV -> vector(thread, e, false);
            case LOAD -> read(thread, e, e.offset(), e.length(), e.payloadForm() == PayloadForm.BYTES ? e.payload() : null,
                    e.value() == 1 || polled(e));
            case STORE -> store(thread, e);
            case SET_MODE -> {
                if (ok && (e.value() & 1) == 1) {
                    explicit.add(new ProcessSegment(e.pid(), segmentKey(e)));
                } else if (ok) {
                    explicit.remove(new ProcessSegment(e.pid(), segmentKey(e)));
                }
            }
            case BARRIER_CLOSE -> {
                List<Access> puts = unclosed.remove(new ProcessSegment(e.pid(), segmentKey(e)));
                if (ok && puts != null) {
                    puts.forEach(put -> put.complete(thread));
                    synchronizations++;
                }
            }
            case CONNECT -> {
                if (ok) {
                    importers.computeIfAbsent(e.segment(), _ -> new HashSet<>()).add(e.node());
                }
            }
            case DISCONNECT -> importers.getOrDefault(e.segment(), new HashSet<>()).remove(e.node());
            case SIGNAL_POST -> {
                if (ok && e.exportSide()) {
                    for (int node : importers.getOrDefault(e.segment(), Set.of())) {
                        posts.computeIfAbsent(e.segment() + " " + node, _ -> new ArrayDeque<>()).add(thread.clock);
                    }
                } else if (ok) {
                    posts.computeIfAbsent(e.segment() + " export", _ -> new ArrayDeque<>()).add(thread.clock);
                }
            }
            case SIGNAL_WAIT -> {
                ArrayDeque<long[]> pending = posts.get(e.segment() + " " + (e.exportSide() ? "export" : e.node()));
                long[] post = ok && pending != null ? pending.poll() : null;
                if (post != null) {
                    thread.join(post);
                    synchronizations++;
                }
            }
            case THREAD_START -> startClocks.put(new ProcessThread(e.pid(), e.value()), thread.clock);
            case THREAD_JOIN -> {
                ThreadState joined = threads.get(new ProcessThread(e.pid(), e.value()));
                if (joined != null) {
                    thread.join(joined.clock);
                    synchronizations++;
                }
            }
            default -> {
            }
        }
        if (linked && released.containsKey(e)) {
            released.put(e, thread.clock);
        }
        // a new epoch after each call and each store, so that a poll that saw a store is not ordered after later ones
        if (e.kind() != EventKind.LOAD && e.kind() != EventKind.STACK) {
            thread.tick();
        }
    }

    /** A thread of a process. */
    private record ProcessThread(long pid, long threadId) {
    }

    /** A process's handle of a segment (by {@link #segmentKey}). */
    private record ProcessSegment(long pid, long segment) {
    }

    /** The segment of {@code e} as one number: its exporting node and its id. */
    private static long segmentKey(TraceEvent e) {
        return (long) e.segmentNode() << 32 | e.segmentId() & 0xFFFF_FFFFL;
    }

    private boolean polled(TraceEvent e) {
        return pollSites.contains(e.pid() + " " + e.site());
    }

    /** The thread of {@code e}, made at its first event (after its parent's clock when its start was seen). */
    private ThreadState thread(TraceEvent e) {
        ProcessThread key = new ProcessThread(e.pid(), e.threadId());
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
        return thread;
    }

    private void write(ThreadState thread, TraceEvent e, long offset, long length, byte[] bytes) {
        Access put = new Access(e, thread, true, offset, length, bytes);
        ProcessSegment key = new ProcessSegment(e.pid(), segmentKey(e));
        if (explicit.contains(key)) {
            unclosed.computeIfAbsent(key, _ -> new ArrayList<>()).add(put); // complete at the next close
        } else {
            put.complete(thread);
        }
        check(put);
    }

    private void store(ThreadState thread, TraceEvent e) {
        Access store = new Access(e, thread, true, e.offset(), e.length(), e.payloadForm() == PayloadForm.BYTES ? e.payload() : null);
        store.complete(thread);
        check(store);
    }

    /** A read; when {@code polled} (it saw its bytes change), it may be a flag that orders this thread after a write. */
    private void read(ThreadState thread, TraceEvent e, long offset, long length, byte[] bytes, boolean polled) {
        Access read = new Access(e, thread, false, offset, length, bytes);
        if (polled && bytes != null) {
            Access writer = shadow(e).lastWrite(offset, length);
            if (writer != null && writer.thread != thread && writer.wrote(offset, bytes)) {
                thread.join(writer.issued);
                read.clock = thread.clock;
                synchronizations++;
                flags.add(pair(writer, read));
            }
        }
        check(read);
    }

    /** The requests of a putv or getv: its payload holds remote offset, length and bytes (or digest) of each. */
    private void vector(ThreadState thread, TraceEvent e, boolean put) {
        if (e.payloadForm() != PayloadForm.BYTES) {
            return;
        }
        ByteBuffer payload = ByteBuffer.wrap(e.payload()).order(ByteOrder.LITTLE_ENDIAN);
        while (payload.remaining() >= 16) {
            long offset = payload.getLong();
            long length = payload.getLong();
            int carried = (int) Math.min(length, payload.remaining());
            byte[] bytes = new byte[carried];
            payload.get(bytes);
            if (put) {
                write(thread, e, offset, length, carried == length ? bytes : null);
            } else {
                read(thread, e, offset, length, null, false);
            }
        }
    }

    private Shadow shadow(TraceEvent e) {
        long key = segmentKey(e);
        if (lastShadow == null || key != lastShadowKey) { // most accesses follow one of the same segment
            lastShadow = shadows.computeIfAbsent(key, _ -> new Shadow());
            lastShadowKey = key;
        }
        return lastShadow;
    }

    /** Checks {@code access} against the accesses before it to its bytes, then remembers it. */
    private void check(Access access) {
        accesses++;
        shadow(access.event).apply(access, (earlier, later) -> {
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
        races.put(key, new Race(earlier.event.segment(), from, to - from, report(earlier), report(later)));
    }

    /** The identity of a race: the keys of its two accesses, in order (both may be the same line). */
    private static List<String> pair(Access one, Access other) {
        String a = key(one);
        String b = key(other);
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    /** (file, line, op) of an access: its identity in a report. */
    private static String key(Access access) {
        CallSite site = access.event.site();
        return (site == null ? "?" : site.file() + ":" + site.line()) + " " + access.event.kind().label();
    }

    private Race.Access report(Access access) {
        TraceEvent e = access.event;
        CallSite site = e.site();
        List<String> stack = site == null ? List.of() : stacks.getOrDefault(e.pid() + " " + site, List.of(site.toString()));
        return new Race.Access(e.node(), e.pid(), e.threadName(), e.kind().label(), site == null ? null : site.file(),
                site == null ? -1 : site.line(), stack, e.sequence());
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
        final TraceEvent event;
        final ThreadState thread;
        final boolean write;
        final long offset;
        final long length;
        /** The bytes moved over the whole range, or null when not known. */
        final byte[] bytes;
        /** The clock of its thread when it was made: a poll that saw its bytes is ordered after what came before. */
        final long[] issued;
        /** The thread whose clock says when the access was complete, and that clock; null while not complete. */
        ThreadState completer;
        long[] clock;

        Access(TraceEvent event, ThreadState thread, boolean write, long offset, long length, byte[] bytes) {
            this.event = event;
            this.thread = thread;
            this.write = write;
            this.offset = offset;
            this.length = length;
            this.bytes = bytes != null && bytes.length == length ? bytes : null;
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

        /** Whether this write put {@code read} at {@code at}. */
        boolean wrote(long at, byte[] read) {
            if (bytes == null || at < offset || at + read.length > offset + length) {
                return false;
            }
            return Arrays.equals(bytes, (int) (at - offset), (int) (at - offset) + read.length, read, 0, read.length);
        }
    }

}
