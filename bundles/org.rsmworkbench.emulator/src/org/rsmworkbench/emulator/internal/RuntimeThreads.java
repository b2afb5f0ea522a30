// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The threads the RSM runtime starts in a node JVM (the cluster's watcher, the recorder's preparer, the data path's
 * progress thread...) belong to the JVM's top thread group, not to the program's: a debugger lists them with the JVM's
 * own threads (Eclipse hides them unless Show System Threads is on), so that a user sees the program's threads, and
 * the wait probe, which looks at the program's thread group, does not take them for program threads that run.
 */
public final class RuntimeThreads {
    private static final ThreadGroup GROUP = topGroup();

    private RuntimeThreads() {
    }

    private static ThreadGroup topGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        return group;
    }

    /** A daemon thread of the runtime named {@code name}. */
    public static Thread.Builder.OfPlatform daemon(String name) {
        return Thread.ofPlatform().group(GROUP).daemon().name(name);
    }

    /** A task that returns a value and may throw a checked exception of one type. */
    @FunctionalInterface
    public interface Task<T, X extends Exception> {
        T call() throws X;
    }

    /**
     * What {@code task} returns, run on a thread of the runtime, so that the threads it starts (a client library's)
     * are the runtime's too; what it throws is thrown here. The call waits for the task even when interrupted (and
     * keeps the interrupt).
     */
    @SuppressWarnings("unchecked") // the task throws X or unchecked exceptions only
    public static <T, X extends Exception> T call(String name, Task<T, X> task) throws X {
        FutureTask<T> future = new FutureTask<>(task::call);
        daemon(name).start(future);
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                    case RuntimeException unchecked -> throw unchecked;
                    case Error error -> throw error;
                    case Throwable checked -> throw (X) checked;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
