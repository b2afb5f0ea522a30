// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.distributed.internal.EmbeddedZooKeeper;
import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.LaunchArgumentException;
import org.rsmworkbench.emulator.launch.LaunchArguments;
import org.rsmworkbench.emulator.launch.LaunchRunner;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.examples.DoorbellPingPong;
import org.rsmworkbench.tests.support.DeadlockProgram;

/** Node programs launched with {@code rsm-launch --zookeeper} (RsmLaunch.run in this JVM, one JVM per node). */
@Timeout(180)
class DistributedLaunchTest {
    private static final String PROBE = RegistryProbe.class.getName();
    private static final String CLASS_PATH = ClassPathEntries.of(DoorbellPingPong.class) + File.pathSeparator
            + ClassPathEntries.of(RegistryProbe.class) + File.pathSeparator + ClassPathEntries.of(DeadlockProgram.class);

    /** What a launch printed, and its exit status. */
    private record Launch(int status, List<String> out, List<String> err) {
        /** What node N printed on stdout, without the [node N] prefix. */
        List<String> output(int node) {
            return nodeOutput(out, node);
        }

        @Override
        public String toString() {
            return "status " + status + "\n" + String.join("\n", out) + "\n" + String.join("\n", err);
        }
    }

    private static List<String> nodeOutput(List<String> out, int node) {
        return out.stream().filter(l -> l.startsWith("[node " + node + "] ")).map(l -> l.substring(l.indexOf(']') + 2)).toList();
    }

    private static Launch launch(String... args) {
        return new RunningLaunch(args).await();
    }

    /** A launch running in another thread: what it printed so far can be read meanwhile. */
    private static final class RunningLaunch {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Integer> status;

