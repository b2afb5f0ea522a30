// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.rsmworkbench.emulator.tests.TestCluster.PAGE;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.emulator.tests.TestCluster.Exported;
import org.rsmworkbench.emulator.tests.nodes.RegistryChurnProgram;
import org.rsmworkbench.rsmapi.Credentials;
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
    private static final Credentials CHILD = new Credentials(1000, 1000, Set.of(), 022, false);
    private static final List<String> DEBUG_LAUNCH = List.of("-D" + ClusterLockTimeoutException.DEBUG_LAUNCH_PROPERTY + "=true");
    private static final int ATTEMPTS = 200;
    /** How long a call may take when no JVM is stopped inside an update, on a loaded machine. */
    private static final long PROMPT_MILLIS = 1_000;
    /** How long past the timeout a call that gives up, or the notice of a wait, may come on a loaded machine. */
    private static final long SLACK_MILLIS = 4_000;

    @Test
    @Timeout(180)
    void aNodeOfTheLaunchWaitsForTheSuspendedHolderAndGoesOnWhenItResumes() throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(3);
                NodeJvm suspended = NodeJvm.launch(concat(DEBUG_LAUNCH, tc.cluster().processArguments(2, CHILD)),
                        RegistryChurnProgram.class, "0", "1", "false", "2:0");
                NodeJvm waiting = NodeJvm.launch(concat(DEBUG_LAUNCH, tc.cluster().processArguments(3, CHILD)),
                        RegistryChurnProgram.class, "0", "1", "false", "3:0")) {
            long pid = suspended.process().pid();
            for (NodeJvm child : List.of(suspended, waiting)) {
                child.awaitAnswer("READY", 60_000);
                child.send("GO 0");
            }
            Exported mine = TestCluster.create(tc.process(1), "emu0", PAGE, 0);
            int id = TestCluster.nextSegmentId();
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10));
                ProcessSignals.send("STOP", pid);
                try {
                    CompletableFuture<RsmException> publish = CompletableFuture.supplyAsync(() -> publishOrFailure(mine, id));
                    try {
                        publish.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS);
                        // node 2 was not inside an update: undo, let it run, try again
                        mine.segment().unpublish();
                        continue;
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
                } finally {
                    ProcessSignals.send("CONT", pid);
                }
                for (NodeJvm child : List.of(suspended, waiting)) {
                    child.send("STOP");
                }
                String waiterDone = waiting.awaitAnswer("DONE", 30_000);
                assertTrue(waiterDone.contains(" unexpected=0 "), "node 3's calls all went through: " + waiterDone);
                String holderDone = suspended.awaitAnswer("DONE", 30_000);
                assertTrue(holderDone.contains(" unexpected=0 "), "node 2's calls all went through: " + holderDone);
                assertTrue(tc.cluster().state().consistent());
                return;
            }
            fail("node 2 was never caught inside a registry update in " + ATTEMPTS + " attempts");
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static RsmException publishOrFailure(Exported exported, int id) {
        try {
            exported.segment().publish(id, null);
            return null;
        } catch (RsmException e) {
            return e;
        }
    }
}
