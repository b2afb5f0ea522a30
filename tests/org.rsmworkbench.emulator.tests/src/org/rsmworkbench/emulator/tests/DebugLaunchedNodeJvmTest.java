// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.emulator.tests.StoppedRegistryHolder.SLACK_MILLIS;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.emulator.internal.RegistryLockProgram;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.TestUtils;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * The node JVMs of a debug launch ({@link ClusterLockTimeoutException#DEBUG_LAUNCH_PROPERTY}) and a node JVM that holds
 * the registry lock without progress for longer than {@link ClusterLockTimeoutException#TIMEOUT_MILLIS}, as a debugger
 * suspends one inside a registry update (at a breakpoint, or with the node that stopped at one): a node of the launch
 * that waits for it says so and goes on waiting, and its update goes through once the holder goes on; this JVM, outside
 * the launch, still gives up. A holder stopped by a signal, which no debugger resumes, is given up on in the launch too.
 * <p>
 * Node 2 holds the lock with a thread asleep inside an update ({@link RegistryLockProgram}): alive and running, not
 * stopped, as a JVM whose threads JDWP suspended looks from outside.
 */
@DisplayName("the node JVMs of a debug launch and a node suspended inside a registry update")
class DebugLaunchedNodeJvmTest {
    private static final List<String> DEBUG_LAUNCH = List.of("-D" + ClusterLockTimeoutException.DEBUG_LAUNCH_PROPERTY + "=true");
    private static final String WAIT_NOTICE = "waiting for the cluster registry, locked by JVM ";
    /** How long a child may take to start or answer on a loaded machine. */
    private static final long ANSWER_MILLIS = 60_000;

    @Test
    @Timeout(180)
    void aNodeOfTheLaunchWaitsForTheSuspendedHolderAndGoesOnWhenItResumes() throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(3);
                NodeJvm holder = debugLaunched(tc, 2);
                NodeJvm waiting = debugLaunched(tc, 3)) {
            long pid = holder.process().pid();
            Exported mine = TestCluster.create(tc.process(1), "emu0", PAGE, 0);
            holdLock(holder, waiting);
            waiting.send("MUTATE");

            RsmException failure = assertThrows(RsmException.class, () -> mine.segment().publish(TestCluster.nextSegmentId(), null),
                    "outside the debug launch a call still gives up");
            assertEquals(RsmError.INSUFFICIENT_RESOURCES, failure.error(), failure.getMessage());
            assertTrue(TestUtils.waitFor(() -> waiting.standardError().contains(WAIT_NOTICE),
                    Duration.ofMillis(ClusterLockTimeoutException.TIMEOUT_MILLIS + SLACK_MILLIS)),
                    "node 3 says it waits: " + waiting.standardError());
            String told = waiting.standardError();
            assertTrue(told.contains("(pid " + pid + ", node 2)"), told);
            assertEquals(1, told.lines().filter(line -> line.contains(WAIT_NOTICE)).count(), told);

            // past the time it would have given up, node 3 still waits: the holder goes on, and node 3's update with it
            holder.send("RELEASE");
            holder.awaitAnswer("RELEASED", ANSWER_MILLIS);
            waiting.awaitAnswer("UPDATED", ANSWER_MILLIS);
            assertTrue(tc.cluster().state().consistent());
        }
    }

    @Test
    @Timeout(180)
    void aNodeOfTheLaunchGivesUpOnAHolderStoppedBySignal() throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(3);
                NodeJvm holder = debugLaunched(tc, 2);
                NodeJvm waiting = debugLaunched(tc, 3)) {
            long pid = holder.process().pid();
            holdLock(holder, waiting);
            ProcessSignals.send("STOP", pid);
            try {
                waiting.send("MUTATE");
                String gaveUp = waiting.awaitAnswer("GAVE_UP", ClusterLockTimeoutException.TIMEOUT_MILLIS + SLACK_MILLIS);
                assertTrue(gaveUp.contains("(pid " + pid + ", node 2), which is stopped (SIGSTOP"), gaveUp);
                assertFalse(waiting.standardError().contains(WAIT_NOTICE), waiting.standardError());
            } finally {
                ProcessSignals.send("CONT", pid);
            }
            holder.send("RELEASE");
            holder.awaitAnswer("RELEASED", ANSWER_MILLIS);
            waiting.send("MUTATE");
            waiting.awaitAnswer("UPDATED", ANSWER_MILLIS);
            assertTrue(tc.cluster().state().consistent());
        }
    }

    private static NodeJvm debugLaunched(EmulatedClusterExtension tc, int node) throws Exception {
        return NodeJvm.launch(Stream.concat(DEBUG_LAUNCH.stream(), tc.cluster().processArguments(node, EmulatedClusterExtension.USER).stream()).toList(),
                RegistryLockProgram.class);
    }

    /** Once both children are up: the holder takes the registry lock and keeps it. */
    private static void holdLock(NodeJvm holder, NodeJvm waiting) throws Exception {
        for (NodeJvm child : List.of(holder, waiting)) {
            child.awaitAnswer("READY", ANSWER_MILLIS);
        }
        holder.send("HOLD");
        holder.awaitAnswer("HOLDING", ANSWER_MILLIS);
    }
}
