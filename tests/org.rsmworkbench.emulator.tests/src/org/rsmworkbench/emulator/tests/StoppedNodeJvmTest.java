// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.emulator.tests.StoppedRegistryHolder.PROMPT_MILLIS;
import static org.rsmworkbench.emulator.tests.StoppedRegistryHolder.SLACK_MILLIS;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/**
 * A node JVM stopped with SIGSTOP inside an update of the registry (issue 13, item 12): the other JVMs' calls
 * give up after {@link ClusterLockTimeoutException#TIMEOUT_MILLIS}, an RSM call with INSUFFICIENT_RESOURCES and
 * an operation of the cluster with ClusterLockTimeoutException, both naming its pid and node; snapshots of the
 * cluster (the views) come at once; after SIGCONT its update completes and everything works again.
 * <p>
 * The child changes the registry in a loop; it is stopped at random moments until one finds it holding the
 * lock (a call of this JVM then does not succeed at once).
 */
@DisplayName("a node JVM stopped inside a registry update")
class StoppedNodeJvmTest {
    @Test
    @Timeout(180)
    void othersGiveUpNamingItAndTheViewsStayLive() throws Exception {
        ExecutorService calls = Executors.newCachedThreadPool();
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(2);
                NodeJvm child = StoppedRegistryHolder.launch(tc, 2, List.of())) {
            long pid = child.process().pid();
            StoppedRegistryHolder.go(List.of(child));
            Exported mine = TestCluster.create(tc.process(1), "emu0", PAGE, 0);
            int id = TestCluster.nextSegmentId();
            StoppedRegistryHolder.stopUntilCaught(pid, attempt -> {
                long t0 = System.nanoTime();
                Future<RsmException> publish = calls.submit(() -> StoppedRegistryHolder.publishOrFailure(mine, id));
                Future<RuntimeException> setLink = calls.submit(() -> setLinkOrFailure(tc));
                Future<ClusterState> state = calls.submit(() -> tc.cluster().state());
                assertState(state.get(PROMPT_MILLIS + SLACK_MILLIS, TimeUnit.MILLISECONDS), t0);
                RsmException failure = answer(publish, "publish");
                RuntimeException linkFailure = answer(setLink, "setLink");
                long took = (System.nanoTime() - t0) / 1_000_000;
                if (failure == null) {
                    // the child was not inside an update: both went through; undo, let it run, try again
                    mine.segment().unpublish();
                    return false;
                }
                System.out.println("stopped node JVM: caught inside an update at attempt " + attempt
                        + "; calls gave up after " + took + " ms: " + failure.getMessage());
                assertEquals(RsmError.INSUFFICIENT_RESOURCES, failure.error(), failure.getMessage());
                assertTrue(failure.getMessage().contains("pid " + pid + ", node 2)")
                        && failure.getMessage().contains("stopped"), failure.getMessage());
                assertTrue(took >= ClusterLockTimeoutException.TIMEOUT_MILLIS - 100
                        && took < ClusterLockTimeoutException.TIMEOUT_MILLIS + SLACK_MILLIS,
                        "gave up after " + took + " ms");
                assertTrue(linkFailure instanceof ClusterLockTimeoutException, "setLink: " + linkFailure);
                ClusterLockTimeoutException timeout = (ClusterLockTimeoutException) linkFailure;
                assertEquals(pid, timeout.holderPid());
                assertEquals(List.of(2), timeout.holderNodes());
                // still stopped: the views read at once
                assertState(tc.cluster().state(), System.nanoTime());
                return true;
            });
            // running again: its update completed, and everything works
            mine.segment().publish(id, null);
            assertEquals(Set.of(id), Set.copyOf(tc.cluster().state().segments().stream()
                    .filter(s -> s.node() == 1).map(ClusterState.Segment::segmentId).toList()));
            tc.cluster().setLink(1, "emu0", 2, "emu0", true);
            child.send("STOP");
            String done = child.awaitAnswer("DONE", 30_000);
            assertTrue(done.contains(" unexpected=0 "), "the child's calls all went through: " + done);
            assertTrue(tc.cluster().state().consistent());
        } finally {
            calls.shutdownNow();
        }
    }

    /** A snapshot read while the child may be stopped: it comes at once. */
    private static void assertState(ClusterState state, long since) {
        long took = (System.nanoTime() - since) / 1_000_000;
        assertTrue(took < PROMPT_MILLIS, "a snapshot took " + took + " ms");
        assertEquals(2, state.nodes().size());
    }

    private static <T> T answer(Future<T> call, String what) throws Exception {
        try {
            return call.get(ClusterLockTimeoutException.TIMEOUT_MILLIS + SLACK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within "
                    + (ClusterLockTimeoutException.TIMEOUT_MILLIS + SLACK_MILLIS) + " ms while a node JVM is stopped", e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed", e.getCause());
        }
    }

    private static RuntimeException setLinkOrFailure(EmulatedClusterExtension tc) {
        try {
            tc.cluster().setLink(1, "emu0", 2, "emu0", true);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
