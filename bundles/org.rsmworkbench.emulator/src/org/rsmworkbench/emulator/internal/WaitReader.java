// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

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
 * ({@link WaitTracker}, {@link WaitProbe}), and from the segment and connection tables who could end each wait.
 */
public final class WaitReader {
    /** A verdict older than this comes from a JVM that no longer makes them (the probe writes one every 100 ms). */
    static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private WaitReader() {
    }

    public static ClusterWaits read(ClusterRuntime runtime) {
        Registry registry = runtime.registry;
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
            for (int slot : liveSlots) {
                Wait wait = waitOf(registry, slot, nodeOfProcess, now);
                if (wait != null) {
                    waits.add(wait);
                }
            }
            return new ClusterWaits(waits);
        });
    }

    /** The wait of the process in {@code slot}, or null when it waits in none (or its record changed while read). */
    private static Wait waitOf(Registry registry, int slot, Map<Integer, Integer> nodeOfProcess, long now) {
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
        boolean timed = (flags & Waits.TIMED) != 0;
        Verdict verdict = Verdict.UNKNOWN;
        CallSite site = null;
        long blockedSince = 0;
        int verdictSerial = registry.getIntAcquire(Waits.at(slot, Waits.VERDICT_SERIAL));
        if (verdictSerial == serial) {
            long age = now - registry.getLong(Waits.at(slot, Waits.VERDICT_NANOS));
            int code = registry.getInt(Waits.at(slot, Waits.VERDICT));
            site = site(registry, slot);
            blockedSince = registry.getLong(Waits.at(slot, Waits.BLOCKED_NANOS));
            if (age < FRESH_NANOS) {
                verdict = switch (code) {
                case WaitProbe.BLOCKED -> Verdict.BLOCKED;
                case WaitProbe.TIMED -> Verdict.TIMED;
                case WaitProbe.EVENT_PENDING -> Verdict.EVENT_PENDING;
                case WaitProbe.THREAD_RUNNING -> Verdict.THREAD_RUNNING;
                default -> Verdict.UNKNOWN;
                };
            }
            java.lang.invoke.VarHandle.acquireFence();
            if (registry.getIntAcquire(Waits.at(slot, Waits.VERDICT_SERIAL)) != serial) {
                verdict = Verdict.UNKNOWN; // the probe was rewriting it
                site = null;
            }
        }
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
        return new Wait(process, registry.getInt(Proc.at(slot, Proc.NODE)), serial,
                (flags & Waits.POLL) != 0 ? Call.SIGNAL_WAIT_POLLFD : Call.SIGNAL_WAIT, segments, timed, site, verdict,
                verdict == Verdict.BLOCKED ? blockedSince : 0, wakerList);
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
