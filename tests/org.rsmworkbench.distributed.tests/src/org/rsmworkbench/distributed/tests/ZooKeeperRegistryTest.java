// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.WAIT_MILLIS;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.expireSession;
import static org.rsmworkbench.distributed.tests.ZooKeeperTests.waitFor;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.rsmworkbench.distributed.internal.ProcessNumbers;
import org.rsmworkbench.distributed.internal.RegistryFormat;
import org.rsmworkbench.distributed.internal.RegistryWaits;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.distributed.internal.ZooKeeperRegistry;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.WaitForAnalysis;
import org.rsmworkbench.emulator.backend.ClusterFaults;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.ConnectChecks;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.emulator.backend.RemoteSegment;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/** The ZooKeeper registry of a 3-node cluster in an embedded ensemble of one: what connect answers, and when. */
@Timeout(120)
class ZooKeeperRegistryTest {
    private static final Credentials USER = new Credentials(1000, 1000, java.util.Set.of(), 022, false);
    private static final int SEGMENT = 0x400100;

    /** The memory behind the segments published (what UCX registers). */
    private static final MemorySegment MEMORY = Arena.global().allocate(4096, 4096);

    private final ClusterSpec spec = ClusterSpec.fullyConnected(3);
    private DistributedBackend.LaunchedRegistry cluster;
    private final List<ClusterRegistry> joined = new ArrayList<>();
    private final Arena testArena = Arena.ofShared();

    @BeforeEach
    void startCluster() throws IOException {
        cluster = new ZooKeeperBackend().create(DistributedBackend.EMBEDDED, spec, ZooKeeperTests.SESSION_TIMEOUT);
    }

    @AfterEach
    void stopCluster() {
        joined.forEach(ClusterRegistry::close);
        if (cluster != null) {
            cluster.close();
        }
        testArena.close();
    }

