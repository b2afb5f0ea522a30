// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.ITerminate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rsmworkbench.core.clusters.NodePrograms;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.launch.Fault;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.rsmapi.Credentials;

/** The examples launched through the "RSM Cluster Application" configuration type, in run mode. */
@Timeout(180)
class ClusterLaunchTest {

    @AfterEach
    void removeLaunches() throws Exception {
        ILaunchManager manager = org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            if (!launch.isTerminated()) {
                launch.terminate();
            }
            manager.removeLaunch(launch);
        }
    }

    @ParameterizedTest(name = "{0} on {1} nodes")
    @CsvSource(delimiter = '|', textBlock = """
            DoorbellPingPong | 3 | 200      | RESULT pingpong rounds=200 nodes=3
            RingAllReduce    | 4 | 16       | RESULT allreduce length=16 sum=1360
            HaloExchange     | 3 | 10 20    | RESULT halo cells=30 iterations=20 checksum=\\d+\\.\\d{6}
            Revocation       | 3 |          | RESULT revocation importers=2 phases=3
            """)
    void everyNodeProcessExitsWith0AndPrintsTheResult(String example, int nodes, String arguments, String result) throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example(example, example, nodes, arguments == null ? "" : arguments);
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);
        Map<Integer, IProcess> processes = Launches.nodes(launch);
        assertEquals(nodes, processes.size(), all);
        String first = null;
        for (int node = 1; node <= nodes; node++) {
            IProcess process = processes.get(node);
            assertEquals("node " + node + " (uid=1000 gid=1000)", process.getLabel(), all);
            assertEquals(process.getLabel(), process.getAttribute(IProcess.ATTR_PROCESS_LABEL));
            assertEquals(0, Launches.exit(process), all);
            List<String> results = Launches.results(process);
            assertEquals(1, results.size(), "node " + node + ": " + all);
            if (first == null) {
                first = results.get(0);
                assertTrue(Pattern.matches(result, first), first);
            }
            assertEquals(first, results.get(0), all);
        }
        IProcess cluster = Launches.cluster(launch);
        assertEquals(0, Launches.exit(cluster), all);
        Path directory = Path.of(cluster.getAttribute(RsmLaunching.PROCESS_ATTR_CLUSTER_DIRECTORY));
        assertFalse(Files.exists(directory), "the cluster directory is removed at the end: " + directory);
        assertTrue(Launches.out(cluster).contains("cluster stopped"), all);
    }

    /** A line of the cluster console: its time, then what happened. */
    private static boolean hasLine(String console, String afterTime) {
        return console.lines().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} " + Pattern.quote(afterTime)));
    }

    @Test
    void aKilledNodeExitsWith137AndTheOthersReportItAndComplete() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("kill", "DoorbellPingPong", 3, "20000");
        config.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill:2@300ms"));
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);
        Map<Integer, IProcess> nodes = Launches.nodes(launch);
        assertEquals(137, Launches.exit(nodes.get(2)), all);
        assertEquals(0, Launches.exit(nodes.get(1)), all);
        assertEquals(0, Launches.exit(nodes.get(3)), all);
        assertTrue(Launches.out(nodes.get(1)).lines().anyMatch(l -> l.matches("lost node 2 (in round \\d+|while connecting) .*node 2 is down.*")), all);
        assertEquals(List.of("RESULT pingpong rounds=20000 nodes=3"), Launches.results(nodes.get(3)), all);
        IProcess cluster = Launches.cluster(launch);
        assertTrue(hasLine(Launches.out(cluster), "kill node 2 (Faults tab: kill:2@300ms)"), all);
        assertTrue(Launches.err(cluster).contains("node 2 exited with status 137 (killed)"), all);
        assertEquals(137, Launches.exit(cluster), all);
    }

    /**
     * Two nodes: with its only peer lost, the pinger waits for it to come back. With a third, the pinger went on with it
     * and could finish every round before the restarted JVM had started (a CI run).
     */
    @Test
    @Timeout(300)
    void aNodeKilledAndRestartedFromAViewRunsItsProgramAgainAndTheProgramCompletesWithIt() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("restart", "DoorbellPingPong", 2, "100000");
        ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        try {
            RunningCluster entry = RunningClusters.getDefault().clusters().stream().filter(c -> c.label().startsWith(config.getName() + " #"))
                    .findFirst().orElseThrow();
            assertTrue(waitFor(() -> entry.cluster().state().connections().size() >= 2, Duration.ofSeconds(60)),
                    "the nodes connect to each other's mailboxes: " + Launches.describe(launch));
            long firstPid = entry.programs().of(2).pid();

            assertTrue(entry.inject(new Fault.KillNode(2), "Clusters view").applied());
            IProcess killed = Launches.nodes(launch).get(2);
            assertTrue(waitFor(killed::isTerminated, Duration.ofSeconds(20)), Launches.describe(launch));
            assertEquals(137, Launches.exit(killed));
            assertTrue(waitFor(() -> !entry.programs().of(2).running(), Duration.ofSeconds(10)));
            assertEquals(new NodePrograms.Program(firstPid, 137, 1), entry.programs().of(2), "the view shows node 2 down, killed");
            assertFalse(launch.isTerminated(), "node 1 waits for it: " + Launches.describe(launch));

            assertTrue(entry.inject(new Fault.RestartNode(2), "Clusters view").applied());
            assertTrue(waitFor(() -> Launches.nodes(launch).get(2) != killed, Duration.ofSeconds(30)),
                    "a new JVM runs node 2's program: " + Launches.describe(launch));
            IProcess again = Launches.nodes(launch).get(2);
            assertEquals("node 2 (uid=1000 gid=1000), restarted", again.getLabel());
            assertTrue(waitFor(() -> entry.programs().of(2).starts() == 2, Duration.ofSeconds(10)),
                    "the Clusters view learns that node 2's program was started again: " + entry.programs().of(2));

            assertTrue(waitFor(launch::isTerminated, Duration.ofSeconds(150)), Launches.describe(launch));
            String all = Launches.describe(launch);
            for (IProcess node : Launches.nodes(launch).values()) {
                assertEquals(0, Launches.exit(node), all);
                assertEquals(List.of("RESULT pingpong rounds=100000 nodes=2"), Launches.results(node), all);
            }
            assertTrue(Launches.out(again).lines().anyMatch(l -> l.startsWith("joined in round ")), all);
            assertTrue(Launches.out(Launches.nodes(launch).get(1)).lines().anyMatch(l -> l.startsWith("node 2 is back in round ")), all);
            String console = Launches.out(Launches.cluster(launch));
            assertTrue(hasLine(console, "kill node 2 (Clusters view)"), all);
            assertTrue(hasLine(console, "restart node 2 (Clusters view)"), all);
            assertTrue(console.lines().anyMatch(l -> l.matches("\\S+ node 2: its program is started again \\(pid \\d+\\)")), all);
            assertEquals(0, Launches.exit(Launches.cluster(launch)), "node 2's last program succeeded: " + all);
        } finally {
            launch.terminate();
        }
    }

    @Test
    void chosenNodesPerNodeSettingsAndCredentials() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("subset", "RingAllReduce", 4, "16");
        config.setAttribute(RsmLaunching.ATTR_ON_NODES, "2,4");
        config.setAttribute(RsmLaunching.ATTR_NODE_CREDENTIAL_SETTINGS, List.of("4:uid=0", "4:privileged=true", "2:groups=7,8"));
        config.setAttribute(RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS, List.of("4:jvm=-Drsm.test=1"));
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);
        Map<Integer, IProcess> nodes = Launches.nodes(launch);
        assertEquals(List.of(2, 4), List.copyOf(nodes.keySet()), all);
        // nodes 2 and 4: (2 + 4) * (1 + ... + 16)
        assertEquals(List.of("RESULT allreduce length=16 sum=816"), Launches.results(nodes.get(2)), all);
        assertEquals(List.of("RESULT allreduce length=16 sum=816"), Launches.results(nodes.get(4)), all);
        assertEquals("node 4 (uid=0 gid=1000 privileged)", nodes.get(4).getLabel());
        assertEquals("node 2 (uid=1000 gid=1000 groups=7,8)", nodes.get(2).getLabel());
        assertTrue(nodes.get(4).getAttribute(IProcess.ATTR_CMDLINE).contains("-Drsm.test=1"));
        assertFalse(nodes.get(2).getAttribute(IProcess.ATTR_CMDLINE).contains("-Drsm.test=1"));
    }

    @Test
    void aClusterFileGivesTheTopologyAndTheNodesDefaultCredentials() throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("clusterfile");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        Cluster model = ClusterShapes.ring(3);
        model.getNodes().get(1).setDefaultCredentials(ClusterSpecs.fromCredentials(new Credentials(2000, 300, java.util.Set.of(), 077, false)));
        ClusterFiles.save(model, project.getLocation().toPath().resolve("ring.rsmcluster"));
        project.refreshLocal(1, null);
        ILaunchConfigurationWorkingCopy config = Launches.example("file", "RingAllReduce", 99, "16");
        config.setAttribute(RsmLaunching.ATTR_CLUSTER_FILE, "/clusterfile/ring.rsmcluster");
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);
        Map<Integer, IProcess> nodes = Launches.nodes(launch);
        assertEquals(3, nodes.size(), all);
        assertEquals("node 2 (uid=2000 gid=300)", nodes.get(2).getLabel());
        assertEquals("node 1 (uid=1000 gid=1000)", nodes.get(1).getLabel());
        for (IProcess process : nodes.values()) {
            assertEquals(0, Launches.exit(process), all);
            assertEquals(List.of("RESULT allreduce length=16 sum=816"), Launches.results(process), all);
        }
        assertTrue(Launches.cluster(launch).getLabel().contains("ring-of-3"), Launches.cluster(launch).getLabel());
    }

    @Test
    void theClusterIsRegisteredWhileItRunsAndTerminateAllStopsIt() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("long", "DoorbellPingPong", 2, "100000000");
        ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        try {
            RunningCluster[] entry = new RunningCluster[1];
            assertTrue(waitFor(() -> (entry[0] = RunningClusters.getDefault().clusters().stream()
                    .filter(c -> Launches.isRunOf(c, config)).findFirst().orElse(null)) != null, Duration.ofSeconds(10)));
            Path directory = entry[0].cluster().directory();
            assertEquals(RunningCluster.Origin.LAUNCHED, entry[0].origin());
            assertTrue(Files.isDirectory(directory));
            // per-node terminate: node 2 only; node 1 then notices its peer is gone
            IProcess node2 = Launches.nodes(launch).get(2);
            assertTrue(waitFor(() -> entry[0].cluster().state().processes().size() == 2, Duration.ofSeconds(20)),
                    "both node programs join the cluster: " + Launches.describe(launch));
            node2.terminate();
            assertTrue(waitFor(node2::isTerminated, Duration.ofSeconds(10)));
            assertFalse(Launches.cluster(launch).isTerminated(), "the cluster runs while a node JVM runs");
            launch.terminate();
            Launches.awaitEnd(launch);
            assertFalse(Files.exists(directory), Launches.describe(launch));
            assertTrue(RunningClusters.getDefault().clusters().stream().noneMatch(c -> Launches.isRunOf(c, config)));
        } finally {
            launch.terminate();
        }
    }

    /**
     * Terminate Cluster ends the nodes together: none sees another end first, which its program would report ("lost node
     * 1", "ERROR ..."), and each is reported as terminated; in debug mode too, where JDT ends each debug target's JVM
     * and waits for it.
     */
    @ParameterizedTest(name = "in {0} mode")
    @ValueSource(strings = {ILaunchManager.RUN_MODE, ILaunchManager.DEBUG_MODE})
    void terminatingTheRegisteredClusterEndsEveryNodeOfItsLaunchTogether(String mode) throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("terminate-cluster", "DoorbellPingPong", 3, "100000000");
        ILaunch launch = config.launch(mode, new NullProgressMonitor());
        try (LoggedWarnings warnings = new LoggedWarnings()) {
            RunningCluster[] entry = new RunningCluster[1];
            assertTrue(waitFor(() -> (entry[0] = RunningClusters.getDefault().clusters().stream()
                    .filter(c -> Launches.isRunOf(c, config)).findFirst().orElse(null)) != null, Duration.ofSeconds(10)));
            assertTrue(entry[0].canTerminate(), "the launch says how the Clusters view stops it whole");
            // the programs exchange rounds once the pinger (node 1) and the others have connected to each other
            assertTrue(waitFor(() -> entry[0].cluster().state().connections().size() == 4, Duration.ofSeconds(30)),
                    Launches.describe(launch));
            entry[0].terminate();
            Launches.awaitEnd(launch);
            assertTrue(Launches.nodes(launch).values().stream().allMatch(IProcess::isTerminated), Launches.describe(launch));
            assertFalse(entry[0].canTerminate(), "a stopped cluster is not terminated again");
            for (IProcess node : Launches.nodes(launch).values()) {
                String output = Launches.out(node) + Launches.err(node);
                assertFalse(output.contains("lost node") || output.contains("ERROR"), node.getLabel() + ": " + output);
            }
            String console = Launches.out(Launches.cluster(launch));
            assertTrue(console.lines().anyMatch(l -> l.startsWith("exit statuses: ") && l.contains("node 1 terminated")
                    && l.contains("node 2 terminated") && l.contains("node 3 terminated")), console);
            assertEquals(List.of(), warnings.logged, "nothing in the log (no \"Stream closed\" from the consoles' readers)");
        } finally {
            launch.terminate();
        }
    }

    /** The warnings and errors logged while it is open. */
    private static final class LoggedWarnings implements AutoCloseable {
        final List<String> logged = new CopyOnWriteArrayList<>();
        private final ILogListener listener = (status, _) -> {
            if (status.getSeverity() >= IStatus.WARNING) {
                logged.add(status.getPlugin() + ": " + status.getMessage() + " " + status.getException());
            }
        };

        LoggedWarnings() {
            Platform.addLogListener(listener);
        }

        @Override
        public void close() {
            Platform.removeLogListener(listener);
        }
    }

    @ParameterizedTest(name = "in {0} mode")
    @ValueSource(strings = {ILaunchManager.RUN_MODE, ILaunchManager.DEBUG_MODE})
    void aNodeTerminatedFromTheIdeIsReportedAsTerminatedAndNothingIsLogged(String mode) throws Exception {
        try (LoggedWarnings warnings = new LoggedWarnings()) {
            ILaunchConfigurationWorkingCopy config = Launches.example("terminated", "DoorbellPingPong", 2, "100000000");
            ILaunch launch = config.launch(mode, new NullProgressMonitor());
            RunningCluster entry = RunningClusters.getDefault().clusters().stream().filter(c -> Launches.isRunOf(c, config)).findFirst()
                    .orElseThrow();
            assertTrue(waitFor(() -> entry.cluster().state().processes().size() == 2, Duration.ofSeconds(30)),
                    Launches.describe(launch));
            IProcess node2 = Launches.nodes(launch).get(2);
            // Terminate where the Debug view offers it: the node's debug target when debugging, else its process
            ITerminate terminated = ILaunchManager.DEBUG_MODE.equals(mode) ? Arrays.stream(launch.getDebugTargets())
                    .filter(t -> t.getProcess() == node2).findFirst().orElseThrow() : node2;
            terminated.terminate();
            IProcess cluster = Launches.cluster(launch);
            assertTrue(waitFor(() -> Launches.out(cluster).lines().anyMatch("node 2 terminated"::equals), Duration.ofSeconds(20)),
                    Launches.describe(launch));
            launch.terminate();
            Launches.awaitEnd(launch);
            String console = Launches.out(cluster) + Launches.err(cluster);
            assertFalse(console.contains("node 2 exited"), console);
            assertTrue(console.lines().anyMatch(l -> l.startsWith("exit statuses: ") && l.contains("node 2 terminated")), console);
            assertEquals(List.of(), warnings.logged, "nothing in the log (no \"Stream closed\" from the consoles' readers)");
        }
    }

    @Test
    void twoRunsOfOneConfigurationAreToldApart() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("twice", "DoorbellPingPong", 2, "100000000");
        ILaunch first = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        ILaunch second = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        List<String> labels = RunningClusters.getDefault().clusters().stream().filter(c -> Launches.isRunOf(c, config))
                .map(RunningCluster::label).toList();
        assertEquals(2, labels.size(), labels.toString());
        assertFalse(labels.get(0).equals(labels.get(1)), "the Clusters view tells the runs apart: " + labels);
        for (String label : labels) {
            assertTrue(label.matches(Pattern.quote(config.getName()) + " #\\d+ \\(\\d\\d:\\d\\d:\\d\\d\\)"), label);
        }
        assertFalse(Launches.cluster(first).getLabel().equals(Launches.cluster(second).getLabel()), "and so do the cluster consoles");
    }

    @Test
    void removingARunningLaunchEndsItsNodesAndStopsItsCluster() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("removed", "DoorbellPingPong", 3, "100000000");
        ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        RunningCluster entry = RunningClusters.getDefault().clusters().stream().filter(c -> Launches.isRunOf(c, config))
                .findFirst().orElseThrow();
        assertTrue(waitFor(() -> entry.cluster().state().processes().size() == 3, Duration.ofSeconds(20)),
                Launches.describe(launch));
        Path directory = entry.cluster().directory();
        org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
        assertTrue(waitFor(() -> Launches.nodes(launch).values().stream().allMatch(IProcess::isTerminated), Duration.ofSeconds(20)),
                Launches.describe(launch));
        assertTrue(waitFor(() -> !Files.exists(directory), Duration.ofSeconds(20)), "the cluster directory is removed");
        assertTrue(RunningClusters.getDefault().find(directory) == null);
        assertTrue(waitFor(launch::isTerminated, Duration.ofSeconds(10)), Launches.describe(launch));
    }

    @Test
    void aProjectProgramWithPerNodeMainClassArgumentsEnvironmentAndWorkingDirectory() throws Exception {
        javaProject("settingsdemo", Map.of("demo/Show.java", """
                package demo;
                public class Show {
                    public static void main(String[] args) {
                        System.out.println("RESULT show node=" + System.getProperty("rsm.node") + " args=" + String.join(",", args)
                                + " env=" + System.getenv("RSM_DEMO") + " dir=" + System.getProperty("user.dir")
                                + " nodes=" + System.getProperty("rsm.launch.nodes"));
                    }
                }
                """, "demo/Other.java", """
                package demo;
                public class Other {
                    public static void main(String[] args) {
                        System.out.println("RESULT other node=" + System.getProperty("rsm.node"));
                    }
                }
                """));
        ILaunchConfigurationWorkingCopy config = Launches.type().newInstance(null, "settings");
        config.setAttribute("org.eclipse.jdt.launching.PROJECT_ATTR", "settingsdemo");
        config.setAttribute("org.eclipse.jdt.launching.MAIN_TYPE", "demo.Show");
        config.setAttribute("org.eclipse.jdt.launching.PROGRAM_ARGUMENTS", "a \"b c\"");
        config.setAttribute("org.eclipse.jdt.launching.WORKING_DIRECTORY", "${workspace_loc:settingsdemo/src}");
        config.setAttribute(ILaunchManager.ATTR_ENVIRONMENT_VARIABLES, Map.of("RSM_DEMO", "hello"));
        config.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 3);
        config.setAttribute(RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS, List.of("2:main=demo.Other", "3:args=c \"d e\""));
        ILaunch launch = Launches.runToEnd(config, ILaunchManager.RUN_MODE);
        String all = Launches.describe(launch);
        Map<Integer, IProcess> nodes = Launches.nodes(launch);
        String src = ResourcesPlugin.getWorkspace().getRoot().getProject("settingsdemo").getFolder("src").getLocation().toOSString();
        assertEquals(List.of("RESULT show node=1 args=a,b c env=hello dir=" + src + " nodes=1,2,3"), Launches.results(nodes.get(1)), all);
        assertEquals(List.of("RESULT other node=2"), Launches.results(nodes.get(2)), all);
        assertEquals(List.of("RESULT show node=3 args=c,d e env=hello dir=" + src + " nodes=1,2,3"), Launches.results(nodes.get(3)), all);
    }

    @Test
    void relaunchingTheSameConfigurationWorks() throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("again", "RingAllReduce", 2, "8");
        var saved = config.doSave();
        for (int i = 0; i < 2; i++) {
            ILaunch launch = Launches.runToEnd(saved, ILaunchManager.RUN_MODE);
            for (IProcess process : Launches.nodes(launch).values()) {
                assertEquals(0, Launches.exit(process), Launches.describe(launch));
            }
        }
        saved.delete();
    }

    @Test
    void wrongConfigurationsFailWithAMessageThatNamesTheField() throws Exception {
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("kill:9@1s")), "Faults, line 1: fault kill:9@1000ms");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_FAULTS, List.of("explode:1@1s")), "Faults, line 1: fault \"explode:1\" is not one of");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_ON_NODES, "1,7"), "Nodes that run the program: the cluster has no node 7");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_NODE_COUNT, 0), "The number of nodes must be 1 to 63, not 0.");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_CLUSTER_FILE, "/nope/missing.rsmcluster"),
                "Cluster file /nope/missing.rsmcluster does not exist in the workspace.");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_NODE_CREDENTIAL_SETTINGS, List.of("2:umask=999")),
                "Per-node credentials, node 2: umask \"999\" is not octal");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS, List.of("2 main Other")),
                "Per-node settings, line 1: \"2 main Other\" is not NODE:KEY=VALUE");
        assertLaunchFails(c -> c.setAttribute("org.eclipse.jdt.launching.MAIN_TYPE", ""), "No main class");
        assertLaunchFails(c -> c.setAttribute(RsmLaunching.ATTR_EXTRA_CLASSPATH, List.of("/no/such/dir")),
                "Extra class path entry /no/such/dir does not exist.");
    }

    private interface Change {
        void apply(ILaunchConfigurationWorkingCopy config) throws Exception;
    }

    private static void assertLaunchFails(Change change, String message) throws Exception {
        ILaunchConfigurationWorkingCopy config = Launches.example("wrong", "RingAllReduce", 3, "8");
        change.apply(config);
        CoreException e = assertThrows(CoreException.class, () -> config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor()));
        assertNotNull(e.getStatus().getMessage());
        assertTrue(e.getStatus().getMessage().startsWith(message), "expected \"" + message + "...\", got: " + e.getStatus().getMessage());
        assertTrue(RunningClusters.getDefault().clusters().stream().noneMatch(c -> Launches.isRunOf(c, config)));
    }
}
