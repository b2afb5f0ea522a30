// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** The registry of watched clusters: launched and attached clusters, listeners, detach on remove, threads. */
class RunningClustersTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private RunningClusters registry;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        registry = new RunningClusters();
        registry.addListener(new RunningClusters.Listener() {
            @Override
            public synchronized void added(RunningCluster cluster) {
                events.add("added " + cluster.origin());
            }

            @Override
            public synchronized void removed(RunningCluster cluster) {
                events.add("removed " + cluster.origin());
            }
        });
    }

    @AfterEach
    void stop() {
        registry.removeAll();
    }

    @Test
    void launchedClusterIsListedAndNotClosedOnRemove() throws Exception {
        RunningCluster entry = registry.addLaunched(tc.cluster(), "my launch");
        assertEquals("my launch", entry.label());
        assertEquals(RunningCluster.Origin.LAUNCHED, entry.origin());
        assertEquals(List.of(entry), registry.clusters());
        assertSame(entry, registry.addLaunched(tc.cluster(), "again"), "the same cluster is registered once");
        assertTrue(registry.remove(tc.cluster()));
        assertFalse(registry.remove(tc.cluster()));
        assertEquals(List.of(), registry.clusters());
        // the launch still owns a working cluster
        try (RsmLibrary process = tc.process(1, new Credentials(1, 1, Set.of(), 022, false))) {
            assertEquals(1, process.localNodeId());
        }
        assertEquals(List.of("added LAUNCHED", "removed LAUNCHED"), events);
    }

    @Test
    void theRecordingOfARecordedRunThatEndedIsKeptWhileItsFolderIsThere(@TempDir Path runs) throws Exception {
        assertEquals(Optional.empty(), registry.lastEndedRecording(), "no run has ended");
        Path recording = Files.createDirectory(runs.resolve("run.rsmtrace"));
        RunningCluster recorded = registry.addLaunched(tc.cluster(), "recorded");
        recorded.recordedInto(recording);
        assertEquals(Optional.empty(), registry.lastEndedRecording(), "the run goes on");
        registry.remove(recorded);
        assertEquals(Optional.of(recording), registry.lastEndedRecording());

        registry.remove(registry.addLaunched(tc.cluster(), "not recorded"));
        assertEquals(Optional.of(recording), registry.lastEndedRecording(), "a run that did not record leaves the last recording");

        Files.delete(recording);
        assertEquals(Optional.empty(), registry.lastEndedRecording(), "a recording deleted since is not offered");
    }

    @Test
    void attachJoinsByDirectoryAndDetachesOnRemove() throws Exception {
        RunningCluster attached = registry.attach(tc.cluster().directory());
        assertEquals(RunningCluster.Origin.ATTACHED, attached.origin());
        assertEquals(tc.cluster().spec().name(), attached.label());
        assertEquals(tc.cluster().state().nodes(), attached.cluster().state().nodes());
        assertSame(attached, registry.attach(tc.cluster().directory()), "attaching twice gives the same entry");
        assertSame(attached, registry.find(tc.cluster().directory()));
        registry.remove(attached);
        assertNull(registry.find(tc.cluster().directory()));
        // detaching did not stop the cluster: the owner still works and it can be attached again
        assertTrue(Files.isDirectory(tc.cluster().directory()));
        RunningCluster again = registry.attach(tc.cluster().directory());
        assertEquals(2, again.cluster().state().nodes().size());
        assertEquals(List.of("added ATTACHED", "removed ATTACHED", "added ATTACHED"), events);
    }

    @Test
    void attachingADirectoryWithoutAClusterFailsWithAReason(@TempDir Path empty) {
        IOException e = assertThrows(IOException.class, () -> registry.attach(empty));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        assertEquals(List.of(), registry.clusters());
        assertEquals(List.of(), events);
    }

    @Test
    void stoppedClusterIsGone() throws Exception {
        EmulatedCluster other = EmulatedCluster.start(ClusterSpec.fullyConnected(1));
        RunningCluster entry = registry.attach(other.directory());
        assertFalse(entry.isGone());
        other.close();
        assertTrue(entry.isGone());
    }

    @Test
    void concurrentAttachesRegisterOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RunningCluster>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return registry.attach(tc.cluster().directory());
                }));
            }
            go.countDown();
            RunningCluster first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<RunningCluster> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, registry.clusters().size());
            assertEquals(List.of("added ATTACHED"), events);
        } finally {
            pool.shutdownNow();
        }
    }
}
