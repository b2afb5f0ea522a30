// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.tests.OtherUser;
import org.rsmworkbench.rsmapi.Credentials;

class LaunchArgumentsTest {
    private static final String MAIN = TestNodeProgram.class.getName();
    /** Another main class on the test class path. */
    private static final String OTHER = LaunchArgumentsTest.class.getName();
    private static final String CLASSES = ClassPathEntries.of(TestNodeProgram.class).toString();

    private static List<String> args(String... words) {
        return List.of(words);
    }

    @Test
    void defaultsApplyToEveryNodeAndOverridesToOne() throws Exception {
        LaunchArguments parsed = LaunchArguments.parse(args("--nodes", "3", "--cp", CLASSES, "--uid", "7", "--umask=077",
                "--node", "2:main=" + OTHER, "--node", "2:args=x 'y z'", "--node", "3:privileged=true",
                "--node", "3:groups=5,6", "--jvm-arg", "-ea", "--node", "1:jvm=-Xmx64m -Xss1m", "--timeout", "1500ms",
                "--fault", "kill:2@1s", MAIN, "--", "a", "--b"));
        LaunchPlan plan = parsed.plan();
        assertEquals(List.of(1, 2, 3), plan.nodeIds());
        assertEquals(List.of("-ea"), plan.jvmArguments());
        assertEquals(new NodeLaunch(1, MAIN, List.of("a", "--b"), List.of("-Xmx64m", "-Xss1m"),
                new Credentials(7, 1000, Set.of(), 077, false)), plan.node(1));
        assertEquals(new NodeLaunch(2, OTHER, List.of("x", "y z"), List.of(),
                new Credentials(7, 1000, Set.of(), 077, false)), plan.node(2));
        assertEquals(new Credentials(7, 1000, Set.of(5, 6), 077, true), plan.node(3).credentials());
        assertEquals(List.of(new ScheduledFault(Duration.ofSeconds(1), new Fault.KillNode(2))), plan.faults());
        assertEquals(Duration.ofMillis(1500), parsed.timeout());
    }

