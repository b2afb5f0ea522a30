package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
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
import org.rsmworkbench.core.trace.TimelineCategory;
import org.rsmworkbench.core.trace.TimelineFilter;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.examples.DoorbellPingPong;
import org.rsmworkbench.ui.internal.timeline.EventSelection;
import org.rsmworkbench.ui.internal.timeline.TimelineView;

/** The Timeline view over a recorded run of the doorbell example: open, wheel zoom, hover, select, filter. */
class TimelineViewTest {
    @TempDir
    static Path shared;
    static Path recordingFolder;
    private TimelineView view;

    @BeforeAll
    static void record() throws IOException {
        recordingFolder = shared.resolve("doorbell.rsmtrace");
        Set<Path> classPath = new LinkedHashSet<>(RsmRuntime.runtimeEntries());
        classPath.addAll(RsmRuntime.entries(RsmRuntime.EXAMPLES_BUNDLE, "org/rsmworkbench/examples/DoorbellPingPong.class"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = RsmLaunch.run(List.of("--record", recordingFolder.toString(), "--nodes", "3", "--cp",
                classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)), "--timeout", "60s",
                DoorbellPingPong.class.getName(), "--", "30"), print, print);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void open() throws Exception {
        view = (TimelineView) Ui.page().showView(TimelineView.ID);
        Ui.page().setPartState(Ui.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        view.open(recordingFolder);
        Ui.spin(100);
    }

    @AfterEach
    void close() {
        Ui.page().hideView(view);
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
}
