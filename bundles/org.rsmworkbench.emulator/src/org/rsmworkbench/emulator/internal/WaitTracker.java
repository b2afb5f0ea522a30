// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.invoke.VarHandle;
import java.util.List;

import org.rsmworkbench.emulator.internal.Registry.Waits;

/**
 * The signal wait of one process, published in its wait record of the registry ({@link Waits}) so that any JVM of the
 * cluster sees where it waits. The waiter's cost is a few plain stores into its own record on entry and one on exit,
 * none on the poster's side: what needs more (the call site, whether the process's other threads run, whether an
 * event is pending) is found by the {@link WaitProbe} of its JVM, outside the signal path.
 * <p>
 * One record per process: when two threads of a process wait at once the record shows the last one, and the probe
 * sees the other thread as one that runs, so the process is not taken as blocked (a deadlock then goes unreported,
 * never a false one).
 */
final class WaitTracker {
    /**
     * For benchmarks only: {@code -Drsm.waitTracking=false} makes the trackers of the JVM publish no wait, so that
     * the benchmarks can measure what tracking costs the signal path against none, in the same run
     * ({@code WaitTrackingCost}). Deadlock detection and the views then see no wait of that JVM. Read once, when the
     * JVM opens its first library: a static final, which the JIT folds, so tracking on costs no test.
     */
    static final boolean TRACKING = !"false".equals(System.getProperty("rsm.waitTracking"));

    private final Registry registry;
    private final long record;
    /** The threads of the process: those of the thread group of the thread that opened it (subgroups included). */
    final ThreadGroup threads;
    // The last wait entered, for the probe: plain fields, which it checks against the serial it read before them.
    Thread waiter;
    /** The {@link SegmentHandle}, or the list of {@link PollFdImpl}, that the last wait waits on. */
    Object waitedOn;
    private int lastSerial;
    // the probe's own fields: the wait whose call site it wrote into the record, and the wait it found blocked and when
    int siteSerial;
    int blockedSerial;
    long blockedNanos;

    WaitTracker(Registry registry, int processSlot, int processSerial) {
        this.registry = registry;
        this.record = Waits.at(processSlot, 0);
        this.threads = Thread.currentThread().getThreadGroup();
        registry.putInt(record + Waits.SERIAL, 0);
        registry.putInt(record + Waits.VERDICT_SERIAL, 0);
        registry.putIntRelease(record + Waits.OWNER, processSerial);
    }

    /** A thread of the process starts waiting on the events of {@code handle}. */
    void enter(SegmentHandle handle, int timeoutMillis) {
        if (!TRACKING) {
            return;
        }
        remember(handle);
        registry.putLong(record + Waits.COUNTERS, handle.eventCounter());
        publish(1, timeoutMillis, 0);
    }

    /** A thread of the process starts waiting on the events of the segments of {@code fds}. */
    void enter(List<PollFdImpl> fds, int timeoutMillis) {
        if (!TRACKING) {
            return;
        }
        remember(fds);
        // a wait on more segments than the record holds names none: it is shown, never taken as part of a deadlock
        int count = fds.size() <= Waits.MAX_COUNTERS ? fds.size() : 0;
        for (int i = 0; i < count; i++) {
            registry.putLong(record + Waits.COUNTERS + 8L * i, fds.get(i).owner().eventCounter());
        }
        publish(count, timeoutMillis, Waits.POLL);
    }

    /** Keeps the waiting thread and what it waits on for the probe; a program waiting again the same way stores nothing. */
    private void remember(Object waitingOn) {
        Thread thread = Thread.currentThread();
        if (waiter != thread) {
            waiter = thread;
        }
        if (waitedOn != waitingOn) {
            waitedOn = waitingOn;
        }
    }

    private void publish(int counters, int timeoutMillis, int kind) {
        registry.putInt(record + Waits.FLAGS, counters | kind | (timeoutMillis < 0 ? 0 : Waits.TIMED));
        int serial = ++lastSerial;
        if (serial == 0) {
            serial = lastSerial = 1; // 0 means "not waiting"
        }
        registry.putIntRelease(record + Waits.SERIAL, serial);
    }

    /** The wait ends (however: an event, a timeout, an error). */
    void exit() {
        if (!TRACKING) {
            return;
        }
        registry.putIntRelease(record + Waits.SERIAL, 0);
    }

    /** The serial of the wait in progress, 0 when none. */
    int serial() {
        return registry.getIntAcquire(record + Waits.SERIAL);
    }

    int flags() {
        return registry.getInt(record + Waits.FLAGS);
    }

    /**
     * The probe's verdict on wait {@code serial}, made at {@code nanoTime}, with its call site when it is new ({@code site}
     * null: unchanged). A wait found {@link WaitProbe#BLOCKED} keeps the time it was first found so while it stays so.
     */
    void publishVerdict(int serial, int verdict, long nanoTime, byte[] site, int line) {
        if (verdict != WaitProbe.BLOCKED) {
            blockedSerial = 0;
        } else if (blockedSerial != serial) {
            blockedSerial = serial;
            blockedNanos = nanoTime;
        }
        registry.putIntRelease(record + Waits.VERDICT_SERIAL, ~serial);
        VarHandle.storeStoreFence(); // a reader that sees a field rewritten sees the mark
        registry.putInt(record + Waits.VERDICT, verdict);
        registry.putLong(record + Waits.VERDICT_NANOS, nanoTime);
        registry.putLong(record + Waits.BLOCKED_NANOS, blockedNanos);
        if (site != null) {
            int length = Math.min(site.length, Waits.MAX_SITE);
            registry.putBytes(record + Waits.SITE, site, length);
            registry.putInt(record + Waits.SITE_LENGTH, length);
            registry.putInt(record + Waits.SITE_LINE, line);
            siteSerial = serial;
        }
        registry.putIntRelease(record + Waits.VERDICT_SERIAL, serial);
    }
}
