// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.expireSession;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.waitFor;

import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.clusters.ClusterPoller;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.ClusterTree.ClusterItem;
import org.rsmworkbench.core.clusters.ClusterTree.ExportItem;
import org.rsmworkbench.core.clusters.ClusterTree.GroupItem;
import org.rsmworkbench.core.clusters.ClusterTree.ImportItem;
import org.rsmworkbench.core.clusters.ClusterTree.Item;
import org.rsmworkbench.core.clusters.ClusterTree.NodeItem;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.ToldDeadlocks;
import org.rsmworkbench.core.inspect.PermissionMatrix;
import org.rsmworkbench.core.topology.TopologyLayout;
import org.rsmworkbench.distributed.DistributedClusters;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.distributed.internal.RegistryFormat;
import org.rsmworkbench.distributed.internal.RegistrySecrets;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.distributed.internal.ZooKeeperRegistry;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The IDE attached to a distributed cluster by its registry's connect string (a 3-node cluster in an embedded ensemble,
 * whose processes join it here): what the Clusters, Permissions and Topology views read, live, and what it shows when
 * ZooKeeper stops answering or the cluster ends.
 */
@Timeout(180)
class AttachedClusterTest {
    private static final Credentials USER = new Credentials(1000, 1000, java.util.Set.of(), 022, false);
    private static final Credentials OWNER = new Credentials(1001, 100, java.util.Set.of(20), 027, false);
    private static final Credentials GROUP_MEMBER = new Credentials(1002, 100, java.util.Set.of(), 022, true);
    private static final int SEGMENT = 0x400100;
    private static final MemorySegment MEMORY = Arena.global().allocate(4096, 4096);

    private final ClusterSpec spec = ClusterSpec.fullyConnected(3);
    private final RunningClusters ide = new RunningClusters();
    private final ClusterPoller poller = new ClusterPoller(ide);
    private final List<ClusterRegistry> joined = new ArrayList<>();
    private EmbeddedZooKeeper ensemble;
    private DistributedBackend.LaunchedRegistry cluster;

    @BeforeEach
    void startCluster() throws IOException {
        ensemble = EmbeddedZooKeeper.start();
        cluster = new ZooKeeperBackend().create(ensemble.connectString(), spec, ZooKeeperTests.SESSION_TIMEOUT);
    }

    @AfterEach
    void stopCluster() {
        ide.removeAll();
        joined.forEach(ClusterRegistry::close);
        cluster.close();
        ensemble.close();
    }

    private ZooKeeperRegistry join(int node) throws RsmException {
        return join(node, USER);
    }

