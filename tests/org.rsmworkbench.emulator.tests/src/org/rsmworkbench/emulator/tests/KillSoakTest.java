// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.hex;
import static org.rsmworkbench.emulator.tests.nodes.NodeProgram.fill;
import static org.rsmworkbench.emulator.tests.nodes.NodeProgram.mismatch;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.emulator.tests.nodes.ClusterOwnerProgram;
import org.rsmworkbench.emulator.tests.nodes.NodeProgram;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;
import org.rsmworkbench.tests.support.TestFolders;

/**
 * kill -9 of node JVMs, and the cluster directory (JAVA-BINDING.md: "a process that ends (... its JVM exits or
 * is killed): within 1 s its export segments are destroyed ..."; EmulatedCluster.start/open).
 * <p>
 * The soak: three node JVMs run the soak loop of {@link NodeProgram} (export + publish a known pattern, connect
 * to each other, put/get/signal). For a fixed number of rounds a child chosen by a fixed-seed random is killed
 * with SIGKILL; then, each within a deadline, checked from the test JVM through the public API: the dead
 * process's segment cannot be connected to any more (SEG_NOT_PUBLISHED), the survivors' segments still connect
 * and hold their pattern, the survivors keep looping (progress lines, STATUS on stdin) without wrong data or
 * unexpected errors; a replacement on the same node publishes under the same id and everyone reconnects.
 */
@DisplayName("kill -9 soak and cluster directories")
class KillSoakTest {

    private static final int NODES = 3;
    private static final int ROUNDS = 8;
    private static final long SEED = 0x5EED_2025L;
    /** The soak loop publishes under BASE + node. */
    private static final int BASE = 0x00500000;
    private static final long SOAK_SIZE = 2 * PAGE;
    private static final String ALL_NODES = IntStream.rangeClosed(1, NODES).mapToObj(String::valueOf)
            .collect(Collectors.joining(","));
    /** JAVA-BINDING.md promises 1 s; the check allows 2 s for a loaded CI machine. */
    private static final long UNPUBLISHED_MILLIS = 2_000;
    private static final long MESH_MILLIS = 10_000;
    /** How long the full mesh runs before each kill. */
    private static final long DWELL_MILLIS = 500;
    private static final Credentials CHILD = new Credentials(1000, 1000, Set.of(), 022, false);
    private static final Pattern STATUS = Pattern.compile(
            "loops=(\\d+) connected=(\\S+) aborted=(\\d+) bad=(\\d+) unexpected=(\\d+) last=(.*)");

