// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * A JVM's watcher looks at every other JVM's liveness lock ten times a second through a descriptor it keeps open while
 * that JVM lives (one system call a look, not five), and closes it once that JVM is gone, ended or killed: an owner
 * whose node JVMs come and go for hours keeps no descriptor of the gone ones.
 */
@DisplayName("the probes of other JVMs' liveness locks")
@Timeout(90)
class LivenessProbesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theOwnerKeepsOneProbeForEachLiveNodeJvmAndClosesItOnceTheJvmIsGone() throws Exception {
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(4))) {
            Path jvms = cluster.directory().resolve("jvms").toRealPath();
            int own = descriptorsInto(jvms);
            assertEquals(1, own, "the owner has its own liveness lock open");
            List<NodeJvm> nodes = new ArrayList<>();
            try {
                for (int node = 2; node <= 4; node++) {
                    NodeJvm jvm = NodeJvm.start(cluster, node, TestCluster.USER);
                    nodes.add(jvm);
                    jvm.expect("HELLO", "HELLO");
                }
                assertTrue(waitFor(() -> descriptorsInto(jvms) == own + 3, WAIT),
                        () -> "a probe for each of the 3 node JVMs: " + descriptorsInto(jvms) + " descriptors into " + jvms);

                nodes.get(0).expect("EXIT", "BYE");
                nodes.get(1).close(); // killed
                assertTrue(waitFor(() -> descriptorsInto(jvms) == own + 1, WAIT),
                        () -> "the probes of the ended and the killed JVM are closed: " + descriptorsInto(jvms) + " descriptors");
                nodes.get(2).expect("EXIT", "BYE");
                assertTrue(waitFor(() -> descriptorsInto(jvms) == own, WAIT),
                        () -> "no probe is left: " + descriptorsInto(jvms) + " descriptors");
            } finally {
                nodes.forEach(NodeJvm::close);
            }
        }
    }

    /** The descriptors of this JVM open on files in {@code directory} (deleted ones included). */
    private static int descriptorsInto(Path directory) {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return (int) descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).startsWith(directory);
                } catch (NoSuchFileException e) {
                    return false; // closed meanwhile (the listing's own descriptor among them)
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
