package org.rsmworkbench.ui.internal.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.ListenerList;
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
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.rsmworkbench.core.trace.TimeWindow;
import org.rsmworkbench.core.trace.TimelineArrow;
import org.rsmworkbench.core.trace.TimelineCategory;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.core.trace.TimelineItem;
import org.rsmworkbench.core.trace.TimelineLane;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;

/**
 * A recorded run on a time axis: a lane per node (its faults, starts and ends as markers), per process and per thread
 * (its RSM calls as spans coloured by category, signal waits hatched), arrows from each signal post to the wait that
 * consumed it (and publish → connect, cut → failed call), a ruler with the time since the start of the recording. The
 * wheel zooms around the pointer, dragging pans, Fit shows everything; hovering tells what an event is, clicking selects
 * it (its fields in the Properties view), double-clicking zooms onto it. The view menu filters by node and category.
 * Everything drawn is computed by {@link TimelineModel}; this class only paints it.
 */
public final class TimelineView extends ViewPart {
    public static final String ID = RsmPerspective.TIMELINE_VIEW;
    /** The width of the lane labels on the left. */
    public static final int LABEL_WIDTH = 150;
    /** The height of the time ruler on top. */
    static final int RULER_HEIGHT = 28;
    static final int ROW_HEIGHT = 18;
    /** How much one wheel notch zooms. */
    private static final double WHEEL_ZOOM = 0.8;

    private Canvas canvas;
    private Label title;
    private Recording recording;
    private TimelineModel model;
    private TimeWindow window;
    private TraceEvent selected;
    private int dragStartX = -1;
    private TimeWindow dragStartWindow;
    private boolean dragged;
    private long lastPaintNanos;
    private final Map<TimelineCategory, Color> colours = new EnumMap<>(TimelineCategory.class);
    private final SelectionProvider selection = new SelectionProvider();
    private final IAction fit = new Action("Fit") {
        @Override
        public void run() {
            fit();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        root.setLayout(grid);
        title = new Label(root, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setText("No recording: RSM > Open Recording... (a .rsmtrace folder made by rsm-launch --record)");
        canvas = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        colours.put(TimelineCategory.DATA, new Color(66, 133, 244));
        colours.put(TimelineCategory.BARRIER, new Color(156, 39, 176));
        colours.put(TimelineCategory.SIGNAL, new Color(52, 168, 83));
        colours.put(TimelineCategory.CONTROL, new Color(120, 144, 156));
        colours.put(TimelineCategory.ERROR, new Color(219, 50, 54));
        colours.put(TimelineCategory.FAULT, new Color(255, 152, 0));
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseDown, e -> {
            dragStartX = e.button == 1 ? e.x : -1;
            dragStartWindow = window;
            dragged = false;
        });
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, e -> {
            if (dragStartX >= 0 && !dragged) {
                select(eventAt(e.x, e.y));
            }
            dragStartX = -1;
        });
        canvas.addListener(SWT.MouseDoubleClick, e -> {
            TraceEvent event = eventAt(e.x, e.y);
            if (event != null) {
                showEvent(event);
            }
        });
        getSite().setSelectionProvider(selection);
        fit.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        fit.setToolTipText("Fit: show the whole recording");
        getViewSite().getActionBars().getToolBarManager().add(fit);
        getViewSite().getActionBars().getMenuManager().setRemoveAllWhenShown(true);
        getViewSite().getActionBars().getMenuManager().addMenuListener(this::fillFilterMenu);
        getViewSite().getActionBars().getMenuManager().add(new Action("") {
            // a placeholder so that the view menu shows; it is refilled when shown
        });
    }

    /** Reads the recording in {@code folder} and shows all of it. */
    public void open(Path folder) throws IOException {
        Recording read = Recording.open(folder);
        show(read, TimelineModel.of(read));
    }

    /** Shows a recording read elsewhere (reading a large one takes seconds: {@link OpenRecordingHandler} reads in a job). */
    public void show(Recording read, TimelineModel timeline) {
        if (canvas.isDisposed()) {
            return; // the view was closed while the recording was read
        }
        recording = read;
        model = timeline;
        selected = null;
        fit();
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
        updateTitle();
        canvas.redraw();
    }

    public TraceEvent selected() {
        return selected;
    }

    /** Selects {@code event} (null: nothing): it is outlined, and the Properties view shows it. */
    public void select(TraceEvent event) {
        selected = event;
        selection.setSelection(event == null ? StructuredSelection.EMPTY : new StructuredSelection(new EventSelection(event, model)));
        canvas.redraw();
    }

    /** The event drawn at canvas point (x, y), or null. */
    public TraceEvent eventAt(int x, int y) {
        int lane = laneAt(y);
        return lane < 0 || x < LABEL_WIDTH ? null : model.eventAt(lane, window, plotWidth(), x - LABEL_WIDTH);
    }

    /** The canvas point in the middle of where {@code event} is drawn (for tests and keyboard use). */
    public org.eclipse.swt.graphics.Point pointOf(TraceEvent event) {
        double middle = window.xOf(event.time() + event.duration() / 2, plotWidth());
        return new org.eclipse.swt.graphics.Point(LABEL_WIDTH + (int) middle, RULER_HEIGHT + model.laneOf(event) * ROW_HEIGHT + ROW_HEIGHT / 2);
    }

