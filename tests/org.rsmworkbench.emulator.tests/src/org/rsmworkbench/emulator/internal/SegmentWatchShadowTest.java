// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * Where the shadows of recorded segments ({@link SegmentWatch}) are made: only in the cluster's memory directory, and
 * only as this user's regular files (a file planted under a shadow's predictable name is never mapped).
 */
@DisplayName("the shadows of recorded segments")
class SegmentWatchShadowTest {
    private static final int OTHER_UID = 65534;
    private static final int NODE = 1;
    private static final int ID = 0x10;
    private static final long SIZE = 4096;

    @TempDir
    Path recording;
    private TraceLog log;

    @BeforeEach
    void createLog() throws Exception {
        log = TraceLog.create(recording.resolve("node1.log"), NODE, ProcessHandle.current().pid(), "test",
                RecordingSettings.into(recording));
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    @DisplayName("a library with no cluster memory directory has no shadows: none is made in the recording folder")
    void noShadowWithoutClusterMemory() throws Exception {
        RsmLibrary notAProcess = (RsmLibrary) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { RsmLibrary.class }, (proxy, method, arguments) -> null);
        new RecordedLibrary(notAProcess, log);

        assertNull(log.watch.shadow(NODE, ID, SIZE), "no shadow: stores through memory are not recorded");
        try (Stream<Path> files = Files.list(recording)) {
            assertEquals(List.of(recording.resolve("node1.log")), files.toList(), "nothing made in the recording folder");
        }
    }

    @Test
    @DisplayName("a file of another user under a shadow's name is neither mapped nor changed")
    void anotherUsersFileIsNoShadow(@TempDir Path memory) throws Exception {
        Assumptions.assumeTrue(OwnFiles.effectiveUid() == 0, "a file of another uid is made with chown: needs root");
        log.watch.shadowsIn(memory);
        Path planted = Files.writeString(memory.resolve(SegmentWatch.SHADOW_PREFIX + NODE + "-" + Integer.toHexString(ID)),
                "planted");
        Files.setAttribute(planted, "unix:uid", OTHER_UID);

        assertNull(log.watch.shadow(NODE, ID, SIZE), "refused: stores into the segment are not recorded");
        assertEquals("planted", Files.readString(planted), "not grown, not written");

        assertNotNull(log.watch.shadow(NODE, ID + 1, SIZE), "a shadow of this user's is made and mapped as before");
    }
}
