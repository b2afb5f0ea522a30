// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.waitFor;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.distributed.internal.ZooKeeperRegistry;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The state of a distributed launch's cluster, which the Clusters, Permissions and Topology views of the IDE read: its
 * files (here, in this JVM), with what node processes with files of their own published in its registry (a 3-node cluster
 * in an embedded ensemble, whose processes join it here).
 */
@Timeout(180)
class LaunchStateTest {
    private static final Credentials USER = new Credentials(1000, 1000, Set.of(), 022, false);
    private static final int OWN_FILES_SEGMENT = 0x400100;
    private static final int SHARED_FILES_SEGMENT = 0x400200;
    private static final MemorySegment MEMORY = Arena.global().allocate(4096, 4096);

    private final ClusterSpec spec = ClusterSpec.fullyConnected(3);
    private final List<ClusterRegistry> joined = new ArrayList<>();
    private EmbeddedZooKeeper ensemble;
    private DistributedBackend.LaunchedRegistry registry;
    private EmulatedCluster files;

    @BeforeEach
    void startCluster() throws IOException {
        ensemble = EmbeddedZooKeeper.start();
        registry = new ZooKeeperBackend().create(ensemble.connectString(), spec, ZooKeeperTests.SESSION_TIMEOUT);
        files = EmulatedCluster.start(spec);
    }

    @AfterEach
    void stopCluster() {
        joined.forEach(ClusterRegistry::close);
        files.close();
        registry.close();
        ensemble.close();
    }

    private ZooKeeperRegistry join(int node, boolean ownFiles) throws RsmException {
        ZooKeeperRegistry process = ZooKeeperRegistry.join(registry.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, node,
                USER, ownFiles, _ -> { });
        joined.add(process);
        return process;
    }

    /** The segments of a state, each as NODE:ID and where it comes from (the registry numbers its processes -1, -2, ...). */
    private static List<String> exports(ClusterState state) {
        return state.segments().stream().map(s -> s.node() + ":0x" + Integer.toHexString(s.segmentId())
                + (s.ownerProcess() < 0 ? " from the registry" : " from the files")).sorted().toList();
    }

    /** The connections of a state, each as IMPORTER->EXPORTER:ID and the permission asked for. */
    private static List<String> imports(ClusterState state) {
        return state.connections().stream().map(c -> c.importerNode() + "->" + c.exporterNode() + ":0x"
                + Integer.toHexString(c.segmentId()) + " asked 0" + Integer.toOctalString(c.permission())).sorted().toList();
    }

    /**
     * Nodes 1 and 2 keep files of their own: node 1's segment and node 2's connection to it are in the registry only, and
     * the state lists them, live. Node 3 shares the launch's files, so its segment is in both: the state lists it once.
     */
    @Test
    void theSegmentsAndConnectionsOfProcessesWithFilesOfTheirOwnAreAddedOnce() throws Exception {
        RsmLibrary sharing = files.process(3, USER);
        sharing.getController("emu0").createExportSegment(sharing.allocate(4096), 0).publish(SHARED_FILES_SEGMENT,
                List.of(new AccessEntry(1, 0666)));
        join(3, false).publish(new PublishedSegment(3, SHARED_FILES_SEGMENT, "emu0", 4096, 1000, 1000, 0644,
                List.of(new AccessEntry(1, 0666))), MEMORY, () -> { });
        join(1, true).publish(new PublishedSegment(1, OWN_FILES_SEGMENT, "emu0", 4096, 1000, 1000, 0640,
                List.of(new AccessEntry(2, 0640))), MEMORY, () -> { });
        ZooKeeperRegistry importer = join(2, true);
        importer.connect("emu0", false, USER, 1, OWN_FILES_SEGMENT, Rsm.PERM_READ);
        assertEquals(List.of("3:0x400200 from the files"), exports(files.state()), "before the registry is added");

        files.addRegistry(registry);
        waitFor("the registry's connection is listed", () -> !files.state().connections().isEmpty());
        ClusterState state = files.state();
        assertEquals(List.of("2->1:0x400100 asked 0400"), imports(state));
        assertEquals(List.of("1:0x400100 from the registry", "3:0x400200 from the files"), exports(state));
        ClusterState.Segment own = state.segments().stream().filter(s -> s.node() == 1).findFirst().orElseThrow();
        assertEquals(List.of(new AccessEntry(2, 0640)), own.acl());
        assertEquals(4096, own.size());
        assertTrue(own.published());
        // a loaded machine may leave a read without an answer for a while: what holds is that the problem goes
        waitFor("the registry answers", () -> {
            files.state(); // reads it again (problem() starts no read)
            return files.problem() == null;
        });

        joined.remove(importer);
        importer.close();
        waitFor("the connection goes with its importer", () -> files.state().connections().isEmpty());
        assertNotEquals(state.version(), files.state().version(), "the files did not change, the registry did");
        assertTrue(files.state().consistent());
    }

    /**
     * Node 1 keeps files of its own: its process is added from the registry, with its credentials and pid, numbered apart
     * from the files' processes and as the owner of its segment. Node 3's process shares the launch's files, where it is
     * listed: once.
     */
    @Test
    void theProcessesOfNodeJvmsWithFilesOfTheirOwnAreAddedOnce() throws Exception {
        files.process(3, USER);
        join(3, false);
        join(1, true).publish(new PublishedSegment(1, OWN_FILES_SEGMENT, "emu0", 4096, 1000, 1000, 0640, List.of()), MEMORY,
                () -> { });
        files.addRegistry(registry);
        waitFor("the registry's segment is listed", () -> !files.state().segments().isEmpty());
        ClusterState state = files.state();
        long pid = ProcessHandle.current().pid();
        ClusterState.Process sharing = state.processes().getFirst();
        int own = state.segments().getFirst().ownerProcess();
        assertEquals(List.of(new ClusterState.Process(sharing.serial(), 3, USER, pid), new ClusterState.Process(own, 1, USER, pid)),
                state.processes());
        assertTrue(sharing.serial() > 0 && own < 0, sharing.serial() + ", " + own);
    }

    /**
     * While the registry does not answer, the state keeps what its last read found and the cluster says why it may be out
     * of date; nothing that reads the state waits for ZooKeeper.
     */
    @Test
    void aRegistryThatStopsAnsweringLeavesItsLastReadSaysSoAndBlocksNoOne() throws Exception {
        join(1, true).publish(new PublishedSegment(1, OWN_FILES_SEGMENT, "emu0", 4096, 1000, 1000, 0640, List.of()), MEMORY,
                () -> { });
        files.addRegistry(registry);
        waitFor("the registry's segment is listed", () -> !files.state().segments().isEmpty());
        ensemble.close();
        waitFor("the cluster says that the registry does not answer", () -> {
            files.state();
            return files.problem() != null;
        });
        assertTrue(files.problem().contains("the cluster registry at " + registry.connectString()), files.problem());
        assertTrue(files.problem().endsWith("the segments and connections of node JVMs with files of their own are as last read"),
                files.problem());
        assertEquals(List.of("1:0x400100 from the registry"), exports(files.state()));
        long longest = 0;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            files.state();
            files.waits();
            longest = Math.max(longest, System.nanoTime() - start);
        }
        // one that waited for the ensemble would take its seconds
        assertTrue(longest < TimeUnit.SECONDS.toNanos(1), "a read of a cluster whose registry does not answer took "
                + longest / 1_000_000 + " ms");
    }
}
