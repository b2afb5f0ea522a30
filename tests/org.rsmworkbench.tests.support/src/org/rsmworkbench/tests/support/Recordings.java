// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.core.launching.RsmRuntime;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.examples.DoorbellPingPong;

/** Recorded runs for the timeline, time-travel and inspector tests. */
public final class Recordings {
    private Recordings() {
    }

    /**
     * Records a run of {@link DoorbellPingPong} on {@code nodes} nodes for {@code rounds} rounds into {@code folder}, as
     * {@code rsm-launch --record} does.
     *
     * @return the recording, read
     * @throws IOException when the run fails (with its output) or its recording cannot be read
     */
    public static Recording doorbell(Path folder, int nodes, int rounds) throws IOException {
        Set<Path> classPath = new LinkedHashSet<>(RsmRuntime.runtimeEntries());
        classPath.addAll(RsmRuntime.entries(RsmRuntime.EXAMPLES_BUNDLE, "org/rsmworkbench/examples/DoorbellPingPong.class"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = RsmLaunch.run(List.of("--record", folder.toString(), "--nodes", String.valueOf(nodes), "--cp",
                classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)), "--timeout", "60s",
                DoorbellPingPong.class.getName(), "--", String.valueOf(rounds)), print, print);
        if (status != 0) {
            throw new IOException("the recorded doorbell run exited with " + status + ":\n" + out.toString(StandardCharsets.UTF_8));
        }
        return Recording.open(folder);
    }
}
