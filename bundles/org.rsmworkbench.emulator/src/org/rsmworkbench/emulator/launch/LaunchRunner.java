// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * Runs a {@link LaunchPlan} with plain processes: starts its cluster, one JVM per node, pumps their output
 * to a {@link NodeOutput}, injects the scheduled faults, and at {@link #close()} ends every node JVM still
 * running and removes the cluster directory. A launch whose {@link NodeCommandBuilder#recording()} is set records its
 * faults and the start and end of each node JVM into a log of its own in the recording folder. A node that a {@code restart} fault brings up again gets a new JVM
 * that runs its program again. In a distributed cluster, a node JVM that the registry declared dead while it still runs
 * is fenced: killed ({@link #fence}).
 * <p>
 * The exit status of a launch is the <em>worst</em> node exit status: 0 when every node exits with 0,
 * otherwise the largest status; a restarted node counts with its last JVM. A node JVM that is killed (a
 * {@code kill} fault, {@link #terminate()}, or {@code kill -9}) exits with 137, so a killed node outweighs an
 * ordinary failure (1).
 */
public final class LaunchRunner implements AutoCloseable {
    /** How long {@link #close()} waits for killed node JVMs and the end of their output. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final EmulatedCluster cluster;
    private final NodeCommandBuilder commands;
    private final NodeOutput output;
    private final Consumer<String> log;
    private final FaultInjector injector;
    private final FaultScheduler faults;
    /** The faults of the hosts of a launch across hosts, or null. */
    private final HostFaultInjector hostFaults;
    /**
     * The last process started for each node: its JVM, or on a host the prefix process that started it. Guarded by this,
     * as {@link #jvms} and {@link #pumps}.
     */
    private final Map<Integer, Process> processes = new TreeMap<>();
    /** Every node JVM started, restarts included. */
    private final List<NodeJvm> jvms = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();
    /** The launcher's own log of a recorded launch (faults, node JVMs started and ended), or null. */
    private final LauncherRecording recording;
    private boolean closed;
    /**
     * Closes the launch when the JVM exits (Ctrl-C, SIGTERM), registered before the first node JVM starts: a launcher
     * stopped while it starts its nodes leaves none of them running.
     */
    private final Thread exitHook = new Thread(this::close, "rsm-launch-cleanup");

    private LaunchRunner(EmulatedCluster cluster, NodeCommandBuilder commands, NodeOutput output, Consumer<String> log,
            LauncherRecording recording, List<HostFault> scheduledHostFaults) {
        this.cluster = cluster;
        this.commands = commands;
        this.output = output;
        this.log = log;
        this.recording = recording;
        this.injector = new FaultInjector(cluster, log).restartPrograms(this::restartProgram);
        if (commands.distributedRegistry() != null) {
            injector.distributed(commands.distributedRegistry());
        }
        if (recording != null) {
            recording.recordFaults(injector);
        }
        this.faults = new FaultScheduler(injector, commands.plan().faults(), FaultInjector.COMMAND_LINE);
        this.hostFaults = commands.hosts() == null ? null : new HostFaultInjector(commands.hosts(), commands.distributedRegistry(),
                this::processes, injector::timed, log, FaultInjector.COMMAND_LINE);
        for (HostFault fault : scheduledHostFaults) {
            faults.schedule(fault.at(), () -> hostFaults.inject(fault));
        }
    }

    /**
     * Starts the cluster of the plan, then every node JVM; the fault clock starts when they have joined.
     *
     * @param log where launcher events go (faults injected, programs started again), one line each
     * @throws IOException when the cluster or a node JVM cannot be started (nothing is left running)
     */
    public static LaunchRunner start(NodeCommandBuilder commands, NodeOutput output, Consumer<String> log)
            throws IOException {
        return start(commands, output, log, List.of());
    }

    /**
     * Starts the cluster of the plan, then every node JVM, with faults of the hosts ({@link NodeCommandBuilder#hosts()}):
     * see {@link #start(NodeCommandBuilder, NodeOutput, Consumer)}.
     *
     * @throws IllegalArgumentException when there are host faults but the commands have no hosts
     */
    public static LaunchRunner start(NodeCommandBuilder commands, NodeOutput output, Consumer<String> log, List<HostFault> hostFaults)
            throws IOException {
        if (!hostFaults.isEmpty() && commands.hosts() == null) {
            throw new IllegalArgumentException("faults of hosts need a launch across hosts: " + hostFaults);
        }
        LaunchPlan plan = commands.plan();
        commands.shipClassPath(log);
        LauncherRecording recording = commands.recording() == null ? null : LauncherRecording.open(commands.recording(), "rsm-launch")
                .runningOn(commands.hosts(), log);
        EmulatedCluster cluster;
        try {
            cluster = EmulatedCluster.start(plan.cluster());
        } catch (IOException | RuntimeException e) {
            if (recording != null) {
                recording.close();
            }
            throw e;
        }
        LaunchRunner runner = new LaunchRunner(cluster, commands, output, log, recording, hostFaults);
        Runtime.getRuntime().addShutdownHook(runner.exitHook);
        if (commands.distributedRegistry() != null) {
            // off the registry client's thread: the runner's lock may be held by close() for seconds
            commands.distributedRegistry().whenProcessExpires((node, pid) -> Thread.ofVirtual().name("rsm-launch-fence")
                    .start(() -> runner.fence(node, pid)));
        }
        Map<Integer, ProcessHandle> started = new HashMap<>();
        try {
            for (NodeLaunch node : plan.nodes()) {
                started.put(node.nodeId(), runner.startNode(node).toHandle());
            }
        } catch (IOException | RuntimeException e) {
            runner.close();
            throw e;
        }
        runner.faults.startWhenJoined(started);
        return runner;
    }

    private synchronized Process startNode(NodeLaunch node) throws IOException {
        if (closed) {
            throw new IOException("the launch was stopped while it started its node JVMs");
        }
        ProcessBuilder builder = new ProcessBuilder(commands.command(cluster, node));
        builder.environment().putAll(commands.environment());
        Process process = builder.start();
        if (recording != null) {
            recording.processStarted(node.nodeId(), process);
        }
        processes.put(node.nodeId(), process);
        jvms.add(new NodeJvm(node.nodeId(), process));
        writeAndClose(process.getOutputStream(), commands.standardInput());
        pumps.add(pump(node.nodeId(), false, process.getInputStream(), output));
        pumps.add(pump(node.nodeId(), true, process.getErrorStream(), output));
        return process;
    }

    /**
     * Writes what the launcher has for the node JVM (null: nothing) to its standard input and closes it: node programs
     * get no input, reading stdin gives end of file at once. A JVM that ended meanwhile says why on its own output.
     */
    private static void writeAndClose(OutputStream standardInput, String text) {
        try (standardInput) {
            if (text != null) {
                standardInput.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ended) {
            // the pipe is closed: the JVM is gone
        }
    }

    /** A node JVM started, and its node. */
    private record NodeJvm(int node, Process process) {
    }

    /**
     * ZooKeeper expired the session of the process of {@code nodeId} in the JVM {@code pid}, which is dead for the cluster:
     * if that JVM was started here for the node (its first or a restarted one) and still runs (frozen, e.g. by SIGSTOP or a
     * long pause, or cut off from the ensemble), it is killed at once, as a cluster fences a node it declared dead: it must
     * not go on as a ghost, nor hold a lock of the launch's files meanwhile (a dead JVM's is taken over at once). A node
     * started through a prefix that is not the JVM itself (ssh) is left alone: it ends itself when it finds its session
     * ended.
     */
    private synchronized void fence(int nodeId, long pid) {
        if (closed) {
            return;
        }
        for (NodeJvm jvm : jvms) {
            Process process = jvm.process();
            if (jvm.node() == nodeId && process.pid() == pid && process.isAlive() && isJava(process)) {
                process.destroyForcibly();
                log.accept(injector.timed("node " + nodeId + ": ZooKeeper expired the session of its JVM (pid " + pid
                        + ", no answer within " + commands.distributedRegistry().sessionTimeout().toMillis() + " ms), which is"
                        + " dead for the cluster: still running, it is killed"));
            }
        }
    }

    /** Whether {@code process} runs java: a node JVM, started directly or by a prefix that execs it (ip netns exec). */
    private static boolean isJava(Process process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("java")).orElse(false);
    }

    /** A restart fault brought the node up again: its program runs again in a new JVM (if the plan runs one there). */
    private synchronized void restartProgram(int nodeId) throws IOException {
        NodeLaunch node = commands.plan().node(nodeId);
        if (node == null || closed) {
            return;
        }
        Process process = startNode(node);
        log.accept(injector.programStartedAgain(nodeId, process.pid()));
    }

    private static Thread pump(int nodeId, boolean stderr, InputStream stream, NodeOutput output) {
        Charset charset = Charset.forName(System.getProperty("native.encoding"), Charset.defaultCharset());
        return Thread.ofPlatform().daemon().name("rsm-node-" + nodeId + (stderr ? "-stderr" : "-stdout")).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, charset))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.line(nodeId, stderr, line);
                }
            } catch (IOException e) {
                output.line(nodeId, true, "(the rest of this output is lost: " + e.getMessage() + ")");
            }
        });
    }

    /** The running cluster (to inject more faults, or watch its state). */
    public EmulatedCluster cluster() {
        return cluster;
    }

    /** The last JVM of each node, by node id. */
    public synchronized Map<Integer, Process> processes() {
        return Collections.unmodifiableMap(new TreeMap<>(processes));
    }

    /**
     * Waits until every node JVM (restarted ones included) has ended and its output has been passed on.
     *
     * @return the worst exit status, or empty when {@code timeout} passed first (the node JVMs keep running)
     */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Process> waited = List.of();
        for (List<Process> started = startedJvms(); !started.equals(waited); started = startedJvms()) {
            // a restart may start a JVM while we wait: wait again until no new one came
            for (Process process : started) {
                if (!process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return OptionalInt.empty();
                }
            }
            waited = started;
        }
        List<Thread> outputs;
        synchronized (this) {
            outputs = List.copyOf(pumps);
        }
        for (Thread pump : outputs) {
            // the output of an ended JVM ends soon after; a grandchild that inherited the pipe must not block us
            pump.join(Duration.ofNanos(Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1))));
        }
        return OptionalInt.of(worstExitStatus(exitStatuses().values()));
    }

    private synchronized List<Process> startedJvms() {
        return jvms.stream().map(NodeJvm::process).toList();
    }

    /** The exit status of the last JVM of every node whose last JVM has ended, by node id. */
    public synchronized Map<Integer, Integer> exitStatuses() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        processes.forEach((node, process) -> {
            if (!process.isAlive()) {
                statuses.put(node, process.exitValue());
            }
        });
        return statuses;
    }

    /** 0 when every status is 0, otherwise the largest one (137 for a killed node). */
    public static int worstExitStatus(Collection<Integer> statuses) {
        return statuses.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Kills every node JVM that is still running (they exit with 137). */
    public void terminate() {
        startedJvms().forEach(Process::destroyForcibly);
    }

    /** Cancels pending faults, kills the node JVMs still running and removes the cluster directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true; // no program starts again from now on
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: this runs in that hook
        }
        faults.close();
        if (hostFaults != null) {
            hostFaults.healCutLinks();
        }
        terminate();
        try {
            waitFor(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            cluster.close();
            closeRecording();
        }
    }

    /** Ends the launcher's log once the end of every node JVM is in it. */
    private void closeRecording() {
        if (recording != null) {
            String missing = recording.close(CLOSE_WAIT);
            if (missing != null) {
                log.accept(missing);
            }
        }
    }
}
