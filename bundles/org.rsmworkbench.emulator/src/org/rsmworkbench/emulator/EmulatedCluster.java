// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.internal.BackgroundReads;
import org.rsmworkbench.emulator.internal.ClusterDirectory;
import org.rsmworkbench.emulator.internal.ClusterRuntime;
import org.rsmworkbench.emulator.internal.SpecValidation;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A running emulated RSM cluster. Its state lives in a private directory, in mapped files, so that
 * processes in this JVM ({@link #process}) and node JVMs started with {@link #processArguments}
 * share it. The JVM that {@link #start}s a cluster owns it: {@link #close()} stops it and removes what it
 * made (its directory, its memory under /dev/shm); so does the end of that JVM when the program did not close
 * it (System.exit, an uncaught exception, SIGTERM or Ctrl-C: a shutdown hook). After a kill -9 the next
 * {@code start} by the same user removes what it left. A cluster joined with {@link #open} (the IDE watching
 * a command-line launch) is only detached by {@code close()}.
 * <p>
 * A JVM of the cluster stopped (SIGSTOP, or suspended by a debugger) in the middle of a change to the
 * cluster holds the other changes back: they give up after {@link ClusterLockTimeoutException#TIMEOUT_MILLIS}
 * with a {@link ClusterLockTimeoutException} that names it (the RSM calls of processes with an
 * {@code RsmException} INSUFFICIENT_RESOURCES), and change nothing. {@link #state()} does not wait for it.
 */
public final class EmulatedCluster implements WatchedCluster {
    /**
     * How long a call that cuts importers off ({@link #killNode}, {@link #setLink} down, and a program's unpublish,
     * destroy or rebind) waits at most for the other JVMs of the cluster to cut their importers' mappings: a running
     * JVM answers in microseconds, one stopped by a debugger or SIGSTOP only when it runs again. A compile-time
     * constant: the node JVMs use it without loading this class, which only a cluster's owner needs.
     */
    public static final long IMPORTER_CUT_TIMEOUT_MILLIS = 2_000;
    /** The system property that names the node of a node JVM ({@link #processArguments}). */
    public static final String NODE_PROPERTY = "rsm.node";

    private final ClusterDirectory directory;
    private final ClusterRuntime runtime;
    private final boolean owner;
    /** The owner's shutdown hook: closes the cluster when the JVM ends without {@link #close()}; null when joined. */
    private final Thread closeAtExit;
    /** The reads of the registry of the distributed cluster that runs in these files, or null for a local cluster. */
    private volatile RegistryReads registryReads;
    /**
     * How old what the registry published may be: a read answered at once takes milliseconds, and a caller looks ten times
     * a second.
     */
    private static final long REGISTRY_MAX_AGE_MILLIS = 1_000;

    /** What {@link #state()} and {@link #waits()} add of a distributed cluster's registry, each read in the background. */
    private record RegistryReads(BackgroundReads<DistributedBackend.OwnFilesPublished> published,
            BackgroundReads<ClusterWaits> waits) {
        static RegistryReads of(DistributedBackend.LaunchedRegistry registry) {
            String source = "the cluster registry at " + registry.connectString();
            return new RegistryReads(new BackgroundReads<>("rsm-registry-published", source, registry::ownFilesPublished,
                    REGISTRY_MAX_AGE_MILLIS), new BackgroundReads<>("rsm-registry-waits", source, registry::waits,
                            REGISTRY_MAX_AGE_MILLIS));
        }
    }

    private boolean closed;

    private EmulatedCluster(ClusterDirectory directory, ClusterRuntime runtime, boolean owner) {
        this.directory = directory;
        this.runtime = runtime;
        this.owner = owner;
        this.closeAtExit = owner ? Thread.ofPlatform().name("rsm-cluster-exit-" + directory.spec().name()).unstarted(this::close)
                : null;
    }

    /**
     * A fresh cluster in a new private directory (mode 0700) under the system temp dir. What crashed clusters
     * of this user left there and under /dev/shm is removed first (never what another user made).
     */
    public static EmulatedCluster start(ClusterSpec spec) throws IOException {
        return start(spec, null);
    }

    /**
     * A fresh cluster in {@code directory}. An absent directory is made (mode 0700) and removed whole by
     * {@link #close()}. A directory that exists stays the user's: it must be the user's own, writable by no
     * one else and empty (else an IOException says why); its mode is not changed, and {@code close()} removes
     * only the files the cluster made in it, not the directory nor files put there meanwhile (such as
     * {@code segmentid.conf}). A directory left by a cluster whose owner died is cleaned first (what that
     * cluster made goes) and reused; one in use by a running cluster is refused. The path must be reached without
     * another user's help: a symbolic link as {@code directory} itself is refused, and so is a path through a folder
     * or link that another user owns, or a folder that others can write and that is not sticky (as /tmp is).
     * {@code close()} removes nothing when the path no longer names the directory it started in (it says so on stderr).
     */
    public static EmulatedCluster start(ClusterSpec spec, Path directory) throws IOException {
        SpecValidation.check(Objects.requireNonNull(spec, "spec"));
        ClusterDirectory created = ClusterDirectory.create(spec, directory);
        EmulatedCluster cluster;
        try {
            cluster = new EmulatedCluster(created, created.attach(), true);
        } catch (IOException | RuntimeException e) {
            created.remove();
            throw e;
        }
        try {
            Runtime.getRuntime().addShutdownHook(cluster.closeAtExit);
        } catch (IllegalStateException e) { // started while the JVM ends: nothing would remove it
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Joins the running cluster in {@code directory}, which must be the user's, writable by no one else and reached
     * without another user's help (the user's own links may lead to it).
     */
    public static EmulatedCluster open(Path directory) throws IOException {
        ClusterDirectory existing = ClusterDirectory.open(directory);
        return new EmulatedCluster(existing, existing.attach(), false);
    }

    public Path directory() {
        return directory.path();
    }

    /** Its directory, absolute and normalized. */
    @Override
    public String location() {
        return directory.path().toAbsolutePath().normalize().toString();
    }

    /**
     * Whether the cluster has stopped: its owner removes the directory when it stops (or the next start cleans it after a
     * crash), so a missing directory means nothing runs there any more.
     */
    @Override
    public boolean isGone() {
        return !Files.isDirectory(directory.path());
    }

    @Override
    public ClusterSpec spec() {
        return directory.spec();
    }

    /**
     * A snapshot of the cluster's nodes, links, processes, segments and connections; never blocks the cluster, and
     * comes within a fraction of a second even while a stopped JVM holds it (then it may not be
     * {@linkplain ClusterState#consistent() consistent}). With a registry given to {@link #addRegistry}, also the processes
     * of node JVMs with files of their own, and the segments and connections they published there, as its last read found
     * them (each call has it read again in the background, one read at a time, so that no caller, the UI thread among
     * them, waits for ZooKeeper; {@link #problem()} says when that read may be out of date); its version then changes when
     * the files' or the registry's does.
     */
    @Override
    public ClusterState state() {
        ClusterState files = org.rsmworkbench.emulator.internal.StateReader.read(runtime);
        RegistryReads reads = registryReads;
        DistributedBackend.OwnFilesPublished published = reads == null ? null : reads.published().latest();
        if (published == null) {
            return files;
        }
        // the registry's version is even: the sum is odd exactly when the files' snapshot is not consistent
        return new ClusterState(files.name(), files.version() + published.version(), files.nodes(), files.links(),
                concat(files.processes(), published.processes()), concat(files.segments(), published.segments()),
                concat(files.connections(), published.connections()), files.stopping());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Why what {@link #state()} adds of the registry may be out of date: its last read failed, or the read under way has
     * had no answer for a second; null when it is not (and for a cluster without a registry).
     */
    @Override
    public String problem() {
        RegistryReads reads = registryReads;
        String why = reads == null ? null : reads.published().problem();
        return why == null ? null
                : why + "; the segments and connections of node JVMs with files of their own are as last read";
    }

    /**
     * Where the processes of the cluster wait now, and who could end each wait (see {@link WaitForAnalysis} for the
     * deadlocks among them). Read without blocking the cluster; in any JVM of the cluster. With a registry given to
     * {@link #addRegistry}, also the waits that node JVMs with files of their own published there, as its last read found
     * them, read as {@link #state()} reads the registry; a read that fails, or none for a second, finds none (a wait left
     * out makes no false cycle), and the waits are then not {@linkplain ClusterWaits#complete() complete} (nor before the
     * first read ends, nor when the read could not read every wait of the registry).
     */
    @Override
    public ClusterWaits waits() {
        ClusterWaits files = org.rsmworkbench.emulator.internal.WaitReader.read(runtime);
        RegistryReads reads = registryReads;
        if (reads == null) {
            return files;
        }
        ClusterWaits published = reads.waits().recent();
        // a read that failed or hangs confirms nothing: a cycle it once saw does not last meanwhile, nor did it end
        return published == null ? new ClusterWaits(files.waits(), false)
                : new ClusterWaits(concat(files.waits(), published.waits()), files.complete() && published.complete());
    }

    /**
     * Makes {@link #state()} and {@link #waits()} add what node JVMs with files of their own publish in
     * {@code launchedRegistry}, the registry of the distributed cluster that runs in these files: they join it, and write
     * their segments, connections and waits there, not here.
     */
    public void addRegistry(DistributedBackend.LaunchedRegistry launchedRegistry) {
        registryReads = RegistryReads.of(launchedRegistry);
    }

    /**
     * A live, read-only view of the memory of the segment with that id on that node (published, or
     * bound and not yet published when {@code segmentId} is 0), or null when there is none.
     */
    public SegmentView view(int nodeId, int segmentId) {
        return org.rsmworkbench.emulator.internal.SegmentViewImpl.find(runtime, nodeId, segmentId);
    }

    /** A new emulated process on that node, inside this JVM. */
    public RsmLibrary process(int nodeId, Credentials credentials) throws RsmException {
        return runtime.newProcess(nodeId, credentials);
    }

    /** The -D options that make a JVM started with them a process on that node (see {@code Rsm.open}). */
    public List<String> processArguments(int nodeId, Credentials credentials) {
        if (directory.spec().node(nodeId) == null) {
            throw new IllegalArgumentException("cluster " + spec().name() + " has no node " + nodeId);
        }
        Objects.requireNonNull(credentials, "credentials");
        List<String> arguments = new ArrayList<>();
        arguments.add("-Drsm.cluster=" + directory.path());
        arguments.add("-D" + NODE_PROPERTY + "=" + nodeId);
        arguments.add("-Drsm.uid=" + credentials.uid());
        arguments.add("-Drsm.gid=" + credentials.gid());
        arguments.add("-Drsm.groups=" + credentials.groups().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")));
        arguments.add("-Drsm.umask=" + Integer.toOctalString(credentials.umask()));
        arguments.add("-Drsm.privileged=" + credentials.privileged());
        return arguments;
    }

    /**
     * Node down: its processes end, its exports vanish, connects to it fail with REMOTE_NODE_UNREACHABLE. It returns
     * once the importers of its segments are cut off, which may block up to {@link #IMPORTER_CUT_TIMEOUT_MILLIS} ms
     * (a stopped importer JVM) after the wait for the registry lock: a UI calls it in a job, not in the UI thread.
     */
    public void killNode(int nodeId) {
        runtime.killNode(requireNode(nodeId));
    }

    /**
     * The node is up again, with no processes and no segments; not in a cluster told to stop ({@link #stopNodes}). Nothing
     * is cut, so it waits for no importer, but it waits for the registry lock, as every change of the cluster does (a JVM
     * may be stopped holding it): a UI calls it in a job, as {@link #killNode}.
     */
    public void restartNode(int nodeId) {
        runtime.restartNode(requireNode(nodeId));
    }

    /**
     * Takes the link between those controllers up or down (links are undirected). Down returns once the importers
     * that used the link are cut off, which may block up to {@link #IMPORTER_CUT_TIMEOUT_MILLIS} ms (a stopped
     * importer JVM) after the wait for the registry lock: a UI calls it in a job, not in the UI thread.
     */
    public void setLink(int nodeA, String controllerA, int nodeB, String controllerB, boolean up) {
        int link = runtime.linkIndex(nodeA, controllerA, nodeB, controllerB);
        if (link < 0) {
            throw new IllegalArgumentException("cluster " + spec().name() + " has no link " + nodeA + ":" + controllerA
                    + " - " + nodeB + ":" + controllerB);
        }
        runtime.setLink(link, up);
    }

    /** The next {@code count} transfers from a process on importerNode to a segment of exporterNode fail. */
    public void failNextTransfers(int importerNode, int exporterNode, int count) {
        runtime.failNextTransfers(requireNode(importerNode), requireNode(exporterNode), count);
    }

    private int requireNode(int nodeId) {
        if (directory.spec().node(nodeId) == null) {
            throw new IllegalArgumentException("cluster " + spec().name() + " has no node " + nodeId);
        }
        return nodeId;
    }

    /**
     * Stops the node JVMs of the cluster together, before they are ended one by one: each ends (status 143, as after
     * SIGTERM, but its shutdown hooks do not run) at its next RSM call or within a tenth of a second, so that none sees
     * another end first and its program reports the calls that failed. The cluster can no longer be used; {@link #close()}
     * it. A joined cluster is not stopped.
     */
    public synchronized void stopNodes() {
        if (owner && !closed) {
            runtime.stop();
        }
    }

    /** Whether {@link #close()} was called: the cluster is stopped (or detached) and can no longer be used. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the cluster and removes what it made (a joined cluster is only detached). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner) {
            try {
                directory.stop(runtime);
            } finally {
                // only now: a JVM ending (SIGTERM) while this close runs waits for it in the hook
                if (Thread.currentThread() != closeAtExit) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(closeAtExit);
                    } catch (IllegalStateException e) {
                        // the JVM is ending: the hook finds the cluster closed
                    }
                }
            }
        } else {
            directory.detach(runtime);
        }
    }

    @Override
    public String toString() {
        return "emulated cluster " + spec().name() + " in " + directory.path();
    }
}
