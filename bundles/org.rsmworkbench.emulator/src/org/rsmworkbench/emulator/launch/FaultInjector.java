// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.backend.ConnectChecks;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/**
 * Injects faults into a running cluster and logs each one as a line with its time and where it came from, e.g.
 * {@code 12:03:04.512 kill node 2 (Clusters view)}: the one place that writes these lines, for the cluster console
 * of the IDE and for {@code rsm-launch}. A fault that fails, or finds nothing to do (killing a node that is down),
 * says so on its line.
 * <p>
 * A restart brings a node up empty, like a machine that reboots; a launch then starts the node's program again (its
 * {@link ProgramStarter}), as a real node starts its services at boot, so that the program can rejoin: on its host,
 * through the host's prefix, in a launch across hosts.
 * <p>
 * Every fault reaches a distributed cluster too ({@link #distributed}): through its registry in ZooKeeper, which its node
 * processes watch wherever they run, with the effects the local backend gives.
 */
public final class FaultInjector {
    /** The source of faults scheduled with {@code rsm-launch --fault}: its lines end with {@code (--fault kill:2@500ms)}. */
    public static final String COMMAND_LINE = "--fault";

    /** Starts the program of a node that a restart brought up again. */
    @FunctionalInterface
    public interface ProgramStarter {
        /**
         * Starts the program of {@code node} again (a launch that runs no program there does nothing).
         *
         * @throws IOException when its JVM cannot be started
         */
        void start(int node) throws IOException;
    }

    /**
     * What became of a fault.
     *
     * @param applied whether it changed the cluster: false when it failed or had nothing to do
     * @param line its log line, which says why
     */
    public record Result(boolean applied, String line) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final EmulatedCluster cluster;
    private final Consumer<String> log;
    private final Clock clock;
    private volatile ProgramStarter programs;
    private volatile BiConsumer<Fault, Result> listener = (_, _) -> { };
    /** The registry of a distributed cluster (in ZooKeeper), which every fault goes into too; null: a local cluster. */
    private volatile DistributedBackend.LaunchedRegistry registry;

    /**
     * @param log where the lines go (a console): called with the injector's lock held, it must not block
     * @param clock the time of the lines
     */
    public FaultInjector(EmulatedCluster cluster, Consumer<String> log, Clock clock) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An injector whose lines carry the local time of day. */
    public FaultInjector(EmulatedCluster cluster, Consumer<String> log) {
        this(cluster, log, Clock.systemDefaultZone());
    }

    /** Who starts the program of a restarted node again; without one (an attached cluster) the node stays empty. */
    public FaultInjector restartPrograms(ProgramStarter starter) {
        this.programs = starter;
        return this;
    }

    /**
     * Makes the faults reach a distributed cluster, whose registry is {@code launched}, in ZooKeeper: besides the launch's
     * cluster files (those of the node JVMs that share them, and the launch's views), each fault goes into the registry,
     * which the node processes watch wherever they run ({@link #inject}). The registry, which made every link up, takes
     * the links that are down in the cluster now (a cluster file's down links): node processes apply what it says.
     *
     * @throws IllegalStateException when the registry does not answer
     */
    public FaultInjector distributed(DistributedBackend.LaunchedRegistry launched) {
        registry = Objects.requireNonNull(launched, "launched");
        List<LinkSpec> links = cluster.spec().links();
        List<ClusterState.Link> state = cluster.state().links();
        for (ClusterState.Link link : state) {
            if (!link.up()) {
                launched.setLink(links.indexOf(link.link()), false);
            }
        }
        return this;
    }

    /** Who is told of each fault after it was applied or refused (a recording of the run); called with the lock held. */
    public FaultInjector onFault(BiConsumer<Fault, Result> faultListener) {
        this.listener = Objects.requireNonNull(faultListener, "faultListener");
        return this;
    }

    public EmulatedCluster cluster() {
        return cluster;
    }

    /**
     * The nodes that have a process in the cluster: in its files, and in the registry of a distributed cluster (its node
     * JVMs with files of their own are only there).
     */
    public Set<Integer> joinedNodes() {
        Set<Integer> joined = new HashSet<>();
        cluster.state().processes().forEach(process -> joined.add(process.node()));
        DistributedBackend.LaunchedRegistry distributed = registry;
        if (distributed != null) {
            joined.addAll(distributed.joinedNodes());
        }
        return joined;
    }

    /**
     * Applies {@code fault} now and logs it. A restart that brings a node up starts its program again.
     *
     * @param source where it came from, e.g. {@code Clusters view}, or {@code --fault kill:2@500ms}
     */
    public synchronized Result inject(Fault fault, String source) {
        LocalTime time = now(); // when it happened: a kill takes a moment to end the node's processes
        DistributedBackend.LaunchedRegistry distributed = registry;
        try {
            String nothingToDo = nothingToDo(fault, distributed);
            if (nothingToDo != null) {
                return logged(fault, false, line(time, fault, source, "nothing to do, " + nothingToDo));
            }
            if (distributed == null) {
                fault.applyTo(cluster);
            } else {
                applyTo(distributed, fault);
            }
            if (fault instanceof Fault.RestartNode && cluster.state().stopping()) {
                // the cluster was told to stop since it was asked: the node stays down, its program is not started
                return logged(fault, false, line(time, fault, source, "nothing to do, the cluster is stopping"));
            }
        } catch (RuntimeException e) {
            // a wrong node or link, a cluster that has stopped (its memory is gone: "Already closed"), a registry that does
            // not answer
            return logged(fault, false, line(time, fault, source, "failed: " + (cluster.isClosed() ? "the cluster has stopped" : e.getMessage())));
        }
        Result result = logged(fault, true, line(time, fault, source, null));
        ProgramStarter starter = programs;
        if (fault instanceof Fault.RestartNode restart && starter != null) {
            try {
                starter.start(restart.node());
            } catch (IOException | RuntimeException e) {
                log.accept(timed("node " + restart.node() + " is up, but its program could not be started again: " + e.getMessage()));
            }
        }
        return result;
    }

    /**
     * Applies {@code fault} to a distributed cluster: to the launch's files and to its registry, where the node processes
     * find it wherever they run. A kill marks the node down there (its processes end, as each watches its node); a restart
     * marks it up again before its program starts, so that the program can join. A link's state goes into the registry,
     * which a connect reads, and each node process of the link's nodes applies it to its files as a local link fault (its
     * connections through the link cut off, its signals and topology see it down). Failing transfers go only into the
     * registry: a process of the importer node takes the count into its files, once, so that the count is not doubled in
     * files the launch shares.
     */
    private void applyTo(DistributedBackend.LaunchedRegistry distributed, Fault fault) {
        switch (fault) {
            case Fault.KillNode kill -> {
                fault.applyTo(cluster);
                distributed.nodeKilled(kill.node());
            }
            case Fault.RestartNode restart -> {
                fault.applyTo(cluster); // a registry that fails then leaves the node down there: a restart again applies
                if (isUp(cluster.state(), restart.node())) { // not when the cluster was told to stop meanwhile
                    distributed.nodeRestarted(restart.node());
                }
            }
            case Fault.SetLink link -> {
                int index = ConnectChecks.linkIndex(cluster.spec(), link.nodeA(), link.controllerA(), link.nodeB(), link.controllerB());
                if (index >= 0) {
                    distributed.setLink(index, link.up());
                }
                fault.applyTo(cluster); // for the launch's views; a link that does not exist fails here
            }
            case Fault.FailTransfers fail -> {
                for (int node : fail.nodes()) {
                    if (cluster.spec().node(node) == null) {
                        throw new IllegalArgumentException("cluster " + cluster.spec().name() + " has no node " + node);
                    }
                }
                distributed.failNextTransfers(fail.importerNode(), fail.exporterNode(), fail.count());
            }
        }
    }

    private Result logged(Fault fault, boolean applied, String line) {
        log.accept(line);
        Result result = new Result(applied, line);
        listener.accept(fault, result);
        return result;
    }

    /**
     * Why the fault would change nothing (its cluster stops, its node is already down, or still up), or null. A node of a
     * distributed cluster is up when the registry says so too: a process of it that died took it down there.
     */
    private String nothingToDo(Fault fault, DistributedBackend.LaunchedRegistry distributed) {
        ClusterState state = cluster.state(); // fails for a cluster that has stopped
        if (state.stopping()) {
            return "the cluster is stopping"; // a restart would start a program in a cluster whose nodes are ending
        }
        return switch (fault) {
            case Fault.KillNode kill -> isUp(state, kill.node()) ? null : "node " + kill.node() + " is already down";
            case Fault.RestartNode restart -> isUp(state, restart.node()) && (distributed == null || distributed.isNodeUp(restart.node()))
                    ? "node " + restart.node() + " is up" : null;
            default -> null;
        };
    }

    private static boolean isUp(ClusterState state, int node) {
        // an unknown node counts as up: applying the fault then fails with the cluster's message
        return state.nodes().stream().filter(n -> n.id() == node).findFirst().map(ClusterState.Node::up).orElse(true);
    }

    private LocalTime now() {
        return LocalTime.now(clock);
    }

    /** {@code text} after the current time, as the fault lines have it: {@code 12:03:05.100 node 2: program started again}. */
    public String timed(String text) {
        return TIME.format(now()) + " " + text;
    }

    /** The line that says a restarted node's program runs again: {@code 12:03:05.100 node 2: its program is started again (pid 4343)}. */
    public String programStartedAgain(int node, long pid) {
        return timed("node " + node + ": its program is started again (pid " + pid + ")");
    }

    /**
     * The log line of a fault: {@code 12:03:04.512 kill node 2 (Clusters view)}, followed by {@code : OUTCOME} when it
     * did not simply happen ({@code : failed: ...}, {@code : nothing to do, node 2 is already down}).
     *
     * @param outcome null when the fault was applied
     */
    public static String line(LocalTime time, Fault fault, String source, String outcome) {
        return TIME.format(time) + " " + fault.describe() + " (" + source + ")" + (outcome == null ? "" : ": " + outcome);
    }
}
