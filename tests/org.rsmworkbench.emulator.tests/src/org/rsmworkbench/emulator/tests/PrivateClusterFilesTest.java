// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.rsmworkbench.emulator.tests.Commands.onPath;
import static org.rsmworkbench.emulator.tests.Commands.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.emulator.tests.nodes.ClusterOwnerProgram;
import org.rsmworkbench.tests.support.conformance.TestCluster;
import org.rsmworkbench.tests.support.TestFolders;

/**
 * A cluster started in a directory the user gives, which keeps its mode (0755 here), under umask 022: every file
 * and folder the cluster makes is owner-only from the start, so that no other user can read exported memory, hold
 * a read lock on a JVM's lock file (it would never look dead).
 * The owner is a child JVM ({@link ClusterOwnerProgram}, with an exported segment) started under umask 022; without
 * /dev/shm (a private mount namespace where it is read-only) the memory folder is inside the cluster's directory.
 * The other user (uid 65534, no account needed) is made with setpriv; needs root, setpriv and, for the case without
 * /dev/shm, unshare; skipped otherwise.
 */
@DisplayName("the files of a cluster in a directory the user gives are the user's alone, whatever the umask")
class PrivateClusterFilesTest {
    private static final int OTHER_UID = 65534;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** Prints each argument that the user running it can open (a file) or enter (a folder). */
    private static final String PRINT_REACHABLE = """
            for f do
                if [ -d "$f" ]; then (cd "$f") 2>/dev/null && echo "$f"
                else (: < "$f") 2>/dev/null && echo "$f"
                fi
            done
            exit 0
            """;

    @BeforeAll
    static void needsRootAndSetpriv() throws Exception {
        Assumptions.assumeTrue(run(List.of("id", "-u")).equals("0"), "files are tried as another uid: needs root");
        Assumptions.assumeTrue(onPath("setpriv"), "setpriv is not installed: skipped");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "with /dev/shm", "without /dev/shm" })
    @Timeout(90)
    void noOtherUserCanOpenAFileOfTheCluster(String memory) throws Exception {
        List<String> wrapper = new ArrayList<>();
        String script = "umask 022 && exec \"$@\"";
        if (memory.equals("without /dev/shm")) {
            Assumptions.assumeTrue(onPath("unshare"), "unshare is not installed: skipped");
            wrapper.addAll(List.of("unshare", "--mount", "--propagation", "private", "--"));
            script = "mount -t tmpfs -o ro rsm-test-no-shm /dev/shm && " + script; // read-only: no memory there
        }
        wrapper.addAll(List.of("sh", "-c", script, "sh"));
        Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxr-xr-x");
        Path parent = Files.createTempDirectory("rsm-private-files-");
        Files.setPosixFilePermissions(parent, open);
        // a name of its own: its memory directory's too
        Path dir = Files.createDirectory(parent.resolve(parent.getFileName() + "-given"));
        Files.setPosixFilePermissions(dir, open);
        NodeJvm owner = NodeJvm.launch(wrapper, List.of("-Xmx64m"), ClusterOwnerProgram.class, dir.toString(),
                Integer.toHexString(TestCluster.nextSegmentId()));
        try {
            assertEquals(dir.toString(), owner.awaitAnswer("OWNER", 30_000), owner::transcript);
            List<Path> made = new ArrayList<>(listTree(dir));
            made.remove(dir); // the user's, with the user's mode
            for (Path shared : KillSoakTest.sharedMemoryDirectories(dir)) {
                made.addAll(listTree(shared));
            }
            assertTrue(made.stream().anyMatch(p -> p.getFileName().toString().startsWith("p")),
                    "the exported segment's memory file is among " + made);

            List<String> notOwnerOnly = new ArrayList<>();
            for (Path p : made) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                mode.retainAll(GROUP_OR_OTHERS);
                if (!mode.isEmpty()) {
                    notOwnerOnly.add(p + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p,
                            LinkOption.NOFOLLOW_LINKS)));
                }
            }
            assertEquals(List.of(), notOwnerOnly, "every file and folder the cluster made is owner-only");

            List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + OTHER_UID, "--regid=" + OTHER_UID,
                    "--clear-groups", "--", "sh", "-c", PRINT_REACHABLE, "sh"));
            made.forEach(p -> command.add(p.toString()));
            assertEquals("", run(command), "what uid " + OTHER_UID + " can open or enter");

            owner.send("EXIT");
            assertEquals("", owner.awaitAnswer("BYE", 30_000), owner::transcript);
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.toList(), "close() removed what the cluster made");
            }
        } finally {
            owner.close();
            for (Path leftOver : KillSoakTest.sharedMemoryDirectories(dir)) { // when a check failed
                TestFolders.delete(leftOver);
            }
            TestFolders.delete(parent);
        }
        assertFalse(Files.exists(parent));
    }

    private static List<Path> listTree(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.toList();
        }
    }
}
