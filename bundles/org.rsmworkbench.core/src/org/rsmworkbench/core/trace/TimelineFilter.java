// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.util.Set;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * What the timeline shows: an empty set lets everything through on that axis.
 *
 * @param nodes the nodes shown (a marker's node is the node it is about)
 * @param pids the processes shown (markers are kept: they belong to no node process)
 * @param segments the segments shown, as {@link TraceEvent#segment()} names them ({@code 1:0x400100}); events about no
 *        segment are hidden when this is not empty, markers are kept
 * @param categories the categories shown
 * @param kinds the kinds of event shown (a signal wait's beginning is shown with {@link EventKind#SIGNAL_WAIT})
 */
public record TimelineFilter(Set<Integer> nodes, Set<Long> pids, Set<String> segments, Set<TimelineCategory> categories,
        Set<EventKind> kinds) {

    /** Shows every event. */
    public static final TimelineFilter ALL = new TimelineFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public TimelineFilter {
        nodes = Set.copyOf(nodes);
        pids = Set.copyOf(pids);
        segments = Set.copyOf(segments);
        categories = Set.copyOf(categories);
        kinds = Set.copyOf(kinds);
    }

    /** Whether the timeline shows {@code event}, drawn on the lanes of {@code node}. */
    boolean accepts(TraceEvent event, int node) {
        return accepts(event.kind(), event.error(), event.pid(), event.segmentNode(), event.segmentId(), node);
    }

    /** Whether the timeline shows an event with these fields, drawn on the lanes of {@code node}. */
    boolean accepts(EventKind kind, int error, long pid, int segmentNode, int segmentId, int node) {
        TimelineCategory category = TimelineCategory.of(kind, error);
        boolean marker = category == TimelineCategory.FAULT;
        return (nodes.isEmpty() || nodes.contains(node))
                && (marker || pids.isEmpty() || pids.contains(pid))
                && (categories.isEmpty() || categories.contains(category))
                && (kinds.isEmpty() || kinds.contains(kind == EventKind.SIGNAL_WAIT_BEGIN ? EventKind.SIGNAL_WAIT : kind))
                // last: the segment's name is made only when segments are filtered
                && (marker || segments.isEmpty() || shows(TraceEvent.segment(kind, segmentNode, segmentId)));
    }

    private boolean shows(String segment) {
        return segment != null && segments.contains(segment);
    }

    public TimelineFilter withNodes(Set<Integer> shown) {
        return new TimelineFilter(shown, pids, segments, categories, kinds);
    }

    public TimelineFilter withPids(Set<Long> shown) {
        return new TimelineFilter(nodes, shown, segments, categories, kinds);
    }

    public TimelineFilter withSegments(Set<String> shown) {
        return new TimelineFilter(nodes, pids, shown, categories, kinds);
    }

    public TimelineFilter withCategories(Set<TimelineCategory> shown) {
        return new TimelineFilter(nodes, pids, segments, shown, kinds);
    }

    public TimelineFilter withKinds(Set<EventKind> shown) {
        return new TimelineFilter(nodes, pids, segments, categories, shown);
    }
}
