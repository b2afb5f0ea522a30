// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.rsmapi.AccessEntry;

/**
 * The publish, republish and unpublish history of a cluster's segments, found by diffing successive
 * {@link ClusterState} snapshots (the emulator keeps no log). A segment is known by exporter node and
 * segment id. Between two snapshots several calls may have happened: the segment's publish counter
 * tells how many publishes and republishes were missed, and the event says so. Thread-safe.
 */
public final class PublishHistory {
    /** What happened to a segment. */
    public enum Kind {
        PUBLISHED("published"), REPUBLISHED("republished"), UNPUBLISHED("unpublished"), DESTROYED("gone");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One event; {@code oldAcl} is null for a publish, {@code newAcl} null for an unpublish or removal. */
    public record Event(Instant time, long version, int node, int segmentId, Kind kind, List<AccessEntry> oldAcl,
            List<AccessEntry> newAcl, String detail) {
        /** "node 1 segment 0x2a republished: ACL [2:0600] -> [2:0640]". */
        public String describe() {
            return "node " + node + " segment " + ClusterTree.hex(segmentId) + " " + kind.label() + ": " + detail;
        }
    }

    private record Key(int node, int segmentId) {
    }

    /** At most this many events are kept (the oldest are dropped). */
    public static final int LIMIT = 10_000;

    private final List<Event> events = new ArrayList<>();
    private Map<Key, ClusterState.Segment> published;
    private Map<Key, ClusterState.Segment> bound = Map.of();
    private long lastVersion = -1;

    /**
     * Records what changed since the previous snapshot. The first snapshot records the segments
     * published at that moment as "published (already when watching began)".
     *
     * @return the new events, in node and segment order
     */
    public synchronized List<Event> observe(ClusterState state) {
        return observe(state, Instant.now());
    }

    synchronized List<Event> observe(ClusterState state, Instant now) {
        if (state.version() == lastVersion && published != null) {
            return List.of();
        }
        Map<Key, ClusterState.Segment> nowPublished = new HashMap<>();
        Map<Key, ClusterState.Segment> nowBound = new HashMap<>();
        for (ClusterState.Segment segment : state.segments()) {
            Key key = new Key(segment.node(), segment.segmentId());
            if (segment.published()) {
                nowPublished.put(key, segment);
            } else if (segment.segmentId() != 0) {
                nowBound.put(key, segment);
            }
        }
        List<Event> fresh = new ArrayList<>();
        if (published == null) {
            for (ClusterState.Segment segment : nowPublished.values()) {
                fresh.add(new Event(now, state.version(), segment.node(), segment.segmentId(), Kind.PUBLISHED, null,
                        segment.acl(), "ACL " + acl(segment.acl()) + " (already published when watching began)"));
            }
        } else {
            for (Map.Entry<Key, ClusterState.Segment> entry : nowPublished.entrySet()) {
                ClusterState.Segment segment = entry.getValue();
                ClusterState.Segment before = published.get(entry.getKey());
                if (before == null || before.ownerProcess() != segment.ownerProcess()) {
                    String detail = "ACL " + acl(segment.acl());
                    if (before != null) {
                        detail += " (by process #" + segment.ownerProcess() + "; the export of process #"
                                + before.ownerProcess() + " is gone)";
                    } else if (bound.containsKey(entry.getKey())) {
                        detail += " (published again after an unpublish)";
                    }
                    fresh.add(new Event(now, state.version(), segment.node(), segment.segmentId(), Kind.PUBLISHED,
                            before == null ? null : before.acl(), segment.acl(), detail));
                } else if (!before.acl().equals(segment.acl()) || before.publishCount() != segment.publishCount()) {
                    int calls = segment.publishCount() - before.publishCount();
                    fresh.add(new Event(now, state.version(), segment.node(), segment.segmentId(), Kind.REPUBLISHED,
                            before.acl(), segment.acl(), "ACL " + acl(before.acl()) + " -> " + acl(segment.acl())
                                    + (calls > 1 ? " (" + calls + " publishes and republishes since the last look)" : "")));
                }
            }
            for (Map.Entry<Key, ClusterState.Segment> entry : published.entrySet()) {
                if (nowPublished.containsKey(entry.getKey())) {
                    continue;
                }
                ClusterState.Segment before = entry.getValue();
                if (nowBound.containsKey(entry.getKey())) {
                    fresh.add(new Event(now, state.version(), before.node(), before.segmentId(), Kind.UNPUBLISHED,
                            before.acl(), null, "was published with ACL " + acl(before.acl())
                                    + "; still bound, importers can no longer connect"));
                } else {
                    String why = nodeUp(state, before.node()) ? "destroyed, or its process exited"
                            : "node " + before.node() + " went down";
                    fresh.add(new Event(now, state.version(), before.node(), before.segmentId(), Kind.DESTROYED,
                            before.acl(), null, why + " (was published with ACL " + acl(before.acl()) + ")"));
                }
            }
        }
        fresh.sort(java.util.Comparator.comparingInt(Event::node).thenComparingInt(Event::segmentId)
                .thenComparing(Event::kind));
        events.addAll(fresh);
        if (events.size() > LIMIT) {
            events.subList(0, events.size() - LIMIT).clear();
        }
        published = nowPublished;
        bound = nowBound;
        lastVersion = state.version();
        return fresh;
    }

    /** Every event recorded, oldest first. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of one segment, oldest first. */
    public synchronized List<Event> events(int node, int segmentId) {
        return events.stream().filter(e -> e.node() == node && e.segmentId() == segmentId).toList();
    }

    private static boolean nodeUp(ClusterState state, int node) {
        return state.nodes().stream().anyMatch(n -> n.id() == node && n.up());
    }

    /** "[1:0600, 2:0640]", or "empty (every node, creator's mode)". */
    public static String acl(List<AccessEntry> acl) {
        return acl == null || acl.isEmpty() ? "empty (every node, creator's mode)" : acl.toString();
    }
}
