// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.LiveClusterRefresher;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.live.BarrierMode;
import org.rsmworkbench.model.live.Connection;
import org.rsmworkbench.model.live.LiveCluster;
import org.rsmworkbench.model.live.LiveNode;
import org.rsmworkbench.model.live.LiveProcess;
import org.rsmworkbench.model.live.Segment;
import org.rsmworkbench.model.live.SegmentState;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmLibrary;

/** Starting the emulator from a saved file and mirroring its live state in the live model. */
class LiveClusterTest {
    @TempDir
    Path dir;

    private static LiveNode node(LiveCluster live, int id) {
        return live.getNodes().stream().filter(n -> n.getId() == id).findFirst().orElseThrow();
    }

    @Test
    void startFromASavedFileAndFollowItsLiveState() throws Exception {
        Cluster design = ClusterShapes.ring(3);
        design.getLinks().get(2).setUp(false); // 3 - 1 starts down
        Path file = dir.resolve("ring.rsmcluster");
        ClusterFiles.save(design, file);

        Cluster loaded = ClusterFiles.load(file);
        LiveCluster live = LiveClusterRefresher.createLiveCluster();
        try (EmulatedCluster cluster = ClusterSpecs.start(loaded);
                LiveClusterRefresher refresher = new LiveClusterRefresher(cluster, live)) {
            assertEquals(ClusterSpecs.toSpec(loaded), cluster.spec());
            assertEquals(-1, live.getVersion());
            assertTrue(refresher.refresh());
            assertEquals("ring-of-3", live.getName());
            assertEquals(List.of(1, 2, 3), live.getNodes().stream().map(LiveNode::getId).toList());
            assertTrue(live.getNodes().stream().allMatch(LiveNode::isUp));
            assertEquals(List.of(true, true, false), live.getLinks().stream().map(l -> l.isUp()).toList(),
                    "the link the design marks down is down");
            assertFalse(refresher.refresh(), "nothing changed: same version, nothing applied");

            LiveNode node1 = node(live, 1), node2 = node(live, 2);
            AtomicInteger notifications = new AtomicInteger();
            live.eAdapters().add(new EContentAdapter() {
                @Override
                public void notifyChanged(Notification n) {
                    super.notifyChanged(n);
                    if (!n.isTouch()) {
                        notifications.incrementAndGet();
                    }
                }
            });

            try (RsmLibrary exporter = cluster.process(1, ClusterSpecs.credentialsOf(loaded.getNodes().get(0)));
                    RsmLibrary importer = cluster.process(2, ClusterSpecs.credentialsOf(loaded.getNodes().get(1)))) {
                RsmController c1 = exporter.getController("emu0");
                MemorySegment memory = exporter.allocate(8192);
                ExportSegment export = c1.createExportSegment(memory, 0);
                assertTrue(refresher.refresh());
                Segment bound = node1.getSegments().get(0);
                assertEquals(SegmentState.BOUND, bound.getState());
                LiveProcess owner = bound.getOwner();
                assertNotNull(owner);
                assertSame(owner, node1.getProcesses().get(0));
                assertEquals(1000, owner.getCredentials().getUid());

                int id = export.publish(0x400010, List.of(new AccessEntry(2, 0640), new AccessEntry(3, 0400)));
                RsmController c2 = importer.getController("emu0");
                ImportSegment imported = c2.connect(1, id, Rsm.PERM_READ);
                imported.setMode(org.rsmworkbench.rsmapi.BarrierMode.EXPLICIT);
                imported.map(Rsm.MAP_NONE, Rsm.PERM_READ, 0, 8192);
                assertTrue(refresher.refresh());

                assertSame(node1, node(live, 1), "nodes keep their identity");
                assertSame(node2, node(live, 2));
                Segment published = node1.getSegments().get(0);
                assertSame(bound, published, "a segment keeps its object when published");
                assertEquals(SegmentState.PUBLISHED, published.getState());
                assertEquals(0x400010, published.getSegmentId());
                assertEquals(8192, published.getSize());
                assertEquals("emu0", published.getController());
                assertEquals(1, published.getOwnerNode());
                assertEquals(2, published.getAcl().size());
                assertEquals(0640, published.getAcl().get(0).getPermission());
                assertEquals(1000, published.getCreatorUid());
                assertEquals(0755, published.getMode());

                Connection connection = node2.getConnections().get(0);
                assertEquals(1, connection.getExporterNode());
                assertSame(published, connection.getSegment());
                assertSame(node2.getProcesses().get(0), connection.getImporter());
                assertEquals(Rsm.PERM_READ, connection.getPermission());
                assertEquals(0440, connection.getGranted() & 0440);
                assertTrue(connection.isMapped());
                assertEquals(BarrierMode.EXPLICIT, connection.getBarrierMode());

                int before = notifications.get();
                cluster.killNode(3);
                assertTrue(refresher.refresh());
                assertFalse(node(live, 3).isUp());
                assertSame(connection, node2.getConnections().get(0), "untouched objects stay");
                assertSame(published, node1.getSegments().get(0));
                assertTrue(notifications.get() - before <= 3, "killing an idle node changes little: " + (notifications.get() - before));

                imported.unmap();
                imported.disconnect();
                export.unpublish();
                export.destroy();
            }
            assertTrue(refresher.refresh());
            assertTrue(node1.getSegments().isEmpty());
            assertTrue(node1.getProcesses().isEmpty());
            assertTrue(node2.getConnections().isEmpty());
        }
    }

    @Test
    void backgroundRefreshAppliesThroughTheExecutor() throws Exception {
        try (EmulatedCluster cluster = ClusterSpecs.start(ClusterShapes.fullyConnected(2))) {
            LiveCluster live = LiveClusterRefresher.createLiveCluster();
            ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
            try (LiveClusterRefresher refresher = new LiveClusterRefresher(cluster, live)) {
                refresher.start(Duration.ofMillis(10), uiQueue::add);
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (uiQueue.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertTrue(live.getNodes().isEmpty(), "nothing applied outside the model's thread");
                uiQueue.poll().run();
                assertEquals(2, live.getNodes().size());
                Thread.sleep(100);
                assertTrue(uiQueue.isEmpty(), "an unchanged cluster is not applied again");
                cluster.killNode(2);
                deadline = System.nanoTime() + 5_000_000_000L;
                while (uiQueue.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                uiQueue.poll().run();
                assertFalse(node(live, 2).isUp());
            }
        }
    }

    @Test
    void appliesOnlyNewVersions() {
        ClusterState v1 = new ClusterState("c", 1, List.of(new ClusterState.Node(1, "a", true)), List.of(), List.of(),
                List.of(), List.of());
        ClusterState v1b = new ClusterState("c", 1, List.of(new ClusterState.Node(1, "a", false)), List.of(), List.of(),
                List.of(), List.of());
        ClusterState[] current = { v1 };
        LiveCluster live = LiveClusterRefresher.createLiveCluster();
        try (LiveClusterRefresher refresher = new LiveClusterRefresher(() -> current[0], live)) {
            assertTrue(refresher.refresh());
            current[0] = v1b;
            assertFalse(refresher.refresh(), "same version: skipped");
            assertTrue(live.getNodes().get(0).isUp());
            current[0] = new ClusterState("c", 2, List.of(new ClusterState.Node(1, "a", false)), List.of(), List.of(), List.of(),
                    List.of());
            LiveNode node = live.getNodes().get(0);
            assertTrue(refresher.refresh());
            assertSame(node, live.getNodes().get(0));
            assertFalse(node.isUp());
        }
    }
}
