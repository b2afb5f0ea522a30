// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineBookmarks;
import org.rsmworkbench.core.trace.TimelineArrow;
import org.rsmworkbench.core.trace.TimelineCategory;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineItem.Shape;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineLane.Level;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.tests.support.Recordings;

/** The timeline of a recorded run of the doorbell example on 3 nodes, and of a synthetic million-event recording. */
class TimelineModelTest {
    private static final int WIDTH = 1200;

    @TempDir
    static Path shared;
    static Recording recording;
    static TimelineModel timeline;

    @BeforeAll
    static void recordDoorbell() throws IOException {
        recording = Recordings.doorbell(shared.resolve("doorbell.rsmtrace"), 3, 40);
        timeline = TimelineModel.of(recording);
    }

    private static List<TimelineItem> itemsAround(TraceEvent event, int lane) {
        return timeline.items(lane, window(event), WIDTH);
    }

    /** A window ten times as long as the event, around it. */
    private static TimeWindow window(TraceEvent event) {
        long length = Math.max(10_000, event.duration() * 10);
        return new TimeWindow(event.time() - length / 2, event.time() + length / 2);
    }

    private static TraceEvent first(EventKind kind, int node) {
        return recording.events().stream().filter(e -> e.kind() == kind && e.node() == node && !e.failed()).findFirst().orElseThrow();
    }

    @Test
    void everyNodeHasALaneThenItsProcessThenItsThreads() {
        List<TimelineLane> lanes = timeline.lanes();
        for (int node = 1; node <= 3; node++) {
            long pid = first(EventKind.LIBRARY_OPEN, node).pid();
            int nodeLane = lanes.indexOf(new TimelineLane(Level.NODE, node, 0, 0, "node " + node));
            assertTrue(nodeLane >= 0, "node " + node + " in " + lanes);
            assertEquals(new TimelineLane(Level.PROCESS, node, pid, 0, "pid " + pid), lanes.get(nodeLane + 1));
            TimelineLane thread = lanes.get(nodeLane + 2);
            assertEquals(Level.THREAD, thread.level());
            assertEquals(pid, thread.pid());
            assertTrue(thread.label().startsWith("main #"), thread.label());
        }
    }

    @Test
    void aPutIsADataSpanAndAWaitAHatchedSignalSpan() {
        TraceEvent put = first(EventKind.PUT, 1);
        int lane = timeline.laneOf(put);
        List<TimelineItem> items = itemsAround(put, lane);
        TimelineItem span = items.stream().filter(i -> i.event() == put).findFirst().orElseThrow(() -> new AssertionError(items.toString()));
        assertEquals(Shape.SPAN, span.shape());
        assertEquals(TimelineCategory.DATA, span.category());
        assertTrue(span.x1() - span.x0() >= WIDTH / 20, "a tenth of the window: " + span);

        TraceEvent wait = first(EventKind.SIGNAL_WAIT, 2);
        TimelineItem waitItem = timeline.items(timeline.laneOf(wait), window(wait), WIDTH).stream().filter(i -> i.event() == wait)
                .findFirst().orElseThrow();
        assertEquals(Shape.WAIT, waitItem.shape());
        assertEquals(TimelineCategory.SIGNAL, waitItem.category());
        assertFalse(timeline.items(timeline.laneOf(wait), window(wait), WIDTH).stream()
                .anyMatch(i -> i.event() != null && i.event().kind() == EventKind.SIGNAL_WAIT_BEGIN), "a returned wait's beginning is not drawn");
    }

    @Test
    void processStartsAndExitsAreMarkersOnTheirNodesLane() {
        TimeWindow all = timeline.fullWindow();
        for (int node = 1; node <= 3; node++) {
            int lane = timeline.lanes().indexOf(new TimelineLane(Level.NODE, node, 0, 0, "node " + node));
            List<TimelineItem> markers = timeline.items(lane, all, WIDTH);
            int about = node;
            assertEquals(Set.of(EventKind.PROCESS_START, EventKind.PROCESS_EXIT), markers.stream().map(i -> i.event().kind()).collect(Collectors.toSet()));
            assertTrue(markers.stream().allMatch(i -> i.shape() == Shape.MARKER && i.event().segmentNode() == about));
        }
    }

