// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * The JVM that owns a cluster opens it again through another path (issue 13, item 7): it must keep its owner
 * lock (other processes see the cluster running) and its liveness lock (other JVMs do not reap its processes).
 * The locks are per process, and closing any descriptor of a locked file in the process releases them.
 */
@DisplayName("the owner opening its cluster through another path")
@Timeout(60)
class OwnLocksThroughAnotherPathTest {
    private static final Credentials CHILD = new Credentials(1000, 1000, Set.of(), 022, false);
    /** Several ticks of a watcher, which probes the other JVMs' liveness locks every 100 ms. */
    private static final long WATCH_TICKS_MILLIS = 400;

    @TempDir
    Path temp;

    @Test
    void throughASymbolicLink() throws Exception {
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            Path link = Files.createSymbolicLink(temp.resolve("link"), cluster.directory());
            assertOwnerKeepsItsLocks(cluster, link);
        }
    }

    @Test
    void throughDotDot() throws Exception {
        // the owner names its directory through a link; the other path is the real one, with a ".." in it
        Path real = Files.createDirectory(temp.resolve("real"));
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), real);
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2), alias.resolve("cluster"))) {
            Path inReal = real.resolve(alias.relativize(cluster.directory()));
            Path detour = Files.createDirectories(inReal.resolveSibling("detour"));
            assertOwnerKeepsItsLocks(cluster, detour.resolve("..").resolve(inReal.getFileName()));
        }
    }

    private void assertOwnerKeepsItsLocks(EmulatedCluster cluster, Path otherPath) throws Exception {
        Exported exported = TestCluster.publish(cluster.process(1, TestCluster.USER), PAGE, TestCluster.openTo(2));
        try (EmulatedCluster again = EmulatedCluster.open(otherPath)) {
            assertEquals(1, again.state().segments().size(), "the same cluster, seen through " + otherPath);
            Thread.sleep(WATCH_TICKS_MILLIS);
        }
        try (NodeJvm child = NodeJvm.start(cluster, 2, CHILD)) {
            assertEquals("node=2 uid=1000", child.expect("HELLO", "HELLO"), "the child finds the cluster running");
            Thread.sleep(WATCH_TICKS_MILLIS);
            assertEquals(Long.toString(PAGE), child.expect("IMPORT 1 " + Integer.toHexString(exported.id()), "CONNECTED"),
                    "the owner's process is alive for the child");
        }
    }
}
