// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.tests.nodes.RegistryChurnProgram;
import org.rsmworkbench.emulator.tests.nodes.RegistryChurnProgram.Churn;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * A lock wait never fails by accident (issue 13, item 7): four JVMs of four threads each change the registry
 * as fast as they can (export create, publish, connect, disconnect, republish, unpublish, destroy) while a
 * thread of each interrupts the others at random and the JVMs' watchers probe each other's liveness locks;
 * a fifth JVM doing the same is killed with SIGKILL half-way, maybe holding the lock. Every call must succeed
 * (or fail with the SEG_NOT_PUBLISHED a connect to a segment unpublished at that moment may get), and
 * snapshots read meanwhile must never fail.
 */
@DisplayName("the registry lock under load")
class RegistryLockStressTest {
    private static final int NODES = 4;
    private static final int THREADS = 4;
    private static final long RUN_MILLIS = 3_000;
    private static final Credentials CHILD = new Credentials(1000, 1000, Set.of(), 022, false);
    /** Node 1: this JVM; nodes 2 to 4: a JVM each (instance 0); node 4 instance 1: the JVM killed half-way. */
    private static final String PEERS = "1:0,2:0,3:0,4:0,4:1";
    /** Five JVMs start and warm up at once: on a loaded machine that takes a while. */
    private static final long READY_MILLIS = 90_000;
    private static final Pattern DONE = Pattern.compile("calls=(\\d+) unexpected=(\\d+) first=(.*)");

    @Test
    @Timeout(240)
    void manyJvmsAndThreadsChangingTheRegistryNeverFailByAccident() throws Exception {
        List<NodeJvm> children = new ArrayList<>();
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(NODES)) {
            for (int node = 2; node <= NODES; node++) {
                children.add(churner(tc, node, 0));
            }
            NodeJvm victim = churner(tc, NODES, 1);
            children.add(victim);
            for (NodeJvm child : children) {
                child.awaitAnswer("READY", READY_MILLIS);
            }
            RsmLibrary mine = tc.process(1);
            RegistryChurnProgram.warmUp(mine, 0);
            Churn local = new Churn(0, RegistryChurnProgram.peers(PEERS));
            long end = System.nanoTime() + RUN_MILLIS * 1_000_000L;
            for (NodeJvm child : children) {
                child.send("GO " + RUN_MILLIS);
            }
            Thread churning = Thread.ofPlatform().start(() -> {
                try {
                    RegistryChurnProgram.churn(mine, local, THREADS, true, () -> System.nanoTime() < end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long snapshots = 0;
            boolean killed = false;
            while (churning.isAlive()) {
                ClusterState state = tc.cluster().state();
                assertEquals(NODES, state.nodes().size());
                snapshots++;
                if (!killed && System.nanoTime() > end - RUN_MILLIS * 500_000L) {
                    victim.process().destroyForcibly();
                    killed = true;
                }
                Thread.sleep(5);
            }
            children.remove(victim);
            StringBuilder report = new StringBuilder("node 1 (this JVM): " + local + "\n");
            long unexpected = local.unexpected();
            assertTrue(local.calls() > 0, "this JVM made calls");
            for (NodeJvm child : children) {
                String done = child.awaitAnswer("DONE", 30_000);
                Matcher m = DONE.matcher(done);
                assertTrue(m.matches(), done);
                assertTrue(Long.parseLong(m.group(1)) > 0, "every JVM made calls: " + done);
                unexpected += Long.parseLong(m.group(2));
                report.append("node JVM pid ").append(child.process().pid()).append(": ").append(done).append('\n');
            }
            System.out.println("registry lock stress: " + snapshots + " snapshots read meanwhile\n" + report);
            assertEquals(0, unexpected, report.toString());
        } finally {
            children.forEach(NodeJvm::close);
        }
    }

    private static NodeJvm churner(EmulatedClusterExtension tc, int node, int instance) throws Exception {
        return NodeJvm.launch(tc.cluster().processArguments(node, CHILD), RegistryChurnProgram.class,
                Integer.toString(instance), Integer.toString(THREADS), "true", PEERS);
    }
}
