// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import static org.rsmworkbench.benchmarks.Stats.median;

import java.io.BufferedReader;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterShapes.Shape;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.tests.support.NetworkNamespaces;

/**
 * The distributed backend's figures (issue 19), between hosts made of network namespaces on a bridge of this run's own
 * ({@link NetworkNamespaces}, subnet {@value #SUBNET}.0/24, removed at the end, also on failure), with a standalone
 * ZooKeeper server on host 1, all in one run:
 * <ol>
 * <li>put 8 B + barrier close and 1 MiB put + barrier close from host 2 to host 1: RSM through {@code rsm-launch --hosts}
 * and the distributed backend ({@link DistributedNode} {@code put}: node 1 on h1 exports, node 2 on h2 imports); raw JUCX
 * put + flush between two JVMs on the same hosts ({@link RawJucx}: put and flush together with the target polling, the
 * baseline of the goal; and, to show where RSM's time goes, sequenced as RSM does, with the target sleeping in
 * {@code waitForEvents} as the RSM exporter's progress thread does, and with the initiator's UCX set up as RSM's); {@code ucx_perftest ucp_put_lat} and
 * {@code ucp_put_bw}, server on h1, client on h2. Interleaved in {@code ROUNDS} rounds; UCX_TLS=tcp for all of them
 * (unless UCX_TLS is set), so that every figure is UCX over TCP on the same veth link. Ratio: RSM / raw JUCX (polling
 * target), per round; goal ≤ {@value #GOAL}.</li>
 * <li>a signal's round trip between host 2 and host 1: RSM's doorbell ({@link DistributedNode} {@code signal}: node 2 on h2
 * posts to node 1's segment, with or without an 8-byte put before, node 1 on h1 answers with a post on its export handle)
 * against an active-message ping-pong of raw JUCX ({@link RawJucx} {@code am-initiator} on h2, {@code am-target} on h1;
 * the message alone, and with the flush that an RSM post adds) and {@code ucx_perftest ucp_am_lat}, interleaved in as many
 * rounds. No goal: what a signal costs over what UCX's messages cost.</li>
 * <li>publish → connect: from an exporter's publish returning (h1) to the connect of an importer (h2) that retries while
 * the segment is not published returning ({@link DistributedNode} {@code publish-connect}).</li>
 * <li>64 nodes over 4 hosts (16 on each, see {@link #JOIN_NODES}): {@code rsm-launch --hosts --cluster} with a generated
 * hosts file and cluster file, from starting the launcher until every node printed that it joined ({@link DistributedNode}
 * {@code join}); beside it, 64 bare JVMs started through {@code ip netns exec} on the same hosts until each ran its
 * main.</li>
 * </ol>
 * Needs root (ip netns); without it says why and exits with status 1. Usage (as root): {@code java
 * --enable-native-access=ALL-UNNAMED -cp benchmarks.jar org.rsmworkbench.benchmarks.DistributedBenchmark [ROUNDS]
 * [put|signal|publish|join]...} (default {@value #DEFAULT_ROUNDS} rounds of the put and signal figures, and every part).
 */
public final class DistributedBenchmark {
    /** This run's subnet, inside the namespaces only (the distributed tests use 10.219.19). */
    static final String SUBNET = "10.219.20";
    static final double GOAL = 1.2;
    /**
     * Each round starts its JVMs anew, and over TCP between namespaces on a small machine a process's transfers run in
     * one of two speeds for its whole life, whatever its UCX set-up: JUCX alone (a thread-safe worker, no RSM) took
     * 0.90, 1.47 and 0.89 ms for a 1 MiB put + flush in three processes of the same set-up (2026-12-05, 2 vCPUs). A
     * median over 7 rounds is not decided by which mode one round's processes met, as one over 5 was (1 MiB put +
     * close: 1.33x the raw time in one run, 1.03x in the next).
     */
    private static final int DEFAULT_ROUNDS = 7;
    /** The parts of a run, in order: put figures, signal round trips, publish -> connect, the join of 64 nodes. */
    private static final List<String> PARTS = List.of("put", "signal", "publish", "join");
    private static final int ZOOKEEPER_PORT = 2181;
    private static final int HOSTS = 4;
    /**
     * The issue's 64 nodes over 4 hosts, the largest cluster: node ids are below the kernel agent's MAX_NODES (64), and
     * {@code --nodes N} numbers nodes from 1, so the join launches a cluster file of nodes 0 to 63 ({@link #clusterFile}).
     */
    private static final int JOIN_NODES = ClusterSpec.MAX_NODES;
    private static final int NODES_PER_HOST = 16;
    /**
     * The join's ZooKeeper session timeout: 64 JVMs starting at once on 2 cores starve some JVM's heartbeats for longer than
     * the default (4 s), and its node is then taken for dead (a trial with the default lost node 1 that way). The most the
     * server ({@link #startZooKeeper}, tick 500 ms) grants.
     */
    private static final String JOIN_SESSION_TIMEOUT = "10s";
    private static final int WARMUP_8 = 1000, COUNT_8 = 5000, WARMUP_1M = 20, COUNT_1M = 150;
    private static final int WARMUP_SIGNAL = 1000, COUNT_SIGNAL = 5000;
    private static final int PUBLISH_ROUNDS = 200;
    /** One: 64 JVMs starting at once load a small machine for minutes; a run is repeated for the spread. */
    private static final int JOIN_TRIALS = 1;
    private static final Duration PROGRAM_WAIT = Duration.ofMinutes(5);
    private static final Path UCX_PERFTEST = Path.of("/usr/bin/ucx_perftest");
    /** A node killed, in the launcher's line of exit statuses. */
    private static final Pattern KILLED = Pattern.compile("\\(killed\\)");

