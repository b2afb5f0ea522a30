// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * {@code classpath shipped}: a "host" whose run prefix is a local command ({@code env}) and whose {@code dir=} is a folder
 * of the test, so that the copy and the node JVMs' use of it can be seen.
 */
@Timeout(90)
class ShippedClassPathTest {
    private static final Path TEST_CLASSES = ClassPathEntries.of(TestNodeProgram.class);

    @TempDir
    Path folder;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private HostsFile hosts(String text) throws Exception {
        return HostsFile.read(Files.writeString(folder.resolve("hosts.txt"), text));
    }

    private LaunchPlan plan(String... arguments) {
        return LaunchPlan.builder(ClusterSpec.fullyConnected(2)).classPath(List.of(TEST_CLASSES))
                .mainClass(TestNodeProgram.class.getName()).arguments(List.of(arguments)).build();
    }

    @Test
    void theClassPathIsCopiedToTheHostBeforeItsNodesStartAndTheyLoadTheCopies() throws Exception {
        Path here = folder.resolve("host a"); // made by the copy; a blank in the path must survive the prefix
        HostsFile hosts = hosts("host a nodes=1,2 run=\"env RSM_TEST=1\" dir=\"" + here + "\"\nclasspath shipped\n");
        assertTrue(hosts.classPathShipped());
        try (LaunchRunner runner = LaunchRunner.start(new NodeCommandBuilder(plan("where")).hosts(hosts),
                (node, stderr, line) -> lines.add((stderr ? "err " : "out ") + node + " " + line), log::add)) {
            assertEquals(OptionalInt.of(0), runner.waitFor(Duration.ofSeconds(60)), lines + " " + log);
        }
        Path copies = here.resolve(ShippedClassPath.FOLDER);
        assertTrue(log.stream().anyMatch(l -> l.matches("copying the class path \\([0-9]+ entries\\) to host a: "
                + Pattern.quote(copies.toString()))), log.toString());
        for (int node : List.of(1, 2)) {
            assertTrue(lines.contains("out " + node + " directory " + here), lines.toString());
            for (String type : List.of("Rsm", "EmulatedCluster", "TestNodeProgram")) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("out " + node + " loaded " + type + " from " + copies + "/")),
                        type + " is loaded from the copy: " + lines);
            }
        }
    }

    @Test
    void aNodeCommandNeedsTheCopyFirstAndNamesTheCopiesRelativeToTheHostsFolder() throws Exception {
        HostsFile hosts = hosts("host a nodes=1,2 run=env dir=" + folder.resolve("a") + "\nclasspath shipped\n");
        LaunchPlan plan = plan("exit", "0");
        NodeCommandBuilder commands = new NodeCommandBuilder(plan).runtimeClassPath(List.of(TEST_CLASSES)).hosts(hosts);
        try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> commands.command(cluster, plan.node(1)));
            assertEquals("the class path is not on host a yet: shipClassPath first", early.getMessage());
            commands.shipClassPath(log::add);
            List<String> command = commands.command(cluster, plan.node(1));
            assertEquals(ShippedClassPath.FOLDER + "/0-" + TEST_CLASSES.getFileName(), command.get(command.indexOf("-cp") + 1));
            commands.shipClassPath(log::add);
            assertEquals(1, log.size(), "a host gets the class path once: " + log);
        }
    }

    @Test
    void foldersLongNamesAndExecutableFilesArriveAsTheyAre() throws Exception {
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path deep = classes.resolve("a-package-with-a-rather-long-name/another-package-with-a-long-name/yet-another-one-to-pass-the-hundred");
        Files.createDirectories(deep);
        Path longFile = Files.writeString(deep.resolve("AClassWhoseNameIsLongEnoughToNeedAPaxHeader.class"), "x".repeat(1000));
        Path script = Files.writeString(classes.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.write(folder.resolve("lib.jar"), new byte[] {1, 2, 3});
        Path target = folder.resolve("target");
        HostsFile.Host host = hosts("host t nodes=1 run=env dir=" + target + "\nclasspath shipped\n").host("t");

        ShippedClassPath.ship(host, List.of(classes, jar));

        Path copies = target.resolve(ShippedClassPath.FOLDER);
        assertEquals(List.of(ShippedClassPath.FOLDER + "/0-classes", ShippedClassPath.FOLDER + "/1-lib.jar"),
                ShippedClassPath.copies(List.of(classes, jar)));
        assertEquals("x".repeat(1000), Files.readString(copies.resolve("0-classes").resolve(classes.relativize(longFile))));
        assertTrue(Files.isExecutable(copies.resolve("0-classes/run.sh")));
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), toList(Files.readAllBytes(copies.resolve("1-lib.jar"))));

        Files.writeString(copies.resolve("stale"), "from an earlier launch");
        ShippedClassPath.ship(host, List.of(jar));
        assertFalse(Files.exists(copies.resolve("stale")), "a copy replaces the earlier one");
        assertFalse(Files.exists(copies.resolve("0-classes")), "a copy replaces the earlier one");
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    @Test
    void aFailedCopyNamesTheHostAndSaysWhatToDo() throws Exception {
        Path noTar = Files.createDirectories(folder.resolve("bin-without-tar"));
        Files.createSymbolicLink(noTar.resolve("sh"), Path.of("/bin/sh"));
        HostsFile hosts = hosts("host bare nodes=1 run=\"env PATH=" + noTar + "\" dir=" + folder.resolve("bare") + "\n"
                + "host broken nodes=2 run=false dir=" + folder.resolve("broken") + "\nclasspath shipped\n");

        IOException bare = assertThrows(IOException.class, () -> ShippedClassPath.ship(hosts.host("bare"), List.of(TEST_CLASSES)));
        assertEquals("cannot copy the class path to host bare: it has no tar: install tar there, or copy the class path there"
                + " yourself and write classpath shared in the hosts file", bare.getMessage());

        IOException broken = assertThrows(IOException.class, () -> LaunchRunner.start(
                new NodeCommandBuilder(plan("exit", "0")).hosts(hosts), (_, _, _) -> { }, log::add));
        assertTrue(broken.getMessage().startsWith("cannot copy the class path to host bare: it has no tar"), broken.getMessage());

        IOException refused = assertThrows(IOException.class, () -> ShippedClassPath.ship(hosts.host("broken"), List.of(TEST_CLASSES)));
        assertTrue(refused.getMessage().startsWith("cannot copy the class path to host broken (" + folder.resolve("broken") + "/"
                + ShippedClassPath.FOLDER + "): "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(": check that false runs commands there and that dir= is a folder you may write"),
                refused.getMessage());
    }

    /** Before, a dir= that others may write to (or a link there) received the class path that the node JVMs run. */
    @Test
    void aFolderThatOthersMayWriteToOrALinkIsRefused() throws Exception {
        Path open = Files.createDirectories(folder.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = Files.createSymbolicLink(folder.resolve("link"), Files.createDirectories(folder.resolve("target")));
        HostsFile hosts = hosts("host open nodes=1 run=env dir=" + open + "\nhost link nodes=2 run=env dir=" + link
                + "\nclasspath shipped\n");
        for (String name : List.of("open", "link")) {
            IOException e = assertThrows(IOException.class, () -> ShippedClassPath.ship(hosts.host(name), List.of(TEST_CLASSES)));
            assertEquals("cannot copy the class path to host " + name + ": its dir= " + hosts.host(name).directory() + " is a link, or"
                    + " not yours, or others may write to it (they could put classes there that the node JVMs would run): give a"
                    + " folder of your own there that only you may write to (chmod go-w), or one that does not exist yet",
                    e.getMessage());
        }
        assertFalse(Files.exists(open.resolve(ShippedClassPath.FOLDER)), "nothing copied into the open folder");
        assertFalse(Files.exists(folder.resolve("target").resolve(ShippedClassPath.FOLDER)), "nothing copied through the link");
        Path made = folder.resolve("made/deeper");
        ShippedClassPath.ship(hosts("host new nodes=1 run=env dir=" + made + "\nclasspath shipped\n").host("new"), List.of(TEST_CLASSES));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)), "a folder it makes is private");
    }

    @Test
    void shippedNeedsAFolderOnEveryHost() throws Exception {
        Path file = Files.writeString(folder.resolve("hosts.txt"), "host a nodes=1 dir=/var/tmp/a\nhost b nodes=2\nclasspath shipped\n");
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class, () -> HostsFile.read(file));
        assertEquals("--hosts " + file + ":2: host b has no dir=: with classpath shipped, say where the class path is copied to"
                + " there, e.g. dir=/var/tmp/rsm", e.getMessage());
        Path wrong = Files.writeString(folder.resolve("wrong.txt"), "host a nodes=1\nclasspath copied\n");
        assertTrue(assertThrows(LaunchArgumentException.class, () -> HostsFile.read(wrong)).getMessage().endsWith(":2: write"
                + " classpath shared (the same paths on every host) or classpath shipped (the launcher copies the class path to every host)"));
    }
}
