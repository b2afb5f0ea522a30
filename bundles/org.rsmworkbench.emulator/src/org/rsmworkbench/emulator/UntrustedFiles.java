// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.io.IOException;
import java.nio.file.Path;

import org.rsmworkbench.emulator.internal.RegularFiles;

/**
 * Reading a file that someone else may have made or swapped (a cluster file, a configuration file in a shared
 * directory) the way the emulator reads its own: only a regular file of bounded size is read, never a FIFO, a
 * device or a directory, never through a symbolic link at its last component, and never blocking. Linux only, as
 * the rest of the emulator.
 */
public final class UntrustedFiles {
    private UntrustedFiles() {
    }

    /**
     * The content of {@code file}, a regular file of at most {@code maxBytes} bytes (less than 2 GiB).
     *
     * @throws IOException saying why the file was not read: missing, not a regular file (and what it is instead),
     *         larger than {@code maxBytes}, replaced while it was opened, unreadable
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        return RegularFiles.read(file, maxBytes);
    }
}
