// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets kept for later processes of the same user: readable by that user alone, and taken only from where no one else could have put them. */
class PrivateFilesTest {
    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
    /** A user other than the one running the tests (who, as root, may give a file to it). */
    private static final int ANOTHER_UID = 54321;

    @Test
    void aSecretIsWrittenOnlyItsUserMayReadInAFolderOnlyItsUserMayEnter(@TempDir Path home) throws IOException {
        Path file = home.resolve(".rsm-workbench/registry-secrets/cluster");
        PrivateFiles.write(file, SECRET);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(SECRET, PrivateFiles.read(file, 256));
        PrivateFiles.delete(file);
        assertTrue(Files.notExists(file));
    }

    @Test
    void aFolderOthersMayEnterIsNeitherWrittenNorReadFrom(@TempDir Path home) throws IOException {
        Path open = Files.createDirectory(home.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(open.resolve("cluster"), SECRET);
        IOException read = assertThrows(IOException.class, () -> PrivateFiles.read(open.resolve("cluster"), 256));
        assertTrue(read.getMessage().contains("only this user may enter"), read.getMessage());
        assertThrows(IOException.class, () -> PrivateFiles.write(open.resolve("other"), SECRET));
    }

    @Test
    void aLinkInPlaceOfTheSecretIsNotFollowed(@TempDir Path home) throws IOException {
        Path file = home.resolve("secrets/cluster");
        PrivateFiles.write(file, SECRET);
        Path link = Files.createSymbolicLink(home.resolve("secrets/linked"), file);
        assertThrows(IOException.class, () -> PrivateFiles.read(link, 256));
    }

    @Test
    void aLinkInPlaceOfTheSecretIsNeitherFollowedNorRemoved(@TempDir Path home) throws IOException {
        Path target = Files.write(home.resolve("target"), SECRET);
        PrivateFiles.write(home.resolve("secrets/cluster"), SECRET);
        Path link = Files.createSymbolicLink(home.resolve("secrets/linked"), target);
        assertThrows(IOException.class, () -> PrivateFiles.delete(link));
        assertTrue(Files.isSymbolicLink(link) && Files.exists(target), "left");
    }

    @Test
    void aFileInAFolderOthersMayEnterIsNotRemoved(@TempDir Path home) throws IOException {
        Path open = Files.createDirectory(home.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.write(open.resolve("cluster"), SECRET);
        IOException e = assertThrows(IOException.class, () -> PrivateFiles.delete(file));
        assertTrue(e.getMessage().contains("only this user may enter"), e.getMessage());
        assertTrue(Files.exists(file), "left");
    }

    @Test
    void anotherUsersFileIsNotRemoved(@TempDir Path home) throws IOException {
        Path file = home.resolve("secrets/cluster");
        PrivateFiles.write(file, SECRET);
        try {
            Files.setAttribute(file, "unix:uid", ANOTHER_UID);
        } catch (FileSystemException e) {
            Assumptions.abort("only root may give a file to another user: " + e.getMessage());
        }
        IOException e = assertThrows(IOException.class, () -> PrivateFiles.delete(file));
        assertTrue(e.getMessage().contains("is not a regular file of this user's"), e.getMessage());
        assertTrue(Files.exists(file), "left");
    }

    /** A rename that fails (onto a folder: root cannot do that either) fails the write, and leaves no temp file behind. */
    @Test
    void aWriteThatCannotReplaceItsFileLeavesNoTempFile(@TempDir Path home) throws IOException {
        Path file = home.resolve("secrets/cluster");
        PrivateFiles.write(home.resolve("secrets/other"), SECRET);
        Files.createDirectory(file);
        Files.write(file.resolve("inside"), SECRET); // not empty: no rename may replace it
        FileSystemException e = assertThrows(FileSystemException.class, () -> PrivateFiles.write(file, SECRET));
        assertEquals(file.toString(), e.getOtherFile(), "the rename's own failure: " + e);
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of("cluster", "other"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** What another user (or a link) holds where the temp file would be made is neither followed nor removed. */
    @Test
    void whatIsAlreadyWhereTheTempFileGoesIsLeft(@TempDir Path home) throws IOException {
        Path target = Files.write(home.resolve("target"), SECRET);
        Path file = home.resolve("secrets/cluster");
        PrivateFiles.write(home.resolve("secrets/other"), SECRET);
        Path temp = file.resolveSibling("cluster." + ProcessHandle.current().pid() + ".new");
        Files.createSymbolicLink(temp, target);
        assertThrows(FileAlreadyExistsException.class, () -> PrivateFiles.write(file, "other".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(temp), "left");
        assertArrayEquals(SECRET, Files.readAllBytes(target), "not written through");
        assertTrue(Files.notExists(file, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aSecretThatIsNotThereIsNoFailure(@TempDir Path home) throws IOException {
        PrivateFiles.delete(home.resolve("secrets/cluster"));
        PrivateFiles.write(home.resolve("secrets/other"), SECRET);
        PrivateFiles.delete(home.resolve("secrets/cluster"));
    }
}
