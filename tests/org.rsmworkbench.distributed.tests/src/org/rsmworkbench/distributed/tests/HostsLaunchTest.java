// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostFaultInjector;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.emulator.launch.LaunchArgumentException;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.examples.DoorbellPingPong;
import org.rsmworkbench.tests.support.NetworkNamespaces;
import org.rsmworkbench.tests.support.TestFolders;

/**
 * {@code rsm-launch --hosts} across three hosts made of network namespaces ({@link NetworkNamespaceHosts}), with a
 * three-server ZooKeeper ensemble, one server per host ({@link NamespaceZooKeeperEnsemble}). The launcher runs on host 1,
 * or another one where a test says so (it must reach the ensemble, which this JVM, outside the namespaces, does not); node N runs on host N through
 * {@code ip netns exec}, or through a real {@code ssh} to an OpenSSH server on the host ({@link NamespaceSshServers}).
 * The node program is {@link HostsProbe}.
 * <p>
 * Put, get and signals between hosts go through UCX, which picks TCP between the namespaces by itself (its shared-memory
 * transports do not reach across network namespaces): a cut link drops them, as it drops ZooKeeper's traffic.
 */
@Timeout(90)
class HostsLaunchTest {
    /** The ZooKeeper session timeout of node processes (ZooKeeperRegistry's). */
    private static final long SESSION_TIMEOUT_MILLIS = 4000;
    /** What a loaded machine (2 cores, 4 builds) adds to a detection time. */
    private static final long LOAD_SLACK_MILLIS = 4000;
    /** How long the UCX data path waits for an exporter's answer before it declares the path down (UcxDataPath's). */
    private static final long UCX_PATH_TIMEOUT_MILLIS = 5000;
    /** A call that does not wait for the data path's timeout returns well within half of it, even on a loaded machine. */
    private static final long WITHOUT_PATH_TIMEOUT_MILLIS = UCX_PATH_TIMEOUT_MILLIS / 2;
    private static final Duration LAUNCH_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final NetworkNamespaceHosts HOSTS = new NetworkNamespaceHosts(3);

    private static Path folder;
    private static NamespaceZooKeeperEnsemble ensemble;
    private static Path hostsFile;
    /** The hosts' OpenSSH servers, started by the first test that reaches the hosts through ssh. */
    private static NamespaceSshServers sshServers;

