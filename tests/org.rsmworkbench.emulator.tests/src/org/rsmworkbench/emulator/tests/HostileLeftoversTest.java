// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.rsmworkbench.emulator.tests.Commands.onPath;
import static org.rsmworkbench.emulator.tests.Commands.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.emulator.tests.nodes.ClusterStartProgram;

/**
 * What {@code EmulatedCluster.start} cleans before it starts (leftovers of crashed clusters under /tmp and
 * /dev/shm) when those folders hold hostile files: another user's planted folders, FIFOs, links to /dev/zero,
 * paths that lead out of a cluster's own folders (issue 13 items 1 and 2). Each test runs the starting JVM
 * ({@link ClusterStartProgram}) in a private mount namespace with its own empty /tmp and /dev/shm, so that the
 * planted files reach no other program on this machine and vanish with the namespace, even when a test fails.
 * Files are planted as root through /proc/PID/root, and as another user (uid 65534) with nsenter and setpriv.
 * Needs root, unshare, nsenter, setpriv and mkfifo; skipped otherwise.
 */
@DisplayName("start never follows, reads, removes or hangs on what was planted in /tmp and /dev/shm")
class HostileLeftoversTest {
    /** Another user, who needs no account. */
    private static final int OTHER_UID = 65534;
    private static final long START_MILLIS = 30_000;

    private NodeJvm starter;

