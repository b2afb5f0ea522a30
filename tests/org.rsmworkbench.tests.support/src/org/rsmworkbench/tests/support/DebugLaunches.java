// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;

/** The launches a test started: ended and removed after it, so that the next test starts from none. */
public final class DebugLaunches {
    /** How long a terminated launch may take to end (its node JVMs to exit). */
    public static final Duration END_TIMEOUT = Duration.ofSeconds(60);

    private DebugLaunches() {
    }

    /** Terminates the launch unless it ended, waits until it has (at most {@link #END_TIMEOUT}) and removes it. */
    public static void endAndRemove(ILaunch launch) throws DebugException {
        if (!launch.isTerminated()) {
            launch.terminate();
        }
        TestUtils.waitFor(launch::isTerminated, END_TIMEOUT);
        DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
    }

    /** {@link #endAndRemove} for every launch of the launch manager. */
    public static void endAndRemoveAll() throws DebugException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            endAndRemove(launch);
        }
    }

    /**
     * The launch that started after {@code before} was taken (by a launch shortcut, say), once it runs: not the debug UI's
     * placeholder that stands for it while a build ends ("waiting for build...", no process), which the real launch
     * replaces. Null when none ran within {@code timeout}.
     */
    public static ILaunch awaitNew(Collection<ILaunch> before, Duration timeout) {
        AtomicReference<ILaunch> started = new AtomicReference<>();
        TestUtils.waitFor(() -> {
            for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
                if (!before.contains(launch) && (launch.getProcesses().length > 0 || launch.getDebugTargets().length > 0)) {
                    started.set(launch);
                    return true;
                }
            }
            return false;
        }, timeout);
        return started.get();
    }

    /**
     * What a launch that has not ended is doing, for a failing test's message: each process with its state and the end
     * of its output, and the stacks of this JVM's threads (a launch that waits on the workbench shows where).
     */
    public static String describe(ILaunch launch) {
        StringBuilder text = new StringBuilder("launch ").append(launch.getLaunchConfiguration() == null ? "?" : launch.getLaunchConfiguration().getName())
                .append(launch.isTerminated() ? " (ended)" : " (running)").append('\n');
        for (IProcess process : launch.getProcesses()) {
            text.append("- ").append(process.getLabel()).append(process.isTerminated() ? " ended" : " running").append('\n');
            IStreamsProxy streams = process.getStreamsProxy();
            if (streams != null) {
                text.append(tail(streams.getOutputStreamMonitor().getContents())).append(tail(streams.getErrorStreamMonitor().getContents()));
            }
        }
        text.append("threads of the IDE:\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            text.append(thread.getThreadName()).append(' ').append(thread.getThreadState()).append('\n')
                    .append(Arrays.stream(thread.getStackTrace()).limit(12).map(frame -> "    at " + frame + "\n").collect(Collectors.joining()));
        }
        return text.toString();
    }

    private static String tail(String output) {
        return output.isEmpty() ? "" : "    " + output.substring(Math.max(0, output.length() - 2000)).replace("\n", "\n    ") + "\n";
    }
}