    private ZooKeeperRegistry join(int node, Credentials credentials) throws RsmException {
        ZooKeeperRegistry registry = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, node,
                credentials, true, _ -> { });
        joined.add(registry);
        return registry;
    }

    private RunningCluster attach() throws IOException {
        return ide.attach(DistributedClusters.attach(cluster.connectString()));
    }

    /** The tree of the attached cluster as the Clusters view builds it from the latest poll. */
    private ClusterItem tree(RunningCluster entry) {
        ClusterPoller.Update update = poller.poll();
        return ClusterTree.build(entry, update.states().get(entry), ClusterPoller.Waits.NONE, update.problem(entry));
    }

    /** The same, each waiting process with its wait, as the Clusters view shows them. */
    private ClusterItem treeWithWaits(RunningCluster entry) {
        ClusterPoller.Update update = poller.poll();
        return ClusterTree.build(entry, update.states().get(entry), update.waits().get(entry), update.problem(entry));
    }

    private static List<Item> group(ClusterItem tree, int node, String name) {
        NodeItem nodeItem = (NodeItem) tree.children().get(node - 1);
        return nodeItem.children().stream().filter(g -> ((GroupItem) g).name().equals(name)).findFirst().orElseThrow().children();
    }

    /** The IDE of another build than the launcher's is not let misread the registry: it says why it does not attach. */
    @Test
    void aRegistryOfAnotherLayoutIsNotAttachedToAndTheMessageSaysWhy() throws Exception {
        ZooKeeper member = ZooKeeperTests.client(cluster.connectString(), _ -> { });
        try {
            member.setData("/format", "rsm-workbench registry layout 99".getBytes(StandardCharsets.UTF_8), -1);
        } finally {
            member.close();
        }
        IOException e = assertThrows(IOException.class, this::attach);
        assertEquals("cannot attach to the cluster at " + cluster.connectString() + ": the registry was made by another build of"
                + " RSM Workbench (\"rsm-workbench registry layout 99\") and this JVM's build reads " + RegistryFormat.LAYOUT
                + ": run one build of RSM Workbench in the launcher, on every host and in the IDE", e.getMessage());
        assertTrue(ide.clusters().isEmpty(), "nothing attached");
    }

    @Test
    void theViewsShowNodesSegmentsWithTheirAclsConnectionsAndLinksFromTheRegistry() throws Exception {
        ZooKeeperRegistry exporter = join(1);
        ZooKeeperRegistry importer = join(2);
        exporter.publish(new PublishedSegment(1, SEGMENT, "emu0", 4096, 1000, 1000, 0640, List.of(new AccessEntry(2, 0640))),
                MEMORY, () -> { });
        importer.connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_READ);

        RunningCluster entry = attach();
        assertEquals(cluster.connectString(), entry.location());
        assertEquals(spec, entry.watched().spec(), "the spec comes from the registry");
        assertTrue(entry.local().isEmpty());
        assertSame(entry, ide.attach(DistributedClusters.attach(cluster.connectString())), "attaching twice gives the same entry");

        ClusterItem tree = tree(entry);
        assertTrue(tree.label().contains("[attached] 3/3 nodes up, 1 segments, 1 connections"), tree.label());
        ExportItem export = (ExportItem) group(tree, 1, "Exports").getFirst();
        assertTrue(export.label().startsWith("segment 0x400100, 4 KiB, published, ACL 1 node: 2:0640, 1 importer"), export.label());
        ImportItem imported = (ImportItem) group(tree, 2, "Imports").getFirst();
        assertTrue(imported.label().startsWith("node 1 segment 0x400100: asked r, granted r"), imported.label());

        // the Permissions view: node 2 gets 0640, so a group member may read, not write; node 3 is not in the ACL
        PermissionMatrix permissions = PermissionMatrix.of(entry.watched().state(), export.segment());
        assertTrue(permissions.cell(2, PermissionMatrix.Relation.GROUP, PermissionMatrix.Access.READ).allowed());
        assertFalse(permissions.cell(2, PermissionMatrix.Relation.GROUP, PermissionMatrix.Access.WRITE).allowed());
        assertFalse(permissions.cell(3, PermissionMatrix.Relation.OWNER, PermissionMatrix.Access.READ).allowed());

        // the Topology view: 3 nodes up, 3 links up
        TopologyLayout layout = TopologyLayout.compute(entry.watched().spec(), entry.watched().state(), 800, 600);
        assertEquals(3, layout.nodes().stream().filter(TopologyLayout.NodeShape::up).count());
        assertEquals(3, layout.links().stream().filter(TopologyLayout.LinkShape::up).count());

        // live: a republish, then node 1 dying (its session expires: the registry takes it down)
        exporter.republish(SEGMENT, List.of(new AccessEntry(3, 0666)));
        waitFor("the new ACL is seen", () -> group(tree(entry), 1, "Exports").getFirst().label().contains("ACL 1 node: 3:0666"));
        expireSession(cluster.connectString(), exporter.zooKeeper());
        waitFor("node 1 is seen down without its segment, node 2's connection to it aborted", () -> {
            ClusterItem now = tree(entry);
            return now.label().contains("2/3 nodes up, 0 segments, 1 connections") && ((NodeItem) now.children().getFirst()).down()
                    && group(now, 2, "Imports").getFirst().label().contains("ABORTED (forced disconnect)");
        });
        joined.remove(importer);
        importer.close();
        waitFor("the importer's connection goes when it ends", () -> tree(entry).label().contains("0 connections"));

        // detach: the cluster keeps running, only the IDE stops watching
        assertTrue(ide.remove(entry));
        assertTrue(ide.clusters().isEmpty());
        join(2);
        RunningCluster again = attach();
        assertTrue(tree(again).label().contains("2/3 nodes up"), "attached again");
    }

    /**
     * Each node's processes are listed from the registry with their credentials and pid (those of this JVM, where they
     * run), each numbered as the owner of its segments, the importer of its connections and the process of its wait (which
     * the view shows under it); a process that ends is no longer listed, and the others keep their numbers.
     */
    @Test
    void theViewsListEachProcessWithItsCredentialsAndPidUntilItEnds() throws Exception {
        ZooKeeperRegistry exporter = join(1, OWNER);
        ZooKeeperRegistry importer = join(2, GROUP_MEMBER);
        exporter.publish(new PublishedSegment(1, SEGMENT, "emu0", 4096, 1001, 100, 0640, List.of(new AccessEntry(2, 0640))),
                MEMORY, () -> { });
        importer.connect("emu0", false, GROUP_MEMBER, 1, SEGMENT, Rsm.PERM_READ);
        importer.publishWait(blockedOn(2, 54));
        RunningCluster entry = attach();
        waitFor("the importer's wait is read", () -> !poller.poll().waits().get(entry).waits().waits().isEmpty());

        ClusterItem tree = treeWithWaits(entry);
        ClusterState state = tree.state();
        long pid = ProcessHandle.current().pid();
        int exporting = state.segments().getFirst().ownerProcess(), importing = state.connections().getFirst().importerProcess();
        assertEquals(List.of(new ClusterState.Process(exporting, 1, OWNER, pid), new ClusterState.Process(importing, 2, GROUP_MEMBER,
                pid)), state.processes());
        assertTrue(exporting < 0 && importing < 0 && exporting != importing, exporting + ", " + importing);
        List<Item> processes = group(tree, 2, "Processes");
        assertEquals(List.of("process #" + importing + " pid " + pid + ": uid=1002 gid=100 umask=022 privileged"),
                processes.stream().map(Item::label).toList());
        List<String> waits = processes.getFirst().children().stream().map(Item::label).toList();
        assertTrue(waits.size() == 1 && waits.getFirst().startsWith("waits in signalWait on 1:0x400100 at Pair.java:54"),
                "the wait under its process: " + waits);
        assertEquals(List.of("process #" + exporting + " pid " + pid + ": uid=1001 gid=100 groups=[20] umask=027"),
                group(tree, 1, "Processes").stream().map(Item::label).toList());
        assertTrue(group(tree, 3, "Processes").isEmpty());

        joined.remove(importer);
        importer.close();
        waitFor("the ended process is no longer listed", () -> group(tree(entry), 2, "Processes").isEmpty());
        assertEquals(List.of(new ClusterState.Process(exporting, 1, OWNER, pid)), entry.watched().state().processes());
    }

    /**
     * A process whose record was written before processes recorded their credentials is not listed, and breaks nothing:
     * the other processes and its segment are listed.
     */
    @Test
    void aProcessRecordWithoutCredentialsIsNotListedAndTheRestIs() throws Exception {
        ZooKeeperRegistry older = join(1, OWNER);
        join(2, GROUP_MEMBER);
        older.publish(new PublishedSegment(1, SEGMENT, "emu0", 4096, 1001, 100, 0640, List.of()), MEMORY, () -> { });
        ZooKeeper session = older.zooKeeper();
        session.setData("/processes/1-" + Long.toHexString(session.getSessionId()),
                ("pid=" + ProcessHandle.current().pid() + "\nnode-version=0\nfiles=own\n").getBytes(StandardCharsets.UTF_8), -1);

        ClusterItem tree = tree(attach());
        assertNull(tree.problem());
        assertEquals(List.of(2), tree.state().processes().stream().map(ClusterState.Process::node).toList());
        assertTrue(group(tree, 1, "Processes").isEmpty());
        assertEquals(1, group(tree, 1, "Exports").size(), "its segment is listed");
    }

    /** Node 1's process exporting the segment and node 2's connected to it: each can end the other's signal wait. */
    private record Pair(ZooKeeperRegistry exporter, ZooKeeperRegistry importer) {
        /** Each publishes a wait blocked on the segment: a deadlock, once it lasts. */
        void deadlock() {
            exporter.publishWait(blockedOn(1, 52));
            importer.publishWait(blockedOn(2, 54));
        }
    }

    private Pair connectedPair() throws RsmException {
        ZooKeeperRegistry exporter = join(1);
        ZooKeeperRegistry importer = join(2);
        exporter.publish(new PublishedSegment(1, SEGMENT, "emu0", 4096, 1000, 1000, 0666, List.of()), MEMORY, () -> { });
        importer.connect("emu0", false, USER, 1, SEGMENT, Rsm.PERM_RDWR);
        return new Pair(exporter, importer);
    }

    private static ClusterWaits.Wait blockedOn(int node, int line) {
        return new ClusterWaits.Wait(1, node, 1, ClusterWaits.Call.SIGNAL_WAIT, List.of(new ClusterWaits.SegmentName(1, SEGMENT)),
                false, new CallSite("org.acme.Pair", "main", "Pair.java", line), ClusterWaits.Verdict.BLOCKED, 0, List.of());
    }

    /** The waits that processes with files of their own publish reach the IDE attached: it finds their deadlock once it lasted. */
    @Test
    void theDeadlockOfProcessesThatPublishTheirWaitsIsFound() throws Exception {
        Pair pair = connectedPair();
        RunningCluster entry = attach();
        pair.deadlock();
        waitFor("the deadlock lasted and is found", () -> !poller.poll().waits().get(entry).deadlocks().isEmpty());
        assertEquals(List.of("  node 1 waits in signalWait on 1:0x400100 at Pair.java:52 (woken only by node 2)",
                "  node 2 waits in signalWait on 1:0x400100 at Pair.java:54 (woken only by node 1)"),
                poller.poll().waits().get(entry).deadlocks().getFirst().lines());
        pair.importer().publishWait(null);
        waitFor("the deadlock is gone with the importer's wait", () -> poller.poll().waits().get(entry).deadlocks().isEmpty());
    }

    /**
     * A registry that does not answer for a while (the IDE's link to ZooKeeper cut, the node processes' not) ends no
     * deadlock: the polls keep it while its waits cannot be read, and it is told once.
     */
    @Test
    void aDeadlockLastsThroughAHiccupOfTheRegistryAndIsToldOnce() throws Exception {
        Pair pair = connectedPair();
        try (ZooKeeperLink link = new ZooKeeperLink(ensemble.connectString())) {
            RunningCluster entry = ide.attach(DistributedClusters.attach(
                    cluster.connectString().replace(ensemble.connectString(), link.hostPort())));
            pair.deadlock();
            ToldDeadlocks told = new ToldDeadlocks();
            List<Deadlock> toldNow = new ArrayList<>();
            waitFor("the deadlock lasted and is found", () -> !tell(entry, told, toldNow).deadlocks().isEmpty());
            List<Deadlock> deadlock = List.copyOf(toldNow);
            link.cut();
            waitFor("the waits not read", () -> !tell(entry, told, toldNow).waits().complete());
            assertEquals(deadlock, tell(entry, told, toldNow).deadlocks(), "not read is not ended");
            link.heal();
            waitFor("the waits read again", () -> tell(entry, told, toldNow).waits().complete());
            assertEquals(deadlock.getFirst().key(), tell(entry, told, toldNow).deadlocks().getFirst().key(), "the same deadlock");
            assertEquals(deadlock, toldNow, "told once");
        }
    }

    /** Polls, and adds to {@code toldNow} the deadlocks of {@code entry} that {@code told} has not told yet. */
    private ClusterPoller.Waits tell(RunningCluster entry, ToldDeadlocks told, List<Deadlock> toldNow) {
        ClusterPoller.Waits waits = poller.poll().waits().get(entry);
        toldNow.addAll(told.untold(waits.deadlocks()));
        return waits;
    }

    @Test
    void aRegistryThatStopsAnsweringIsShownAsSuchWithItsLastStateAndWithoutBlocking() throws Exception {
        join(1);
        RunningCluster entry = attach();
        assertNull(tree(entry).problem());
        ensemble.close();
        waitFor("the cluster is shown as not answering", () -> tree(entry).stale());
        ClusterItem stale = tree(entry);
        assertTrue(stale.label().contains("NOT ANSWERING: the cluster registry at " + cluster.connectString() + " does not answer"),
                stale.label());
        assertTrue(stale.label().contains("last read: 3/3 nodes up"), stale.label());
        assertSame(entry, ide.find(cluster.connectString()), "unreachable is not ended: the cluster stays");
        // a view reads on the UI thread: what it asks must not wait for the unreachable ensemble
        long longest = 0;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            poller.poll();
            entry.watched().state();
            longest = Math.max(longest, System.nanoTime() - start);
        }
        // one that waited for the ensemble would take its seconds
        assertTrue(longest < TimeUnit.SECONDS.toNanos(1), "a poll of an unreachable registry took " + longest / 1_000_000 + " ms");
    }

    @Test
    void aClusterWhoseLaunchEndedIsRemoved() throws Exception {
        attach();
        cluster.close(); // the launch ends: its registry is removed
        waitFor("the ended cluster is removed from the IDE's clusters", () -> {
            poller.poll();
            return ide.clusters().isEmpty();
        });
    }

    @Test
    void attachingSaysWhatIsWrongWithTheConnectString() throws Exception {
        for (String malformed : List.of("", "   ", "127.0.0.1:port/rsm-workbench/x", ":2181/rsm-workbench/x")) {
            IOException e = assertThrows(IOException.class, () -> DistributedClusters.attach(malformed), malformed);
            assertTrue(e.getMessage().contains("a connect string looks like"), e.getMessage());
        }
        String ensembleOnly = ensemble.connectString();
        IOException noPath = assertThrows(IOException.class, () -> DistributedClusters.attach(ensembleOnly));
        assertTrue(noPath.getMessage().contains("the path of its registry is missing"), noPath.getMessage());
        assertTrue(noPath.getMessage().contains(cluster.connectString()), "names the clusters there: " + noPath.getMessage());

        String wrongPath = ensemble.connectString() + ZooKeeperBackend.ROOT + "/no-such-cluster";
        IOException noCluster = assertThrows(IOException.class, () -> DistributedClusters.attach(wrongPath));
        assertTrue(noCluster.getMessage().contains("holds no cluster at " + ZooKeeperBackend.ROOT + "/no-such-cluster"),
                noCluster.getMessage());
        assertTrue(noCluster.getMessage().contains(cluster.connectString()), noCluster.getMessage());
    }

    /**
     * A cluster whose secret this process does not have (launched by another user, or on another machine): attaching is
     * refused by ZooKeeper, and the message says why and where the launch keeps the secret for its user.
     */
    @Test
    void attachingWithoutTheClustersSecretSaysWhereTheSecretIs() throws Exception {
        String foreign = ZooKeeperBackend.ROOT + "/cluster-of-3-of-another-launch";
        ZooKeeper otherLauncher = new ZooKeeper(ensemble.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
        try {
            otherLauncher.addAuthInfo("digest", "rsm:another-secret".getBytes(StandardCharsets.UTF_8));
            otherLauncher.create(foreign, new byte[0], ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.EPHEMERAL);
            IOException e = assertThrows(IOException.class, () -> DistributedClusters.attach(ensemble.connectString() + foreign));
            assertTrue(e.getMessage().contains("may be read only with the secret of its launch"), e.getMessage());
            assertTrue(e.getMessage().contains("rsm-workbench/registry-secrets/") && e.getMessage().contains("RSM_ZOOKEEPER_SECRET"),
                    e.getMessage());
        } finally {
            otherLauncher.close();
        }
    }

    @Test
    void aRegistryThatAnotherUserMadeOpenIsNotAttached() throws Exception {
        // a lookalike of a cluster's registry, with a valid spec, that anyone may change: what it says cannot be trusted
        String lookalike = ZooKeeperBackend.ROOT + "/cluster-of-3-lookalike";
        ZooKeeper otherUser = new ZooKeeper(ensemble.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
        try {
            byte[] realSpec;
            ZooKeeper launcher = new ZooKeeper(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
            try {
                RegistrySecrets.authenticate(launcher, RegistrySecrets.of(cluster.connectString()));
                realSpec = launcher.getData("/", false, null);
            } finally {
                launcher.close();
            }
            otherUser.create(lookalike, realSpec, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            IOException e = assertThrows(IOException.class, () -> DistributedClusters.attach(ensemble.connectString() + lookalike));
            assertTrue(e.getMessage().contains("is not a registry that a launch made with this user's secret"), e.getMessage());
        } finally {
            otherUser.close();
        }
    }

    /**
     * A registry at the path of a cluster whose secret this process has, whose root's ACL lets in more than that secret
     * (anyone may read it, or another secret may change it): not attached, whoever changed it.
     */
    @Test
    void aRegistryWhoseRootLetsInMoreThanItsSecretIsNotAttached() throws Exception {
        ZooKeeper member = ZooKeeperTests.client(cluster.connectString(), _ -> { });
        try {
            DistributedClusters.attach(cluster.connectString()).close(); // as the launch made it
            for (ACL more : List.of(new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE),
                    new ACL(ZooDefs.Perms.ALL, new Id("digest", "mallory:bWFsbG9yeS1kaWdlc3Q=")))) {
                // not List.of: ZooKeeper asks the list whether it contains null
                member.setACL("/", Arrays.asList(new ACL(ZooDefs.Perms.ALL, ZooDefs.Ids.AUTH_IDS), more), -1);
                IOException e = assertThrows(IOException.class, () -> DistributedClusters.attach(cluster.connectString()),
                        more.toString());
                assertTrue(e.getMessage().contains("is not a registry that a launch made with this user's secret"), e.getMessage());
            }
        } finally {
            member.close();
        }
    }

    /**
     * On a server that authenticates its clients (SASL, x509), the session that makes a registry holds that identity
     * besides its secret's digest, and CREATOR_ALL_ACL gives all rights to each: such a registry is the launch's.
     */
    @Test
    void aRootWhoseAclAlsoNamesTheLaunchingSessionsSaslOrX509IdentityIsTheLaunchs() throws Exception {
        List<ACL> made;
        ZooKeeper member = ZooKeeperTests.client(cluster.connectString(), _ -> { });
        try {
            made = member.getACL("/", null);
        } finally {
            member.close();
        }
        assertTrue(RegistrySecrets.madeWith(made, cluster.secret()), made.toString());
        assertFalse(RegistrySecrets.madeWith(made, "another-secret"));
        for (Id sessionIdentity : List.of(new Id("sasl", "alice@EXAMPLE.ORG"), new Id("x509", "CN=alice,O=example"))) {
            List<ACL> alsoThatIdentity = new ArrayList<>(made);
            alsoThatIdentity.add(new ACL(ZooDefs.Perms.ALL, sessionIdentity));
            assertTrue(RegistrySecrets.madeWith(alsoThatIdentity, cluster.secret()), alsoThatIdentity.toString());
        }
    }

    /**
     * A user who set RSM_ZOOKEEPER_SECRET (to attach another user's cluster) still attaches the clusters they launched,
     * whose secret is in the file the launch keeps; the variable opens the other user's registry, and where neither
     * opens a registry, the refusal says that the variable's secret was used. (The IDE in a JVM of its own: the
     * variable is the environment's.)
     */
    @Test
    void theSecretVariableDoesNotHideTheFileOfTheSecretOfAClusterThisUserLaunched() throws Exception {
        String variableSecret = "the-secret-of-another-users-cluster";
        String othersCluster = ZooKeeperBackend.ROOT + "/cluster-of-3-of-another-user";
        String thirdCluster = ZooKeeperBackend.ROOT + "/cluster-of-3-of-a-third-user";
        ZooKeeper otherUser = new ZooKeeper(ensemble.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
        ZooKeeper thirdUser = new ZooKeeper(ensemble.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
        try {
            RegistrySecrets.authenticate(otherUser, variableSecret);
            otherUser.create(othersCluster, new byte[0], ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.EPHEMERAL);
            RegistrySecrets.authenticate(thirdUser, "a-third-secret");
            thirdUser.create(thirdCluster, new byte[0], ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.EPHEMERAL);
            List<String> attached = attachInAnotherJvm(Map.of(DistributedBackend.SECRET_VARIABLE, variableSecret),
                    cluster.connectString(), ensemble.connectString() + othersCluster, ensemble.connectString() + thirdCluster);
            assertEquals(3, attached.size(), attached.toString());
            assertEquals("attached", attached.get(0), "the cluster this user launched");
            assertTrue(attached.get(1).contains("is not the registry of an RSM cluster"), "opened with the variable's secret: "
                    + attached.get(1));
            assertTrue(attached.get(2).contains("may be read only with the secret of its launch") && attached.get(2).contains(
                    "the secret it used, from the environment variable " + DistributedBackend.SECRET_VARIABLE), attached.get(2));
        } finally {
            otherUser.close();
            thirdUser.close();
        }
    }

    /** What {@link AttachProbe} prints attaching to {@code connectStrings} in a JVM whose environment also has {@code variables}. */
    private static List<String> attachInAnotherJvm(Map<String, String> variables, String... connectStrings) throws Exception {
        List<String> classPath = Stream.of(ClassPathEntries.runtime(), ZooKeeperBackend.nodeClassPath(),
                List.of(ClassPathEntries.of(AttachProbe.class))).flatMap(List::stream).map(Path::toString).toList();
        List<String> command = new ArrayList<>(List.of(NodeCommandBuilder.currentJava().toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", String.join(File.pathSeparator, classPath), AttachProbe.class.getName()));
        command.addAll(List.of(connectStrings));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(variables);
        Process probe = builder.start();
        try {
            probe.getOutputStream().close();
            List<String> lines = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertTrue(probe.waitFor(ZooKeeperTests.WAIT_MILLIS, TimeUnit.MILLISECONDS), "the probe ends");
            assertEquals(0, probe.exitValue(), lines.toString());
            return lines;
        } finally {
            probe.destroyForcibly();
        }
    }

    /**
     * A root of registries whose ACL lets anyone change it (an older launcher made it open): a launch says so, and gives
     * it the ACL of a launch when that ACL lets it (then nobody may change it any more), else says what to do.
     */
    @Test
    void aLaunchWhereTheRootOfRegistriesIsOpenSaysSoAndClosesItWhenItMay() throws Exception {
        int anyoneButAdmin = ZooDefs.Perms.ALL & ~ZooDefs.Perms.ADMIN;
        assertEquals("this launch gave it the ACL world:anyone:cdr", rootLeftOpen(ZooDefs.Ids.OPEN_ACL_UNSAFE, true));
        assertEquals("this launch could not change that",
                rootLeftOpen(Arrays.asList(new ACL(anyoneButAdmin, ZooDefs.Ids.ANYONE_ID_UNSAFE)), false));
    }

    /**
     * Launches into an ensemble whose {@link ZooKeeperBackend#ROOT} another user made with {@code acl}; checks that the
     * launch warned once that it was open, and whether that user may still change its ACL; returns what the warning
     * says the launch did.
     */
    private String rootLeftOpen(List<ACL> acl, boolean closed) throws Exception {
        try (EmbeddedZooKeeper other = EmbeddedZooKeeper.start()) {
            ZooKeeper olderLauncher = new ZooKeeper(other.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
            DistributedBackend.LaunchedRegistry launched = null;
            try {
                olderLauncher.create(ZooKeeperBackend.ROOT, new byte[0], acl, CreateMode.PERSISTENT);
                launched = new ZooKeeperBackend().create(other.connectString(), spec, ZooKeeperTests.SESSION_TIMEOUT);
                assertEquals(1, launched.warnings().size(), launched.warnings().toString());
                String warning = launched.warnings().getFirst();
                assertTrue(warning.startsWith(ZooKeeperBackend.ROOT + " in ZooKeeper was found open: its ACL ("
                        + ZKUtil.aclToString(acl)), warning);
                if (closed) {
                    assertThrows(KeeperException.NoAuthException.class,
                            () -> olderLauncher.setACL(ZooKeeperBackend.ROOT, ZooDefs.Ids.OPEN_ACL_UNSAFE, -1));
                    assertThrows(KeeperException.NoAuthException.class,
                            () -> olderLauncher.setData(ZooKeeperBackend.ROOT, new byte[1], -1));
                }
                Matcher did = Pattern.compile("; (this launch [^(]*) \\(").matcher(warning);
                assertTrue(did.find(), warning);
                return did.group(1);
            } finally {
                if (launched != null) {
                    launched.close();
                }
                olderLauncher.close();
            }
        }
    }

    @Test
    void aLaunchWhereAnotherUserClosedTheRootOfRegistriesSaysWhatToDo() throws Exception {
        try (EmbeddedZooKeeper other = EmbeddedZooKeeper.start()) {
            ZooKeeper otherUser = new ZooKeeper(other.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
            try {
                otherUser.addAuthInfo("digest", "mallory:pw".getBytes(StandardCharsets.UTF_8));
                otherUser.create(ZooKeeperBackend.ROOT, new byte[0], ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
                IOException e = assertThrows(IOException.class,
                        () -> new ZooKeeperBackend().create(other.connectString(), spec, ZooKeeperTests.SESSION_TIMEOUT));
                assertTrue(e.getMessage().contains("does not let this launch make its registry in it")
                        && e.getMessage().contains("deleteall " + ZooKeeperBackend.ROOT), e.getMessage());
            } finally {
                otherUser.close();
            }
        }
    }

    @Test
    void attachingWhereNothingAnswersFailsWithinSecondsSayingWhatToCheck() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing answers there
        }
        String silent = "127.0.0.1:" + port + ZooKeeperBackend.ROOT + "/cluster-of-3-x";
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> DistributedClusters.attach(silent));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < DistributedClusters.ATTACH_TIMEOUT_MILLIS + 5_000, "gave up after " + millis + " ms");
        assertTrue(e.getMessage().contains(silent) && e.getMessage().contains("that ZooKeeper runs there"), e.getMessage());
    }
}
