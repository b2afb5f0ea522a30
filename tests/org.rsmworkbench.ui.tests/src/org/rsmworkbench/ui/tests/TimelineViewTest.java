// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.launching.RsmRuntime;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineBookmarks;
import org.rsmworkbench.core.trace.TimelineCategory;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;
import org.rsmworkbench.ui.internal.timeline.EventSelection;
import org.rsmworkbench.tests.support.Recordings;
import org.rsmworkbench.ui.internal.timeline.TimelineView;

/**
 * The Timeline view over a recorded run of the doorbell example: open, wheel zoom, hover, select, filter, search, steps
 * through a kind, bookmarks, vertical scrolling, following a run being recorded; and the redraw time of 10^6 events.
 */
class TimelineViewTest {
    @TempDir
    static Path shared;
    static Path recordingFolder;
    private TimelineView view;

    @BeforeAll
    static void record() throws IOException {
        recordingFolder = shared.resolve("doorbell.rsmtrace");
        Recordings.doorbell(recordingFolder, 3, 30);
    }

    @BeforeEach
    void open() throws Exception {
        view = (TimelineView) Ui.page().showView(TimelineView.ID);
        Ui.page().setPartState(Ui.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        view.open(recordingFolder);
        Ui.spin(100);
    }

    @AfterEach
    void close() throws IOException {
        Ui.page().hideView(view);
        Files.deleteIfExists(recordingFolder.resolve(TimelineBookmarks.FILE_NAME));
    }

    private static void key(Control control, int keyCode, char character, int stateMask) {
        Event e = new Event();
        e.keyCode = keyCode;
        e.character = character;
        e.stateMask = stateMask;
        e.doit = true;
        control.notifyListeners(SWT.KeyDown, e);
    }

    private static void assertSameEvent(TraceEvent expected, TraceEvent actual) {
        assertNotNull(actual, "no event, expected " + expected);
        assertEquals(List.of(expected.pid(), expected.sequence()), List.of(actual.pid(), actual.sequence()));
    }

    /** Chooses {@code path} (submenu texts, then the item) in the view menu, as clicks do; a check box is toggled. */
    private void chooseFromViewMenu(String... path) {
        MenuManager viewMenu = (MenuManager) view.getViewSite().getActionBars().getMenuManager();
        Menu menu = viewMenu.createContextMenu(view.canvas());
        for (int i = 0; i < path.length; i++) {
            menu.notifyListeners(SWT.Show, new Event()); // the menu manager fills it now
            String text = path[i];
            MenuItem item = java.util.Arrays.stream(menu.getItems()).filter(m -> text.equals(m.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no item " + text));
            if (i < path.length - 1) {
                menu = item.getMenu();
            } else {
                if ((item.getStyle() & SWT.CHECK) != 0) {
                    item.setSelection(!item.getSelection());
                }
                item.notifyListeners(SWT.Selection, new Event());
            }
        }
    }

    private void mouse(int type, Point at, int button, int count) {
        Event e = new Event();
        e.x = at.x;
        e.y = at.y;
        e.button = button;
        e.count = count;
        view.canvas().notifyListeners(type, e);
    }

    private static TraceEvent first(EventKind kind, int node) {
        return recordingEvents().stream().filter(e -> e.kind() == kind && e.node() == node && !e.failed()).findFirst().orElseThrow();
    }

    private static List<TraceEvent> recordingEvents() {
        try {
            return org.rsmworkbench.emulator.trace.Recording.open(recordingFolder).events();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theWheelZoomsAroundThePointer() {
        TimeWindow all = view.window();
        assertEquals(view.model().fullWindow(), all);
        Point pointer = new Point(450, 60);
        int plotWidth = view.canvas().getClientArea().width - TimelineView.LABEL_WIDTH;
        long timeAtPointer = all.timeAt(pointer.x - TimelineView.LABEL_WIDTH, plotWidth);
        mouse(SWT.MouseVerticalWheel, pointer, 0, 3);
        assertEquals(all.length() * 0.8, view.window().length(), all.length() * 0.001);
        assertEquals(timeAtPointer, view.window().timeAt(pointer.x - TimelineView.LABEL_WIDTH, plotWidth), all.length() / 1000.0);
    }

    @Test
    void hoverTellsClickSelectsForThePropertiesViewAndAFilterHidesTheRest() throws Exception {
        TraceEvent put = first(EventKind.PUT, 2);
        long length = Math.max(10_000, put.duration() * 10);
        view.setWindow(new TimeWindow(put.time() - length / 2, put.time() + length / 2));
        Ui.spin(50);
        Point at = view.pointOf(put);
        mouse(SWT.MouseMove, at, 0, 0);
        assertTrue(view.canvas().getToolTipText().startsWith("put 8 B"), view.canvas().getToolTipText());
        view.canvas().getMenu().notifyListeners(SWT.Show, new Event());
        assertNull(view.canvas().getToolTipText(), "the context menu is not covered by the hover's summary");
        view.canvas().getMenu().notifyListeners(SWT.Hide, new Event());
        mouse(SWT.MouseDown, at, 1, 1);
        mouse(SWT.MouseUp, at, 1, 1);
        // the view read the recording again: the same event, another object
        assertEquals(List.of(put.pid(), put.sequence()), List.of(view.selected().pid(), view.selected().sequence()));
        IStructuredSelection selection = (IStructuredSelection) view.getSite().getSelectionProvider().getSelection();
        IPropertySource properties = ((EventSelection) selection.getFirstElement()).getAdapter(IPropertySource.class);
        assertEquals("put", properties.getPropertyValue("kind"));
        assertEquals(put.segment(), properties.getPropertyValue("segment"));
        Ui.page().showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);

        Ui.spin(100);
        Path png = Path.of("target", "timeline.png");
        view.exportPng(png);
        assertTrue(new ImageLoader().load(png.toString())[0].width > TimelineView.LABEL_WIDTH);

        view.setFilter(TimelineFilter.ALL.withCategories(Set.of(TimelineCategory.SIGNAL)));
        assertNull(view.selected(), "the selected put is filtered out");
        long signals = recordingEvents().stream().filter(e -> TimelineCategory.of(e) == TimelineCategory.SIGNAL).count();
        assertTrue(view.model().shownEvents() < signals && view.model().shownEvents() > signals / 2,
                view.model().shownEvents() + " of " + signals + " signal events (a returned wait's beginning is not drawn)");
        view.fit();
        Ui.spin(50);
        System.out.printf("timeline redraw of %d events: %.2f ms%n", view.model().shownEvents(), view.lastPaintNanos() / 1e6);
    }

    @Test
    void theViewMenuFiltersByProcessSegmentAndKind() {
        TraceEvent post = first(EventKind.SIGNAL_POST, 1);
        chooseFromViewMenu("Kinds", "signal_post");
        assertEquals(view.model().kinds().size() - 1, view.model().filter().kinds().size(), "every kind but signal_post");
        assertEquals(-1, view.model().laneOf(post));
        chooseFromViewMenu("Show Everything");
        String segment = first(EventKind.EXPORT_PUBLISH, 3).segment();
        for (String other : view.model().segments()) {
            if (!other.equals(segment)) {
                chooseFromViewMenu("Segments", other);
            }
        }
        assertEquals(Set.of(segment), view.model().filter().segments());
        long pid = first(EventKind.LIBRARY_OPEN, 2).pid();
        chooseFromViewMenu("Processes", "pid " + pid);
        assertFalse(view.model().filter().pids().contains(pid));
        assertTrue(view.model().lanes().stream().noneMatch(l -> l.pid() == pid), view.model().lanes().toString());
    }

    @Test
    void theSearchFieldFindsTheNextMatchRevealsItAndShiftGoesBack() {
        List<TraceEvent> posts = recordingEvents().stream().filter(e -> e.kind() == EventKind.SIGNAL_POST).toList();
        view.setWindow(new TimeWindow(posts.get(0).time() - 50_000, posts.get(0).time() + 50_000));
        view.searchField().setText("signal_POST");
        Ui.spin(50);
        key(view.searchField(), SWT.CR, '\r', 0);
        assertSameEvent(posts.get(0), view.selected());
        key(view.searchField(), SWT.CR, '\r', 0);
        assertSameEvent(posts.get(1), view.selected());
        long middle = posts.get(1).time() + posts.get(1).duration() / 2;
        assertTrue(view.window().start() <= middle && view.window().end() >= middle, "revealed");
        key(view.canvas(), SWT.F3, '\0', 0);
        assertSameEvent(posts.get(2), view.selected());
        key(view.searchField(), SWT.CR, '\r', SWT.SHIFT);
        assertSameEvent(posts.get(1), view.selected());
        // counted in a job after the typing stopped
        Ui.waitUntil("the matches are counted", 10_000, () -> view.matchCount() != null);
        assertEquals(posts.size(), view.matchCount().intValue());
        assertTrue(Ui.texts(view.canvas().getParent()).contains(posts.size() + " found"), Ui.texts(view.canvas().getParent()).toString());
    }

    @Test
    void enterPressedInTheSearchFieldSelectsTheFirstMatchAndTheHeaderShowsItsWholeText() throws IOException {
        String segment = first(EventKind.EXPORT_PUBLISH, 3).segment();
        List<TraceEvent> shownAboutIt = recordingEvents().stream()
                .filter(e -> segment.equals(e.segment()) && e.kind() != EventKind.SIGNAL_WAIT_BEGIN).toList();
        view.fit();
        view.searchField().setText(segment);
        view.getSite().getShell().forceActive();
        view.searchField().forceFocus();
        pressKey(SWT.CR); // the key itself, as the keyboard sends it (a search field may take Enter as its default selection)
        Ui.waitUntil("Enter selected a match", 10_000, () -> view.selected() != null);
        assertSameEvent(shownAboutIt.getFirst(), view.selected());
        assertTrue(view.window().start() <= view.selected().time() && view.window().end() >= view.selected().end(), "in sight");
        assertTrue(outlined(view.selected()), "the match selected is outlined");
        pressKey(SWT.CR);
        Ui.waitUntil("Enter selected the next match", 10_000, () -> !TimelineModel.same(shownAboutIt.getFirst(), view.selected()));
        assertSameEvent(shownAboutIt.get(1), view.selected());

        Ui.waitUntil("the matches are counted", 10_000, () -> view.matchCount() != null);
        assertEquals(List.of(shownAboutIt.size() + " found", shownAboutIt.size() + " found"), view.matchesShown());
        assertEquals(view.description(), view.descriptionToolTip(), "a description longer than the view shows whole on hover");
    }

    /**
     * Whether {@code event} is outlined (black) where it is drawn, zoomed out so far that it is merged into a busy run,
     * which draws no event of its own.
     */
    private boolean outlined(TraceEvent event) throws IOException {
        TimeWindow shown = view.window();
        view.setWindow(new TimeWindow(event.time() - 1000 * shown.length(), event.time() + 1000 * shown.length()));
        int lane = view.model().laneOf(event);
        int width = view.canvas().getClientArea().width - TimelineView.LABEL_WIDTH;
        assertTrue(view.model().items(lane, view.window(), width).stream().noneMatch(i -> TimelineModel.same(i.event(), event)),
                "merged into a busy run");
        Path png = shared.resolve("selected.png");
        view.exportPng(png);
        Point at = view.pointOf(event);
        view.setWindow(shown);
        ImageData image = new ImageLoader().load(png.toString())[0];
        for (int x = at.x - 6; x <= at.x + 6; x++) {
            for (int y = at.y - TimelineView.ROW_HEIGHT / 2; y < at.y + TimelineView.ROW_HEIGHT / 2; y++) {
                RGB pixel = image.palette.getRGB(image.getPixel(x, y));
                if (pixel.red == 0 && pixel.green == 0 && pixel.blue == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Presses and releases {@code keyCode} on the display, into the control that has the focus. */
    private static void pressKey(int keyCode) {
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event e = new Event();
            e.type = type;
            e.keyCode = keyCode;
            assertTrue(Display.getCurrent().post(e), "posted");
        }
        Ui.spin(50);
    }

    @Test
    void theArrowKeysAndToolbarStepToTheNextEventOfTheSelectionsKind() {
        List<TraceEvent> puts = recordingEvents().stream().filter(e -> e.kind() == EventKind.PUT).toList();
        view.select(view.model().find(puts.get(0)));
        key(view.canvas(), SWT.ARROW_RIGHT, '\0', 0);
        assertSameEvent(puts.get(1), view.selected());
        key(view.canvas(), SWT.ARROW_RIGHT, '\0', 0);
        key(view.canvas(), SWT.ARROW_LEFT, '\0', 0);
        assertSameEvent(puts.get(1), view.selected());
        var toolBar = view.getViewSite().getActionBars().getToolBarManager();
        var next = (org.eclipse.jface.action.ActionContributionItem) java.util.Arrays.stream(toolBar.getItems())
                .filter(i -> i instanceof org.eclipse.jface.action.ActionContributionItem a && "Next".equals(a.getAction().getText()))
                .findFirst().orElseThrow();
        next.getAction().run();
        assertSameEvent(puts.get(2), view.selected());
        assertTrue(view.window().start() <= puts.get(2).time() && view.window().end() >= puts.get(2).time());
    }

    @Test
    void bookmarksMarkTheSelectedEventOrTheInstantClickedAreSavedAndJumpedTo() throws IOException {
        TraceEvent put = first(EventKind.PUT, 3);
        view.reveal(view.model().find(put));
        key(view.canvas(), 'b', 'b', 0);
        assertEquals(1, view.bookmarks().list().size());
        assertTrue(view.bookmarks().list().get(0).marks(put));
        assertTrue(Files.readString(recordingFolder.resolve(TimelineBookmarks.FILE_NAME)).contains("put"), "saved beside the recording");

        // a click on empty space, then B: a bookmark on that instant
        Point empty = new Point(TimelineView.LABEL_WIDTH + 5, TimelineView.RULER_HEIGHT + 2);
        mouse(SWT.MouseDown, empty, 1, 1);
        mouse(SWT.MouseUp, empty, 1, 1);
        assertNull(view.selected());
        key(view.canvas(), 'b', 'b', 0);
        assertEquals(2, view.bookmarks().list().size());

        view.fit();
        chooseFromViewMenu("Bookmarks", view.bookmarks().of(put).label());
        assertSameEvent(put, view.selected());
        view.select(null);
        chooseFromViewMenu("Remove Bookmark", view.bookmarks().of(put).label());
        assertEquals(1, view.bookmarks().list().size());
        view.open(recordingFolder);
        assertEquals(1, view.bookmarks().list().size(), "read again with the recording");
    }

    /** A recording of one node process with {@code threads} threads each making {@code calls} puts of 100 ns, 1 µs apart. */
    private static TimelineModel synthetic(int threads, int calls) {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            for (int thread = 1; thread <= threads; thread++) {
                events.add(new TraceEvent(1_000L * i + thread, 100, 1, 100, thread, "t" + thread, (long) i * threads + thread,
                        i % 2 == 0 ? EventKind.PUT : EventKind.SIGNAL_POST, 0, 1, 0x400100, 0, 8, 0, null, PayloadForm.NONE, null));
            }
        }
        return new TimelineModel(events, List.of(), 0, TimelineFilter.ALL);
    }

    @Test
    void lanesThatDoNotFitScrollVertically() {
        TimelineModel many = synthetic(120, 10);
        view.show(shared, many);
        Ui.spin(50);
        var bar = view.canvas().getVerticalBar();
        assertTrue(bar.getEnabled() && bar.getThumb() < bar.getMaximum(), bar.getThumb() + " of " + bar.getMaximum());
        int plotHeight = view.canvas().getClientArea().height - TimelineView.RULER_HEIGHT;
        bar.setSelection(10);
        bar.notifyListeners(SWT.Selection, new Event());
        assertEquals(10, view.topLane());
        TimelineLane firstShown = many.lanes().get(10);
        TraceEvent inIt = many.next(null, 0, true, e -> e.threadId() == firstShown.threadId());
        view.setWindow(new TimeWindow(0, 2_000));
        assertSameEvent(inIt, view.eventAt(view.pointOf(inIt).x, TimelineView.RULER_HEIGHT + TimelineView.ROW_HEIGHT / 2));

        mouse(SWT.MouseVerticalWheel, new Point(20, 100), 0, -1);
        assertEquals(13, view.topLane(), "the wheel over the labels scrolls 3 lanes");
        TraceEvent last = many.next(null, Long.MAX_VALUE, false, _ -> true);
        view.reveal(last);
        int y = view.pointOf(last).y;
        assertTrue(y > TimelineView.RULER_HEIGHT && y < TimelineView.RULER_HEIGHT + plotHeight, "the last lane scrolled into sight: " + y);
        assertEquals(bar.getSelection(), view.topLane());
    }

    @Test
    void anEventRevealedNearTheStartOfTheRecordingShowsNoTimeBeforeIt() {
        TimelineModel many = synthetic(4, 10);
        view.show(shared, many);
        Ui.spin(50);
        TimeWindow all = many.fullWindow();
        long length = all.length() / 4;
        view.setWindow(new TimeWindow(all.end() - length, all.end()));
        view.reveal(many.next(null, all.start(), true, _ -> true));
        assertEquals(new TimeWindow(all.start(), all.start() + length), view.window(), "the window moved as far as the start");
    }

    /**
     * A redraw of a million events draws what the plot's width holds, not the events: its time is printed (the README's
     * figures; the model's part is TimelineBenchmark's), not asserted, which a loaded machine would make fail.
     */
    @Test
    void aMillionEventsRedrawAsManyShapesAsThePlotsWidthHolds() {
        TimelineModel big = synthetic(4, 250_000);
        view.show(shared, big);
        int width = view.canvas().getClientArea().width;
        List<Double> millis = new ArrayList<>();
        List<Integer> shapes = new ArrayList<>();
        for (TimeWindow window : List.of(big.fullWindow(), new TimeWindow(125_000_000, 125_100_000))) {
            view.setWindow(window);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 10; i++) {
                view.exportPng(shared.resolve("million.png")); // paints what the canvas shows, off screen
                best = Math.min(best, view.lastPaintNanos());
            }
            millis.add(best / 1e6);
            shapes.add(view.lastPaintShapes());
        }
        System.out.printf("timeline redraw of 10^6 events on %d px: zoomed out %.2f ms, zoomed in (100 µs) %.2f ms (best of 10);"
                + " shapes drawn %s%n", width, millis.get(0), millis.get(1), shapes);
        for (int drawn : shapes) {
            assertTrue(drawn > 0 && drawn <= big.lanes().size() * width, "at most a shape per pixel of each lane: " + shapes);
        }
    }

    /** A node program that puts a tick into a segment of its own every 50 ms, as many times as its argument says. */
    private static final String TICKER = """
            import org.rsmworkbench.rsmapi.*;

            public final class Ticker {
                public static void main(String[] args) throws Exception {
                    try (RsmLibrary rsm = Rsm.open()) {
                        RsmController controller = rsm.getController("loopback");
                        ExportSegment export = controller.createExportSegment(rsm.allocate(4096), 0);
                        ImportSegment segment = controller.connect(rsm.localNodeId(), export.publish(0, null), Rsm.PERM_RDWR);
                        segment.setMode(BarrierMode.EXPLICIT); // puts without a barrier
                        byte[] tick = new byte[8];
                        for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                            tick[0] = (byte) i;
                            segment.put8(0, tick, tick.length);
                            Thread.sleep(50);
                        }
                    }
                }
            }
            """;

    @Test
    void aDeletedRecordingIsSaidToBeDeletedAndNotFollowed() throws Exception {
        Path doomed = shared.resolve("doomed.rsmtrace");
        try (Stream<Path> files = Files.walk(recordingFolder)) {
            for (Path file : files.toList()) {
                Files.copy(file, doomed.resolve(recordingFolder.relativize(file).toString()));
            }
        }
        view.open(doomed);
        int shown = view.model().shownEvents();
        view.setFollowing(true);
        try (Stream<Path> files = Files.walk(doomed)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        Ui.waitUntil(() -> "the view says the recording was deleted: " + view.description(), 10_000,
                () -> view.description().startsWith("doomed.rsmtrace (deleted: what was read of it): "));
        assertFalse(view.following(), "a deleted recording is not followed");
        view.setFollowing(true);
        assertFalse(view.following(), "nor followed again");
        assertEquals(shown, view.model().shownEvents(), "what was read stays");
    }

    /** Starts a run of the {@link #TICKER} recorded into {@code recording}, and returns once it recorded a few puts. */
    private static CompletableFuture<Integer> startTickerRun(Path recording, ByteArrayOutputStream out) throws IOException {
        Path classes = Files.createDirectories(shared.resolve("ticker"));
        Path source = Files.writeString(classes.resolve("Ticker.java"), TICKER);
        String runtime = RsmRuntime.runtimeEntries().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp", runtime,
                source.toString()));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        // about 5 s of puts, 20 a second
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> RsmLaunch.run(List.of("--record", recording.toString(), "--nodes", "1",
                "--cp", runtime + java.io.File.pathSeparator + classes, "--timeout", "60s", "Ticker", "--", "100"), print, print));
        Ui.waitUntil("the run records its node's puts, or ends", 60_000, () -> {
            try {
                return run.isDone()
                        || Files.isDirectory(recording)
                                && Recording.open(recording).events().stream().filter(e -> e.kind() == EventKind.PUT).count() > 5;
            } catch (IOException stillStarting) {
                return false;
            }
        });
        assertFalse(run.isDone(), "the run ended early: " + out.toString(StandardCharsets.UTF_8));
        return run;
    }

    @Test
    void aRecordingBeingWrittenIsFollowedToItsEndUnlessScrolledAway() throws Exception {
        Path live = shared.resolve("live.rsmtrace");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> run = startTickerRun(live, out);
        view.open(live);
        assertTrue(view.following(), "a run still going on is followed");
        long firstEnd = view.model().end();
        Ui.waitUntil(() -> "a newer read of the recording (" + view.model().end() + ")", 10_000, () -> view.model().end() > firstEnd);
        assertTrue(view.window().end() >= view.model().end(), "the window shows the end");
        TimeWindow away = new TimeWindow(view.model().origin(), view.model().origin() + 1_000_000);
        view.setWindow(away);
        long scrolledEnd = view.model().end();
        Ui.waitUntil("another read", 10_000, () -> view.model().end() > scrolledEnd);
        assertEquals(away, view.window(), "scrolled away: the window stays");
        view.fit();
        Ui.waitUntil(() -> "the run's end: " + out.toString(StandardCharsets.UTF_8), 60_000, () -> run.isDone() && !view.following());
        assertEquals(0, run.get(), out.toString(StandardCharsets.UTF_8));
        assertEquals(TimelineModel.of(Recording.open(live)).shownEvents(), view.model().shownEvents(), "every event of the finished run read");
        assertEquals(100, view.model().count(e -> e.kind() == EventKind.PUT));
        assertTrue(view.window().end() >= view.model().end(), "and its end shown");
        assertFalse(view.model().running());
    }

    @Test
    void matchesCountedWhileTheRunEndedAreCountedAgainToItsEnd() throws Exception {
        Path live = shared.resolve("counted.rsmtrace");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> run = startTickerRun(live, out);
        // the first count goes on until the view has read the run to its end: every read meanwhile, the last one
        // included, comes while a count goes on
        CountDownLatch runReadToItsEnd = new CountDownLatch(1);
        IJobChangeListener holdCounts = new JobChangeAdapter() {
            @Override
            public void running(IJobChangeEvent event) {
                if (event.getJob().getName().startsWith("Counting the events that match")) {
                    try {
                        runReadToItsEnd.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        Job.getJobManager().addJobChangeListener(holdCounts);
        try {
            view.open(live);
            view.searchField().setText("put");
            int whenTyped = view.model().count("put", () -> false);
            Ui.waitUntil(() -> "the run's end: " + out.toString(StandardCharsets.UTF_8), 60_000, () -> run.isDone() && !view.following());
            runReadToItsEnd.countDown();
            int atTheEnd = view.model().count("put", () -> false);
            assertTrue(atTheEnd > whenTyped, "the run went on after the typing: " + whenTyped + ", then " + atTheEnd);
            Ui.waitUntil(() -> "the " + atTheEnd + " matches of the whole run are counted: " + view.matchesShown(), 10_000,
                    () -> Integer.valueOf(atTheEnd).equals(view.matchCount()));
        } finally {
            runReadToItsEnd.countDown();
            Job.getJobManager().removeJobChangeListener(holdCounts);
        }
        assertEquals(0, run.get(), out.toString(StandardCharsets.UTF_8));
    }

    /**
     * A log truncated after the view read it (a run recorded into the folder again): the view reads payloads from the
     * mapped log as it draws and hovers, which then fault. It says what happened and what to do instead of failing, and
     * shows a recording again.
     */
    @Test
    void aRecordingTruncatedOnDiskIsSaidSoAndTheViewShowsARecordingAgain(@TempDir Path directory) throws Exception {
        Path drawn = putsRecording(directory.resolve("drawn.rsmtrace"));
        Path hovered = putsRecording(directory.resolve("hovered.rsmtrace"));

        view.open(drawn);
        TraceEvent firstPut = view.model().next(null, Long.MIN_VALUE, true, e -> e.kind() == EventKind.PUT);
        view.setWindow(TimeWindow.around(firstPut.time(), firstPut.end())); // each put drawn on its own: made of its row
        truncate(drawn);
        view.exportPng(directory.resolve("drawn.png")); // paints as the canvas does
        assertTrue(view.description().startsWith("The recording drawn.rsmtrace changed on disk after it was read: reopen it"
                + " (RSM > Open Recording...). the log " + drawn.resolve(PUTS_LOG) + " shrank while it was read"), view.description());
        assertNull(view.model(), "what was read of it is let go");
        view.setFollowing(true);
        assertFalse(view.following(), "a recording let go is reopened, not followed");

        view.open(hovered);
        Point put = view.pointOf(view.model().next(null, Long.MIN_VALUE, true, e -> e.kind() == EventKind.PUT));
        truncate(hovered);
        Event hover = new Event();
        hover.x = put.x;
        hover.y = put.y;
        view.canvas().notifyListeners(SWT.MouseMove, hover);
        assertTrue(view.description().startsWith("The recording hovered.rsmtrace changed on disk after it was read"), view.description());
        view.canvas().notifyListeners(SWT.MouseMove, hover);
        view.exportPng(directory.resolve("hovered.png"));

        view.open(recordingFolder);
        Ui.spin(100);
        assertTrue(view.description().startsWith("doorbell.rsmtrace: "), view.description());
        TraceEvent first = view.model().next(null, Long.MIN_VALUE, true, _ -> true);
        Point at = view.pointOf(first);
        assertSameEvent(first, view.eventAt(at.x, at.y));
    }

    /**
     * A log truncated while the view follows its recording: the follow read fails on the log that shrank, and the view
     * says the recording changed on disk and lets it go, as when it draws; it does not keep the old model, silently no
     * longer following.
     */
    @Test
    void aRecordingTruncatedWhileFollowedIsSaidToHaveChangedAndLetGo(@TempDir Path directory) throws Exception {
        Path followed = putsRecording(directory.resolve("followed.rsmtrace"));
        view.open(followed);
        long origin = view.model().origin();
        view.setWindow(new TimeWindow(origin - 2_000_000_000L, origin - 1_000_000_000L)); // no event drawn: none read to paint
        truncate(followed);
        view.setFollowing(true);
        Ui.waitUntil(() -> "the follow read lets the recording go: " + view.description(), 10_000, () -> view.model() == null);
        assertTrue(view.description().startsWith("The recording followed.rsmtrace changed on disk after it was read: reopen it"
                + " (RSM > Open Recording...). the log " + followed.resolve(PUTS_LOG) + " shrank while it was read"), view.description());
        assertFalse(view.following(), "a recording let go is not followed");
    }

    /**
     * A follow read that fails otherwise (here: the folder is there, its only log was removed) stops following and says
     * why in the view, which keeps what it read; it does not stay "following" with nothing read again.
     */
    @Test
    void aRecordingThatCannotBeReadAgainIsNoLongerFollowedAndTheViewSaysWhy(@TempDir Path directory) throws Exception {
        Path followed = putsRecording(directory.resolve("followed.rsmtrace"));
        view.open(followed);
        int shown = view.model().shownEvents();
        Files.delete(followed.resolve(PUTS_LOG)); // its mapping stays readable: what was read can still be drawn
        view.setFollowing(true);
        Ui.waitUntil(() -> "the follow read fails and following stops: " + view.description(), 10_000, () -> !view.following());
        assertTrue(view.description().contains("Following stopped: cannot read the recording again: " + followed
                + " holds no event log"), view.description());
        assertEquals(shown, view.model().shownEvents(), "what was read stays");
    }

    private static final String PUTS_LOG = "node1-100" + Recording.LOG_SUFFIX;

    /** A recording in {@code folder} of one process's 20 puts of 8 bytes each, their payloads in its log. */
    private static Path putsRecording(Path folder) throws IOException {
        TraceLog log = TraceLog.create(Files.createDirectories(folder).resolve(PUTS_LOG), 1, 100, "puts", RecordingSettings.into(folder));
        for (long offset = 0; offset < 160; offset += 8) {
            log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, 7, offset, 8, 0, MemorySegment.ofArray(new long[] { offset }),
                    PayloadForm.BYTES);
        }
        log.close();
        return folder;
    }

    /** Truncates the log of {@link #putsRecording}, as a run recording into the folder again does. */
    private static void truncate(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder.resolve(PUTS_LOG), StandardOpenOption.WRITE)) {
            channel.truncate(0); // every page of the mapping now lies past the end of the file: a read of it faults
        }
    }
}
