// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race;

import org.rsmworkbench.emulator.race.internal.HappensBefore;
import org.rsmworkbench.emulator.trace.Recording;

/** Finds the races of a recorded run (see the package documentation for what orders accesses). */
public final class RaceDetector {
    private RaceDetector() {
    }

    /** The races of {@code recording}, which was made with access recording on ({@code rsm-launch --races}). */
    public static RaceReport analyze(Recording recording) {
        return new HappensBefore(recording).analyze();
    }
}
