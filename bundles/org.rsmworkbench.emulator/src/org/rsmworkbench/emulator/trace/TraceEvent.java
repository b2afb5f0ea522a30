// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.nio.charset.StandardCharsets;

/**
 * One recorded event: an RSM call of a node process (from its start to its return), or a fault, start or end of a
 * process recorded by the launcher (node {@link #LAUNCHER}).
 *
 * @param time when it began, in nanoseconds of CLOCK_MONOTONIC (the same clock in every JVM of the machine)
 * @param duration how long the call took, in nanoseconds (0 for an instant)
 * @param node the node of the process ({@link #LAUNCHER} for the launcher)
 * @param pid the process id of its JVM
 * @param threadId the Java thread id ({@link Thread#threadId()})
 * @param sequence the number of the event in its process, from 0, in the order the calls began
 * @param error the {@code RSMERR_*} number the call failed with, 0 when it succeeded, -1 for a Java exception
 *        (e.g. a null argument)
 * @param segmentNode the node that exports the segment the call is about (0 when none, or node 0: see
 *        {@link #hasSegment}); for a launcher event (a fault,
 *        a process started or ended: category {@link EventKind.Category#FAULT}) the node it is about
 * @param segmentId the segment id, 0 when none or not yet published; for the end of a node JVM
 *        ({@link EventKind#PROCESS_EXIT}) its pid ({@link #exitedPid()})
 * @param offset the offset in the segment (put, get, map), or 0
 * @param length the number of bytes (put, get, putv, getv, map, export size), or 0
 * @param value a number whose meaning depends on the kind: the events a wait consumed, the permission of a connect,
 *        the flags of a post, the barrier mode set (0 IMPLICIT, 1 EXPLICIT), the permission of a map, the number of
 *        requests of a putv or getv, the timeout of a wait's beginning, the pid of a process started, the exit status
 *        of a process ended, or 0; for the signal kinds and get/release_pollfd, {@link #EXPORT_SIDE} is added when the
 *        call was made on the export segment (rather than on an import of it)
 * @param payload the bytes put, the bytes or digest a get returned, or a text; see {@code payloadForm}
 * @param site the program's frame that made the call, or null when it was not captured
 */
public record TraceEvent(long time, long duration, int node, long pid, long threadId, String threadName, long sequence,
        EventKind kind, int error, int segmentNode, int segmentId, long offset, long length, long value, byte[] payload,
        PayloadForm payloadForm, CallSite site) {
    /** The node of the launcher's log (node ids are 0 to 63). Logs written before it was -1 say 0, read as this. */
    public static final int LAUNCHER = -1;

    /** The bit of {@link #value()} that says a signal call was made on the export segment. */
    public static final long EXPORT_SIDE = 1L << 32;

    /** What {@link TraceEvent#payload()} holds. */
    public enum PayloadForm {
        /** Nothing. */
        NONE,
        /** All the bytes moved. */
        BYTES,
        /** The first bytes moved; {@link TraceEvent#length()} says how many there were. */
        TRUNCATED,
        /** An 8-byte digest (FNV-1a 64, little-endian) of the bytes moved, not the bytes. */
        DIGEST,
        /** UTF-8 text (what a fault did). */
        TEXT
    }

    /** When it ended. */
    public long end() {
        return time + duration;
    }

    /** Whether a signal call was made on the export segment, not an import. */
    public boolean exportSide() {
        return (value & EXPORT_SIDE) != 0;
    }

    public boolean failed() {
        return error != 0;
    }

    /** {@code <exporting node>:0x<segment id in hex>}, or null when the event is about no segment. */
    public String segment() {
        return segment(kind, segmentNode, segmentId);
    }

    /** {@link #segment()} of an event of {@code kind} about {@code segmentNode} and {@code segmentId}. */
    public static String segment(EventKind kind, int segmentNode, int segmentId) {
        return !hasSegment(segmentId) || kind.category() == EventKind.Category.FAULT ? null
                : segmentNode + ":0x" + Integer.toHexString(segmentId);
    }

    /**
     * Whether an event with {@code segmentId} is about a segment: a published segment has a non-zero id (a publish that
     * gives 0 is given one), and its node may be 0; an export not yet published, whose id is still 0, is no segment yet.
     */
    public static boolean hasSegment(int segmentId) {
        return segmentId != 0;
    }

    /** Who recorded the events of {@code node}, for a person: {@code node N}, or {@code the launcher}. */
    public static String recorder(int node) {
        return node == LAUNCHER ? "the launcher" : "node " + node;
    }

    /**
     * For the end of a node JVM ({@link EventKind#PROCESS_EXIT}), the pid of that JVM: what tells the lanes of the
     * process that ended, since {@link #pid()} is the launcher's. 0 for other events, and for the ends recorded before
     * they carried the pid (their text still names it).
     */
    public long exitedPid() {
        return exitedPid(kind, segmentId);
    }

    /** {@link #exitedPid()} of an event of {@code kind} with {@code segmentId}. */
    public static long exitedPid(EventKind kind, int segmentId) {
        return kind == EventKind.PROCESS_EXIT ? Integer.toUnsignedLong(segmentId) : 0;
    }

    /**
     * How a node JVM that ended with exit status {@code status} (the {@link #value()} of its
     * {@link EventKind#PROCESS_EXIT}) ended: {@code killed by signal 9} (a process killed by signal N has status 128 + N),
     * or {@code exited with 1}.
     */
    public static String ending(long status) {
        return killed(status) ? "killed by signal " + (status - 128) : "exited with " + status;
    }

    /** Whether exit status {@code status} says that a signal killed the process. */
    public static boolean killed(long status) {
        return status > 128;
    }

    /** The payload as text when it is one, else null. */
    public String text() {
        return payloadForm == PayloadForm.TEXT ? new String(payload, StandardCharsets.UTF_8) : null;
    }
}
