// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;

/** The embedded server's data folder: a start removes this user's folders that a killed launcher left, and only those. */
class EmbeddedZooKeeperTest {
    private static final int OTHER_UID = 65534;
    private final List<Path> made = new ArrayList<>();

    private Path folder(boolean withLockFile) throws IOException {
        Path folder = Files.createTempDirectory("rsm-zookeeper-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        made.add(folder);
        Files.writeString(Files.createDirectory(folder.resolve("log")).resolve("log.1"), "transactions");
        if (withLockFile) {
            Files.createFile(folder.resolve("in-use.lock"));
        }
        return folder;
    }

    @AfterEach
    void removeWhatIsLeft() throws IOException {
        for (Path folder : made) {
            if (Files.exists(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    @Test
    void aStartRemovesTheFoldersWhoseLockNobodyHoldsAndLeavesTheOthers() throws Exception {
        Path abandoned = folder(true);
        Path withoutLockFile = folder(false);
        Path locked = folder(true);
        Path othersUser = folder(true);
        boolean root;
        try {
            Files.setAttribute(othersUser, "unix:uid", OTHER_UID);
            root = true;
        } catch (IOException notPermitted) {
            root = false; // that case needs root to make a folder of another user; the others are tried
        }
        try (FileChannel channel = FileChannel.open(locked.resolve("in-use.lock"), StandardOpenOption.WRITE);
                FileLock held = channel.lock();
                EmbeddedZooKeeper first = EmbeddedZooKeeper.start();
                EmbeddedZooKeeper second = EmbeddedZooKeeper.start()) {
            assertFalse(Files.exists(abandoned), "the folder whose lock nobody held was removed");
            assertTrue(Files.exists(withoutLockFile.resolve("log/log.1")), "a folder without a lock file (being made) stays");
            assertTrue(Files.exists(locked.resolve("log/log.1")), "a folder whose lock is held stays");
            if (root) {
                assertTrue(Files.exists(othersUser.resolve("log/log.1")), "another user's folder stays");
            }
        }
    }
}
