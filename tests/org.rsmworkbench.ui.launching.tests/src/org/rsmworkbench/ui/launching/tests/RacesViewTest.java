// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.launching.RaceReports;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;
import org.rsmworkbench.ui.launching.internal.races.RaceDetectingLaunchShortcut;
import org.rsmworkbench.ui.launching.internal.races.RaceMarkers;
import org.rsmworkbench.ui.launching.internal.races.RacesView;

/**
 * The racy example run with Run As &gt; RSM Cluster Application (detect races): the report is written, the Races view comes up with
 * the race under its segment and source pair, both lines carry a warning naming the other side, the markers of the
 * previous run are gone, and a double-click opens a line.
 */
@Timeout(300)
class RacesViewTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PROJECT = "racydemo";

    @AfterEach
    void cleanUp() throws Exception {
        DebugLaunches.endAndRemoveAll();
        JavaProjects.deleteIfExists(PROJECT);
    }

    @Test
    void theShortcutDetectsRacesAndTheViewAndMarkersShowBothLines() throws Exception {
        RsmProjects.Created example = RsmProjects.create(PROJECT, RsmProjects.Example.RACY_MAILBOX, 3, new NullProgressMonitor());
        JavaProjects.build();
        assertEquals(List.of(), JavaProjects.errors(example.project()));
        IFile source = example.mainSource();
        int load = JavaProjects.lineOf(source, "long message = mailbox.memory().get(");
        int put = JavaProjects.lineOf(source, "reader.segment().put64(");
        // a marker of an earlier run: gone once a race-detecting launch starts
        source.createMarker(RaceMarkers.TYPE, Map.of(IMarker.MESSAGE, "race of an earlier run", IMarker.LINE_NUMBER, 1));

        IConfigurationElement element = Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts"))
                .filter(e -> "org.rsmworkbench.ui.launching.clusterApplicationRacesShortcut".equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("the race-detecting shortcut is not registered"));
        assertEquals("RSM Cluster Application (detect races)", element.getAttribute("label"));
        RaceDetectingLaunchShortcut shortcut = (RaceDetectingLaunchShortcut) element.createExecutableExtension("class");
        IType type = JavaCore.create(example.project()).findType(RsmProjects.Example.RACY_MAILBOX.mainType());
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        List<ILaunch> before = List.of(manager.getLaunches());
        shortcut.launch(new StructuredSelection(type), ILaunchManager.RUN_MODE);
        ILaunch launch = DebugLaunches.awaitNew(before, WAIT);
        assertNotNull(launch, "the shortcut launches");
        assertTrue(launch.getLaunchConfiguration().getAttribute(RsmLaunching.ATTR_DETECT_RACES, false), "this launch detects races");
        assertFalse(example.launchConfiguration().getAttribute(RsmLaunching.ATTR_DETECT_RACES, false), "the configuration is unchanged");
        assertTrue(waitFor(launch::isTerminated, WAIT), () -> "the launch ends: " + DebugLaunches.describe(launch));
        for (IProcess process : launch.getProcesses()) {
            assertEquals(0, process.getExitValue(), process.getLabel());
        }

        // the report, written when the run ended and before the launch did
        RaceReports.Reported reported = RaceReports.latest();
        assertNotNull(reported);
        assertEquals(launch, reported.launch());
        IProcess cluster = Arrays.stream(launch.getProcesses())
                .filter(p -> RsmLaunching.PROCESS_TYPE_CLUSTER.equals(p.getAttribute(IProcess.ATTR_PROCESS_TYPE))).findFirst().orElseThrow();
        assertEquals(reported.file().toString(), cluster.getAttribute(RsmLaunching.PROCESS_ATTR_RACE_REPORT));
        String json = Files.readString(reported.file());
        assertEquals(reported.report().toJson(), json);
        assertEquals(1, reported.report().races().size(), json);
        int writer = (int) reported.report().races().getFirst().offset() / 8;
        assertTrue(Set.of(2, 3).contains(writer), json);
        String bytes = "[" + 8 * writer + "," + (8 * writer + 8) + ")";

        // both lines are marked, each naming the other side; the marker of the earlier run is gone
        Map<Integer, String> markers = new TreeMap<>();
        for (IMarker marker : source.findMarkers(RaceMarkers.TYPE, true, IResource.DEPTH_ZERO)) {
            markers.put(marker.getAttribute(IMarker.LINE_NUMBER, -1), marker.getAttribute(IMarker.MESSAGE, ""));
            assertEquals(IMarker.SEVERITY_WARNING, marker.getAttribute(IMarker.SEVERITY, -1));
            assertTrue(marker.isSubtypeOf(IMarker.PROBLEM), "a problem marker");
        }
        assertEquals(Map.of(load, "race with put by node " + writer + " at RacyMailbox.java:" + put + " on 1:0x400200 " + bytes,
                put, "race with load by node 1 at RacyMailbox.java:" + load + " on 1:0x400200 " + bytes), markers);

        // the view came up by itself, with the race under its segment and source pair
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertTrue(waitFor(() -> page.findView(RacesView.ID) instanceof RacesView view && !view.segments().isEmpty(), WAIT),
                "the Races view shows the report");
        RacesView view = (RacesView) page.findView(RacesView.ID);
        Tree tree = view.viewer().getTree();
        assertEquals(List.of("segment 1:0x400200 · 1 race",
                "  RacyMailbox.java:" + load + " ↔ RacyMailbox.java:" + put,
                "    " + bytes + " · " + sides(reported, writer),
                "      " + access(reported, 0),
                "      " + access(reported, 1)), texts(tree));
        assertTrue(view.getContentDescription().startsWith("1 race in " + PROJECT + " RacyMailbox ("), view.getContentDescription());
        page.activate(view);
        System.out.println("screenshot: " + Ui.screenshot(page.getWorkbenchWindow().getShell(), "races-view"));

        // a double-click on the put opens its line
        TreeItem putItem = find(tree, "put by node " + writer);
        tree.setSelection(putItem);
        Event event = new Event();
        event.item = putItem;
        tree.notifyListeners(SWT.DefaultSelection, event);
        assertTrue(waitFor(() -> page.getActiveEditor() instanceof ITextEditor, WAIT), "an editor opens");
        ITextEditor editor = (ITextEditor) page.getActiveEditor();
        assertEquals("RacyMailbox.java", editor.getEditorInput().getName());
        int selected = editor.getDocumentProvider().getDocument(editor.getEditorInput())
                .getLineOfOffset(((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset()) + 1;
        assertEquals(put, selected);

    }

    @Test
    void theRsmDebugPerspectiveHasTheRacesView() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IPerspectiveDescriptor before = page.getPerspective();
        try {
            page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId("org.rsmworkbench.ui.debugPerspective"));
            page.resetPerspective();
            assertNotNull(page.findViewReference(RacesView.ID), "the Races view is in the RSM Debug perspective");
            RacesView view = (RacesView) page.showView(RacesView.ID);
            if (RaceReports.latest() == null) {
                assertEquals(List.of(), view.segments());
                assertTrue(view.getContentDescription().startsWith("No race report yet"), view.getContentDescription());
            }
        } finally {
            page.setPerspective(before);
        }
    }

    /** The race's label: its two sides in the report's order. */
    private static String sides(RaceReports.Reported reported, int writer) {
        var race = reported.report().races().getFirst();
        String put = "put by node " + writer;
        return race.first().op().equals("put") ? put + " / load by node 1" : "load by node 1 / " + put;
    }

    private static String access(RaceReports.Reported reported, int index) {
        var race = reported.report().races().getFirst();
        var side = index == 0 ? race.first() : race.second();
        return side.op() + " by node " + side.node() + " · thread main · [" + race.offset() + "," + (race.offset() + race.length())
                + ") · RacyMailbox.java:" + side.line();
    }

    /** The tree's items, indented two spaces a level. */
    private static List<String> texts(Tree tree) {
        List<String> texts = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            collect(item, "", texts);
        }
        return texts;
    }

    private static void collect(TreeItem item, String indent, List<String> texts) {
        texts.add(indent + item.getText());
        for (TreeItem child : item.getItems()) {
            collect(child, indent + "  ", texts);
        }
    }

    private static TreeItem find(Tree tree, String prefix) {
        List<TreeItem> all = new ArrayList<>();
        Arrays.stream(tree.getItems()).forEach(i -> all(i, all));
        return all.stream().filter(i -> i.getText().startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no item " + prefix));
    }

    private static void all(TreeItem item, List<TreeItem> into) {
        into.add(item);
        Arrays.stream(item.getItems()).forEach(i -> all(i, into));
    }
}
