// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rsmworkbench.emulator.tests.nodes.ClusterOwnerProgram;
import org.rsmworkbench.tests.support.conformance.TestCluster;
import org.rsmworkbench.tests.support.TestFolders;

/**
 * A JVM that owns a cluster and ends without closing it leaves nothing behind: its cluster directory and its
 * memory directory under /dev/shm are removed (issue 13 item 10). The owner is a child JVM
 * ({@link ClusterOwnerProgram}) with an exported segment, so that its memory directory holds a file.
 */
@DisplayName("an owner that ends without close() removes its cluster")
class OwnerExitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "EXIT-WITHOUT-CLOSE, 0", "THROW, 1", "SIGTERM, 143" })
    @Timeout(90)
    void ownerEndsWithoutClose(String ending, int exitStatus) throws Exception {
        Path parent = Files.createTempDirectory("rsm-owner-exit-");
        Path dir = parent.resolve("cluster");
        NodeJvm owner = NodeJvm.launch(List.of(), ClusterOwnerProgram.class, dir.toString(),
                Integer.toHexString(TestCluster.nextSegmentId()));
        try {
            assertEquals(dir.toString(), owner.awaitAnswer("OWNER", 30_000));
            List<Path> memory = KillSoakTest.sharedMemoryDirectories(dir);
            if (Files.isWritable(Path.of("/dev/shm"))) {
                assertEquals(1, memory.size(), "the owner's memory directory under /dev/shm: " + memory);
            }
            if (ending.equals("SIGTERM")) {
                owner.process().destroy();
            } else {
                owner.send(ending);
            }
            assertEquals(exitStatus, owner.waitFor(30_000), "exit status of the owner; " + owner.transcript());
            assertFalse(Files.exists(dir), "the cluster directory " + dir + " is removed");
            for (Path m : memory) {
                assertFalse(Files.exists(m), "the memory directory " + m + " is removed");
            }
        } finally {
            owner.close();
            for (Path leftOver : KillSoakTest.sharedMemoryDirectories(dir)) { // when a check failed
                TestFolders.delete(leftOver);
            }
            TestFolders.delete(parent);
        }
    }
}