    private final NetworkNamespaces hosts;
    private final Path folder;
    private final String java = NodeCommandBuilder.currentJava().toString();
    private final String jar = System.getProperty("java.class.path");
    private final Map<String, String> environment = new HashMap<>();
    private String zookeeper;
    private int nextPort = 7100;

    private DistributedBenchmark(NetworkNamespaces hosts, Path folder) {
        this.hosts = hosts;
        this.folder = folder;
        if (System.getenv("UCX_TLS") == null) {
            environment.put("UCX_TLS", "tcp");
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = DEFAULT_ROUNDS;
        Set<String> parts = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.matches("[1-9][0-9]*")) {
                rounds = Integer.parseInt(arg);
            } else if (PARTS.contains(arg)) {
                parts.add(arg);
            } else {
                System.err.println("DistributedBenchmark: unknown argument " + arg + "; usage: [ROUNDS] [" + String.join("|", PARTS)
                        + "]...");
                System.exit(2);
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(PARTS);
        }
        if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
            System.err.println("DistributedBenchmark: needs root to make network namespaces (ip netns add); run it as root");
            System.exit(1);
        }
        Machine.main(args);
        Path folder = Files.createTempDirectory("rsm-distributed-benchmark-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        boolean permitted = true;
        try (NetworkNamespaces hosts = NetworkNamespaces.create(SUBNET, HOSTS)) {
            DistributedBenchmark benchmark = new DistributedBenchmark(hosts, folder);
            try (Program _ = benchmark.startZooKeeper()) {
                benchmark.run(rounds, parts);
            }
        } catch (NetworkNamespaces.NotPermittedException e) {
            System.err.println("DistributedBenchmark: " + e.getMessage());
            permitted = false;
        } finally {
            deleteTree(folder);
        }
        if (!permitted) {
            System.exit(1);
        }
    }

    private void run(int rounds, Set<String> parts) throws Exception {
        System.out.printf("hosts: %d network namespaces on a bridge, %s.1-%d; ZooKeeper (standalone) on h1 %s; UCX_TLS=%s; %s%n",
                HOSTS, SUBNET, HOSTS, zookeeper, environment.getOrDefault("UCX_TLS", System.getenv("UCX_TLS")), ucxVersion());
        if (parts.contains("put")) {
            puts(rounds);
        }
        if (parts.contains("signal")) {
            signals(rounds);
        }
        if (parts.contains("publish")) {
            publishConnect();
        }
        if (parts.contains("join")) {
            joins();
        }
    }

