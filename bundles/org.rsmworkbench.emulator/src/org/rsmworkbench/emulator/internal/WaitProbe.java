// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rsmworkbench.emulator.internal.Registry.Waits;

/**
 * Looks, for every process of this JVM that is in a signal wait, at what the waiter cannot cheaply publish itself,
 * and writes its verdict into the process's wait record ({@link WaitTracker}): whether the wait has a timeout, an
 * event is already pending, or another thread of the process runs (so it could still post or interrupt), and else
 * that the process is blocked; with the call site of the wait (the waiting thread's first frame outside the RSM
 * runtime), taken once per wait. Run by the cluster watcher of the JVM, every tick; a verdict carries the time it was
 * made ({@link System#nanoTime()}, the host's monotonic clock on Linux, which every JVM of the cluster shares), so that
 * readers ignore the verdicts of a JVM that no longer makes them (stopped, or suspended in a debugger).
 * <p>
 * A thread of the process is "running" unless it waits without a timeout (WAITING), is blocked on a monitor, is not
 * started, or is itself in an untimed signal wait of a process of this JVM: a thread that sleeps or waits with a
 * timeout wakes by itself, and a RUNNABLE thread may be computing before it posts. The runtime's own threads are not
 * in the program's thread group ({@link RuntimeThreads}): they do not count.
 */
final class WaitProbe {
    /** Verdicts, as written in the VERDICT word. */
    static final int BLOCKED = 1, TIMED = 2, EVENT_PENDING = 3, THREAD_RUNNING = 4;

    private final List<ProcessLibrary> processes;

    WaitProbe(List<ProcessLibrary> processes) {
        this.processes = processes;
    }

    void tick() {
        Set<Thread> untimedWaiters = null;
        for (ProcessLibrary process : processes) {
            WaitTracker waits = process.waits;
            int serial = waits.serial();
            if (serial == 0) {
                continue;
            }
            Thread waiter = waits.waiter;
            Object waitedOn = waits.waitedOn;
            int flags = waits.flags();
            if (waiter == null || waitedOn == null) {
                continue;
            }
            int verdict;
            if ((flags & Waits.TIMED) != 0) {
                verdict = TIMED;
            } else if (hasPendingEvent(waitedOn)) {
                verdict = EVENT_PENDING;
            } else {
                if (untimedWaiters == null) {
                    untimedWaiters = untimedWaiters();
                }
                verdict = anotherThreadRuns(waits.threads, waiter, untimedWaiters) ? THREAD_RUNNING : BLOCKED;
            }
            StackTraceElement site = null;
            if (waits.siteSerial != serial) {
                site = callSite(waiter.getStackTrace());
            }
            if (waits.serial() != serial) {
                continue; // the wait ended meanwhile: what was found may be about another one
            }
            waits.publishVerdict(serial, verdict, System.nanoTime(), site == null ? null : siteText(site),
                    site == null ? -1 : site.getLineNumber());
        }
    }

    /** The threads of this JVM in a signal wait without a timeout. */
    private Set<Thread> untimedWaiters() {
        Set<Thread> threads = new HashSet<>();
        for (ProcessLibrary process : processes) {
            WaitTracker waits = process.waits;
            Thread waiter = waits.waiter;
            if (waits.serial() != 0 && (waits.flags() & Waits.TIMED) == 0 && waiter != null) {
                threads.add(waiter);
            }
        }
        return threads;
    }

    private static boolean hasPendingEvent(Object waitedOn) {
        if (waitedOn instanceof SegmentHandle handle) {
            return handle.hasPendingEvent();
        }
        for (Object fd : (List<?>) waitedOn) {
            if (((PollFdImpl) fd).owner().hasPendingEvent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anotherThreadRuns(ThreadGroup group, Thread waiter, Set<Thread> untimedWaiters) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int count = group.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (thread == waiter || untimedWaiters.contains(thread)) {
                continue;
            }
            switch (thread.getState()) {
            case NEW, WAITING, BLOCKED, TERMINATED -> {
                // cannot act before a thread of the process wakes it
            }
            case RUNNABLE, TIMED_WAITING -> {
                return true;
            }
            }
        }
        return false;
    }

    /**
     * The program's frame that called the RSM runtime: the first frame outside it (as the recorder takes it) below the
     * runtime's frames, which lie under the JDK's frames of the futex call; null when there is none.
     */
    private static StackTraceElement callSite(StackTraceElement[] frames) {
        boolean inRuntime = false;
        for (StackTraceElement frame : frames) {
            boolean runtime = TraceLog.isRuntime(frame.getClassName());
            if (inRuntime && !runtime) {
                return frame;
            }
            inRuntime |= runtime;
        }
        return null;
    }

    /** The call site as the record holds it: {@code class\tmethod\tfile} (file empty when unknown). */
    private static byte[] siteText(StackTraceElement site) {
        String file = site.getFileName() == null ? "" : site.getFileName();
        return (site.getClassName() + "\t" + site.getMethodName() + "\t" + file).getBytes(StandardCharsets.UTF_8);
    }
}
