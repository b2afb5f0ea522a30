// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.expireSession;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.waitFor;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.distributed.DistributedClusters;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.distributed.internal.ZooKeeperRegistry;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.RemoteSegmentView;
import org.rsmworkbench.emulator.RemoteSegments;
import org.rsmworkbench.emulator.WatchedCluster;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * What the Segment Inspector reads of an attached distributed cluster (a 3-node cluster in an embedded ensemble, whose
 * processes join it here): a published segment read through the observer's own UCX worker, live; a write as a stated node
 * and credentials, allowed or refused as a connect of such a process would be; a segment unpublished or whose exporter died
 * reported as gone. The observer never appears in the registry.
 */
@Timeout(180)
class AttachedSegmentTest {
    private static final int SEGMENT = 0x400100;
    private static final int SIZE = 8192;
    /** The segment's owner (uid 1000, gid 1000). */
    private static final Credentials OWNER = new Credentials(1000, 1000, Set.of(), 022, false);
    /** A member of the owner's group: mode 0640 lets it read only. */
    private static final Credentials GROUP_MEMBER = new Credentials(2000, 1000, Set.of(), 022, false);

    private final ClusterSpec spec = ClusterSpec.fullyConnected(3);
    private final List<ClusterRegistry> joined = new ArrayList<>();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment memory = arena.allocate(SIZE, 4096);
    private EmbeddedZooKeeper ensemble;
    private DistributedBackend.LaunchedRegistry cluster;
    private ZooKeeperRegistry exporter;
    private WatchedCluster attached;

    @BeforeEach
    void start() throws Exception {
        ensemble = EmbeddedZooKeeper.start();
        cluster = new ZooKeeperBackend().create(ensemble.connectString(), spec, ZooKeeperTests.SESSION_TIMEOUT);
        exporter = join(1);
        write(memory, 0, "written by its exporter");
        // node 2 may read and write, node 3 reads (its group members) or writes (its owner)
        exporter.publish(new PublishedSegment(1, SEGMENT, "emu0", SIZE, 1000, 1000, 0640,
                List.of(new AccessEntry(2, 0660), new AccessEntry(3, 0640))), memory, () -> { });
        attached = DistributedClusters.attach(cluster.connectString());
    }

    @AfterEach
    void stop() {
        attached.close();
        joined.forEach(ClusterRegistry::close);
        cluster.close();
        ensemble.close();
        arena.close();
    }

