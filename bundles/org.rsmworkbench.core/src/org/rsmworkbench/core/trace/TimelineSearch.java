// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceExport;

/**
 * Which events of a timeline a search for a text finds ({@link TimelineModel#findNext}, {@link TimelineModel#count}):
 * those whose kind, segment, call site, thread name, error or text contains it, ignoring case (a blank text finds none).
 * Events are tested by id, field by field, and never made objects: a search of a long run tests millions of events
 * (an object each was a gigabyte of garbage a count). Each distinct kind, segment, call site, thread name and error is
 * tested once: the events of a run share a few of each. Not thread-safe: one per search.
 */
final class TimelineSearch {
    private static final EventKind[] KINDS = EventKind.values();
    private static final byte UNTESTED = 0;
    private static final byte DIFFERS = 1;
    private static final byte MATCHES = 2;

    private final TimelineEvents events;
    private final String wanted;
    private final boolean[] kindMatches = new boolean[KINDS.length];
    private final Function<Object, Boolean> containsWanted;
    private final Map<Object, Boolean> tested = new HashMap<>();
    /**
     * Whether each segment tested matched, by its fields, in a table of primitives: a boxed key or a name made per event
     * tested would be garbage per event (the events of a run alternate between segments).
     */
    private long[] segmentKeys = new long[64];
    private byte[] segmentTested = new byte[64];
    private int segments;

    TimelineSearch(TimelineEvents events, String query) {
        this.events = events;
        this.wanted = query.strip();
        for (EventKind kind : KINDS) {
            kindMatches[kind.ordinal()] = contains(kind.label(), wanted);
        }
        containsWanted = value -> contains(value.toString(), wanted);
    }

    /** Whether the search finds nothing whatever the events (its text is blank). */
    boolean blank() {
        return wanted.isEmpty();
    }

    /** Whether the search finds event {@code id}. */
    boolean matches(int id) {
        if (blank()) {
            return false;
        }
        EventKind kind = events.kind(id);
        if (kindMatches[kind.ordinal()] || segmentMatches(kind, events.segmentNode(id), events.segmentId(id))) {
            return true;
        }
        int error = events.error(id);
        String thread = events.threadName(id);
        CallSite site = events.site(id);
        return error != 0 && tested.computeIfAbsent(new ErrorName(error), containsWanted)
                || thread != null && tested.computeIfAbsent(thread, containsWanted)
                || site != null && tested.computeIfAbsent(site, containsWanted)
                || contains(events.text(id), wanted);
    }

    private boolean segmentMatches(EventKind kind, int segmentNode, int segmentId) {
        // a fault is about no segment whatever its fields (a node is never negative: the top bit is free)
        long key = (kind.category() == EventKind.Category.FAULT ? 1L << 63 : 0) | (long) segmentNode << 32 | segmentId & 0xFFFF_FFFFL;
        int slot = slotOf(key);
        if (segmentTested[slot] != UNTESTED) {
            return segmentTested[slot] == MATCHES;
        }
        boolean matches = contains(TraceEvent.segment(kind, segmentNode, segmentId), wanted);
        segmentKeys[slot] = key;
        segmentTested[slot] = matches ? MATCHES : DIFFERS;
        if (++segments * 2 > segmentKeys.length) {
            growSegments();
        }
        return matches;
    }

    /** The slot of {@code key} in the open-addressed table of segments tested, or the free slot where it goes. */
    private int slotOf(long key) {
        int mask = segmentKeys.length - 1;
        int slot = Long.hashCode(key * 0x9E37_79B9_7F4A_7C15L) & mask;
        while (segmentTested[slot] != UNTESTED && segmentKeys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private void growSegments() {
        long[] keys = segmentKeys;
        byte[] tested = segmentTested;
        segmentKeys = new long[keys.length * 2];
        segmentTested = new byte[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (tested[i] != UNTESTED) {
                int slot = slotOf(keys[i]);
                segmentKeys[slot] = keys[i];
                segmentTested[slot] = tested[i];
            }
        }
    }

    /** An error code, tested by its name (a key of its own: not taken for a thread named like the number). */
    private record ErrorName(int error) {
        @Override
        public String toString() {
            return TraceExport.errorName(error);
        }
    }

    /** Whether {@code text} contains {@code wanted}, ignoring case (without copying). */
    static boolean contains(String text, String wanted) {
        if (text == null) {
            return false;
        }
        for (int at = 0; at + wanted.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, wanted, 0, wanted.length())) {
                return true;
            }
        }
        return false;
    }
}
