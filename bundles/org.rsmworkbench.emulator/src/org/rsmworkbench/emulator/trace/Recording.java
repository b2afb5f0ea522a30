// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.rsmworkbench.emulator.internal.RecordingFiles;


/**
 * A recording of a run (a {@code .rsmtrace} folder): the event logs of every process, merged in time order. A folder
 * still being written can be opened: what each process had committed is read.
 */
public final class Recording {
    /** The ending of event log files in a recording folder. */
    public static final String LOG_SUFFIX = ".rsmlog";
    /** The beginning of the launcher's log file's name: {@code launcher-PID.rsmlog}. */
    public static final String LAUNCHER_LOG_PREFIX = "launcher-";

    /**
     * The order of {@link #events()}: by time, then process and sequence number. Written out, not composed of
     * {@code Comparator.comparingLong}: a sort of millions of events spends its time in the comparator.
     */
    static final Comparator<TraceEvent> BY_TIME = (a, b) -> {
        int order = Long.compare(a.time(), b.time());
        return order != 0 ? order : processOrder(a, b);
    };

    private final Path directory;
    private final List<ProcessLog> logs;
    private final List<String> skippedLogs;
    /** Merged and sorted at the first call of {@link #events()}: the race detector does without. Guarded by this. */
    private List<TraceEvent> events;
    private final long origin;

    private Recording(Path directory, List<ProcessLog> logs, List<String> skippedLogs) {
        this.directory = directory;
        this.logs = logs;
        this.skippedLogs = skippedLogs;
        this.origin = Math.min(logs.stream().mapToLong(ProcessLog::startNanos).min().orElse(0),
                logs.stream().flatMap(log -> log.events().stream()).mapToLong(TraceEvent::time).min().orElse(Long.MAX_VALUE));
    }

    /** The order of two events by process, then sequence number: the tie-break of every order of events. */
    public static int processOrder(TraceEvent a, TraceEvent b) {
        int order = Long.compare(a.pid(), b.pid());
        return order != 0 ? order : Long.compare(a.sequence(), b.sequence());
    }

    /**
     * Reads the recording in {@code directory}.
     *
     * @throws IOException when it is not a folder, holds no event log, or a log cannot be read
     */
    public static Recording open(Path directory) throws IOException {
        LogListing listing = listLogs(directory);
        return new Recording(directory, readAll(listing.logs(), ProcessLog::read), listing.skipped());
    }

    /**
     * Makes a new recording folder in {@code parent} (made when missing): {@code name + suffix}, or {@code name-2 + suffix}
     * and so on when that is taken, private to this user (0700) and made at once, so that no one else can make or swap it
     * in between.
     *
     * @return the folder made
     */
    public static Path createFolder(Path parent, String name, String suffix) throws IOException {
        return RecordingFiles.createNewFolder(parent, name, suffix);
    }

    /** The event logs of the recording in {@code directory}; an IOException when it is not a folder or holds none. */
    public static List<Path> logFiles(Path directory) throws IOException {
        return listLogs(directory).logs();
    }

    /**
     * The event logs of a recording folder, and the entries named as logs that are not read.
     *
     * @param logs this user's regular files named {@code *}{@value #LOG_SUFFIX}, by name
     * @param skipped why each other entry so named is not read: a symbolic link, not a regular file, another user's
     */
    public record LogListing(List<Path> logs, List<String> skipped) {
    }