    private ZooKeeperRegistry join(int node) throws RsmException {
        ZooKeeperRegistry registry = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, node, OWNER, true, _ -> { });
        joined.add(registry);
        return registry;
    }

    private RemoteSegmentView view() throws IOException {
        RemoteSegmentView view = ((RemoteSegments) attached).view(1, SEGMENT);
        assertNotNull(view, "the segment is published");
        return view;
    }

    private static void write(MemorySegment memory, long offset, String text) {
        MemorySegment.copy(MemorySegment.ofArray(text.getBytes(StandardCharsets.US_ASCII)), 0, memory, offset, text.length());
    }

    private static String text(MemorySegment memory, long offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The znodes under {@code folder} of the registry, as a process of the cluster sees them. */
    private List<String> registry(String folder) throws Exception {
        return exporter.zooKeeper().getChildren(folder, false);
    }

    @Test
    void readsTheSegmentLiveAndWritesAsAStatedNodeThatTheAclLetsWriteWithoutJoiningTheRegistry() throws Exception {
        ZooKeeperRegistry importer = join(2);
        ClusterRegistry.Connection connection = importer.connect("emu0", false, OWNER, 1, SEGMENT, Rsm.PERM_RDWR);
        List<String> processes = registry("/processes");
        List<String> connections = registry("/connections");
        assertEquals(1, connections.size(), connections.toString());

        try (RemoteSegmentView view = view()) {
            assertEquals(SIZE, view.size());
            view.fetch(0, SIZE);
            assertEquals("written by its exporter", text(view.memory(), 0, 23));

            // a put of node 2 shows at the next read
            String put = "put by node 2";
            connection.dataPath().put(4096, MemorySegment.ofArray(put.getBytes(StandardCharsets.US_ASCII)));
            connection.dataPath().flush();
            assertEquals(" ".repeat(put.length()).replace(' ', '\0'), text(view.memory(), 4096, put.length()), "not read yet");
            view.fetch(4096, 64);
            assertEquals(put, text(view.memory(), 4096, put.length()));

            // the inspector's refresh: the rows in sight read again, a change seen
            SegmentRows rows = new SegmentRows(view, 16);
            rows.setVisibleRows(256, 9);
            rows.fetchVisible();
            rows.refresh();
            assertEquals(put, new String(rows.rows().getFirst().bytes(), 0, put.length(), StandardCharsets.US_ASCII));
            memory.set(ValueLayout.JAVA_BYTE, 4096 + 16, (byte) 0xab);
            for (int refresh = 0; refresh < 3; refresh++) {
                rows.fetchVisible();
                rows.refresh();
                assertEquals((byte) 0xab, rows.rows().get(1).bytes()[0], "refresh " + refresh);
            }

            // a write as node 2, the owner: the exporter's memory has it, node 2 reads it back
            String edit = "edited in the IDE";
            view.checkWrite(2, OWNER);
            view.write(2, OWNER, 100, edit.getBytes(StandardCharsets.US_ASCII));
            assertEquals(edit, text(memory, 100, edit.length()));
            MemorySegment readBack = Arena.ofAuto().allocate(edit.length());
            connection.dataPath().get(100, readBack);
            assertEquals(edit, text(readBack, 0, edit.length()));
            assertEquals(edit, text(view.memory(), 100, edit.length()), "the view's copy has what it wrote");
        }
        assertEquals(processes, registry("/processes"), "the IDE is no process of the cluster");
        assertEquals(connections, registry("/connections"), "the IDE is no importer");
    }

    @Test
    void aWriteTheAclDoesNotAllowIsRefusedWithTheErrorOfTheRuntime() throws Exception {
        ZooKeeperRegistry node3 = join(3);
        RsmException byRuntime = assertThrows(RsmException.class,
                () -> node3.connect("emu0", false, GROUP_MEMBER, 1, SEGMENT, Rsm.PERM_WRITE));
        assertEquals(RsmError.PERM_DENIED, byRuntime.error());
        try (RemoteSegmentView view = view()) {
            RsmException checked = assertThrows(RsmException.class, () -> view.checkWrite(3, GROUP_MEMBER));
            assertEquals(byRuntime.getMessage(), checked.getMessage());
            RsmException written = assertThrows(RsmException.class,
                    () -> view.write(3, GROUP_MEMBER, 0, "denied".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(byRuntime.getMessage(), written.getMessage());
            assertEquals("written by its exporter", text(memory, 0, 23), "nothing was written");

            // the exporter's own node is not in the ACL: refused as its connect would be
            RsmException ownNode = assertThrows(RsmException.class,
                    () -> exporter.connect("emu0", true, OWNER, 1, SEGMENT, Rsm.PERM_WRITE));
            RsmException notInAcl = assertThrows(RsmException.class, () -> view.checkWrite(1, OWNER));
            assertEquals(RsmError.SEG_NOT_PUBLISHED_TO_NODE, notInAcl.error());
            assertEquals(ownNode.getMessage(), notInAcl.getMessage());
        }
    }

    @Test
    void aSegmentUnpublishedOrWhoseExporterDiedIsReportedAsGoneWithWhatWasReadLast() throws Exception {
        ZooKeeperRegistry importer = join(2);
        RemoteSegmentView view = view();
        view.fetch(0, SIZE);
        assertTrue(view.isAlive());

        exporter.unpublish(SEGMENT);
        waitFor("the view sees the segment unpublished", () -> !view.isAlive());
        assertTrue(view.goneReason().contains("unpublished") && view.goneReason().contains(cluster.connectString()),
                view.goneReason());
        IOException read = assertThrows(IOException.class, () -> view.fetch(0, 64));
        assertTrue(read.getMessage().contains("is not published"), read.getMessage());
        RsmException byRuntime = assertThrows(RsmException.class,
                () -> importer.connect("emu0", false, OWNER, 1, SEGMENT, Rsm.PERM_WRITE));
        RsmException written = assertThrows(RsmException.class, () -> view.write(2, OWNER, 0, new byte[1]));
        assertEquals(RsmError.SEG_NOT_PUBLISHED, written.error());
        assertEquals(byRuntime.getMessage(), written.getMessage());
        assertEquals("written by its exporter", text(view.memory(), 0, 23), "what was read last stays");
        assertNull(((RemoteSegments) attached).view(1, SEGMENT), "no view of a segment that is not published");
        view.close();

        exporter.publish(new PublishedSegment(1, SEGMENT, "emu0", SIZE, 1000, 1000, 0640, List.of(new AccessEntry(2, 0660))),
                memory, () -> { });
        waitFor("the segment is published again", () -> {
            try {
                RemoteSegmentView again = ((RemoteSegments) attached).view(1, SEGMENT);
                if (again != null) {
                    again.close();
                }
                return again != null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (RemoteSegmentView again = view()) {
            again.fetch(0, 64);
            assertEquals("written by its exporter", text(again.memory(), 0, 23));
            expireSession(cluster.connectString(), exporter.zooKeeper()); // node 1 dies
            waitFor("the view sees the segment gone with its node", () -> !again.isAlive());
            assertTrue(again.goneReason().startsWith("node 1 went down"), again.goneReason());
            assertFalse(again.isAlive());
        }
    }
}