    @BeforeAll
    static void startEnsemble() throws IOException, InterruptedException {
        folder = Files.createTempDirectory("rsm-hosts-test-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ensemble = NamespaceZooKeeperEnsemble.start(HOSTS, Files.createDirectory(folder.resolve("zookeeper")), Duration.ofSeconds(60));
        hostsFile = writeHostsFile("hosts", "classpath shared");
    }

    /** A hosts file of the test's namespaces, node N on host hN through {@code ip netns exec}, ending with {@code statement}. */
    private static Path writeHostsFile(String name, String statement) throws IOException {
        return writeHosts(name, HOSTS.hosts(), NetworkNamespaceHosts::throughNamespace, statement);
    }

    /**
     * Writes the hosts file NAME: a comment line, then a line {@code host hN nodes=N} ending with what {@code settings}
     * gives for each of {@code hosts}, then {@code statements}.
     */
    private static Path writeHosts(String name, List<NetworkNamespaces.Host> hosts, Function<NetworkNamespaces.Host, String> settings,
            String statements) throws IOException {
        StringBuilder text = new StringBuilder("# the test's network namespaces: node N on host hN\n");
        for (NetworkNamespaces.Host host : hosts) {
            text.append("host ").append(host.name()).append(" nodes=").append(host.number()).append(settings.apply(host)).append('\n');
        }
        text.append(statements).append('\n');
        return Files.writeString(folder.resolve(name), text);
    }

    /**
     * A hosts file of the test's namespaces reached through a real ssh (an OpenSSH server on each host), node N on host hN,
     * each host line ending with what {@code settings} gives for it, the file with {@code statements}; the test is skipped,
     * saying so, where OpenSSH's server is not installed.
     */
    private static Path writeSshHostsFile(String name, Function<NetworkNamespaces.Host, String> settings, String statements)
            throws IOException, InterruptedException {
        synchronized (HostsLaunchTest.class) {
            if (sshServers == null) {
                sshServers = NamespaceSshServers.start(HOSTS, folder.resolve("ssh"));
            }
        }
        // the remote shell's PATH has no JDK 25: java= names it
        return writeHosts(name, HOSTS.hosts(), host -> " run=\"" + sshServers.prefix(host) + "\" address=" + host.address() + " java="
                + NodeCommandBuilder.currentJava() + settings.apply(host), statements);
    }

    @AfterAll
    static void stopEnsemble() throws IOException {
        if (sshServers != null) {
            sshServers.close();
        }
        if (ensemble != null) {
            ensemble.close();
        }
        if (folder != null) {
            TestFolders.delete(folder);
        }
    }

    @Test
    void aProgramRunsOnThreeHostsExportingOnOneAndImportingOnTwo() throws Exception {
        try (Launch launch = Launch.start(List.of(), "exchange")) {
            assertEquals(0, launch.waitFor(), launch.toString());
            for (NetworkNamespaces.Host host : HOSTS.hosts()) {
                int node = Integer.parseInt(host.name().substring(1));
                assertTrue(launch.out(node).contains("address " + host.address()), "node " + node + " runs on " + host.name() + ": " + launch);
            }
            assertTrue(launch.out(1).contains("round 1 ok: node 2 put 2001, node 3 put 3001 registry-retries 0"), launch.toString());
            assertTrue(launch.out(2).contains("round 1 ok registry-retries 0"), launch.toString());
            assertTrue(launch.out(3).contains("round 1 ok registry-retries 0"), launch.toString());
        }
    }

    /**
     * The kill of a host, whose prefix execs the node JVM ({@code ip netns exec}) or forks it and waits for it, as ssh's
     * remote shell does ({@code setsid --fork --wait} after it): a kill of that prefix process alone left the JVM running.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "setsid --fork --wait"})
    void killingAHostForciblyDisconnectsItsImportersWithinTheSessionTimeout(String forkingPrefix) throws Exception {
        Path hosts = forkingPrefix.isEmpty() ? hostsFile
                : Files.writeString(folder.resolve("hosts-forking"), Files.readString(hostsFile).replaceFirst(
                        "(?m)^(host h1 .* run=\"[^\"]*)\"", "$1 " + forkingPrefix + "\""));
        try (Launch launch = Launch.start(hosts, List.of("--fault", "kill-host:h1@1500ms"), HostsProbe.class.getName(), "survive")) {
            int status = launch.waitFor();
            assertEquals(137, status, "node 1 was killed: " + launch);
            assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch] [0-9:.]+ kill host h1: node 1 \\(--fault kill-host:h1@1500ms\\)")),
                    launch.toString());
            assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 137 (killed), node 2 0, node 3 0; exit status 137"),
                    launch.toString());
            for (int importer : new int[] {2, 3}) {
                assertTrue(launch.out(importer).contains("connected"), launch.toString());
                long disconnected = millis(launch.out(importer), "disconnected (CONN_ABORTED|BARRIER_FAILURE) after ([0-9]+) ms", launch);
                assertTrue(disconnected <= SESSION_TIMEOUT_MILLIS + LOAD_SLACK_MILLIS, "node " + importer + " disconnected after "
                        + disconnected + " ms: " + launch);
                long unreachable = millis(launch.out(importer), "connect REMOTE_NODE_UNREACHABLE after ([0-9]+) ms", launch);
                assertTrue(unreachable <= SESSION_TIMEOUT_MILLIS + LOAD_SLACK_MILLIS, "node " + importer
                        + " learnt that node 1 is down after " + unreachable + " ms: " + launch);
            }
        }
    }

    /**
     * A kill of a host reached through a real ssh: the node JVM there is a child of the ssh server's session, which outlives
     * the ssh client the launcher started (killed first); the launcher kills it through ssh, by the pid it recorded in the
     * registry, so it is gone when the launch ends, and its importers are disconnected as when the JVM is killed itself.
     */
    @Test
    void killingAHostReachedThroughSshKillsTheNodeJvmThere() throws Exception {
        Path hosts = writeSshHostsFile("hosts-ssh", host -> "", "classpath shared");
        try (Launch launch = Launch.start(hosts, List.of("--fault", "kill-host:h1@1500ms"), HostsProbe.class.getName(), "survive")) {
            long pid = Long.parseLong(launch.awaitOut(1, l -> l.startsWith("pid ")).substring("pid ".length()));
            // logged once the kill through ssh returned: node 1's JVM (which would sleep 30 s more) ends at once (SIGKILL)
            launch.awaitErr(l -> l.matches("\\[rsm-launch] [0-9:.]+ kill host h1: node 1 \\(--fault kill-host:h1@1500ms\\)"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (runs(pid) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(runs(pid), "node 1's JVM on h1 (pid " + pid + ") was killed, not only the ssh client that started it: " + launch);
            assertEquals(137, launch.waitFor(), "node 1 was killed: " + launch);
            for (int importer : new int[] {2, 3}) {
                long disconnected = millis(launch.out(importer), "disconnected (CONN_ABORTED|BARRIER_FAILURE) after ([0-9]+) ms", launch);
                assertTrue(disconnected <= SESSION_TIMEOUT_MILLIS + LOAD_SLACK_MILLIS, "node " + importer + " disconnected after "
                        + disconnected + " ms: " + launch);
            }
        }
    }

    /**
     * A launch through ssh that ends at its timeout leaves no node JVM on any host: killing the ssh clients does not end
     * the remote JVMs (children of the ssh servers' sessions); they end when the launcher removes the cluster's registry.
     */
    @Test
    void aLaunchThroughSshThatTimesOutLeavesNoNodeJvmOnAnyHost() throws Exception {
        Path hosts = writeSshHostsFile("hosts-ssh", host -> "", "classpath shared");
        // node 1 would sleep 30 s: the launch ends at its timeout, which leaves the node JVMs of a loaded machine time to start
        try (Launch launch = Launch.start(hosts, List.of("--timeout", "20s"), HostsProbe.class.getName(), "survive")) {
            List<Long> pids = new ArrayList<>();
            for (int node = 1; node <= 3; node++) {
                pids.add(Long.parseLong(launch.awaitOut(node, l -> l.startsWith("pid ")).substring("pid ".length())));
            }
            assertEquals(RsmLaunch.TIMED_OUT, launch.waitFor(), launch.toString());
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SESSION_TIMEOUT_MILLIS + LOAD_SLACK_MILLIS);
            while (pids.stream().anyMatch(HostsLaunchTest::runs) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), pids.stream().filter(HostsLaunchTest::runs).toList(), "node JVMs still running after the launch: " + launch);
        }
    }

    /**
     * Through a real ssh, to hosts that share nothing with the launcher's: the class path shipped into each host's
     * {@code dir=} (a tar stream through ssh), the cluster's files each node JVM's own; the doorbell example runs on the
     * three hosts.
     */
    @Test
    void theDoorbellExampleRunsOnHostsReachedThroughSshThatShareNothing() throws Exception {
        Path hosts = writeSshHostsFile("hosts-ssh-shipped", host -> " dir=" + folder.resolve("ssh-dir-" + host.name()),
                "classpath shipped\nfiles own");
        try (Launch launch = Launch.start(hosts, List.of(), DoorbellPingPong.class.getName(), "200")) {
            assertEquals(0, launch.waitFor(), launch.toString());
            for (NetworkNamespaces.Host host : HOSTS.hosts()) {
                assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch] copying the class path \\([0-9]+ entries\\) to host "
                        + host.name() + ": " + Pattern.quote(folder.resolve("ssh-dir-" + host.name()) + "/rsm-classpath"))), launch.toString());
                assertEquals(List.of("RESULT pingpong rounds=200 nodes=3"), launch.out(host.number()), launch.toString());
            }
        }
    }

    /**
     * The data path's checks with the exporter on h1 and the importer on h2 (UCX over TCP between the namespaces): a map is
     * refused, the error codes of bad transfers, put, putN, putv, get, getN and getv of every width, the signals, and the
     * barrier failure once the exporter's JVM is gone ({@link DataPathProbe}, as {@link DistributedLaunchTest} runs it on
     * one machine with another host emulated).
     */
    @Test
    void theDataPathsChecksHoldWithTheExporterAndTheImporterOnDifferentHosts() throws Exception {
        Path twoHosts = writeHosts("hosts-two", HOSTS.hosts().subList(0, 2), NetworkNamespaceHosts::throughNamespace, "");
        try (Launch launch = Launch.start(twoHosts, List.of("--nodes", "2"), DataPathProbe.class.getName())) {
            assertEquals(0, launch.waitFor(), launch.toString());
            DistributedLaunchTest.assertDataPathImporter("MAP_FAILED", launch.out(2), launch.toString());
            assertEquals(DistributedLaunchTest.DATA_PATH_EXPORTER, launch.out(1), launch.toString());
        }
    }

    @Test
    void theClusterKeepsWorkingWhenAZooKeeperServerIsKilled() throws Exception {
        Path go = folder.resolve("zookeeper-server-killed");
        try (Launch launch = Launch.start(List.of(), "exchange-after", go.toString())) {
            launch.awaitOut(1, l -> l.startsWith("round 1 ok"));
            launch.awaitOut(2, l -> l.startsWith("round 1 ok"));
            launch.awaitOut(3, l -> l.startsWith("round 1 ok"));
            int leader = ensemble.leader();
            assertNotEquals(0, leader, "the ensemble has a leader");
            ensemble.kill(leader); // the hardest server to lose: the others elect a new leader
            ensemble.awaitServing(Duration.ofSeconds(30));
            Files.writeString(go, "go");
            assertEquals(0, launch.waitFor(), "after ZooKeeper server " + leader + " was killed: " + launch);
            assertTrue(launch.out(1).stream().anyMatch(l -> l.startsWith("round 2 ok")), launch.toString());
            assertTrue(launch.out(2).stream().anyMatch(l -> l.startsWith("round 2 ok")), launch.toString());
            assertTrue(launch.out(3).stream().anyMatch(l -> l.startsWith("round 2 ok")), launch.toString());
        } finally {
            Files.deleteIfExists(go);
        }
    }

    /**
     * The options of a launch whose nodes must outlive a cut link. A cut also parts the ZooKeeper servers of the two hosts,
     * and a node from its server when that is on the other side: with the default session timeout (4 s), a client that
     * finds its server gone after 2.7 s of silence may reach another one too late (a CI run saw a node's session expire
     * during a 2 s cut). These launches ask for the longest timeout the ensemble grants (10 s, 20 ticks), as a user whose
     * links may be cut for seconds would.
     */
    private static final List<String> OUTLIVING_CUTS = List.of("--session-timeout", "10s");

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** The routes that cut and heal the link are set through each host's prefix: {@code ip netns exec}, or a real ssh. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCutLinkDropsTheTrafficBetweenTwoHostsUntilItIsHealed(boolean throughSsh) throws Exception {
        String h3 = HOSTS.host(3).address() + ":7019"; // node 3 listens there
        Path hosts = throughSsh ? writeSshHostsFile("hosts-ssh", host -> "", "classpath shared") : hostsFile;
        // node 2 tries for that long from its start, before the faults' clock starts: the cut and heal take two ssh logins each
        String reachMillis = throughSsh ? "8000" : "5000";
        try (Launch launch = Launch.start(hosts, with(OUTLIVING_CUTS, "--fault", "host-link-down:h2-h3@1s", "--fault", "host-link-up:h2-h3@3s"),
                HostsProbe.class.getName(), "reach", h3, reachMillis)) {
            assertEquals(0, launch.waitFor(), launch.toString());
            assertEquals(List.of("address " + HOSTS.host(2).address(), "reachable", "unreachable", "reachable", "round 1 ok registry-retries 0"),
                    launch.out(2), launch.toString());
            assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch] [0-9:.]+ cut link h2 - h3 \\(--fault host-link-down:h2-h3@1000ms\\)")),
                    launch.toString());
            assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch] [0-9:.]+ heal link h2 - h3 \\(--fault host-link-up:h2-h3@3000ms\\)")),
                    launch.toString());
        }
        assertEquals("", HOSTS.runOn(2, "ip", "route", "show", "type", "blackhole").strip(), "no blackhole route is left on h2");
        assertEquals("", HOSTS.runOn(3, "ip", "route", "show", "type", "blackhole").strip(), "no blackhole route is left on h3");
    }

    /**
     * A launcher on h3 that reaches h2 through ssh (the default prefix, {@code ssh h2}) cannot cut the link h2 - h3, which
     * its ssh goes through: before, through a real ssh, the ssh that set the route on h2 never answered, the heal could
     * not reach h2, and the launch never ended. Refused before anything starts (so no ssh server is needed).
     */
    @Test
    void aCutOfTheLinkThatTheLaunchersSshGoesThroughIsRefusedBeforeTheLaunch() throws Exception {
        // no run=: ssh's default prefix, ssh hN
        Path hosts = writeHosts("hosts-default-ssh", HOSTS.hosts(), host -> " address=" + host.address(), "");
        try (Launch launch = Launch.startOn(3, hosts, List.of("--fault", "host-link-down:h2-h3@1s"), HostsProbe.class.getName(), "exchange")) {
            assertEquals(RsmLaunch.BAD_ARGUMENT, launch.waitFor(), launch.toString());
            assertEquals(List.of("rsm-launch: --fault host-link-down:h2-h3@1000ms: host h3 (" + hosts + ":4) is this machine, which runs"
                    + " commands on h2 through ssh (line 3), across that link: a cut would hang that connection and could not be"
                    + " healed from here. Launch from a host outside the link, or cut a link between two other hosts",
                    "Try 'rsm-launch --help' for usage."), launch.err(), launch.toString());
        }
    }

    @Test
    void aLinkLeftCutIsHealedWhenTheLaunchEnds() throws Exception {
        // nodes 2 and 3 import from node 1 only: the exchange goes on without the link between them
        try (Launch launch = Launch.start(with(OUTLIVING_CUTS, "--fault", "host-link-down:h2-h3@0ms"), "exchange")) {
            assertEquals(0, launch.waitFor(), launch.toString());
            assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch] [0-9:.]+ heal link h2 - h3 \\(--fault host-link-up:h2-h3@0ms\\)")),
                    launch.toString());
        }
        assertEquals("", HOSTS.runOn(2, "ip", "route", "show", "type", "blackhole").strip(), "no blackhole route is left on h2");
        assertEquals("", HOSTS.runOn(3, "ip", "route", "show", "type", "blackhole").strip(), "no blackhole route is left on h3");
    }

    /**
     * Node 2 on h2 imports from node 1 on h1 through UCX: a map is refused, the controller says it has no direct access; the
     * link h1 - h2 is cut, and node 2 finds it within the data path's timeout (a barrier span fails), then its put, get,
     * signal and barrier (open, order, close) fail as RSMAPI §3.5 and §5.4 say, a connect is refused while the cut lasts
     * and works once it is healed. Node 3 on h3, whose link to h1 stays up, puts and gets throughout.
     */
    @Test
    void aCutLinkFailsTheTransfersOfAnImporterOnTheCutHostAndANewConnectWorksOnceItIsHealed() throws Exception {
        // the default session timeout: node 2's ZooKeeper client must have left a server behind the cut by the time its
        // connect during the cut is refused by the data path (with 10 s it may still be on it: the registry's
        // INSUFFICIENT_RESOURCES, as a CI run saw)
        try (Launch launch = Launch.start(List.of("--fault", "host-link-down:h1-h2@2s", "--fault", "host-link-up:h1-h2@16s"), "cut")) {
            assertEquals(0, launch.waitFor(), launch.toString());
            // UCX logs each connection it fails to make during the cut on stdout, between the probe's lines
            List<String> importer = launch.out(2).stream().filter(l -> !l.contains(" UCX  ERROR ")).toList();
            assertTrue(importer.contains("direct access sizes: emu0 0, loopback 15"), launch.toString());
            assertTrue(importer.contains("map MAP_FAILED"), launch.toString());
            int at = importer.indexOf(importer.stream().filter(l -> l.startsWith("span ")).findFirst().orElse(""));
            Matcher span = Pattern.compile("span BARRIER_FAILURE after ([0-9]+) ms, ([0-9]+) spans before").matcher(at < 0 ? "" : importer.get(at));
            assertTrue(span.matches(), launch.toString());
            long found = Long.parseLong(span.group(1));
            assertTrue(found <= UCX_PATH_TIMEOUT_MILLIS + LOAD_SLACK_MILLIS, "the cut was found after " + found + " ms: " + launch);
            assertTrue(Integer.parseInt(span.group(2)) > 0, "put and get went through UCX before the cut: " + launch);
            assertEquals(List.of("put BARRIER_FAILURE", "get BARRIER_FAILURE", "signal REMOTE_NODE_UNREACHABLE", "open BARRIER_OPEN_FAILED",
                    "order BARRIER_FAILURE", "close BARRIER_FAILURE", "connect REMOTE_NODE_UNREACHABLE"), importer.subList(at + 1, at + 8),
                    launch.toString());
            assertTrue(importer.get(at + 8).startsWith("reconnected "), launch.toString());
            assertTrue(launch.out(3).stream().anyMatch(l -> l.startsWith("unaffected after ")), launch.toString());
            assertTrue(launch.out(1).stream().anyMatch(l -> l.startsWith("done: node 2 2, node 3 3")), launch.toString());
        }
    }

    /**
     * Node 1 on h1 exports to node 2 on h2 and node 3 on h3, and its posts reached both; the link h1 - h3 is cut (as
     * {@code host-link-down} cuts it) and node 1 posts again, many times: no post waits for node 3, which UCX cannot reach
     * (its events are lost; once TCP's and UCX's buffers were full a post waited for the data path's timeout), and node 2
     * gets the event at once.
     */
    @Test
    void anExportersPostDoesNotWaitForAnImporterBehindACutLink() throws Exception {
        Path go = folder.resolve("post-cut-go");
        Path end = folder.resolve("post-cut-end");
        List<String> faults = new ArrayList<>();
        HostFaultInjector injector = hostFaults(faults);
        try (Launch launch = Launch.start(OUTLIVING_CUTS, "post-cut", go.toString(), end.toString())) {
            launch.awaitOut(1, "importers woke"::equals);
            try {
                cutNow(injector, faults, "h1", "h3");
                Files.writeString(go, "go");
                launch.awaitOut(1, l -> l.startsWith("posts after the cut: "));
                launch.awaitOut(2, l -> l.contains(" after the cut "));
            } finally {
                injector.healCutLinks();
                Files.writeString(end, "end");
            }
            assertEquals(0, launch.waitFor(), launch.toString());
            long post = millis(launch.out(1), "posts after the cut: the longest returned after ([0-9]+) ms", launch);
            assertTrue(post <= WITHOUT_PATH_TIMEOUT_MILLIS, "the post took " + post + " ms: " + launch);
            long woke = millis(launch.out(2), "woke after the cut after ([0-9]+) ms", launch);
            assertTrue(woke <= WITHOUT_PATH_TIMEOUT_MILLIS, "node 2 waited " + woke + " ms for the post: " + launch);
        } finally {
            Files.deleteIfExists(go);
            Files.deleteIfExists(end);
        }
    }

    /** An injector of the hosts' faults that the test applies itself, at the moment it chooses; its log goes to {@code faults}. */
    private static HostFaultInjector hostFaults(List<String> faults) throws IOException, LaunchArgumentException {
        return new HostFaultInjector(HostsFile.read(hostsFile), null, Map::of, text -> text, faults::add, "test");
    }

    /** Cuts the link between the two hosts now. */
    private static void cutNow(HostFaultInjector injector, List<String> faults, String host, String other) {
        assertTrue(injector.inject(new HostFault(HostFault.Kind.LINK_DOWN, host, other, Duration.ZERO), "test").applied(),
                faults.toString());
    }

    /**
     * Node 2 on h2 imports from node 1 on h1 (its connect read a byte) and only posts; the link h1 - h2 is cut and node 2
     * posts: the post is not lost without an error, it fails with REMOTE_NODE_UNREACHABLE within the data path's timeout
     * (the flush before it waits for the exporter; the active message alone would complete once TCP's socket took it), and
     * the path is down from then on (the next post and a put fail at once). Once the link is healed node 2 connects again and its post wakes
     * node 1.
     */
    @Test
    void aPostOnACutLinkFailsWithinThePathTimeoutAndPostsArriveAgainAfterAReconnect() throws Exception {
        Path go = folder.resolve("posts-cut-go");
        List<String> faults = new ArrayList<>();
        HostFaultInjector injector = hostFaults(faults);
        try (Launch launch = Launch.start(OUTLIVING_CUTS, "posts-cut", go.toString())) {
            launch.awaitOut(2, "connected"::equals);
            try {
                cutNow(injector, faults, "h1", "h2");
                Files.writeString(go, "go");
                launch.awaitOut(2, l -> l.startsWith("put "));
            } finally {
                injector.healCutLinks();
            }
            assertEquals(0, launch.waitFor(), launch.toString());
            // UCX logs each connection it fails to make during the cut on stdout, between the probe's lines
            List<String> importer = launch.out(2).stream().filter(l -> !l.contains(" UCX  ERROR ")).toList();
            long found = millis(importer, "post on the cut link REMOTE_NODE_UNREACHABLE in ([0-9]+) ms", launch);
            assertTrue(found <= UCX_PATH_TIMEOUT_MILLIS + LOAD_SLACK_MILLIS, "the cut was found after " + found + " ms: " + launch);
            long again = millis(importer, "post again REMOTE_NODE_UNREACHABLE in ([0-9]+) ms", launch);
            assertTrue(again <= WITHOUT_PATH_TIMEOUT_MILLIS, "the post after the cut was found took " + again + " ms: " + launch);
            long put = millis(importer, "put BARRIER_FAILURE in ([0-9]+) ms", launch);
            assertTrue(put <= WITHOUT_PATH_TIMEOUT_MILLIS, "the put after the cut was found took " + put + " ms: " + launch);
            assertTrue(importer.contains("reconnected"), launch.toString());
            assertTrue(importer.contains("a post after the reconnect arrived"), launch.toString());
            assertTrue(launch.out(1).contains("woke after the reconnect"), launch.toString());
        } finally {
            Files.deleteIfExists(go);
        }
    }

    /**
     * {@code classpath shipped}: the launcher copies the class path into each host's {@code dir=}, and the node JVMs there,
     * started through a {@code java=} wrapper that writes down their working directory and arguments, run in it with the
     * copies as their class path.
     */
    @Test
    void aShippedClassPathIsCopiedToEveryHostAndItsNodeJvmsUseTheCopies() throws Exception {
        StringBuilder hosts = new StringBuilder();
        for (NetworkNamespaces.Host host : HOSTS.hosts()) {
            Path java = folder.resolve("java-" + host.name());
            Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$PWD\" \"$@\" > '" + folder.resolve("args-" + host.name()) + "'\n"
                    + "exec '" + NodeCommandBuilder.currentJava() + "' \"$@\"\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
            hosts.append("host ").append(host.name()).append(" nodes=").append(host.name().substring(1)).append(" run=\"")
                    .append(String.join(" ", host.prefix())).append("\" address=").append(host.address()).append(" java=").append(java)
                    .append(" dir=").append(folder.resolve("dir-" + host.name())).append('\n');
        }
        hosts.append("classpath shipped\n");
        Path shipped = Files.writeString(folder.resolve("hosts-shipped"), hosts);
        try (Launch launch = Launch.start(shipped, List.of(), HostsProbe.class.getName(), "exchange")) {
            assertEquals(0, launch.waitFor(), launch.toString());
            assertTrue(launch.out(1).contains("round 1 ok: node 2 put 2001, node 3 put 3001 registry-retries 0"), launch.toString());
            for (NetworkNamespaces.Host host : HOSTS.hosts()) {
                Path dir = folder.resolve("dir-" + host.name());
                assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch] copying the class path \\([0-9]+ entries\\) to host "
                        + host.name() + ": " + Pattern.quote(dir + "/rsm-classpath"))), launch.toString());
                List<String> args = Files.readAllLines(folder.resolve("args-" + host.name()));
                assertEquals(dir.toString(), args.getFirst(), "the node JVM runs in dir=: " + args);
                List<String> classPath = Arrays.asList(args.get(args.indexOf("-cp") + 1).split(File.pathSeparator));
                assertTrue(classPath.stream().allMatch(e -> e.startsWith("rsm-classpath/")), "only copies: " + classPath);
                String probe = ClassPathEntries.of(HostsProbe.class).getFileName().toString();
                assertTrue(classPath.stream().anyMatch(e -> e.endsWith("-" + probe)), classPath.toString());
                for (String entry : classPath) {
                    assertTrue(Files.exists(dir.resolve(entry)), entry + " is on " + host.name());
                }
            }
        }
    }

    /**
     * {@code files own}: each node JVM keeps the cluster's files in a directory of its own (it is given none of the
     * launcher's), so that nothing between the hosts goes through files: node 1's signal wakes the importers on h2 and h3
     * (through the connection records in ZooKeeper and UCX), and theirs wake it.
     */
    @Test
    void nodesOnHostsThatShareNoFilesSignalEachOtherBothWays() throws Exception {
        Path ownFiles = writeHostsFile("hosts-own-files", "files own");
        try (Launch launch = Launch.start(ownFiles, List.of(), SignalProbe.class.getName())) {
            assertEquals(0, launch.waitFor(), launch.toString());
            assertEquals(List.of("rings carried their puts", "posted", "post-after-reconnects OK", "done"), launch.out(1), launch.toString());
            for (int importer : new int[] {2, 3}) {
                assertEquals(List.of("cluster directory own", "map MAP_FAILED", "woke value 7007", "woke again", "no-more-events TIMEOUT"),
                        launch.out(importer), launch.toString());
            }
        }
    }

    /**
     * A rebind of node 1's published segment is followed by its importers on the two other hosts (UCX over TCP between
     * the namespaces): see {@link DistributedLaunchTest#everyImporterFollowsARebindOfTheSegment()}.
     */
    @Test
    void importersOnOtherHostsFollowARebind() throws Exception {
        try (Launch launch = Launch.start(hostsFile, List.of(), RebindProbe.class.getName())) {
            assertEquals(0, launch.waitFor(), launch.toString());
            assertEquals(DistributedLaunchTest.REBIND_IMPORTER, launch.out(2), launch.toString());
            assertEquals(DistributedLaunchTest.REBIND_IMPORTER, launch.out(3), launch.toString());
            assertEquals(DistributedLaunchTest.rebindExporter(2, 3), launch.out(1), launch.toString());
        }
    }

    /** The doorbell ping-pong example across the three hosts with {@code files own}: pings and pongs both ways. */
    @Test
    void theDoorbellExampleRunsAcrossHostsThatShareNoFiles() throws Exception {
        Path ownFiles = writeHostsFile("hosts-own-files-doorbell", "files own");
        try (Launch launch = Launch.start(ownFiles, List.of(), DoorbellPingPong.class.getName(), "200")) {
            assertEquals(0, launch.waitFor(), launch.toString());
            for (int node = 1; node <= 3; node++) {
                assertEquals(List.of("RESULT pingpong rounds=200 nodes=3"), launch.out(node), launch.toString());
            }
        }
    }

    /**
     * A recorded run across hosts that share no files, each host's node JVMs in a folder of their own: each records
     * there, and when the launch ends the launcher copies their logs into the recording folder and removes them there.
     */
    @Test
    void aRunAcrossHostsThatShareNoFilesIsRecordedWhole() throws Exception {
        StringBuilder text = new StringBuilder();
        for (NetworkNamespaces.Host host : HOSTS.hosts()) {
            Path dir = Files.createDirectories(folder.resolve("own-" + host.name()));
            text.append("host ").append(host.name()).append(" nodes=").append(host.name().substring(1)).append(" run=\"")
                    .append(String.join(" ", host.prefix())).append("\" dir=").append(dir).append('\n');
        }
        Path hosts = Files.writeString(folder.resolve("hosts-own-recorded"), text + "files own\n");
        Path recording = folder.resolve("own.rsmtrace");
        try (Launch launch = Launch.start(hosts, List.of("--record", recording.toString()), DoorbellPingPong.class.getName(), "200")) {
            assertEquals(0, launch.waitFor(), launch.toString());
            // the hosts share this machine's files, but each node JVM wrote into its own dir=: three copies
            for (NetworkNamespaces.Host host : HOSTS.hosts()) {
                assertTrue(launch.toString().contains("recording: 1 log of node JVMs on host " + host.name() + " copied into " + recording),
                        launch.toString());
            }
        }
        Map<Integer, Long> posts = Recording.open(recording).events().stream().filter(e -> e.kind() == EventKind.SIGNAL_POST)
                .collect(Collectors.groupingBy(TraceEvent::node, TreeMap::new, Collectors.counting()));
        assertEquals(List.of(1, 2, 3), List.copyOf(posts.keySet()), "signal posts of every node: " + posts);
        for (NetworkNamespaces.Host host : HOSTS.hosts()) {
            assertTrue(Files.notExists(folder.resolve("own-" + host.name()).resolve("rsm-recordings")), "removed on " + host.name());
        }
    }

    /**
     * Whether process {@code pid} runs: not when it is gone, nor when it ended and waits for its parent to reap it (a
     * zombie: ProcessHandle takes it for alive). A remote JVM whose ssh session ended has init as its parent, which may
     * reap late (this machine's does not at all).
     */
    private static boolean runs(long pid) {
        Path stat = Path.of("/proc/" + pid + "/stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException gone) {
            return false; // no such file, or reaped while it was read (ESRCH)
        }
        // pid (command) STATE ...: the command may hold spaces and parentheses
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }

    private static long millis(List<String> lines, String regex, Launch launch) {
        Pattern pattern = Pattern.compile(regex);
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return Long.parseLong(m.group(m.groupCount()));
            }
        }
        throw new AssertionError("no line " + regex + ": " + launch);
    }

    /** rsm-launch run on a host (host 1 unless said), its output read as it comes. */
    private static final class Launch implements AutoCloseable {
        private final Process process;
        private final List<String> out = new ArrayList<>();
        private final List<String> err = new ArrayList<>();
        private final Thread outReader;
        private final Thread errReader;

        private Launch(Process process) {
            this.process = process;
            outReader = read(process.getInputStream(), out);
            errReader = read(process.getErrorStream(), err);
        }

        static Launch start(List<String> options, String... programArguments) throws IOException {
            return start(hostsFile, options, HostsProbe.class.getName(), programArguments);
        }

        static Launch start(Path hostsFile, List<String> options, String mainClass, String... programArguments) throws IOException {
            return startOn(1, hostsFile, options, mainClass, programArguments);
        }

        /** rsm-launch run on host {@code launcherHost}. */
        static Launch startOn(int launcherHost, Path hostsFile, List<String> options, String mainClass, String... programArguments)
                throws IOException {
            List<String> command = RsmLaunchOnHost.command(HOSTS.host(launcherHost), hostsFile, ensemble.connectString(),
                    ClassPathEntries.of(HostsProbe.class) + File.pathSeparator + ClassPathEntries.of(DoorbellPingPong.class),
                    with(List.of("--nodes", "3", "--timeout", "60s"), options.toArray(String[]::new)), mainClass,
                    Arrays.asList(programArguments));
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            return new Launch(process);
        }

        private Thread read(InputStream stream, List<String> lines) {
            return Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (this) {
                            lines.add(line);
                            notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the launcher was killed: its output ends here
                }
            });
        }

        /** The exit status of the launcher, once its output is read. */
        int waitFor() throws InterruptedException {
            if (!process.waitFor(LAUNCH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("rsm-launch did not end within " + LAUNCH_WAIT.toSeconds() + " s: " + this);
            }
            outReader.join(LAUNCH_WAIT);
            errReader.join(LAUNCH_WAIT);
            return process.exitValue();
        }

        /** Waits until node N printed a line that matches; returns the first. */
        String awaitOut(int node, Predicate<String> line) throws InterruptedException {
            return await(() -> out(node), line, outReader, "node " + node);
        }

        /** Waits until the launcher printed a line that matches on its standard error; returns the first. */
        String awaitErr(Predicate<String> line) throws InterruptedException {
            return await(this::err, line, errReader, "rsm-launch");
        }

        private synchronized String await(Supplier<List<String>> lines, Predicate<String> line, Thread reader, String who)
                throws InterruptedException {
            long deadline = System.nanoTime() + LAUNCH_WAIT.toNanos();
            for (;;) {
                Optional<String> found = lines.get().stream().filter(line).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    throw new AssertionError(who + " did not print the line awaited: " + this);
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }

        /** What node N printed on stdout, without the [node N] prefix. */
        synchronized List<String> out(int node) {
            String prefix = "[node " + node + "] ";
            return out.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }

        synchronized List<String> err() {
            return List.copyOf(err);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                // the launcher kills its node JVMs when it ends (its shutdown hook), as after Ctrl-C
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }

        @Override
        public synchronized String toString() {
            return "\n" + Stream.concat(out.stream(), err.stream()).collect(Collectors.joining("\n"));
        }
    }
}
