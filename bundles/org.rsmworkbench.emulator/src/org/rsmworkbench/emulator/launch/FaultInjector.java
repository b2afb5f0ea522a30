// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/**
 * Injects faults into a running cluster and logs each one as a line with its time and where it came from, e.g.
 * {@code 12:03:04.512 kill node 2 (Clusters view)}: the one place that writes these lines, for the cluster console
 * of the IDE and for {@code rsm-launch}. A fault that fails, or finds nothing to do (killing a node that is down),
 * says so on its line.
 * <p>
 * A restart brings a node up empty, like a machine that reboots; a launch then starts the node's program again (its
 * {@link ProgramStarter}), as a real node starts its services at boot, so that the program can rejoin.
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
    /** The registry of a distributed cluster (in ZooKeeper): some faults do not reach it ({@link #refusal}); null: local. */
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
     * Refuses the faults that do not reach a distributed cluster ({@link #refusal}): its registry is {@code launched}, in
     * ZooKeeper; a kill marks the node down there too, which ends its processes on hosts that do not share the cluster's files.
     */
    public FaultInjector distributed(DistributedBackend.LaunchedRegistry launched) {
        registry = Objects.requireNonNull(launched, "launched");
        return this;
    }

    /**
     * Why {@code fault} is refused, or null when it is not. A distributed cluster's links, connections, transfers and node
     * states are in ZooKeeper and UCX, which the emulator's link, transfer and restart faults do not reach; a kill ends the
     * node's JVMs (the registry finds the node dead when its session expires). Across hosts, {@code kill-host} and
     * {@code host-link-down} act on the hosts themselves.
     *
     * @param inDistributedCluster whether the fault is for a distributed cluster
     */
    public static String refusal(Fault fault, boolean inDistributedCluster) {
        if (!inDistributedCluster || fault instanceof Fault.KillNode) {
            return null;
        }
        return "a distributed cluster's links, transfers and node restarts are ZooKeeper's and UCX's, which this fault does not"
                + " reach: only kill works there (across hosts, kill-host and host-link-down act on the hosts)";
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
        String refusal = refusal(fault, distributed != null);
        if (refusal != null) {
            return logged(fault, false, line(time, fault, source, "refused: " + refusal));
        }
        try {
            String nothingToDo = nothingToDo(fault);
            if (nothingToDo != null) {
                return logged(fault, false, line(time, fault, source, "nothing to do, " + nothingToDo));
            }
            fault.applyTo(cluster);
            if (distributed != null && fault instanceof Fault.KillNode kill) {
                distributed.nodeKilled(kill.node());
            }
        } catch (RuntimeException e) {
            // a wrong node or link, or a cluster that has stopped (its memory is gone: "Already closed")
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

    private Result logged(Fault fault, boolean applied, String line) {
        log.accept(line);
        Result result = new Result(applied, line);
        listener.accept(fault, result);
        return result;
    }

    /** Why the fault would change nothing (its node is already down, or still up), or null. */
    private String nothingToDo(Fault fault) {
        return switch (fault) {
            case Fault.KillNode kill -> isUp(kill.node()) ? null : "node " + kill.node() + " is already down";
            case Fault.RestartNode restart -> isUp(restart.node()) ? "node " + restart.node() + " is up" : null;
            default -> null;
        };
    }

    private boolean isUp(int node) {
        // an unknown node counts as up: applying the fault then fails with the cluster's message
        return cluster.state().nodes().stream().filter(n -> n.id() == node).findFirst().map(ClusterState.Node::up).orElse(true);
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
