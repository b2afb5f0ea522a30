// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Assumptions;

/** FIFOs in the place of files, for tests that what reads a file does not block on one. */
public final class Fifos {
    private Fifos() {
    }

    /** Makes a FIFO (skips the test where mkfifo is missing). */
    public static void make(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this machine: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo " + path + " failed: " + new String(p.getInputStream().readAllBytes()));
    }

    /** Opens the FIFO read-write (never blocks on Linux): a reader stuck in its open goes on and sees an end. */
    public static void unblockReaders(Path fifo) {
        try (FileChannel _ = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // opened and closed
        } catch (IOException e) {
            // gone already, with its directory
        }
    }
}
