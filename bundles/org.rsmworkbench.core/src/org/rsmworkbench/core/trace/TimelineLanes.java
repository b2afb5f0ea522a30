// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * The lanes of a timeline through one filter, built as events are read ({@link #catchUp}): per lane its events as
 * arrays ({@link LaneEvents}), and the links whose both ends are shown. A lane's arrays grow in place past what its
 * snapshots hold, so that following a recording neither copies them nor keeps two of them. Not thread-safe: the
 * {@link TimelineData}'s lock, or one thread, guards it.
 */
final class TimelineLanes {
    /**
     * Which lane draws an event: node lane (node, 0, 0), process lane (node, pid, 0), thread lane (node, pid, thread
     * id + 1).
     */
    record Key(int node, long pid, long thread) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int order = Integer.compare(node, other.node);
            if (order == 0) {
                order = Long.compare(pid, other.pid);
            }
            return order != 0 ? order : Long.compare(thread, other.thread);
        }
    }

    final TimelineFilter filter;
    private final Map<Key, Integer> slots = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final List<Builder> lanes = new ArrayList<>();
    /** Per thread lane, the beginning of a signal wait not yet followed by its return, or none. */
    private final Map<Key, Integer> openWaits = new HashMap<>();
    private int events;
    private int linksSeen;
    private int links;
    private int[] linkIndex = new int[16];
    private int[] linkFromSlot = new int[16];
    private int[] linkToSlot = new int[16];
    private long[] linkFromTime = new long[16];
    private long[] linkToEnd = new long[16];
    /** Whether the run went on at the last read ({@link #noteRunning}); a recording is read first as if it did. */
    private boolean runWentOn = true;
    /** The last key made, and the event fields it was made of: a thread's events come one after the other. */
    private Key lastKey;

    TimelineLanes(TimelineFilter filter) {
        this.filter = filter;
    }

    /** The lane an event is drawn in (a launcher's event: that of the node it is about). */
    static Key key(TraceEvent event) {
        return TimelineCategory.of(event) == TimelineCategory.FAULT ? new Key(event.segmentNode(), 0, 0)
                : new Key(event.node(), event.pid(), event.threadId() + 1);
    }

    private Key keyOf(TimelineEvents events, int id) {
        boolean marker = TimelineCategory.of(events.kind(id), events.error(id)) == TimelineCategory.FAULT;
        int node = marker ? events.segmentNode(id) : events.node(id);
        long pid = marker ? 0 : events.pid(id);
        long thread = marker ? 0 : events.threadId(id) + 1;
        if (lastKey == null || lastKey.node != node || lastKey.pid != pid || lastKey.thread != thread) {
            lastKey = new Key(node, pid, thread);
        }
        return lastKey;
    }

    /** Whether the filter shows event {@code id}. */
    boolean accepts(TimelineEvents events, int id) {
        EventKind kind = events.kind(id);
        int error = events.error(id);
        boolean marker = TimelineCategory.of(kind, error) == TimelineCategory.FAULT;
        return filter.accepts(kind, error, events.pid(id), events.segmentNode(id), events.segmentId(id),
                marker ? events.segmentNode(id) : events.node(id));
    }

    /** Takes the events and links of {@code data} not taken yet. */
    void catchUp(TimelineData.Snapshot data) {
        TimelineEvents all = data.events();
        for (; events < all.size(); events++) {
            add(all, events);
        }
        for (; linksSeen < data.links(); linksSeen++) {
            int from = data.linkFrom()[linksSeen];
            int to = data.linkTo()[linksSeen];
            if (accepts(all, from) && accepts(all, to)) {
                addLink(linksSeen, slots.get(keyOf(all, from)), all.time(from), slots.get(keyOf(all, to)), all.end(to));
            }
        }
    }

    private void add(TimelineEvents all, int id) {
        Key key = keyOf(all, id);
        EventKind kind = all.kind(id);
        boolean accepted = accepts(all, id);
        Integer slot = slots.get(key);
        if (slot == null && accepted) {
            slot = slots.size();
            slots.put(key, slot);
            keys.add(key);
            lanes.add(new Builder(all.threadName(id))); // from the columns: no payload read from the mapping
        }
        Builder lane = slot == null ? null : lanes.get(slot);
        if (kind == EventKind.SIGNAL_WAIT || kind == EventKind.SIGNAL_WAIT_POLLFD) {
            // a wait that returned: its beginning, if one was recorded, is not drawn (the return is, from the wait's
            // start); a wait that ended at its first looks has no beginning
            Integer begin = openWaits.remove(key);
            if (begin != null && lane != null) {
                lane.dropHeldWait(begin);
            }
        } else if (kind == EventKind.SIGNAL_WAIT_BEGIN) {
            if (openWaits.containsKey(key) && lane != null) {
                lane.commitTail(); // two beginnings in a row: the first one never returned
            }
            openWaits.put(key, id);
        }
        if (accepted) {
            lane.add(all, id, kind == EventKind.SIGNAL_WAIT_BEGIN);
        }
    }

    private void addLink(int index, int fromSlot, long fromTime, int toSlot, long toEnd) {
        if (links == linkIndex.length) {
            int capacity = links + links / 2 + 16;
            linkIndex = Arrays.copyOf(linkIndex, capacity);
            linkFromSlot = Arrays.copyOf(linkFromSlot, capacity);
            linkToSlot = Arrays.copyOf(linkToSlot, capacity);
            linkFromTime = Arrays.copyOf(linkFromTime, capacity);
            linkToEnd = Arrays.copyOf(linkToEnd, capacity);
        }
        linkIndex[links] = index;
        linkFromSlot[links] = fromSlot;
        linkToSlot[links] = toSlot;
        linkFromTime[links] = fromTime;
        linkToEnd[links] = toEnd;
        links++;
    }

    /**
     * Notes whether the run goes on at this read, and frees what the arrays grew by in advance when it is over (it went
     * on at the last read, or this is the first): not at each read of a recording read on while nothing runs (followed
     * by hand), which would copy them each time; again after a run whose nodes were all down went on.
     */
    void noteRunning(boolean running) {
        boolean ended = runWentOn && !running;
        runWentOn = running;
        if (!ended) {
            return;
        }
        lanes.forEach(Builder::trim);
        if (links < linkIndex.length) {
            linkIndex = Arrays.copyOf(linkIndex, links);
            linkFromSlot = Arrays.copyOf(linkFromSlot, links);
            linkToSlot = Arrays.copyOf(linkToSlot, links);
            linkFromTime = Arrays.copyOf(linkFromTime, links);
            linkToEnd = Arrays.copyOf(linkToEnd, links);
        }
    }

    /** The lanes as they are now, immutable. */
    Snapshot snapshot(TimelineData.Snapshot data) {
        List<Key> shown = new ArrayList<>();
        for (int slot = 0; slot < keys.size(); slot++) {
            Key key = keys.get(slot);
            if (lanes.get(slot).length() > 0) {
                shown.add(key);
                shown.add(new Key(key.node, key.pid, 0));
                shown.add(new Key(key.node, 0, 0));
            }
        }
        List<Key> sorted = shown.stream().distinct().sorted().toList();
        List<TimelineLane> drawn = new ArrayList<>();
        List<LaneEvents> laneEvents = new ArrayList<>();
        Map<Key, Integer> index = new HashMap<>();
        LaneEvents none = new Builder("").snapshot(data.events(), data.end());
        for (Key key : sorted) {
            index.put(key, drawn.size());
            Integer slot = slots.get(key);
            drawn.add(lane(key, slot == null ? null : lanes.get(slot).threadName));
            // a wait that never returned lasts until its process ended, if the recording says when, else to its end
            long openEnd = data.endOf(new TimelineData.NodeProcess(key.node, key.pid), data.end());
            laneEvents.add(slot == null ? none : lanes.get(slot).snapshot(data.events(), openEnd));
        }
        int[] laneOfSlot = new int[keys.size()];
        for (int slot = 0; slot < keys.size(); slot++) {
            laneOfSlot[slot] = index.getOrDefault(keys.get(slot), -1);
        }
        return new Snapshot(List.copyOf(drawn), List.copyOf(laneEvents), Map.copyOf(index), laneOfSlot, links, linkIndex,
                linkFromSlot, linkToSlot, linkFromTime, linkToEnd);
    }

    private static TimelineLane lane(Key key, String threadName) {
        if (key.pid == 0) {
            return new TimelineLane(TimelineLane.Level.NODE, key.node, 0, 0, "node " + key.node);
        }
        if (key.thread == 0) {
            return new TimelineLane(TimelineLane.Level.PROCESS, key.node, key.pid, 0, "pid " + key.pid);
        }
        long thread = key.thread - 1;
        return new TimelineLane(TimelineLane.Level.THREAD, key.node, key.pid, thread, threadName + " #" + thread);
    }

    /**
     * The lanes at one moment.
     *
     * @param laneOfSlot the index in {@code lanes} of the lane each link names by its slot
     * @param links how many links the link arrays hold
     */
    record Snapshot(List<TimelineLane> lanes, List<LaneEvents> events, Map<Key, Integer> index, int[] laneOfSlot, int links,
            int[] linkIndex, int[] linkFromSlot, int[] linkToSlot, long[] linkFromTime, long[] linkToEnd) {
    }

    /** One lane's events, growing. */
    private static final class Builder {
        final String threadName;
        private int size;
        private int[] ids = new int[0];
        private byte[] categories = new byte[0];
        private byte[] flags = new byte[0];
        private int[] blockCounts = new int[LaneEvents.CATEGORIES];
        private long[] blockMaxEnds = new long[0];
        private final int[] counts = new int[LaneEvents.CATEGORIES];
        /** The latest end among the committed events ({@link LaneEvents#OPEN} once a wait never returned). */
        private long maxEnd = Long.MIN_VALUE;
        /** The events after a wait's beginning, the beginning first, until its return says whether it is drawn. */
        private final List<Integer> tail = new ArrayList<>();
        private final List<Long> tailStarts = new ArrayList<>();
        private final List<Long> tailEnds = new ArrayList<>();
        private final List<Byte> tailCategories = new ArrayList<>();
        private final List<Byte> tailFlags = new ArrayList<>();

        Builder(String threadName) {
            this.threadName = threadName;
        }

        int length() {
            return size + tail.size();
        }

        void add(TimelineEvents events, int id, boolean waitBegins) {
            EventKind kind = events.kind(id);
            TimelineCategory category = TimelineCategory.of(kind, events.error(id));
            long end = waitBegins ? LaneEvents.OPEN : events.end(id);
            byte flag = flag(kind, category, waitBegins);
            if (waitBegins || !tail.isEmpty()) {
                tail.add(id);
                tailStarts.add(events.time(id));
                tailEnds.add(end);
                tailCategories.add((byte) category.ordinal());
                tailFlags.add(flag);
            } else if (size > 0 && events.compare(id, ids[size - 1]) < 0) {
                insert(events, id); // rare: a launcher's markers recorded by several threads
            } else {
                append(id, end, (byte) category.ordinal(), flag);
            }
        }

        /** The flags of an event of {@code kind} and {@code category}; {@code open}: a wait that has not returned. */
        private static byte flag(EventKind kind, TimelineCategory category, boolean open) {
            boolean waits = open || kind == EventKind.SIGNAL_WAIT || kind == EventKind.SIGNAL_WAIT_POLLFD;
            return (byte) ((waits ? LaneEvents.WAIT : 0) | (category == TimelineCategory.FAULT ? LaneEvents.MARKER : 0));
        }

        /** The wait that began with {@code begin} returned: its beginning is not drawn, what followed it is. */
        void dropHeldWait(int begin) {
            if (!tail.isEmpty() && tail.get(0) == begin) {
                tail.remove(0);
                tailStarts.remove(0);
                tailEnds.remove(0);
                tailCategories.remove(0);
                tailFlags.remove(0);
            }
            commitTail();
        }

        /**
         * Draws the tail for good (its wait's beginning, if still in it, open: to the end of its process, or of the
         * recording).
         */
        void commitTail() {
            for (int i = 0; i < tail.size(); i++) {
                append(tail.get(i), tailEnds.get(i), tailCategories.get(i), tailFlags.get(i));
            }
            tail.clear();
            tailStarts.clear();
            tailEnds.clear();
            tailCategories.clear();
            tailFlags.clear();
        }

        /** Adds a committed event; its start and end stay its own ({@link LaneEvents}), but for an open end. */
        private void append(int id, long end, byte category, byte flag) {
            if (size == ids.length) {
                grow(Math.max(16, size + size / 2 + 1));
            }
            ids[size] = id;
            categories[size] = category;
            flags[size] = (byte) (end == LaneEvents.OPEN ? flag | LaneEvents.OPEN_END : flag);
            maxEnd = Math.max(maxEnd, end);
            counts[category]++;
            size++;
            if (size % LaneEvents.BLOCK == 0) {
                System.arraycopy(counts, 0, blockCounts, size / LaneEvents.BLOCK * LaneEvents.CATEGORIES, LaneEvents.CATEGORIES);
            }
            if (size % LaneEvents.MAX_END_BLOCK == 0) {
                blockMaxEnds[size / LaneEvents.MAX_END_BLOCK - 1] = maxEnd;
            }
        }

        void trim() {
            if (size < ids.length) {
                grow(size);
            }
        }

        /** New arrays (a snapshot may hold the old ones): the rows of the old ones are never written again. */
        private void grow(int capacity) {
            ids = Arrays.copyOf(ids, capacity);
            categories = Arrays.copyOf(categories, capacity);
            flags = Arrays.copyOf(flags, capacity);
            blockCounts = Arrays.copyOf(blockCounts, (capacity / LaneEvents.BLOCK + 1) * LaneEvents.CATEGORIES);
            blockMaxEnds = Arrays.copyOf(blockMaxEnds, capacity / LaneEvents.MAX_END_BLOCK);
        }

        /** Puts {@code id} in its place among the committed events: anew, since snapshots hold the arrays. */
        private void insert(TimelineEvents events, int id) {
            int at = size;
            while (at > 0 && events.compare(id, ids[at - 1]) < 0) {
                at--;
            }
            int[] old = Arrays.copyOf(ids, size);
            byte[] oldFlags = Arrays.copyOf(flags, size);
            size = 0;
            ids = new int[0];
            maxEnd = Long.MIN_VALUE;
            grow(old.length + 16);
            Arrays.fill(counts, 0);
            for (int i = 0; i <= old.length; i++) {
                int next = i < at ? old[i] : i == at ? id : old[i - 1];
                boolean open = i != at && (oldFlags[i < at ? i : i - 1] & LaneEvents.OPEN_END) != 0;
                EventKind kind = events.kind(next);
                TimelineCategory category = TimelineCategory.of(kind, events.error(next));
                append(next, open ? LaneEvents.OPEN : events.end(next), (byte) category.ordinal(), flag(kind, category, open));
            }
        }

        /** The events as they are now, read from {@code events}, an open wait ending at {@code openEnd}. */
        LaneEvents snapshot(TimelineEvents events, long openEnd) {
            int n = tail.size();
            int[] ids2 = new int[n];
            long[] starts2 = new long[n];
            long[] ends2 = new long[n];
            long[] maxEnds2 = new long[n];
            byte[] categories2 = new byte[n];
            byte[] flags2 = new byte[n];
            long tailMaxEnd = maxEnd;
            for (int i = 0; i < n; i++) {
                ids2[i] = tail.get(i);
                starts2[i] = tailStarts.get(i);
                ends2[i] = tailEnds.get(i);
                tailMaxEnd = Math.max(tailMaxEnd, ends2[i]);
                maxEnds2[i] = tailMaxEnd;
                categories2[i] = tailCategories.get(i);
                flags2[i] = tailFlags.get(i);
            }
            return new LaneEvents(events, size, ids, categories, flags, blockCounts, blockMaxEnds, ids2, starts2, ends2, maxEnds2,
                    categories2, flags2, openEnd);
        }
    }
}
