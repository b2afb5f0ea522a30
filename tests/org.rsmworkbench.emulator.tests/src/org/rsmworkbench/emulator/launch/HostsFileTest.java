// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hosts file of {@code rsm-launch --hosts}, the faults of hosts, and how they are checked against the launch. */
class HostsFileTest {
    private static final String MAIN = TestNodeProgram.class.getName();
    private static final String CLASSES = ClassPathEntries.of(TestNodeProgram.class).toString();

    private static final int OTHER_UID = 65534;

    @TempDir
    Path folder;

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("hosts.txt"), text);
    }

    @Test
    void aHostsFileSaysWhichNodesRunWhereAndHow() throws Exception {
        Path file = write("""
                # two hosts, the test's
                  # and another comment
                host alpha nodes=0-3,5 run="ip netns exec ns-a" address=10.9.0.1

                host beta nodes=4 java=/opt/jdk/bin/java dir="/srv/rsm work" address=10.9.0.2
                classpath shared
                """);
        HostsFile hosts = HostsFile.read(file);
        assertEquals(List.of("alpha", "beta"), hosts.hosts().stream().map(HostsFile.Host::name).toList());
        HostsFile.Host alpha = hosts.host("alpha");
        assertEquals(List.of(0, 1, 2, 3, 5), alpha.nodes(), "node 0 too: a cluster file may have it");
        assertEquals(List.of("ip", "netns", "exec", "ns-a"), alpha.prefix());
        assertEquals(3, alpha.line());
        assertEquals("beta", hosts.hostOf(4).name());
        assertNull(hosts.hostOf(6));
        HostsFile.Host beta = hosts.host("beta");
        assertEquals(List.of("ssh", "beta"), beta.prefix(), "the default prefix");
        assertEquals("/opt/jdk/bin/java", beta.java());
        assertEquals("/srv/rsm work", beta.directory());
        assertEquals("10.9.0.2", beta.address());
        assertFalse(hosts.ownFiles(), "files shared is the default");
        assertTrue(HostsFile.read(write("host alpha nodes=1\nfiles own\n")).ownFiles());
        assertFalse(HostsFile.read(write("host alpha nodes=1\nfiles shared\n")).ownFiles());
    }

    @Test
    void aNodeCommandRunsThroughItsHostsPrefixQuotedForAShellWhenThePrefixIsSsh() throws Exception {
        HostsFile hosts = HostsFile.read(write("""
                host local nodes=1 run=""
                host ns nodes=2 run="ip netns exec ns-b"
                host inDir nodes=3 run="ip netns exec ns-c" dir=/srv
                host remote nodes=4 run="/usr/bin/ssh -p 2222 r.example.org" dir="/home/me/it's here"
                """));
        List<String> java = List.of("/jdk/bin/java", "-Dx=a b", "Main");
        assertEquals(java, hosts.host("local").command(java));
        assertEquals(List.of("ip", "netns", "exec", "ns-b", "/jdk/bin/java", "-Dx=a b", "Main"), hosts.host("ns").command(java));
        assertEquals(List.of("ip", "netns", "exec", "ns-c", "sh", "-c", "cd \"$0\" && exec \"$@\"", "/srv", "/jdk/bin/java", "-Dx=a b",
                "Main"), hosts.host("inDir").command(java));
        assertEquals(List.of("/usr/bin/ssh", "-p", "2222", "r.example.org",
                "cd '/home/me/it'\\''s here' && exec '/jdk/bin/java' '-Dx=a b' 'Main'"), hosts.host("remote").command(java));
        assertEquals(List.of("/usr/bin/ssh", "-p", "2222", "r.example.org", "'ip' 'route'"),
                hosts.host("remote").commandInPlace(List.of("ip", "route")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hosts alpha nodes=1                       | 1: "hosts" is not a statement
            host                                      | 1: a host line starts with host NAME
            host nodes=1                              | 1: a host line starts with host NAME
            host my-host nodes=1                      | 1: host name "my-host" has other characters
            host alpha                                | 1: host alpha has no nodes=
            host alpha nodes=1 user=me                | 1: "user=me" is not KEY=VALUE with a key of nodes, run, java, dir, address
            host alpha nodes=1 nodes=2                | 1: nodes= is given twice
            host alpha nodes=-1                       | 1: nodes=-1 is not a list of node ids and ranges like 1-4,7
            host alpha nodes=3-1                      | 1: nodes=3-1 is not a list
            host alpha nodes=1,x                      | 1: nodes=1,x is not a list
            host alpha nodes=1-65536                  | 1: nodes=1-65536 names node 65536: node ids are 0 to 63
            host alpha nodes=2,64                     | 1: nodes=2,64 names node 64: node ids are 0 to 63
            host alpha nodes=1 run="ssh a             | 1: unbalanced " in
            host alpha nodes=1 address=somewhere      | 1: address=somewhere is not an IP address
            host alpha nodes=1 java=                  | 1: java= is empty
            classpath                                 | 1: write classpath shared
            files apart                               | 1: write files shared (the node JVMs use the launch's cluster directory
            """)
    void aMistakeIsReportedWithTheFileAndLineAndWhatToDo(String line, String message) throws Exception {
        Path file = write(line + "\n");
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class, () -> HostsFile.read(file));
        assertTrue(e.getMessage().startsWith("--hosts " + file + ":" + message), e.getMessage());
    }

    @Test
    void aNodeOnTwoHostsOrTwoLinesForAHostAreRefused() throws Exception {
        Path file = write("host a nodes=1,2\nhost b nodes=2\n");
        assertEquals("--hosts " + file + ":2: node 2 is already on host a (line 1): a node runs on one host",
                assertThrows(LaunchArgumentException.class, () -> HostsFile.read(file)).getMessage());
        Path twice = write("host a nodes=1\n# again\nhost a nodes=2\n");
        assertEquals("--hosts " + twice + ":3: host a is already on line 1: give each host one line",
                assertThrows(LaunchArgumentException.class, () -> HostsFile.read(twice)).getMessage());
        Path empty = write("# nothing\n");
        assertTrue(assertThrows(LaunchArgumentException.class, () -> HostsFile.read(empty)).getMessage().endsWith(": no host line:"
                + " add one per host, e.g. host alpha nodes=1,2"));
        assertTrue(assertThrows(LaunchArgumentException.class, () -> HostsFile.read(folder.resolve("missing"))).getMessage()
                .contains("is not a file"));
    }

    /** A hosts file says what runs on each host: one another user wrote, or may change, would run their commands. */
    @Test
    void aHostsFileOfAnotherUserIsRefused() throws Exception {
        Path file = write("host alpha nodes=1 run=\"sh -c 'touch /tmp/owned'\"\n");
        try {
            Files.setAttribute(file, "unix:uid", OTHER_UID);
        } catch (IOException notPermitted) {
            Assumptions.abort("a file of another user (uid " + OTHER_UID + ") needs root to make: " + notPermitted);
        }
        String message = assertThrows(LaunchArgumentException.class, () -> HostsFile.read(file)).getMessage();
        assertTrue(message.startsWith("--hosts: cannot read " + file + ": "), message);
        assertTrue(message.contains("belongs to another user (uid " + OTHER_UID), message);
        assertTrue(message.contains("a hosts file says which commands run on each host"), message);
    }

    @Test
    void aHostsFileOthersMayChangeOrTooLargeIsRefused() throws Exception {
        Path file = write("host alpha nodes=1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--rw-"));
        String message = assertThrows(LaunchArgumentException.class, () -> HostsFile.read(file)).getMessage();
        assertTrue(message.contains("can be changed by other users (mode 0646)"), message);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, HostsFile.read(file).hosts().size());
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(HostsFile.MAX_FILE_BYTES + 1);
        }
        message = assertThrows(LaunchArgumentException.class, () -> HostsFile.read(file)).getMessage();
        assertTrue(message.contains("more than the " + HostsFile.MAX_FILE_BYTES + " bytes"), message);
    }

    @Test
    void faultsOfHostsAreReadAndWritten() {
        HostFault kill = HostFault.parse("kill-host:alpha@500ms");
        assertEquals(new HostFault(HostFault.Kind.KILL_HOST, "alpha", null, Duration.ofMillis(500)), kill);
        assertEquals("kill-host:alpha@500ms", kill.toString());
        assertEquals("kill host alpha", kill.describe());
        HostFault down = HostFault.parse("host-link-down:alpha-b.2@2s");
        assertEquals(new HostFault(HostFault.Kind.LINK_DOWN, "alpha", "b.2", Duration.ofSeconds(2)), down);
        assertEquals("cut link alpha - b.2", down.describe());
        assertEquals("heal link alpha - b.2", HostFault.parse("host-link-up:alpha-b.2@2s").describe());
        assertTrue(HostFault.isHostFault("kill-host:x@1s"));
        assertTrue(!HostFault.isHostFault("kill:2@1s"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostFault.parse("host-link-down:a-a@1s")).getMessage()
                .contains("a link joins two different hosts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HostFault.parse("kill-host:alpha")).getMessage()
                .contains("is not FAULT@TIME"));
    }

    private List<String> launch(Path hosts, String zookeeper, String... more) {
        List<String> args = new ArrayList<>(List.of("--nodes", "3", "--cp", CLASSES, "--hosts", hosts.toString()));
        if (zookeeper != null) {
            args.addAll(List.of("--zookeeper", zookeeper));
        }
        args.addAll(List.of(more));
        args.add(MAIN);
        return args;
    }

    private static String refusal(List<String> args) {
        return assertThrows(LaunchArgumentException.class, () -> LaunchArguments.parse(args)).getMessage();
    }

    @Test
    void aLaunchAcrossHostsIsCheckedAgainstTheClusterTheEnsembleAndItsFaults() throws Exception {
        Path file = write("host a nodes=1,2 address=10.9.0.1\nhost b nodes=3\n");
        LaunchArguments parsed = LaunchArguments.parse(launch(file, "10.9.0.1:2181", "--fault", "kill-host:b@1s", "--fault", "kill:1@2s"));
        assertEquals(List.of("a", "b"), parsed.hosts().hosts().stream().map(HostsFile.Host::name).toList());
        assertEquals(List.of(HostFault.parse("kill-host:b@1s")), parsed.hostFaults());
        assertEquals(1, parsed.plan().faults().size(), "kill:1 stays a fault of the cluster");

        assertTrue(refusal(launch(file, null)).startsWith("--hosts needs --zookeeper HOST:PORT"));
        assertTrue(refusal(launch(file, "embedded")).startsWith("--hosts with --zookeeper embedded: the embedded ZooKeeper listens"));
        assertTrue(refusal(launch(file, "zk:2181,127.0.0.1:2181")).contains("a loopback address"));
        assertTrue(refusal(launch(file, "localhost:2181")).contains("a loopback address"));
        assertEquals("--fault kill-host:c@1000ms: " + file + " has no host c (its hosts: a, b)", refusal(launch(file, "zk:2181", "--fault", "kill-host:c@1s")));
        assertEquals("--fault host-link-down:a-b@1000ms: host b (" + file + ":2) has no address=: give the address the other hosts"
                + " reach it at", refusal(launch(file, "zk:2181", "--fault", "host-link-down:a-b@1s")));
        assertEquals("--fault kill-host:a@1000ms needs --hosts FILE (it names a host)",
                refusal(List.of("--nodes", "3", "--cp", CLASSES, "--fault", "kill-host:a@1s", MAIN)));

        assertEquals("embedded", LaunchArguments.parse(List.of("--zookeeper", "embedded", "--nodes", "3", "--cp", CLASSES,
                "--fault", "kill:2@1s", "--fault", "restart:2@2s", "--fault", "link-down:1/emu0-2/emu0@1s", "--fault",
                "link-up:1/emu0-2/emu0@3s", "--fault", "fail:1->2x3@1s", MAIN)).zookeeper(), "every fault reaches a distributed cluster");

        Path missingNode = write("host a nodes=1,2\n");
        assertEquals("--hosts " + missingNode + ": node 3 runs the program but is on no host: add it to the nodes= of a host line",
                refusal(launch(missingNode, "zk:2181")));
        Path extraNode = write("host a nodes=1-3\nhost b nodes=4\n");
        assertEquals("--hosts " + extraNode + ":2: the cluster has no node 4 (its nodes: [1, 2, 3]): remove it from nodes=",
                refusal(launch(extraNode, "zk:2181")));
        Path onlySome = write("host a nodes=1,3\n");
        assertEquals(List.of(1, 3), LaunchArguments.parse(launch(onlySome, "zk:2181", "--on", "1,3")).hosts().host("a").nodes(),
                "only the nodes that run the program need a host");
    }

    /**
     * A link between this machine (no prefix, or an address of this machine's: 127.0.0.1 is) and a host reached through
     * ssh cannot be cut from here: the ssh connection goes through it. Links between other hosts, or to a host whose
     * prefix does not go through the network, can.
     */
    @Test
    void aLinkBetweenThisMachineAndAHostReachedThroughSshIsNotCutFromHere() throws Exception {
        Path file = write("host here nodes=1 run=\"\" address=10.9.0.1\nhost local nodes=2 run=\"ip netns exec ns\" address=127.0.0.1\n"
                + "host far nodes=3 run=\"/usr/bin/ssh -F cfg far\" address=10.9.0.3\n");
        for (String link : List.of("here-far", "far-here", "local-far")) {
            String thisMachine = link.startsWith("local") ? "local" : "here";
            assertEquals("--fault host-link-down:" + link + "@1000ms: host " + thisMachine + " (" + file + ":"
                    + (thisMachine.equals("here") ? 1 : 2) + ") is this machine, which runs commands on far through ssh (line 3),"
                    + " across that link: a cut would hang that connection and could not be healed from here. Launch from a host"
                    + " outside the link, or cut a link between two other hosts",
                    refusal(launch(file, "10.9.0.1:2181", "--fault", "host-link-down:" + link + "@1s")), link);
        }
        assertLinkFaultAccepted(file, "here-local");
        assertLinkFaultAccepted(write("host here nodes=1 run=\"\" address=10.9.0.1\nhost far nodes=2 run=\"ssh far\" address=10.9.0.3\n"
                + "host farther nodes=3 address=10.9.0.4\n"), "far-farther");
    }

    private void assertLinkFaultAccepted(Path file, String link) throws LaunchArgumentException {
        HostFault fault = HostFault.parse("host-link-down:" + link + "@1s");
        assertEquals(List.of(fault), LaunchArguments.parse(launch(file, "10.9.0.1:2181", "--fault", fault.toString())).hostFaults(), link);
    }

    @Test
    void theUsageDescribesHostsAndTheirFaults() {
        for (String text : List.of("--hosts FILE", "host NAME nodes=LIST [run=\"PREFIX\"] [java=PATH] [dir=PATH] [address=IP]",
                "classpath shared", "files shared|own", "kill-host:beta@500ms", "host-link-down:alpha-beta@1s", "host-link-up:alpha-beta@2s")) {
            assertTrue(LaunchArguments.USAGE.contains(text), text);
        }
    }
}
