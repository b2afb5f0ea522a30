// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

/**
 * One row of the timeline: a node (its faults, starts and ends as markers), one of its processes (a header), or one
 * thread of a process (its calls as spans).
 *
 * @param pid the process id, 0 for a node lane
 * @param threadId the Java thread id, 0 for a node or process lane
 */
public record TimelineLane(Level level, int node, long pid, long threadId, String label) {

    /** How deep a lane is in the tree node / process / thread. */
    public enum Level {
        NODE, PROCESS, THREAD
    }
}
