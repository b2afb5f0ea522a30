// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log mapped to the size read just before: what another process that truncated it meanwhile makes the mapping fail with. */
class LogMappingTest {
    @Test
    void aLogThatShrankBelowTheSizeReadIsToldAsShrunk(@TempDir Path directory) throws IOException {
        Path file = Files.write(directory.resolve("node1-100" + Recording.LOG_SUFFIX), new byte[100]);
        try (FileChannel channel = FileChannel.open(file); Arena arena = Arena.ofConfined()) {
            // the size read was 4096: the file holds 100 bytes by the time it is mapped
            IOException e = assertThrows(EventColumns.ShrankException.class, () -> EventColumns.Reader.map(file, channel, 4096, arena));
            assertEquals("the log " + file + " shrank while it was read (another process truncated it): read the recording again",
                    e.getMessage());
            assertEquals(100, EventColumns.Reader.map(file, channel, 100, arena).byteSize(), "a log as large as read is mapped");
        }
    }
}
