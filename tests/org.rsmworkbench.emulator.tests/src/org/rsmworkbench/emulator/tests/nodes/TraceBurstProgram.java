// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent.PayloadForm;

/**
 * Writes events into a log as fast as it can from several threads until it is killed: event {@code i} of thread
 * {@code t} is a put at offset {@code i} of segment {@code 1:t} whose 8 bytes are {@code i}. Each thread prints
 * {@code PROGRESS t n} after its n-th event is complete (every 1000 events). A line on standard input closes the log and
 * halts the JVM at once, the threads still writing: as a process that ends normally while threads are inside calls.
 */
public final class TraceBurstProgram {
    public static final int THREADS = 3;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        TraceLog log = TraceLog.create(file, 1, ProcessHandle.current().pid(), "burst",
                new RecordingSettings(file.getParent(), 1L << 30, RecordingSettings.AtLimit.STOP, RecordingSettings.CallSites.NONE, false));
        for (int t = 1; t <= THREADS; t++) {
            int thread = t;
            Thread.ofPlatform().name("burst-" + t).start(() -> {
                long[] bytes = new long[1];
                MemorySegment payload = MemorySegment.ofArray(bytes);
                for (long i = 0;; i++) {
                    bytes[0] = i;
                    log.transfer(EventKind.PUT, System.nanoTime(), 0, 1, thread, i, 8, 0, payload, PayloadForm.BYTES);
                    if ((i + 1) % 1000 == 0) {
                        synchronized (System.out) {
                            System.out.println("PROGRESS " + thread + " " + (i + 1));
                            System.out.flush();
                        }
                    }
                }
            });
        }
        if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine() != null) {
            log.close();
            Runtime.getRuntime().halt(0);
        }
    }
}