    @Test
    void signalArrowsGoFromThePostsLaneToTheWaitsLane() {
        List<TimelineArrow> arrows = timeline.arrows(timeline.fullWindow(), WIDTH).stream()
                .filter(a -> a.flow().kind() == Flow.Kind.SIGNAL).toList();
        assertFalse(arrows.isEmpty());
        for (TimelineArrow arrow : arrows) {
            assertEquals(timeline.laneOf(arrow.flow().from()), arrow.fromLane());
            assertEquals(timeline.laneOf(arrow.flow().to()), arrow.toLane());
            assertTrue(arrow.fromX() <= arrow.toX(), "a wait returns after the post: " + arrow);
        }
        long signalFlows = recording.flows().stream().filter(f -> f.kind() == Flow.Kind.SIGNAL).count();
        TraceEvent post = recording.flows().stream().filter(f -> f.kind() == Flow.Kind.SIGNAL).findFirst().orElseThrow().from();
        assertTrue(timeline.arrows(window(post), WIDTH).size() < signalFlows, "a narrow window has only its arrows");
    }

    @Test
    void zoomKeepsThePointersTimeInPlaceAndPanMovesTheWindow() {
        TimeWindow all = timeline.fullWindow();
        long pointer = all.timeAt(300, WIDTH);
        TimeWindow zoomed = all.zoom(0.25, pointer);
        // doubles: with (long, long, int) assertEquals takes floats, whose 24 bits miss nanoseconds of a long run
        assertEquals(all.length() / 4.0, (double) zoomed.length(), 2.0);
        assertEquals(300, zoomed.xOf(pointer, WIDTH), 0.01);
        TimeWindow panned = zoomed.pan(1_000);
        assertEquals(zoomed.start() + 1_000, panned.start());
        assertEquals(zoomed.length(), panned.length());
        assertEquals(TimeWindow.MIN_LENGTH, all.zoom(1e-12, pointer).length());
    }

    @Test
    void theRulersTicksAreRoundAndFarEnoughApart() {
        TimeWindow window = new TimeWindow(1_234_567, 1_234_567 + 10_000_000);
        long step = window.tickStep(1000, 80);
        assertEquals(1_000_000, step);
        List<Long> ticks = window.ticks(1000, 80);
        assertEquals(10, ticks.size());
        assertTrue(ticks.stream().allMatch(t -> t % step == 0 && t >= window.start() && t <= window.end()));
    }

    @Test
    void theEventUnderThePointerIsHitAndEmptySpaceIsNot() {
        TraceEvent put = first(EventKind.PUT, 2);
        int lane = timeline.laneOf(put);
        TimeWindow window = window(put);
        int middle = (int) window.xOf(put.time() + put.duration() / 2, WIDTH);
        assertSame(put, timeline.eventAt(lane, window, WIDTH, middle));
        TimeWindow before = window.pan(-window.length() * 50);
        TraceEvent previous = recording.events().stream().filter(e -> timeline.laneOf(e) == lane && e.end() < before.end())
                .reduce((_, b) -> b).orElse(null);
        if (previous == null || previous.end() < before.timeAt(WIDTH / 2 - 3, WIDTH)) {
            assertNull(timeline.eventAt(lane, before, WIDTH, WIDTH / 2));
        }
        assertTrue(timeline.summary(put).startsWith("put 8 B " + put.segment()), timeline.summary(put));
        assertEquals("put", timeline.properties(put).get("kind"));
    }

