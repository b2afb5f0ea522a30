// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Signals to the node JVMs of a test, with {@code kill}. */
final class ProcessSignals {
    private ProcessSignals() {
    }

    /**
     * Sends signal {@code name} (e.g. STOP, CONT) to process {@code pid}. For STOP, returns once the kernel has stopped
     * every thread of it: kill returns when the signal is queued, and a thread that is running then goes on for a while.
     */
    static void send(String name, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor(),
                "kill -" + name + " " + pid);
        if (name.equals("STOP")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!allThreadsStopped(pid)) {
                assertTrue(System.nanoTime() < deadline, "pid " + pid + " did not stop within 10 s");
                Thread.sleep(1);
            }
        }
    }

    private static boolean allThreadsStopped(long pid) throws IOException {
        List<Path> threads;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            threads = tasks.toList();
        }
        try {
            return threads.stream().allMatch(thread -> state(thread.resolve("stat")) == 'T');
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return false; // a thread ended meanwhile: look again
            }
            throw e;
        }
    }

    /** The state letter of a thread's stat file (after the command name, which may hold spaces and parentheses). */
    private static char state(Path stat) {
        try {
            String fields = Files.readString(stat);
            return fields.substring(fields.lastIndexOf(')') + 1).trim().charAt(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
