package org.rsmworkbench.emulator.launch;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * Injects the scheduled faults of a launch into its running cluster, each at its time counted from
 * {@link #start()}. Every fault injected, or failing, is reported as one line to the log (e.g. the console).
 */
public final class FaultScheduler implements AutoCloseable {
    private final EmulatedCluster cluster;
    private final List<ScheduledFault> faults;
    private final Consumer<String> log;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        // a daemon: a pending fault must not keep a finished launcher alive
        Thread thread = new Thread(task, "rsm-fault-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    public FaultScheduler(EmulatedCluster cluster, List<ScheduledFault> faults, Consumer<String> log) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.faults = List.copyOf(faults);
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Starts the clock: call it when the node JVMs have been started. */
    public void start() {
        for (ScheduledFault scheduled : faults) {
            executor.schedule(() -> inject(scheduled), scheduled.at().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void inject(ScheduledFault scheduled) {
        try {
            scheduled.fault().applyTo(cluster);
            log.accept("fault " + scheduled + " injected");
        } catch (RuntimeException e) {
            log.accept("fault " + scheduled + " failed: " + e.getMessage());
        }
    }

    /** Cancels the faults that are still pending. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
