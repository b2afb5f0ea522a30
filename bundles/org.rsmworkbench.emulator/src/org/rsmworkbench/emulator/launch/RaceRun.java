// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.rsmworkbench.emulator.race.RaceDetector;
import org.rsmworkbench.emulator.race.RaceReport;
import org.rsmworkbench.emulator.race.internal.NodeAgent;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/**
 * A launch that detects races ({@code rsm-launch --races REPORT.json}): its node JVMs run with the race agent and
 * record every RSM call with its call site and every access of RSM memory, into the launch's recording folder
 * ({@code --record}) or else a private temporary folder; when the run has ended, the recording is analysed
 * ({@link RaceDetector}), the report written and the temporary folder removed.
 */
public final class RaceRun {
    private final Path report;
    /** The private folder of this run: the agent jar, and the recording unless the launch keeps one. */
    private final Path temporary;
    private final Path recording;

    private RaceRun(Path report, Path temporary, Path recording) {
        this.report = report;
        this.temporary = temporary;
        this.recording = recording;
    }

    /** The report file named on the command line: its folder must exist, and it must not be a folder. */
    static Path reportFile(String text) throws LaunchArgumentException {
        Path file = Path.of(text).toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new LaunchArgumentException("--races: " + text + " is a folder: give the report's file name");
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new LaunchArgumentException("--races: the folder of " + text + " does not exist: make it first");
        }
        return file;
    }

    /** Makes {@code commands} start node JVMs that detect races, recording as they were told or else privately. */
    public static RaceRun prepare(Path report, NodeCommandBuilder commands) throws IOException {
        Path temporary = Files.createTempDirectory("rsm-races-"); // mode 0700, owned by this user
        try {
            Path agent = temporary.resolve("rsm-race-agent.jar");
            NodeAgent.writeJar(agent);
            RecordingSettings recording = recordingSettings(commands.recording(), temporary.resolve("recording"));
            commands.recording(recording);
            commands.raceAgent(agent);
            return new RaceRun(report, temporary, recording.directory());
        } catch (IOException | RuntimeException e) {
            delete(temporary);
            throw e;
        }
    }

    /**
     * How node JVMs that detect races record: as {@code asked} (null: into {@code otherwise}, up to the default limit),
     * with every call's site and every get's bytes: the report names lines, and polls compare bytes.
     */
    static RecordingSettings recordingSettings(RecordingSettings asked, Path otherwise) {
        Path directory = asked != null ? asked.directory() : otherwise;
        long limit = asked != null ? asked.limitBytes() : RecordingSettings.DEFAULT_LIMIT;
        RecordingSettings.AtLimit atLimit = asked != null ? asked.atLimit() : RecordingSettings.AtLimit.STOP;
        return new RecordingSettings(directory, limit, atLimit, RecordingSettings.CallSites.ALL, true);
    }

    /** The file the report goes to. */
    public Path reportFile() {
        return report;
    }

    /**
     * The recording folder when the launch records ({@code --record}, "Record this run"): it stays after the analysis,
     * and the events of the report's accesses ({@link org.rsmworkbench.emulator.race.Race.Access#sequence()}) are in
     * it; null when the recording is this run's private one, removed after the analysis.
     */
    public Path keptRecording() {
        return recording.startsWith(temporary) ? null : recording;
    }

    /**
     * Analyses the recording of the ended run, writes the report and removes the temporary folder.
     *
     * @return the report, or null when the analysis or the writing failed (said on {@code log})
     */
    public RaceReport finish(Consumer<String> log) {
        try {
            RaceReport result = Files.isDirectory(recording) && hasLogs() ? RaceDetector.analyze(recording)
                    : new RaceReport(List.of(), 0, 0);
            result.write(report);
            log.accept("race detection: " + result.races().size() + " race" + (result.races().size() == 1 ? "" : "s") + " ("
                    + result.checkedAccesses() + " accesses checked), report in " + report);
            result.unchecked().forEach(line -> log.accept("race detection: " + line));
            return result;
        } catch (IOException | RuntimeException e) {
            log.accept("race detection failed, no report written to " + report + ": " + e);
            return null;
        } finally {
            delete(temporary);
        }
    }

    /** The run did not take place (its launch failed): removes the temporary folder, writes no report. */
    public void discard() {
        delete(temporary);
    }

    private boolean hasLogs() throws IOException {
        try (Stream<Path> files = Files.list(recording)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(Recording.LOG_SUFFIX));
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("rsm-launch: cannot remove " + folder + ": " + e.getMessage());
        }
    }
}
