// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import java.nio.file.Path;

import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.RecordingSettings;

/** Makes a ring log of the largest limit (1 TiB, 16M chunks) in the file {@code args[0]}, records one event and closes it. */
public final class LargestRingLogProgram {
    public static final long LIMIT = 1L << 40;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (TraceLog log = TraceLog.create(file, 1, ProcessHandle.current().pid(), "largest",
                new RecordingSettings(file.getParent(), LIMIT, RecordingSettings.AtLimit.RING, RecordingSettings.CallSites.NONE, false))) {
            log.call(EventKind.CONNECT, System.nanoTime(), 0, 1, 7, 0);
        }
    }
}
