// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.emulator.tests.Commands.onPath;
import static org.rsmworkbench.emulator.tests.Commands.run;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmError;
import static org.rsmworkbench.tests.support.conformance.RsmAssertions.assertRsmOk;
import static org.rsmworkbench.tests.support.conformance.TestCluster.PAGE;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connect;
import static org.rsmworkbench.tests.support.conformance.TestCluster.connectReady;
import static org.rsmworkbench.tests.support.conformance.TestCluster.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.TestCluster;

/** The library of one process (JAVA-BINDING.md: RsmLibrary, Rsm.open) and the cluster's own lifecycle. */
@DisplayName("RsmLibrary and EmulatedCluster lifecycle")
class LibraryLifecycleTest {
    /** Another user, who needs no account. */
    private static final int OTHER_UID = 65534;

    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);

    @Test
    void anInterruptedThreadDoesNotBreakTheCluster() throws Exception {
        RsmLibrary p = tc.process(1);
        Thread.currentThread().interrupt();
        try {
            publish(p, PAGE, null);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        // the registry's lock still works for everyone afterwards
        assertRsmOk(() -> publish(tc.process(2), PAGE, null));
    }

    @Test
    void closingTheClusterUnderAThreadAsleepInASignalWaitEndsTheWaitWithAnErrorAndRemovesTheCluster() throws Exception {
        EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
        Path directory = cluster.directory();
        RsmLibrary exporter = cluster.process(1, EmulatedClusterExtension.USER);
        var segment = exporter.getController("emu0").createExportSegment(exporter.allocate(PAGE), 0);
        Throwable[] ended = new Throwable[1];
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                segment.signalWait(-1);
            } catch (Throwable e) {
                ended[0] = e;
            }
        });
        Thread.sleep(300); // past its spin: asleep on the node's event word
        cluster.close();
        waiter.join(5000);
        assertFalse(waiter.isAlive(), "the wait ends with the cluster");
        assertTrue(ended[0] instanceof RsmException, "an RSM error, not " + ended[0]);
        assertFalse(Files.exists(directory), "the cluster directory is removed");
    }

    /**
     * The close may come at any point of a wait: on its entry, in its spin, as it writes its wait record, asleep, as its
     * timeout ends. Each time the wait ends with an RSM error (before: now and then with the unmapped registry's
     * IllegalStateException, 10 of 1000 rounds of waits without a timeout in one run).
     */
    @Test
    void closingTheClusterAtAnyPointOfASignalWaitEndsItWithAnRsmError() throws Exception {
        int[] timeouts = {-1, 0, 1};
        Map<String, Integer> endings = new TreeMap<>();
        for (int round = 0; round < 600; round++) {
            int timeout = timeouts[round % timeouts.length];
            EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
            Thread waiter = null;
            try {
                RsmLibrary exporter = cluster.process(1, EmulatedClusterExtension.USER);
                var segment = exporter.getController("emu0").createExportSegment(exporter.allocate(PAGE), 0);
                Throwable[] ended = new Throwable[1];
                waiter = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        segment.signalWait(timeout);
                    } catch (Throwable e) {
                        ended[0] = e;
                    }
                });
                long closeAt = System.nanoTime() + round * 7919L % 300_000; // 0 to 300 us after the waiter's start, spread
                while (System.nanoTime() < closeAt) {
                    Thread.onSpinWait();
                }
                cluster.close();
                waiter.join(5000);
                assertFalse(waiter.isAlive(), "the wait ends with the cluster (round " + round + ")");
                endings.merge(timeout + ": " + (ended[0] instanceof RsmException e ? e.error().name() : String.valueOf(ended[0])), 1,
                        Integer::sum);
            } finally {
                cluster.close();
            }
        }
        assertTrue(endings.keySet().stream().allMatch(ending -> ending.matches("-?\\d+: [A-Z_]+")), () -> "RSM errors only: " + endings);
    }

    @Test
    void processKnowsItsNodeAndCredentials() throws Exception {
        Credentials c = new Credentials(321, 654, Set.of(7, 8), 027, true);
        RsmLibrary p = tc.process(2, c);
        assertEquals(2, p.localNodeId());
        assertEquals(c, p.credentials());
    }

    @Test
    void allocateGivesZeroFilledPageAlignedMemoryOfTheLength() throws Exception {
        RsmLibrary p = tc.process(1);
        MemorySegment m = p.allocate(3 * PAGE + 100);
        assertEquals(3 * PAGE + 100, m.byteSize());
        assertEquals(0, m.address() % PAGE, "page-aligned");
        for (long i = 0; i < m.byteSize(); i += 97) {
            assertEquals(0, m.get(ValueLayout.JAVA_BYTE, i));
        }
        m.set(ValueLayout.JAVA_LONG, 8, 42);
        assertEquals(42, m.get(ValueLayout.JAVA_LONG, 8));
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, -4096, Long.MIN_VALUE })
    void allocateOfZeroOrNegativeIsBadLength(long n) throws Exception {
        RsmLibrary p = tc.process(1);
        assertRsmError(RsmError.BAD_LENGTH, () -> p.allocate(n));
    }

    @Test
    void closeIsIdempotentAndLaterCallsAreBadCtlrHndl() throws Exception {
        RsmLibrary p = tc.process(1);
        p.close();
        p.close();
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> p.getController("emu0"));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> p.getController(null));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> p.allocate(PAGE));
        assertRsmError(RsmError.BAD_CTLR_HNDL, p::getInterconnectTopology);
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> p.getSegmentIdRange("app"));
        assertRsmError(RsmError.BAD_CTLR_HNDL, () -> p.signalWaitPollFd(List.of(), 0));
    }

    @Test
    void closeMakesEveryHandleStaleAtOnce() throws Exception {
        RsmLibrary p = tc.process(1);
        RsmController c = p.getController("emu0");
        Exported e = publish(p, PAGE, null);
        Exported remote = publish(tc.process(2), PAGE, null);
        ImportSegment im = connectReady(p, remote, Rsm.PERM_RDWR);
        p.close();
        assertRsmError(RsmError.BAD_CTLR_HNDL, c::getAttributes);
        assertRsmError(RsmError.BAD_CTLR_HNDL, c::release);
        assertRsmError(RsmError.BAD_SEG_HNDL, e.segment()::unpublish);
        assertRsmError(RsmError.BAD_SEG_HNDL, e.segment()::destroy);
        assertRsmError(RsmError.BAD_SEG_HNDL, () -> im.put8(0, new byte[1], 1));
        assertRsmError(RsmError.BAD_SEG_HNDL, im::disconnect);
        // the remote exporter is unaffected, and its segment can be destroyed (the import is gone)
        assertRsmOk(remote.segment()::destroy);
    }

    @Test
    void closeDestroysTheExportsOfTheProcess() throws Exception {
        RsmLibrary p = tc.process(1);
        Exported e = publish(p, PAGE, null);
        RsmLibrary q = tc.process(2);
        ImportSegment im = connectReady(q, e, Rsm.PERM_RDWR);
        p.close();
        assertRsmError(RsmError.CONN_ABORTED, () -> im.put8(0, new byte[1], 1));
        assertRsmError(RsmError.SEG_NOT_PUBLISHED, () -> connect(q, "emu0", e, Rsm.PERM_READ));
        // the id is free for another process of the node
        RsmLibrary p2 = tc.process(1);
        assertRsmOk(() -> TestCluster.create(p2, "emu0", PAGE, 0).segment().publish(e.id(), null));
    }

    @Test
    void rsmOpenWithoutClusterPropertyIsCtlrNotPresent() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty(Rsm.PROPERTY_CLUSTER) == null,
                "this JVM was launched as a node");
        assertRsmError(RsmError.CTLR_NOT_PRESENT, Rsm::open);
    }

    @Test
    void processArgumentsAreTheLaunchProperties() throws Exception {
        Credentials c = new Credentials(501, 20, Set.of(12, 61), 077, false);
        List<String> args = tc.cluster().processArguments(2, c);
        assertTrue(args.stream().allMatch(a -> a.startsWith("-D")), "only -D options: " + args);
        Map<String, String> props = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            props.put(a.substring(2, eq < 0 ? a.length() : eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        assertEquals(tc.cluster().directory().toString(), Path.of(props.get("rsm.cluster")).toString());
        assertEquals("2", props.get("rsm.node"));
        assertEquals(Integer.toString(c.uid()), props.get("rsm.uid"));
        assertEquals(Integer.toString(c.gid()), props.get("rsm.gid"));
        assertEquals("77", props.get("rsm.umask").replaceFirst("^0+", ""), "octal umask");
        assertEquals("false", props.get("rsm.privileged"));
        assertEquals(Set.of("12", "61"), Set.of(props.get("rsm.groups").split(",")));
        // Rsm.open() with these options is exercised in a child JVM by MultiJvmTest: a JVM that opened a
        // node library belongs to the cluster and exits with it.
    }

    // ---------------------------------------------------------------- EmulatedCluster

    @Test
    void startMakesAPrivateDirectoryAndCloseRemovesIt() throws Exception {
        EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2));
        Path dir = c.directory();
        try {
            assertTrue(Files.isDirectory(dir));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(dir), "mode 0700");
            assertEquals(ClusterSpec.fullyConnected(2), c.spec());
        } finally {
            c.close();
        }
        assertFalse(Files.exists(dir), "close removes the cluster directory");
    }

    @Test
    void startInAGivenDirectory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cluster");
        try (EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir)) {
            assertEquals(dir.toAbsolutePath().normalize(), c.directory().toAbsolutePath().normalize());
            RsmLibrary p = c.process(1, TestCluster.USER);
            assertEquals(1, p.localNodeId());
            p.close();
        }
    }

    @Test
    @DisplayName("an existing empty directory stays the user's: its mode is kept, close() removes only what the cluster made")
    void startInAnExistingDirectoryLeavesItTheUsers(@TempDir Path tmp) throws Exception {
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rwxr-x---");
        Path dir = Files.createDirectory(tmp.resolve("mine"));
        Files.setPosixFilePermissions(dir, mode);
        try (EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir)) {
            assertEquals(dir, c.directory());
            assertEquals(mode, Files.getPosixFilePermissions(dir), "start does not change the directory's mode");
            Files.writeString(dir.resolve("segmentid.conf"), "reserved app 400000 16\n"); // the user's, while it runs
            RsmLibrary p = c.process(1, TestCluster.USER);
            p.allocate(PAGE);
            p.close();
        }
        assertEquals(mode, Files.getPosixFilePermissions(dir), "the directory and its mode are still there after close()");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("segmentid.conf")), left.toList(), "only the user's file is left");
        }
    }

    @Test
    @DisplayName("a directory with the user's files is refused with a clear error, and left as it was")
    void startRefusesANonEmptyDirectory(@TempDir Path tmp) throws Exception {
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rwxr-x---");
        Path dir = Files.createDirectory(tmp.resolve("mine"));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.setPosixFilePermissions(dir, mode);
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("not empty"), e::getMessage);
        assertEquals(mode, Files.getPosixFilePermissions(dir));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(notes), left.toList());
        }
        assertEquals("mine", Files.readString(notes));
    }

    @Test
    @DisplayName("a directory that other users can write is refused: they could plant files among the cluster's")
    void startRefusesADirectoryOthersCanWrite(@TempDir Path tmp) throws Exception {
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rwxrwxrwx");
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, mode);
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("writable by other users"), e::getMessage);
        assertEquals(mode, Files.getPosixFilePermissions(dir));
    }

    @Test
    @DisplayName("a symbolic link as the cluster directory is refused: the cluster would make and remove its files wherever it leads by then")
    void startRefusesASymbolicLink(@TempDir Path tmp) throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.start(ClusterSpec.fullyConnected(2), link));
        assertTrue(e.getMessage().contains(link.toString()) && e.getMessage().contains("symbolic link"), e::getMessage);
        try (var left = Files.list(real)) {
            assertEquals(List.of(), left.toList(), "nothing made where the link leads");
        }
    }

    @Test
    @DisplayName("a folder on the way that others can write, and not sticky, is refused: they could replace what the path leads to")
    void startRefusesAFolderOnTheWayOthersCanWrite(@TempDir Path tmp) throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path dir = shared.resolve("cluster");
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir));
        assertTrue(e.getMessage().contains(shared.toString()) && e.getMessage().contains("writable by other users"), e::getMessage);
        assertFalse(Files.exists(dir), "nothing made there");

        Files.setAttribute(shared, "unix:mode", 01777); // sticky, as /tmp: others cannot replace the user's entries
        try (EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir)) {
            assertEquals(dir, c.directory());
        }
    }

    @ParameterizedTest(name = "the link is {0}")
    @ValueSource(strings = { "the cluster directory", "a folder on its way" })
    @DisplayName("another user's link, re-pointed to the user's project after start: start refuses it, the project loses nothing")
    void anotherUsersLinkCannotLeadCloseElsewhere(String where, @TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(run(List.of("id", "-u")).equals("0"), "the link is made as another uid: needs root");
        Assumptions.assumeTrue(onPath("setpriv"), "setpriv is not installed: skipped");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x")); // the other user reaches its folder
        // as /tmp, a folder where the other user makes links (its own here)
        Path theirs = Files.createDirectory(tmp.resolve("theirs"));
        Files.setAttribute(theirs, "unix:uid", OTHER_UID);
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Path victim = Files.createDirectory(tmp.resolve("victim"));
        Path project = plantProject(victim.resolve("project"));
        Path link = theirs.resolve("evilc");
        asOtherUser("ln", "-s", empty.toString(), link.toString());
        boolean linkIsTheDirectory = where.equals("the cluster directory");

        EmulatedCluster started = null;
        IOException refused = null;
        try {
            started = EmulatedCluster.start(ClusterSpec.fullyConnected(2), linkIsTheDirectory ? link : link.resolve("project"));
        } catch (IOException e) {
            refused = e;
        }
        asOtherUser("ln", "-sfn", (linkIsTheDirectory ? project : victim).toString(), link.toString());
        if (started != null) {
            started.close();
        }

        assertProjectIntact(project);
        assertNotNull(refused, "start refused the path");
        String why = linkIsTheDirectory ? "symbolic link" : theirs + " on the way belongs to another user";
        assertTrue(refused.getMessage().contains(why), refused::getMessage);
    }

    @ParameterizedTest(name = "a directory {0}")
    @ValueSource(strings = { "the cluster made", "the user gave" })
    @DisplayName("a cluster directory moved away and replaced while the cluster runs: close() removes nothing in the replacement, and says so")
    void aReplacedDirectoryLosesNothingAtClose(String kind, @TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cluster");
        if (kind.equals("the user gave")) {
            Files.createDirectory(dir);
        }
        EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir);
        Files.move(dir, tmp.resolve("moved"));
        Path project = plantProject(dir);

        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            c.close();
        } finally {
            System.setErr(original);
        }

        assertProjectIntact(project);
        String said = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(dir.toString()) && said.contains("no longer names the folder"), said);
    }

    @Test
    @DisplayName("open() checks the folder before it reads: one that others can write is refused, as at start")
    void openRefusesAFolderOthersCanWrite(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cluster");
        try (EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx---rwx"));
            IOException e = assertThrows(IOException.class, () -> EmulatedCluster.open(dir).close());
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("writable by other users"), e::getMessage);
        }
    }

    @Test
    @DisplayName("open() on a cluster whose owner lock is now a FIFO: says the cluster is not running, does not wait for a writer")
    void openDoesNotWaitOnAFifoAsTheOwnerLock(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(onPath("mkfifo"), "mkfifo is not installed: skipped");
        Path dir = tmp.resolve("cluster");
        try (EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir)) {
            Path lock = dir.resolve("cluster.lock");
            Files.delete(lock);
            run(List.of("mkfifo", "-m", "600", lock.toString()));
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(IOException.class, () -> EmulatedCluster.open(dir)));
            assertTrue(e.getMessage().contains("not running"), e::getMessage);
        }
    }

    /** A project of the user's whose entries have the names of a cluster's: made at {@code project}. */
    private static Path plantProject(Path project) throws IOException {
        Files.writeString(Files.createDirectories(project.resolve("memory")).resolve("important.txt"), "important");
        Files.writeString(Files.createDirectories(project.resolve("jvms")).resolve("notes.txt"), "notes");
        Files.writeString(project.resolve("registry"), "registry");
        return project;
    }

    private static void assertProjectIntact(Path project) throws IOException {
        assertEquals("important", Files.readString(project.resolve("memory/important.txt")));
        assertEquals("notes", Files.readString(project.resolve("jvms/notes.txt")));
        assertEquals("registry", Files.readString(project.resolve("registry")));
    }

    /** Runs {@code command} as uid and gid 65534. */
    private static void asOtherUser(String... command) throws Exception {
        List<String> asOther = new ArrayList<>(List.of("setpriv", "--reuid=" + OTHER_UID, "--regid=" + OTHER_UID,
                "--clear-groups", "--"));
        asOther.addAll(List.of(command));
        run(asOther);
    }

    @Test
    @DisplayName("a spec damaged by a malformed unicode escape: open says it is damaged, start cleans the directory and reuses it")
    void damagedSpecOfADeadCluster(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("crashed"));
        Path spec = Files.writeString(dir.resolve("cluster.properties"), "name=\\uZZZZ\n");
        IOException e = assertThrows(IOException.class, () -> EmulatedCluster.open(dir));
        assertTrue(e.getMessage().contains(spec.toString()) && e.getMessage().contains("damaged"), e::getMessage);
        try (EmulatedCluster c = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir)) {
            assertEquals(dir, c.directory());
            assertFalse(Files.readString(spec).contains("ZZZZ"), "the damaged spec was removed, a new one written");
        }
    }

    @Test
    void openJoinsARunningCluster() throws Exception {
        Exported e = publish(tc.process(1), PAGE, null);
        EmulatedCluster joined = EmulatedCluster.open(tc.cluster().directory());
        RsmLibrary q = joined.process(2, TestCluster.USER);
        try {
            assertEquals(tc.cluster().spec(), joined.spec());
            ImportSegment im = connectReady(q, e, Rsm.PERM_RDWR);
            im.put32(4, new int[] { 1234 }, 1);
            assertEquals(1234, e.memory().get(ValueLayout.JAVA_INT, 4));
            im.disconnect();
        } finally {
            q.close();
        }
    }
}
