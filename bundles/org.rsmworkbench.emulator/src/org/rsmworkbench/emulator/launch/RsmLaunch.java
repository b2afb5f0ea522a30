// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.WaitForAnalysis;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.internal.FileErrors;

/**
 * The command line {@code rsm-launch}: runs a program on every node of an emulated cluster (see
 * {@link LaunchArguments#USAGE}). Exit status: the worst node exit status, 124 after {@code --timeout}, 125 after a
 * deadlock (printed on standard error as {@link WaitForAnalysis.Deadlock#report()}), 2 for a bad argument, 1 when the
 * launch itself fails.
 */
public final class RsmLaunch {
    /** The exit status for a bad argument (as most command-line tools). */
    public static final int BAD_ARGUMENT = 2;
    /** The exit status when the nodes were killed because {@code --timeout} expired (as timeout(1)). */
    public static final int TIMED_OUT = 124;
    /** The exit status when the cluster or a node JVM could not be started. */
    public static final int LAUNCH_FAILED = 1;
    /** The exit status when node processes deadlocked (the cluster was stopped): as no node program ends with it. */
    public static final int DEADLOCK = 125;

    /** How long to wait for the output of node JVMs killed at the timeout. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    /** "No timeout": long enough, short enough not to overflow a nanosecond deadline. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(365);

    private RsmLaunch() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        LaunchArguments parsed;
        try {
            parsed = LaunchArguments.parse(args);
        } catch (LaunchArgumentException e) {
            err.println("rsm-launch: " + e.getMessage());
            err.println("Try 'rsm-launch --help' for usage.");
            return BAD_ARGUMENT;
        }
        if (parsed.help()) {
            out.print(LaunchArguments.USAGE);
            return 0;
        }
        NodeCommandBuilder commands = new NodeCommandBuilder(parsed.plan()).startupCache(NodeStartupCache.inUserCacheDirectory())
                .hosts(parsed.hosts());
        if (parsed.javaExecutable() != null) {
            commands.javaExecutable(parsed.javaExecutable());
        }
        commands.recording(parsed.recording());
        Consumer<String> log = line -> err.println("[rsm-launch] " + line);
        if (parsed.zookeeper() == null) {
            return launch(parsed, commands, null, log, out, err);
        }
        DistributedBackend.LaunchedRegistry registry;
        try {
            DistributedBackend backend = DistributedBackend.find()
                    .orElseThrow(() -> new IOException("no distributed backend found: " + DistributedBackend.MISSING));
            registry = parsed.distributed().open(backend, commands, log);
        } catch (IOException e) {
            err.println("rsm-launch: --zookeeper " + parsed.zookeeper() + ": " + FileErrors.describe(e));
            return LAUNCH_FAILED;
        }
        // Ctrl-C ends the JVM without the finally below: then this hook removes the registry (and an embedded server's folder)
        Thread closeAtExit = new Thread(registry::close, "rsm-launch-registry-cleanup");
        Runtime.getRuntime().addShutdownHook(closeAtExit);
        try {
            return launch(parsed, commands, registry, log, out, err);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(closeAtExit);
                registry.close(); // after the node JVMs: they have ended, or were killed
            } catch (IllegalStateException exiting) {
                // the JVM is exiting: the hook closes it
            }
        }
    }

    /** Runs the launch that {@code commands} describe (of the distributed cluster of {@code registry}, if not null). */
    private static int launch(LaunchArguments parsed, NodeCommandBuilder commands, DistributedBackend.LaunchedRegistry registry,
            Consumer<String> log, PrintStream out, PrintStream err) {
        RaceRun races;
        try {
            races = parsed.races() == null ? null : RaceRun.prepare(parsed.races(), commands);
        } catch (IOException e) {
            err.println("rsm-launch: cannot prepare race detection: " + FileErrors.describe(e));
            return LAUNCH_FAILED;
        }
        boolean started = false;
        // Ctrl-C: the runner's exit hook kills the node JVMs and removes the cluster directory
        try (LaunchRunner runner = LaunchRunner.start(commands, NodeOutput.prefixed(out, err), log, parsed.hostFaults())) {
            started = true;
            AtomicBoolean deadlocked = new AtomicBoolean();
            if (registry != null) {
                runner.cluster().addRegistry(registry); // node JVMs with files of their own publish their waits there
            }
            DeadlockMonitor monitor = parsed.deadlockDetection() ? DeadlockMonitor.start(runner.cluster(), deadlocks -> {
                deadlocked.set(true);
                // one print: the report's lines stay together among the nodes' output
                err.print(deadlocks.stream().map(Deadlock::report).collect(Collectors.joining()));
                err.flush();
                runner.terminate();
            }) : null;
            try {
                return await(runner, parsed.timeout(), log, deadlocked::get);
            } finally {
                if (monitor != null) {
                    monitor.close();
                }
                finishStartupCache(log);
            }
        } catch (IOException e) {
            err.println("rsm-launch: cannot launch: " + FileErrors.describe(e));
            return LAUNCH_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rsm-launch: interrupted; the node JVMs were killed");
            return LAUNCH_FAILED;
        } finally {
            if (races != null && started) {
                races.finish(log); // the node JVMs have ended: their logs are complete
            } else if (races != null) {
                races.discard(); // no run: a report of it would replace the file's report of an earlier run with an empty one
            }
        }
    }

    private static int await(LaunchRunner runner, Duration timeout, Consumer<String> log, BooleanSupplier deadlocked)
            throws InterruptedException {
        Duration limit = timeout != null ? timeout : NO_TIMEOUT;
        OptionalInt worst = runner.waitFor(limit);
        if (worst.isPresent()) {
            int status = deadlocked.getAsBoolean() ? DEADLOCK : worst.getAsInt();
            log.accept(summary(runner.exitStatuses()) + "; exit status " + status + (status == DEADLOCK ? " (deadlock)" : ""));
            return status;
        }
        List<Integer> running = runner.processes().entrySet().stream().filter(e -> e.getValue().isAlive())
                .map(Map.Entry::getKey).toList();
        log.accept("timeout after " + limit.toMillis() + " ms: killing node" + (running.size() == 1 ? " " : "s ")
                + running.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        runner.terminate();
        runner.waitFor(KILL_WAIT);
        log.accept(summary(runner.exitStatuses()) + "; exit status " + TIMED_OUT);
        return TIMED_OUT;
    }

    /** A start-up cache begun by this first launch is written before the launcher exits. */
    private static void finishStartupCache(Consumer<String> log) throws InterruptedException {
        if (NodeStartupCache.training()) {
            log.accept("writing the node JVM start-up cache (once per JDK; later launches start faster)");
            NodeStartupCache.awaitTrainings(Duration.ofMinutes(2));
        }
    }

    /** E.g. "node 1 exited with 0, node 2 with 137 (killed)". */
    private static String summary(Map<Integer, Integer> statuses) {
        return statuses.entrySet().stream()
                .map(e -> "node " + e.getKey() + " " + e.getValue() + (e.getValue() == 137 ? " (killed)" : ""))
                .collect(Collectors.joining(", ", "exit statuses: ", ""));
    }
}
