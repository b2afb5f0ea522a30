// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.races;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rsmworkbench.emulator.race.Race;
import org.rsmworkbench.emulator.race.RaceReport;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * What the Races view shows of a race report, without any widget: the races grouped by segment, then by the pair of
 * source lines that race, each race with its two accesses; and what the problem marker of each access's line says
 * about the other side.
 */
public final class RaceTree {
    /** Segments in the order of their exporting node, then of their id. */
    private static final Comparator<String> SEGMENT_ORDER = Comparator.comparingLong(RaceTree::segmentNode)
            .thenComparingLong(RaceTree::segmentId).thenComparing(Comparator.naturalOrder());

    /** The two sides of a source pair: by file, then line (as a number), then operation. */
    private static final Comparator<Race.Access> SOURCE_ORDER = Comparator
            .comparing(Race.Access::file, Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparingInt(Race.Access::line)
            .thenComparing(Race.Access::op);

    private final List<SegmentNode> segments;

    private RaceTree(List<SegmentNode> segments) {
        this.segments = segments;
    }

    /** The races of one segment. */
    public record SegmentNode(String segment, List<PairNode> pairs) {
        public String label() {
            int races = pairs.stream().mapToInt(p -> p.races().size()).sum();
            return "segment " + segment + " · " + races + (races == 1 ? " race" : " races");
        }
    }

    /** The races of one segment between the same two source lines. */
    public record PairNode(String label, List<RaceNode> races) {
    }

    /** One race: the bytes both accesses touch, and the accesses. */
    public record RaceNode(Race race, List<AccessNode> accesses) {
        public String label() {
            return bytes(race) + " · " + who(race.first()) + " / " + who(race.second());
        }
    }

    /** One side of a race, and the other side that its marker names. */
    public record AccessNode(Race race, Race.Access access, Race.Access other) {
        /** E.g. {@code put by node 2 · thread main · [64,68) · Mailbox.java:41}. */
        public String label() {
            return who(access) + " · thread " + access.thread() + " · " + bytes(race) + " · " + where(access);
        }

        /** The line that made the access, or null when the report does not know it. */
        public CallSite site() {
            return RaceTree.site(access);
        }

        /** What the marker of this access's line says: {@code race with put by node 2 at Mailbox.java:41 on 1:0x400100 [64,68)}. */
        public String markerMessage() {
            String thread = other.node() == access.node() ? " (thread " + other.thread() + ")" : "";
            return "race with " + who(other) + thread + " at " + where(other) + " on " + race.segment() + " " + bytes(race);
        }
    }

    /** The tree of {@code report}. */
    public static RaceTree of(RaceReport report) {
        Map<String, Map<String, List<RaceNode>>> bySegment = new TreeMap<>(SEGMENT_ORDER);
        for (Race race : report.races()) {
            List<Race.Access> sides = new ArrayList<>(List.of(race.first(), race.second()));
            sides.sort(SOURCE_ORDER);
            String pair = where(sides.get(0)) + " ↔ " + where(sides.get(1));
            RaceNode node = new RaceNode(race, List.of(new AccessNode(race, race.first(), race.second()),
                    new AccessNode(race, race.second(), race.first())));
            bySegment.computeIfAbsent(race.segment(), _ -> new TreeMap<>()).computeIfAbsent(pair, _ -> new ArrayList<>()).add(node);
        }
        List<SegmentNode> segments = new ArrayList<>();
        bySegment.forEach((segment, pairs) -> segments.add(new SegmentNode(segment,
                pairs.entrySet().stream().map(e -> new PairNode(e.getKey(), List.copyOf(e.getValue()))).toList())));
        return new RaceTree(List.copyOf(segments));
    }

    public List<SegmentNode> segments() {
        return segments;
    }

    /** Every access of every race, in the tree's order: each gets a marker on its line. */
    public List<AccessNode> accesses() {
        return segments.stream().flatMap(s -> s.pairs().stream()).flatMap(p -> p.races().stream()).flatMap(r -> r.accesses().stream())
                .toList();
    }

    /** The program's frame of an access, from the first frame of its stack; null when the stack is empty or unreadable. */
    static CallSite site(Race.Access access) {
        if (access.stack().isEmpty()) {
            return null;
        }
        String frame = access.stack().getFirst(); // org.acme.Mailbox.main(Mailbox.java:41)
        int open = frame.indexOf('(');
        int dot = open < 0 ? -1 : frame.lastIndexOf('.', open);
        if (dot <= 0) {
            return null;
        }
        return new CallSite(frame.substring(0, dot), frame.substring(dot + 1, open), access.file(), access.line());
    }

    /** E.g. {@code put by node 2}. */
    static String who(Race.Access access) {
        return access.op() + " by node " + access.node();
    }

    /** E.g. {@code Mailbox.java:41}. */
    static String where(Race.Access access) {
        return (access.file() == null ? "unknown source" : access.file()) + (access.line() > 0 ? ":" + access.line() : "");
    }

    /** The bytes both accesses touch, e.g. {@code [64,68)}. */
    static String bytes(Race race) {
        return "[" + race.offset() + "," + (race.offset() + race.length()) + ")";
    }

    /** The exporting node of {@code <node>:0x<id>}, or -1 when the text is not one. */
    private static long segmentNode(String segment) {
        int colon = segment.indexOf(':');
        try {
            return colon < 0 ? -1 : Long.parseLong(segment.substring(0, colon));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The segment id of {@code <node>:0x<id>}, or -1 when the text is not one. */
    private static long segmentId(String segment) {
        int hex = segment.indexOf(":0x");
        try {
            return hex < 0 ? -1 : Long.parseLong(segment.substring(hex + 3), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
