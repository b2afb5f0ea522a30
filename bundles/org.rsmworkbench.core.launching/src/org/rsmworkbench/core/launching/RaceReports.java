// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.ILaunch;
import org.rsmworkbench.emulator.race.RaceReport;

/**
 * The race reports of the IDE's race-detecting launches ({@link RsmLaunching#ATTR_DETECT_RACES}): listeners hear when
 * such a launch starts (the reports of earlier runs are then out of date) and when its run has ended and been analysed.
 * Listeners are called on the thread of the launch or of the cluster's stop, never the UI thread.
 */
public final class RaceReports {
    private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile Reported latest;

    private RaceReports() {
    }

    /**
     * The report of a race-detecting run.
     *
     * @param recording the run's recording folder when the launch recorded it (the report's accesses are events there),
     *        else null
     */
    public record Reported(ILaunch launch, RaceReport report, Path file, Path recording) {
    }

    /** Hears of race-detecting launches. */
    public interface Listener {
        /** A race-detecting launch is starting. */
        void detectionStarted(ILaunch launch);

        /** The run of a race-detecting launch has ended and its recording was analysed; the report is in {@code reported.file()}. */
        void reported(Reported reported);
    }

    public static void addListener(Listener listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Listener listener) {
        LISTENERS.remove(listener);
    }

    /** The report of the last race-detecting run that ended since the IDE started, or null. */
    public static Reported latest() {
        return latest;
    }

    /** Called by the launch delegate when a race-detecting launch starts. */
    public static void started(ILaunch launch) {
        LISTENERS.forEach(l -> l.detectionStarted(launch));
    }

    /** Called when the run of a race-detecting launch has been analysed and its report written. */
    public static void reported(ILaunch launch, RaceReport report, Path file, Path recording) {
        Reported reported = new Reported(launch, report, file, recording);
        latest = reported;
        LISTENERS.forEach(l -> l.reported(reported));
    }
}
