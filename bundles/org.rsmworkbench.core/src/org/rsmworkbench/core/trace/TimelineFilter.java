package org.rsmworkbench.core.trace;

import java.util.Set;

import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * What the timeline shows: an empty set lets everything through on that axis.
 *
 * @param nodes the nodes shown (a marker's node is the node it is about)
 * @param pids the processes shown (markers are kept: they belong to no node process)
 * @param segments the segments shown, as {@link TraceEvent#segment()} names them ({@code 1:0x400100}); events about no
 *        segment are hidden when this is not empty, markers are kept
 * @param categories the categories shown
 */
public record TimelineFilter(Set<Integer> nodes, Set<Long> pids, Set<String> segments, Set<TimelineCategory> categories) {

    /** Shows every event. */
    public static final TimelineFilter ALL = new TimelineFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public TimelineFilter {
        nodes = Set.copyOf(nodes);
        pids = Set.copyOf(pids);
        segments = Set.copyOf(segments);
        categories = Set.copyOf(categories);
    }

    /** Whether the timeline shows {@code event}, drawn on the lanes of {@code node}. */
    boolean accepts(TraceEvent event, int node) {
        TimelineCategory category = TimelineCategory.of(event);
        boolean marker = category == TimelineCategory.FAULT;
        return (nodes.isEmpty() || nodes.contains(node))
                && (marker || pids.isEmpty() || pids.contains(event.pid()))
                && (marker || segments.isEmpty() || event.segment() != null && segments.contains(event.segment()))
                && (categories.isEmpty() || categories.contains(category));
    }

    public TimelineFilter withNodes(Set<Integer> shown) {
        return new TimelineFilter(shown, pids, segments, categories);
    }

    public TimelineFilter withPids(Set<Long> shown) {
        return new TimelineFilter(nodes, shown, segments, categories);
    }

    public TimelineFilter withSegments(Set<String> shown) {
        return new TimelineFilter(nodes, pids, shown, categories);
    }

    public TimelineFilter withCategories(Set<TimelineCategory> shown) {
        return new TimelineFilter(nodes, pids, segments, shown);
    }
}
