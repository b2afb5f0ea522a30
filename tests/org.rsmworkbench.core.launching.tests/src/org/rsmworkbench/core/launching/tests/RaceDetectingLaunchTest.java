// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RaceReports;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.race.Race;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.tests.support.DebugLaunches;

/**
 * Launches with Detect races on ({@link RsmLaunching#ATTR_DETECT_RACES}): the node JVMs run as with
 * {@code rsm-launch --races}, and when the run ends the report is written, announced and named on the cluster's console,
 * before the launch ends.
 */
@Timeout(180)
class RaceDetectingLaunchTest {
    @TempDir
    Path recordings;

    /** What the listener heard, in order: "started" and "reported" events of the test's launches. */
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<RaceReports.Reported> reports = new CopyOnWriteArrayList<>();
    private final RaceReports.Listener listener = new RaceReports.Listener() {
        @Override
        public void detectionStarted(ILaunch launch) {
            heard.add("started " + launch.getLaunchConfiguration().getName());
        }

        @Override
        public void reported(RaceReports.Reported reported) {
            heard.add("reported " + reported.launch().getLaunchConfiguration().getName() + (reported.launch().isTerminated() ? " after" : " before")
                    + " the launch ended");
            reports.add(reported);
        }
    };

    @BeforeEach
    void listen() {
        RaceReports.addListener(listener);
    }

    @AfterEach
    void removeLaunches() throws Exception {
        RaceReports.removeListener(listener);
        DebugLaunches.endAndRemoveAll();
    }

    @Test
    void theRacyExampleReportsItsRaceIntoThePluginStateAndKeepsNoRecording() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("racy", "RacyMailbox", 3, "");
        config.setAttribute(RsmLaunching.ATTR_DETECT_RACES, true);
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);
        for (IProcess node : Launches.nodes(launch).values()) {
            assertEquals(0, Launches.exit(node), all);
        }
        assertEquals(List.of("started racy", "reported racy before the launch ended"), heard);
        RaceReports.Reported reported = reports.getFirst();
        assertEquals(launch, reported.launch());
        assertEquals(reported, RaceReports.latest());
        assertEquals(ClusterLaunchConfiguration.raceReportFile(config, null), reported.file());
        assertTrue(reported.file().endsWith(Path.of("org.rsmworkbench.core.launching", "races", "racy.json")), reported.file().toString());
        assertEquals(reported.report().toJson(), Files.readString(reported.file()));

        assertEquals(1, reported.report().races().size(), all);
        Race race = reported.report().races().getFirst();
        assertEquals("1:0x400200", race.segment());
        assertEquals(List.of("load", "put"), Stream.of(race.first().op(), race.second().op()).sorted().toList());
        assertTrue(reported.report().checkedAccesses() > 0);

        IProcess cluster = Launches.cluster(launch);
        assertEquals(reported.file().toString(), cluster.getAttribute(RsmLaunching.PROCESS_ATTR_RACE_REPORT));
        assertEquals(null, cluster.getAttribute(RsmLaunching.PROCESS_ATTR_RECORDING), "not a recorded run");
        String console = Launches.out(cluster);
        assertTrue(console.contains("race detection: 1 race ("), all);
        assertTrue(console.contains("report in " + reported.file()), all);
        assertFalse(console.contains("recording in "), "race detection's own recording is private and removed: " + all);
    }

    @Test
    void aRecordedRunKeepsItsReportInItsRecordingFolder() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("racefree", "RacyMailbox", 2, "fixed");
        config.setAttribute(RsmLaunching.ATTR_DETECT_RACES, true);
        config.setAttribute(RsmLaunching.ATTR_RECORD, true);
        config.setAttribute(RsmLaunching.ATTR_RECORD_FOLDER, recordings.toString());
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);

        Path run;
        try (Stream<Path> list = Files.list(recordings)) {
            run = list.findFirst().orElseThrow(() -> new AssertionError("no recording: " + all));
        }
        RaceReports.Reported reported = reports.getFirst();
        assertEquals(run.resolve(RsmLaunching.RACE_REPORT_FILE), reported.file());
        assertTrue(Files.readString(reported.file()).startsWith("{ \"races\": [],"), all);
        assertTrue(Launches.out(Launches.cluster(launch)).contains("recording in " + run), all);
        assertFalse(Recording.open(run).events().isEmpty(), "the recording is kept, with the races report beside its logs");
    }
}
