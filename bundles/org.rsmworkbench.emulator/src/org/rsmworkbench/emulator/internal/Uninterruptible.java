// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Runs file-channel work with the thread's interrupt held back: an interrupt would close the channel
 * under the call (ClosedByInterruptException) and fail an RSM call that C would just complete. One that
 * comes while the work runs makes it start over. The interrupt is restored afterwards, so the program
 * still sees it (signalWait reports it as INTERRUPTED).
 */
final class Uninterruptible {
    /** File work that returns a value. */
    @FunctionalInterface
    interface IoWork<T> {
        T run() throws IOException;
    }

    private Uninterruptible() {
    }

    /**
     * Maps {@code [offset, offset+length)} of {@code file}, read-only or read-write, into {@code arena}. The range
     * must lie inside the regular file {@code file} (not reached through a symbolic link): a read-write mapping would
     * otherwise grow the file, and a read-only one fault past its end.
     */
    static MemorySegment map(Path file, long offset, long length, boolean readOnly, Arena arena) throws IOException {
        return io(() -> {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // checked before opening: a FIFO would block the open
                throw new IOException(file + " is not a regular file");
            }
            try (FileChannel channel = readOnly
                    ? FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
                    : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                long size = channel.size();
                if (offset < 0 || length < 0 || offset > size || length > size - offset) {
                    throw new IOException("[" + offset + ", +" + length + ") is not inside " + file + " (" + size + " bytes)");
                }
                return channel.map(readOnly ? FileChannel.MapMode.READ_ONLY : FileChannel.MapMode.READ_WRITE, offset,
                        length, arena);
            }
        });
    }

    /**
     * Runs {@code work}, again when an interrupt that came in the middle closed its channel: the work opens
     * the channels it uses, so it can start over (a file it made before the interrupt stays with the process's
     * other files until the process ends).
     */
    static <T> T io(IoWork<T> work) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            for (;;) {
                try {
                    return work.run();
                } catch (ClosedByInterruptException e) {
                    interrupted = true;
                    Thread.interrupted(); // set again by the channel: cleared, or the next attempt fails the same way
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
