// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.emulator.tests.StoppedRegistryHolder.PROMPT_MILLIS;
import static org.rsmworkbench.emulator.tests.StoppedRegistryHolder.SLACK_MILLIS;
import static org.rsmworkbench.emulator.tests.TestCluster.PAGE;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.emulator.tests.TestCluster.Exported;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.TestUtils;

/**
 * The node JVMs of a debug launch ({@link ClusterLockTimeoutException#DEBUG_LAUNCH_PROPERTY}) and a node JVM stopped
 * inside a registry update for longer than {@link ClusterLockTimeoutException#TIMEOUT_MILLIS}, as a debugger suspends it
 * (at a breakpoint, or with the node that stopped at one): a node of the launch that waits for it says so and goes on
 * waiting, and its calls all succeed once the stopped node runs again; this JVM, outside the launch, still gives up.
 * <p>
 * Both children change the registry in a loop; node 2's is stopped at random moments until one finds it holding the
 * lock (a call of this JVM then does not succeed at once).
 */
@DisplayName("the node JVMs of a debug launch and a node suspended inside a registry update")
class DebugLaunchedNodeJvmTest {
    private static final List<String> DEBUG_LAUNCH = List.of("-D" + ClusterLockTimeoutException.DEBUG_LAUNCH_PROPERTY + "=true");

    @Test
    @Timeout(180)
    void aNodeOfTheLaunchWaitsForTheSuspendedHolderAndGoesOnWhenItResumes() throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(3);
                NodeJvm suspended = StoppedRegistryHolder.launch(tc, 2, DEBUG_LAUNCH);
                NodeJvm waiting = StoppedRegistryHolder.launch(tc, 3, DEBUG_LAUNCH)) {
            long pid = suspended.process().pid();
            StoppedRegistryHolder.go(List.of(suspended, waiting));
            Exported mine = TestCluster.create(tc.process(1), "emu0", PAGE, 0);
            int id = TestCluster.nextSegmentId();
            StoppedRegistryHolder.stopUntilCaught(pid, attempt -> {
                CompletableFuture<RsmException> publish = CompletableFuture.supplyAsync(
                        () -> StoppedRegistryHolder.publishOrFailure(mine, id));
                try {
                    publish.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS);
                    // node 2 was not inside an update: undo, let it run, try again
                    mine.segment().unpublish();
                    return false;
                } catch (TimeoutException e) {
                    // node 2 holds the lock: node 3, which changes the registry all the time, waits for it too
                }
                RsmException failure = publish.get(ClusterLockTimeoutException.TIMEOUT_MILLIS + SLACK_MILLIS, TimeUnit.MILLISECONDS);
                assertTrue(failure != null && failure.error() == RsmError.INSUFFICIENT_RESOURCES,
                        "outside the debug launch a call still gives up: " + failure);
                String notice = "waiting for the cluster registry, locked by JVM ";
                assertTrue(TestUtils.waitFor(() -> waiting.standardError().contains(notice),
                        Duration.ofMillis(ClusterLockTimeoutException.TIMEOUT_MILLIS + SLACK_MILLIS)),
                        "node 3 says it waits: " + waiting.standardError());
                String told = waiting.standardError();
                assertTrue(told.contains("(pid " + pid + ", node 2)"), told);
                assertEquals(1, told.lines().filter(line -> line.contains(notice)).count(), told);
                System.out.println("debug launch: node 2 caught inside an update at attempt " + attempt + "; node 3: " + told.strip());
                return true;
            });
            for (NodeJvm child : List.of(suspended, waiting)) {
                child.send("STOP");
            }
            String waiterDone = waiting.awaitAnswer("DONE", 30_000);
            assertTrue(waiterDone.contains(" unexpected=0 "), "node 3's calls all went through: " + waiterDone);
            String holderDone = suspended.awaitAnswer("DONE", 30_000);
            assertTrue(holderDone.contains(" unexpected=0 "), "node 2's calls all went through: " + holderDone);
            assertTrue(tc.cluster().state().consistent());
        }
    }
}