    /** How long the last paint of the canvas took, in nanoseconds. */
    public long lastPaintNanos() {
        return lastPaintNanos;
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
        int lane = (y - RULER_HEIGHT) / ROW_HEIGHT;
        return model == null || y < RULER_HEIGHT || lane >= model.lanes().size() ? -1 : lane;
    }

    private int plotWidth() {
        return Math.max(1, canvas.getClientArea().width - LABEL_WIDTH);
    }

    /** Zooms onto an event: ten times its duration, at least 10 µs. */
    private void showEvent(TraceEvent event) {
        long length = Math.max(10_000, event.duration() * 10);
        setWindow(new TimeWindow(event.time() + event.duration() / 2 - length / 2, event.time() + event.duration() / 2 + length / 2));
        select(event);
    }

    private void wheel(Event e) {
        if (model != null && e.x >= LABEL_WIDTH && e.count != 0) {
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
        String tip = event == null ? null : model.summary(event);
        if (!java.util.Objects.equals(tip, canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
    }

    private void updateTitle() {
        if (model == null) {
            return;
        }
        title.setText(recording.directory().getFileName() + ": " + model.shownEvents() + " events shown · "
                + TimelineModel.formatDuration(window.start() - model.origin()) + " to " + TimelineModel.formatDuration(window.end() - model.origin())
                + " (" + TimelineModel.formatDuration(window.length()) + ") · start of the recording at " + model.origin()
                + " ns CLOCK_MONOTONIC");
    }

    private void fillFilterMenu(IMenuManager menu) {
        if (model == null) {
            return;
        }
        MenuManager nodes = new MenuManager("Nodes");
        Set<Integer> shownNodes = model.filter().nodes();
        for (int node : model.nodes()) {
            nodes.add(toggle("node " + node, shownNodes.isEmpty() || shownNodes.contains(node), on -> {
                Set<Integer> next = new HashSet<>(shownNodes.isEmpty() ? model.nodes() : shownNodes);
                toggled(next, node, on);
                setFilter(model.filter().withNodes(next.size() == model.nodes().size() ? Set.of() : next));
            }));
        }
        MenuManager categories = new MenuManager("Categories");
        Set<TimelineCategory> shownCategories = model.filter().categories();
        for (TimelineCategory category : TimelineCategory.values()) {
            categories.add(toggle(category.label(), shownCategories.isEmpty() || shownCategories.contains(category), on -> {
                Set<TimelineCategory> next = new HashSet<>(shownCategories.isEmpty() ? List.of(TimelineCategory.values()) : shownCategories);
                toggled(next, category, on);
                setFilter(model.filter().withCategories(next.size() == TimelineCategory.values().length ? Set.of() : next));
            }));
        }
        menu.add(nodes);
        menu.add(categories);
        menu.add(new Action("Show Everything") {
            @Override
            public void run() {
                setFilter(TimelineFilter.ALL);
            }
        });
    }

    private static <T> void toggled(Set<T> set, T value, boolean on) {
        if (on) {
            set.add(value);
        } else {
            set.remove(value);
        }
    }

    private static IAction toggle(String text, boolean checked, java.util.function.Consumer<Boolean> then) {
        IAction action = new Action(text, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                then.accept(isChecked());
            }
        };
        action.setChecked(checked);
        return action;
    }

    // ---- painting

    private void paint(GC gc) {
        long began = System.nanoTime();
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (model == null) {
            return;
        }
        int width = plotWidth();
        List<TimelineLane> lanes = model.lanes();
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        paintRuler(gc, width, area.height);
        for (int lane = 0; lane < lanes.size(); lane++) {
            int y = RULER_HEIGHT + lane * ROW_HEIGHT;
            if (y > area.height) {
                break;
            }
            paintLane(gc, lanes.get(lane), lane, y, width);
        }
        paintArrows(gc, width);
        lastPaintNanos = System.nanoTime() - began;
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
            paintItem(gc, item, LABEL_WIDTH, y + 3, ROW_HEIGHT - 6);
        }
        gc.setClipping((Rectangle) null);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
        gc.drawLine(0, y + ROW_HEIGHT - 1, LABEL_WIDTH + width, y + ROW_HEIGHT - 1);
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
        }
        if (item.event() != null && item.event() == selected) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.setLineWidth(2);
            gc.drawRectangle(x - 2, top - 2, w + 3, height + 3);
            gc.setLineWidth(1);
        }
    }

    private void paintArrows(GC gc, int width) {
        gc.setClipping(LABEL_WIDTH, RULER_HEIGHT, width, canvas.getClientArea().height - RULER_HEIGHT);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        for (TimelineArrow arrow : model.arrows(window, width)) {
            int x0 = LABEL_WIDTH + arrow.fromX();
            int y0 = RULER_HEIGHT + arrow.fromLane() * ROW_HEIGHT + ROW_HEIGHT / 2;
            int x1 = LABEL_WIDTH + arrow.toX();
            int y1 = RULER_HEIGHT + arrow.toLane() * ROW_HEIGHT + ROW_HEIGHT / 2;
            gc.drawLine(x0, y0, x1, y1);
            int head = y1 > y0 ? -4 : 4;
            gc.drawLine(x1, y1, x1 - 3, y1 + head);
            gc.drawLine(x1, y1, x1 + 3, y1 + head);
        }
        gc.setClipping((Rectangle) null);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
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
