// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineArrow;
import org.rsmworkbench.core.trace.TimelineBookmarks;
import org.rsmworkbench.core.trace.TimelineBookmarks.Bookmark;
import org.rsmworkbench.core.trace.TimelineCategory;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.trace.EventColumns;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Flow;
import org.rsmworkbench.emulator.trace.LogLimit;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.inspector.ShowSegmentAtEvent;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;

/**
 * A recorded run on a time axis: a lane per node (its faults, starts and ends as markers), per process and per thread
 * (its RSM calls as spans coloured by category, signal waits hatched), arrows for the causal links (signal post → wait,
 * put → the get that read its bytes, publish → connect, cut → failed call), a ruler with the time since the start of the
 * recording and the bookmarks; a process whose log met its size limit has a red cap on its lane where the recording
 * stopped (or where what a ring kept begins), explained on hover and in the title line. The wheel zooms around the
 * pointer (over the lane labels it scrolls the lanes), dragging pans, Fit shows everything; hovering tells what an event is, clicking selects it (its fields in the Properties view),
 * double-clicking opens its call site's line (through the {@link CallSiteOpeners}) or, without one, zooms onto it. The
 * search field finds events (Enter: next, Shift+Enter: previous; F3 and Shift+F3 in the canvas), the arrow keys and the
 * toolbar step to the next or previous event of the selection's kind, B or the toolbar marks the selected event (or the
 * instant last clicked) with a bookmark kept beside the recording; "Show Segment at This Event" (toolbar, context menu)
 * opens the Segment Inspector on the selected event's segment as it was then; the view menu filters by node, process, segment,
 * category and kind, and lists the bookmarks. While the run goes on the view reads what the run added to the recording
 * (a job, {@link TimelineModel#refresh}) and follows its end, unless the user scrolled away. Other views can show a pair of events together ({@link #showPair}: the two
 * accesses of a race, from the Races view), both ringed and joined by a red arrow. Everything drawn is computed by {@link TimelineModel}; this class only
 * paints it.
 */
public final class TimelineView extends ViewPart {
    public static final String ID = RsmPerspective.TIMELINE_VIEW;
    /** The width of the lane labels on the left. */
    public static final int LABEL_WIDTH = 150;
    /** The height of the time ruler on top. */
    public static final int RULER_HEIGHT = 28;
    public static final int ROW_HEIGHT = 18;
    /** How often, at least, a recording still being written is read again (longer when reading it takes longer). */
    static final long FOLLOW_PERIOD_MILLIS = 1_000;
    /** How often the view looks whether the recording shown was deleted. */
    private static final int DELETION_CHECK_MILLIS = 1_000;
    /** How long after the last keystroke in the search field its matches are counted. */
    private static final long MATCH_COUNT_DELAY_MILLIS = 150;
    /** How much one wheel notch zooms. */
    private static final double WHEEL_ZOOM = 0.8;
    /** How many lanes one wheel notch over the labels scrolls. */
    private static final int WHEEL_LANES = 3;
    /** What to do when the IDE's memory is too small for a recording. */
    private static final String MORE_MEMORY = "Give the IDE more memory (" + RsmUiPlugin.MORE_HEAP + "), or record less (a"
            + " smaller log limit on the Recording tab, or a shorter run); ./rsm-trace summary and export read a recording of any size.";

