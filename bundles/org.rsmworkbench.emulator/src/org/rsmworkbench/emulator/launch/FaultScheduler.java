// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


/**
 * Injects the scheduled faults of a launch into its running cluster, each at its time counted from the
 * start of the clock: {@link #startWhenJoined} (the launchers: once every node JVM has joined the cluster,
 * so that a fault at 500 ms hits the programs 500 ms into their run however long the JVMs took to start),
 * or {@link #start()}. Each is injected by a {@link FaultInjector}, which logs it with its time and source: the
 * scheduler's source followed by the fault as scheduled, e.g. {@code (--fault kill:2@500ms)}.
 */
public final class FaultScheduler implements AutoCloseable {
    private final FaultInjector injector;
    private final List<ScheduledFault> faults;
    private final String source;
    /** Other actions on the same clock ({@link #schedule}). */
    private final List<ScheduledAction> actions = new ArrayList<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        // a daemon: a pending fault must not keep a finished launcher alive
        Thread thread = new Thread(task, "rsm-fault-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param source where the faults were scheduled, e.g. {@link FaultInjector#COMMAND_LINE}: their log lines end
     *        with {@code (SOURCE FAULT@TIME)}
     */
    public FaultScheduler(FaultInjector injector, List<ScheduledFault> faults, String source) {
        this.injector = Objects.requireNonNull(injector, "injector");
        this.faults = List.copyOf(faults);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** How often {@link #startWhenJoined} looks at the cluster's processes. */
    private static final long JOIN_POLL_MILLIS = 5;

    /**
     * Starts the clock once the node of each of {@code nodeJvms} (the processes the launcher started, by node: the JVMs,
     * or the prefixes that run them on their hosts) has a process in the cluster (its program called {@code Rsm.open()})
     * or that process has ended. A program that never opens its library holds the faults back.
     */
    public void startWhenJoined(Map<Integer, ProcessHandle> nodeJvms) {
        Map<Integer, ProcessHandle> waiting = new HashMap<>(nodeJvms);
        executor.execute(new Runnable() {
            @Override
            public void run() {
                Set<Integer> joined = injector.joinedNodes();
                waiting.entrySet().removeIf(node -> joined.contains(node.getKey()) || !node.getValue().isAlive());
                if (waiting.isEmpty()) {
                    start();
                } else {
                    executor.schedule(this, JOIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    private record ScheduledAction(Duration at, Runnable action) {
    }

    /** Runs {@code action} at {@code at} on the clock of the faults (a fault of the hosts of a launch); before the start. */
    public synchronized void schedule(Duration at, Runnable action) {
        actions.add(new ScheduledAction(Objects.requireNonNull(at, "at"), Objects.requireNonNull(action, "action")));
    }

    /** Starts the clock now. */
    public synchronized void start() {
        for (ScheduledFault scheduled : faults) {
            executor.schedule(() -> inject(scheduled), scheduled.at().toNanos(), TimeUnit.NANOSECONDS);
        }
        for (ScheduledAction scheduled : actions) {
            executor.schedule(scheduled.action(), scheduled.at().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void inject(ScheduledFault scheduled) {
        injector.inject(scheduled.fault(), source + " " + scheduled);
    }

    /** Cancels the faults that are still pending. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
