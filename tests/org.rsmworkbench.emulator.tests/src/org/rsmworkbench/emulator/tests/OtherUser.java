// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Makes a file, folder or symbolic link (itself, not what it points to) another user's, uid 65534 (nobody, no account
 * needed): what another user of the machine could have planted. Only root may give a file away: the test that calls it
 * is skipped otherwise.
 */
public final class OtherUser {
    public static final int UID = 65534;

    private OtherUser() {
    }

    /** {@code path} given to uid {@value #UID}; returns it. */
    public static Path owns(Path path) throws IOException {
        try {
            Files.setAttribute(path, "unix:uid", UID, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            Assumptions.abort("files of another user (uid " + UID + ") are made with chown: needs root (" + e.getMessage() + ")");
        }
        return path;
    }
}