    private Canvas canvas;
    private Label title;
    private Text search;
    private Label matches;
    /** The job counting the events the search text finds, or null. */
    private Job matchCounter;
    private Path folder;
    /** Whether {@link #folder} was deleted since it was shown: the view keeps what it had read. */
    private boolean deleted;
    private final Runnable deletionCheck = this::checkRecordingIsThere;
    private TimelineModel model;
    private TimeWindow window;
    private TraceEvent selected;
    /** The two events shown together ({@link #showPair}), or none. */
    private List<TraceEvent> pair = List.of();
    /** The instant of the last click that selected no event (what a bookmark marks when no event is selected). */
    private Long clickedTime;
    /** The first lane shown below the ruler (the vertical scroll position). */
    private int topLane;
    private TimelineBookmarks bookmarks = new TimelineBookmarks();
    private Follower follower;
    private int dragStartX = -1;
    private TimeWindow dragStartWindow;
    private boolean dragged;
    private long lastPaintNanos;
    /** How many items and arrows the last paint drew. */
    private int lastPaintShapes;
    private final Map<TimelineCategory, Color> colours = new EnumMap<>(TimelineCategory.class);
    private final SelectionProvider selection = new SelectionProvider();
    private final IAction fit = action("Fit", "Fit: show the whole recording", this::fit);
    private final IAction previousOfKind = action("Previous", "Previous event of the selection's kind (Left)", () -> stepOfKind(false));
    private final IAction nextOfKind = action("Next", "Next event of the selection's kind (Right)", () -> stepOfKind(true));
    private final IAction toggleBookmark = action("Bookmark", "Bookmark the selected event or the instant last clicked, or remove its bookmark (B)",
            this::toggleBookmark);
    private final IAction showSegment = action(ShowSegmentAtEvent.TITLE,
            "Show the segment the selected event is about in the Segment Inspector, as it was once the event had happened",
            this::showSegmentAtSelected);
    private final IAction follow = new Action("Follow", IAction.AS_CHECK_BOX) {
        @Override
        public void run() {
            setFollowing(isChecked());
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout grid = new GridLayout(3, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        root.setLayout(grid);
        title = new Label(root, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        setHeader(title, "No recording: RSM > Open Recording... (a .rsmtrace folder made by rsm-launch --record)", null);
        search = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Find: kind, segment, call site, text");
        search.setLayoutData(new GridData(220, SWT.DEFAULT));
        search.addListener(SWT.Modify, _ -> updateMatches());
        search.addListener(SWT.KeyDown, readingRecording(e -> {
            if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                findNext((e.stateMask & SWT.SHIFT) == 0);
                e.doit = false;
            }
        }));
        matches = new Label(root, SWT.NONE);
        matches.setLayoutData(new GridData(90, SWT.DEFAULT));
        canvas = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.V_SCROLL);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        colours.put(TimelineCategory.DATA, new Color(66, 133, 244));
        colours.put(TimelineCategory.BARRIER, new Color(156, 39, 176));
        colours.put(TimelineCategory.SIGNAL, new Color(52, 168, 83));
        colours.put(TimelineCategory.CONTROL, new Color(120, 144, 156));
        colours.put(TimelineCategory.ERROR, new Color(219, 50, 54));
        colours.put(TimelineCategory.FAULT, new Color(255, 152, 0));
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, _ -> updateScrollBar());
        canvas.getVerticalBar().addListener(SWT.Selection, _ -> scrollTo(canvas.getVerticalBar().getSelection()));
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseDown, readingRecording(e -> {
            if (e.button == 3 && model != null && eventAt(e.x, e.y) != null) {
                select(eventAt(e.x, e.y)); // the context menu acts on the event under the pointer
            }
            dragStartX = e.button == 1 ? e.x : -1;
            dragStartWindow = window;
            dragged = false;
        }));
        canvas.addListener(SWT.MouseMove, readingRecording(this::mouseMove));
        canvas.addListener(SWT.MouseUp, readingRecording(e -> {
            if (dragStartX >= 0 && !dragged && model != null) {
                TraceEvent event = eventAt(e.x, e.y);
                clickedTime = event == null && e.x >= LABEL_WIDTH ? window.timeAt(e.x - LABEL_WIDTH, plotWidth()) : null;
                select(event);
            }
            dragStartX = -1;
        }));
        canvas.addListener(SWT.MouseDoubleClick, readingRecording(e -> {
            TraceEvent event = model == null ? null : eventAt(e.x, e.y);
            if (event != null) {
                openCallSite(event);
            }
        }));
        canvas.addListener(SWT.KeyDown, readingRecording(this::key));
        getSite().setSelectionProvider(selection);
        fit.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        previousOfKind.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_BACK));
        nextOfKind.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_FORWARD));
        follow.setToolTipText("Follow: read the recording again while the run goes on, and show its end");
        var toolBar = getViewSite().getActionBars().getToolBarManager();
        List.of(fit, previousOfKind, nextOfKind, toggleBookmark, follow, showSegment).forEach(toolBar::add);
        showSegment.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_OBJ_FILE));
        MenuManager contextMenu = new MenuManager();
        contextMenu.add(showSegment);
        contextMenu.add(toggleBookmark);
        contextMenu.addMenuListener(_ -> canvas.setToolTipText(null)); // the hover's summary would cover the menu
        canvas.setMenu(contextMenu.createContextMenu(canvas));
        getViewSite().getActionBars().getMenuManager().setRemoveAllWhenShown(true);
        getViewSite().getActionBars().getMenuManager().addMenuListener(this::fillViewMenu);
        getViewSite().getActionBars().getMenuManager().add(new Action("") {
            // a placeholder so that the view menu shows; it is refilled when shown
        });
        updateActions();
    }

    /** Reads the recording in {@code folder} and shows all of it. */
    public void open(Path recordingFolder) throws IOException {
        show(recordingFolder, TimelineModel.open(recordingFolder));
    }

    /** Shows a recording read elsewhere (reading a large one takes seconds: {@link OpenRecordingHandler} reads in a job). */
    public void show(Recording read, TimelineModel timeline) {
        show(read.directory(), timeline);
    }

    /**
     * Shows {@code timeline}, the model of the recording in {@code recordingFolder} (where its bookmarks are kept, and
     * which is read again while the run goes on).
     */
    public void show(Path recordingFolder, TimelineModel timeline) {
        if (canvas.isDisposed()) {
            return; // the view was closed while the recording was read
        }
        setFollowing(false);
        folder = recordingFolder;
        deleted = false;
        canvas.getDisplay().timerExec(DELETION_CHECK_MILLIS, deletionCheck); // (re)armed for this recording
        model = timeline;
        selected = null;
        pair = List.of();
        clickedTime = null;
        topLane = 0;
        try {
            bookmarks = TimelineBookmarks.load(folder.resolve(TimelineBookmarks.FILE_NAME));
        } catch (IOException e) {
            bookmarks = new TimelineBookmarks();
            status("Cannot read the bookmarks: " + e.getMessage(), true);
        }
        fit();
        updateScrollBar();
        updateMatches();
        setFollowing(timeline.running());
    }

    /** The folder of the recording shown, or null. */
    public Path recordingFolder() {
        return folder;
    }

    public TimelineModel model() {
        return model;
    }

    public TimeWindow window() {
        return window;
    }

    /** Shows {@code shown} (zooming, panning). */
    public void setWindow(TimeWindow shown) {
        window = shown;
        updateTitle();
        canvas.redraw();
    }

    /** Pans, if need be, to show {@code [from, to]}, not beyond the recording's events and their margin. */
    private void revealTime(long from, long to) {
        setWindow(window.revealing(from, to).within(model.fullWindow()));
    }

    /** Shows every event. */
    public void fit() {
        if (model != null) {
            setWindow(model.fullWindow());
        }
    }

    /** Zooms by {@code factor} (below 1: in) around the time at canvas column {@code x}. */
    public void zoom(double factor, int x) {
        if (model != null) {
            setWindow(window.zoom(factor, window.timeAt(x - LABEL_WIDTH, plotWidth())));
        }
    }

    /** Shows only what {@code filter} lets through. */
    public void setFilter(TimelineFilter filter) {
        model = model.filtered(filter);
        if (selected != null && model.laneOf(selected) < 0) {
            select(null);
        }
        if (follower != null) {
            setFollowing(true); // the next reads filter as the view now does
        }
        updateScrollBar();
        updateMatches();
        updateTitle();
        canvas.redraw();
    }

    public TraceEvent selected() {
        return selected;
    }

    /** Selects {@code event} (null: nothing): it is outlined, and the Properties view shows it. */
    public void select(TraceEvent event) {
        if (model == null && event != null) {
            return; // the recording could not be read any more: nothing to select
        }
        selected = event;
        selection.setSelection(event == null ? StructuredSelection.EMPTY : new StructuredSelection(new EventSelection(event, model)));
        updateActions();
        canvas.redraw();
    }

    /** Selects {@code event} and scrolls and pans so that it is in sight (the window's length stays). */
    public void reveal(TraceEvent event) {
        if (model == null) {
            return;
        }
        int lane = model.laneOf(event);
        if (lane < topLane) {
            scrollTo(lane);
        } else if (lane >= topLane + visibleLanes()) {
            scrollTo(lane - visibleLanes() + 1);
        }
        revealTime(event.time(), event.end());
        select(event);
    }

    /**
     * Shows {@code first} and {@code second} together: the window frames both, the lanes
     * scroll to the first, which is selected, and both are ringed and joined by an arrow from the first to the second.
     */
    public void showPair(TraceEvent first, TraceEvent second) {
        if (model == null) {
            return;
        }
        pair = List.of(first, second);
        int lane = Math.min(model.laneOf(first), model.laneOf(second));
        if (lane >= 0 && (lane < topLane || Math.max(model.laneOf(first), model.laneOf(second)) >= topLane + visibleLanes())) {
            scrollTo(lane);
        }
        setWindow(TimeWindow.around(Math.min(first.time(), second.time()), Math.max(first.end(), second.end())));
        select(first);
    }

    /**
     * Shows together ({@link #showPair(TraceEvent, TraceEvent)}) the events numbered {@code firstSequence} in the log of
     * process {@code firstPid} and {@code secondSequence} in that of {@code secondPid}; says so on the status line when
     * the recording shown lacks either.
     *
     * @return whether both were found
     */
    public boolean showPair(long firstPid, long firstSequence, long secondPid, long secondSequence) {
        TraceEvent first;
        TraceEvent second;
        try {
            first = model == null ? null : model.find(firstPid, firstSequence);
            second = model == null ? null : model.find(secondPid, secondSequence);
        } catch (UncheckedIOException changed) {
            recordingChanged(changed.getCause());
            return false;
        }
        if (first == null || second == null) {
            status("The recording shown lacks event " + (first == null ? firstSequence + " of pid " + firstPid
                    : secondSequence + " of pid " + secondPid) + " (its log was full, or it is another run's)", true);
            return false;
        }
        showPair(first, second);
        return true;
    }

    /** The two events shown together, or an empty list. */
    public List<TraceEvent> pair() {
        return pair;
    }

    /** The arrow drawn between the pair's events in the window shown, or null when there is none (for tests). */
    public TimelineArrow pairArrow() {
        return pair.size() == 2 ? model.pairArrow(pair.get(0), pair.get(1), window, plotWidth()) : null;
    }

    /** The event drawn at canvas point (x, y), or null. */
    public TraceEvent eventAt(int x, int y) {
        int lane = laneAt(y);
        return lane < 0 || x < LABEL_WIDTH ? null : model.eventAt(lane, window, plotWidth(), x - LABEL_WIDTH);
    }

    /** The log limit marked at canvas point (x, y) (the end of what a full log holds, or the start of what a ring kept), or null. */
    public LogLimit logLimitAt(int x, int y) {
        int lane = laneAt(y);
        return lane < 0 || x < LABEL_WIDTH ? null : model.logLimitAt(lane, window, plotWidth(), x - LABEL_WIDTH);
    }

    /** The canvas point in the middle of where {@code event} is drawn (for tests and keyboard use). */
    public org.eclipse.swt.graphics.Point pointOf(TraceEvent event) {
        double middle = window.xOf(event.time() + event.duration() / 2, plotWidth());
        return new org.eclipse.swt.graphics.Point(LABEL_WIDTH + (int) middle,
                RULER_HEIGHT + (model.laneOf(event) - topLane) * ROW_HEIGHT + ROW_HEIGHT / 2);
    }

    /** The first lane shown below the ruler. */
    public int topLane() {
        return topLane;
    }

    /** Scrolls the lanes so that {@code lane} is the first below the ruler (as far as the lanes allow). */
    public void scrollTo(int lane) {
        int lanes = model == null ? 0 : model.lanes().size();
        topLane = Math.max(0, Math.min(lane, lanes - visibleLanes()));
        canvas.getVerticalBar().setSelection(topLane);
        canvas.redraw();
    }

    /** The search field (Enter: next match). */
    public Text searchField() {
        return search;
    }

    /** The event found next ({@code forward}) or before the selection (or the window) for the text of the search field. */
    public void findNext(boolean forward) {
        if (model == null) {
            return;
        }
        long from = forward ? window.start() : window.end();
        TraceEvent found = model.findNext(selected, from, forward, search.getText());
        if (found == null) {
            status("No " + (forward ? "later" : "earlier") + " event matches \"" + search.getText().strip() + "\"", false);
            canvas.getDisplay().beep();
        } else {
            reveal(found);
        }
    }

    /** Selects the next ({@code forward}) or previous event of the selection's kind, if there is one. */
    public void stepOfKind(boolean forward) {
        if (selected == null) {
            return;
        }
        TraceEvent next = model.nextOfKind(selected, forward);
        if (next == null) {
            status("No " + (forward ? "later " : "earlier ") + selected.kind().label() + " shown", false);
            canvas.getDisplay().beep();
        } else {
            reveal(next);
        }
    }

    public TimelineBookmarks bookmarks() {
        return bookmarks;
    }

    /**
     * Bookmarks the selected event, or without a selection the instant last clicked; an event that has a bookmark loses
     * it. The bookmarks are saved beside the recording.
     */
    public void toggleBookmark() {
        if (model == null) {
            return;
        }
        if (selected != null) {
            bookmarks.toggle(selected, selected.kind().label() + (selected.segment() == null ? "" : " " + selected.segment()) + " at "
                    + TimelineModel.formatDuration(selected.time() - model.origin()));
        } else if (clickedTime != null) {
            bookmarks.add(clickedTime, "at " + TimelineModel.formatDuration(clickedTime - model.origin()));
        } else {
            return;
        }
        saveBookmarks();
    }

    /** Shows a bookmark: selects and reveals its event, or centres the window on its instant. */
    public void goTo(Bookmark bookmark) {
        TraceEvent event = bookmark.onEvent() ? model.find(bookmark.pid(), bookmark.sequence()) : null;
        if (event != null && model.laneOf(event) >= 0) {
            reveal(event);
        } else {
            clickedTime = bookmark.time();
            select(null);
            revealTime(bookmark.time(), bookmark.time());
        }
    }

    private void removeBookmark(Bookmark bookmark) {
        bookmarks.remove(bookmark);
        saveBookmarks();
    }

    private void saveBookmarks() {
        try {
            bookmarks.save(folder.resolve(TimelineBookmarks.FILE_NAME));
        } catch (IOException e) {
            status("The bookmarks are kept until the view closes; they cannot be saved beside the recording: " + e.getMessage(), true);
        }
        canvas.redraw();
    }

    /** Whether the view reads the recording again periodically (while the run goes on). */
    public boolean following() {
        return follower != null;
    }

    /** Starts or stops reading the recording again every {@value #FOLLOW_PERIOD_MILLIS} ms or so, in a job. */
    public void setFollowing(boolean on) {
        // a recording let go when it changed on disk is not followed: it is reopened
        boolean following = on && model != null && folder != null && !deleted;
        follow.setChecked(following);
        if (follower != null) {
            follower.stop();
            follower = null;
        }
        if (following) {
            follower = new Follower(folder, model);
            follower.schedule(FOLLOW_PERIOD_MILLIS);
        }
        updateTitle();
    }

    /** How long the last paint of the canvas took, in nanoseconds. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** How many items and arrows the last paint of the canvas drew: what its cost follows. */
    public int lastPaintShapes() {
        return lastPaintShapes;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Saves what the canvas shows as a PNG image (painted off screen, at the canvas's size). */
    public void exportPng(Path file) {
        Rectangle area = canvas.getClientArea();
        Image image = new Image(canvas.getDisplay(), Math.max(1, area.width), Math.max(1, area.height));
        GC gc = new GC(image);
        try {
            paint(gc);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private int laneAt(int y) {
        int lane = topLane + Math.floorDiv(y - RULER_HEIGHT, ROW_HEIGHT);
        return model == null || y < RULER_HEIGHT || lane >= model.lanes().size() ? -1 : lane;
    }

    private int plotWidth() {
        return Math.max(1, canvas.getClientArea().width - LABEL_WIDTH);
    }

    /** How many whole lanes fit below the ruler. */
    private int visibleLanes() {
        return Math.max(1, (canvas.getClientArea().height - RULER_HEIGHT) / ROW_HEIGHT);
    }

    private void updateScrollBar() {
        ScrollBar bar = canvas.getVerticalBar();
        int lanes = model == null ? 0 : model.lanes().size();
        int visible = visibleLanes();
        topLane = Math.max(0, Math.min(topLane, lanes - visible));
        bar.setValues(topLane, 0, Math.max(lanes, 1), Math.max(1, Math.min(visible, lanes)), 1, Math.max(1, visible - 1));
        bar.setEnabled(lanes > visible);
    }

    /** Opens the call site of {@code event} in an editor; without one (or without its source) zooms onto the event. */
    private void openCallSite(TraceEvent event) {
        select(event);
        if (event.site() != null) {
            try {
                if (CallSiteOpeners.open(event.site(), getSite().getPage())) {
                    return;
                }
                status("No source for " + event.site() + " in the workspace's Java projects", false);
            } catch (CoreException e) {
                status("Cannot open " + event.site() + ": " + e.getMessage(), true);
            }
        }
        long length = Math.max(10_000, event.duration() * 10);
        setWindow(new TimeWindow(event.time() + event.duration() / 2 - length / 2, event.time() + event.duration() / 2 + length / 2));
    }

    private void key(Event e) {
        switch (e.keyCode) {
            case SWT.ARROW_RIGHT, SWT.ARROW_LEFT -> stepOfKind(e.keyCode == SWT.ARROW_RIGHT);
            case SWT.F3 -> findNext((e.stateMask & SWT.SHIFT) == 0);
            default -> {
                if (e.character == 'b' || e.character == 'B') {
                    toggleBookmark();
                }
            }
        }
    }

    private void wheel(Event e) {
        if (model == null || e.count == 0) {
            return;
        }
        e.doit = false; // the canvas's scroll bar must not scroll by itself as well
        if (e.x < LABEL_WIDTH) {
            scrollTo(topLane - Integer.signum(e.count) * WHEEL_LANES);
        } else {
            zoom(e.count > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, e.x);
        }
    }

    private void mouseMove(Event e) {
        if (model == null) {
            return;
        }
        if (dragStartX >= 0 && (e.stateMask & SWT.BUTTON1) != 0) {
            dragged |= Math.abs(e.x - dragStartX) > 2;
            if (dragged) {
                setWindow(dragStartWindow.pan(Math.round((double) (dragStartX - e.x) * dragStartWindow.length() / plotWidth())));
            }
            return;
        }
        TraceEvent event = eventAt(e.x, e.y);
        LogLimit limit = event == null ? logLimitAt(e.x, e.y) : null;
        String tip = event != null ? model.summary(event) : limit != null ? model.explanation(limit) : null;
        if (!java.util.Objects.equals(tip, canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
    }

    private void updateTitle() {
        if (model == null || title.isDisposed()) {
            return;
        }
        setHeader(title, folder.getFileName() + (deleted ? " (deleted: what was read of it)" : "") + ": " + model.shownEvents() + " events shown · "
                + TimelineModel.formatDuration(window.start() - model.origin()) + " to " + TimelineModel.formatDuration(window.end() - model.origin())
                + " (" + TimelineModel.formatDuration(window.length()) + ")" + (follower != null ? " · following the run" : "")
                + " · start of the recording at " + model.origin() + " ns CLOCK_MONOTONIC"
                + (model.logLimitsLine() == null ? "" : " · " + model.logLimitsLine()),
                model.logLimits().isEmpty() ? null : String.join("\n\n", model.logLimits().stream().map(model::explanation).toList()));
    }

    /** The description line above the lanes: what is shown, and which logs met their size limit (for tests). */
    public String description() {
        return title.getText();
    }

    /** The tooltip of the description line: its whole text, however narrow the view (for tests). */
    public String descriptionToolTip() {
        return title.getToolTipText();
    }

    /**
     * Counts the events the search text finds in a job, {@value #MATCH_COUNT_DELAY_MILLIS} ms after the last keystroke:
     * a million events take longer to test than a keystroke may freeze the view. A new text or filter cancels the count
     * going on; a read of the growing recording starts a count only when none goes on (a count of a long run may take
     * longer than a read: one each would pile up, each keeping a model alive), and a count that ends on a model older
     * than the one shown starts one more. Only the latest count's result is shown.
     */
    private void updateMatches() {
        if (matchCounter != null) {
            matchCounter.cancel();
            matchCounter = null;
        }
        if (model == null || search.getText().isBlank()) {
            setHeader(matches, "", null);
            return;
        }
        setHeader(matches, "counting...", null);
        startCount();
    }

    /**
     * Counts the matches again after a read of the growing recording, unless a count goes on (it is shown when it ends,
     * then counts this model); the count shown stays until then.
     */
    private void recountMatches() {
        if (!search.getText().isBlank() && (matchCounter == null || matchCounter.getState() == Job.NONE)) {
            startCount();
        }
    }

    private void startCount() {
        String query = search.getText();
        TimelineModel counted = model;
        Display display = canvas.getDisplay();
        Job[] job = new Job[1];
        job[0] = Job.create("Counting the events that match \"" + query.strip() + "\"", monitor -> {
            String text;
            String detail = null;
            try {
                text = counted.count(query, monitor::isCanceled) + " found";
            } catch (CancellationException e) {
                return Status.CANCEL_STATUS;
            } catch (UncheckedIOException changed) {
                text = "not counted";
                detail = recordingChanged(counted, changed.getCause());
            } catch (OutOfMemoryError e) {
                // what the count allocated is garbage again; the view says why here, not in an internal error dialog
                text = "not counted";
                detail = "The events that match were not counted: this IDE's memory (" + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB) is full. Enter still finds the next match. " + MORE_MEMORY;
            }
            String shown = text;
            String why = detail;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!matches.isDisposed() && matchCounter == job[0]) {
                        setHeader(matches, shown, why);
                        if (counted != model) {
                            // reads skipped their recount while this one went on, the last read of a run included
                            startCount();
                        }
                    }
                });
            }
            return Status.OK_STATUS;
        });
        matchCounter = job[0];
        matchCounter.setSystem(true);
        matchCounter.schedule(MATCH_COUNT_DELAY_MILLIS);
    }

    /** Shows {@code text} in a header label, its whole text (and {@code detail}, when not null) as its tooltip. */
    private static void setHeader(Label label, String text, String detail) {
        label.setText(text);
        label.setToolTipText(detail != null ? text + "\n\n" + detail : text.isEmpty() ? null : text);
    }

    /** The number of events the search text finds, once counted; null while counting (for tests). */
    public Integer matchCount() {
        String text = matches.getText();
        return text.endsWith(" found") ? Integer.valueOf(text.substring(0, text.indexOf(' '))) : null;
    }

    /** The search's count as shown, and its tooltip (for tests). */
    public List<String> matchesShown() {
        return java.util.Arrays.asList(matches.getText(), matches.getToolTipText());
    }

    private void updateActions() {
        previousOfKind.setEnabled(selected != null);
        nextOfKind.setEnabled(selected != null);
        showSegment.setEnabled(selected != null && selected.segment() != null);
    }

    /** Shows the segment the selected event is about in the Segment Inspector, at that event (no cluster needed). */
    public void showSegmentAtSelected() {
        if (selected != null && selected.segment() != null) {
            ShowSegmentAtEvent.show(getSite().getPage(), folder, selected);
        }
    }

    private void status(String message, boolean error) {
        var line = getViewSite().getActionBars().getStatusLineManager();
        if (error) {
            line.setErrorMessage(message);
        } else {
            line.setMessage(message);
        }
    }

    private IAction action(String text, String toolTip, Runnable run) {
        IAction action = new Action(text) {
            @Override
            public void run() {
                readingRecording(run);
            }
        };
        action.setToolTipText(toolTip);
        return action;
    }

    private void fillViewMenu(IMenuManager menu) {
        if (model == null) {
            return;
        }
        TimelineFilter filter = model.filter();
        menu.add(filterMenu("Nodes", model.nodes(), filter.nodes(), node -> "node " + node, filter::withNodes));
        menu.add(filterMenu("Processes", model.pids(), filter.pids(), pid -> "pid " + pid, filter::withPids));
        menu.add(filterMenu("Segments", model.segments(), filter.segments(), segment -> segment, filter::withSegments));
        menu.add(filterMenu("Categories", List.of(TimelineCategory.values()), filter.categories(), TimelineCategory::label, filter::withCategories));
        menu.add(filterMenu("Kinds", model.kinds(), filter.kinds(), EventKind::label, filter::withKinds));
        menu.add(action("Show Everything", "Remove every filter", () -> setFilter(TimelineFilter.ALL)));
        menu.add(new org.eclipse.jface.action.Separator());
        MenuManager goTo = new MenuManager("Bookmarks");
        MenuManager remove = new MenuManager("Remove Bookmark");
        for (Bookmark bookmark : bookmarks.list()) {
            goTo.add(action(bookmark.label(), null, () -> goTo(bookmark)));
            remove.add(action(bookmark.label(), null, () -> removeBookmark(bookmark)));
        }
        menu.add(goTo);
        menu.add(remove);
    }

    /**
     * A submenu with a check box per value of a filter's axis; an empty set of values shown means all of them, and
     * checking every value gives the empty set again.
     */
    private <T> MenuManager filterMenu(String text, Collection<T> all, Set<T> shown, Function<T, String> label,
            Function<Set<T>, TimelineFilter> filterShowing) {
        MenuManager menu = new MenuManager(text);
        for (T value : all) {
            IAction toggle = new Action(label.apply(value), IAction.AS_CHECK_BOX) {
                @Override
                public void run() {
                    Set<T> next = new HashSet<>(shown.isEmpty() ? all : shown);
                    if (isChecked()) {
                        next.add(value);
                    } else {
                        next.remove(value);
                    }
                    readingRecording(() -> setFilter(filterShowing.apply(next.containsAll(all) ? Set.of() : next)));
                }
            };
            toggle.setChecked(shown.isEmpty() || shown.contains(value));
            menu.add(toggle);
        }
        return menu;
    }

    /**
     * {@code handle} that tells a recording changed on disk while it is shown as such ({@link #recordingChanged}): the
     * view reads the payloads of events from the mapped logs when it draws, hovers, finds them.
     */
    private Listener readingRecording(Listener handle) {
        return e -> readingRecording(() -> handle.handleEvent(e));
    }

    /** Runs {@code read}, which reads the recording shown: a log truncated since it was read is said so ({@link #recordingChanged}). */
    private void readingRecording(Runnable read) {
        try {
            read.run();
        } catch (UncheckedIOException changed) {
            recordingChanged(changed.getCause());
        }
    }

    /**
     * A log of the recording shown was truncated since it was read (the run recorded into the folder again, or the file
     * was cut): what was read of it cannot be shown any more. The view lets it go, says what happened and what to do, and
     * can show a recording again.
     */
    private void recordingChanged(IOException shrank) {
        if (model == null || canvas.isDisposed()) {
            return;
        }
        String why = recordingChanged(model, shrank);
        setFollowing(false);
        model = null;
        select(null);
        pair = List.of();
        clickedTime = null;
        canvas.setToolTipText(null);
        updateScrollBar();
        updateMatches();
        setHeader(title, why, null);
        status(why, true);
        canvas.redraw();
    }

    /** What happened to {@code shown}, a log of which shrank on disk ({@code shrank}), and what to do. */
    private static String recordingChanged(TimelineModel shown, IOException shrank) {
        Path folder = shown.folder();
        return "The recording " + (folder == null ? "" : folder.getFileName() + " ") + "changed on disk after it was read: reopen"
                + " it (RSM > Open Recording...). " + shrank.getMessage();
    }

    /**
     * Why a recording cannot be shown: its events do not fit in this IDE's heap (a timeline holds about 140 bytes per
     * event, in columns; a long recorded run has tens of millions).
     */
    static String tooLargeToShow(Path recordingFolder) {
        return "The recording " + recordingFolder.getFileName() + " holds more events than the Timeline can keep in this IDE's"
                + " memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB). " + MORE_MEMORY;
    }

    /** Looks again in {@value #DELETION_CHECK_MILLIS} ms while the recording shown is there; says when it was deleted. */
    private void checkRecordingIsThere() {
        if (canvas.isDisposed() || folder == null || deleted) {
            return;
        }
        if (Files.isDirectory(folder)) {
            canvas.getDisplay().timerExec(DELETION_CHECK_MILLIS, deletionCheck);
        } else {
            recordingDeleted(folder);
        }
    }

    /** The recording in {@code gone} was deleted: if the view shows it, following stops and the view says so. */
    private void recordingDeleted(Path gone) {
        if (canvas.isDisposed() || !gone.equals(folder) || deleted) {
            return;
        }
        deleted = true;
        setFollowing(false);
        updateTitle();
        status("The recording " + folder + " was deleted: the Timeline shows what it had read of it.", true);
    }

    /** The {@link Follower} could not read the grown recording: following stops, the last model stays, the title says why. */
    private void stoppedFollowing(Follower from, String why) {
        if (canvas.isDisposed() || from != follower) {
            return;
        }
        setFollowing(false);
        setHeader(title, "Following stopped: " + why, null);
        status("Following stopped: " + why, true); // the description line gives way to the next redraw's
    }

    /** Takes a model of the recording read again by the {@link Follower}: the window follows its end unless scrolled away. */
    private void followed(Follower from, TimelineModel next) {
        if (canvas.isDisposed() || from != follower) {
            return; // closed, or following stopped or restarted since
        }
        TimelineModel previous = model;
        model = next.filter().equals(previous.filter()) ? next : next.filtered(previous.filter());
        if (selected != null) {
            TraceEvent same = model.find(selected);
            select(same != null && model.laneOf(same) >= 0 ? same : null);
        }
        List<TraceEvent> samePair = pair.stream().map(model::find).filter(Objects::nonNull).toList();
        pair = samePair.size() == 2 ? samePair : List.of();
        window = model.following(window, previous);
        updateScrollBar();
        recountMatches();
        if (!model.running()) {
            setFollowing(false);
        }
        updateTitle();
        canvas.redraw();
    }

    /**
     * Reads what the recording's logs added, off the UI thread, and hands the new model to the view; again after at least
     * {@value #FOLLOW_PERIOD_MILLIS} ms, or twice as long as the reading took, until cancelled.
     */
    private final class Follower extends Job {
        private final Path recordingFolder;
        /** The model read last: the next read adds only what the recording's logs added since. */
        private TimelineModel latest;
        /** The view's display, taken on the UI thread (the canvas may be disposed when a read ends). */
        private final Display display = canvas.getDisplay();
        private volatile boolean stopped;

        Follower(Path recordingFolder, TimelineModel shown) {
            super("Following the recording " + recordingFolder.getFileName());
            this.recordingFolder = recordingFolder;
            this.latest = shown;
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            long began = System.nanoTime();
            if (!Files.isDirectory(recordingFolder)) { // not read again: the view says so, and stops following
                post(() -> recordingDeleted(recordingFolder));
                return Status.OK_STATUS;
            }
            TimelineModel next;
            try {
                // a model of a recording read whole (as objects) is read once more as columns, then only what is added
                next = recordingFolder.equals(latest.folder()) ? latest.refresh()
                        : TimelineModel.open(recordingFolder).filtered(latest.filter());
                latest = next;
            } catch (EventColumns.ShrankException shrank) { // what was read of it is of no use: it is reopened
                post(() -> {
                    if (this == follower) {
                        recordingChanged(shrank);
                    }
                });
                return Status.OK_STATUS;
            } catch (IOException e) {
                String why = "cannot read the recording again: " + e.getMessage();
                post(() -> stoppedFollowing(this, why));
                return new Status(IStatus.WARNING, RsmUiPlugin.ID, why, e);
            } catch (OutOfMemoryError e) {
                // the run outgrew the heap: what this job allocated is garbage again, the view keeps the last model
                String why = tooLargeToShow(recordingFolder);
                post(() -> stoppedFollowing(this, why));
                return new Status(IStatus.WARNING, RsmUiPlugin.ID, why, e); // the log says which allocation did not fit
            }
            if (monitor.isCanceled() || stopped) {
                return Status.CANCEL_STATUS;
            }
            if (!post(() -> readingRecording(() -> followed(this, next)))) {
                return Status.CANCEL_STATUS;
            }
            long tookMillis = (System.nanoTime() - began) / 1_000_000;
            if (!stopped) {
                schedule(Math.max(FOLLOW_PERIOD_MILLIS, 2 * tookMillis));
            }
            return Status.OK_STATUS;
        }

        /** Runs {@code update} on the UI thread; false when the display is gone (the IDE closed while this job read). */
        private boolean post(Runnable update) {
            try {
                display.asyncExec(update);
                return true;
            } catch (SWTException disposed) {
                return false;
            }
        }

        /** Stops for good: cancelled if waiting, not scheduled again if running. */
        void stop() {
            stopped = true;
            cancel();
        }
    }

    // ---- painting

    private void paint(GC gc) {
        long began = System.nanoTime();
        lastPaintShapes = 0;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (model == null) {
            return;
        }
        try {
            paintModel(gc, area);
        } catch (UncheckedIOException changed) {
            recordingChanged(changed.getCause());
        }
        lastPaintNanos = System.nanoTime() - began;
    }

    private void paintModel(GC gc, Rectangle area) {
        int width = plotWidth();
        List<TimelineLane> lanes = model.lanes();
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        paintRuler(gc, width, area.height);
        for (int lane = topLane; lane < lanes.size(); lane++) {
            int y = RULER_HEIGHT + (lane - topLane) * ROW_HEIGHT;
            if (y > area.height) {
                break;
            }
            paintLane(gc, lanes.get(lane), lane, y, width);
        }
        paintArrows(gc, width);
        paintSelection(gc, width);
        paintPair(gc);
        paintBookmarks(gc, width, area.height);
    }

    private void paintRuler(GC gc, int width, int height) {
        Color grid = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
        long step = window.tickStep(width, 90);
        for (long tick : window.ticks(width, 90)) {
            int x = LABEL_WIDTH + (int) window.xOf(tick, width);
            gc.setForeground(grid);
            gc.drawLine(x, RULER_HEIGHT - 4, x, height);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(TimelineModel.formatDuration(tick - model.origin()), x + 2, 2, true);
        }
        gc.drawText("step " + TimelineModel.formatDuration(step), 4, 2, true);
        gc.drawLine(0, RULER_HEIGHT - 1, LABEL_WIDTH + width, RULER_HEIGHT - 1);
    }

    private void paintLane(GC gc, TimelineLane lane, int index, int y, int width) {
        int indent = lane.level().ordinal() * 12;
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText(lane.label(), 4 + indent, y + 1, true);
        gc.setClipping(LABEL_WIDTH, y, width, ROW_HEIGHT);
        for (TimelineItem item : model.items(index, window, width)) {
            lastPaintShapes++;
            if (item.shape() == TimelineItem.Shape.LOG_LIMIT) {
                paintLogLimit(gc, model.logLimitAt(index, window, width, item.x0()), LABEL_WIDTH + item.x0(), y, width);
            } else {
                paintItem(gc, item, LABEL_WIDTH, y + 3, ROW_HEIGHT - 6);
            }
        }
        gc.setClipping((Rectangle) null);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
        gc.drawLine(0, y + ROW_HEIGHT - 1, LABEL_WIDTH + width, y + ROW_HEIGHT - 1);
    }

    /**
     * A log limit's marker, across the lane at {@code x}: a red end cap with "log full" after it where a full log stopped
     * holding every event (the lane is hatched from there on: a thread with room left in its chunk records a little
     * longer, none of the others), or a red start cap with "overwritten" before it where a ring holds every event from.
     */
    private void paintLogLimit(GC gc, LogLimit limit, int x, int y, int width) {
        Color red = colours.get(TimelineCategory.ERROR);
        gc.setBackground(red);
        gc.setForeground(red);
        gc.fillRectangle(x - 1, y + 1, 3, ROW_HEIGHT - 3);
        String when = TimelineModel.formatDuration(limit.time() - model.origin());
        String text = limit.stopped() ? "log full at " + when : "overwritten before " + when;
        int textWidth = gc.textExtent(text).x;
        // beside the cap, or at the lane's edge when the cap lies outside the window (followed past a stop)
        int textX = limit.stopped() ? Math.max(x + 5, LABEL_WIDTH + 4) : Math.min(x - 5 - textWidth, LABEL_WIDTH + width - textWidth - 4);
        int from = limit.stopped() ? x + 2 : LABEL_WIDTH;
        int to = limit.stopped() ? LABEL_WIDTH + width : x - 2;
        gc.setClipping(from, y, Math.max(0, to - from), ROW_HEIGHT); // within the lane's clipping: the marker is in the window
        gc.setAlpha(90);
        for (int hx = from - ROW_HEIGHT; hx < to; hx += 6) {
            gc.drawLine(hx, y + ROW_HEIGHT - 2, hx + ROW_HEIGHT - 3, y + 1);
        }
        gc.setAlpha(255);
        gc.setClipping(LABEL_WIDTH, y, width, ROW_HEIGHT);
        gc.drawText(text, textX, y + 1, true);
    }

    private void paintItem(GC gc, TimelineItem item, int left, int top, int height) {
        Color colour = colours.get(item.category());
        int x = left + Math.max(-2, item.x0());
        int w = Math.max(1, left + Math.min(item.x1(), plotWidth() + 2) - x + 1);
        switch (item.shape()) {
            case MARKER -> {
                gc.setBackground(colour);
                gc.fillPolygon(new int[] { x - 5, top, x + 5, top, x, top + height });
            }
            case WAIT -> {
                gc.setForeground(colour);
                gc.drawRectangle(x, top, w - 1, height - 1);
                // hatching: diagonal lines every 5 pixels, clipped to the wait
                for (int hx = x - height; hx < x + w; hx += 5) {
                    int from = Math.max(hx, x);
                    int to = Math.min(hx + height, x + w - 1);
                    if (from <= to) {
                        gc.drawLine(from, top + height - 1 - (from - hx), to, top + height - 1 - (to - hx));
                    }
                }
            }
            case BUSY -> {
                gc.setBackground(colour);
                gc.setAlpha(150);
                gc.fillRectangle(x, top + 2, w, height - 4);
                gc.setAlpha(255);
            }
            case SPAN -> {
                gc.setBackground(colour);
                gc.fillRectangle(x, top, w, height);
            }
            case LOG_LIMIT -> throw new IllegalArgumentException("a log limit is painted by paintLogLimit");
        }
    }

    /**
     * The outline of the selected event, drawn on its own: an event narrower than a pixel is merged into a busy run
     * (which draws no event), and a selection found by the search must show at any zoom.
     */
    private void paintSelection(GC gc, int width) {
        int lane = selected == null ? -1 : model.laneOf(selected);
        if (lane < topLane) {
            return;
        }
        int x0 = (int) Math.max(-2, Math.floor(window.xOf(selected.time(), width)));
        int x1 = (int) Math.min(width + 2, Math.max(x0, Math.floor(window.xOf(selected.end(), width))));
        int top = RULER_HEIGHT + (lane - topLane) * ROW_HEIGHT + 3;
        gc.setClipping(LABEL_WIDTH, RULER_HEIGHT, width, canvas.getClientArea().height - RULER_HEIGHT);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.setLineWidth(2);
        gc.drawRectangle(LABEL_WIDTH + x0 - 2, top - 2, x1 - x0 + 4, ROW_HEIGHT - 3);
        gc.setLineWidth(1);
        gc.setClipping((Rectangle) null);
    }

    private void paintArrows(GC gc, int width) {
        gc.setClipping(LABEL_WIDTH, RULER_HEIGHT, width, canvas.getClientArea().height - RULER_HEIGHT);
        for (TimelineArrow arrow : model.arrows(window, width)) {
            lastPaintShapes++;
            gc.setForeground(arrow.flow().kind() == Flow.Kind.PUBLISH ? canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY)
                    : colours.get(switch (arrow.flow().kind()) {
                        case SIGNAL -> TimelineCategory.SIGNAL;
                        case DATA -> TimelineCategory.DATA;
                        default -> TimelineCategory.ERROR;
                    }));
            drawArrow(gc, arrow);
        }
        gc.setClipping((Rectangle) null);
    }

    private void drawArrow(GC gc, TimelineArrow arrow) {
        int x0 = LABEL_WIDTH + arrow.fromX();
        int y0 = laneMiddle(arrow.fromLane());
        int x1 = LABEL_WIDTH + arrow.toX();
        int y1 = laneMiddle(arrow.toLane());
        gc.drawLine(x0, y0, x1, y1);
        int head = y1 > y0 ? -4 : 4;
        gc.drawLine(x1, y1, x1 - 3, y1 + head);
        gc.drawLine(x1, y1, x1 + 3, y1 + head);
    }

    private int laneMiddle(int lane) {
        return RULER_HEIGHT + (lane - topLane) * ROW_HEIGHT + ROW_HEIGHT / 2;
    }

    /** The pair shown together: a ring around each event (seen even where it is merged into a busy run), an arrow between. */
    private void paintPair(GC gc) {
        TimelineArrow arrow = pairArrow();
        if (arrow == null) {
            return;
        }
        gc.setClipping(LABEL_WIDTH, RULER_HEIGHT, plotWidth(), canvas.getClientArea().height - RULER_HEIGHT);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_RED));
        gc.setLineWidth(2);
        int radius = ROW_HEIGHT / 2 - 1;
        gc.drawOval(LABEL_WIDTH + arrow.fromX() - radius, laneMiddle(arrow.fromLane()) - radius, 2 * radius, 2 * radius);
        gc.drawOval(LABEL_WIDTH + arrow.toX() - radius, laneMiddle(arrow.toLane()) - radius, 2 * radius, 2 * radius);
        drawArrow(gc, arrow);
        gc.setLineWidth(1);
        gc.setClipping((Rectangle) null);
    }

    /** A dotted line and a flag on the ruler at each bookmark in the window. */
    private void paintBookmarks(GC gc, int width, int height) {
        Color colour = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE);
        gc.setForeground(colour);
        gc.setBackground(colour);
        gc.setLineStyle(SWT.LINE_DOT);
        for (Bookmark bookmark : bookmarks.list()) {
            if (bookmark.time() >= window.start() && bookmark.time() <= window.end()) {
                int x = LABEL_WIDTH + (int) window.xOf(bookmark.time(), width);
                gc.drawLine(x, RULER_HEIGHT - 10, x, height);
                gc.fillPolygon(new int[] { x, RULER_HEIGHT - 12, x + 8, RULER_HEIGHT - 9, x, RULER_HEIGHT - 6 });
            }
        }
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        setFollowing(false);
        if (matchCounter != null) {
            matchCounter.cancel();
        }
        colours.values().forEach(Color::dispose);
        super.dispose();
    }

    /** The view's selection: the selected event, for the Properties view. */
    private static final class SelectionProvider implements ISelectionProvider {
        private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
        private ISelection current = StructuredSelection.EMPTY;

        @Override
        public void addSelectionChangedListener(ISelectionChangedListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeSelectionChangedListener(ISelectionChangedListener listener) {
            listeners.remove(listener);
        }

        @Override
        public ISelection getSelection() {
            return current;
        }

        @Override
        public void setSelection(ISelection next) {
            current = next;
            SelectionChangedEvent event = new SelectionChangedEvent(this, next);
            listeners.forEach(l -> l.selectionChanged(event));
        }
    }
}