    /** The put figures, in {@code rounds} interleaved rounds. */
    private void puts(int rounds) throws Exception {
        boolean perftest = Files.isExecutable(UCX_PERFTEST);
        if (!perftest) {
            System.out.println(UCX_PERFTEST + " is missing (Debian: apt-get install ucx-utils): its figures are left out");
        }
        List<Map<String, OpTimes.Result>> results = new ArrayList<>();
        List<double[]> perftests = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, OpTimes.Result> figures = new HashMap<>();
            rsmPut().forEach(r -> figures.put(r.name(), r));
            rawJucx("poll", "plain").forEach(r -> figures.put(r.name(), r));
            rawJucx("wait", "plain").forEach(r -> figures.put(r.name().replace("jucx", "jucx-wait"), r));
            rawJucx("wait", "as-rsm").forEach(r -> figures.put(r.name().replace("jucx", "jucx-asrsm"), r));
            double[] ucx = perftest ? new double[] {perftest("ucp_put_lat", 8, 20_000), perftest("ucp_put_bw", RawJucx.MIB, 1000)} : null;
            results.add(figures);
            perftests.add(ucx);
            System.out.printf("round %d: 8 B put + close: RSM %s, raw JUCX %s (sequenced %s); 1 MiB: RSM %s, raw JUCX %s"
                    + " (sequenced %s)%s%n", round, micros(figures.get("rsm-put8")), micros(figures.get("jucx-put8")),
                    micros(figures.get("jucx-seq-put8")), bandwidth(figures.get("rsm-put1m")), bandwidth(figures.get("jucx-put1m")),
                    bandwidth(figures.get("jucx-seq-put1m")), ucx == null ? ""
                            : String.format("; ucx_perftest ucp_put_lat %.1f us, ucp_put_bw %.0f MB/s", ucx[0], ucx[1]));
        }
        summary(results, perftests);
    }

    /** Prints the median over the rounds of each figure, its range over the rounds, and the ratios to raw JUCX. */
    private static void summary(List<Map<String, OpTimes.Result>> results, List<double[]> perftests) {
        System.out.printf("== put between two hosts (h2 -> h1), median of %d rounds [range over rounds], single operations"
                + " p10-p90 in the median round%n", results.size());
        for (String name : List.of("rsm-put8", "jucx-put8", "jucx-seq-put8", "jucx-wait-seq-put8", "jucx-asrsm-seq-put8")) {
            List<OpTimes.Result> rounds = results.stream().map(r -> r.get(name)).toList();
            double[] us = rounds.stream().mapToDouble(r -> r.medianNanos() / 1e3).toArray();
            OpTimes.Result median = medianRound(rounds);
            System.out.printf("  %-20s 8 B put + %s: %.1f us [%.1f-%.1f] (p10-p90 %.1f-%.1f us, %d operations a round)%n", name,
                    name.startsWith("rsm") ? "barrier open/close" : "flush", median(us), min(us), max(us), median.p10Nanos() / 1e3,
                    median.p90Nanos() / 1e3, median.count());
        }
        Map<String, OpTimes.Result> middle = results.stream().sorted(Comparator.comparingLong(r -> r.get("rsm-put8").medianNanos()))
                .toList().get(results.size() / 2);
        System.out.printf("  %-20s where an RSM span's time goes (that round, timed apart): open %.1f us, put %.1f us, close %.1f us%n",
                "", middle.get("rsm-put8-open").medianNanos() / 1e3, middle.get("rsm-put8-put").medianNanos() / 1e3,
                middle.get("rsm-put8-close").medianNanos() / 1e3);
        for (String name : List.of("rsm-put1m", "jucx-put1m", "jucx-seq-put1m", "jucx-wait-seq-put1m", "jucx-asrsm-seq-put1m")) {
            double[] mbs = results.stream().mapToDouble(r -> megabytesPerSecond(r.get(name).bytes(), r.get(name).medianNanos())).toArray();
            OpTimes.Result median = medianRound(results.stream().map(r -> r.get(name)).toList());
            System.out.printf("  %-20s 1 MiB put + %s: %.0f MB/s [%.0f-%.0f] (%.0f us a put; p10-p90 %.0f-%.0f us)%n", name,
                    name.startsWith("rsm") ? "barrier close" : "flush", median(mbs), min(mbs), max(mbs), median.medianNanos() / 1e3,
                    median.p10Nanos() / 1e3, median.p90Nanos() / 1e3);
        }
        if (perftests.getFirst() != null) {
            double[] lat = perftests.stream().mapToDouble(p -> p[0]).toArray();
            double[] bw = perftests.stream().mapToDouble(p -> p[1]).toArray();
            System.out.printf("  %-20s ucp_put_lat 8 B: %.1f us [%.1f-%.1f] (its median; half a put ping-pong round trip,"
                    + " so about %.1f us a round trip); ucp_put_bw 1 MiB: %.0f MB/s [%.0f-%.0f] (a window of puts, not one at a"
                    + " time)%n", "ucx_perftest", median(lat), min(lat), max(lat), 2 * median(lat), median(bw), min(bw), max(bw));
        }
        System.out.println("  RSM / raw JUCX, median of the rounds' ratios [range]:");
        for (String size : List.of("8", "1m")) {
            String what = size.equals("8") ? "8 B put + close" : "1 MiB put + close (time)";
            double[] goal = ratios(results, "rsm-put" + size, "jucx-put" + size);
            System.out.printf("    %-24s against put + flush together, polling target: %.2fx [%.2f-%.2f] %s%n", what, median(goal),
                    min(goal), max(goal), verdict(median(goal)));
            double[] sequenced = ratios(results, "rsm-put" + size, "jucx-seq-put" + size);
            double[] waiting = ratios(results, "rsm-put" + size, "jucx-wait-seq-put" + size);
            double[] asRsm = ratios(results, "rsm-put" + size, "jucx-asrsm-seq-put" + size);
            System.out.printf("    %-24s against JUCX sequenced as RSM does it (put completed, then flush): %.2fx [%.2f-%.2f];"
                    + " also with the target waiting for events as RSM's exporter does: %.2fx [%.2f-%.2f]; also with the initiator's UCX"
                    + " set up as RSM's (thread-safe worker, progress thread): %.2fx [%.2f-%.2f]%n", "", median(sequenced),
                    min(sequenced), max(sequenced), median(waiting), min(waiting), max(waiting), median(asRsm), min(asRsm), max(asRsm));
        }
    }

    /** The signal figures, in {@code rounds} interleaved rounds. */
    private void signals(int rounds) throws Exception {
        boolean perftest = Files.isExecutable(UCX_PERFTEST);
        List<Map<String, OpTimes.Result>> results = new ArrayList<>();
        double[] amLatency = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            Map<String, OpTimes.Result> figures = new HashMap<>();
            nodeResults(launch(hostsFile("signal", 1, 2, 1), "signal", Integer.toString(WARMUP_SIGNAL), Integer.toString(COUNT_SIGNAL)))
                    .forEach(r -> figures.put(r.name(), r));
            rawAm().forEach(r -> figures.put(r.name(), r));
            amLatency[round - 1] = perftest ? perftest("ucp_am_lat", 8, 20_000) : Double.NaN;
            results.add(figures);
            System.out.printf("round %d: round trip: RSM post -> answer %s (8 B put + post -> answer %s); raw JUCX message ->"
                    + " answer %s (message + flush -> answer %s)%s%n", round, micros(figures.get("rsm-signal")),
                    micros(figures.get("rsm-doorbell8")), micros(figures.get("jucx-am")), micros(figures.get("jucx-am-flush")),
                    perftest ? String.format("; ucx_perftest ucp_am_lat %.1f us", amLatency[round - 1]) : "");
        }
        System.out.printf("== signal round trip (h2 -> h1 -> h2), median of %d rounds [range over rounds], single round trips"
                + " p10-p90 in the median round%n", rounds);
        for (String name : List.of("rsm-signal", "rsm-doorbell8", "jucx-am", "jucx-am-flush")) {
            List<OpTimes.Result> figure = results.stream().map(r -> r.get(name)).toList();
            double[] us = figure.stream().mapToDouble(r -> r.medianNanos() / 1e3).toArray();
            OpTimes.Result median = medianRound(figure);
            System.out.printf("  %-14s %-50s %.1f us [%.1f-%.1f] (p10-p90 %.1f-%.1f us)%n", name, switch (name) {
                case "rsm-signal" -> "post, then the exporter's answering post";
                case "rsm-doorbell8" -> "8 B put + post, then the exporter's answering post";
                case "jucx-am" -> "active message, then the answering one";
                default -> "active message + flush, then the answering one";
            }, median(us), min(us), max(us), median.p10Nanos() / 1e3, median.p90Nanos() / 1e3);
        }
        if (perftest) {
            System.out.printf("  %-14s ucp_am_lat 8 B: %.1f us [%.1f-%.1f] (its median; half a round trip, so about %.1f us a round"
                    + " trip)%n", "ucx_perftest", median(amLatency), min(amLatency), max(amLatency), 2 * median(amLatency));
        }
        double[] againstFlush = ratios(results, "rsm-signal", "jucx-am-flush");
        double[] againstMessage = ratios(results, "rsm-signal", "jucx-am");
        System.out.printf("  RSM post -> answer / raw JUCX, median of the rounds' ratios [range]: against message + flush %.2fx"
                + " [%.2f-%.2f], against the message alone %.2fx [%.2f-%.2f]%n", median(againstFlush), min(againstFlush),
                max(againstFlush), median(againstMessage), min(againstMessage), max(againstMessage));
    }

    /** Raw JUCX active-message ping-pong: target on h1, initiator on h2. */
    private List<OpTimes.Result> rawAm() throws Exception {
        return raw("am-target", List.of(), "am-initiator", List.of(Integer.toString(WARMUP_SIGNAL), Integer.toString(COUNT_SIGNAL)));
    }

    /** Of one figure's results over the rounds, the round of the median time. */
    private static OpTimes.Result medianRound(List<OpTimes.Result> rounds) {
        return rounds.stream().sorted(Comparator.comparingLong(OpTimes.Result::medianNanos)).toList().get(rounds.size() / 2);
    }

    /** Per round, the median time of {@code name} over that of {@code baseline}. */
    private static double[] ratios(List<Map<String, OpTimes.Result>> results, String name, String baseline) {
        return results.stream().mapToDouble(r -> (double) r.get(name).medianNanos() / r.get(baseline).medianNanos()).toArray();
    }

    private static String verdict(double ratio) {
        return ratio <= GOAL ? "(goal <= " + GOAL + "x met)" : "(goal <= " + GOAL + "x MISSED)";
    }

    /** RSM put through rsm-launch: node 1 on h1 exports, node 2 on h2 puts. */
    private List<OpTimes.Result> rsmPut() throws Exception {
        return nodeResults(launch(hostsFile("put", 1, 2, 1), "put", Integer.toString(WARMUP_8), Integer.toString(COUNT_8),
                Integer.toString(WARMUP_1M), Integer.toString(COUNT_1M)));
    }

    /** Waits for {@code launch} to end well, and returns the {@link OpTimes} results node 2 printed. */
    private static List<OpTimes.Result> nodeResults(Program launch) throws Exception {
        try (launch) {
            launch.awaitEnd(0);
            return launch.out().stream().filter(l -> l.startsWith("[node 2] " + OpTimes.RESULT))
                    .map(l -> OpTimes.Result.parse(l.substring("[node 2] ".length()))).toList();
        }
    }

    /** Raw JUCX: target on h1 (polling or waiting for events), initiator on h2 (plain, or set up as RSM's data path). */
    private List<OpTimes.Result> rawJucx(String targetMode, String initiatorMode) throws Exception {
        return raw("target", List.of(Integer.toString(RawJucx.MIB), targetMode), "initiator", List.of(Integer.toString(WARMUP_8),
                Integer.toString(COUNT_8), Integer.toString(WARMUP_1M), Integer.toString(COUNT_1M), initiatorMode));
    }

    /**
     * A {@link RawJucx} pair: {@code TARGET-ROLE ADDRESS PORT TARGET-ARGS...} on h1 until it listens, then {@code
     * INITIATOR-ROLE ADDRESS PORT INITIATOR-ARGS...} on h2; the {@link OpTimes} results the initiator printed.
     */
    private List<OpTimes.Result> raw(String targetRole, List<String> targetArgs, String initiatorRole, List<String> initiatorArgs)
            throws Exception {
        String address = hosts.host(1).address();
        String port = Integer.toString(nextPort++);
        try (Program target = start(1, rawJucxCommand(targetRole, address, port, targetArgs))) {
            target.awaitOut("LISTENING");
            try (Program initiator = start(2, rawJucxCommand(initiatorRole, address, port, initiatorArgs))) {
                initiator.awaitEnd(0);
                target.awaitEnd(0);
                return initiator.out().stream().filter(l -> l.startsWith(OpTimes.RESULT)).map(OpTimes.Result::parse).toList();
            }
        }
    }

    private List<String> rawJucxCommand(String role, String address, String port, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", jar, RawJucx.class.getName(),
                role, address, port));
        command.addAll(args);
        return command;
    }

    /**
     * ucx_perftest, server on h1, client on h2: for a latency test its median latency in microseconds, for a bandwidth
     * test its overall bandwidth in MB/s (the figures of its final line).
     */
    private double perftest(String test, int size, int iterations) throws Exception {
        String port = Integer.toString(nextPort++);
        try (Program server = start(1, List.of(UCX_PERFTEST.toString(), "-p", port))) {
            long deadline = System.nanoTime() + PROGRAM_WAIT.toNanos();
            while (hosts.runOn(1, "ss", "-Hltn", "sport = :" + port).isBlank()) {
                if (!server.process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("ucx_perftest's server does not listen: " + server);
                }
                Thread.sleep(20);
            }
            try (Program client = start(2, List.of(UCX_PERFTEST.toString(), hosts.host(1).address(), "-p", port, "-t", test, "-s",
                    Integer.toString(size), "-n", Integer.toString(iterations), "-w", Integer.toString(iterations / 10), "-f"))) {
                client.awaitEnd(0);
                server.awaitEnd(0);
                // iterations, latency median, average, overall, bandwidth average, overall, message rate average, overall
                String[] last = client.out().stream().map(String::strip).filter(l -> l.matches("[0-9][0-9. ]*")).reduce((a, b) -> b)
                        .orElseThrow(() -> new IOException("no figures from ucx_perftest: " + client)).split(" +");
                return Double.parseDouble(test.endsWith("_lat") ? last[1] : last[5]);
            }
        }
    }

    /** Publish → connect latency, node 1 on h1 publishing, node 2 on h2 connecting. */
    private void publishConnect() throws Exception {
        try (Program launch = launch(hostsFile("publish", 1, 2, 1), "publish-connect", Integer.toString(PUBLISH_ROUNDS))) {
            launch.awaitEnd(0);
            Map<String, long[]> published = new HashMap<>();
            Map<String, Long> connected = new HashMap<>();
            for (String line : launch.out()) {
                String[] words = line.split(" ");
                if (words.length == 6 && words[2].equals("PUBLISHED")) {
                    published.put(words[3], new long[] {Long.parseLong(words[4]), Long.parseLong(words[5])});
                } else if (words.length == 5 && words[2].equals("CONNECTED")) {
                    connected.put(words[3], Long.parseLong(words[4]));
                }
            }
            List<String> rounds = published.keySet().stream().filter(connected::containsKey).toList();
            if (rounds.size() != PUBLISH_ROUNDS) {
                throw new IOException("publish-connect: " + rounds.size() + " of " + PUBLISH_ROUNDS + " rounds reported: " + launch);
            }
            double[] fromReturn = rounds.stream().mapToDouble(r -> (connected.get(r) - published.get(r)[1]) / 1e6).sorted().toArray();
            double[] fromCall = rounds.stream().mapToDouble(r -> (connected.get(r) - published.get(r)[0]) / 1e6).sorted().toArray();
            double[] publish = rounds.stream().mapToDouble(r -> (published.get(r)[1] - published.get(r)[0]) / 1e6).sorted().toArray();
            System.out.printf("== publish -> connect (h1 -> h2, through ZooKeeper; %d rounds; the importer retries connect without a"
                    + " pause while SEG_NOT_PUBLISHED):%n   from publish's return to connect's return: %s%s%n"
                    + "   from publish's call to connect's return: %s; publish itself: %s%n", rounds.size(), spread(fromReturn),
                    fromReturn[0] < 0 ? " (below 0: that connect returned first: the registry had committed the publish before its"
                            + " answer reached the exporter)" : "", spread(fromCall), spread(publish));
        }
    }

    /** Median, p10-p90, min and max of sorted milliseconds. */
    private static String spread(double[] millis) {
        return String.format("median %.2f ms, p10-p90 %.2f-%.2f ms, min %.2f, max %.2f ms", millis[millis.length / 2],
                millis[millis.length / 10], millis[millis.length * 9 / 10], millis[0], millis[millis.length - 1]);
    }

    /**
     * 64 nodes over 4 hosts joining through rsm-launch, against as many bare JVMs on the same hosts, interleaved. A node
     * whose join failed (CTLR_NOT_PRESENT) joins again ({@link DistributedNode} {@code join}); the retries and the nodes
     * that did not join or were killed (their session expired) are counted, and a trial where not all joined says so.
     */
    private void joins() throws Exception {
        int nodes = JOIN_NODES;
        List<Double> joined = new ArrayList<>();
        double[] bare = new double[JOIN_TRIALS];
        for (int trial = 0; trial < JOIN_TRIALS; trial++) {
            bare[trial] = bareJvms(nodes);
            Path hostsFile = hostsFile("join", 0, nodes, NODES_PER_HOST);
            List<String> cluster = List.of("--cluster", clusterFile("join", nodes).toString(), "--session-timeout",
                    JOIN_SESSION_TIMEOUT);
            long start = System.nanoTime();
            try (Program launch = launch(hostsFile, cluster, "join")) {
                boolean all = launch.awaitOut(lines -> joinedNodes(lines).size() == nodes);
                double elapsed = (System.nanoTime() - start) / 1e6;
                int status = launch.awaitEnd();
                List<String> lines = launch.out();
                int retries = joinedNodes(lines).values().stream().mapToInt(Integer::intValue).sum();
                String statuses = launch.err().stream().filter(l -> l.startsWith("[rsm-launch] exit statuses: ")).findFirst().orElse("");
                long killed = KILLED.matcher(statuses).results().count();
                String outcome = String.format("%d joins retried after CTLR_NOT_PRESENT, %d nodes killed (session expired), launch exit"
                        + " status %d", retries, killed, status);
                if (all) {
                    joined.add(elapsed);
                    System.out.printf("join trial %d: %d nodes over %d hosts all joined %.0f ms after the launcher started (%s); %d bare"
                            + " JVMs through ip netns exec %.0f ms%n", trial + 1, nodes, HOSTS, elapsed, outcome, nodes, bare[trial]);
                } else {
                    System.out.printf("join trial %d: NOT ALL JOINED: %d of %d nodes (%s); %d bare JVMs %.0f ms; the launch's last"
                            + " lines: %s%n", trial + 1, joinedNodes(lines).size(), nodes, outcome, nodes, bare[trial], launch);
                }
            }
        }
        double[] times = joined.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("== %d nodes over %d namespace hosts (rsm-launch --hosts --cluster, nodes 0-%d, no start-up cache): %s; %d"
                + " bare JVMs on the same hosts ran their main after"
                + " %.0f ms [%.0f-%.0f]%n", nodes, HOSTS, nodes - 1, times.length == 0 ? "no trial had all nodes joined"
                        : String.format("all joined after %.0f ms, median of %d trials where all did [%.0f-%.0f] (%d trials)",
                                median(times), times.length, min(times), max(times), JOIN_TRIALS),
                nodes, median(bare), min(bare), max(bare));
    }

    /** The nodes that printed JOINED RETRIES, with their retries. */
    private static Map<Integer, Integer> joinedNodes(List<String> lines) {
        Map<Integer, Integer> joined = new HashMap<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words.length == 4 && words[0].equals("[node") && words[2].equals("JOINED")) {
                joined.put(Integer.parseInt(words[1].replace("]", "")), Integer.parseInt(words[3]));
            }
        }
        return joined;
    }

    /** Milliseconds until {@code count} JVMs, spread over the hosts as the nodes are, have each printed from main. */
    private double bareJvms(int count) throws Exception {
        long start = System.nanoTime();
        List<Program> programs = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                programs.add(start(1 + i / NODES_PER_HOST, List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", jar,
                        LaunchStartup.class.getName(), "bare")));
            }
            for (Program program : programs) {
                program.awaitOut("MAIN");
            }
            double elapsed = (System.nanoTime() - start) / 1e6;
            for (Program program : programs) {
                program.awaitEnd(0);
            }
            return elapsed;
        } finally {
            programs.forEach(Program::close);
        }
    }

    /**
     * A hosts file for {@code nodes} nodes numbered from {@code firstNode}, {@code perHost} on each host in order (fewer on
     * the last).
     */
    private Path hostsFile(String name, int firstNode, int nodes, int perHost) throws IOException {
        StringBuilder text = new StringBuilder("# DistributedBenchmark's network namespaces\n");
        for (int host = 1; (host - 1) * perHost < nodes; host++) {
            NetworkNamespaces.Host h = hosts.host(host);
            int first = firstNode + (host - 1) * perHost;
            int last = firstNode + Math.min(nodes, host * perHost) - 1;
            text.append("host ").append(h.name()).append(" nodes=").append(first).append(last > first ? "-" + last : "")
                    .append(" run=\"").append(String.join(" ", h.prefix())).append("\" address=").append(h.address()).append('\n');
        }
        text.append("classpath shared\n");
        return Files.writeString(folder.resolve(name + ".hosts"), text);
    }

    /** A cluster file of {@code nodes} fully connected nodes numbered from 0 (as {@code --nodes} makes them from 1). */
    private Path clusterFile(String name, int nodes) throws IOException {
        Cluster cluster = ClusterShapes.create(name, Shape.FULLY_CONNECTED, nodes);
        for (Node node : cluster.getNodes()) {
            node.setId(node.getId() - 1);
            node.setHostname("node" + node.getId());
        }
        Path file = folder.resolve(name + ".rsmcluster");
        ClusterFiles.save(cluster, file);
        return file;
    }

    /** rsm-launch of two nodes, 1 and 2, on a hosts file for them. */
    private Program launch(Path hostsFile, String... arguments) throws IOException {
        return launch(hostsFile, List.of("--nodes", "2"), arguments);
    }

    /**
     * rsm-launch run on h1, as a user would run it there, with the node program {@link DistributedNode}, on the cluster
     * that {@code cluster} ({@code --nodes N} or {@code --cluster FILE}) describes.
     */
    private Program launch(Path hostsFile, List<String> cluster, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-D"
                + "rsm.startupCache=false", "-cp", jar, RsmLaunch.class.getName(), "--hosts", hostsFile.toString(), "--zookeeper",
                zookeeper));
        command.addAll(cluster);
        command.addAll(List.of("--cp", jar, "--timeout", PROGRAM_WAIT.toSeconds() + "s", DistributedNode.class.getName(), "--"));
        command.addAll(Arrays.asList(arguments));
        return start(1, command);
    }

    /** A standalone ZooKeeper server on h1, all its addresses, once it serves. */
    private Program startZooKeeper() throws Exception {
        Path data = Files.createDirectory(folder.resolve("zookeeper"));
        Program server = start(1, List.of(java, "-Xmx256m", "-Dzookeeper.admin.enableServer=false", "-cp", jar,
                "org.apache.zookeeper.server.ZooKeeperServerMain", Integer.toString(ZOOKEEPER_PORT), data.toString(), "500", "1000"));
        String address = hosts.host(1).address();
        zookeeper = address + ":" + ZOOKEEPER_PORT;
        long deadline = System.nanoTime() + PROGRAM_WAIT.toNanos();
        for (;;) {
            String answer;
            try {
                answer = hosts.runOn(1, "timeout", "2", "bash", "-c",
                        "exec 3<>/dev/tcp/" + address + "/" + ZOOKEEPER_PORT + " && printf srvr >&3 && cat <&3");
            } catch (IOException e) {
                answer = "";
            }
            if (answer.contains("Mode: standalone")) {
                return server;
            }
            if (!server.process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IOException("ZooKeeper does not serve on h1: " + server);
            }
            Thread.sleep(100);
        }
    }

    private String ucxVersion() {
        try {
            return hosts.runOn(1, "ucx_info", "-v").lines().findFirst().orElse("").replace("#", "").strip();
        } catch (IOException e) {
            return "UCX version unknown (no ucx_info)";
        }
    }

    /** Starts {@code command} on host N with this run's environment. */
    private Program start(int host, List<String> command) throws IOException {
        List<String> words = new ArrayList<>(hosts.host(host).prefix());
        words.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(words);
        builder.environment().putAll(environment);
        return new Program(builder.start(), String.join(" ", words));
    }

    /** A process started here, its output read as it comes; closing kills it if it still runs, and so does the JVM's end. */
    private static final class Program implements AutoCloseable {
        /** What still runs, stopped (SIGTERM: rsm-launch then kills its node JVMs) by a shutdown hook when the harness is stopped. */
        private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "stop-programs"));
        }

        private final Process process;
        private final String command;
        private final List<String> out = new ArrayList<>();
        private final List<String> err = new ArrayList<>();
        private final Thread outReader;
        private final Thread errReader;

        Program(Process process, String command) throws IOException {
            this.process = process;
            this.command = command;
            RUNNING.add(process);
            process.getOutputStream().close();
            outReader = read(process.getInputStream(), out);
            errReader = read(process.getErrorStream(), err);
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
                    // killed: its output ends here
                }
                synchronized (this) {
                    notifyAll();
                }
            });
        }

        synchronized List<String> out() {
            return List.copyOf(out);
        }

        synchronized List<String> err() {
            return List.copyOf(err);
        }

        /** Waits until it printed a line that matches. */
        void awaitOut(String line) throws IOException, InterruptedException {
            if (!awaitOut(lines -> lines.contains(line))) {
                throw new IOException("the line awaited did not come: " + this);
            }
        }

        /** Waits until its output so far meets {@code condition}; false when its output ended first. */
        synchronized boolean awaitOut(Predicate<List<String>> condition) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + PROGRAM_WAIT.toNanos();
            while (!condition.test(out)) {
                long left = deadline - System.nanoTime();
                if (!outReader.isAlive()) {
                    return condition.test(out);
                }
                if (left <= 0) {
                    throw new IOException("the output awaited did not come within " + PROGRAM_WAIT.toSeconds() + " s: " + this);
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            return true;
        }

        /** Waits for its end and its output; fails unless it exited with {@code status}. */
        void awaitEnd(int status) throws IOException, InterruptedException {
            if (awaitEnd() != status) {
                throw new IOException("exited with " + process.exitValue() + ": " + this);
            }
        }

        /** Waits for its end and its output: its exit status. */
        int awaitEnd() throws IOException, InterruptedException {
            if (!process.waitFor(PROGRAM_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("did not end within " + PROGRAM_WAIT.toSeconds() + " s: " + this);
            }
            outReader.join(PROGRAM_WAIT);
            errReader.join(PROGRAM_WAIT);
            return process.exitValue();
        }

        @Override
        public void close() {
            RUNNING.remove(process);
            if (process.isAlive()) {
                process.destroy(); // rsm-launch kills its node JVMs on SIGTERM
                try {
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public synchronized String toString() {
            List<String> tail = Stream.concat(out.stream(), err.stream()).toList();
            return command + "\n  " + String.join("\n  ", tail.subList(Math.max(0, tail.size() - 60), tail.size()));
        }
    }

    private static String micros(OpTimes.Result result) {
        return String.format("%.1f us", result.medianNanos() / 1e3);
    }

    private static String bandwidth(OpTimes.Result result) {
        return String.format("%.0f MB/s", megabytesPerSecond(result.bytes(), result.medianNanos()));
    }

    /** MB of 2^20 bytes a second, as ucx_perftest counts them. */
    private static double megabytesPerSecond(long bytes, long nanos) {
        return bytes * 1e9 / nanos / RawJucx.MIB;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