    /** What a soak node program answers to STATUS. */
    private record Status(long loops, String connected, long aborted, long bad, long unexpected, String last) {
        static Status of(NodeJvm jvm) throws Exception {
            String s = jvm.expect("STATUS", "STATUS");
            Matcher m = STATUS.matcher(s);
            assertTrue(m.matches(), () -> "malformed STATUS answer: " + s);
            return new Status(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), m.group(6));
        }
    }

    /** One soak node program and the incarnation its pattern carries. */
    private record Soaker(int node, int incarnation, NodeJvm jvm) {
    }

    private static Soaker startSoaker(EmulatedClusterExtension tc, int node, int incarnation) throws Exception {
        NodeJvm jvm = NodeJvm.start(tc.cluster(), node, CHILD);
        try {
            assertEquals("node=" + node + " uid=1000", jvm.expect("HELLO", "HELLO"));
            String id = jvm.expect("SOAK " + SOAK_SIZE + " " + incarnation + " " + ALL_NODES + " "
                    + Integer.toHexString(BASE), "SOAKING");
            assertEquals(BASE + node, Integer.parseUnsignedInt(id, 16), "the soak segment id of node " + node);
            return new Soaker(node, incarnation, jvm);
        } catch (Throwable t) {
            jvm.close();
            throw t;
        }
    }

    /** The test JVM connects to the soak segment of {@code s} and checks page 0: node, incarnation, pattern. */
    private static void checkPattern(RsmLibrary observer, Soaker s) throws RsmException {
        ImportSegment im = observer.getController("emu0").connect(s.node(), BASE + s.node(), Rsm.PERM_READ);
        try {
            assertEquals(SOAK_SIZE, im.size());
            im.initBarrier(BarrierType.SEGMENT);
            MemorySegment page = MemorySegment.ofArray(new byte[(int) PAGE]);
            im.get(0, page);
            assertEquals(s.node(), page.get(ValueLayout.JAVA_INT_UNALIGNED, 0), "node in the header of " + hex(BASE + s.node()));
            assertEquals(s.incarnation(), page.get(ValueLayout.JAVA_INT_UNALIGNED, 4),
                    "incarnation in the header of " + hex(BASE + s.node()));
            assertNull(mismatch(page, 8, PAGE - 8, s.node(), s.incarnation()),
                    "the known pattern of node " + s.node() + " (incarnation " + s.incarnation() + ")");
        } finally {
            im.disconnect();
        }
    }

    /** Polls connect to the dead node program's segment until it gives SEG_NOT_PUBLISHED; returns the ms it took. */
    private static long awaitUnpublished(RsmLibrary observer, int node, long t0) throws Exception {
        for (;;) {
            try {
                observer.getController("emu0").connect(node, BASE + node, Rsm.PERM_READ).disconnect();
            } catch (RsmException e) {
                assertEquals(RsmError.SEG_NOT_PUBLISHED, e.error(),
                        () -> "connect to the killed program's segment: " + e.getMessage());
                return (System.nanoTime() - t0) / 1_000_000;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > UNPUBLISHED_MILLIS) {
                fail("segment " + hex(BASE + node) + " of the killed JVM on node " + node + " still connects " + ms
                        + " ms after its JVM ended (kill -9)");
            }
            Thread.sleep(10);
        }
    }

    /** Waits until every soaker is connected to every other node; returns the ms it took. */
    private static long awaitMesh(Soaker[] soakers) throws Exception {
        long t0 = System.nanoTime();
        for (;;) {
            List<String> missing = new ArrayList<>();
            for (int n = 1; n <= NODES; n++) {
                int me = n;
                Status st = Status.of(soakers[n].jvm());
                String want = IntStream.rangeClosed(1, NODES).filter(p -> p != me)
                        .mapToObj(String::valueOf).collect(Collectors.joining(","));
                if (!st.connected().equals(want)) {
                    missing.add("node " + n + " connected to " + st.connected() + ", not " + want);
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (missing.isEmpty()) {
                return ms;
            }
            if (ms > MESH_MILLIS) {
                fail("the soak programs did not all reconnect within " + MESH_MILLIS + " ms: " + missing);
            }
            Thread.sleep(25);
        }
    }

    private static void assertHealthy(Soaker s, Status st) {
        assertEquals(0, st.bad(), () -> "node " + s.node() + " read wrong data: " + st.last());
        assertEquals(0, st.unexpected(), () -> "node " + s.node() + " got unexpected errors: " + st.last());
    }

    @Test
    @Timeout(180) // 11 JVM starts one after the other: five took over 20 s on a loaded machine
    @DisplayName("kill -9 soak: 3 node JVMs, 8 rounds of kill, check, replace")
    void killSoak() throws Exception {
        long t0 = System.nanoTime();
        EmulatedClusterExtension tc = EmulatedClusterExtension.start(NODES);
        Soaker[] soakers = new Soaker[NODES + 1];
        try {
            RsmLibrary observer = tc.process(1);
            for (int n = 1; n <= NODES; n++) {
                soakers[n] = startSoaker(tc, n, 1);
            }
            System.out.printf("soak: %d node JVMs up, mesh after %d ms%n", NODES, awaitMesh(soakers));
            Random random = new Random(SEED);
            for (int round = 1; round <= ROUNDS; round++) {
                Thread.sleep(DWELL_MILLIS); // let the mesh carry traffic, so that the kill lands mid-transfer
                int victim = 1 + random.nextInt(NODES);
                Soaker dead = soakers[victim];
                List<Soaker> survivors = Stream.of(soakers).skip(1).filter(s -> s.node() != victim).toList();
                long[] loopsBefore = new long[NODES + 1];
                long[] progressBefore = new long[NODES + 1];
                for (Soaker s : survivors) {
                    loopsBefore[s.node()] = Status.of(s.jvm()).loops();
                    progressBefore[s.node()] = s.jvm().progressLines();
                }

                dead.jvm().process().destroyForcibly();
                assertEquals(137, dead.jvm().waitFor(5_000), "exit status of the JVM killed with SIGKILL");
                // counted from the process's end, which the promise is about (a loaded machine takes a while to end a JVM)
                long goneMs = awaitUnpublished(observer, victim, System.nanoTime());

                for (Soaker s : survivors) {
                    checkPattern(observer, s);
                }
                long deadline = System.nanoTime() + 5_000_000_000L;
                for (Soaker s : survivors) {
                    Status st;
                    while ((st = Status.of(s.jvm())).loops() <= loopsBefore[s.node()] + 10
                            || s.jvm().progressLines() <= progressBefore[s.node()]) {
                        assertTrue(System.nanoTime() < deadline, "survivor on node " + s.node()
                                + " stopped looping: " + st + ", progress lines " + s.jvm().progressLines()
                                + " (before the kill: loops=" + loopsBefore[s.node()] + ", progress lines "
                                + progressBefore[s.node()] + ")");
                        Thread.sleep(20);
                    }
                    assertTrue(s.jvm().process().isAlive(), "survivor on node " + s.node() + " is alive");
                    assertHealthy(s, st);
                }

                dead.jvm().close();
                long start = System.nanoTime();
                soakers[victim] = startSoaker(tc, victim, dead.incarnation() + 1);
                checkPattern(observer, soakers[victim]);
                long startMs = (System.nanoTime() - start) / 1_000_000;
                long meshMs = awaitMesh(soakers);
                System.out.printf("soak round %d: kill -9 node %d (pid %d, incarnation %d): unpublished %d ms after its end; "
                        + "survivors %s intact; replacement incarnation %d published after %d ms, mesh after %d ms%n",
                        round, victim, dead.jvm().process().pid(), dead.incarnation(), goneMs,
                        survivors.stream().map(s -> String.valueOf(s.node())).toList(), dead.incarnation() + 1,
                        startMs, meshMs);
            }
            for (int n = 1; n <= NODES; n++) {
                Status st = Status.of(soakers[n].jvm());
                assertHealthy(soakers[n], st);
                System.out.printf("soak: node %d incarnation %d: %s%n", n, soakers[n].incarnation(), st);
            }
            System.out.printf("soak: %d rounds survived (%d ms)%n", ROUNDS, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            for (Soaker s : soakers) {
                if (s != null) {
                    s.jvm().close();
                }
            }
            tc.close();
        }
    }

    // ---------------------------------------------------------------- cluster directories

    private static Exported publishPattern(RsmLibrary p, int id, int salt) throws RsmException {
        Exported e = TestCluster.create(p, "emu0", PAGE, 0);
        fill(e.memory(), 0, PAGE, id, salt);
        int published = e.segment().publish(id, TestCluster.openTo(1, 2));
        return new Exported(p, e.controller(), e.memory(), e.segment(), published);
    }

    private static String readAndCheck(RsmLibrary importer, int node, int id, int salt) throws RsmException {
        ImportSegment im = importer.getController("emu0").connect(node, id, Rsm.PERM_READ);
        try {
            im.initBarrier(BarrierType.SEGMENT);
            MemorySegment page = MemorySegment.ofArray(new byte[(int) PAGE]);
            im.get(0, page);
            return mismatch(page, 0, PAGE, id, salt);
        } finally {
            im.disconnect();
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("two clusters side by side do not see each other's segments, in this JVM or a node JVM")
    void clusterDirectoriesDoNotCollide() throws Exception {
        try (EmulatedClusterExtension a = EmulatedClusterExtension.start(2); EmulatedClusterExtension b = EmulatedClusterExtension.start(2)) {
            assertNotEquals(a.cluster().directory(), b.cluster().directory());
            int shared = TestCluster.nextSegmentId();
            int onlyInA = TestCluster.nextSegmentId();
            // the same id on the same node in both: no SEGID_IN_USE across clusters, each its own data
            publishPattern(a.process(1), shared, 'A');
            publishPattern(b.process(1), shared, 'B');
            publishPattern(a.process(1), onlyInA, 'A');
            RsmLibrary inA = a.process(2);
            RsmLibrary inB = b.process(2);
            assertNull(readAndCheck(inA, 1, shared, 'A'), "cluster A's segment holds A's data");
            assertNull(readAndCheck(inB, 1, shared, 'B'), "cluster B's segment holds B's data");
            assertRsmError(RsmError.SEG_NOT_PUBLISHED,
                    () -> inB.getController("emu0").connect(1, onlyInA, Rsm.PERM_READ), hex(onlyInA));

            // a node JVM of cluster B sees B only
            try (NodeJvm child = NodeJvm.start(b.cluster(), 2, CHILD)) {
                assertEquals("node=2 uid=1000", child.expect("HELLO", "HELLO"));
                assertEquals("SEG_NOT_PUBLISHED", child.expect("IMPORT 1 " + Integer.toHexString(onlyInA), "ERROR")
                        .split(" ")[0]);
                child.expect("IMPORT 1 " + Integer.toHexString(shared), "CONNECTED");
                MemorySegment expected = MemorySegment.ofArray(new byte[16]);
                fill(expected, 0, 16, shared, 'B');
                assertEquals(java.util.HexFormat.of().formatHex(expected.toArray(ValueLayout.JAVA_BYTE)),
                        child.expect("GET 0 16", "DATA"));
                child.expect("PUT 0 00000000", "OK");
                assertNull(readAndCheck(inA, 1, shared, 'A'), "a put in cluster B leaves cluster A's segment alone");
            }

            // a node killed in A is up in B
            a.cluster().killNode(1);
            assertRsmError(RsmError.REMOTE_NODE_UNREACHABLE,
                    () -> inA.getController("emu0").connect(1, shared, Rsm.PERM_READ));
            ImportSegment still = inB.getController("emu0").connect(1, shared, Rsm.PERM_READ);
            still.disconnect();
        }
    }

    /** The memory directories under /dev/shm of a cluster in that directory. */
    static List<Path> sharedMemoryDirectories(Path clusterDirectory) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm)) {
            return List.of();
        }
        String prefix = "rsm-" + clusterDirectory.getFileName() + "-";
        try (Stream<Path> s = Files.list(shm)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    @Timeout(60)
    @DisplayName("a directory left by a kill -9'd owner: open refuses it clearly, start cleans and reuses it")
    void directoryOfACrashedOwner() throws Exception {
        Path parent = Files.createTempDirectory("rsm-crashed-owner-");
        Path dir = parent.resolve("cluster-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        int id = TestCluster.nextSegmentId();
        ClusterSpec spec = ClusterSpec.fullyConnected(2);
        NodeJvm owner = NodeJvm.launch(List.of(), ClusterOwnerProgram.class, dir.toString(), Integer.toHexString(id));
        try {
            assertEquals(dir.toString(), owner.awaitAnswer("OWNER", 30_000));
            List<Path> memoryOfOwner = sharedMemoryDirectories(dir);
            if (Files.isWritable(Path.of("/dev/shm"))) {
                assertEquals(1, memoryOfOwner.size(), "the owner's memory directory under /dev/shm: " + memoryOfOwner);
            }

            // while the owner lives: open joins it, start refuses it
            try (EmulatedCluster joined = EmulatedCluster.open(dir)) {
                RsmLibrary p = joined.process(2, TestCluster.USER);
                assertNull(readAndCheck(p, 1, id, 1), "the owner's segment, seen through open()");
                p.close();
            }
            IOException running = assertThrows(IOException.class, () -> EmulatedCluster.start(spec, dir));
            assertTrue(running.getMessage().contains(dir.toString()), running::getMessage);

            owner.process().destroyForcibly();
            assertEquals(137, owner.waitFor(5_000), "exit status of the owner killed with SIGKILL");
            try (Stream<Path> left = Files.list(dir)) {
                assertTrue(left.findAny().isPresent(), "kill -9 leaves the cluster directory behind");
            }

            IOException dead = assertThrows(IOException.class, () -> EmulatedCluster.open(dir));
            String m = dead.getMessage();
            assertTrue(m != null && m.contains(dir.toString()), () -> "the message should name " + dir + ": " + m);
            String lower = m.toLowerCase(Locale.ROOT);
            assertTrue(lower.contains("not running") || lower.contains("gone") || lower.contains("dead"),
                    () -> "the message should say the cluster is not running: " + m);

            try (EmulatedCluster restarted = EmulatedCluster.start(spec, dir)) {
                assertEquals(dir, restarted.directory());
                for (Path old : memoryOfOwner) {
                    assertFalse(Files.exists(old), "the dead owner's memory directory " + old + " is removed");
                }
                RsmLibrary p2 = restarted.process(2, TestCluster.USER);
                assertRsmError(RsmError.SEG_NOT_PUBLISHED,
                        () -> p2.getController("emu0").connect(1, id, Rsm.PERM_READ), hex(id));
                RsmLibrary p1 = restarted.process(1, TestCluster.USER);
                publishPattern(p1, id, 2); // the old id is free again
                assertNull(readAndCheck(p2, 1, id, 2), "the new segment under the old id");
                try (NodeJvm child = NodeJvm.start(restarted, 2, CHILD)) {
                    assertEquals("node=2 uid=1000", child.expect("HELLO", "HELLO"));
                    assertEquals(Long.toString(PAGE), child.expect("IMPORT 1 " + Integer.toHexString(id), "CONNECTED"));
                }
            }
            assertFalse(Files.exists(dir), "close() of the restarted cluster removes its directory");
            System.out.printf("crashed owner: %s was cleaned and reused; open() said: %s%n", dir, m);
        } finally {
            owner.close();
            for (Path leftOver : sharedMemoryDirectories(dir)) { // when a check failed before the restart
                TestFolders.delete(leftOver);
            }
            TestFolders.delete(parent);
        }
    }
}
