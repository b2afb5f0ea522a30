// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.UntrustedFiles;
import org.rsmworkbench.emulator.race.RaceReport;

/**
 * Writing a file whose name another user may have taken: a symbolic link planted at it (in /tmp, say, towards a file
 * of this user's) is replaced, never written through, and a failed write loses nothing.
 */
class UntrustedFilesTest {
    @TempDir
    Path folder;

    /** This user's file that a link planted at {@code target} points to. */
    private Path plantLink(Path target) throws IOException {
        Path precious = Files.writeString(folder.resolve("precious.txt"), "precious");
        Files.setPosixFilePermissions(precious, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(target, precious);
        return precious;
    }

    @Test
    void aRaceReportReplacesALinkAtItsFileAndLeavesWhatItPointsToUnchanged() throws IOException {
        Path report = folder.resolve("races.json");
        Path precious = plantLink(report);
        new RaceReport(List.of(), 0, 0).write(report);
        assertEquals("precious", Files.readString(precious), "the link's target was not written");
        assertFalse(Files.isSymbolicLink(report), "the link itself was replaced");
        assertTrue(Files.readString(report).startsWith("{ \"races\": []"), Files.readString(report));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report, LinkOption.NOFOLLOW_LINKS)),
                "a report is for this user only");
    }

    @Test
    void aWriteThatFailsLeavesThePreviousFileWholeAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(folder.resolve("kept.txt"), "before");
        IOException failed = assertThrows(IOException.class, () -> UntrustedFiles.write(file, out -> {
            out.write("half of it".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failed.getMessage());
        assertEquals("before", Files.readString(file));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside it");
        }
    }

    /** As root, an export to /dev/null or /dev/stdout replaced the device or the link with a file. */
    @Test
    void aPipeOrALinkToADeviceAtTheTargetIsNotReplaced() throws Exception {
        Path pipe = folder.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor(), "mkfifo");
        IOException refused = assertThrows(IOException.class, () -> UntrustedFiles.write(pipe, out -> out.write('x')));
        assertTrue(refused.getMessage().contains("is not a regular file"), refused.getMessage());
        assertTrue(Files.readAttributes(pipe, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "still a pipe");
        Path toNull = Files.createSymbolicLink(folder.resolve("null"), Path.of("/dev/null"));
        assertThrows(IOException.class, () -> UntrustedFiles.writePrivately(toNull, out -> out.write('x')));
        assertTrue(Files.isSymbolicLink(toNull), "the link is kept");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(2, left.count(), "no temporary file is left");
        }
    }

    @Test
    void aFolderAtTheTargetIsNotReplaced() throws IOException {
        Path taken = Files.createDirectory(folder.resolve("taken"));
        Files.writeString(taken.resolve("inside"), "kept");
        assertThrows(IOException.class, () -> UntrustedFiles.write(taken, out -> out.write('x')));
        assertEquals("kept", Files.readString(taken.resolve("inside")));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(taken), left.toList(), "no temporary file is left");
        }
    }
}