    @Test
    void filtersHideNodesProcessesSegmentsAndCategories() {
        TimelineModel node2 = timeline.filtered(TimelineFilter.ALL.withNodes(Set.of(2)));
        assertTrue(node2.lanes().stream().allMatch(l -> l.node() == 2), node2.lanes().toString());
        assertTrue(node2.arrows(node2.fullWindow(), WIDTH).isEmpty(), "node 2 signals only to node 1");

        TimelineModel data = timeline.filtered(TimelineFilter.ALL.withCategories(Set.of(TimelineCategory.DATA)));
        long puts = recording.events().stream().filter(e -> e.kind().category() == EventKind.Category.DATA && !e.failed()).count();
        assertEquals(puts, data.shownEvents());

        long pid = first(EventKind.LIBRARY_OPEN, 3).pid();
        TimelineModel process = timeline.filtered(TimelineFilter.ALL.withPids(Set.of(pid)));
        assertTrue(process.lanes().stream().filter(l -> l.level() != Level.NODE).allMatch(l -> l.pid() == pid));

        String mailbox3 = first(EventKind.EXPORT_PUBLISH, 3).segment();
        TimelineModel segment = timeline.filtered(TimelineFilter.ALL.withSegments(Set.of(mailbox3)));
        long aboutIt = recording.events().stream().filter(e -> mailbox3.equals(e.segment())).count()
                - recording.events().stream().filter(e -> mailbox3.equals(e.segment()) && e.kind() == EventKind.SIGNAL_WAIT_BEGIN).count();
        long markers = recording.events().stream().filter(e -> e.node() == TraceEvent.LAUNCHER).count();
        assertEquals(aboutIt + markers, segment.shownEvents());
        assertEquals(Set.of(1, 2, 3), timeline.nodes());
        assertTrue(timeline.segments().contains(mailbox3));
    }

    @Test
    void aSearchFindsEventsByKindSegmentCallSiteAndTextAndStepsThroughThemInTimeOrder() {
        String posts = "SIGNAL_POST";
        List<TraceEvent> expected = recording.events().stream().filter(e -> e.kind() == EventKind.SIGNAL_POST).toList();
        assertEquals(expected.size(), count(timeline, posts));
        List<TraceEvent> found = new ArrayList<>();
        for (TraceEvent e = timeline.findNext(null, timeline.origin(), true, posts); e != null; e = timeline.findNext(e, e.time(), true, posts)) {
            found.add(e);
        }
        assertEquals(expected, found);
        assertSame(expected.getLast(), timeline.findNext(null, timeline.end() + 1, false, posts), "backwards from the end");
        assertSame(expected.get(expected.size() - 2), timeline.findNext(expected.getLast(), 0, false, posts));

        String mailbox3 = first(EventKind.EXPORT_PUBLISH, 3).segment();
        assertEquals(recording.events().stream().filter(e -> mailbox3.equals(e.segment()) && e.kind() != EventKind.SIGNAL_WAIT_BEGIN).count(),
                count(timeline, mailbox3));
        TraceEvent connect = first(EventKind.CONNECT, 2);
        assertNotNull(connect.site(), "the doorbell records call sites of control calls");
        assertTrue(count(timeline, "doorbellpingpong.java") > 0);
        assertEquals(1, count(timeline, "node 2: pid " + first(EventKind.LIBRARY_OPEN, 2).pid() + " started"),
                "the launcher's text of node 2's start");
        assertEquals(0, count(timeline, "  "));

        TimelineModel node3 = timeline.filtered(TimelineFilter.ALL.withNodes(Set.of(3)));
        TraceEvent firstPost = node3.findNext(null, node3.origin(), true, posts);
        assertEquals(3, firstPost.node(), "a search finds only the events shown");
    }

    private static int count(TimelineModel timeline, String query) {
        return timeline.count(query, () -> false);
    }

    @Test
    void nextOfKindStepsThroughTheEventsOfTheSelectionsKindEvenFromAReReadRecording() throws IOException {
        List<TraceEvent> puts = recording.events().stream().filter(e -> e.kind() == EventKind.PUT).toList();
        assertTrue(puts.size() > 3);
        assertSame(puts.get(2), timeline.nextOfKind(puts.get(1), true));
        assertSame(puts.get(0), timeline.nextOfKind(puts.get(1), false));
        assertNull(timeline.nextOfKind(puts.getFirst(), false));
        assertNull(timeline.nextOfKind(puts.getLast(), true));
        TraceEvent reRead = Recording.open(recording.directory()).events().stream().filter(e -> e.kind() == EventKind.PUT).toList().get(1);
        assertSame(puts.get(2), timeline.nextOfKind(reRead, true), "found by its process and sequence number");
        assertSame(puts.get(1), timeline.find(reRead));
        assertSame(puts.get(1), timeline.find(reRead.pid(), reRead.sequence()));
    }

