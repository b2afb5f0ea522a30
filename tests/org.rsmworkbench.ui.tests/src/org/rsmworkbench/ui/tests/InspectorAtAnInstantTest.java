// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.trace.RecordedSegment;
import org.rsmworkbench.core.trace.TimelineModel;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.tests.support.Recordings;
import org.rsmworkbench.ui.internal.timeline.TimelineView;

/**
 * The Segment Inspector follows the Timeline of its run's recording: an event of its segment chosen there shows the
 * segment as it was then, read-only, with the bytes the event wrote highlighted; previous and next write; back to live.
 */
class InspectorAtAnInstantTest {
    @TempDir
    static Path shared;
    static Path folder;
    static List<TraceEvent> events;
    /** The puts of the recording into the segment under test, in order. */
    static List<TraceEvent> puts;

    private EmulatedCluster cluster;
    private SegmentInspector inspector;
    private TimelineView timeline;

    @BeforeAll
    static void record() throws Exception {
        folder = shared.resolve("doorbell.rsmtrace");
        Recordings.doorbell(folder, 3, 20);
        events = Recording.open(folder).events();
        String segment = events.stream().filter(e -> e.kind() == EventKind.PUT && e.payloadForm() == TraceEvent.PayloadForm.BYTES)
                .findFirst().orElseThrow().segment();
        puts = events.stream().filter(e -> e.kind() == EventKind.PUT && segment.equals(e.segment())).toList();
        assertTrue(puts.size() >= 3, "the run puts into " + segment + " in several rounds");
    }

    /** A live cluster that exports the recorded segment (the same node and id), registered as a run that recorded into the folder. */
    private void openOnLiveSegment(boolean recordedIntoFolder) throws Exception {
        TraceEvent put = puts.getFirst();
        cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(3));
        RsmLibrary exporter = cluster.process(put.segmentNode(), new Credentials(1000, 1000, java.util.Set.of(), 022, false));
        long size = RecordedSegment.read(folder, put.segment()).size();
        MemorySegment memory = exporter.allocate(Math.max(4096, size));
        memory.set(ValueLayout.JAVA_BYTE, put.offset(), (byte) 0x5a);
        exporter.getController("emu0").createExportSegment(memory, 0).publish(put.segmentId(), List.of(new AccessEntry(1, 0666)));
        RunningCluster entry = RunningClusters.getDefault().addLaunched(cluster, "instant-test");
        if (recordedIntoFolder) {
            entry.recordedInto(folder);
        }
        inspector = SegmentInspector.open(Ui.page(), new SegmentRef(entry, put.segmentNode(), put.segmentId()));
        assertNotNull(inspector);
        inspector.setBytesPerRow(16);
        timeline = (TimelineView) Ui.page().showView(TimelineView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        timeline.open(folder);
        Ui.spin(100);
    }

