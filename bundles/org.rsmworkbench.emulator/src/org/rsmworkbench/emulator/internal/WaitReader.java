// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.ClusterWaits.Call;
import org.rsmworkbench.emulator.ClusterWaits.SegmentName;
import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.ClusterWaits.Waker;
import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Events;
import org.rsmworkbench.emulator.internal.Registry.Proc;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.emulator.internal.Registry.Waits;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * Reads {@link ClusterWaits} from the registry without its lock: the wait records of the live processes
 * ({@link WaitTracker}, {@link WaitProbe}), and from the segment and connection tables who could end each wait. A look
 * is not {@linkplain ClusterWaits#complete() complete} when a wait's verdict reads {@link Verdict#UNKNOWN} though its
 * JVM may have found it blocked (the verdict was being rewritten, or is not fresh): a deadlock it is in may still be there.
 */
public final class WaitReader {
    /** A verdict older than this comes from a JVM that no longer makes them (the probe writes one every 100 ms). */
    static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /**
     * What the probe found of a wait, as a look reads it; {@code hidden} when the look cannot tell what the probe last
     * found: it was rewriting its verdict, or its verdict that the wait is blocked is no longer fresh.
     */
    private record Judgement(Verdict verdict, CallSite site, long blockedSince, boolean hidden) {
        static final Judgement NONE_YET = new Judgement(Verdict.UNKNOWN, null, 0, false);
        static final Judgement BEING_REWRITTEN = new Judgement(Verdict.UNKNOWN, null, 0, true);
    }

    /** A wait as a look read it, and whether its judgement is {@link Judgement#hidden() hidden}. */
    private record WaitRead(Wait found, boolean hidden) {
    }

    private WaitReader() {
    }

    public static ClusterWaits read(ClusterRuntime runtime) {
        return read(runtime.registry);
    }

    static ClusterWaits read(Registry registry) {
        return registry.read(() -> {
            Map<Integer, Integer> nodeOfProcess = new HashMap<>();
            List<Integer> liveSlots = new ArrayList<>();
            for (int p = 0, end = registry.processSlots(); p < end; p++) {
                if (registry.getIntAcquire(Proc.at(p, Proc.STATE)) == Proc.LIVE) {
                    nodeOfProcess.put(registry.getInt(Proc.at(p, Proc.SERIAL)), registry.getInt(Proc.at(p, Proc.NODE)));
                    liveSlots.add(p);
                }
            }
            long now = System.nanoTime();
            List<Wait> waits = new ArrayList<>();
            boolean complete = true;
            for (int slot : liveSlots) {
                WaitRead read = waitOf(registry, slot, nodeOfProcess, now);
                if (read != null) {
                    waits.add(read.found());
                    complete &= !read.hidden();
                }
            }
            return new ClusterWaits(waits, complete);
        });
    }

    /** The wait of the process in {@code slot}, or null when it waits in none (or its record changed while read). */
    private static WaitRead waitOf(Registry registry, int slot, Map<Integer, Integer> nodeOfProcess, long now) {
        int process = registry.getInt(Proc.at(slot, Proc.SERIAL));
        int serial = registry.getIntAcquire(Waits.at(slot, Waits.SERIAL));
        if (serial == 0 || registry.getIntAcquire(Waits.at(slot, Waits.OWNER)) != process) {
            return null;
        }
        int flags = registry.getInt(Waits.at(slot, Waits.FLAGS));
        int count = Math.min(flags & Waits.COUNT_MASK, Waits.MAX_COUNTERS);
        List<SegmentName> segments = new ArrayList<>();
        Set<Integer> wakers = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            long counter = registry.getLong(Waits.at(slot, Waits.COUNTERS) + 8L * i);
            SegmentName segment = waitedSegment(registry, counter, wakers);
            if (segment == null) {
                return null; // not a counter: the record was being rewritten
            }
            segments.add(segment);
        }
        Judgement judgement = judgement(registry, slot, serial, now);
        if (registry.getIntAcquire(Waits.at(slot, Waits.SERIAL)) != serial) {
            return null; // the wait ended while it was read
        }
        List<Waker> wakerList = new ArrayList<>();
        for (int waker : wakers) {
            Integer node = nodeOfProcess.get(waker);
            if (node != null) {
                wakerList.add(new Waker(waker, node));
            }
        }
        Wait wait = new Wait(process, registry.getInt(Proc.at(slot, Proc.NODE)), serial,
                (flags & Waits.POLL) != 0 ? Call.SIGNAL_WAIT_POLLFD : Call.SIGNAL_WAIT, segments, (flags & Waits.TIMED) != 0,
                judgement.site(), judgement.verdict(), judgement.blockedSince(), wakerList);
        return new WaitRead(wait, judgement.hidden());
    }

    /** What the probe found of wait {@code serial} of the record in {@code slot}, read at {@code now}. */
    private static Judgement judgement(Registry registry, int slot, int serial, long now) {
        int verdictSerial = registry.getIntAcquire(Waits.at(slot, Waits.VERDICT_SERIAL));
        if (verdictSerial == ~serial) {
            return Judgement.BEING_REWRITTEN;
        }
        if (verdictSerial != serial) {
            return Judgement.NONE_YET; // a wait too new for the probe: no deadlock told so far can hold it
        }
        long age = now - registry.getLong(Waits.at(slot, Waits.VERDICT_NANOS));
        int code = registry.getInt(Waits.at(slot, Waits.VERDICT));
        CallSite site = site(registry, slot);
        long blockedSince = registry.getLong(Waits.at(slot, Waits.BLOCKED_NANOS));
        VarHandle.acquireFence();
        if (registry.getIntAcquire(Waits.at(slot, Waits.VERDICT_SERIAL)) != serial) {
            return Judgement.BEING_REWRITTEN;
        }
        if (age >= FRESH_NANOS) {
            // its JVM makes no verdicts (stopped, suspended in a debugger, or held up): a wait it found blocked may be in a
            // deadlock told, which this look must not end (it would be told again once the JVM runs), even if no deadlock
            // of the cluster can then end while that JVM stays stopped
            return new Judgement(Verdict.UNKNOWN, site, 0, code == WaitProbe.BLOCKED);
        }
        Verdict verdict = switch (code) {
        case WaitProbe.BLOCKED -> Verdict.BLOCKED;
        case WaitProbe.TIMED -> Verdict.TIMED;
        case WaitProbe.EVENT_PENDING -> Verdict.EVENT_PENDING;
        case WaitProbe.THREAD_RUNNING -> Verdict.THREAD_RUNNING;
        default -> Verdict.UNKNOWN;
        };
        return new Judgement(verdict, site, verdict == Verdict.BLOCKED ? blockedSince : 0, false);
    }

    /**
     * The segment whose event counter is at {@code counter}, adding to {@code wakers} the processes that can post to
     * it (RSMAPI §3.6): an export segment's counter gets the posts of its importers while it is published; an import
     * segment's (a connection's) the posts of the exporting process on its export handle while connected. Null when
     * {@code counter} is no event counter.
     */
    private static SegmentName waitedSegment(Registry registry, long counter, Set<Integer> wakers) {
        if (counter >= Events.SEGMENTS && counter < Events.CONNECTIONS && (counter - Events.SEGMENTS) % Events.SIZE == 0) {
            int seg = (int) ((counter - Events.SEGMENTS) / Events.SIZE);
            int state = registry.getIntAcquire(Seg.at(seg, Seg.STATE));
            int segSerial = registry.getInt(Seg.at(seg, Seg.SERIAL));
            if (state == Seg.PUBLISHED) {
                for (int c = 0, end = registry.connectionSlots(); c < end; c++) {
                    if (registry.getIntAcquire(Conn.at(c, Conn.STATE)) == Conn.CONNECTED
                            && registry.getInt(Conn.at(c, Conn.SEGMENT_SLOT)) == seg
                            && registry.getInt(Conn.at(c, Conn.SEGMENT_SERIAL)) == segSerial) {
                        wakers.add(registry.getInt(Conn.at(c, Conn.PROCESS)));
                    }
                }
            }
            return new SegmentName(registry.getInt(Seg.at(seg, Seg.NODE)), registry.getInt(Seg.at(seg, Seg.SEGMENT_ID)));
        }
        if (counter >= Events.CONNECTIONS && counter < Waits.BASE && (counter - Events.CONNECTIONS) % Events.SIZE == 0) {
            int conn = (int) ((counter - Events.CONNECTIONS) / Events.SIZE);
            if (registry.getIntAcquire(Conn.at(conn, Conn.STATE)) == Conn.CONNECTED) {
                int seg = registry.getInt(Conn.at(conn, Conn.SEGMENT_SLOT));
                if (seg >= 0 && seg < Registry.MAX_SEGMENTS && registry.getIntAcquire(Seg.at(seg, Seg.STATE)) != Seg.FREE
                        && registry.getInt(Seg.at(seg, Seg.SERIAL)) == registry.getInt(Conn.at(conn, Conn.SEGMENT_SERIAL))) {
                    wakers.add(registry.getInt(Seg.at(seg, Seg.OWNER)));
                }
            }
            return new SegmentName(registry.getInt(Conn.at(conn, Conn.EXPORTER_NODE)),
                    registry.getInt(Conn.at(conn, Conn.SEGMENT_ID)));
        }
        return null;
    }

    /** The call site the probe wrote, or null. */
    private static CallSite site(Registry registry, int slot) {
        int length = registry.getInt(Waits.at(slot, Waits.SITE_LENGTH));
        if (length <= 0 || length > Waits.MAX_SITE) {
            return null;
        }
        String[] parts = new String(registry.getBytes(Waits.at(slot, Waits.SITE), length), StandardCharsets.UTF_8)
                .split("\t", -1);
        if (parts.length != 3) {
            return null;
        }
        return new CallSite(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2],
                registry.getInt(Waits.at(slot, Waits.SITE_LINE)));
    }
}