    private ZooKeeperRegistry join(int node) throws RsmException {
        ZooKeeperRegistry registry = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, node, USER, true, _ -> { });
        joined.add(registry);
        return registry;
    }

    private static PublishedSegment segment(int node, List<AccessEntry> acl) {
        return new PublishedSegment(node, SEGMENT, "emu0", 4096, 1000, 1000, 0755, acl);
    }

    private static ClusterRegistry.Connection connect(ClusterRegistry importer, int exporterNode, int permission) throws RsmException {
        return importer.connect("emu0", false, USER, exporterNode, SEGMENT, permission);
    }

    private static void assertError(RsmError expected, Executable call) {
        RsmException e = assertThrows(RsmException.class, call);
        assertEquals(expected, e.error(), e.getMessage());
    }

    /**
     * Processes of one node, which may have files of their own, never get the same segment id for a publish that asks for
     * one, even at once: the registry counts them for the node, from RSM_USER_APP_ID_BASE.
     */
    @Test
    void theProcessesOfANodeAreAssignedDifferentSegmentIds() throws Exception {
        List<ClusterRegistry> processes = List.of(join(1), join(1));
        List<Future<List<Integer>>> assigned = new ArrayList<>();
        try (ExecutorService both = Executors.newFixedThreadPool(processes.size())) {
            for (ClusterRegistry process : processes) {
                assigned.add(both.submit(() -> {
                    List<Integer> ids = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        ids.add(process.assignSegmentId());
                    }
                    return ids;
                }));
            }
        }
        Set<Long> ids = new TreeSet<>();
        for (Future<List<Integer>> process : assigned) {
            process.get().forEach(id -> ids.add(Integer.toUnsignedLong(id)));
        }
        assertEquals(LongStream.range(ClusterRegistry.FIRST_ASSIGNED_ID, ClusterRegistry.FIRST_ASSIGNED_ID + 40).boxed().toList(),
                List.copyOf(ids), "40 different ids, the first 40 of the node");
        assertEquals((int) ClusterRegistry.FIRST_ASSIGNED_ID, join(2).assignSegmentId(), "each node counts its own");
    }

    private static ClusterWaits.Wait blockedOn(int node, int serial, int line) {
        return new ClusterWaits.Wait(1, node, serial, ClusterWaits.Call.SIGNAL_WAIT, List.of(new ClusterWaits.SegmentName(1, SEGMENT)),
                false, new CallSite("org.acme.Pair", "main", "Pair.java", line), ClusterWaits.Verdict.BLOCKED, 0, List.of());
    }

    /** The waits published in the registry, as the launcher reads them. */
    private ClusterWaits waits() {
        return cluster.waits(() -> { });
    }

    /**
     * Waits published by processes (node JVMs with files of their own) reach the launcher with who could end each, read from
     * the registry: the exporter waiting on its segment is woken by its importer, the importer waiting on its import by the
     * exporter; so the analysis finds their deadlock, until a wait ends.
     */
    @Test
    void publishedWaitsAreReadWithTheirWakersFromTheRegistry() throws Exception {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        ClusterRegistry bystander = join(3);
        exporter.publish(segment(1, List.of()), MEMORY, () -> { });
        connect(importer, 1, Rsm.PERM_RDWR);
        assertEquals(List.of(), waits().waits());
        exporter.publishWait(blockedOn(1, 7, 52));
        importer.publishWait(blockedOn(2, 3, 54));
        bystander.publishWait(null);
        waitFor("both waits published", () -> waits().waits().size() == 2);
        List<ClusterWaits.Wait> waits = waits().waits().stream().sorted(Comparator.comparingInt(ClusterWaits.Wait::node))
                .toList();
        ClusterWaits.Wait exporterWait = waits.get(0), importerWait = waits.get(1);
        assertEquals(List.of(new ClusterWaits.Waker(importerWait.process(), 2)), exporterWait.wakers());
        assertEquals(List.of(new ClusterWaits.Waker(exporterWait.process(), 1)), importerWait.wakers());
        assertNotEquals(exporterWait.process(), importerWait.process());
        assertEquals(List.of(7, 3), List.of(exporterWait.serial(), importerWait.serial()));
        assertEquals("Pair.java:54", importerWait.siteText());
        List<WaitForAnalysis.Deadlock> deadlocks = WaitForAnalysis.deadlocks(waits());
        assertEquals(List.of("  node 1 waits in signalWait on 1:0x400100 at Pair.java:52 (woken only by node 2)",
                "  node 2 waits in signalWait on 1:0x400100 at Pair.java:54 (woken only by node 1)"),
                deadlocks.getFirst().lines());
        // blocked since the first look that saw it: later looks keep that time
        assertEquals(exporterWait.blockedSince(), waits().waits().stream().filter(w -> w.node() == 1).findFirst()
                .orElseThrow().blockedSince());
        exporter.publishWait(null);
        waitFor("the exporter's wait gone", () -> waits().waits().size() == 1);
        assertEquals(List.of(), WaitForAnalysis.deadlocks(waits()));
    }

    /**
     * A read of the registry by the launcher, a call per znode, says as it goes that the registry answered, so that its
     * reader can tell a long read from one that has no answer.
     */
    @Test
    void theLaunchersReadsOfTheRegistrySayWhenItAnswers() throws Exception {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of()), MEMORY, () -> { });
        connect(importer, 1, Rsm.PERM_RDWR);
        exporter.publishWait(blockedOn(1, 7, 52));
        importer.publishWait(blockedOn(2, 3, 54));
        waitFor("both waits published", () -> waits().waits().size() == 2);
        AtomicInteger answers = new AtomicInteger();
        cluster.waits(answers::incrementAndGet);
        assertTrue(answers.get() >= 2, "an answer at least for each wait: " + answers);
        answers.set(0);
        cluster.ownFilesPublished(answers::incrementAndGet);
        // the lists of processes, segments and connections, and the records of 2 processes, 1 segment and 1 connection
        assertTrue(answers.get() >= 7, "an answer for each call: " + answers);
    }

    /** The waits of the registry as {@code reader} reads them through {@code session}, chrooted at the registry. */
    private static List<ClusterWaits.Wait> read(RegistryWaits reader, ZooKeeper session) {
        try {
            return reader.read(session, "", null, () -> { }).waits();
        } catch (KeeperException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static ClusterWaits.Wait waitOf(int node, List<ClusterWaits.Wait> waits) {
        return waits.stream().filter(w -> w.node() == node).findFirst().orElse(null);
    }

    /**
     * A reader of the waits keeps a number for each process still there, the same at every look, and forgets those of the
     * processes that ended: a long run whose node processes come and go does not keep every session it saw.
     */
    @Test
    void theReaderOfTheWaitsForgetsTheProcessesThatEndedAndTheOthersKeepTheirNumbers() throws Exception {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        ZooKeeper session = join(3).zooKeeper();
        exporter.publish(segment(1, List.of()), MEMORY, () -> { });
        connect(importer, 1, Rsm.PERM_RDWR);
        ProcessNumbers numbers = new ProcessNumbers();
        RegistryWaits reader = new RegistryWaits(numbers);
        importer.publishWait(blockedOn(2, 1, 54));
        waitFor("the importer's wait published", () -> waitOf(2, read(reader, session)) != null);
        ClusterWaits.Wait first = waitOf(2, read(reader, session));
        int importerNumber = first.process(), exporterNumber = first.wakers().getFirst().process();
        importer.publishWait(null); // the importer waits no more, and stays: so does the exporter
        Set<Integer> shortLived = new TreeSet<>();
        for (int serial = 1; serial <= 3; serial++) {
            ClusterRegistry process = join(3);
            process.publishWait(blockedOn(3, serial, 60));
            waitFor("the short-lived process's wait published", () -> waitOf(3, read(reader, session)) != null);
            shortLived.add(waitOf(3, read(reader, session)).process());
            joined.remove(process);
            process.close();
            waitFor("the short-lived process's wait gone", () -> read(reader, session).isEmpty());
        }
        assertEquals(3, shortLived.size(), "a new process, a new number: " + shortLived);
        assertTrue(shortLived.stream().noneMatch(p -> p == importerNumber || p == exporterNumber), shortLived.toString());
        assertEquals(Set.of(importerNumber, exporterNumber), Set.copyOf(numbers.bySession().values()),
                "only the processes still there are known");
        importer.publishWait(blockedOn(2, 2, 54));
        waitFor("the importer's next wait published", () -> waitOf(2, read(reader, session)) != null);
        ClusterWaits.Wait next = waitOf(2, read(reader, session));
        assertEquals(List.of(importerNumber, exporterNumber), List.of(next.process(), next.wakers().getFirst().process()),
                "the processes still there keep their numbers");
    }

    @Test
    void aPublishedSegmentIsConnectedToWithTheModeItsAclGives() throws RsmException {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of(new AccessEntry(2, 0666))), MEMORY, () -> { });
        ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_RDWR);
        assertFalse(connection.isAborted());
        connection.disconnect();
    }

    @Test
    void aDisconnectRemovesItsConnectionFromTheRegistry() throws Exception {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of(new AccessEntry(2, 0666))), MEMORY, () -> { });
        ZooKeeper observer = ZooKeeperTests.client(cluster.connectString(), _ -> { });
        try {
            ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_RDWR);
            waitFor("the connection in the registry", () -> connections(observer).size() == 1);
            connection.disconnect();
            // while the importer's session lasts: a connection left behind would show in the IDE and stay until it ends
            waitFor("no connection after the disconnect", () -> connections(observer).isEmpty());
        } finally {
            observer.close();
        }
    }

    /**
     * Another user of the machine reaches the ensemble's port, but not the cluster's secret: it can neither read a
     * published segment's record (whose worker address and remote key would give it the segment's memory through UCX,
     * past the segment's ACL) nor list, change or remove publications, nor take a node down, nor open the ACLs; the
     * cluster's own clients can. A guessed secret is no better than none.
     */
    @Test
    void aClientWithoutTheClustersSecretCanNeitherReadNorChangeItsRegistry() throws Exception {
        join(1).publish(segment(1, List.of(new AccessEntry(2, 0666))), MEMORY, () -> { });
        ZooKeeper member = ZooKeeperTests.client(cluster.connectString(), _ -> { });
        ZooKeeper stranger = new ZooKeeper(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
        ZooKeeper guesser = new ZooKeeper(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
        guesser.addAuthInfo("digest", "rsm:guessed".getBytes(StandardCharsets.UTF_8));
        try {
            waitFor("the cluster's client lists the segment", () -> segments(member).size() == 1);
            String segment = "/segments/" + segments(member).getFirst();
            assertTrue(new String(member.getData(segment, false, null), StandardCharsets.UTF_8).contains("worker="));
            for (ZooKeeper other : List.of(stranger, guesser)) {
                assertThrows(KeeperException.NoAuthException.class, () -> other.getData(segment, false, null));
                assertThrows(KeeperException.NoAuthException.class, () -> other.getChildren("/segments", false));
                assertThrows(KeeperException.NoAuthException.class, () -> other.getData("/", false, null));
                assertThrows(KeeperException.NoAuthException.class, () -> other.setData(segment, new byte[0], -1));
                assertThrows(KeeperException.NoAuthException.class, () -> other.delete(segment, -1));
                assertThrows(KeeperException.NoAuthException.class,
                        () -> other.setData("/nodes/2", "down".getBytes(StandardCharsets.UTF_8), -1));
                assertThrows(KeeperException.NoAuthException.class, () -> other.setACL("/", ZooDefs.Ids.OPEN_ACL_UNSAFE, -1));
            }
            assertTrue(cluster.isNodeUp(2), "node 2 is still up");
            assertEquals(1, segments(member).size(), "the segment is still published");
        } finally {
            member.close();
            stranger.close();
            guesser.close();
        }
    }

    /**
     * A node JVM of another build (a host upgraded alone, under a hosts file's classpath shared) is refused with why, not
     * let misread the registry: a registry of another layout, or of the layout before /format.
     */
    @Test
    void aProcessOfAnotherBuildIsRefusedSayingWhy() throws Exception {
        ZooKeeper member = ZooKeeperTests.client(cluster.connectString(), _ -> { });
        try {
            assertEquals(RegistryFormat.LAYOUT, new String(member.getData("/format", false, null), StandardCharsets.UTF_8));
            member.setData("/format", "rsm-workbench registry layout 99\u202E\n".getBytes(StandardCharsets.UTF_8), -1);
            RsmException other = assertThrows(RsmException.class, () -> join(1));
            assertEquals(RsmError.BAD_LIBRARY_VERSION, other.error(), "as librsm answers a plugin of another version");
            assertTrue(other.getMessage().contains("made by another build of RSM Workbench (\"rsm-workbench registry layout 99??\")"
                    + " and this JVM's build reads " + RegistryFormat.LAYOUT + ": run one build"), other.getMessage());
            member.delete("/format", -1);
            RsmException older = assertThrows(RsmException.class, () -> join(1));
            assertTrue(older.getMessage().contains("made by an older build of RSM Workbench (its registry has no /format)"),
                    older.getMessage());
            assertTrue(member.getChildren("/joined", false).isEmpty(), "no process joined");
            assertTrue(cluster.isNodeUp(1), "node 1 is still up");
        } finally {
            member.close();
        }
    }

    /** What a log would print of the launched registry: not its secret. */
    @Test
    void theLaunchedRegistryIsPrintedWithoutItsSecret() {
        assertTrue(cluster.toString().contains(cluster.connectString()), cluster.toString());
        assertFalse(cluster.toString().contains(cluster.secret()), cluster.toString());
    }

    /** The segments listed in the registry, or none while the client is not connected yet. */
    private static List<String> segments(ZooKeeper client) {
        try {
            return client.getChildren("/segments", false);
        } catch (KeeperException.ConnectionLossException e) {
            return List.of();
        } catch (KeeperException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> connections(ZooKeeper observer) {
        try {
            return observer.getChildren("/connections", false);
        } catch (KeeperException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void theDataPathPutsGetsAndSignalsInTheExportersMemory() throws Exception {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        MemorySegment memory = Arena.ofAuto().allocate(4096, 4096);
        CountDownLatch signalled = new CountDownLatch(1);
        exporter.publish(segment(1, List.of()), memory, signalled::countDown);
        RemoteSegment path = connect(importer, 1, Rsm.PERM_RDWR).dataPath();
        assertTrue(path.isOnThisHost());
        path.put(8, MemorySegment.ofArray(new long[] {0x1122334455667788L}));
        path.flush();
        assertEquals(0x1122334455667788L, memory.get(ValueLayout.JAVA_LONG, 8));
        memory.set(ValueLayout.JAVA_LONG, 4088, -7);
        long[] got = new long[1];
        path.get(4088, MemorySegment.ofArray(got));
        assertEquals(-7, got[0]);
        path.signal();
        assertTrue(signalled.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the exporter's handler runs for the signal");
    }

    /**
     * A page of memory for a segment that its importers can tell from another: each byte is {@code value}. It lives as long
     * as the test (UCX's registration does not keep it).
     */
    private MemorySegment filled(int value) {
        return testArena.allocate(4096, 4096).fill((byte) value);
    }

    private static long longAt(RemoteSegment path, long offset) throws IOException {
        long[] got = new long[1];
        path.get(offset, MemorySegment.ofArray(got));
        return got[0];
    }

    private static final long OLD = 0x1111111111111111L;
    private static final long NEW = 0x2222222222222222L;

    /**
     * When a rebind of a published segment returns, the data path of every importer reaches the new memory: a get reads
     * it, a put lands in it and not in the old one; the connections stay; a connect after it reaches the new memory too;
     * the old memory's registration and the remote keys unpacked for it are released, the rest at unpublish and disconnect.
     */
    @Test
    void aRebindIsFollowedByEveryImporterBeforeItReturns() throws Exception {
        ZooKeeperRegistry exporter = (ZooKeeperRegistry) join(1);
        ZooKeeperRegistry importer = (ZooKeeperRegistry) join(2);
        ZooKeeperRegistry another = (ZooKeeperRegistry) join(3);
        MemorySegment old = filled(0x11);
        MemorySegment rebound = filled(0x22);
        exporter.publish(segment(1, List.of()), old, () -> { });
        ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_RDWR);
        ClusterRegistry.Connection other = connect(another, 1, Rsm.PERM_READ);
        assertEquals(OLD, longAt(connection.dataPath(), 0));
        exporter.rebind(SEGMENT, rebound);
        assertEquals(NEW, longAt(connection.dataPath(), 0), "a get after the rebind reads the new memory");
        assertEquals(NEW, longAt(other.dataPath(), 4088), "every importer's get reads the new memory");
        connection.dataPath().put(8, MemorySegment.ofArray(new long[] {0x1122334455667788L}));
        connection.dataPath().flush();
        assertEquals(0x1122334455667788L, rebound.get(ValueLayout.JAVA_LONG, 8), "a put lands in the new memory");
        assertEquals(OLD, old.get(ValueLayout.JAVA_LONG, 8), "and not in the old one");
        assertFalse(connection.isAborted() || other.isAborted(), "the importers stay connected");
        assertEquals(null, connection.dataPath().pathDown());
        ClusterRegistry.Connection later = connect(importer, 1, Rsm.PERM_READ);
        assertEquals(NEW, longAt(later.dataPath(), 16), "a connect after the rebind reaches the new memory");
        assertEquals(1, exporter.registrations(), "the old memory's registration is released");
        assertEquals(2, importer.remoteKeys(), "the remote key of the old memory is released");
        connection.disconnect();
        later.disconnect();
        other.disconnect();
        assertEquals(0, importer.remoteKeys() + another.remoteKeys(), "a disconnect releases the remote key");
        exporter.unpublish(SEGMENT);
        assertEquals(0, exporter.registrations(), "unpublish releases the registration");
    }

    /** A segment rebound again and again, then unpublished: its importer follows each rebind, then is disconnected. */
    @Test
    void rebindsOneAfterAnotherThenAnUnpublish() throws Exception {
        ZooKeeperRegistry exporter = (ZooKeeperRegistry) join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of()), filled(0), () -> { });
        ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_READ);
        for (int binding = 1; binding <= 3; binding++) {
            exporter.rebind(SEGMENT, filled(binding));
            assertEquals(binding * 0x0101010101010101L, longAt(connection.dataPath(), 0), "after rebind " + binding);
            assertEquals(1, exporter.registrations(), "one registration after rebind " + binding);
        }
        exporter.unpublish(SEGMENT);
        waitFor("the importer sees its connection aborted", connection::isAborted);
        assertEquals(0, exporter.registrations());
    }

    /** How much longer than it should a wait may take on a loaded machine. */
    private static final long SLACK_MILLIS = 5_000;

    /** A ZooKeeper client of the registry's ensemble that is not a registry (as another build's process would be), connected. */
    private ZooKeeper plainClient() throws Exception {
        ZooKeeper client = ZooKeeperTests.client(cluster.connectString(), _ -> { });
        try {
            waitFor("a plain client reaches the registry", () -> client.getState().isConnected());
            return client;
        } catch (Exception | AssertionError e) {
            client.close();
            throw e;
        }
    }

    /**
     * Makes, with a plain ZooKeeper client, the record of a connection of node 3 to the segment that no importer stands
     * behind (as one whose process hangs would leave): its last line is {@code last}.
     */
    private static String createStaleConnection(ZooKeeper client, String last) throws KeeperException, InterruptedException {
        return client.create("/connections/1-" + Integer.toHexString(SEGMENT) + "-3-",
                ("permission=444\ngranted=444\nworker=AA==\nlistener=1\n" + last).getBytes(StandardCharsets.UTF_8),
                ZooDefs.Ids.CREATOR_ALL_ACL, CreateMode.EPHEMERAL_SEQUENTIAL);
    }

    /**
     * A connection in the registry that does not follow a rebind (here one that a plain ZooKeeper client made, as an
     * importer whose process hangs would leave it) does not hold the rebind for longer than the registry lets a silent
     * process live: it is forcibly disconnected (its record deleted), and the importers that follow are not.
     */
    @Test
    void aConnectionThatDoesNotFollowARebindIsForcedOutOfTheRegistry() throws Exception {
        ZooKeeperRegistry exporter = (ZooKeeperRegistry) join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of()), filled(0x11), () -> { });
        ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_READ);
        ZooKeeper hung = plainClient();
        try {
            String stale = createStaleConnection(hung, "binding=0\n");
            long start = System.nanoTime();
            exporter.rebind(SEGMENT, filled(0x22));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // a silent session's bound (twice its timeout), a transfer of the segment's 4096 bytes and a flush (5 s each)
            long expected = 2L * ZooKeeperTests.SESSION_TIMEOUT_MILLIS + 10_000;
            assertTrue(millis >= expected && millis < expected + SLACK_MILLIS, "the rebind returned after " + millis
                    + " ms, not " + expected + " ms");
            assertEquals(null, hung.exists(stale, false), "the connection that did not follow is forced out");
            assertFalse(connection.isAborted(), "the importer that followed stays connected");
            assertEquals(NEW, longAt(connection.dataPath(), 0));
        } finally {
            hung.close();
        }
    }

    /** A connection record without a binding (an older build's importer, or damaged) never follows: it is forced out at once. */
    @Test
    void aConnectionWithoutABindingIsForcedOutOfARebindAtOnce() throws Exception {
        ZooKeeperRegistry exporter = (ZooKeeperRegistry) join(1);
        exporter.publish(segment(1, List.of()), filled(0x11), () -> { });
        ZooKeeper old = plainClient();
        try {
            String stale = createStaleConnection(old, "");
            long start = System.nanoTime();
            exporter.rebind(SEGMENT, filled(0x22));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < SLACK_MILLIS, "the rebind returned after " + millis + " ms");
            assertEquals(null, old.exists(stale, false), "the connection without a binding is forced out");
            assertEquals(1, exporter.registrations(), "the old memory's registration is released");
        } finally {
            old.close();
        }
    }

    /**
     * An interrupt during a rebind's wait for a connection that does not follow does not fail the rebind (the segment's
     * record says the new memory already, and the importers moved): it returns at once, the connection still behind is
     * forced out, the importer that followed reaches the new memory, and the thread stays interrupted.
     */
    @Test
    void anInterruptedRebindForcesOutTheConnectionsBehindAndReturns() throws Exception {
        ZooKeeperRegistry exporter = (ZooKeeperRegistry) join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of()), filled(0x11), () -> { });
        ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_READ);
        ZooKeeper hung = plainClient();
        try {
            String stale = createStaleConnection(hung, "binding=0\n");
            Thread exporterThread = Thread.currentThread();
            Thread interrupter = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                exporterThread.interrupt();
            });
            long start = System.nanoTime();
            exporter.rebind(SEGMENT, filled(0x22));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            boolean interrupted = Thread.interrupted();
            interrupter.join();
            assertTrue(interrupted, "the exporter's thread stays interrupted");
            assertTrue(millis < 1000 + SLACK_MILLIS, "the rebind returned " + millis + " ms after it began, soon after the interrupt");
            assertEquals(null, hung.exists(stale, false), "the connection that did not follow is forced out");
            assertFalse(connection.isAborted(), "the importer that followed stays connected");
            assertEquals(NEW, longAt(connection.dataPath(), 0), "and reaches the new memory");
            assertEquals(1, exporter.registrations(), "no importer uses the old memory: its registration is released");
        } finally {
            hung.close();
        }
    }

    /**
     * A registry that fails during a rebind's wait (here the exporter's session expires) does not fail the rebind either:
     * it returns, and keeps the old memory's registration (an importer may still use it).
     */
    @Test
    void aRegistryThatFailsDuringARebindsWaitKeepsTheOldRegistration() throws Exception {
        ZooKeeperRegistry exporter = (ZooKeeperRegistry) join(1);
        exporter.publish(segment(1, List.of()), filled(0x11), () -> { });
        ZooKeeper hung = plainClient();
        try {
            createStaleConnection(hung, "binding=0\n");
            Thread expirer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1000);
                    expireSession(cluster.connectString(), exporter.zooKeeper());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            long start = System.nanoTime();
            exporter.rebind(SEGMENT, filled(0x22));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            expirer.join();
            assertTrue(millis < 1000 + SLACK_MILLIS, "the rebind returned " + millis + " ms after it began, soon after the expiry");
            assertEquals(2, exporter.registrations(), "the old memory's registration stays");
        } finally {
            hung.close();
        }
    }

    @Test
    void aSegmentThatIsNotPublishedIsRefused() throws RsmException {
        join(1);
        ClusterRegistry importer = join(2);
        assertError(RsmError.SEG_NOT_PUBLISHED, () -> connect(importer, 1, Rsm.PERM_READ));
    }

    @Test
    void aNodeOutsideTheAclIsRefusedAndOneWithoutTheBitIsDenied() throws RsmException {
        ClusterRegistry exporter = join(1);
        ClusterRegistry reader = join(2);
        ClusterRegistry outsider = join(3);
        exporter.publish(segment(1, List.of(new AccessEntry(2, 0444))), MEMORY, () -> { });
        assertError(RsmError.SEG_NOT_PUBLISHED_TO_NODE, () -> connect(outsider, 1, Rsm.PERM_READ));
        assertError(RsmError.PERM_DENIED, () -> connect(reader, 1, Rsm.PERM_WRITE));
        connect(reader, 1, Rsm.PERM_READ).disconnect();
    }

    @Test
    void republishChangesWhatTheNextConnectIsGranted() throws RsmException {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of(new AccessEntry(2, 0666))), MEMORY, () -> { });
        connect(importer, 1, Rsm.PERM_RDWR).disconnect();
        exporter.republish(SEGMENT, List.of(new AccessEntry(3, 0666)));
        assertError(RsmError.SEG_NOT_PUBLISHED_TO_NODE, () -> connect(importer, 1, Rsm.PERM_RDWR));
    }

    @Test
    void aSegmentIdIsPublishedOncePerNode() throws RsmException {
        ClusterRegistry first = join(1);
        ClusterRegistry second = join(1);
        first.publish(segment(1, List.of()), MEMORY, () -> { });
        assertError(RsmError.SEGID_IN_USE, () -> second.publish(segment(1, List.of()), MEMORY, () -> { }));
    }

    @Test
    void unpublishForciblyDisconnectsTheImporters() throws RsmException, InterruptedException, IOException {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        AtomicInteger signals = new AtomicInteger();
        exporter.publish(segment(1, List.of()), MEMORY, signals::incrementAndGet);
        ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_READ);
        ClusterRegistry.Connection second = connect(importer, 1, Rsm.PERM_READ);
        exporter.unpublish(SEGMENT);
        // RSMAPI §3.2: before unpublish returns (before, the importers learnt it later, from a watch)
        assertTrue(connection.isAborted() && second.isAborted(), "the importer's connections are aborted when unpublish returns");
        assertError(RsmError.SEG_NOT_PUBLISHED, () -> connect(importer, 1, Rsm.PERM_READ));
        assertThrows(IOException.class, () -> connection.dataPath().put(0, MemorySegment.ofArray(new byte[8])),
                "a put of the withdrawn connection reaches nothing");
        // the same id published again: a signal of the old connection does not reach it (before, it woke its waiter)
        exporter.publish(segment(1, List.of()), MEMORY, signals::incrementAndGet);
        connection.dataPath().signal();
        ClusterRegistry.Connection again = connect(importer, 1, Rsm.PERM_READ);
        again.dataPath().signal();
        waitFor("the new connection's signal arrives", () -> signals.get() > 0);
        assertEquals(1, signals.get(), "only the new connection's signal arrived");
    }

    @Test
    void aNodeWhoseSessionExpiredIsUnreachableAndItsImportersAreDisconnected() throws Exception {
        CountDownLatch expired = new CountDownLatch(1);
        ZooKeeperRegistry exporter = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER, true, _ -> expired.countDown());
        joined.add(exporter);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of()), MEMORY, () -> { });
        ClusterRegistry.Connection connection = connect(importer, 1, Rsm.PERM_READ);
        expireSession(cluster.connectString(), exporter.zooKeeper());
        assertTrue(expired.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the killed node is told that its session expired");
        waitFor("the importer sees its connection aborted", connection::isAborted);
        assertError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(importer, 1, Rsm.PERM_READ));
    }

    @Test
    void aNodeWhoseProcessEndedCleanlyStaysUpWithoutItsSegments() throws RsmException {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of()), MEMORY, () -> { });
        exporter.close();
        assertError(RsmError.SEG_NOT_PUBLISHED, () -> connect(importer, 1, Rsm.PERM_READ));
    }

    /**
     * An exporter's post reaches each importer through its connection record (where its signals arrive), and a connection
     * made after the exporter read its list of importers gets the next post; a connection gone gets none.
     */
    @Test
    void anExportersSignalReachesTheImportersItsConnectionRecordsList() throws Exception {
        ClusterRegistry exporter = join(1);
        ClusterRegistry importer = join(2);
        exporter.publish(segment(1, List.of()), MEMORY, () -> { });
        ClusterRegistry.Connection first = connect(importer, 1, Rsm.PERM_READ);
        AtomicInteger firstSignals = new AtomicInteger();
        first.onSignal(firstSignals::incrementAndGet);
        exporter.signalImporters(SEGMENT);
        waitFor("the first connection is signalled", () -> firstSignals.get() == 1);
        first.disconnect();
        ClusterRegistry.Connection second = connect(importer, 1, Rsm.PERM_READ);
        AtomicInteger secondSignals = new AtomicInteger();
        second.onSignal(secondSignals::incrementAndGet);
        exporter.signalImporters(SEGMENT);
        waitFor("the second connection is signalled", () -> secondSignals.get() == 1);
        assertEquals(1, firstSignals.get(), "a connection gone gets no post");
        second.disconnect();
    }

    /** A process of a node that the launcher kills in the registry is told, wherever it runs; the launcher saw it join. */
    @Test
    void aProcessIsToldWhenItsNodeIsKilledInTheRegistry() throws Exception {
        CountDownLatch down = new CountDownLatch(1);
        joined.add(ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER, true, _ -> down.countDown()));
        assertEquals(Set.of(1), cluster.joinedNodes(), "the launcher sees that node 1 has joined");
        assertEquals(1, down.getCount(), "a node that is up is not told anything");
        cluster.nodeKilled(1);
        assertTrue(down.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the node's process is told that its node is down");
    }

    /**
     * The launcher's znode is ephemeral: a launcher that dies without removing the registry takes it with its session, and
     * the node processes, which watch it, are told (here another client removes it, as the session's expiry would).
     */
    @Test
    void aProcessIsToldWhenItsLauncherIsGone() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        joined.add(ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER, true, _ -> gone.countDown()));
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper other = ZooKeeperTests.client(cluster.connectString(), event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            assertTrue(connected.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "a client reaches the registry");
            assertNotEquals(0, other.exists("/launcher", false).getEphemeralOwner(), "the launcher's znode goes with its session");
            assertEquals(1, gone.getCount(), "a process is told nothing while the launcher runs");
            other.delete("/launcher", -1);
        } finally {
            other.close();
        }
        assertTrue(gone.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the node's process is told that the launcher is gone");
    }

    /** What the registry told a process to apply to its cluster files, one line each: {@code link 0 down}, {@code fail 2->1 x3}. */
    private static final class AppliedFaults implements ClusterFaults {
        final List<String> applied = new CopyOnWriteArrayList<>();

        @Override
        public void setLink(int link, boolean up) {
            applied.add("link " + link + (up ? " up" : " down"));
        }

        @Override
        public void setNode(int node, boolean up) {
            applied.add("node " + node + (up ? " up" : " down"));
        }

        @Override
        public void failNextTransfers(int importerNode, int exporterNode, int count) {
            applied.add("fail " + importerNode + "->" + exporterNode + " x" + count);
        }

        List<String> failures() {
            return applied.stream().filter(l -> l.startsWith("fail ")).toList();
        }
    }

    /** A process of {@code node} that applies the faults the registry records to {@code files}. */
    private ZooKeeperRegistry joinApplyingFaults(int node, AppliedFaults files) throws RsmException {
        ZooKeeperRegistry registry = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, node, USER, true, _ -> { });
        joined.add(registry);
        registry.applyFaultsTo(files);
        return registry;
    }

    /**
     * A link the launcher takes down refuses a connect across it at once (the connect reads the registry), and each process of
     * the link's two nodes applies it to its files, then the link up; a process of a node with no part in the link is told
     * nothing of it.
     */
    @Test
    void aLinkDownRefusesConnectsAcrossItAndTheProcessesOfItsNodesApplyItAndItsEnd() throws Exception {
        int link = ConnectChecks.linkIndex(spec, 1, "emu0", 2, "emu0");
        AppliedFaults exporterFiles = new AppliedFaults();
        AppliedFaults importerFiles = new AppliedFaults();
        AppliedFaults otherFiles = new AppliedFaults();
        ClusterRegistry exporter = joinApplyingFaults(1, exporterFiles);
        ClusterRegistry importer = joinApplyingFaults(2, importerFiles);
        ClusterRegistry other = joinApplyingFaults(3, otherFiles);
        exporter.publish(segment(1, List.of()), MEMORY, () -> { });
        cluster.setLink(link, false);
        assertError(RsmError.REMOTE_NODE_UNREACHABLE, () -> connect(importer, 1, Rsm.PERM_READ));
        connect(other, 1, Rsm.PERM_READ).disconnect();
        String down = "link " + link + " down";
        waitFor("both nodes' processes take the link down", () -> exporterFiles.applied.contains(down)
                && importerFiles.applied.contains(down));
        cluster.setLink(link, true);
        String up = "link " + link + " up";
        waitFor("both nodes' processes bring it up again", () -> exporterFiles.applied.getLast().equals(up)
                && importerFiles.applied.getLast().equals(up));
        connect(importer, 1, Rsm.PERM_READ).disconnect();
        assertEquals(List.of(), otherFiles.applied.stream().filter(l -> l.startsWith("link " + link + " ")).toList(),
                "node 3 has no part in the link");
    }

    /**
     * A process with files of its own applies the other nodes' states to them: a node killed and restarted is down, then up
     * there (before, its topology said such a node was reachable all along); its own node is not among them.
     */
    @Test
    void aProcessWithFilesOfItsOwnAppliesTheOtherNodesStatesToThem() throws Exception {
        AppliedFaults files = new AppliedFaults();
        ZooKeeperRegistry registry = joinApplyingFaults(2, files);
        registry.applyNodeStatesTo(files);
        waitFor("the other nodes are up in its files", () -> files.applied.containsAll(List.of("node 1 up", "node 3 up")));
        cluster.nodeKilled(1);
        waitFor("node 1 goes down in its files", () -> files.applied.getLast().equals("node 1 down"));
        cluster.nodeRestarted(1);
        waitFor("node 1 comes up again in its files", () -> files.applied.getLast().equals("node 1 up"));
        assertTrue(files.applied.stream().noneMatch(l -> l.startsWith("node 2 ")), "its own node is not applied: " + files.applied);
    }

    /**
     * A count of failing transfers goes to one process of the importer node (two processes of it share files, or the first
     * takes them all), not to the exporter's; a count for a node that has no process yet waits for the first to join.
     */
    @Test
    void failingTransfersAreTakenOnceByAProcessOfTheImporterNodeEvenOneThatJoinsLater() throws Exception {
        AppliedFaults first = new AppliedFaults();
        AppliedFaults second = new AppliedFaults();
        AppliedFaults exporterFiles = new AppliedFaults();
        joinApplyingFaults(2, first);
        joinApplyingFaults(2, second);
        joinApplyingFaults(1, exporterFiles);
        cluster.failNextTransfers(2, 1, 3);
        waitFor("a process of node 2 takes the count", () -> first.failures().size() + second.failures().size() > 0);
        List<String> taken = new ArrayList<>(first.failures());
        taken.addAll(second.failures());
        assertEquals(List.of("fail 2->1 x3"), taken, "one process took it, once");
        cluster.failNextTransfers(3, 1, 2);
        AppliedFaults late = new AppliedFaults();
        joinApplyingFaults(3, late);
        waitFor("the first process of node 3 takes the count that waited for it", () -> late.failures().equals(List.of("fail 3->1 x2")));
        assertEquals(List.of(), exporterFiles.failures(), "the exporter's node takes none");
    }

    /**
     * A killed node restarted in the registry takes processes again; its earlier life's process, whose session expires a
     * session timeout after the kill, does not take it down again, as the expiry of a process of its current life does.
     */
    @Test
    void aRestartedNodeTakesProcessesAgainAndTheExpiryOfItsEarlierLifeLeavesItUp() throws Exception {
        CountDownLatch earlierDead = new CountDownLatch(1);
        ZooKeeperRegistry earlier = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER, true,
                _ -> earlierDead.countDown());
        joined.add(earlier);
        cluster.nodeKilled(1);
        assertTrue(earlierDead.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the killed node's process is told");
        assertFalse(cluster.isNodeUp(1));
        assertError(RsmError.CTLR_NOT_PRESENT, () -> join(1));
        cluster.nodeRestarted(1);
        assertTrue(cluster.isNodeUp(1));
        CountDownLatch laterDead = new CountDownLatch(1);
        joined.add(ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, 1, USER, true, _ -> laterDead.countDown()));
        expireSession(cluster.connectString(), earlier.zooKeeper());
        // then a process of node 2 expires: once the reaper has taken node 2 down, it has looked at the earlier process too
        ZooKeeperRegistry node2 = ZooKeeperRegistry.join(cluster.connectString(), ZooKeeperTests.SESSION_TIMEOUT, spec, 2, USER, true, _ -> { });
        joined.add(node2);
        // the reaper reaps only the processes it has seen: one that joins and expires between two of its looks is not (a
        // loaded machine's reaper looked too late once); ZooKeeper hands the launcher's session the watch event that makes
        // the reaper look before the answer of this read of the same session
        waitFor("the launcher sees node 2 joined", () -> cluster.joinedNodes().contains(2));
        expireSession(cluster.connectString(), node2.zooKeeper());
        waitFor("the reaper takes node 2 down", () -> !cluster.isNodeUp(2));
        assertTrue(cluster.isNodeUp(1), "the restarted node is still up");
        assertEquals(1, laterDead.getCount(), "the process of its current life is told nothing");
    }

    /**
     * A kill takes the node's segments and connections out of the registry at once, as out of the cluster's files: its
     * importers are disconnected, and once restarted it publishes the same segment id again (SEGID_IN_USE while the
     * killed processes' sessions lived on).
     */
    @Test
    void aKilledNodesSegmentsAndConnectionsGoAtOnceAndItsRestartPublishesThemAgain() throws Exception {
        ClusterRegistry killed = join(1);
        ClusterRegistry other = join(2);
        killed.publish(segment(1, List.of(new AccessEntry(2, 0666))), MEMORY, () -> { });
        other.publish(segment(2, List.of(new AccessEntry(1, 0666))), MEMORY, () -> { });
        ClusterRegistry.Connection intoKilled = connect(other, 1, Rsm.PERM_RDWR);
        connect(killed, 2, Rsm.PERM_RDWR);
        ZooKeeper observer = plainClient();
        try {
            cluster.nodeKilled(1);
            waitFor("the importer of the killed node's segment is disconnected", intoKilled::isAborted);
            assertEquals(List.of(), observer.getChildren("/segments", false).stream().filter(s -> s.startsWith("1-")).toList());
            assertEquals(List.of(), observer.getChildren("/connections", false).stream().filter(c -> c.startsWith("2-")).toList(),
                    "the killed node's connection to node 2's segment is gone");
        } finally {
            observer.close();
        }
        cluster.nodeRestarted(1);
        join(1).publish(segment(1, List.of(new AccessEntry(2, 0666))), MEMORY, () -> { });
    }

    @Test
    void aNodeThatNoProcessHasJoinedYetIsUp() throws RsmException {
        ClusterRegistry importer = join(2);
        assertError(RsmError.SEG_NOT_PUBLISHED, () -> connect(importer, 1, Rsm.PERM_READ));
    }
}
