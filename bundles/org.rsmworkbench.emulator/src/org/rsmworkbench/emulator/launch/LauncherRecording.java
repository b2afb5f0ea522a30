// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.rsmworkbench.emulator.internal.RecordingFiles;
import org.rsmworkbench.emulator.internal.RuntimeThreads;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * What a launcher adds to the recording of a run, in a log of its own beside the node processes' logs (node
 * {@link TraceEvent#LAUNCHER}, file {@code launcher-PID.rsmlog}): the
 * faults it injects and the start and end of each node JVM. Used by {@code rsm-launch} and by the IDE's launches.
 */
public final class LauncherRecording implements AutoCloseable {
    /** The launcher writes a few events per fault or node JVM: the smallest log holds tens of thousands. */
    private static final long LOG_LIMIT = 1 << 20;

    private final TraceLog log;
    private final Path directory;
    /**
     * The one thread that records the ends of node JVMs. Not the common pool, where onExit would run them: it erases a
     * worker's thread locals after each task, so each end took a chunk of the log of its own, and a 1 MiB log recorded
     * the ends of 14 node JVMs, not of 63.
     */
    private final ExecutorService exitRecorder = Executors.newSingleThreadExecutor(
            RuntimeThreads.daemon("rsm-launch-exits").factory());
    /** Done when the end of each node JVM is recorded. Guarded by this. */
    private final List<CompletableFuture<?>> exitsRecorded = new ArrayList<>();
    /** The hosts whose node JVMs record there ({@link HostRecordings}), their logs copied here at the end. */
    private volatile List<HostsFile.Host> recordingHosts = List.of();
    /** Where the copies from hosts are said. */
    private volatile Consumer<String> hostLog = _ -> { };

    private LauncherRecording(TraceLog log, Path directory) {
        this.log = log;
        this.directory = directory;
    }

    /**
     * Opens the launcher's log in the recording folder of {@code settings}, which is made when missing (0700) and else
     * must be a private folder of this user ({@link RecordingFiles}).
     *
     * @param launcher what launches (e.g. {@code rsm-launch}), for tools
     */
    public static LauncherRecording open(RecordingSettings settings, String launcher) throws IOException {
        Path directory = RecordingFiles.prepareFolder(settings.directory());
        long pid = ProcessHandle.current().pid();
        // the launcher's own frames are no program's call site
        RecordingSettings launcherSettings = new RecordingSettings(directory, LOG_LIMIT, RecordingSettings.AtLimit.STOP,
                RecordingSettings.CallSites.NONE, false);
        TraceLog log = TraceLog.create(directory.resolve(Recording.LAUNCHER_LOG_PREFIX + pid + Recording.LOG_SUFFIX), TraceEvent.LAUNCHER, pid, launcher,
                launcherSettings);
        return new LauncherRecording(log, directory);
    }

    /** The recording folder. */
    public Path directory() {
        return directory;
    }

    /**
     * The node JVMs run on {@code hosts} (null: on this machine): with {@code files own} they record on their hosts, and
     * {@link #close(Duration)} copies their logs here, saying so to {@code log}, one line a host.
     */
    public LauncherRecording runningOn(HostsFile hosts, Consumer<String> log) {
        recordingHosts = hosts == null || !hosts.ownFiles() ? List.of() : hosts.hosts();
        hostLog = log;
        return this;
    }

    /** Records every fault {@code injector} applies or refuses from now on. */
    public void recordFaults(FaultInjector injector) {
        injector.onFault((fault, result) -> log.text(EventKind.FAULT, result.applied() ? 0 : -1, fault.nodes().getFirst(), 0,
                fault + (result.applied() ? "" : ": " + result.line())));
    }

    /** Records that the JVM of {@code node} started, and its end when it ends. */
    public synchronized void processStarted(int node, Process process) {
        log.text(EventKind.PROCESS_START, 0, node, process.pid(), "node " + node + ": pid " + process.pid() + " started");
        exitsRecorded.add(process.onExit().thenAcceptAsync(ended -> log.text(EventKind.PROCESS_EXIT, 0, node, ended.pid(),
                ended.exitValue(), "node " + node + ": pid " + ended.pid() + " exited with " + ended.exitValue()
                        + killed(ended.exitValue())), exitRecorder));
    }

    /**
     * What an exit status above 128 (a JVM ended by a signal) means for the recording: a killed process's log just ends,
     * without a word of why.
     */
    private static String killed(int status) {
        return TraceEvent.killed(status) ? " (" + TraceEvent.ending(status) + "; its recording ends with the last call it completed)" : "";
    }

    /**
     * Ends the log once the end of every node JVM is in it, waiting at most {@code wait} for JVMs still running, then
     * copies the logs of node JVMs that recorded on their hosts.
     *
     * @return null, or what the recording misses (the end of a node JVM that had not ended, logs left on a host)
     */
    public String close(Duration wait) {
        CompletableFuture<?>[] exits;
        synchronized (this) {
            exits = exitsRecorded.toArray(CompletableFuture[]::new);
        }
        String missing = null;
        try {
            CompletableFuture.allOf(exits).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            missing = "the recording may miss the end of a node JVM: interrupted while waiting for it";
        } catch (ExecutionException | TimeoutException e) {
            missing = "the recording may miss the end of a node JVM: " + e;
        }
        exitRecorder.shutdown();
        log.close();
        List<String> problems = new ArrayList<>();
        if (missing != null) {
            problems.add(missing);
        }
        for (HostsFile.Host host : recordingHosts) {
            try {
                int copied = HostRecordings.gather(host, directory);
                if (copied > 0) {
                    hostLog.accept("recording: " + copied + (copied == 1 ? " log" : " logs") + " of node JVMs on host " + host.name()
                            + " copied into " + directory);
                }
            } catch (IOException e) {
                problems.add("the recording misses nodes: " + e.getMessage());
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Ends the log without waiting for node JVMs. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
