// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.emulator.tests.nodes.RegistryChurnProgram;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * The fixture of the tests of a node JVM stopped (SIGSTOP) while it holds the registry's lock: node JVMs that change
 * the registry in a loop ({@link RegistryChurnProgram}), one of which is stopped at random moments until it is caught
 * inside an update.
 */
final class StoppedRegistryHolder {
    /** How many times the holder is stopped before the test gives up catching it inside an update. */
    static final int ATTEMPTS = 200;
    /**
     * How long a call may take when no JVM is stopped inside an update, on a loaded machine (2 CPUs, two threads polling the
     * lock): half the lock timeout ({@link org.rsmworkbench.emulator.ClusterLockTimeoutException#TIMEOUT_MILLIS}), which a
     * call held up by a stopped JVM waits out.
     */
    static final long PROMPT_MILLIS = 2_500;
    /** How long past the timeout a call that gives up, or the notice of a wait, may come on a loaded machine. */
    static final long SLACK_MILLIS = 4_000;

    /** What a test does while the holder is stopped. */
    @FunctionalInterface
    interface WhileStopped {
        /** @return whether the holder was caught inside an update (else it is resumed and stopped again later) */
        boolean caught(int attempt) throws Exception;
    }

    private StoppedRegistryHolder() {
    }

    /** The JVM of {@code node}, with {@code jvmOptions} first, changing the registry once {@link #go} tells it to. */
    static NodeJvm launch(EmulatedClusterExtension tc, int node, List<String> jvmOptions) throws IOException {
        List<String> options = Stream.concat(jvmOptions.stream(),
                tc.cluster().processArguments(node, EmulatedClusterExtension.USER).stream()).toList();
        return NodeJvm.launch(options, RegistryChurnProgram.class, "0", "1", "false", node + ":0");
    }

    /** Once each child is ready, starts its loop of registry changes. */
    static void go(List<NodeJvm> children) throws IOException, InterruptedException {
        for (NodeJvm child : children) {
            child.awaitAnswer("READY", 60_000);
            child.send("GO 0");
        }
    }

    /**
     * Stops process {@code pid} at random moments and runs {@code whileStopped} each time, until that finds it caught
     * inside an update; the process runs again (SIGCONT) after each attempt, the last included.
     */
    static void stopUntilCaught(long pid, WhileStopped whileStopped) throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10)); // a random moment of its loop, not a wait for it
            ProcessSignals.send("STOP", pid);
            try {
                if (whileStopped.caught(attempt)) {
                    return;
                }
            } finally {
                ProcessSignals.send("CONT", pid);
            }
        }
        fail("node JVM " + pid + " was never caught inside a registry update in " + ATTEMPTS + " attempts");
    }

    /** Publishes {@code exported} as {@code id}: null, or why it could not. */
    static RsmException publishOrFailure(Exported exported, int id) {
        try {
            exported.segment().publish(id, null);
            return null;
        } catch (RsmException e) {
            return e;
        }
    }
}