    /**
     * The event logs of the recording in {@code directory}: only this user's regular files (never through a link),
     * since another user could else make the reader read a file it can read but that user cannot, or feed it a file
     * that changes under it.
     *
     * @throws IOException when it is not a folder or holds no log to read
     */
    public static LogListing listLogs(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + " is not a recording folder (it is " + (Files.exists(directory) ? "not a folder)" : "missing)"));
        }
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(LOG_SUFFIX)).sorted().toList()) {
                String notOwn = RecordingFiles.notOwnLog(file);
                if (notOwn == null) {
                    files.add(file);
                } else {
                    skipped.add(notOwn);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException(directory + " holds no event log (*" + LOG_SUFFIX + ") to read: is it a recording folder?"
                    + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        }
        return new LogListing(List.copyOf(files), List.copyOf(skipped));
    }

    /** Reads one event log. */
    @FunctionalInterface
    interface LogReader<T> {
        T read(Path file) throws IOException;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Why entries of the folder named as logs were not read (a symbolic link, not a regular file, another user's): one
     * line each, none when every log was read.
     */
    public List<String> skippedLogs() {
        return skippedLogs;
    }

    /**
     * What a reader of the recording must be told: the logs not read ({@link #skippedLogs()}), then what each log lost to
     * damage ({@link ProcessLog#damage()}); one line each, none when every event written was read.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(skippedLogs);
        logs.forEach(log -> warnings.addAll(log.damage()));
        return List.copyOf(warnings);
    }

    /** Whether a log of the recording lost events to damage: what it holds is not all its processes wrote. */
    public boolean damaged() {
        return logs.stream().anyMatch(log -> !log.damage().isEmpty());
    }

    /** The log of every process (the launcher's has node {@link TraceEvent#LAUNCHER}), by file name. */
    public List<ProcessLog> logs() {
        return logs;
    }

    /**
     * Every event, by time (then process and sequence number). An event's index in this list is its number, the one
     * {@code rsm-trace} shows and takes ({@code export --format csv}, {@code summary}, {@code segment --at}).
     */
    public synchronized List<TraceEvent> events() {
        if (events == null) {
            List<TraceEvent> all = new ArrayList<>(eventCount());
            logs.forEach(log -> all.addAll(log.events()));
            all.sort(BY_TIME);
            events = Collections.unmodifiableList(all);
        }
        return events;
    }

    /** How many events the logs hold. */
    private int eventCount() {
        return logs.stream().mapToInt(log -> log.events().size()).sum();
    }

    /**
     * Reads the logs of {@code files}, several at once: a log of millions of events takes a second to read, and a
     * run's logs are read when its node JVMs have ended, so the cores are free.
     */
    static <T> List<T> readAll(List<Path> files, LogReader<T> reader) throws IOException {
        // virtual threads: as many at once as there are cores (the common pool has one thread less)
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> reads = new ArrayList<>();
            for (Path file : files) {
                reads.add(readers.submit(() -> reader.read(file)));
            }
            List<T> logs = new ArrayList<>();
            for (Future<T> read : reads) {
                logs.add(read.get());
            }
            return List.copyOf(logs);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException unreadable -> throw unreadable;
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + files);
        }
    }

    /** The time zero of the recording (CLOCK_MONOTONIC nanoseconds): when its first log was made or its first event began. */
    public long origin() {
        return origin;
    }

    /**
     * The number of the last event (its index in {@link #events()}) that began at most {@code nanos} nanoseconds after
     * {@link #origin()}, or -1 when none did.
     */
    public int eventAt(long nanos) {
        List<TraceEvent> events = events();
        int low = 0;
        int high = events.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).time() - origin <= nanos) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** Events not recorded because a log was full, summed over the logs. */
    public long droppedEvents() {
        return logs.stream().mapToLong(ProcessLog::droppedEvents).sum();
    }

    /** How the logs that met their size limit met it, by file name. */
    public List<LogLimit> logLimits() {
        return logs.stream().map(ProcessLog::limit).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The causal links between events: each signal wait that returned with an event to the earliest post to its side of
     * the segment (an import's post to the export's waits, an export's to its importers') that began before the wait
     * returned and that no earlier wait consumed; each connect to the last publish of its segment
     * before it; each call that failed for a lost connection to the last event before it that cut that segment (its
     * unpublish, destroy or rebind, or a fault that killed its node); each get that read the bytes of a put
     * ({@link Flow.Kind#DATA}, see {@link #dataFlows()}).
     */
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>(causalFlows());
        flows.addAll(dataFlows());
        return flows;
    }

    /**
     * The links of {@link #flows()} but those between puts and gets ({@link Flow.Kind#DATA}): what orders calls (the
     * race detector's use), found without looking at the data calls, most of a recording's events.
     */
    public List<Flow> causalFlows() {
        return causalFlows(logs.stream().flatMap(log -> log.events().stream()), logLimits());
    }

    /**
     * Whether an event of {@code kind} that failed with {@code error} (0: it succeeded) may be an end of a link of
     * {@link #causalFlows()}: the others need not be given to {@link #causalFlows(Stream)}.
     */
    public static boolean mayBeCausal(EventKind kind, int error) {
        return FlowLinker.mayBeCausal(kind, error);
    }

    /** The links of {@link #causalFlows()} between {@code events}, all the events of a recording or a part of them. */
    public static List<Flow> causalFlows(Stream<TraceEvent> events) {
        return causalFlows(events, List.of());
    }

    /**
     * The links of {@link #causalFlows()} between {@code events}, where every log has all its events: {@code limits}
     * says where logs lack some ({@link FlowLinker#linkOnlyWhereComplete}).
     */
    public static List<Flow> causalFlows(Stream<TraceEvent> events, List<LogLimit> limits) {
        List<Flow> flows = new ArrayList<>();
        FlowLinker<TraceEvent> linker = new FlowLinker<>(e -> e, (kind, from, to) -> flows.add(new Flow(kind, from, to)));
        linker.linkOnlyWhereComplete(limits);
        events.filter(e -> mayBeCausal(e.kind(), e.error())).sorted(FlowLinker.byCausalOrder()).forEach(linker::addCausal);
        return flows;
    }

    /**
     * The puts whose bytes a get read, as far as the recording proves it ({@link FlowLinker#addData}). Bytes written by
     * mapped stores, putv or the exporter are not in the log as puts: a get of them is linked to nothing, and one that a
     * store overwrote with other bytes is not linked either, since its digest differs.
     */
    private List<Flow> dataFlows() {
        List<Flow> flows = new ArrayList<>();
        FlowLinker<TraceEvent> linker = new FlowLinker<>(e -> e, (kind, from, to) -> flows.add(new Flow(kind, from, to)));
        events().stream().filter(e -> FlowLinker.mayBeData(e.kind(), e.error(), e.segmentId())).sorted(FlowLinker.byDataOrder())
                .forEach(linker::addData);
        return flows;
    }
}