    @BeforeAll
    static void needsRootAndNamespaces() throws Exception {
        Assumptions.assumeTrue(run(List.of("id", "-u")).equals("0"),
                "these tests plant files as another uid and make a private mount namespace: they need root");
        for (String tool : List.of("unshare", "nsenter", "setpriv", "mkfifo")) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed: skipped");
        }
        Process probe = new ProcessBuilder("unshare", "--mount", "--", "true").redirectErrorStream(true).start();
        Assumptions.assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "cannot make a private mount namespace here (unshare --mount): skipped");
    }

    @BeforeEach
    void startInPrivateNamespace() throws Exception {
        List<String> privateTmp = List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                "mount -t tmpfs rsm-test-host /mnt && mkdir /mnt/tmp && mount --bind /tmp /mnt/tmp"
                        + " && mount -t tmpfs -o mode=1777 rsm-test-tmp /tmp && mount -t tmpfs -o mode=1777 rsm-test-shm /dev/shm"
                        + keepUnderPrivateTmp() + " && exec \"$@\"",
                "sh");
        starter = NodeJvm.launch(privateTmp, List.of("-Xmx64m"), ClusterStartProgram.class);
        assertEquals("", starter.awaitAnswer("READY", 30_000));
    }

    /**
     * Shell commands that bind the folders of the child's class path that lie under /tmp (a build in a clone
     * there, as CI may make) back into the private /tmp, from the host's /tmp kept at /mnt/tmp: the child must
     * load its classes, and a scan of /tmp for rsm-cluster-* folders does not see these.
     */
    private static String keepUnderPrivateTmp() {
        StringBuilder commands = new StringBuilder();
        java.util.Set<Path> kept = new java.util.TreeSet<>();
        for (String entry : NodeJvm.classPath().split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (path.startsWith("/tmp") && path.getNameCount() > 1 && kept.add(path.subpath(0, 2))) {
                String top = "/" + path.subpath(0, 2);
                commands.append(" && mkdir -p '").append(top).append("' && mount --bind '/mnt").append(top)
                        .append("' '").append(top).append('\'');
            }
        }
        return commands.toString();
    }

    @AfterEach
    void stop() {
        if (starter != null) {
            starter.close(); // its namespace, and everything planted in it, ends with it
        }
    }

    @Test
    @DisplayName("another user's rsm-cluster-* folder whose memoryDirectory= names a victim: nothing is removed")
    void otherUsersClusterFolder() throws Exception {
        Path victim = plantVictim("/tmp/victim");
        // a victim that passes for the memory directory of the planted cluster, and is ours
        Path ourMemory = plantVictim("/dev/shm/rsm-rsm-cluster-planted2-1");
        plantAsOtherUser("""
                mkdir -m 755 /tmp/rsm-cluster-planted /tmp/rsm-cluster-planted2
                printf 'name=planted\\npageSize=4096\\nmemoryDirectory=/tmp/victim\\n' > /tmp/rsm-cluster-planted/cluster.properties
                printf 'name=planted2\\npageSize=4096\\nmemoryDirectory=/dev/shm/rsm-rsm-cluster-planted2-1\\n' \
                    > /tmp/rsm-cluster-planted2/cluster.properties
                """);

        startCluster();

        assertVictimIntact(victim);
        assertVictimIntact(ourMemory);
        for (String planted : List.of("/tmp/rsm-cluster-planted", "/tmp/rsm-cluster-planted2")) {
            assertTrue(Files.exists(inside(planted + "/cluster.properties")), planted + " is another user's: left alone");
        }
    }

    @Test
    @DisplayName("another user's /dev/shm folders with a FIFO, a link to /dev/zero, links to a victim: no hang, nothing removed")
    void otherUsersSharedMemoryFolders() throws Exception {
        Path victim = plantVictim("/tmp/victim");
        plantAsOtherUser("""
                cd /dev/shm
                mkdir rsm-rsm-cluster-fifo-1 rsm-rsm-cluster-zero-1 rsm-rsm-cluster-link-1
                mkfifo rsm-rsm-cluster-fifo-1/cluster-directory
                ln -s /dev/zero rsm-rsm-cluster-zero-1/cluster-directory
                ln -s /tmp/victim rsm-rsm-cluster-link-1/data
                ln -s /tmp/victim rsm-rsm-cluster-symlink-1
                """);

        startCluster();

        assertVictimIntact(victim);
        for (String planted : List.of("rsm-rsm-cluster-fifo-1/cluster-directory", "rsm-rsm-cluster-zero-1/cluster-directory",
                "rsm-rsm-cluster-link-1/data", "rsm-rsm-cluster-symlink-1")) {
            assertTrue(Files.exists(inside("/dev/shm/" + planted), LinkOption.NOFOLLOW_LINKS),
                    "/dev/shm/" + planted + " is another user's: left alone");
        }
    }

    @ParameterizedTest(name = "cluster-directory is {0}")
    @ValueSource(strings = { "a FIFO", "a link to /dev/zero" })
    @DisplayName("our own abandoned /dev/shm folder whose cluster-directory is a FIFO or a link to /dev/zero: no hang, no OOM, removed")
    void ownSharedMemoryFolderWithAFifoOrALinkToDevZero(String kind) throws Exception {
        Path folder = Files.createDirectory(inside("/dev/shm/rsm-rsm-cluster-planted-1"));
        Path clusterLink = folder.resolve("cluster-directory");
        if (kind.equals("a FIFO")) {
            run(List.of("mkfifo", clusterLink.toString()));
        } else {
            Files.createSymbolicLink(clusterLink, Path.of("/dev/zero"));
        }

        startCluster();

        // its cluster (/tmp/rsm-cluster-planted) does not exist: it is a leftover of ours
        assertFalse(Files.exists(folder, LinkOption.NOFOLLOW_LINKS), folder + " is removed");
    }

    @Test
    @DisplayName("our own /dev/shm folder without its cluster-directory yet (a cluster being made elsewhere right now): left alone")
    void ownSharedMemoryFolderWithoutItsLinkYet() throws Exception {
        Path folder = Files.createDirectory(inside("/dev/shm/rsm-rsm-cluster-elsewhere-1"));

        startCluster();

        // the cluster may be being made in a directory of that name elsewhere than /tmp: its link tells, once written
        assertTrue(Files.isDirectory(folder), folder + " is left alone");
    }

    @Test
    @DisplayName("our own abandoned cluster folder: neither its memoryDirectory= outside it nor its links are followed")
    void ownClusterFolderLeadingOutside() throws Exception {
        Path victim = plantVictim("/tmp/victim");
        Path linkedVictim = plantVictim("/tmp/linked-victim");
        Path cluster = Files.createDirectory(inside("/tmp/rsm-cluster-own"));
        Files.writeString(cluster.resolve("cluster.properties"),
                "name=own\npageSize=4096\nmemoryDirectory=/tmp/victim\nmadeDirectory=true\n");
        Files.createSymbolicLink(Files.createDirectory(cluster.resolve("jvms")).resolve("1.lock"), Path.of("/tmp/linked-victim"));
        Path memoryLink = Files.createSymbolicLink(inside("/dev/shm/rsm-rsm-cluster-own-1"), Path.of("/tmp/linked-victim"));

        startCluster();

        assertVictimIntact(victim);
        assertVictimIntact(linkedVictim);
        assertFalse(Files.exists(cluster.resolve("cluster.properties")), "the dead cluster's spec is removed");
        assertFalse(Files.exists(cluster.resolve("jvms"), LinkOption.NOFOLLOW_LINKS), "its jvms folder (and the link in it) too");
        assertTrue(Files.isSymbolicLink(memoryLink), "a link in /dev/shm is no memory directory of ours: left alone");
    }

    /** Runs START in the namespace: a cluster starts (the clean-up before it neither hangs nor fails) and closes. */
    private void startCluster() throws IOException, InterruptedException {
        starter.send("START");
        String directory = starter.awaitAnswer("STARTED", START_MILLIS);
        assertTrue(directory.startsWith("/tmp/rsm-cluster-"), directory);
    }

    /** A directory of ours holding a file, at that path inside the namespace. */
    private Path plantVictim(String path) throws IOException {
        Path victim = Files.createDirectories(inside(path));
        Files.writeString(victim.resolve("precious"), "precious");
        return victim;
    }

    private static void assertVictimIntact(Path victim) throws IOException {
        assertEquals("precious", Files.readString(victim.resolve("precious")), victim + " and its file are intact");
    }

    /** Runs {@code script} (sh, lines stop at the first failure) in the namespace as uid and gid 65534. */
    private void plantAsOtherUser(String script) throws Exception {
        run(List.of("nsenter", "--target", Long.toString(starter.process().pid()), "--mount", "--", "setpriv",
                "--reuid=" + OTHER_UID, "--regid=" + OTHER_UID, "--clear-groups", "--", "sh", "-e", "-c", script));
    }

    /** A path inside the starter's mount namespace, reached from this one. */
    private Path inside(String path) {
        return Path.of("/proc/" + starter.process().pid() + "/root" + path);
    }
}
