// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.rsmworkbench.emulator.trace.CallSite;

/**
 * Where the processes of a running cluster wait: one {@link Wait} for each process with a thread in a signal wait,
 * read from the cluster's registry without blocking it ({@link EmulatedCluster#waits()}).
 * {@link WaitForAnalysis} finds the deadlocks among them.
 *
 * @param complete whether every wait of the cluster was read: false when a part of it could not be (a distributed
 *        registry that did not answer, or whose last read is too old), or a wait's verdict reads {@link Verdict#UNKNOWN}
 *        though its JVM may have found it blocked (the verdict was being rewritten, or the JVM has made none since it
 *        found it blocked), so that a wait missing from {@code waits}, or not blocked in them, may still be there, blocked:
 *        such a look cannot tell that a deadlock ended ({@link DeadlockWatch})
 */
public record ClusterWaits(List<Wait> waits, boolean complete) {

    public ClusterWaits {
        waits = List.copyOf(waits);
    }

    /** Waits read whole. */
    public ClusterWaits(List<Wait> waits) {
        this(waits, true);
    }

    /** The RSM call a process waits in. */
    public enum Call {
        SIGNAL_WAIT("signalWait"), SIGNAL_WAIT_POLLFD("signalWaitPollFd");

        private final String method;

        Call(String method) {
            this.method = method;
        }

        /** The method of the Java binding: {@code signalWait}, {@code signalWaitPollFd}. */
        public String method() {
            return method;
        }
    }

    /** What the JVM of the waiting process found about the wait (its probe looks ten times a second). */
    public enum Verdict {
        /** No timeout, no event pending, and no other thread of the process runs: only a post can end the wait. */
        BLOCKED,
        /** The wait has a finite timeout: it ends by itself. */
        TIMED,
        /** An event is pending on a segment waited on: the waiter is about to take it. */
        EVENT_PENDING,
        /** Another thread of the process runs (or sleeps with a timeout): it may post or interrupt. */
        THREAD_RUNNING,
        /** Not known: the wait is too new, or the process's JVM makes no verdicts (stopped, suspended in a debugger). */
        UNKNOWN
    }

    /** A segment as the programs and the contract of {@code rsm-launch} name it: {@code <exporting node>:0x<id>}. */
    public record SegmentName(int node, int id) {
        @Override
        public String toString() {
            return node + ":0x" + Integer.toHexString(id);
        }
    }

    /** A process that could end a wait, by posting to the segment waited on. */
    public record Waker(int process, int node) {
    }

    /**
     * The signal wait of one process.
     *
     * @param process the serial of the waiting process in the cluster files; a negative number for a process of a
     *        distributed cluster whose wait its registry holds (a node JVM with files of its own), one per ZooKeeper session
     * @param serial the serial of the wait (in its process): a new wait has another one
     * @param segments the segments waited on (empty for a pollfd wait on more segments than the registry keeps)
     * @param site the program's frame that made the call, or null while its JVM has not found it yet
     * @param blockedSince for a {@link Verdict#BLOCKED} wait, when its JVM first found it blocked (and has found it so
     *        since), in {@link System#nanoTime()} (the host's monotonic clock, which the JVMs of a cluster share); for a
     *        wait read from a distributed cluster's registry, when the reader first saw it there, in the reader's clock
     * @param wakers the processes that could end the wait now, by the signal semantics of RSMAPI: for a wait on an
     *        export segment its importers (they post through their import handles), for a wait on an import segment
     *        the process that exports it (a post on the export handle reaches every importer)
     */
    public record Wait(int process, int node, int serial, Call call, List<SegmentName> segments, boolean timed,
            CallSite site, Verdict verdict, long blockedSince, List<Waker> wakers) {

        public Wait {
            segments = List.copyOf(segments);
            wakers = List.copyOf(wakers);
        }

        /** The nodes of the {@link #wakers}, in order. */
        public SortedSet<Integer> wakerNodes() {
            TreeSet<Integer> nodes = new TreeSet<>();
            wakers.forEach(w -> nodes.add(w.node()));
            return nodes;
        }

        /** The call site as a stack trace shows its end: {@code File.java:LINE}; "unknown line" when not known. */
        public String siteText() {
            if (site == null) {
                return "unknown line";
            }
            return (site.file() == null ? "Unknown Source" : site.file()) + (site.line() >= 0 ? ":" + site.line() : "");
        }
    }
}