    @AfterEach
    void stop() {
        Ui.page().closeAllEditors(false);
        if (timeline != null) {
            Ui.page().hideView(timeline);
        }
        RunningClusters.getDefault().removeAll();
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The bytes the inspector's table shows in the row of {@code offset} (16 per row). */
    private byte[] shownRow(long offset) {
        var row = (org.rsmworkbench.core.inspect.SegmentRows.Row) inspector.viewer().getTable()
                .getItem((int) (offset / 16 - inspector.base())).getData();
        return row.bytes();
    }

    private void choose(TraceEvent event) {
        timeline.reveal(event);
        Ui.waitUntil(() -> "the inspector shows " + event + "; it shows " + inspector.instant(), 30_000,
                () -> inspector.instant() != null && inspector.instant().event().pid() == event.pid()
                        && inspector.instant().event().sequence() == event.sequence());
        Ui.spin(300);
    }

    @Test
    void anEventOfTheSegmentChosenInTheTimelineShowsTheSegmentThenReadOnlyWithItsBytesHighlighted() throws Exception {
        openOnLiveSegment(true);
        TraceEvent put = puts.get(1);
        choose(put);
        RecordedSegment.Instant instant = inspector.instant();
        assertTrue(inspector.message().startsWith("The segment at ") && inspector.message().contains("event #" + instant.number()),
                inspector.message());
        assertTrue(Ui.texts(inspector.viewer().getTable().getParent().getParent().getParent()).stream()
                .anyMatch(t -> t.startsWith("Segment at ") && t.contains(" put of " + put.length() + " bytes")), "the instant bar says when");
        int column = (int) (put.offset() % 16);
        assertArrayEquals(put.payload(), Arrays.copyOfRange(shownRow(put.offset()), column, column + (int) put.length()),
                "the table shows the bytes the put wrote, not the live ones");
        assertEquals(List.of(new org.rsmworkbench.core.inspect.Snapshot.Range(put.offset(), put.length())), inspector.diff(),
                "the bytes the event wrote are highlighted");
        assertFalse(inspector.write(put.offset(), new byte[] {1}), "read-only");
        assertTrue(inspector.message().startsWith("Read-only: this is the segment at "), inspector.message());

        Ui.press(inspector.viewer().getTable().getParent().getParent().getParent(), "Next write >");
        Ui.waitUntil("the next write of the put's bytes", 10_000,
                () -> inspector.instant() != null && inspector.instant().number() > instant.number());
        TraceEvent next = inspector.instant().event();
        assertEquals(put.segment(), next.segment());
        long rowStart = put.offset() / 16 * 16;
        assertTrue(next.offset() < rowStart + 16 && rowStart < next.offset() + Math.max(1, next.length()),
                "it wrote some bytes of the selected row: " + next);
        assertEquals(List.of(next.pid(), next.sequence()), List.of(timeline.selected().pid(), timeline.selected().sequence()),
                "the timeline follows");

        Ui.press(inspector.viewer().getTable().getParent().getParent().getParent(), "Live");
        assertNull(inspector.instant());
        Ui.page().activate(timeline); // activating the timeline sends its selection again: the inspector stays live
        Ui.page().activate(inspector);
        Ui.spin(500);
        Ui.waitForJobs();
        assertNull(inspector.instant(), "live until another event is chosen");
        Ui.waitUntil("live again: the segment as it is now", 5000, () -> shownRow(put.offset())[column] == 0x5a);
        assertTrue(inspector.write(put.offset(), new byte[] {7}), "and editable");
    }

    @Test
    void previousAndNextWriteStayWhereTheyAreWhenTheInstantsTextChangesLength() throws Exception {
        openOnLiveSegment(true);
        Composite inspectorRoot = inspector.viewer().getTable().getParent().getParent().getParent();
        choose(puts.getFirst());
        Label when = instantLabel(inspectorRoot);
        int firstWidth = when.getSize().x;
        Point previous = Ui.find(inspectorRoot, "< Previous write").toDisplay(0, 0);
        Point next = Ui.find(inspectorRoot, "Next write >").toDisplay(0, 0);

        choose(puts.getLast());
        assertNotEquals(firstWidth, when.getSize().x, "the text of the instant changed length: " + when.getText());
        assertEquals(previous, Ui.find(inspectorRoot, "< Previous write").toDisplay(0, 0), "a second click lands on the same button");
        assertEquals(next, Ui.find(inspectorRoot, "Next write >").toDisplay(0, 0));
    }

    /** The instant bar's label that says when the shown segment is. */
    private static Label instantLabel(Control control) {
        if (control instanceof Label label && label.getText().startsWith("Segment at ")) {
            return label;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Label found = instantLabel(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void timelineOfTheRunShowsTheRecordingOfTheRunningClusterOrSaysHowToRecord() throws Exception {
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        // the command prefers the cluster selected in an active Clusters view, which may still list a cluster an earlier
        // test removed (its tree is refreshed later): the Timeline is the active part here
        timeline = (TimelineView) Ui.page().showView(TimelineView.ID);
        Path deletedSince = Files.createDirectory(shared.resolve("deleted-since.rsmtrace"));
        endRecordedRun(deletedSince);
        Files.delete(deletedSince); // of the recordings of ended runs, the last one is offered: none is left
        AtomicReference<String> told = Ui.whenDialogOpens("Timeline of the Run", shell -> shell.close());
        handlers.executeCommand("org.rsmworkbench.ui.showRunRecording", null);
        Ui.waitUntil("a dialog says that no running cluster records", 10_000, () -> told.get() != null);
        assertTrue(told.get().contains("No running cluster records") && told.get().contains("Recording tab")
                && told.get().contains("Open Recording..."), told.get());

        openOnLiveSegment(true);
        timeline.show(shared, TimelineModel.of(Recording.open(folder))); // another folder: the command must switch
        handlers.executeCommand("org.rsmworkbench.ui.showRunRecording", null);
        Ui.waitUntil("the timeline shows the run's recording", 30_000, () -> folder.equals(timeline.recordingFolder()));
        assertEquals(TimelineModel.of(Recording.open(folder)).shownEvents(), timeline.model().shownEvents(),
                "every event of the recording is read");
    }

    @Test
    void timelineOfTheRunAfterTheRunEndedShowsItsRecording() throws Exception {
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        timeline = (TimelineView) Ui.page().showView(TimelineView.ID);
        timeline.show(shared, TimelineModel.of(Recording.open(folder))); // another folder: the command must switch
        endRecordedRun(folder);
        AtomicReference<String> told = Ui.whenDialogOpens("Timeline of the Run", shell -> shell.close());
        handlers.executeCommand("org.rsmworkbench.ui.showRunRecording", null);
        Ui.waitUntil(() -> "the timeline shows the ended run's recording; a dialog said " + told.get(), 30_000,
                () -> folder.equals(timeline.recordingFolder()));
    }

    /** A launched cluster that recorded into {@code recording} runs and ends. */
    private static void endRecordedRun(Path recording) throws Exception {
        try (EmulatedCluster ended = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            RunningCluster entry = RunningClusters.getDefault().addLaunched(ended, "ended-run");
            entry.recordedInto(recording);
            RunningClusters.getDefault().remove(entry);
        }
    }

    @Test
    void openingALogOfTheRecordingInTheWorkspaceShowsTheRecordingInTheTimeline() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("recordedRun");
        project.create(null);
        project.open(null);
        try {
            IFolder linked = project.getFolder("run.rsmtrace");
            linked.createLink(IPath.fromPath(folder), 0, null);
            IFile log = Arrays.stream(linked.members()).filter(r -> r.getName().endsWith(".rsmlog")).map(IFile.class::cast).findFirst()
                    .orElseThrow();
            IDE.openEditor(Ui.page(), log);
            timeline = (TimelineView) Ui.page().findView(TimelineView.ID);
            assertNotNull(timeline, "the Timeline view shows it");
            Ui.waitUntil("the timeline shows the log's recording", 30_000, () -> folder.equals(timeline.recordingFolder()));
            assertNull(Ui.page().getActiveEditor(), "no editor opened on the binary log");
        } finally {
            project.delete(true, null);
        }
    }

    @Test
    void aRecordingFolderInTheProjectExplorerOpensInTheTimelineFromItsContextMenu() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("recordingFolder");
        project.create(null);
        project.open(null);
        CommonNavigator explorer = (CommonNavigator) Ui.page().showView(IPageLayout.ID_PROJECT_EXPLORER);
        try {
            IFolder linked = project.getFolder("run.rsmtrace");
            linked.createLink(IPath.fromPath(folder), 0, null);
            Tree tree = explorer.getCommonViewer().getTree();
            explorer.selectReveal(new StructuredSelection(project));
            assertFalse(Ui.contextMenuItems(tree).contains("Open in Timeline"), "a project is no recording");
            explorer.selectReveal(new StructuredSelection(linked));
            Ui.chooseFromContextMenu(tree, "Open in Timeline");
            timeline = (TimelineView) Ui.page().findView(TimelineView.ID);
            assertNotNull(timeline, "the Timeline view shows it");
            Ui.waitUntil("the timeline shows the folder's recording", 30_000, () -> folder.equals(timeline.recordingFolder()));
        } finally {
            Ui.page().hideView(explorer);
            project.delete(true, null);
        }
    }

    @Test
    void showSegmentAtThisEventOpensTheLiveInspectorOfTheRunningClusterAtThatEvent() throws Exception {
        openOnLiveSegment(true);
        Ui.page().closeAllEditors(false);
        TraceEvent put = puts.get(1);
        timeline.reveal(put);
        timeline.showSegmentAtSelected();
        Ui.waitUntil(() -> "a live inspector at " + put + "; the active editor is " + Ui.page().getActiveEditor(), 30_000,
                () -> Ui.page().getActiveEditor() instanceof SegmentInspector opened && opened.instant() != null
                        && opened.instant().event().pid() == put.pid() && opened.instant().event().sequence() == put.sequence());
        inspector = (SegmentInspector) Ui.page().getActiveEditor();
        assertTrue(inspector.isLive(), "the segment of the running cluster");
        assertEquals(List.of(put.segmentNode(), put.segmentId()), List.of(inspector.ref().node(), inspector.ref().segmentId()));
        Ui.press(inspector.viewer().getTable().getParent().getParent().getParent(), "Live");
        assertNull(inspector.instant(), "back to live with one click");
    }

    @Test
    void theTimelineOfAnotherRunLeavesTheInspectorLive() throws Exception {
        openOnLiveSegment(false);
        timeline.reveal(puts.get(1));
        Ui.spin(1000);
        Ui.waitForJobs();
        assertNull(inspector.instant(), "a recording that is not of this run does not move the live inspector");
    }
}
