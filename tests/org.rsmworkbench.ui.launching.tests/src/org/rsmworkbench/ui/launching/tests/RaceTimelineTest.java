// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.launching.RaceReports;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.core.trace.TimelineArrow;
import org.rsmworkbench.emulator.race.Race;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.tests.support.JavaProjects;
import org.rsmworkbench.ui.internal.timeline.TimelineView;
import org.rsmworkbench.ui.launching.internal.races.RaceTree;
import org.rsmworkbench.ui.launching.internal.races.RacesView;

/**
 * A race-detecting launch that records its run: selecting the race in the Races view shows its two accesses in the
 * Timeline view, ringed and joined by an arrow from the selected access to the other; the report file keeps the fixed
 * contract (no event identities in it).
 */
@Timeout(300)
class RaceTimelineTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PROJECT = "racytimeline";

    @AfterEach
    void cleanUp() throws Exception {
        DebugLaunches.endAndRemoveAll();
        JavaProjects.deleteIfExists(PROJECT);
    }

    @Test
    void selectingARaceShowsBothAccessesInTheTimelineWithAnArrow() throws Exception {
        RsmProjects.Created example = RsmProjects.create(PROJECT, RsmProjects.Example.RACY_MAILBOX, 3, new NullProgressMonitor());
        JavaProjects.build();
        assertEquals(List.of(), JavaProjects.errors(example.project()));
        ILaunchConfigurationWorkingCopy config = example.launchConfiguration().getWorkingCopy();
        config.setAttribute(RsmLaunching.ATTR_DETECT_RACES, true);
        config.setAttribute(RsmLaunching.ATTR_RECORD, true);
        ILaunch launch = config.doSave().launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        assertTrue(waitFor(() -> RaceReports.latest() != null && RaceReports.latest().launch() == launch, WAIT), "the run is analysed");
        RaceReports.Reported reported = RaceReports.latest();
        assertNotNull(reported.recording(), "a recorded run's report knows its recording");
        assertTrue(Files.isDirectory(reported.recording()), reported.recording() + " is kept");
        String json = Files.readString(reported.file());
        assertEquals(1, reported.report().races().size(), json);
        assertFalse(json.contains("sequence") || json.contains("pid"), "the report's contract is unchanged: " + json);

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertTrue(waitFor(() -> page.findView(RacesView.ID) instanceof RacesView view && !view.segments().isEmpty(), WAIT),
                "the Races view shows the report");
        RacesView races = (RacesView) page.findView(RacesView.ID);
        RaceTree.RaceNode raceNode = races.segments().getFirst().pairs().getFirst().races().getFirst();
        Race race = raceNode.race();

        races.viewer().setSelection(new StructuredSelection(raceNode), true);
        TimelineView timeline = shownPair(page, reported, race.first());
        List<TraceEvent> pair = timeline.pair();
        assertEquals(List.of(race.first().op(), race.second().op()), pair.stream().map(e -> e.kind().label()).toList());
        assertAccess(race.first(), pair.get(0));
        assertAccess(race.second(), pair.get(1));
        assertEquals(pair.getFirst(), timeline.selected(), "the first access is selected (its fields in the Properties view)");
        TimelineArrow arrow = timeline.pairArrow();
        assertNotNull(arrow, "both accesses are shown, so the arrow is drawn");
        assertNull(arrow.flow());
        assertEquals(timeline.model().laneOf(pair.get(0)), arrow.fromLane());
        assertEquals(timeline.model().laneOf(pair.get(1)), arrow.toLane());
        assertTrue(timeline.window().start() <= Math.min(pair.get(0).time(), pair.get(1).time())
                && timeline.window().end() >= Math.max(pair.get(0).end(), pair.get(1).end()), "the window frames both accesses");
        System.out.println("screenshot: " + Ui.screenshot(page.getWorkbenchWindow().getShell(), "race-timeline"));

        // an access of the race: the arrow goes from it to the other side
        RaceTree.AccessNode second = raceNode.accesses().get(1);
        races.viewer().setSelection(new StructuredSelection(second), true);
        assertTrue(waitFor(() -> timeline.pair().size() == 2 && timeline.pair().getFirst().sequence() == second.access().sequence()
                && timeline.pair().getFirst().pid() == second.access().pid(), WAIT), "the selected access comes first");
        assertAccess(second.other(), timeline.pair().get(1));
    }

    /** Waits until the Timeline view shows the recording of {@code reported} with a pair that begins with {@code first}. */
    private static TimelineView shownPair(IWorkbenchPage page, RaceReports.Reported reported, Race.Access first) {
        assertTrue(waitFor(() -> page.findView(TimelineView.ID) instanceof TimelineView view
                && reported.recording().equals(view.recordingFolder()) && view.pair().size() == 2
                && view.pair().getFirst().pid() == first.pid() && view.pair().getFirst().sequence() == first.sequence(), WAIT),
                "the Timeline view shows the race's accesses");
        return (TimelineView) page.findView(TimelineView.ID);
    }

    private static void assertAccess(Race.Access access, TraceEvent event) {
        assertEquals(access.pid(), event.pid());
        assertEquals(access.sequence(), event.sequence());
        assertEquals(access.node(), event.node());
        assertEquals(access.op(), event.kind().label());
        assertEquals(access.line(), event.site().line(), "the event's call site is the access's line");
    }
}
