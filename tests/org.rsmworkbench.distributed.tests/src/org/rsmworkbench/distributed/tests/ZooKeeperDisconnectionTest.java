// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.WAIT_MILLIS;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.expireSession;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.waitFor;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.distributed.internal.ZooKeeperRegistry;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A node process whose connection to ZooKeeper drops (a {@link ZooKeeperLink} between it and the server, cut by the test):
 * a drop shorter than the session timeout loses no watch and no event; a process cut off for longer is dead for the
 * cluster, told so with why, and the others see it dead.
 */
@Timeout(120)
class ZooKeeperDisconnectionTest {
    private static final Credentials USER = new Credentials(1000, 1000, Set.of(), 022, false);
    private static final int SEGMENT = 0x400200;
    /**
     * The session of a process whose link is cut and healed: the client reconnects 1 to 2 s after the cut (a second's
     * delay and a random sleep of up to one), and a loaded machine adds to that; a session of the default 4 s expired
     * before it in a CI run. These tests are about what a disconnection loses, not about the timeout.
     */
    private static final Duration RECONNECTING_SESSION = Duration.ofSeconds(8);
    /** What a request to ZooKeeper about the znode of node 1's segment holds: its path. */
    private static final String SEGMENT_ZNODE = "segments/1-400200";
    private static final MemorySegment MEMORY = Arena.global().allocate(4096, 4096);

    private final ClusterSpec spec = ClusterSpec.fullyConnected(2);
    private EmbeddedZooKeeper server;
    private ZooKeeperLink link;
    private DistributedBackend.LaunchedRegistry cluster;
    private final List<ClusterRegistry> joined = new ArrayList<>();

    @BeforeEach
    void startCluster() throws IOException {
        server = EmbeddedZooKeeper.start();
        link = new ZooKeeperLink(server.connectString());
        cluster = new ZooKeeperBackend().create(server.connectString(), spec, ZooKeeperTests.SESSION_TIMEOUT);
    }

    @AfterEach
    void stopCluster() throws IOException {
        joined.forEach(ClusterRegistry::close);
        if (cluster != null) {
            cluster.close();
        }
        link.close();
        server.close();
    }

    /** Joins {@code node} through the link; {@code dead} gets why, if it is told that it is dead for the cluster. */
    private ZooKeeperRegistry joinThroughTheLink(int node, BlockingQueue<String> dead) throws RsmException {
        return joinThroughTheLink(node, dead, ZooKeeperTests.SESSION_TIMEOUT);
    }

    /** Joins {@code node} through the link with a session of {@code timeout}. */
    private ZooKeeperRegistry joinThroughTheLink(int node, BlockingQueue<String> dead, Duration timeout) throws RsmException {
        String connectString = cluster.connectString().replace(server.connectString(), link.hostPort());
        ZooKeeperRegistry registry = ZooKeeperRegistry.join(connectString, timeout, spec, node, USER, true, dead::add);
        joined.add(registry);
        return registry;
    }

