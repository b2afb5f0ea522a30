// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.internal.Platform;
import org.rsmworkbench.emulator.tests.nodes.NodeProgram;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * The emulator's native calls are those of Linux on x86-64: elsewhere a cluster is refused with a message that says why,
 * rather than run with system calls and flags that mean something else there.
 */
@DisplayName("the platforms the emulator runs on")
@Timeout(60)
class PlatformTest {
    @Test
    void linuxOnX8664RunsTheEmulator() {
        assertNull(Platform.unsupported("Linux", "amd64"));
        assertNull(Platform.unsupported("Linux", "x86_64"));
        assertNull(Platform.unsupported(System.getProperty("os.name"), System.getProperty("os.arch")), "the machine the tests run on");
    }

    @Test
    void otherPlatformsAreToldWhy() {
        assertEquals("the RSM emulator runs on Linux on x86-64 only, and this JVM runs on Linux on aarch64 (its futex, open and"
                + " stat calls are those of Linux on x86-64)", Platform.unsupported("Linux", "aarch64"));
        assertEquals("the RSM emulator runs on Linux on x86-64 only, and this JVM runs on Mac OS X on x86_64 (its futex, open and"
                + " stat calls are those of Linux on x86-64)", Platform.unsupported("Mac OS X", "x86_64"));
    }

    /** A node program whose JVM says it runs on aarch64 (os.arch given on the command line) joins no cluster. */
    @Test
    void aNodeJvmOnAnotherArchitectureIsRefusedAtOpenAndToldWhy() throws Exception {
        try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2))) {
            List<String> options = new ArrayList<>(cluster.processArguments(2, TestCluster.USER));
            options.add("-Dos.arch=aarch64");
            try (NodeJvm node = NodeJvm.launch(options, NodeProgram.class)) {
                String refusal = node.awaitAnswer("ERROR CTLR_NOT_PRESENT", 20_000);
                assertTrue(refusal.endsWith(Platform.unsupported("Linux", "aarch64")), () -> "the refusal says why: " + refusal);
                assertEquals(3, node.waitFor(10_000), "the program ends as it does when Rsm.open fails");
            }
        }
    }
}
