// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.tests.nodes.SmallMemoryDirectoryProgram;

/**
 * allocate when the memory directory is full (issue 13, item 9): INSUFFICIENT_MEM at the call, saying what is full
 * and how much was asked, never a later SIGBUS in an ordinary store. Runs {@link SmallMemoryDirectoryProgram} in a
 * private mount namespace whose /dev/shm is a 4 MiB tmpfs ({@code unshare -m}, root only: skipped elsewhere).
 */
class AllocationSpaceTest {
    private static final long CAPACITY = 4L << 20;

    /** Runs {@code command} in a new mount namespace whose /dev/shm is a tmpfs of CAPACITY bytes: exit status, output. */
    private static String[] inMountNamespace(List<String> command, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=" + CAPACITY + " rsm-test-shm /dev/shm && exec \"$@\"", "sh"));
        full.addAll(command);
        Process p;
        try {
            p = new ProcessBuilder(full).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no unshare on this machine: " + e.getMessage());
            return null;
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish within " + timeoutSeconds + " s: "
                    + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new String[] {Integer.toString(p.exitValue()), new String(p.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8)};
    }

    @Test
    void allocateBeyondTheRoomOfTheMemoryDirectoryIsInsufficientMemNotACrash() throws Exception {
        String[] probe = inMountNamespace(List.of("true"), 30);
        Assumptions.assumeTrue(probe[0].equals("0"),
                "cannot mount a small tmpfs in a private mount namespace here (needs root or user namespaces): " + probe[1]);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String[] run = inMountNamespace(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", NodeJvm.classPath(),
                SmallMemoryDirectoryProgram.class.getName(), Long.toString(CAPACITY)), 120);
        String output = run[1];
        assertEquals("0", run[0], "the child JVM exits normally (a store the tmpfs cannot back raises SIGBUS: an "
                + "InternalError out of a bulk fill, a crash out of an ordinary store):\n" + output);
        List<String> lines = output.lines().filter(l -> l.startsWith("ALLOCATED") || l.startsWith("REFUSED")
                || l.equals("DONE")).toList();
        assertEquals(4, lines.size(), output);
        String tooMuch = lines.get(0);
        assertTrue(tooMuch.startsWith("REFUSED " + 2 * CAPACITY + " INSUFFICIENT_MEM "), tooMuch);
        assertTrue(tooMuch.contains("/dev/shm") && tooMuch.contains("is full") && tooMuch.contains(2 * CAPACITY + " bytes"),
                "says what is full and how much was asked: " + tooMuch);
        assertEquals("ALLOCATED " + CAPACITY / 2, lines.get(1), "what fits can be used to its last byte");
        assertTrue(lines.get(2).startsWith("REFUSED " + CAPACITY + " INSUFFICIENT_MEM "),
                "the room left is refused at allocate, not at a store: " + lines.get(2));
        assertEquals("DONE", lines.get(3));
    }
}
