// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race;

/**
 * Two accesses to the same bytes of a segment, one of them a write, that nothing orders.
 *
 * @param segment {@code <exporting node>:0x<segment id in hex>}
 * @param offset the first byte both accesses touch
 * @param length how many bytes both touch
 * @param first the access seen first
 * @param second the other
 */
public record Race(String segment, long offset, long length, Access first, Access second) {

    /**
     * One side of a race.
     *
     * @param node the node of the process that made it
     * @param pid that process
     * @param thread the name of the thread
     * @param op {@code put}, {@code get}, {@code putv}, {@code getv}, {@code load} or {@code store}
     * @param file the source file of the program's frame that made it, or null when unknown
     * @param line its line, or a negative number when unknown
     * @param stack the thread's stack from that frame, as stack traces show frames
     * @param sequence the sequence number of its event in the log of process {@code pid}: with the pid, the event's
     *        identity in the run's recording (the timeline shows it); not in the JSON report, whose contract is fixed
     */
    public record Access(int node, long pid, String thread, String op, String file, int line, java.util.List<String> stack,
            long sequence) {
    }
}