    @Test
    void aKindFilterShowsOnlyThoseKindsAWaitWithItsBeginning() {
        TimelineModel puts = timeline.filtered(TimelineFilter.ALL.withKinds(Set.of(EventKind.PUT)));
        assertEquals(recording.events().stream().filter(e -> e.kind() == EventKind.PUT).count(), puts.shownEvents());
        TimelineModel waits = timeline.filtered(TimelineFilter.ALL.withKinds(Set.of(EventKind.SIGNAL_WAIT)));
        assertEquals(timeline.count(e -> e.kind() == EventKind.SIGNAL_WAIT || e.kind() == EventKind.SIGNAL_WAIT_BEGIN), waits.shownEvents());
        assertTrue(timeline.kinds().containsAll(Set.of(EventKind.PUT, EventKind.SIGNAL_WAIT, EventKind.PROCESS_START)));
    }

    @Test
    void bookmarksMarkEventsAndInstantsAndAreKeptBesideTheRecording() throws IOException {
        TimelineBookmarks bookmarks = TimelineBookmarks.load(recording.directory().resolve(TimelineBookmarks.FILE_NAME));
        assertTrue(bookmarks.list().isEmpty());
        TraceEvent put = first(EventKind.PUT, 2);
        TraceEvent post = first(EventKind.SIGNAL_POST, 1);
        TimelineBookmarks.Bookmark onPut = bookmarks.toggle(put, "the\tfirst put");
        bookmarks.add(post.time() + 5, "after a post");
        assertEquals(onPut, bookmarks.of(put));
        assertEquals(List.of(Math.min(put.time(), post.time() + 5), Math.max(put.time(), post.time() + 5)),
                bookmarks.list().stream().map(TimelineBookmarks.Bookmark::time).toList(), "by time");
        assertEquals(onPut, bookmarks.next(put.time() - 1, true));
        assertEquals(onPut, bookmarks.next(put.time() + 1, false));

        Path file = recording.directory().resolve(TimelineBookmarks.FILE_NAME);
        bookmarks.save(file);
        TimelineBookmarks loaded = TimelineBookmarks.load(file);
        assertEquals(bookmarks.list(), loaded.list());
        assertEquals(recording.events().size(), Recording.open(recording.directory()).events().size(), "the reader ignores the file");
        assertNull(loaded.toggle(put, "again"), "toggling a marked event removes its bookmark");
        assertEquals(1, loaded.list().size());
        assertTrue(loaded.list().getFirst().label().equals("after a post") && !loaded.list().getFirst().onEvent());
        java.nio.file.Files.delete(file);
    }

    @Test
    void savedBookmarksReplaceALinkAtTheirFileAndLeaveWhatItPointsToUnchanged(@TempDir Path folder) throws IOException {
        Path precious = Files.writeString(folder.resolve("precious.txt"), "precious");
        Path file = Files.createSymbolicLink(folder.resolve(TimelineBookmarks.FILE_NAME), precious);
        TimelineBookmarks bookmarks = new TimelineBookmarks();
        bookmarks.add(5, "an instant");
        bookmarks.save(file);
        assertEquals("precious", Files.readString(precious), "the link's target was not written");
        assertFalse(Files.isSymbolicLink(file), "the link itself was replaced");
        assertEquals(bookmarks.list(), TimelineBookmarks.load(file).list());
    }

