// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.examples.DoorbellPingPong;

/** Every example run through the command line (RsmLaunch.run, in this JVM; one JVM per node). */
@Timeout(120)
class ExamplesLaunchTest {
    private static final String EXAMPLES = ClassPathEntries.of(DoorbellPingPong.class).toString();

    /** What a launch printed: stdout and stderr lines (node lines prefixed with [node N]) and its exit status. */
    private record Launch(int status, List<String> out, List<String> err) {
        /** The RESULT lines, without their [node N] prefix, in node order. */
        List<String> results(int node) {
            return output(node).stream().filter(l -> l.startsWith("RESULT ")).toList();
        }

        /** What node N printed on stdout, without the [node N] prefix. */
        List<String> output(int node) {
            return out.stream().filter(l -> l.startsWith("[node " + node + "] ")).map(l -> l.substring(l.indexOf(']') + 2)).toList();
        }

        @Override
        public String toString() {
            return "status " + status + "\n" + String.join("\n", out) + "\n" + String.join("\n", err);
        }
    }

    private static Launch launch(String... args) {
        return launchWithTimeout("60s", args);
    }

    private static Launch launchWithTimeout(String timeout, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of("--cp", EXAMPLES, "--timeout", timeout));
        command.addAll(Arrays.asList(args));
        int status = RsmLaunch.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Launch(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @ParameterizedTest(name = "{0} on {1} nodes")
    @CsvSource(delimiter = '|', textBlock = """
            DoorbellPingPong | 3 | 200      | RESULT pingpong rounds=200 nodes=3
            RingAllReduce    | 4 | 16       | RESULT allreduce length=16 sum=1360
            HaloExchange     | 3 | 10 20    | RESULT halo cells=30 iterations=20 checksum=\\d+\\.\\d{6}
            Revocation       | 3 |          | RESULT revocation importers=2 phases=3
            """)
    void everyNodePrintsTheSameRightResultAndExitsWith0(String example, int nodes, String args, String result) {
        List<String> command = new ArrayList<>(List.of("--nodes", Integer.toString(nodes), "org.rsmworkbench.examples." + example));
        if (args != null) {
            command.add("--");
            command.addAll(List.of(args.split(" ")));
        }
        Launch launch = launch(command.toArray(String[]::new));
        assertEquals(0, launch.status(), launch.toString());
        String first = launch.results(1).getFirst();
        assertTrue(Pattern.matches(result, first), first);
        for (int node = 1; node <= nodes; node++) {
            assertEquals(List.of(first), launch.results(node), "node " + node + ": " + launch);
        }
    }

    @Test
    void onlyTheChosenNodesTakePart() {
        Launch launch = launch("--nodes", "4", "--on", "2,4", "org.rsmworkbench.examples.RingAllReduce", "--", "16");
        assertEquals(0, launch.status(), launch.toString());
        // nodes 2 and 4: (2 + 4) * (1 + ... + 16)
        assertEquals(List.of("RESULT allreduce length=16 sum=816"), launch.results(2));
        assertEquals(List.of("RESULT allreduce length=16 sum=816"), launch.results(4));
        assertTrue(launch.out().stream().noneMatch(l -> l.startsWith("[node 1]") || l.startsWith("[node 3]")), launch.toString());
    }

    /** What the pinger prints when RSM forcibly disconnects it from a node that died. */
    private static final String LOST_NODE_2 = "lost node 2 (in round \\d+|while connecting) \\((BARRIER_OPEN_FAILED|CONN_ABORTED|REMOTE_NODE_UNREACHABLE): "
            + ".*node 2 is down.*\\); going on with nodes \\[3\\]";

    @Test
    void aKilledNodeIsReportedAndTheOthersCompleteTheProgram() {
        Launch launch = launch("--nodes", "3", "--fault", "kill:2@200ms", "org.rsmworkbench.examples.DoorbellPingPong", "--", "20000");
        assertEquals(137, launch.status(), "the killed node's status: " + launch);
        assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[rsm-launch] \\S+ kill node 2 \\(--fault kill:2@200ms\\)")),
                launch.toString());
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 0, node 2 137 (killed), node 3 0; exit status 137"),
                launch.toString());
        assertTrue(launch.output(1).stream().anyMatch(l -> l.matches(LOST_NODE_2)), launch.toString());
        assertEquals(List.of("RESULT pingpong rounds=20000 nodes=3"), launch.results(1), launch.toString());
        assertEquals(List.of("RESULT pingpong rounds=20000 nodes=3"), launch.results(3), launch.toString());
    }

    @Test
    void aLinkTakenDownCutsOffOneNodeWhoseErrorNamesTheLinkAndTheOthersComplete() {
        Launch launch = launch("--nodes", "4", "--fault", "link-down:1/emu0-3/emu0@200ms", "org.rsmworkbench.examples.DoorbellPingPong",
                "--", "20000");
        // a connect across the link fails with the controller's message, a connection through it with the link's name
        assertTrue(launch.output(1).stream().anyMatch(l -> l.matches("lost node 3 (in round \\d+|while connecting) \\(.*"
                + "(link 1:emu0 - 3:emu0 is down|no link that is up to node 3).*\\); going on with nodes \\[2, 4\\]")), launch.toString());
        assertTrue(launch.output(1).stream().noneMatch(l -> l.startsWith("lost node 2") || l.startsWith("lost node 4")),
                "only node 3 is cut off: " + launch);
        // node 3 may still be connecting when the link goes down (a loaded machine starts JVMs slowly)
        assertTrue(launch.err().stream().anyMatch(l -> l.matches("\\[node 3\\] ERROR .*(link 1:emu0 - 3:emu0 is down|no link that is up to node 1).*")),
                launch.toString());
        assertTrue(launch.err().contains("[rsm-launch] exit statuses: node 1 0, node 2 0, node 3 1, node 4 0; exit status 1"),
                launch.toString());
        for (int node : new int[] {1, 2, 4}) {
            assertEquals(List.of("RESULT pingpong rounds=20000 nodes=4"), launch.results(node), "node " + node + ": " + launch);
        }
    }

    @Test
    @Timeout(180)
    void aKilledNodeThatIsRestartedRejoinsAndTheProgramCompletesWithIt() {
        // two nodes: with its only peer lost the pinger waits for it to come back (with another peer it would go on,
        // and on an idle machine could end all its rounds before the restarted node is back)
        Launch launch = launchWithTimeout("150s", "--nodes", "2", "--fault", "kill:2@200ms", "--fault", "restart:2@1s",
                "org.rsmworkbench.examples.DoorbellPingPong", "--", "100000");
        assertEquals(0, launch.status(), "every node's last program succeeded: " + launch);
        List<String> launcher = launch.err().stream().filter(l -> l.startsWith("[rsm-launch] ")).toList();
        assertTrue(launcher.get(0).matches("\\[rsm-launch] \\S+ kill node 2 \\(--fault kill:2@200ms\\)"), launch.toString());
        assertTrue(launcher.get(1).matches("\\[rsm-launch] \\S+ restart node 2 \\(--fault restart:2@1000ms\\)"), launch.toString());
        assertTrue(launcher.get(2).matches("\\[rsm-launch] \\S+ node 2: its program is started again \\(pid \\d+\\)"), launch.toString());
        List<String> pinger = launch.output(1);
        assertTrue(pinger.stream().anyMatch(l -> l.matches(LOST_NODE_2.replace("\\[3\\]", "\\[\\]"))), launch.toString());
        assertTrue(pinger.stream().anyMatch(l -> l.matches("every peer is lost in round \\d+: waiting for one to come back")),
                launch.toString());
        long backInRound = pinger.stream().map(Pattern.compile("node 2 is back in round (\\d+); going on with nodes \\[2\\]")::matcher)
                .filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("the pinger takes node 2 back: " + launch));
        // a kill before the pinger had connected to node 2 (a slow start) takes it back in round 1: its first round
        assertEquals(backInRound > 1, launch.output(2).stream()
                .anyMatch(l -> l.matches("joined in round \\d+: the pinger took this node back after its restart")), launch.toString());
        for (int node = 1; node <= 2; node++) {
            assertEquals(List.of("RESULT pingpong rounds=100000 nodes=2"), launch.results(node), "node " + node + ": " + launch);
        }
    }

    @Test
    void aFailedTransferIsRetriedInItsBarrierSpan() {
        Launch launch = launch("--nodes", "2", "--fault", "fail:1->2x1@0ms", "org.rsmworkbench.examples.HaloExchange", "--", "10",
                "2000");
        assertEquals(0, launch.status(), launch.toString());
        assertTrue(launch.out().stream().anyMatch(l -> l.startsWith("[node 1] transfer to node 2 failed, retrying")),
                launch.toString());
    }
}
