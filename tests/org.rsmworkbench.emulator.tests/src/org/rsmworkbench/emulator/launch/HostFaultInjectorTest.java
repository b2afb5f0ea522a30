// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/**
 * A kill-host fault on a host reached through ssh: the local ssh client is killed, and so is the node JVM where it runs,
 * by the pid it recorded in the registry, through the prefix. Here a program named {@code ssh} runs the command string it
 * is given with {@code sh -c}, as sshd's shell does, and a {@code sh} whose command line holds a node JVM's arguments
 * stands for the JVM on the host.
 */
class HostFaultInjectorTest {
    private static final String REGISTRY = "zk:2181/rsm-workbench/cluster-of-4-test";

    @TempDir
    Path folder;
    private final List<Process> started = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void endProcesses() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** A process that sleeps, with {@code arguments} on its command line after its own. */
    private Process sleeper(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "sleep 60; :"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    /** A hosts file whose host beta, node 3's, is reached through this test's {@code ssh}. */
    private HostsFile hostsReachedThroughSsh() throws Exception {
        Path ssh = Files.writeString(folder.resolve("ssh"), "#!/bin/sh\nshift\nexec sh -c \"$*\"\n");
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        Path hosts = Files.writeString(folder.resolve("hosts"), "host alpha nodes=1,2 run=\"\"\nhost beta nodes=3 run=\"" + ssh
                + " beta\" address=10.9.0.2\n");
        HostsFile file = HostsFile.read(hosts);
        assertTrue(file.host("beta").throughShell(), "beta is reached through ssh");
        return file;
    }

    /** A launched registry whose only answers are its connect string and the node JVMs' pids ({@code jvms}). */
    private static DistributedBackend.LaunchedRegistry registry(Supplier<Map<Integer, Set<Long>>> jvms) {
        return (DistributedBackend.LaunchedRegistry) Proxy.newProxyInstance(HostFaultInjectorTest.class.getClassLoader(),
                new Class<?>[] {DistributedBackend.LaunchedRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                case "connectString" -> REGISTRY;
                case "nodeJvms" -> jvms.get();
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aKilledHostsNodeJvmIsKilledWhereItRunsNotOnlyItsSshClient() throws Exception {
        Process sshClient = sleeper();
        Process jvm = sleeper("-Drsm.zookeeper=" + REGISTRY, "-Drsm.node=3");
        Process otherNodesJvm = sleeper("-Drsm.zookeeper=" + REGISTRY, "-Drsm.node=4");
        Process otherClustersJvm = sleeper("-Drsm.zookeeper=zk:2181/rsm-workbench/another", "-Drsm.node=3");
        // a pid the registry has for node 3 may have been taken by another process since its JVM ended: left alone
        HostFaultInjector injector = new HostFaultInjector(hostsReachedThroughSsh(),
                registry(() -> Map.of(3, Set.of(jvm.pid(), otherNodesJvm.pid(), otherClustersJvm.pid()), 4,
                        Set.of(otherNodesJvm.pid()))),
                () -> Map.of(3, sshClient), text -> text, log::add, "test");

        FaultInjector.Result result = injector.inject(HostFault.parse("kill-host:beta@1s"), "Clusters view");

        assertTrue(result.applied(), result.line());
        assertEquals("kill host beta: node 3 (Clusters view)", result.line());
        assertTrue(jvm.waitFor(10, TimeUnit.SECONDS), "the JVM on the host was killed");
        assertEquals(137, jvm.exitValue());
        assertTrue(sshClient.waitFor(10, TimeUnit.SECONDS), "the ssh client was killed");
        assertTrue(otherNodesJvm.isAlive() && otherClustersJvm.isAlive(), "only node 3's JVM of this cluster is killed");
    }

    /**
     * A cut of the link between this machine and a host it reaches through ssh, asked for from a view (a launch's own
     * faults are checked before it starts): refused, nothing run on either host, and not healed at the launch's end.
     */
    @Test
    void aCutOfTheLinkThatThisMachinesSshGoesThroughIsRefused() throws Exception {
        Path ran = folder.resolve("ran");
        Path ssh = Files.writeString(folder.resolve("ssh"), "#!/bin/sh\necho \"$*\" >> '" + ran + "'\n");
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        HostsFile hosts = HostsFile.read(Files.writeString(folder.resolve("hosts"), "host alpha nodes=1,2 run=\"\" address=10.9.0.1\n"
                + "host beta nodes=3 run=\"" + ssh + " beta\" address=10.9.0.2\n"));
        HostFaultInjector injector = new HostFaultInjector(hosts, null, Map::of, text -> text, log::add, "test");

        FaultInjector.Result result = injector.inject(HostFault.parse("host-link-down:alpha-beta@0ms"), "Clusters view");

        assertFalse(result.applied(), result.line());
        assertTrue(result.line().startsWith("cut link alpha - beta: failed: host alpha (" + hosts.file() + ":1) is this machine, which"
                + " runs commands on beta through ssh (line 2)"), result.line());
        assertFalse(injector.isCut("alpha", "beta"));
        injector.healCutLinks();
        assertEquals(List.of(result.line()), log, "nothing to heal");
        assertFalse(Files.exists(ran), "nothing was run on beta");
    }

    /** A pid of node 3 that another user's process took, with the same arguments: not read, not killed (run as root). */
    @Test
    void anotherUsersProcessIsLeftAloneWhateverItsCommandLine() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root, to start a process as another user: skipped");
        Process sshClient = sleeper();
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c",
                "sleep 60; :", "-Drsm.zookeeper=" + REGISTRY, "-Drsm.node=3"));
        Process othersProcess = new ProcessBuilder(command).start();
        started.add(othersProcess);
        HostFaultInjector injector = new HostFaultInjector(hostsReachedThroughSsh(), registry(() -> Map.of(3,
                Set.of(othersProcess.pid()))), () -> Map.of(3, sshClient), text -> text, log::add, "test");

        FaultInjector.Result result = injector.inject(HostFault.parse("kill-host:beta@1s"), "Clusters view");

        assertEquals("kill host beta: node 3 (Clusters view)", result.line(), "its ssh client was killed");
        assertFalse(othersProcess.waitFor(500, TimeUnit.MILLISECONDS), "another user's process runs on");
    }

    @Test
    void aKillWhoseRegistryDoesNotAnswerSaysThatTheJvmsWereNotKilled() throws Exception {
        Process sshClient = sleeper();
        HostFaultInjector injector = new HostFaultInjector(hostsReachedThroughSsh(), registry(() -> {
            throw new IllegalStateException("cannot read the pids of the node JVMs in the cluster registry at " + REGISTRY
                    + ": ConnectionLoss");
        }), () -> Map.of(3, sshClient), text -> text, log::add, "test");

        FaultInjector.Result result = injector.inject(HostFault.parse("kill-host:beta@1s"), "Clusters view");

        assertFalse(result.applied(), "the JVM may run on: " + result.line());
        assertEquals("kill host beta: failed: the node JVMs on beta not killed: cannot read the pids of the node JVMs in the"
                + " cluster registry at " + REGISTRY + ": ConnectionLoss; killed: node 3 (Clusters view)", result.line());
        assertEquals(List.of(result.line()), log);
    }
}
