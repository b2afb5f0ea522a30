// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.launch.LauncherRecording;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.ProcessLog;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.tests.support.DebugLaunches;

/** Launches recorded by the flight recorder (the Recording tab's settings). */
@Timeout(180)
class RecordedLaunchTest {
    @TempDir
    Path recordings;

    @AfterEach
    void removeLaunches() throws Exception {
        DebugLaunches.endAndRemoveAll();
    }

    @Test
    void aRecordedRunHoldsEveryNodesCallsItsFaultAndTheStartAndEndOfEachNodeJvm() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("recorded", "DoorbellPingPong", 3, "20000");
        config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill:2@300ms"));
        config.setAttribute(RsmLaunching.ATTR_RECORD, true);
        config.setAttribute(RsmLaunching.ATTR_RECORD_FOLDER, recordings.toString());
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);

        List<Path> runs;
        try (Stream<Path> list = Files.list(recordings)) {
            runs = list.toList();
        }
        assertEquals(1, runs.size(), "one folder per run: " + runs);
        Path run = runs.getFirst();
        assertTrue(run.getFileName().toString().matches("recorded[^/]*-\\d{8}-\\d{6}\\.rsmtrace"), run.toString());
        IProcess cluster = Launches.cluster(launch);
        assertEquals(run.toString(), cluster.getAttribute(RsmLaunching.PROCESS_ATTR_RECORDING));
        assertTrue(Launches.out(cluster).contains("recording in " + run), all);

        Recording recording = Recording.open(run);
        List<TraceEvent> events = recording.events();
        Set<Integer> nodesWithCalls = new TreeSet<>();
        Map<Integer, Long> exits = new TreeMap<>();
        Map<Integer, Long> exitedPids = new TreeMap<>();
        Set<Integer> starts = new TreeSet<>();
        boolean killRecorded = false;
        for (TraceEvent event : events) {
            if (event.node() != TraceEvent.LAUNCHER && event.kind() == EventKind.LIBRARY_OPEN) {
                nodesWithCalls.add(event.node());
            }
            switch (event.kind()) {
            case PROCESS_START -> starts.add(event.segmentNode());
            case PROCESS_EXIT -> {
                exits.put(event.segmentNode(), event.value());
                exitedPids.put(event.segmentNode(), event.exitedPid());
            }
            case FAULT -> killRecorded |= event.segmentNode() == 2 && event.text().contains("kill") && event.error() == 0;
            default -> {
            }
            }
        }
        assertEquals(Set.of(1, 2, 3), nodesWithCalls, "every node process recorded its calls");
        assertEquals(Set.of(1, 2, 3), starts, "the launcher recorded each node JVM's start");
        assertEquals(Map.of(1, 0L, 2, 137L, 3, 0L), exits, "and each one's end, with its exit status");
        assertEquals(recording.logs().stream().filter(log -> log.node() != TraceEvent.LAUNCHER)
                .collect(java.util.stream.Collectors.toMap(ProcessLog::node, ProcessLog::pid)), exitedPids,
                "and the pid of the JVM that recorded the node's calls");
        assertTrue(killRecorded, "the fault is recorded");
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.SIGNAL_POST && e.node() == 1), "node 1's doorbell rings");
    }

    @Test
    void withoutAFolderEachRunRecordsIntoAFolderOfItsOwnInTheProjectsRecordingsFolder() throws Exception {
        IProject project = javaProject("recordedProject", Map.of()).getProject();
        try {
            ILaunchConfigurationWorkingCopy config = Launches.example("my run", "RingAllReduce", 2, "8");
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getName());
            config.setAttribute(RsmLaunching.ATTR_RECORD, true);
            config.setAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT, "ring");
            config.setAttribute(RsmLaunching.ATTR_RECORD_CALL_SITES, "all");
            config.setAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB, 16);
            LocalDateTime start = LocalDateTime.of(2026, 12, 2, 10, 15, 0);

            RecordingSettings first = ClusterLaunchConfiguration.recording(config, start);
            Path folder = project.getLocation().toPath().resolve("recordings");
            assertEquals(folder.resolve("my_run-20261202-101500.rsmtrace"), first.directory());
            assertEquals(16L << 20, first.limitBytes());
            assertEquals(RecordingSettings.AtLimit.RING, first.atLimit());
            assertEquals(RecordingSettings.CallSites.ALL, first.callSites());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.directory(),
                    LinkOption.NOFOLLOW_LINKS)), "the run's folder is made at once, for this user alone");
            // what another user could plant in a shared folder at the name the next run of that second takes
            Path planted = Files.createSymbolicLink(folder.resolve("my_run-20261202-101500-2.rsmtrace"), recordings);
            RecordingSettings second = ClusterLaunchConfiguration.recording(config, start);
            assertEquals(folder.resolve("my_run-20261202-101500-3.rsmtrace"), second.directory(),
                    "a run never records into another's folder, nor through a link");
            assertTrue(Files.isSymbolicLink(planted), "what was there is left alone");
            // the recordings folder of the project may be open to others' reading: the run's own folder is private
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (LauncherRecording launcher = LauncherRecording.open(second, config.getName())) {
                assertEquals(second.directory(), launcher.directory());
            }

            config.setAttribute(RsmLaunching.ATTR_RECORD, false);
            assertNull(ClusterLaunchConfiguration.recording(config, start));
        } finally {
            project.delete(true, null);
        }
    }

    @Test
    void wrongRecordingSettingsFailTheLaunchWithAMessageAndStartNothing() throws Exception {
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_RECORD_FOLDER, "relative/folder"),
                "Recording: the folder \"relative/folder\" is not an absolute path.");
        assertLaunchFails(c -> c.removeAttribute(RsmLaunching.ATTR_RECORD_FOLDER),
                "Recording: the configuration has no project to keep its recordings in; choose a folder on the Recording tab.");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT, "explode"),
                "Recording: \"explode\" is not a setting of what a full log does.");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB, 0),
                "Recording: each process's log must hold at least 1 MiB, not 0.");
        try (Stream<Path> list = Files.list(recordings)) {
            assertEquals(0, list.count(), "no recording folder is made for a launch that fails");
        }
    }

    private interface Change {
        void apply(ILaunchConfigurationWorkingCopy config) throws Exception;
    }

    private void assertLaunchFails(Change change, String message) throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("wrong", "RingAllReduce", 2, "8");
        config.setAttribute(RsmLaunching.ATTR_RECORD, true);
        config.setAttribute(RsmLaunching.ATTR_RECORD_FOLDER, recordings.toString());
        change.apply(config);
        CoreException e = assertThrows(CoreException.class, () -> config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor()));
        assertEquals(message, e.getStatus().getMessage());
        assertTrue(RunningClusters.getDefault().clusters().stream().noneMatch(c -> Launches.isRunOf(c, config)));
    }
}