    /** Another user's huge file in the recording folder gives an error that the view shows, not an OutOfMemoryError. */
    @Test
    void aBookmarksFileLargerThanTheViewWritesIsRefusedUnread(@TempDir Path folder) throws IOException {
        Path file = folder.resolve(TimelineBookmarks.FILE_NAME);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(TimelineBookmarks.MAX_FILE_BYTES + 1);
        }
        IOException refused = assertThrows(IOException.class, () -> TimelineBookmarks.load(file));
        assertTrue(refused.getMessage().contains("more than the " + TimelineBookmarks.MAX_FILE_BYTES + " bytes"), refused.getMessage());
    }

    @Test
    void aReReadRecordingMovesAWindowThatShowedTheEndAndKeepsOneScrolledAway() {
        List<TraceEvent> events = recording.events();
        TimelineModel half = new TimelineModel(events.subList(0, events.size() / 2), recording.flows(), recording.origin(), TimelineFilter.ALL);
        TimelineModel whole = TimelineModel.of(recording);
        TimeWindow atTheEnd = new TimeWindow(half.end() - 50_000, half.end() + 1_000);
        TimeWindow followed = whole.following(atTheEnd, half);
        assertEquals(atTheEnd.length(), followed.length());
        assertEquals(whole.end() + 1_000, followed.end());
        TimeWindow scrolledAway = new TimeWindow(half.end() - 50_000, half.end() - 10_000);
        assertSame(scrolledAway, whole.following(scrolledAway, half));

        assertTrue(half.running(), "a node started and had not ended half-way");
        assertFalse(whole.running(), "every node process ended");
    }

    @Test
    void aPairOfEventsIsJoinedByAnArrowFromTheMiddleOfOneToTheMiddleOfTheOther() {
        TraceEvent put = recording.events().stream().filter(e -> e.kind() == EventKind.PUT && !e.failed()).findFirst().orElseThrow();
        TraceEvent open = first(EventKind.LIBRARY_OPEN, put.node() == 1 ? 2 : 1);
        TimeWindow window = TimeWindow.around(Math.min(put.time(), open.time()), Math.max(put.end(), open.end()));
        TimelineArrow arrow = timeline.pairArrow(put, open, window, WIDTH);
        assertNotNull(arrow);
        assertNull(arrow.flow(), "a pair, not a causal link");
        assertEquals(timeline.laneOf(put), arrow.fromLane());
        assertEquals(timeline.laneOf(open), arrow.toLane());
        assertEquals((int) Math.floor(window.xOf(put.time() + put.duration() / 2, WIDTH)), arrow.fromX());
        assertEquals((int) Math.floor(window.xOf(open.time() + open.duration() / 2, WIDTH)), arrow.toX());

        TimelineModel putsNode = timeline.filtered(TimelineFilter.ALL.withNodes(Set.of(put.node())));
        assertNull(putsNode.pairArrow(put, open, window, WIDTH), "no arrow to an event the filter hides");
    }

    @Test
    void aWindowAroundTwoEventsFramesBothWithAMargin() {
        assertEquals(new TimeWindow(9_000, 21_000), TimeWindow.around(10_000, 20_000));
        assertEquals(new TimeWindow(4_900, 5_110), TimeWindow.around(5_000, 5_010), "at least the narrowest window as margin");
    }

    @Test
    void revealingMovesTheWindowOnlyWhenTheEventIsOutsideIt() {
        TimeWindow window = new TimeWindow(1_000, 2_000);
        assertSame(window, window.revealing(1_200, 1_300));
        assertEquals(new TimeWindow(9_550, 10_550), window.revealing(10_000, 10_100));
    }

    @Test
    void aWindowKeptWithinTheRecordingMovesButKeepsItsLength() {
        TimeWindow recording = new TimeWindow(0, 10_000);
        assertEquals(new TimeWindow(0, 1_000), new TimeWindow(-450, 550).within(recording), "not before the first event");
        assertEquals(new TimeWindow(9_000, 10_000), new TimeWindow(9_500, 10_500).within(recording), "nor after the last");
        TimeWindow inside = new TimeWindow(4_000, 5_000);
        assertSame(inside, inside.within(recording));
        assertEquals(new TimeWindow(0, 20_000), new TimeWindow(-5_000, 15_000).within(recording), "a longer one starts with it");
        assertEquals(new TimeWindow(0, 1_000), new TimeWindow(1_000, 2_000).revealing(100, 100).within(recording),
                "revealing an event near the start");
    }

    // ---- a million events

    private static TraceEvent synthetic(long time, long duration, long thread, EventKind kind, int error) {
        return new TraceEvent(time, duration, 1, 100, thread, "t" + thread, time, kind, error, 1, 0x400100, 0, 8, 0, null,
                PayloadForm.NONE, null);
    }

    @Test
    void aMillionEventsDrawAsAtMostOneItemPerPixelAndEveryEventIsCounted() {
        List<TraceEvent> events = new ArrayList<>();
        // 4 threads, each 250 000 calls of 100 ns every 1 µs, one in 100 failing
        for (int i = 0; i < 250_000; i++) {
            for (int thread = 1; thread <= 4; thread++) {
                events.add(synthetic(1_000L * i + thread * 10, 100, thread, i % 2 == 0 ? EventKind.PUT : EventKind.SIGNAL_POST,
                        i % 100 == 7 ? 1 : 0));
            }
        }
        TimelineModel big = new TimelineModel(events, List.of(), 0, TimelineFilter.ALL);
        List<Integer> threadLanes = IntStream.range(0, big.lanes().size()).filter(l -> big.lanes().get(l).level() == Level.THREAD).boxed().toList();
        assertEquals(4, threadLanes.size());
        TimeWindow all = big.fullWindow();
        for (TimeWindow window : List.of(all, all.zoom(1e-3, 125_000_000), all.zoom(1e-5, 125_000_000))) {
            // what this costs is measured by the JMH benchmark (tests/benchmarks, TimelineItemsBenchmark)
            List<List<TimelineItem>> perLane = threadLanes.stream().map(lane -> big.items(lane, window, WIDTH)).toList();
            for (int l = 0; l < threadLanes.size(); l++) {
                int lane = threadLanes.get(l);
                List<TimelineItem> items = perLane.get(l);
                assertTrue(items.size() <= WIDTH + 2, items.size() + " items for " + WIDTH + " pixels");
                long inWindow = events.stream().filter(e -> e.threadId() == big.lanes().get(lane).threadId() && e.end() >= window.start()
                        && e.time() <= window.end()).count();
                assertEquals(inWindow, items.stream().mapToLong(TimelineItem::count).sum(), "every event in the window is drawn once");
            }
        }
        List<TimelineItem> close = big.items(threadLanes.get(0), new TimeWindow(7_000, 9_000), WIDTH);
        assertEquals(TimelineCategory.ERROR, close.get(0).category(), "call 7 failed: " + close);
        assertEquals(TimelineCategory.DATA, close.get(1).category());
    }

    @Test
    void zoomedOutOnlyLongArrowsAreDrawnAndZoomingInShowsTheShortOnes() {
        List<TraceEvent> events = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        // 10 000 signals from thread 1 to thread 2 each 1 µs after its post, over 10 ms; one publish on thread 1 at
        // the start that thread 2 connects to at the end
        TraceEvent publish = synthetic(0, 100, 1, EventKind.EXPORT_PUBLISH, 0);
        TraceEvent connect = synthetic(10_000_000, 100, 2, EventKind.CONNECT, 0);
        events.add(publish);
        for (int i = 0; i < 10_000; i++) {
            TraceEvent post = synthetic(1_000L * i + 200, 100, 1, EventKind.SIGNAL_POST, 0);
            TraceEvent wait = synthetic(1_000L * i + 300, 900, 2, EventKind.SIGNAL_WAIT, 0);
            events.add(post);
            events.add(wait);
            flows.add(new Flow(Flow.Kind.SIGNAL, post, wait));
        }
        events.add(connect);
        flows.add(new Flow(Flow.Kind.PUBLISH, publish, connect));
        TimelineModel signals = new TimelineModel(events, flows, 0, TimelineFilter.ALL);

        List<TimelineArrow> zoomedOut = signals.arrows(signals.fullWindow(), WIDTH);
        assertEquals(List.of(Flow.Kind.PUBLISH), zoomedOut.stream().map(a -> a.flow().kind()).toList(),
                "a signal spans less than a column: " + zoomedOut.size() + " arrows");
        List<TimelineArrow> zoomedIn = signals.arrows(new TimeWindow(5_000_000, 5_050_000), WIDTH);
        assertTrue(zoomedIn.stream().filter(a -> a.flow().kind() == Flow.Kind.SIGNAL).count() >= 49,
                "50 signals in 50 µs over " + WIDTH + " columns: " + zoomedIn.size() + " arrows");
    }
}