        RunningLaunch(String... args) {
            List<String> command = new ArrayList<>(List.of("--cp", CLASS_PATH, "--timeout", "120s"));
            command.addAll(Arrays.asList(args));
            status = CompletableFuture.supplyAsync(() -> RsmLaunch.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)), runnable -> Thread.ofPlatform().daemon().start(runnable));
        }

        /** What node N printed on stdout so far. */
        List<String> output(int node) {
            return nodeOutput(out.toString(StandardCharsets.UTF_8).lines().toList(), node);
        }

        /** What it printed on standard error so far. */
        List<String> err() {
            return err.toString(StandardCharsets.UTF_8).lines().toList();
        }

        Launch await() {
            return new Launch(status.join(), out.toString(StandardCharsets.UTF_8).lines().toList(), err());
        }
    }

    @Test
    void theDoorbellExampleRunsOnTwoNodesWithAnEmbeddedZooKeeper() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "2", "org.rsmworkbench.examples.DoorbellPingPong", "--", "200");
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(List.of("RESULT pingpong rounds=200 nodes=2"), launch.output(1), launch.toString());
        assertEquals(List.of("RESULT pingpong rounds=200 nodes=2"), launch.output(2), launch.toString());
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 0, node 2 0; exit status 0"), launch.toString());
    }

    /**
     * A launch whose registry secret cannot be kept in its file (the folder cannot be made, even by root: a regular file
     * is in its way) runs all the same: only RSM > Attach reads that file, and one warning line says it will not find it.
     */
    @Test
    void aSecretFileThatCannotBeWrittenIsOneWarningNotAFailedLaunch(@TempDir Path home) throws IOException {
        Assumptions.assumeTrue(System.getenv("XDG_RUNTIME_DIR") == null, "the secret's file is then in $XDG_RUNTIME_DIR,"
                + " which a test cannot change");
        Path inTheWay = Files.writeString(home.resolve(".rsm-workbench"), "not a folder");
        String userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        Launch launch;
        try {
            launch = launch("--zookeeper", "embedded", "--nodes", "2", "org.rsmworkbench.examples.DoorbellPingPong", "--", "20");
        } finally {
            System.setProperty("user.home", userHome);
        }
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(List.of("RESULT pingpong rounds=20 nodes=2"), launch.output(2), launch.toString());
        List<String> warnings = launch.err().stream().filter(line -> line.startsWith("[rsm-launch] warning: ")).toList();
        assertEquals(1, warnings.size(), launch.toString());
        assertTrue(warnings.getFirst().startsWith("[rsm-launch] warning: RSM > Attach to Distributed Cluster... will not find the"
                + " secret of this cluster's registry: it cannot be written to " + inTheWay.resolve("registry-secrets")),
                warnings.getFirst());
    }

    /**
     * Nodes of a distributed cluster waiting for each other are reported as locally: the threads of the ZooKeeper
     * client and of UCX are the runtime's, not program threads that run (which made every wait look as if another
     * thread could still post, and the cycle ran until the timeout).
     */
    @Test
    void aDeadlockIsReported() {
        assertTheDeadlockOfAPairIsReported(launch("--zookeeper", "embedded", "--nodes", "2", DeadlockProgram.class.getName(), "--",
                "pair", "1,2"));
    }

    /**
     * Node JVMs with files of their own: their waits are not in the launch's files, but in the registry (each blocked wait
     * published by its process); the launcher finds the cycle there, and reports it as with shared files.
     */
    @Test
    void aDeadlockOfNodesWithClusterDirectoriesOfTheirOwnIsReported() {
        assertTheDeadlockOfAPairIsReported(launch("--zookeeper", "embedded", "--nodes", "2", "--jvm-arg", OWN_FILES,
                DeadlockProgram.class.getName(), "--", "pair", "1,2"));
    }

    /**
     * The state of a launch's cluster, which the IDE's views read, lists the segment and the connection of a node JVM with
     * files of its own (node 2), which only the registry has, once the registry is added; and once those of a node JVM that
     * shares the launch's files (node 1), which records them in both. The pair waits for each other until the launch ends.
     */
    @Test
    void theLaunchsStateListsWhatNodeJvmsWithFilesOfTheirOwnPublishOnce() throws Exception {
        LaunchArguments parsed = LaunchArguments.parse(List.of("--zookeeper", "embedded", "--nodes", "2", "--node",
                "2:jvm=" + OWN_FILES, "--cp", CLASS_PATH, DeadlockProgram.class.getName(), "--", "pair", "1,2"));
        NodeCommandBuilder commands = new NodeCommandBuilder(parsed.plan());
        List<String> output = new CopyOnWriteArrayList<>();
        try (DistributedBackend.LaunchedRegistry registry = parsed.distributed().open(new ZooKeeperBackend(), commands, output::add);
                LaunchRunner runner = LaunchRunner.start(commands, (_, _, line) -> output.add(line), output::add)) {
            EmulatedCluster cluster = runner.cluster();
            ZooKeeperTests.waitFor("node 1 publishes its mailbox and connects to node 2's", () -> cluster.state().connections().size() == 1);
            cluster.addRegistry(registry);
            List<String> expected = List.of("node 1 exports 0x400100", "node 1 imports 2:0x400100", "node 2 exports 0x400100",
                    "node 2 imports 1:0x400100");
            ZooKeeperTests.waitFor("the registry's are listed too: " + output, () -> published(cluster.state()).size() >= expected.size());
            assertEquals(expected, published(cluster.state()), "each once");
        }
    }

    private static List<String> published(ClusterState state) {
        List<String> published = new ArrayList<>();
        state.segments().forEach(s -> published.add("node " + s.node() + " exports 0x" + Integer.toHexString(s.segmentId())));
        state.connections().forEach(c -> published.add("node " + c.importerNode() + " imports " + c.exporterNode() + ":0x"
                + Integer.toHexString(c.segmentId())));
        return published.stream().sorted().toList();
    }

    private static void assertTheDeadlockOfAPairIsReported(Launch launch) {
        assertEquals(RsmLaunch.DEADLOCK, launch.status(), launch.toString());
        int at = launch.err().indexOf("DEADLOCK");
        assertTrue(at >= 0, launch.toString());
        String program = "DeadlockProgram.java:";
        assertEquals(List.of("  node 1 waits in signalWait on 1:0x400100 at " + program + DeadlockProgram.EXPORT_WAIT_LINE
                + " (woken only by node 2)", "  node 2 waits in signalWait on 1:0x400100 at " + program
                        + DeadlockProgram.IMPORT_WAIT_LINE + " (woken only by node 1)"),
                launch.err().subList(at + 1, Math.min(at + 3, launch.err().size())), launch.toString());
    }

    @Test
    void theRegistryInZooKeeperGivesTheErrorCodesOfTheLocalBackend() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "2", RegistryProbe.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(List.of("registry zookeeper", "publish-bad-acl BAD_ACL", "received 4242"), launch.output(1), launch.toString());
        assertEquals(List.of("registry zookeeper", "connect-never-published SEG_NOT_PUBLISHED", "connect-not-in-acl SEG_NOT_PUBLISHED_TO_NODE"),
                launch.output(2), launch.toString());
    }

    @Test
    void aRunningEnsembleIsUsedThroughItsConnectString() throws IOException {
        try (EmbeddedZooKeeper ensemble = EmbeddedZooKeeper.start()) {
            Launch launch = launch("--zookeeper", ensemble.connectString(), "--nodes", "2", RegistryProbe.class.getName());
            assertEquals(0, launch.status(), launch.toString());
            assertEquals(List.of("registry zookeeper", "publish-bad-acl BAD_ACL", "received 4242"), launch.output(1), launch.toString());
            // what a user gives RSM > Attach to Distributed Cluster...: the ensemble, then the cluster's own path
            assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch\\] registry " + Pattern.quote(ensemble.connectString())
                    + "/rsm-workbench/cluster-of-2-[0-9a-f-]+ \\(to watch it in the IDE: RSM > Attach to Distributed Cluster\\.\\.\\.\\)")),
                    launch.toString());
        }
    }

    /** A launch into an ensemble whose root of registries an older launcher left open says so on its output. */
    @Test
    void aLaunchWarnsOfARootOfRegistriesLeftOpen() throws Exception {
        try (EmbeddedZooKeeper ensemble = EmbeddedZooKeeper.start()) {
            ZooKeeper olderLauncher = new ZooKeeper(ensemble.connectString(), ZooKeeperTests.SESSION_TIMEOUT_MILLIS, _ -> { });
            try {
                olderLauncher.create(ZooKeeperBackend.ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                Launch launch = launch("--zookeeper", ensemble.connectString(), "--nodes", "2", PROBE);
                assertEquals(0, launch.status(), launch.toString());
                assertTrue(launch.err().stream().anyMatch(l -> l.startsWith("[rsm-launch] warning: " + ZooKeeperBackend.ROOT
                        + " in ZooKeeper was found open")), launch.toString());
            } finally {
                olderLauncher.close();
            }
        }
    }

    /**
     * Nodes started through a host's prefix that passes no environment on (as ssh does; here {@code env -i}) get the
     * secret of the cluster's registry as the first line of their standard input, which the launcher writes: they join
     * the registry, whose znodes only that secret opens.
     */
    @Test
    void nodesThroughAPrefixThatPassesNoEnvironmentReadTheSecretOnTheirStandardInput(@TempDir Path folder) throws IOException {
        InetAddress address = siteAddress();
        Assumptions.assumeTrue(address != null, "this machine has no address but loopback ones");
        try (EmbeddedZooKeeper ensemble = EmbeddedZooKeeper.start(address)) {
            Path hosts = Files.writeString(folder.resolve("hosts.txt"), "host here nodes=1,2 run=\"env -i\"\n");
            Launch launch = launch("--hosts", hosts.toString(), "--zookeeper", ensemble.connectString(), "--nodes", "2", PROBE);
            assertEquals(0, launch.status(), launch.toString());
            assertEquals(List.of("registry zookeeper", "publish-bad-acl BAD_ACL", "received 4242"), launch.output(1), launch.toString());
        }
    }

    /** An IPv4 address of this machine that is not a loopback one, or null. */
    private static InetAddress siteAddress() throws IOException {
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : network.inetAddresses().toList()) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Node 2 killed once the nodes' UCX connections are set up (a ping-pong of 20,000 rounds runs for seconds after; one of
     * 2000 can end before it on a quiet machine): Debian's libucx
     * 1.13.1 may abort a process whose peer dies during the set-up (ucp_request.c "got REP message", fixed upstream in
     * openucx/ucx#8175), which failed a CI run with a kill at 200 ms.
     */
    private static final String AFTER_CONNECTION_SET_UP = "kill:2@2s";

    /**
     * How long a node is frozen in a launch with a session timeout of 10 s: longer than the default 4 s, which then surely
     * expires the session, and short enough for the 10 s with the client's last ping up to 2.3 s before and its reconnect
     * up to 1 s after.
     */
    private static final long FROZEN_MILLIS = 5_000;

    @Test
    void aKilledNodeIsReportedAndTheOthersCompleteTheProgram() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "3", "--fault", AFTER_CONNECTION_SET_UP,
                "org.rsmworkbench.examples.DoorbellPingPong", "--", "20000");
        assertEquals(137, launch.status(), "the killed node's status: " + launch);
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 0, node 2 137 (killed), node 3 0; exit status 137"),
                launch.toString());
        // the registry says node 2 is down once its session expires (4 s); a call before that finds the data path dead
        assertTrue(launch.output(1).stream().anyMatch(l -> l.matches(
                "lost node 2 (in round \\d+|while connecting) .*(node 2 is down|REMOTE_NODE_UNREACHABLE).*")),
                launch.toString());
        assertTrue(launch.output(1).contains("RESULT pingpong rounds=20000 nodes=3"), launch.toString());
        assertTrue(launch.output(3).contains("RESULT pingpong rounds=20000 nodes=3"), launch.toString());
    }

    @Test
    void aKilledNodeJvmLeavesNoCopyOfTheJucxLibrary(@TempDir Path temporary) throws IOException {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "3", "--fault", AFTER_CONNECTION_SET_UP, "--jvm-arg",
                "-Djava.io.tmpdir=" + temporary, "org.rsmworkbench.examples.DoorbellPingPong", "--", "20000");
        assertEquals(137, launch.status(), "the killed node's status: " + launch);
        try (var left = Files.list(temporary)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("jucx")).toList(),
                    "JUCX's extracted library is deleted once loaded, not at an exit a kill skips");
        }
    }

    /**
     * A node JVM terminated (SIGTERM, as the IDE's Terminate does) while its program loops on RSM calls ends quietly, as a
     * C process does, the call in progress never returning: its exit hook closes the process (its connections' data paths,
     * its registry session) under the call, which waits for the JVM's halt instead of failing. Before, a put or get (or
     * a vector's next request) whose UCX path the close had ended printed ERROR BARRIER_FAILURE ... (its connection is
     * closed). The other node is terminated next, in its wait; what it prints is not looked at (its peer went first).
     */
    @ParameterizedTest(name = "{0}, node {1} terminated")
    @CsvSource({ "put, 2", "get, 2", "barrier, 2", "signal, 2", "signal, 1" })
    void aNodeJvmTerminatedInALoopOfRsmCallsEndsWithoutACallFailing(String loop, int terminated) throws Exception {
        RunningLaunch running = new RunningLaunch("--zookeeper", "embedded", "--nodes", "2", EndlessLoopProbe.class.getName(), "--",
                loop);
        ZooKeeperTests.waitFor("both nodes loop", () -> loopingPid(running, 1) != 0 && loopingPid(running, 2) != 0);
        long pid = loopingPid(running, terminated);
        terminate(pid);
        terminate(loopingPid(running, 3 - terminated));
        Launch launch = running.await();
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 143, node 2 143; exit status 143"), launch.toString());
        assertEquals(List.of("looping " + pid), launch.output(terminated), launch.toString());
        assertEquals(List.of(), nodeOutput(launch.err(), terminated), "its standard error: " + launch);
    }

    /** The pid of the JVM of {@code node} once its {@link EndlessLoopProbe} said it loops, else 0. */
    private static long loopingPid(RunningLaunch running, int node) {
        return running.output(node).stream().filter(line -> line.startsWith("looping "))
                .mapToLong(line -> Long.parseLong(line.substring("looping ".length()))).findFirst().orElse(0);
    }

    /** Sends SIGTERM to the JVM {@code pid}, as Terminate does, and waits for its end. */
    private static void terminate(long pid) throws Exception {
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow();
        jvm.destroy();
        jvm.onExit().get(ZooKeeperTests.WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A node JVM frozen (SIGSTOP) for longer than the ZooKeeper session timeout is dead for the cluster: the launcher
     * fences it (kills it while it is still stopped, saying why), so it cannot go on as a ghost, and the others complete
     * without it. Frozen in its ping-pong rounds, after it connected: a freeze inside an update of the launch's files would
     * hold their lock, which the others wait for at most 5 s, a race with the fence at the session's expiry.
     */
    @Test
    void aNodeFrozenForLongerThanTheSessionTimeoutIsFencedAndTheOthersComplete() throws Exception {
        RunningLaunch running = new RunningLaunch("--zookeeper", "embedded", "--nodes", "3",
                "org.rsmworkbench.examples.DoorbellPingPong", "--", "5000");
        long pid = joinedProcess(running, 3, true);
        ProcessHandle frozen = ProcessHandle.of(pid).orElseThrow();
        signal("STOP", pid);
        try {
            frozen.onExit().get(ZooKeeperTests.WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("the frozen JVM of node 3 was not fenced within " + ZooKeeperTests.WAIT_MILLIS + " ms; the launcher said: "
                    + running.err());
        } finally {
            if (frozen.isAlive()) {
                signal("CONT", pid);
            }
        }
        Launch launch = running.await();
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 0, node 2 0, node 3 137 (killed); exit status 137"),
                launch.toString());
        assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch\\] [0-9:.]+ node 3: ZooKeeper expired the session of"
                + " its JVM \\(pid " + pid + ", no answer within [0-9]+ ms\\), which is dead for the cluster: still running, it is"
                + " killed")), launch.toString());
        assertTrue(launch.output(1).contains("RESULT pingpong rounds=5000 nodes=3"), launch.toString());
        assertTrue(launch.output(2).contains("RESULT pingpong rounds=5000 nodes=3"), launch.toString());
    }

    /**
     * {@code --session-timeout} reaches the node processes' sessions, bounded by the ensemble: the embedded one (ticks of
     * 500 ms) grants 10 s of the 20 s asked, and says so; a node frozen for 5 s, which the default 4 s would declare dead,
     * goes on and its next round works.
     */
    @Test
    void aLongerSessionTimeoutKeepsANodeFrozenForLessThanItAndTheEnsembleBoundsIt(@TempDir Path folder) throws Exception {
        Path go = folder.resolve("go");
        RunningLaunch running = new RunningLaunch("--zookeeper", "embedded", "--session-timeout", "20s", "--nodes", "3",
                HostsProbe.class.getName(), "--", "exchange-after", go.toString());
        long pid = joinedProcess(running, 3, false);
        ZooKeeperTests.waitFor("node 3 ends its first round", () -> running.output(3).stream().anyMatch(l -> l.startsWith("round 1 ok")));
        signal("STOP", pid);
        try {
            Thread.sleep(FROZEN_MILLIS);
        } finally {
            signal("CONT", pid);
        }
        Files.createFile(go);
        Launch launch = running.await();
        assertEquals(0, launch.status(), launch.toString());
        assertTrue(launch.err().contains("[rsm-launch] ZooKeeper grants sessions of 10000 ms, not the 20000 ms asked: its servers"
                + " bound them (by default between 2 and 20 times their tickTime)"), launch.toString());
        for (int importer = 2; importer <= 3; importer++) {
            assertTrue(launch.output(importer).stream().anyMatch(l -> l.startsWith("round 2 ok")), launch.toString());
        }
    }

    @Test
    void aSessionTimeoutNeedsADistributedClusterAndIsAtMostAnHour() {
        LaunchArgumentException local = assertThrows(LaunchArgumentException.class, () -> LaunchArguments.parse(List.of(
                "--session-timeout", "10s", "--nodes", "2", "--cp", CLASS_PATH, PROBE)));
        assertEquals("--session-timeout needs --zookeeper: it is the timeout of the ZooKeeper sessions of a distributed"
                + " cluster's node processes", local.getMessage());
        LaunchArgumentException tooLong = assertThrows(LaunchArgumentException.class, () -> LaunchArguments.parse(List.of(
                "--zookeeper", "embedded", "--session-timeout", "3601s", "--nodes", "2", "--cp", CLASS_PATH, PROBE)));
        assertEquals("--session-timeout of 3601000 ms: give between 1 ms and 3600 s (longer, a dead node would go unseen that"
                + " long; ZooKeeper ensembles grant at most 20 of their ticks, 40 s with the usual tickTime)", tooLong.getMessage());
        LaunchArgumentException zero = assertThrows(LaunchArgumentException.class, () -> LaunchArguments.parse(List.of(
                "--zookeeper", "embedded", "--session-timeout", "0", "--nodes", "2", "--cp", CLASS_PATH, PROBE)));
        assertEquals("--session-timeout: \"0\" is not a duration like 30s, 500ms or 30 (seconds)", zero.getMessage());
    }

    /**
     * The pid of the JVM of {@code node} once it has joined the registry that the launch printed, and, if {@code connected},
     * has connected to a segment.
     */
    private static long joinedProcess(RunningLaunch running, int node, boolean connected) throws Exception {
        Pattern registry = Pattern.compile("\\[rsm-launch\\] registry (\\S+) .*");
        String[] connectString = {null};
        ZooKeeperTests.waitFor("the launch prints its registry", () -> running.err().stream().map(registry::matcher)
                .filter(Matcher::matches).findFirst().map(m -> connectString[0] = m.group(1)).isPresent());
        ZooKeeper observer = ZooKeeperTests.client(connectString[0], _ -> { });
        try {
            String[] process = {null};
            ZooKeeperTests.waitFor("node " + node + " joins", () -> {
                try {
                    process[0] = observer.getChildren("/processes", false).stream().filter(p -> p.startsWith(node + "-"))
                            .findFirst().orElse(null);
                    // a connection's name: exporter node, segment, importer node, sequence
                    if (connected && observer.getChildren("/connections", false).stream()
                            .noneMatch(c -> c.split("-")[2].equals(Integer.toString(node)))) {
                        return false;
                    }
                } catch (KeeperException e) {
                    return false; // not connected yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                return process[0] != null;
            });
            String record = new String(observer.getData("/processes/" + process[0], false, null), StandardCharsets.UTF_8);
            return Long.parseLong(record.lines().findFirst().orElseThrow().substring("pid=".length()));
        } finally {
            observer.close();
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(),
                "kill -" + signal + " " + pid);
    }

    @Test
    void theZooKeeperOptionTakesAnEnsembleOrEmbeddedAndHostsNeedAnEnsembleTheyReach() throws LaunchArgumentException {
        assertEquals("zk1.example.org:2181,10.0.0.2:2181", LaunchArguments.parse(List.of("--zookeeper", "zk1.example.org:2181,10.0.0.2:2181",
                "--nodes", "2", "--cp", CLASS_PATH, PROBE)).zookeeper());
        assertEquals("embedded", LaunchArguments.parse(List.of("--zookeeper=embedded", "--nodes", "2", "--cp", CLASS_PATH, PROBE)).zookeeper());
        assertNull(LaunchArguments.parse(List.of("--nodes", "2", "--cp", CLASS_PATH, PROBE)).zookeeper());
        LaunchArgumentException hosts = assertThrows(LaunchArgumentException.class, () -> LaunchArguments.parse(List.of("--hosts",
                "hosts.txt", "--zookeeper", "embedded", "--nodes", "2", "--cp", CLASS_PATH, PROBE)));
        assertTrue(hosts.getMessage().startsWith("--hosts with --zookeeper embedded: the embedded ZooKeeper listens on this"
                + " machine's loopback address"), hosts.getMessage());
    }

    @Test
    void aBadZooKeeperArgumentIsABadArgument() {
        Launch launch = launch("--zookeeper", "nowhere", "--nodes", "2", RegistryProbe.class.getName());
        assertEquals(RsmLaunch.BAD_ARGUMENT, launch.status(), launch.toString());
        assertTrue(launch.err().getFirst().startsWith("rsm-launch: --zookeeper \"nowhere\" is neither embedded nor HOST:PORT"),
                launch.toString());
    }

    /** What node 1 of the {@link SignalProbe} prints. */
    private static final List<String> SIGNAL_EXPORTER = List.of("rings carried their puts", "posted", "post-after-reconnects OK", "done");
    /** The option that gives every node JVM a cluster directory of its own. */
    private static final String OWN_FILES = "-D" + DistributedBackend.OWN_DIRECTORY_PROPERTY + "=true";

    /** What an importer of the {@link SignalProbe} prints after its directory line, given what its map gave. */
    private static List<String> signalImporter(String map) {
        return List.of("map " + map, "woke value 7007", "woke again", "no-more-events TIMEOUT");
    }

    @Test
    void anExportersSignalWakesEveryImporterAndIsDroppedForConnectionsGone() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "3", SignalProbe.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(SIGNAL_EXPORTER, launch.output(1), launch.toString());
        for (int importer : new int[] {2, 3}) {
            List<String> output = launch.output(importer);
            assertTrue(output.getFirst().startsWith("cluster directory /"), launch.toString());
            assertEquals(signalImporter("OK"), output.subList(1, output.size()), launch.toString());
        }
    }

    /**
     * Node JVMs with cluster directories of their own share no file: an importer cannot map (its files do not hold the
     * segment), signals go both ways through ZooKeeper's records and UCX all the same.
     */
    @Test
    void nodesWithClusterDirectoriesOfTheirOwnSignalEachOtherBothWays() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "3", "--jvm-arg", OWN_FILES, SignalProbe.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(SIGNAL_EXPORTER, launch.output(1), launch.toString());
        for (int importer : new int[] {2, 3}) {
            List<String> lines = new ArrayList<>(List.of("cluster directory own"));
            lines.addAll(signalImporter("MAP_FAILED"));
            assertEquals(lines, launch.output(importer), launch.toString());
        }
    }

    @Test
    void theDoorbellExampleRunsOnNodesWithClusterDirectoriesOfTheirOwn() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "3", "--jvm-arg", OWN_FILES,
                "org.rsmworkbench.examples.DoorbellPingPong", "--", "200");
        assertEquals(0, launch.status(), launch.toString());
        for (int node = 1; node <= 3; node++) {
            assertEquals(List.of("RESULT pingpong rounds=200 nodes=3"), launch.output(node), launch.toString());
        }
    }

    /** A kill reaches a node JVM that does not share the launch's files: through its node's znode, which it watches. */
    @Test
    void aKilledNodeWithAClusterDirectoryOfItsOwnEnds() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "3", "--jvm-arg", OWN_FILES, "--fault",
                AFTER_CONNECTION_SET_UP, "org.rsmworkbench.examples.DoorbellPingPong", "--", "20000");
        assertEquals(137, launch.status(), "the killed node's status: " + launch);
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 0, node 2 137 (killed), node 3 0; exit status 137"),
                launch.toString());
        assertTrue(launch.output(1).contains("RESULT pingpong rounds=20000 nodes=3"), launch.toString());
        assertTrue(launch.output(3).contains("RESULT pingpong rounds=20000 nodes=3"), launch.toString());
    }

    /** What node 2 of the {@link DataPathProbe} prints after its map line and before its last line, and node 1. */
    private static final List<String> DATA_PATH_IMPORTER = List.of("put-without-barrier BARRIER_UNINITIALIZED",
            "put-beyond-the-segment BAD_OFFSET", "put64-misaligned BAD_MEM_ALIGNMENT", "put64-more-than-the-array BAD_LENGTH",
            "get-negative-offset BAD_OFFSET", "put-implicit OK", "explicit-span OK", "get OK", "get8 OK", "getv OK", "ack 1");
    /**
     * Node 2's last line: how its barrier span after node 1's death failed. At the order barrier that flushes its put, or
     * at its open when its post before found node 1 gone (node 1 halts once it took that post's event, and the
     * acknowledgement the post waits for may go with it: the path is down from then on).
     */
    private static final Set<String> AFTER_THE_EXPORTER_DIED = Set.of("after-the-exporter-died order BARRIER_FAILURE",
            "after-the-exporter-died open BARRIER_OPEN_FAILED");
    static final List<String> DATA_PATH_EXPORTER = List.of("exporter-put OK", "exporter-putN OK", "exporter-putv OK",
            "exporter-halts");

    /** Asserts what node 2 of the {@link DataPathProbe} printed ({@code output}), its map line {@code map MAP}. */
    static void assertDataPathImporter(String map, List<String> output, String launch) {
        List<String> expected = new ArrayList<>(List.of("map " + map));
        expected.addAll(DATA_PATH_IMPORTER);
        assertEquals(expected.size() + 1, output.size(), launch);
        assertEquals(expected, output.subList(0, expected.size()), launch);
        assertTrue(AFTER_THE_EXPORTER_DIED.contains(output.getLast()), launch);
    }

    @Test
    void putGetSignalsAndBarriersGoThroughTheUcxDataPath() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "2", DataPathProbe.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        assertDataPathImporter("OK", launch.output(2), launch.toString());
        assertEquals(DATA_PATH_EXPORTER, launch.output(1), launch.toString());
    }

    /** What each importer of the {@link RebindProbe} prints. */
    static final List<String> REBIND_IMPORTER = List.of("get-before old", "get-after new", "getv-after new new",
            "connect-after new");

    /** What the exporter of the {@link RebindProbe} prints, with importers {@code nodes}. */
    static List<String> rebindExporter(int... nodes) {
        List<String> lines = new ArrayList<>(List.of("rebind OK"));
        for (int node : nodes) {
            lines.add("put of node " + node + " reached the-new-memory");
            lines.add("putv of node " + node + " reached the-new-memory");
        }
        lines.add("unpublish-destroy OK");
        return lines;
    }

    /**
     * A rebind of a published segment is followed by every importer, on another host (node 2) or on the exporter's host
     * (node 3): their get, getv, put and putv after the rebind reach the new memory, they stay connected, a connect after it
     * reaches the new memory too, and the segment goes cleanly.
     */
    @Test
    void everyImporterFollowsARebindOfTheSegment() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "3", "--node", "2:jvm=-Drsm.host=another-host",
                RebindProbe.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(REBIND_IMPORTER, launch.output(2), launch.toString());
        assertEquals(REBIND_IMPORTER, launch.output(3), launch.toString());
        assertEquals(rebindExporter(2, 3), launch.output(1), launch.toString());
    }

    /** The link between nodes 1 and 2, down 3 s into the launch (the importer has connected by then) and up 3 s later. */
    private static final List<String> LINK_DOWN_AND_UP = List.of("--fault", "link-down:1/emu0-2/emu0@3s", "--fault",
            "link-up:1/emu0-2/emu0@6s");
    /**
     * What node 2 of the {@link FaultProbe} prints with {@code link}: what the local backend gives (RSMAPI §5.3, §5.4; its
     * EXPLICIT import, never mapped, fails at the implicit mapping of its put; before, the distributed one said OK).
     */
    private static final List<String> LINK_IMPORTER = List.of("put-before OK", "topology active",
            "put-after-link-down CONN_ABORTED", "explicit-put CONN_ABORTED", "barrier-close CONN_ABORTED", "signal REMOTE_NODE_UNREACHABLE",
            "connect REMOTE_NODE_UNREACHABLE", "topology inactive", "disconnect OK", "connect-after-link-up OK", "topology active");

    private static Launch faultProbe(List<String> options, String... probeArgs) {
        List<String> args = new ArrayList<>(List.of("--zookeeper", "embedded", "--nodes", "2"));
        args.addAll(options);
        args.add(FaultProbe.class.getName());
        args.add("--");
        args.addAll(Arrays.asList(probeArgs));
        return launch(args.toArray(String[]::new));
    }

    /**
     * A link taken down between two nodes of a distributed cluster reaches their node JVMs through the registry: the importer
     * across it is forcibly disconnected, its signal and a new connect find the node unreachable, its topology says so, and
     * once the link is up a connect works again; the exporter waits for its signal through the new connection.
     */
    @Test
    void aLinkDownCutsOffTheImporterAcrossItAndALinkUpLetsItConnectAgain() {
        Launch launch = faultProbe(LINK_DOWN_AND_UP, "link");
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(LINK_IMPORTER, launch.output(2), launch.toString());
        assertEquals(List.of("node 2 is done"), launch.output(1), launch.toString());
        assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch\\] [0-9:.]+ take link 1:emu0 - 2:emu0 down"
                + " \\(--fault link-down:1/emu0-2/emu0@3000ms\\)")), launch.toString());
    }

    /** The same with node JVMs that share no file with the launcher nor with each other: the registry alone tells them. */
    @Test
    void aLinkDownReachesNodeJvmsWithClusterDirectoriesOfTheirOwn() {
        List<String> options = new ArrayList<>(LINK_DOWN_AND_UP);
        options.addAll(List.of("--jvm-arg", OWN_FILES));
        Launch launch = faultProbe(options, "link");
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(LINK_IMPORTER, launch.output(2), launch.toString());
        assertEquals(List.of("node 2 is done"), launch.output(1), launch.toString());
    }

    /**
     * What node 2 of the {@link FaultProbe} prints with {@code unpublish}: what the local backend gives (RSMAPI §5.3: the
     * EXPLICIT import, which transferred before, puts into nothing and fails at the span's close; the old connection's
     * signal is dropped, node 1 gets the new connection's).
     */
    private static final List<String> UNPUBLISH_IMPORTER = List.of("put-before OK", "explicit-put-before OK",
            "put-after-unpublish CONN_ABORTED", "get CONN_ABORTED", "explicit-put OK", "barrier-close CONN_ABORTED",
            "barrier-open BARRIER_OPEN_FAILED", "putv BAD_SGIO", "disconnect OK", "connect-after-publish OK");

    /**
     * An importer whose segment its exporter unpublished is forcibly disconnected with the errors of RSMAPI §5.3, also in
     * a node JVM with files of its own, which learns it from the registry alone (before, its put said BARRIER_FAILURE and
     * its barrier's close of a span across the unpublish BARRIER_FAILURE or nothing).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anUnpublishForciblyDisconnectsTheImporterWithTheErrorsOfTheLocalBackend(boolean ownFiles) {
        Launch launch = faultProbe(ownFiles ? List.of("--jvm-arg", OWN_FILES) : List.of(), "unpublish");
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(UNPUBLISH_IMPORTER, launch.output(2), launch.toString());
        assertEquals(List.of("node 2 is done"), launch.output(1), launch.toString());
    }

    /**
     * A killed node reaches the topology of a node JVM with files of its own through the registry (RSMAPI §5.4; before, its
     * topology said the node was reachable all along).
     */
    @Test
    void aKilledNodeIsUnreachableInTheTopologyOfANodeJvmWithFilesOfItsOwn() {
        Launch launch = faultProbe(List.of("--fault", "kill:1@3s", "--jvm-arg", OWN_FILES), "node-down");
        assertEquals(137, launch.status(), launch.toString());
        assertEquals(List.of("topology active", "topology inactive"), launch.output(2), launch.toString());
    }

    /** Failing transfers reach an importer node JVM with files of its own: exactly that many of its puts fail, the next works. */
    @Test
    void theNextTransfersBetweenTwoNodesFailForANodeJvmWithFilesOfItsOwn() {
        Launch launch = faultProbe(List.of("--fault", "fail:2->1x3@3s", "--jvm-arg", OWN_FILES), "fail");
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(List.of("put-before OK", "failed-in-a-row 3 BARRIER_FAILURE", "put-after OK"), launch.output(2),
                launch.toString());
        assertEquals(List.of("node 2 is done"), launch.output(1), launch.toString());
    }

    /**
     * A node killed and restarted comes up again in the registry and its program runs again: its second life joins, connects
     * and lives on past the expiry of its first life's session (which must not take the restarted node down again).
     */
    @Test
    void aRestartedNodeJoinsAgainAndRunsItsProgramAgainPastTheExpiryOfItsFirstLife(@TempDir Path folder) {
        Launch launch = faultProbe(List.of("--fault", "kill:2@2s", "--fault", "restart:2@3s", "--jvm-arg", OWN_FILES), "restart",
                folder.resolve("lived").toString());
        assertEquals(0, launch.status(), launch.toString());
        assertEquals(List.of("first life", "second life", "put OK", "put-later OK"), launch.output(2), launch.toString());
        assertEquals(List.of("node 2 is done"), launch.output(1), launch.toString());
        assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch\\] [0-9:.]+ node 2: its program is started again"
                + " \\(pid [0-9]+\\)")), launch.toString());
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 0, node 2 0; exit status 0"), launch.toString());
    }

    @Test
    void aSegmentExportedOnAnotherHostIsNotMappedButPutAndGetReachIt() {
        Launch launch = launch("--zookeeper", "embedded", "--nodes", "2", "--node", "1:jvm=-Drsm.host=another-host",
                DataPathProbe.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        assertDataPathImporter("MAP_FAILED", launch.output(2), launch.toString());
        assertEquals(DATA_PATH_EXPORTER, launch.output(1), launch.toString());
    }
}