    private ClusterRegistry join(int node) throws RsmException {
        ClusterRegistry registry = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, node, USER, true, _ -> { });
        joined.add(registry);
        return registry;
    }

    private static PublishedSegment segment(int node) {
        return new PublishedSegment(node, SEGMENT, "emu0", 4096, 1000, 1000, 0755, List.of());
    }

    /** Cuts the link, and returns once the process's client sees the connection gone. */
    private void cutUntilDisconnected(ZooKeeperRegistry registry) throws InterruptedException {
        link.cut();
        waitFor("the process's client sees the connection gone", () -> !registry.zooKeeper().getState().isConnected());
    }

    /** Heals the link; returns once the process's client is connected again (failing if its session ended meanwhile). */
    private void healUntilConnected(ZooKeeperRegistry registry, BlockingQueue<String> dead) throws InterruptedException {
        link.heal();
        waitFor("the process's client is connected again, or told it is dead",
                () -> registry.zooKeeper().getState() == ZooKeeper.States.CONNECTED || !dead.isEmpty());
        assertNull(dead.peek(), "the process is told it is dead after a short disconnection");
    }

    /**
     * The connection drops while a process joins, losing the join's first read (the client's connect request went through):
     * the join makes its calls again once the client has reconnected, as when a cut link or a server that goes moves the
     * client to another server (a CI run across hosts saw a join fail with ConnectionLoss).
     */
    @Test
    void aJoinOutlivesAConnectionThatDropsDuringIt() throws Exception {
        link.dropAtRead(ZooKeeperLink.Direction.TO_SERVER, 2);
        assertJoinsThroughTheLink();
    }

    /**
     * The connection drops as the answer to the join's create of its process comes back (the create was made): the join
     * tells it by the process's znode, which is its session's own, found made when it creates it again.
     */
    @Test
    void aJoinWhoseCreateWasMadeButWhoseAnswerWasLostGoesOn() throws Exception {
        link.dropAtRead(ZooKeeperLink.Direction.TO_CLIENT, 3); // after the connect's answer and the node state's
        assertJoinsThroughTheLink();
    }

    /** Joins node 1 through the link, which drops the connection during the join: a process that works, its watch set. */
    private void assertJoinsThroughTheLink() throws Exception {
        BlockingQueue<String> dead = new ArrayBlockingQueue<>(4);
        ZooKeeperRegistry process = joinThroughTheLink(1, dead);
        assertTrue(link.dropped(), "the link dropped the connection during the join");
        process.publish(segment(1), MEMORY, () -> { });
        join(2).connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ);
        cluster.nodeKilled(1);
        assertEquals("the cluster registry says node 1 is down (killed)", dead.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS),
                "the join's watch on its node was set");
    }

    /**
     * The connection drops as the answer to a publish comes back (the segment's znode was made): made again once the client
     * has reconnected, the publish finds its own znode. Before, it failed, and another publish said SEGID_IN_USE.
     */
    @Test
    void aPublishWhoseAnswerWasLostSucceeds() throws Exception {
        ZooKeeperRegistry exporter = joinThroughTheLink(1, new ArrayBlockingQueue<>(4));
        link.dropAnswerTo(SEGMENT_ZNODE);
        exporter.publish(segment(1), MEMORY, () -> { });
        assertTrue(link.dropped(), "the link dropped the publish's answer");
        assertFalse(join(2).connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ).isAborted());
    }

    /**
     * A publish whose answer was lost and whose thread is interrupted while it waits for a server again fails, INTERRUPTED;
     * the znode its first try made goes once the registry answers, so that the id can be published again. Before, it
     * stayed until the process ended: SEGID_IN_USE, and other processes found a segment that nothing exported.
     */
    @Test
    void anInterruptedPublishWhoseAnswerWasLostLeavesNoSegmentBehind() throws Exception {
        ZooKeeperRegistry exporter = joinThroughTheLink(1, new ArrayBlockingQueue<>(4), RECONNECTING_SESSION);
        link.cutAtAnswerTo(SEGMENT_ZNODE);
        BlockingQueue<Object> outcome = new ArrayBlockingQueue<>(1);
        Thread publishing = Thread.ofPlatform().start(() -> {
            try {
                exporter.publish(segment(1), MEMORY, () -> { });
                outcome.add("published");
            } catch (RsmException e) {
                outcome.add(e.error());
            }
        });
        waitFor("the link dropped the publish's answer", link::dropped);
        publishing.interrupt();
        assertEquals(RsmError.INTERRUPTED, outcome.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        link.heal();
        ClusterRegistry importer = join(2);
        waitFor("the segment the failed publish made is gone", () -> {
            try {
                importer.connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ);
                return false;
            } catch (RsmException e) {
                return e.error() == RsmError.SEG_NOT_PUBLISHED;
            }
        });
        exporter.publish(segment(1), MEMORY, () -> { });
        assertFalse(importer.connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ).isAborted(), "published again");
    }

    /**
     * As above, but the program publishes again at once, while the registry is still out of reach: that publish waits until
     * the first try's znode is gone, then makes its own, which stays. Before, it raced the removal: it took the first try's
     * znode for its own (the same record), and the removal then deleted it under the published segment (or, with another
     * record, it failed with SEGID_IN_USE).
     */
    @Test
    void aPublishTriedAgainAtOnceAfterAnInterruptedOneSucceeds() throws Exception {
        ZooKeeperRegistry exporter = joinThroughTheLink(1, new ArrayBlockingQueue<>(4), RECONNECTING_SESSION);
        link.cutAtAnswerTo(SEGMENT_ZNODE);
        BlockingQueue<Object> outcome = new ArrayBlockingQueue<>(2);
        Runnable publish = () -> {
            try {
                exporter.publish(segment(1), MEMORY, () -> { });
                outcome.add("published");
            } catch (RsmException e) {
                outcome.add(e.error());
            }
        };
        Thread first = Thread.ofPlatform().start(publish);
        waitFor("the link dropped the publish's answer", link::dropped);
        first.interrupt();
        assertEquals(RsmError.INTERRUPTED, outcome.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        Thread.ofPlatform().start(publish);
        Thread.sleep(200); // the second publish waits meanwhile
        link.heal();
        assertEquals("published", outcome.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        Thread.sleep(2000); // the removal of the first try's znode, when it came after the publish, has run by now
        assertFalse(join(2).connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ).isAborted(), "still published");
    }

    /**
     * The connection drops as the answer to a republish comes back (the segment's record was written): made again, the
     * republish finds its record written. Before, it failed, and every later republish failed too (its version was stale).
     */
    @Test
    void aRepublishWhoseAnswerWasLostSucceedsAndSoDoLaterOnes() throws Exception {
        ZooKeeperRegistry exporter = joinThroughTheLink(1, new ArrayBlockingQueue<>(4));
        exporter.publish(segment(1), MEMORY, () -> { });
        link.dropAnswerTo(SEGMENT_ZNODE);
        exporter.republish(SEGMENT, List.of(new AccessEntry(2, Rsm.PERM_READ)));
        assertTrue(link.dropped(), "the link dropped the republish's answer");
        exporter.republish(SEGMENT, List.of(new AccessEntry(2, Rsm.PERM_READ | Rsm.PERM_WRITE)));
        assertFalse(join(2).connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_WRITE).isAborted(), "the last ACL is the registry's");
    }

    /**
     * The connection drops as the answer to a connect comes back (the connection's znode was made): made again, the connect
     * finds its znode instead of making a second one, which nothing would have ended before its process did, and which an
     * unpublish would have waited for.
     */
    @Test
    void aConnectWhoseAnswerWasLostMakesOneConnection() throws Exception {
        ZooKeeperRegistry exporter = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER,
                true, _ -> { });
        joined.add(exporter);
        exporter.publish(segment(1), MEMORY, () -> { });
        ZooKeeperRegistry importer = joinThroughTheLink(2, new ArrayBlockingQueue<>(4));
        String prefix = SEGMENT_ZNODE.substring(SEGMENT_ZNODE.lastIndexOf('/') + 1) + "-2-";
        link.dropAnswerTo("connections/" + prefix);
        ClusterRegistry.Connection connection = importer.connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ);
        assertTrue(link.dropped(), "the link dropped the connect's answer");
        assertEquals(1, exporter.zooKeeper().getChildren("/connections", false).stream().filter(c -> c.startsWith(prefix)).count(),
                "one connection in the registry");
        exporter.unpublish(SEGMENT);
        assertTrue(connection.isAborted(), "the connection is the one the unpublish cut off");
    }

    /**
     * An exporter that posts after a connect returned reaches the new importer though ZooKeeper's watch on the connections
     * has not told it yet (held in the link here; across hosts the importer's put that the exporter waits for, say, can
     * come before the watch): the connect marked itself in the exporter's memory, and the post reads the registry again.
     * Before, the post went to the importers it knew, and the importer waited for nothing.
     */
    @Test
    void aPostAfterAConnectReturnedReachesTheNewImporterBeforeTheWatchSaysSo() throws Exception {
        ZooKeeperRegistry exporter = joinThroughTheLink(1, new ArrayBlockingQueue<>(4));
        exporter.publish(segment(1), MEMORY, () -> { });
        exporter.signalImporters(SEGMENT); // none: the exporter keeps that list
        link.hold();
        ClusterRegistry.Connection connection = join(2).connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ);
        CountDownLatch signalled = new CountDownLatch(1);
        connection.onSignal(signalled::countDown);
        Thread post = Thread.ofPlatform().start(() -> {
            try {
                exporter.signalImporters(SEGMENT);
            } catch (RsmException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200); // the post waits for the registry, the watch for the link
        link.release();
        post.join(WAIT_MILLIS);
        assertTrue(signalled.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the new importer was signalled");
    }

    @Test
    void aProcessSurvivesADisconnectionShorterThanTheSessionTimeoutWithItsWatches() throws Exception {
        BlockingQueue<String> dead = new ArrayBlockingQueue<>(4);
        ZooKeeperRegistry exporter = joinThroughTheLink(1, dead, RECONNECTING_SESSION);
        exporter.publish(segment(1), MEMORY, () -> { });
        ClusterRegistry.Connection connection = join(2).connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ);
        exporter.zooKeeper().exists("/", false); // the session was heard from just now: ZooKeeper times it from then
        cutUntilDisconnected(exporter);
        healUntilConnected(exporter, dead); // the client's first attempt to reconnect, within a second, succeeds
        // past the time after which a process without an answer counts itself dead
        assertNull(dead.poll(2 * RECONNECTING_SESSION.toMillis(), TimeUnit.MILLISECONDS), "a process that reconnected in time lives on");
        assertFalse(connection.isAborted(), "its segment is still published");
        cluster.nodeKilled(1);
        String why = dead.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertNotNull(why, "the watch on its node outlived the disconnection: the process is told its node is down");
        assertEquals("the cluster registry says node 1 is down (killed)", why);
    }

    /**
     * The node's state changed as the connection dropped: the watcher's read, which sets its watch again, fails. It is made
     * again at the reconnect, so a later change (the node killed) is still told.
     */
    @Test
    void aWatchWhoseReadFailedForTheDisconnectionIsSetAgainAtTheReconnect() throws Exception {
        BlockingQueue<String> dead = new ArrayBlockingQueue<>(4);
        ZooKeeperRegistry process = joinThroughTheLink(1, dead, RECONNECTING_SESSION);
        process.zooKeeper().exists("/", false); // the session was heard from just now: ZooKeeper times it from then
        link.hold();
        // what ZooKeeper delivers for a change of the node's znode: the watcher reads it again, and the read waits in the link
        process.zooKeeper().getTestable().queueEvent(new WatchedEvent(Watcher.Event.EventType.NodeDataChanged,
                Watcher.Event.KeeperState.SyncConnected, "/nodes/1"));
        Thread.sleep(200);
        cutUntilDisconnected(process); // the read fails with the connection
        healUntilConnected(process, dead);
        assertNull(dead.poll(200, TimeUnit.MILLISECONDS), "the node is up: the process is told nothing");
        cluster.nodeKilled(1);
        assertEquals("the cluster registry says node 1 is down (killed)", dead.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS),
                "the watch was set again at the reconnect");
    }

    /**
     * A process that ends while its connection is down: its clean end (both its znodes deleted) is made once the client has
     * reconnected (within the session timeout), so the launcher takes its end for no expiry (no node taken down, no JVM
     * fenced), and the disconnection does not end it as dead meanwhile.
     */
    @Test
    void aCleanEndDuringADisconnectionIsMadeAtTheReconnectAndNotTakenForAnExpiry() throws Exception {
        List<Integer> expired = new CopyOnWriteArrayList<>();
        cluster.whenProcessExpires((node, _) -> expired.add(node));
        BlockingQueue<String> dead = new ArrayBlockingQueue<>(4);
        ZooKeeperRegistry process = joinThroughTheLink(1, dead, RECONNECTING_SESSION);
        joined.remove(process);
        process.zooKeeper().exists("/", false); // the session was heard from just now: ZooKeeper times it from then
        cutUntilDisconnected(process);
        Thread closing = Thread.ofPlatform().start(process::close);
        Thread.sleep(500); // the close's first try fails with the connection
        link.heal();
        closing.join(WAIT_MILLIS);
        assertFalse(closing.isAlive(), "the close returned");
        // past the session timeout: a session that ended leaving its joined znode would have expired and been reaped by now
        assertNull(dead.poll(2 * RECONNECTING_SESSION.toMillis(), TimeUnit.MILLISECONDS), "a process ending cleanly is not told it is dead");
        assertEquals(List.of(), expired, "the launcher took the clean end for an expiry");
        assertTrue(cluster.isNodeUp(1), "node 1 was taken down");
    }

    /**
     * ZooKeeper tells a client that its session expired only when a server answers it again: a process cut off from the
     * registry for longer than the session timeout counts itself dead, while the ensemble has expired its session and the
     * others see it dead (its segments withdrawn, its node down).
     */
    @Test
    void aProcessCutOffForLongerThanTheSessionTimeoutIsToldItIsDeadAndTheOthersSeeItDead() throws Exception {
        BlockingQueue<String> dead = new ArrayBlockingQueue<>(4);
        ZooKeeperRegistry exporter = joinThroughTheLink(1, dead);
        exporter.publish(segment(1), MEMORY, () -> { });
        ClusterRegistry importer = join(2);
        ClusterRegistry.Connection connection = importer.connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ);
        cutUntilDisconnected(exporter);
        waitFor("the importer is forcibly disconnected once the exporter's session expired", connection::isAborted);
        // the segment's znode goes with the session; the launcher takes the node down when it sees the process's go, a
        // moment later (a connect in between finds the segment unpublished)
        waitFor("the launcher took the node down: a connect is REMOTE_NODE_UNREACHABLE", () -> assertThrows(RsmException.class,
                () -> importer.connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ)).error() == RsmError.REMOTE_NODE_UNREACHABLE);
        String why = dead.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        assertNotNull(why, "the process cut off is told that it is dead for the cluster");
        assertTrue(why.startsWith("no answer from the cluster registry at " + link.hostPort()), why);
    }

    /**
     * A process that joins and whose session expires while the launcher's connection is lost is dead all the same: at the
     * reconnect the launcher takes its node down and hears of it (its joined znode outlives it), as for a process it had
     * seen (before, the reaper knew only the processes it had listed, and this one it never saw).
     */
    @Test
    void aProcessThatJoinedAndExpiredWhileTheLauncherWasDisconnectedIsReapedAtTheReconnect() throws Exception {
        ZooKeeperLink launcherLink = new ZooKeeperLink(server.connectString());
        try (DistributedBackend.LaunchedRegistry launcher = new ZooKeeperBackend().create(launcherLink.hostPort(), spec,
                RECONNECTING_SESSION)) {
            List<Integer> expired = new CopyOnWriteArrayList<>();
            launcher.whenProcessExpires((node, _) -> expired.add(node));
            assertTrue(launcher.isNodeUp(1));
            launcherLink.cut();
            String direct = launcher.connectString().replace(launcherLink.hostPort(), server.connectString());
            BlockingQueue<String> dead = new ArrayBlockingQueue<>(4);
            ZooKeeperRegistry process = ZooKeeperRegistry.join(direct, ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER, true, dead::add);
            joined.add(process);
            expireSession(direct, process.zooKeeper()); // its znode is gone once this returns
            launcherLink.heal(); // within the launcher's session timeout
            assertNotNull(dead.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the process is told its session expired");
            waitFor("the launcher took node 1 down at its reconnect", () -> !nodeUp(launcher, 1));
            waitFor("the launcher heard of the expired process", () -> expired.equals(List.of(1)));
        } finally {
            launcherLink.close();
        }
    }

    /**
     * The answer to the launcher's taking down of a dead process's node is lost with its connection: the look is made again
     * at the reconnect, and the launcher still hears of the process (to fence its JVM), once.
     */
    @Test
    void aReapWhoseAnswerWasLostStillTellsTheLauncher() throws Exception {
        ZooKeeperLink launcherLink = new ZooKeeperLink(server.connectString());
        try (DistributedBackend.LaunchedRegistry launcher = new ZooKeeperBackend().create(launcherLink.hostPort(), spec,
                RECONNECTING_SESSION)) {
            List<Integer> expired = new CopyOnWriteArrayList<>();
            launcher.whenProcessExpires((node, _) -> expired.add(node));
            String direct = launcher.connectString().replace(launcherLink.hostPort(), server.connectString());
            ZooKeeperRegistry process = ZooKeeperRegistry.join(direct, ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER, true, _ -> { });
            joined.add(process);
            launcherLink.dropAnswerTo("nodes/1"); // only the reaper's write of node 1's state asks for it through the link
            expireSession(direct, process.zooKeeper());
            waitFor("the launcher heard of the expired process", () -> !expired.isEmpty());
            waitFor("the launcher took node 1 down", () -> !nodeUp(launcher, 1));
            Thread.sleep(1000); // a second tell would come at once
            assertEquals(List.of(1), expired, "the launcher hears of the process once");
        } finally {
            launcherLink.close();
        }
    }

    /** Whether the launcher's registry says {@code node} is up; true while it cannot be read (the launcher reconnects). */
    private static boolean nodeUp(DistributedBackend.LaunchedRegistry launcher, int node) {
        try {
            return launcher.isNodeUp(node);
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
