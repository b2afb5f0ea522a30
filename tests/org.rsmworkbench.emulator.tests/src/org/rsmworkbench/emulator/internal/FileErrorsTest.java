// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.junit.jupiter.api.Test;

/** java.nio's exceptions whose message is only a path get a reason in words. */
class FileErrorsTest {
    @Test
    void anExceptionWithOnlyAPathGetsItsReasonInWords() {
        assertEquals("/x/rec: permission denied", FileErrors.describe(new AccessDeniedException("/x/rec")));
        assertEquals("/x/rec: no such file or folder", FileErrors.describe(new NoSuchFileException("/x/rec")));
        assertEquals("/x/afile: not a folder", FileErrors.describe(new NotDirectoryException("/x/afile")));
        assertEquals("/x/rec: already exists", FileErrors.describe(new FileAlreadyExistsException("/x/rec")));
        assertEquals("/a -> /b: permission denied", FileErrors.describe(new AccessDeniedException("/a", "/b", null)));
    }

    @Test
    void anExceptionWithAReasonKeepsItsMessage() {
        assertEquals("/proc/foo: Operation not permitted",
                FileErrors.describe(new FileSystemException("/proc/foo", null, "Operation not permitted")));
        assertEquals("disk on fire", FileErrors.describe(new IOException("disk on fire")));
    }
}
