// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;

import org.rsmworkbench.emulator.race.internal.HappensBefore;
import org.rsmworkbench.emulator.trace.EventColumns;

/** Finds the races of a recorded run (see the package documentation for what orders accesses). */
public final class RaceDetector {
    private RaceDetector() {
    }

    /**
     * The races of the recording in {@code directory}, which was made with access recording on ({@code rsm-launch
     * --races}). Its logs are read as columns ({@link EventColumns}): millions of events, with no object each.
     *
     * @throws IOException when it is not a recording folder or a log cannot be read
     */
    public static RaceReport analyze(Path directory) throws IOException {
        try (Arena arena = Arena.ofShared()) {
            return new HappensBefore(EventColumns.readAll(directory, arena)).analyze();
        } catch (UncheckedIOException shrank) { // a payload read from a log truncated since it was read
            throw shrank.getCause();
        }
    }
}