    /** The message of rsm-launch's refusal of {@code --record folder}. */
    private static String recordRefused(Path folder) {
        return assertThrows(LaunchArgumentException.class, () -> LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES,
                "--record", folder.toString(), MAIN))).getMessage();
    }

    @Test
    void aRecordingFolderOthersCanWriteToIsRefusedWithWhatToDo(@TempDir Path parent) throws Exception {
        Path open = Files.createDirectory(parent.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx")); // as mkdir -m 0777 /tmp/evilrec
        assertEquals("--record: " + open + ": can be written by other users (mode 0777), who could delete logs or plant their"
                + " own there: run \"chmod go-w " + open + "\" or choose another folder", recordRefused(open));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(open, LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--record", open.toString(), MAIN))
                .recording().directory(), "once others cannot write to it");
    }

    @Test
    void aRecordingFolderInAFolderOthersCanChangeIsRefusedUnlessThatFolderIsSticky(@TempDir Path parent) throws Exception {
        Path shared = Files.createDirectory(parent.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 0777); // others could move "mine" away and put a folder of theirs there
        Path mine = Files.createDirectory(shared.resolve("mine"));
        String onTheWay = shared + " on the way is writable by other users (mode 777, not sticky)";
        assertTrue(recordRefused(mine).contains(onTheWay), recordRefused(mine));
        assertTrue(recordRefused(shared.resolve("missing")).contains(onTheWay), "a folder to be made there too");
        Files.setAttribute(shared, "unix:mode", 01777); // as /tmp: others may add entries, not replace this user's
        assertEquals(mine, LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--record", mine.toString(), MAIN))
                .recording().directory());
    }

    /** The folders checked are those the path reaches, through links and ".." as the kernel follows them. */
    @Test
    void aRecordingFolderReachedThroughALinkIntoAFolderOthersCanChangeIsRefused(@TempDir Path parent) throws Exception {
        Path shared = Files.createDirectory(parent.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 0777);
        Path linkToFolder = Files.createSymbolicLink(parent.resolve("rec"), Files.createDirectory(shared.resolve("rec")));
        String onTheWay = shared + " on the way is writable by other users";
        assertTrue(recordRefused(linkToFolder).contains(onTheWay), recordRefused(linkToFolder));
        Path linkDown = Files.createSymbolicLink(parent.resolve("down"), Files.createDirectories(shared.resolve("d/e")));
        Path upFromTheLink = Path.of(linkDown + "/../new"); // shared/d/new, not parent/new
        assertTrue(recordRefused(upFromTheLink).contains(onTheWay), recordRefused(upFromTheLink));
    }

    /** umask 002 makes folders group-writable in the user's private group, which lets no one else in. */
    @Test
    void aGroupWritableRecordingFolderIsAcceptedOnlyInTheUsersPrivateGroup(@TempDir Path parent) throws Exception {
        Assumptions.assumeTrue((Integer) Files.getAttribute(parent, "unix:uid") == 0,
                "changing a folder's group to another needs root: skipped");
        Assumptions.assumeTrue(Files.readAllLines(Path.of("/etc/group")).contains("root:x:0:"),
                "root's group has members here, so it is not root's alone: skipped");
        Path mine = Files.createDirectory(parent.resolve("mine"));
        Files.setAttribute(mine, "unix:gid", 0);
        Files.setAttribute(mine, "unix:mode", 0775);
        assertEquals(mine, LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--record", mine.toString(), MAIN))
                .recording().directory(), "group-writable in root's own group");
        Files.setAttribute(mine, "unix:gid", 1); // daemon's, which others may be in
        assertTrue(recordRefused(mine).contains("can be written by other users (mode 0775)"), recordRefused(mine));
    }

    @Test
    void aRecordingFolderOfAnotherUserIsRefused(@TempDir Path parent) throws Exception {
        Path theirs = OtherUser.owns(Files.createDirectory(parent.resolve("theirs")));
        assertEquals("--record: " + theirs + ": belongs to another user (uid " + OtherUser.UID + "), who could read or change the"
                + " recording: choose a folder of your own", recordRefused(theirs));
    }

    @Test
    void aSymbolicLinkToARecordingFolderIsFollowedOnlyWhenItIsThisUsersAndTheFolderItNamesIsUsed(@TempDir Path parent)
            throws Exception {
        Path mine = Files.createDirectory(parent.resolve("mine"));
        Path link = Files.createSymbolicLink(parent.resolve("link"), mine);
        assertEquals(mine.toRealPath(), LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--record", link.toString(),
                MAIN)).recording().directory(), "this user's link: the real folder from then on");
        OtherUser.owns(link);
        assertEquals("--record: " + link + ": is a symbolic link of another user (uid " + OtherUser.UID + "), who could point it"
                + " elsewhere: not followed; give the folder it points to, or choose another folder", recordRefused(link));
    }

    @Test
    void aRecordingFolderThatCannotBeMadeIsRefusedWithTheReason(@TempDir Path parent) throws Exception {
        Path file = Files.writeString(parent.resolve("afile"), "");
        assertEquals("--record: " + file + " cannot be used: " + file + " is not a directory", recordRefused(file.resolve("sub")));
        Path nowhere = Files.createSymbolicLink(parent.resolve("nowhere"), parent.resolve("missing"));
        assertEquals("--record: " + nowhere.resolve("sub") + ": cannot be made: " + nowhere + " is not a folder",
                recordRefused(nowhere.resolve("sub")));
    }

    @Test
    void anEmptyFileNameIsABadArgumentNotTheCurrentFolder() {
        for (String option : List.of("--record", "--cluster", "--races", "--hosts", "--cp")) {
            LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                    () -> LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, option, "", MAIN)), option);
            assertEquals("option " + option + " needs a file name, not an empty one", e.getMessage());
        }
    }

    @Test
    void theRecordLimitGoesUpTo1TiB() throws Exception {
        assertEquals(1L << 40, LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--record", "rec",
                "--record-limit", "1024g", MAIN)).recording().limitBytes());
    }

    @Test
    void deadlocksAreLookedForUnlessTurnedOff() throws Exception {
        assertTrue(LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, MAIN)).deadlockDetection());
        assertFalse(LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--no-deadlock-detection", MAIN))
                .deadlockDetection());
        assertTrue(LaunchArguments.USAGE.contains("--no-deadlock-detection"));
    }

    @Test
    void onSelectsTheNodesThatRun() throws Exception {
        LaunchPlan plan = LaunchArguments.parse(args("--nodes=4", "--class-path", CLASSES, "--on", "3,1", MAIN)).plan();
        assertEquals(List.of(1, 3), plan.nodeIds());
        assertEquals(4, plan.cluster().nodes().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --frobnicate                                    | unknown option --frobnicate
            --nodes x MAIN                                  | --nodes: "x" is not a number
            --nodes 0 MAIN                                  | --nodes: must be at least 1, not 0
            --nodes 64 MAIN                                 | --nodes 64: a cluster has 1 to 63 nodes, not 64
            --nodes                                         | option --nodes needs a value
            --races --nodes 2 MAIN                          | option --races needs a file name before --nodes
            --nodes 2 --record --cp CLASSES MAIN            | option --record needs a file name before --cp
            --cp CLASSES MAIN                               | no cluster: give --nodes N or --cluster FILE.rsmcluster
            --nodes 2 --cluster x.rsmcluster MAIN           | give either --nodes or --cluster, not both
            --cluster /no/such.rsmcluster MAIN              | --cluster: file /no/such.rsmcluster does not exist
            --cluster /dev/zero MAIN                        | --cluster: /dev/zero is not a regular file (a directory, FIFO or device): give a .rsmcluster file
            --nodes 2 --cp CLASSES                          | no main class: name it after the options
            --nodes 2 --cp /no/such/dir MAIN                | class path entry /no/such/dir does not exist
            --nodes 2 org.example.Missing                   | main class org.example.Missing (node 1) is not on the class path
            --nodes 2 --cp CLASSES 1abc                     | main class "1abc" of node 1 is not a class name
            --nodes 2 --cp CLASSES MAIN extra               | unexpected argument "extra" after the main class
            --nodes 2 --cp CLASSES --on 1,5 MAIN            | the nodes that run the program: cluster cluster-of-2 has no node 5 (its nodes: [1, 2])
            --nodes 2 --cp CLASSES --on 1,x MAIN            | --on: "x" is not a number
            --nodes 2 --cp CLASSES --node 3:uid=1 MAIN      | settings of node 3: cluster cluster-of-2 has no node 3
            --nodes 3 --cp CLASSES --on 1,2 --node 3:uid=1 MAIN | node 3 has settings of its own but does not run the program
            --nodes 2 --cp CLASSES --node 2 MAIN            | --node "2" is not NODE:KEY=VALUE
            --nodes 2 --cp CLASSES --node 2:color=red MAIN  | unknown key "color"
            --nodes 2 --cp CLASSES --node 2:uid=-1 MAIN     | --node 2:uid: "-1" is not a number
            --nodes 2 --cp CLASSES --node 2:privileged=yes MAIN | --node 2:privileged: "yes" is not true or false
            --nodes 2 --cp CLASSES --node 2:args='a MAIN    | --node 2:args: unbalanced '
            --nodes 2 --cp CLASSES --umask 999 MAIN         | --umask: "999" is not an octal umask like 022
            --nodes 2 --cp CLASSES --gid g MAIN             | --gid: "g" is not a number
            --nodes 2 --cp CLASSES --groups 1,,2 MAIN       | --groups: "" is not a number
            --nodes 2 --cp CLASSES --privileged=yes MAIN    | option --privileged takes no value
            --nodes 2 --cp CLASSES --no-deadlock-detection=yes MAIN | option --no-deadlock-detection takes no value
            --nodes 2 --cp CLASSES --timeout soon MAIN      | --timeout: "soon" is not a duration
            --nodes 2 --cp CLASSES --java /no/java MAIN     | --java: /no/java is not an executable file
            --nodes 2 --cp CLASSES --fault kill:2 MAIN      | --fault: fault "kill:2" is not FAULT@TIME
            --nodes 2 --cp CLASSES --fault boom:2@1s MAIN   | --fault: fault "boom:2" is not one of kill:N
            --nodes 2 --cp CLASSES --fault kill:x@1s MAIN   | --fault: fault "kill:x": "x" is not a number
            --nodes 2 --cp CLASSES --fault fail:1->2x0@1s MAIN | --fault: a transfer fault needs a count of at least 1, not 0
            --nodes 2 --cp CLASSES --fault kill:3@1s MAIN   | fault kill:3@1000ms: cluster cluster-of-2 has no node 3
            --nodes 2 --cp CLASSES --fault link-down:1/emu0-2/emu1@1s MAIN | cluster cluster-of-2 has no link 1/emu0-2/emu1
            --nodes 2 --cp CLASSES --record /no/such/rec --record-limit 4294967296g MAIN | --record-limit: "4294967296g" is not a size from 1 MiB to 1024g
            --nodes 2 --cp CLASSES --record /no/such/rec --record-limit 1025g MAIN | --record-limit: "1025g" is not a size from 1 MiB to 1024g
            --nodes 2 --cp CLASSES --record /no/such/rec --record-limit 1023k MAIN | --record-limit: "1023k" is not a size from 1 MiB to 1024g
            """)
    void everyBadArgumentFailsWithStatus2AndAOneLineMessage(String commandLine, String expected) {
        List<String> words = new ArrayList<>();
        for (String word : commandLine.trim().split(" +")) {
            words.add(word.equals("MAIN") ? MAIN : word.equals("CLASSES") ? CLASSES : word);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RsmLaunch.run(words, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(RsmLaunch.BAD_ARGUMENT, status, String.join("\n", lines));
        assertEquals(2, lines.length, "a message and a hint: " + String.join("\n", lines));
        assertTrue(lines[0].startsWith("rsm-launch: ") && lines[0].contains(expected), lines[0]);
        assertEquals("Try 'rsm-launch --help' for usage.", lines[1]);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout");
    }

    /** A java launcher in {@code home/bin} of a JDK whose release file says {@code version} (none: no release file). */
    private static Path fakeJava(Path home, String version) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return java;
    }

    @Test
    void aJavaOlderThan25IsRefusedAsItsReleaseFileSays(@TempDir Path folder) throws Exception {
        Path java17 = fakeJava(folder.resolve("jdk-17"), "17.0.9");
        Path linked = Files.createSymbolicLink(folder.resolve("java"), java17); // as /usr/bin/java links into a JDK
        for (Path java : List.of(java17, linked)) {
            LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                    () -> LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--java", java.toString(), MAIN)));
            assertEquals("--java: " + java + " is Java 17.0.9; node JVMs need Java 25 or newer", e.getMessage());
        }
        for (Path java : List.of(fakeJava(folder.resolve("jdk-25"), "25.0.1"), fakeJava(folder.resolve("no-release"), null))) {
            assertEquals(java, LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--java", java.toString(), MAIN))
                    .javaExecutable(), "accepted: " + java);
        }
    }

    @Test
    void aJava8JreInsideItsJdkIsRefusedAsTheJdksReleaseFileSays(@TempDir Path folder) throws Exception {
        Path jdk8 = folder.resolve("jdk8");
        Path jreJava = fakeJava(jdk8.resolve("jre"), null); // Java 8's jre has no release file: the JDK's is one up
        Files.writeString(jdk8.resolve("release"), "JAVA_VERSION=\"1.8.0_392\"\n");
        Path linked = Files.createSymbolicLink(folder.resolve("java"), jreJava); // as Debian's /usr/bin/java may
        for (Path java : List.of(jreJava, linked)) {
            LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                    () -> LaunchArguments.parse(args("--nodes", "2", "--cp", CLASSES, "--java", java.toString(), MAIN)));
            assertEquals("--java: " + java + " is Java 1.8.0_392; node JVMs need Java 25 or newer", e.getMessage());
        }
    }

    @Test
    void majorVersionsOfJavaVersionStrings() {
        assertEquals(25, JavaRelease.majorVersion("25.0.1"));
        assertEquals(8, JavaRelease.majorVersion("1.8.0_402"));
        assertEquals(26, JavaRelease.majorVersion("26-ea"));
        assertEquals(0, JavaRelease.majorVersion("unknown"));
        assertTrue(JavaRelease.tooOld("17.0.9"));
        assertFalse(JavaRelease.tooOld("25"));
        assertFalse(JavaRelease.tooOld("unknown"), "an unknown version is not refused");
    }

    @Test
    void aClusterFileNeedsAReaderOnTheClassPath() throws Exception {
        Path file = java.nio.file.Files.createTempFile("test", ".rsmcluster");
        try {
            LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                    () -> LaunchArguments.parse(args("--cluster", file.toString(), "--cp", CLASSES, MAIN)));
            assertTrue(e.getMessage().contains("no cluster file reader on the class path")
                    && e.getMessage().contains("org.rsmworkbench.model"), e.getMessage());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /** Before, a file of another name also said to put the model bundle on the class path, which was there. */
    @Test
    void aFileThatNoReaderOnTheClassPathTakesIsNotAClusterFile() {
        ClusterFileReader rsmcluster = new ClusterFileReader() {
            @Override
            public boolean canRead(Path file) {
                return file.toString().endsWith(".rsmcluster");
            }

            @Override
            public ClusterSpec read(Path file) {
                return ClusterSpec.fullyConnected(2);
            }
        };
        IOException e = assertThrows(IOException.class, () -> ClusterFileReader.readCluster(Path.of("c/wrong.xml"), List.of(rsmcluster)));
        assertEquals("cannot read c/wrong.xml: not a cluster file (its name says which format it is: a .rsmcluster file, made with"
                + " File > New > RSM Cluster in the IDE), or describe the cluster with --nodes N", e.getMessage());
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RsmLaunch.run(args("--nodes", "x", "--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: rsm-launch"));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("%1$s"));
    }
}
