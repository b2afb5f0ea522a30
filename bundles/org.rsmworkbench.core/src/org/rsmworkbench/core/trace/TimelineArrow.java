// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import org.rsmworkbench.emulator.trace.Flow;

/**
 * A causal link to draw: from the start of {@code flow.from()} (a post takes effect while it runs, and the wait it
 * wakes may return before the post does) in lane {@code fromLane} to the end of {@code flow.to()}
 * in lane {@code toLane} (lane indexes of {@link TimelineModel#lanes()}), in pixels of the window it was computed for.
 * An arrow between two events shown together ({@link TimelineModel#pairArrow}: the accesses of a race) has no flow,
 * and goes from the middle of one to the middle of the other.
 *
 * @param flow the causal link, or null for the arrow of a pair of events
 */
public record TimelineArrow(Flow flow, int fromLane, int fromX, int toLane, int toX) {
}
