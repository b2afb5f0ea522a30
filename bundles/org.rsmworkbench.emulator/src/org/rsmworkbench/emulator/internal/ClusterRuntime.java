// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.backend.ClusterFaults;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.ConnectChecks;
import org.rsmworkbench.emulator.internal.Registry.Conn;
import org.rsmworkbench.emulator.internal.Registry.Jvm;
import org.rsmworkbench.emulator.internal.Registry.Node;
import org.rsmworkbench.emulator.internal.Registry.Proc;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * This JVM's attachment to one cluster: the mapped registry, the lock file that tells the other JVMs
 * this one is alive, the emulated processes it hosts, a watcher thread that reaps the state of dead
 * JVMs and ends processes whose node was killed, and a revoker thread that cuts this JVM's importers
 * off when another JVM asks (see {@link #mutateAndRevoke}). One instance per cluster directory per JVM.
 */
public final class ClusterRuntime implements ClusterFaults {
    static final String REGISTRY = "registry";
    static final String OWNER_LOCK = "cluster.lock";
    static final String JVM_DIRECTORY = "jvms";
    /** Exit status of a node JVM whose node was killed, as if by SIGKILL. */
    public static final int KILLED_EXIT_STATUS = 137;
    /** Exit status of a node JVM whose cluster was stopped while it ran (Terminate Cluster), as if by SIGTERM. */
    public static final int STOPPED_EXIT_STATUS = 143;
    private static final long WATCH_PERIOD_MILLIS = 100;
    private static final int OWNER_CHECK_TICKS = 10;
    /** How often the watcher closes the liveness probes of JVMs that left the cluster. */
    private static final int PROBE_SWEEP_TICKS = 10;
    /**
     * How long a waiter of a cluster of files spins before it sleeps: a ping-pong partner answers well within it, an idle
     * waiter costs little (a distributed cluster's data path spins as long as its network needs: ClusterRegistry#spinReceiving).
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long SLEEP_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often a detach tries to unmap the registry, 20 ms apart: a few sleep slices. */
    private static final int UNMAP_ATTEMPTS = 10;
    /** How long a call that cut connections off waits for the other JVMs to remap their importers' mappings. */
    private static final long REVOCATION_TIMEOUT_NANOS =
            TimeUnit.MILLISECONDS.toNanos(EmulatedCluster.IMPORTER_CUT_TIMEOUT_MILLIS);
    /** How long the revoker waits before it tries again to cut a mapping that was in use (I/O on a buffer view of it). */
    private static final long REVOKE_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long the revoker sleeps between looks at whether this runtime was detached, when nobody rings. */
    private static final long REVOKER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Map<Path, ClusterRuntime> ATTACHED = new HashMap<>();

    final Path directory;
    final Path memoryDirectory;
    final ClusterSpec spec;
    final Registry registry;
    final long pageSize;
    private final int jvmSerial;
    private final int jvmSlot;
    private final LockFile jvmLock;
    private final List<ProcessLibrary> processes = new CopyOnWriteArrayList<>();
    private final WaitProbe waitProbe = new WaitProbe(processes);
    /** The other JVMs' liveness locks, by serial, open while they live ({@link #isDead}). */
    private final Map<Integer, LockFile.Probe> livenessProbes = new ConcurrentHashMap<>();
    /** The signal counter lanes this JVM holds, by counter ({@link Registry.Events}). */
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    /** Processes that ended while the registry was locked by a stuck JVM: the watcher removes them later. */
    private final List<ProcessLibrary> endedLater = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private final Thread revoker;
    /** The revocation of the running {@link #mutateAndRevoke}; only the holder of the registry lock touches it. */
    private Revocation pending;
    private volatile boolean haltWhenNodeDies;
    private volatile boolean detached;
    private volatile boolean publishWaits;
    /** The threads of this JVM inside the sleeping part of a signal wait: {@link #detach()} waits until none is. */
    private final AtomicInteger eventSleepers = new AtomicInteger();
    private int attachments;

    private ClusterRuntime(Path directory, ClusterSpec spec, Path memoryDirectory, Registry registry)
            throws IOException {
        this.directory = directory;
        this.spec = spec;
        this.memoryDirectory = memoryDirectory;
        this.registry = registry;
        this.pageSize = spec.pageSize();
        registry.onInterruptedMutation(this::reapDeadJvms);
        Path jvmDirectory = directory.resolve(JVM_DIRECTORY);
        Files.createDirectories(jvmDirectory, OwnFiles.PRIVATE_DIRECTORY);
        // the serial (an atomic increment, no lock needed) and the liveness lock come first: the registry lock
        // names its holder by serial, and waiters take it over from a holder whose liveness lock is free
        int serial = registry.next(Registry.H_NEXT_JVM);
        jvmSerial = serial;
        jvmLock = LockFile.acquire(jvmDirectory.resolve(serial + ".lock"));
        try {
            registry.identify(serial, this::isDead);
            registry.waitForSuspendedHolders(Boolean.getBoolean(ClusterLockTimeoutException.DEBUG_LAUNCH_PROPERTY));
            jvmSlot = registry.mutate(() -> {
                int free = registry.freeSlot(Registry.MAX_JVMS, s -> Jvm.at(s, Jvm.STATE), Registry.H_JVM_HIGH);
                if (free >= 0) {
                    registry.putInt(Jvm.at(free, Jvm.SERIAL), serial);
                    registry.putLong(Jvm.at(free, Jvm.PID), ProcessHandle.current().pid());
                    registry.putInt(Jvm.at(free, Jvm.REVOKE_REQUESTS), 0);
                    registry.putInt(Jvm.at(free, Jvm.REVOKE_DONE), 0);
                    registry.putIntRelease(Jvm.at(free, Jvm.STATE), Jvm.LIVE);
                }
                return free;
            });
            if (jvmSlot < 0) {
                throw new IOException("too many JVMs in cluster " + spec.name() + " (at most " + Registry.MAX_JVMS + ")");
            }
        } catch (IOException | RuntimeException e) {
            closeLivenessProbes(); // waiting for the registry lock looked at its holder
            jvmLock.close();
            throw e;
        }
        watcher = RuntimeThreads.daemon("rsm-cluster-watch-" + spec.name()).unstarted(this::watch);
        watcher.start();
        revoker = RuntimeThreads.daemon("rsm-cluster-revoke-" + spec.name()).unstarted(this::answerRevocations);
        revoker.start();
    }

    /** Attaches this JVM to the cluster in {@code directory}, creating its registry when {@code create}. */
    static synchronized ClusterRuntime attach(Path directory, ClusterSpec spec, Path memoryDirectory, boolean create)
            throws IOException {
        Path key = directory.toAbsolutePath().normalize();
        ClusterRuntime runtime = ATTACHED.get(key);
        if (runtime == null) {
            Registry registry = create ? Registry.create(key.resolve(REGISTRY), r -> initialize(r, spec))
                    : Registry.open(key.resolve(REGISTRY));
            try {
                runtime = new ClusterRuntime(key, spec, memoryDirectory, registry);
            } catch (IOException | RuntimeException e) {
                registry.close();
                throw e;
            }
            ATTACHED.put(key, runtime);
        }
        runtime.attachments++;
        return runtime;
    }

    /** Fills in a new registry, before other JVMs can open it. */
    private static void initialize(Registry registry, ClusterSpec spec) {
        for (NodeSpec node : spec.nodes()) {
            registry.putInt(Node.at(node.id(), Node.NEXT_AUTO_ID), (int) ClusterRegistry.FIRST_ASSIGNED_ID);
            registry.putIntRelease(Node.at(node.id(), Node.STATE), Node.UP);
        }
        for (int i = 0; i < spec.links().size(); i++) {
            registry.putInt(Registry.linkAt(i), 1);
        }
    }

    /** Releases one attachment; the last one ends this JVM's processes and unmaps the registry. */
    synchronized void detach() {
        synchronized (ClusterRuntime.class) {
            if (--attachments > 0) {
                return;
            }
            ATTACHED.remove(directory);
        }
        for (ProcessLibrary process : processes) {
            process.close();
        }
        detached = true;
        wakeEventSleepers();
        watcher.interrupt();
        // a request of our own wakes the revoker, which then sees that it is detached
        registry.getAndAdd(Jvm.at(jvmSlot, Jvm.REVOKE_REQUESTS), 1);
        Native.futexWakeAll(registry.word(Jvm.at(jvmSlot, Jvm.REVOKE_REQUESTS)));
        try {
            watcher.join(TimeUnit.SECONDS.toMillis(2));
            revoker.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            registry.mutate(() -> {
                for (ProcessLibrary process : endedLater) {
                    endProcess(process.slot, process.serial);
                }
                for (int slot = 0; slot < registry.jvmSlots(); slot++) {
                    if (registry.getInt(Jvm.at(slot, Jvm.STATE)) == Jvm.LIVE
                            && registry.getInt(Jvm.at(slot, Jvm.SERIAL)) == jvmSerial) {
                        registry.putIntRelease(Jvm.at(slot, Jvm.STATE), Jvm.FREE);
                    }
                }
                return null;
            });
        } catch (ClusterLockTimeoutException e) {
            // a stuck JVM holds the registry: the others reap this JVM's record once its liveness lock is free
        }
        closeLivenessProbes();
        // unmapped first: a late mutation or signal lane store of this JVM then fails rather than run after its liveness
        // lock is gone; while a thread still holds the mapping (a native call on it) the lock stays held until the JVM
        // ends, as this JVM may still write
        if (!unmapRegistry()) {
            return;
        }
        try {
            jvmLock.close();
            Files.deleteIfExists(directory.resolve(JVM_DIRECTORY).resolve(jvmSerial + ".lock"));
        } catch (IOException e) {
            // the directory may already be gone with a stopped cluster
        }
    }

    /**
     * Unmaps the registry, waiting a little for threads of this JVM still inside a native call on it (a futex wait
     * ends within its 50 ms slice, a wake at once). Whether it is unmapped.
     */
    private boolean unmapRegistry() {
        for (int attempt = 0;; attempt++) {
            registry.close();
            if (!registry.isOpen() || attempt == UNMAP_ATTEMPTS) {
                return !registry.isOpen();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /**
     * Makes this JVM exit as killed when the node of one of its processes is killed or the cluster stops (a
     * node JVM): noticed by the watcher, and before any RSM call fails, so that a program never sees the
     * effects of its own node's death (its segments destroyed, its connections aborted) as a real node's
     * processes would not.
     */
    void haltWhenNodeDies() {
        haltWhenNodeDies = true;
        Errors.beforeFailure(this::haltIfNodeDied);
    }

    /**
     * Makes the watcher publish, after each probe, where the processes of this JVM are blocked in the registry of record of
     * their distributed cluster ({@link ClusterRegistry#publishWait}): a node JVM whose files are its own, whose waits no
     * launcher reads from them. A wait is published once the probe has found it blocked at two looks: the short waits of
     * a busy program, which one look may catch, cost the registry no write.
     */
    void publishWaitsToRegistries() {
        publishWaits = true;
    }

    /** Publishes the waits found blocked at this look of the probe, which began at {@code lookNanos}, and at an earlier one. */
    private void publishWaits(long lookNanos) {
        Map<Integer, ClusterWaits.Wait> blocked = new HashMap<>();
        for (ClusterWaits.Wait wait : WaitReader.read(this).waits()) {
            if (wait.verdict() == ClusterWaits.Verdict.BLOCKED && wait.blockedSince() - lookNanos < 0) {
                blocked.put(wait.process(), wait);
            }
        }
        for (ProcessLibrary process : processes) {
            if (process.clusterRegistry != null && !process.isClosed()) {
                process.clusterRegistry.publishWait(blocked.get(process.serial));
            }
        }
    }

    private void haltIfNodeDied() {
        for (ProcessLibrary process : processes) {
            haltIfNodeDied(process);
        }
    }

    /** In a node JVM: ends the JVM if the cluster stopped (143) or the node of {@code process} was killed (137). */
    void haltIfNodeDied(ProcessLibrary process) {
        // every call of a node JVM asks: once found alive, the node is read again only after a registry mutation
        if (haltWhenNodeDies && !registry.unchangedSince(process.aliveAt)) {
            int before = registry.mutations();
            // the epoch first: the stop marks the cluster stopped before it moves the epochs, so a node it moved is seen
            // stopped (a stop that could not take the lock only marks the cluster)
            boolean killed = registry.getIntAcquire(Node.at(process.nodeId, Node.EPOCH)) != process.nodeEpoch;
            if (registry.getIntAcquire(Registry.H_STOPPED) != 0) {
                Runtime.getRuntime().halt(STOPPED_EXIT_STATUS);
            }
            if (killed) {
                Runtime.getRuntime().halt(KILLED_EXIT_STATUS);
            }
            process.aliveAt = registry.stableSince(before);
        }
    }

    // ---------------------------------------------------------------- processes

    public org.rsmworkbench.rsmapi.RsmLibrary newProcess(int nodeId, Credentials credentials) throws RsmException {
        return newProcess(nodeId, credentials, null);
    }

    /**
     * A new process of {@code nodeId}; {@code clusterRegistry} is the registry of record of a distributed cluster that
     * its control calls consult (null: a local cluster), closed with the process. Public for the node JVMs of the
     * distributed backend's conformance tests, which make many processes of their node.
     */
    public org.rsmworkbench.rsmapi.RsmLibrary newProcess(int nodeId, Credentials credentials, ClusterRegistry clusterRegistry)
            throws RsmException {
        if (spec.node(nodeId) == null) {
            throw error(RsmError.CTLR_NOT_PRESENT, "cluster %s has no node %d (its nodes: %s)", spec.name(), nodeId,
                    spec.nodes().stream().map(NodeSpec::id).toList());
        }
        if (credentials == null) {
            throw error(RsmError.BAD_ADDR, "no credentials given for the new process on node %d", nodeId);
        }
        int[] slotAndSerial = registry.mutateForCall(() -> {
            if (registry.getInt(Registry.H_STOPPED) != 0) {
                throw error(RsmError.CTLR_NOT_PRESENT, "cluster %s has been stopped", spec.name());
            }
            if (registry.getInt(Node.at(nodeId, Node.STATE)) != Node.UP) {
                throw error(RsmError.CTLR_NOT_PRESENT, "node %d of cluster %s is down", nodeId, spec.name());
            }
            int slot = registry.freeSlot(Registry.MAX_PROCESSES, s -> Proc.at(s, Proc.STATE), Registry.H_PROCESS_HIGH);
            if (slot < 0) {
                throw error(RsmError.INSUFFICIENT_RESOURCES, "cluster %s already has %d processes", spec.name(),
                        Registry.MAX_PROCESSES);
            }
            int serial = registry.next(Registry.H_NEXT_PROCESS);
            if (serial <= 0 || isLiveProcess(serial)) {
                // the counter only grows from 1: a damaged one would give this process another's files and segments
                throw error(RsmError.INTERNAL_ERROR, "cluster %s cannot make a process: its registry is damaged (the next"
                        + " process serial, %d, is %s)", spec.name(), serial, serial <= 0 ? "not positive" : "in use");
            }
            registry.putInt(Proc.at(slot, Proc.SERIAL), serial);
            registry.putInt(Proc.at(slot, Proc.NODE), nodeId);
            registry.putInt(Proc.at(slot, Proc.JVM_SERIAL), jvmSerial);
            registry.putInt(Proc.at(slot, Proc.UID), credentials.uid());
            registry.putInt(Proc.at(slot, Proc.GID), credentials.gid());
            registry.putInt(Proc.at(slot, Proc.UMASK), credentials.umask());
            registry.putInt(Proc.at(slot, Proc.PRIVILEGED), credentials.privileged() ? 1 : 0);
            registry.putLong(Proc.at(slot, Proc.PID), ProcessHandle.current().pid());
            List<Integer> groups = credentials.groups().stream().sorted().limit(Proc.MAX_GROUPS).toList();
            for (int g = 0; g < groups.size(); g++) {
                registry.putInt(Proc.at(slot, Proc.GROUPS) + 4L * g, groups.get(g));
            }
            registry.putInt(Proc.at(slot, Proc.GROUP_COUNT), groups.size());
            registry.putIntRelease(Proc.at(slot, Proc.STATE), Proc.LIVE);
            return new int[] {slot, serial, registry.getInt(Node.at(nodeId, Node.EPOCH))};
        });
        ProcessLibrary process = new ProcessLibrary(this, nodeId, credentials, slotAndSerial[0], slotAndSerial[1],
                slotAndSerial[2], clusterRegistry);
        processes.add(process);
        return process;
    }

    /** Under the lock: whether a live process has that serial. */
    private boolean isLiveProcess(int serial) {
        for (int proc = 0; proc < registry.processSlots(); proc++) {
            if (registry.getInt(Proc.at(proc, Proc.STATE)) == Proc.LIVE && registry.getInt(Proc.at(proc, Proc.SERIAL)) == serial) {
                return true;
            }
        }
        return false;
    }

    /**
     * Called by a process that ended: removes what it left in the registry, or has the watcher do it when a
     * stuck JVM holds the registry (a process end cannot fail).
     */
    void processEnded(ProcessLibrary process) {
        processes.remove(process);
        if (!detached) {
            if (!endedLater.isEmpty()) {
                endedLater.add(process); // the registry was stuck a moment ago: do not wait again
                return;
            }
            try {
                removeEndedProcess(process);
            } catch (ClusterLockTimeoutException e) {
                endedLater.add(process);
            }
        }
    }

    private void removeEndedProcess(ProcessLibrary process) {
        mutateAndRevoke(() -> {
            endProcess(process.slot, process.serial);
            return null;
        });
    }

    /**
     * Under the lock: destroys the exports of a process, drops its imports and frees its record. Its imports
     * are cut as well (a process that ended by a node kill or a JVM's death may still have mappings).
     */
    private void endProcess(int procSlot, int procSerial) {
        if (registry.getInt(Proc.at(procSlot, Proc.STATE)) != Proc.LIVE
                || registry.getInt(Proc.at(procSlot, Proc.SERIAL)) != procSerial) {
            return;
        }
        registry.putIntRelease(Proc.at(procSlot, Proc.STATE), Proc.FREE);
        for (int seg = 0; seg < registry.segmentSlots(); seg++) {
            if (registry.getInt(Seg.at(seg, Seg.STATE)) != Seg.FREE && registry.getInt(Seg.at(seg, Seg.OWNER)) == procSerial) {
                destroySegment(seg);
            }
        }
        for (int conn = 0; conn < registry.connectionSlots(); conn++) {
            if (registry.getInt(Conn.at(conn, Conn.STATE)) != Conn.FREE
                    && registry.getInt(Conn.at(conn, Conn.PROCESS)) == procSerial) {
                registry.getAndAdd(Conn.at(conn, Conn.GENERATION), 1);
                registry.putIntRelease(Conn.at(conn, Conn.STATE), Conn.FREE);
                requestRevocation(procSerial);
            }
        }
        LocalMemory.deleteFiles(memoryDirectory, procSerial);
    }

    // ---------------------------------------------------------------- segments and connections

    /** Under the lock: every connection to the segment is forcibly disconnected (RSMAPI §5.3). */
    void forceDisconnect(int segSlot) {
        int segSerial = registry.getInt(Seg.at(segSlot, Seg.SERIAL));
        for (int conn = 0; conn < registry.connectionSlots(); conn++) {
            if (registry.getInt(Conn.at(conn, Conn.STATE)) == Conn.CONNECTED
                    && registry.getInt(Conn.at(conn, Conn.SEGMENT_SLOT)) == segSlot
                    && registry.getInt(Conn.at(conn, Conn.SEGMENT_SERIAL)) == segSerial) {
                abortConnection(conn);
            }
        }
    }

    /** Under the lock: the connection is cut (its generation changes) and its importer's mappings go to trash. */
    private void abortConnection(int conn) {
        registry.getAndAdd(Conn.at(conn, Conn.GENERATION), 1);
        registry.putIntRelease(Conn.at(conn, Conn.STATE), Conn.ABORTED);
        requestRevocation(registry.getInt(Conn.at(conn, Conn.PROCESS)));
    }

    /**
     * Under the lock: the segment's memory is now {@code file} (a file index of its owner) from {@code fileOffset};
     * its importers' mappings are moved there. Nothing is copied: the old memory keeps what was written to it.
     */
    void rebindSegment(int segSlot, int file, long fileOffset) {
        // one store: importers read it without the lock, and never see it half written
        SegmentRecords.writeBacking(registry, segSlot, Seg.backing(file, fileOffset, pageSize));
        int segSerial = registry.getInt(Seg.at(segSlot, Seg.SERIAL));
        for (int conn = 0; conn < registry.connectionSlots(); conn++) {
            if (registry.getInt(Conn.at(conn, Conn.STATE)) == Conn.CONNECTED
                    && registry.getInt(Conn.at(conn, Conn.SEGMENT_SLOT)) == segSlot
                    && registry.getInt(Conn.at(conn, Conn.SEGMENT_SERIAL)) == segSerial) {
                requestRevocation(registry.getInt(Conn.at(conn, Conn.PROCESS)));
            }
        }
    }

    /** Under the lock: unpublishes (forcing disconnects) and frees a segment record. */
    void destroySegment(int segSlot) {
        forceDisconnect(segSlot);
        registry.putIntRelease(Seg.at(segSlot, Seg.STATE), Seg.FREE);
    }

    // ---------------------------------------------------------------- revocation: importers cut off on their side

    /**
     * Runs {@code mutation} under the registry lock; then, once the lock is released, makes sure that the
     * connections it cut (or the segment it rebound) are followed by every importer's mappings: this JVM's
     * importers here and now, those of every other JVM by that JVM's revoker, rung through its doorbell and
     * waited for at most {@link #REVOCATION_TIMEOUT_NANOS} (then one warning line names the JVM that did not
     * answer). So when unpublish, destroy, rebind, setLink(down) or killNode returns, no store through an
     * importer's mapping reaches the exporter's memory any more (RSMAPI §5.3, "remapped to a trash page").
     */
    <T, E extends Exception> T mutateAndRevoke(Registry.Mutation<T, E> mutation) throws E {
        Revocation revocation = new Revocation();
        try {
            return registry.mutate(() -> {
                pending = revocation;
                try {
                    return mutation.run();
                } finally {
                    pending = null;
                }
            });
        } finally {
            revocation.complete();
        }
    }

    /** {@link #mutateAndRevoke} for an RSM call: a registry held by a stuck JVM is an {@link RsmException}. */
    <T> T mutateAndRevokeForCall(Registry.Mutation<T, RsmException> mutation) throws RsmException {
        try {
            return mutateAndRevoke(mutation);
        } catch (ClusterLockTimeoutException e) {
            throw Registry.callFailure(e);
        }
    }

    /**
     * Under the lock: rings the doorbell of the JVM hosting process {@code procSerial}, whose mappings must follow
     * a connection just cut or a segment just rebound. Within {@link #mutateAndRevoke} this JVM's own importers
     * are left to the caller, and other JVMs' answers are awaited; otherwise (a dead JVM reaped by the watcher)
     * nobody waits and this JVM's revoker answers too.
     */
    private void requestRevocation(int procSerial) {
        int procSlot = -1;
        for (int p = 0, end = registry.processSlots(); p < end && procSlot < 0; p++) {
            if (registry.getInt(Proc.at(p, Proc.SERIAL)) == procSerial) {
                procSlot = p;
            }
        }
        if (procSlot < 0) {
            return;
        }
        int serial = registry.getInt(Proc.at(procSlot, Proc.JVM_SERIAL));
        if (serial == jvmSerial && pending != null) {
            pending.here = true;
            return;
        }
        for (int slot = 0, end = registry.jvmSlots(); slot < end; slot++) {
            if (registry.getInt(Jvm.at(slot, Jvm.STATE)) == Jvm.LIVE && registry.getInt(Jvm.at(slot, Jvm.SERIAL)) == serial) {
                long requests = Jvm.at(slot, Jvm.REVOKE_REQUESTS);
                int ticket = registry.getAndAdd(requests, 1) + 1;
                Native.futexWakeAll(registry.word(requests));
                if (pending != null) {
                    pending.expect(slot, serial, ticket, registry.getInt(Proc.at(procSlot, Proc.NODE)));
                }
                return;
            }
        }
    }

    /** What one {@link #mutateAndRevoke} has to see done once the registry lock is released. */
    private final class Revocation {
        /** This JVM's importers are concerned. */
        boolean here;
        /** Per JVM slot of another JVM: the request count its revoker must reach, and its importers' nodes. */
        private final Map<Integer, Ticket> others = new HashMap<>();

        /** Under the lock: the JVM in {@code slot} must answer request {@code ticket} (later tickets include earlier ones). */
        void expect(int slot, int serial, int ticket, int node) {
            Ticket previous = others.get(slot);
            Set<Integer> nodes = previous == null ? new TreeSet<>() : previous.nodes();
            nodes.add(node);
            others.put(slot, new Ticket(slot, serial, ticket, registry.getLong(Jvm.at(slot, Jvm.PID)), nodes));
        }

        /** This JVM's revoker must answer a request of its own, made now (without the lock: the doorbell is atomic). */
        private void ringOwnRevoker() {
            long requests = Jvm.at(jvmSlot, Jvm.REVOKE_REQUESTS);
            int ticket = registry.getAndAdd(requests, 1) + 1;
            Native.futexWakeAll(registry.word(requests));
            Set<Integer> nodes = processes.stream().map(process -> process.nodeId)
                    .collect(Collectors.toCollection(TreeSet::new));
            others.put(jvmSlot, new Ticket(jvmSlot, jvmSerial, ticket, ProcessHandle.current().pid(), nodes));
        }

        /**
         * After the lock: revokes here, then waits for the other JVMs, at most the timeout in all. A mapping here that
         * is in use is left to this JVM's revoker, which tries again until it can, and is waited for as another JVM is.
         */
        void complete() {
            if (here && !revokeMappings()) {
                ringOwnRevoker();
            }
            long deadline = System.nanoTime() + REVOCATION_TIMEOUT_NANOS;
            for (Ticket ticket : others.values()) {
                if (!answered(ticket, deadline)) {
                    System.err.println("RSM emulator: cluster " + spec.name() + ": the JVM with pid " + ticket.pid()
                            + " (processes of node " + ticket.nodes().stream().map(String::valueOf)
                                    .collect(Collectors.joining(", "))
                            + ") did not remap its import mappings within "
                            + TimeUnit.NANOSECONDS.toSeconds(REVOCATION_TIMEOUT_NANOS)
                            + " s (stopped by a debugger or SIGSTOP, or a mapping in use by I/O?): until it does, its"
                            + " stores through them"
                            + " may still reach the memory of the segments just cut off or rebound");
                }
            }
        }
    }

    /** A request to the JVM in {@code slot} (serial {@code serial}, pid {@code pid}) that it has to reach. */
    private record Ticket(int slot, int serial, int ticket, long pid, Set<Integer> nodes) {
    }

    /** Whether that JVM answered the ticket (or ended) before the deadline; sleeps on its REVOKE_DONE word. */
    private boolean answered(Ticket ticket, long deadline) {
        long doneWord = Jvm.at(ticket.slot(), Jvm.REVOKE_DONE);
        for (;;) {
            int done = registry.getIntAcquire(doneWord);
            if (done - ticket.ticket() >= 0 || registry.getIntAcquire(Jvm.at(ticket.slot(), Jvm.STATE)) != Jvm.LIVE
                    || registry.getInt(Jvm.at(ticket.slot(), Jvm.SERIAL)) != ticket.serial()) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            Native.futexWait(registry.word(doneWord), done, Math.min(remaining, SLEEP_SLICE_NANOS));
            if (registry.getIntAcquire(doneWord) == done && isDead(ticket.serial())) {
                return true;
            }
        }
    }

    /**
     * The revoker thread: answers this JVM's doorbell. For each ring it brings the mappings of every import of
     * this JVM in line with the registry, then publishes the request count it answered. It takes no lock but
     * each import's own mapping lock, and reads where a segment's memory is from one word that rebind writes with
     * one store: so it answers while the registry lock is held, and nothing another JVM left half done when it
     * died or was stopped holds it back.
     */
    private void answerRevocations() {
        long requestsWord = Jvm.at(jvmSlot, Jvm.REVOKE_REQUESTS);
        long doneWord = Jvm.at(jvmSlot, Jvm.REVOKE_DONE);
        while (!detached) {
            try {
                int requested = registry.getIntAcquire(requestsWord);
                if (requested == registry.getInt(doneWord)) {
                    Native.futexWait(registry.word(requestsWord), requested, REVOKER_IDLE_NANOS);
                    continue;
                }
                if (!revokeMappings()) {
                    // a mapping in use still reaches the memory it was cut from: not done, try again soon
                    LockSupport.parkNanos(REVOKE_RETRY_NANOS);
                    continue;
                }
                registry.putIntRelease(doneWord, requested);
                Native.futexWakeAll(registry.word(doneWord));
            } catch (RuntimeException e) {
                if (!detached) {
                    System.err.println("RSM emulator: revoker of cluster " + spec.name() + ": " + e);
                    LockSupport.parkNanos(SLEEP_SLICE_NANOS);
                }
            }
        }
    }

    /**
     * Makes every mapping of every import of this JVM follow the registry: trash when cut, new memory when rebound.
     *
     * @return false when a mapping could not follow yet (in use: see {@link ImportHandle#followSegment})
     */
    private boolean revokeMappings() {
        boolean followed = true;
        for (ProcessLibrary process : processes) {
            for (ImportHandle handle : process.imports) {
                try {
                    followed &= handle.followSegment();
                } catch (RuntimeException e) {
                    // one import that cannot follow must not keep the others on the exporter's memory
                    System.err.println("RSM emulator: cannot remap the mappings of " + handle + " of " + process + ": " + e);
                }
            }
        }
        return followed;
    }

    // ---------------------------------------------------------------- topology and faults

    /** Index of the link joining those two controllers in the spec, or -1. */
    public int linkIndex(int nodeA, String controllerA, int nodeB, String controllerB) {
        return ConnectChecks.linkIndex(spec, nodeA, controllerA, nodeB, controllerB);
    }

    boolean isLinkUp(int link) {
        return registry.getIntAcquire(Registry.linkAt(link)) != 0;
    }

    boolean isNodeUp(int node) {
        return node >= 0 && node < Registry.MAX_NODES && registry.getIntAcquire(Node.at(node, Node.STATE)) == Node.UP;
    }

    /** The controller name of a controller index of a node (0 is loopback). */
    String controllerName(int node, int index) {
        return index == 0 ? ProcessLibrary.LOOPBACK : spec.node(node).controllers().get(index - 1).name();
    }

    public void killNode(int node) {
        mutateAndRevoke(() -> {
            if (registry.getInt(Node.at(node, Node.STATE)) != Node.UP) {
                return null;
            }
            registry.getAndAdd(Node.at(node, Node.EPOCH), 1);
            registry.putIntRelease(Node.at(node, Node.STATE), Node.DOWN);
            for (int proc = 0; proc < registry.processSlots(); proc++) {
                if (registry.getInt(Proc.at(proc, Proc.STATE)) == Proc.LIVE && registry.getInt(Proc.at(proc, Proc.NODE)) == node) {
                    endProcess(proc, registry.getInt(Proc.at(proc, Proc.SERIAL)));
                }
            }
            return null;
        });
        closeProcessesOfDeadNodes();
    }

    /** Brings a node that is down up again, unless the cluster was stopped (its nodes stay down while their JVMs end). */
    public void restartNode(int node) {
        registry.mutate(() -> {
            if (registry.getInt(Node.at(node, Node.STATE)) == Node.DOWN && registry.getInt(Registry.H_STOPPED) == 0) {
                registry.getAndAdd(Node.at(node, Node.EPOCH), 1);
                registry.putIntRelease(Node.at(node, Node.STATE), Node.UP);
            }
            return null;
        });
    }

    @Override
    public void setNode(int node, boolean up) {
        if (up) {
            restartNode(node);
        } else {
            killNode(node);
        }
    }

    @Override
    public void setLink(int link, boolean up) {
        mutateAndRevoke(() -> {
            registry.putIntRelease(Registry.linkAt(link), up ? 1 : 0);
            if (!up) {
                // the path manager disconnects the importers whose path went down (RSMAPI §5.4)
                for (int conn = 0; conn < registry.connectionSlots(); conn++) {
                    if (registry.getInt(Conn.at(conn, Conn.STATE)) == Conn.CONNECTED
                            && registry.getInt(Conn.at(conn, Conn.LINK)) == link) {
                        abortConnection(conn);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void failNextTransfers(int importerNode, int exporterNode, int count) {
        registry.mutate(() -> {
            registry.putIntRelease(Registry.failAt(importerNode, exporterNode), Math.max(0, count));
            return null;
        });
    }

    /** Takes one injected failure for a transfer from importerNode to exporterNode, if any is pending. */
    boolean takeInjectedFailure(long failOffset) {
        for (;;) {
            int pending = registry.getIntAcquire(failOffset);
            if (pending <= 0) {
                return false;
            }
            if (registry.compareAndSet(failOffset, pending, pending - 1)) {
                return true;
            }
        }
    }

    /**
     * Marks the cluster stopped: node JVMs exit, this JVM's processes end. A stuck JVM that holds the registry
     * does not keep the cluster running: the stop mark is then set without the lock (node JVMs only read it).
     */
    public void stop() {
        try {
            registry.mutate(() -> {
                registry.putIntRelease(Registry.H_STOPPED, 1);
                for (NodeSpec node : spec.nodes()) {
                    registry.getAndAdd(Node.at(node.id(), Node.EPOCH), 1);
                    registry.putIntRelease(Node.at(node.id(), Node.STATE), Node.DOWN);
                }
                return null;
            });
        } catch (ClusterLockTimeoutException e) {
            registry.putIntRelease(Registry.H_STOPPED, 1);
            registry.changedWithoutLock();
        }
    }

    // ---------------------------------------------------------------- events (signals)

    /**
     * Posts one event to the counter at {@code events} through its shared word ({@link Registry.Events}: a poster that
     * does not hold the counter's lane); wakes the sleeping waiters of {@code node}, if any.
     */
    void postEvent(long events, int node) {
        registry.getAndAdd(events + Registry.Events.SHARED, 1);
        wakeWaiters(node);
    }

    /**
     * Posts one event to the counter at {@code events} through its lane, which only this JVM writes: one thread at a
     * time, so that the stores only ever raise it; a thread that finds another storing adds to the shared word instead.
     * Wakes the sleeping waiters of {@code node}, if any.
     */
    void postOnLane(long events, Lane lane, int node) {
        if (lane.tryEnter()) {
            try {
                // volatile: the wake-up check must not read the sleepers' count before the store is seen (a waiter
                // counts itself, then looks at the counter)
                registry.putIntVolatile(events + Registry.Events.LANE, lane.nextCount());
            } finally {
                lane.exit();
            }
            wakeWaiters(node);
        } else {
            postEvent(events, node);
        }
    }

    /**
     * The lane of the counter at {@code events} for this JVM's posts, which it takes if no JVM holds it or the JVM that
     * held it has died (a dead JVM stores nothing); null when another JVM holds it: this JVM's posts to that counter add
     * to its shared word ({@link Registry.Events}).
     */
    Lane lane(long events) {
        int holder = registry.laneHolder(events);
        if (holder != jvmSerial && (holder == 0 || isDead(holder))) {
            registry.passLane(events, holder, jvmSerial); // one JVM takes it: this one, or one that came first
            holder = registry.laneHolder(events);
        }
        if (holder != jvmSerial) {
            return null;
        }
        return lanes.computeIfAbsent(events, counter -> new Lane(registry.laneEvents(counter)));
    }

    /**
     * After a post: bumps the word the sleeping waiters of {@code node} sleep on, if there are any. A waiter announces
     * itself before its last look at the counter, so either it sees the event or the poster sees it.
     */
    private void wakeWaiters(int node) {
        if (registry.getIntVolatile(Node.at(node, Node.EVENT_WAITERS)) > 0) {
            registry.getAndAdd(Node.at(node, Node.EVENT_SEQ), 1);
            Native.futexWakeAll(registry.word(Node.at(node, Node.EVENT_SEQ)));
        }
    }

    /**
     * Consumes one pending event of the counter at {@code events}, if there is one: {@code consumed} counts the
     * events taken from it, in the consuming handle, so that only the posted count is shared.
     */
    boolean consumeEvent(long events, AtomicInteger consumed) {
        for (;;) {
            int taken = consumed.get();
            if (registry.postedEvents(events) - taken <= 0) {
                return false;
            }
            if (consumed.compareAndSet(taken, taken + 1)) {
                return true;
            }
        }
    }

    /**
     * Waits until {@code tryConsume} succeeds: spins briefly, then sleeps on the node's event word so
     * an idle waiter costs nothing. {@code timeoutMillis} -1 waits forever, 0 does not wait.
     *
     * @param process the process that waits: its library closed (with the cluster, or by another thread) ends the wait
     * @param sleeping publishes the wait in the process's wait record, when the spin did not end it
     * @return whether an event was consumed before the timeout
     * @throws RsmException INTERRUPTED when the thread is interrupted (its flag stays set); BAD_CTLR_HNDL when the
     *         library of the process was closed meanwhile
     */
    boolean awaitEvent(ProcessLibrary process, int timeoutMillis, BooleanSupplier tryConsume, Runnable sleeping)
            throws RsmException {
        if (tryConsume.getAsBoolean()) {
            return true;
        }
        if (timeoutMillis == 0) {
            return false;
        }
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ClusterRegistry distributed = process.clusterRegistry;
        if (distributed != null ? distributed.spinReceiving(tryConsume) : spin(tryConsume)) {
            return true;
        }
        // only a wait that outlasts its spin is published in the process's wait record (deadlock detection, the
        // views): a wait that an event ends within the spin, the signal path's latency, stores nothing. The record is
        // written and the event word slept on only while counted, before a look at detached, which detach sets before
        // it counts: one of the two sees the other, and the registry stays mapped until the wait has left it. Nothing
        // that may block (a closed library's wait for the JVM's halt) runs while counted: detach would wait for it
        SleepEnd end;
        eventSleepers.incrementAndGet();
        try {
            if (!detached) {
                process.checkAlive(); // a node JVM whose node died ends here, closed library or not
            }
            if (detached || process.isClosed()) {
                end = SleepEnd.CLOSED;
            } else {
                sleeping.run();
                try {
                    end = sleepUntilEvent(process, deadline, tryConsume);
                } finally {
                    process.waits.exit();
                }
            }
        } finally {
            eventSleepers.decrementAndGet();
            if (distributed != null) {
                distributed.sleepEnded();
            }
        }
        return switch (end) {
            case CONSUMED -> true;
            case TIMED_OUT -> false;
            case CLOSED -> throw process.closedError();
            case INTERRUPTED -> {
                JvmExit.awaitHalt(registry); // a shutdown hook's interrupt, maybe before the exit hook closed the process
                throw error(RsmError.INTERRUPTED, "the thread waiting for a signal on node %d was interrupted", process.nodeId);
            }
        };
    }

    /** How {@link #sleepUntilEvent} ended. */
    private enum SleepEnd {
        CONSUMED, TIMED_OUT, CLOSED, INTERRUPTED
    }

    /** The spin of {@link #awaitEvent} in a cluster of files only: whether {@code tryConsume} succeeded within it. */
    private static boolean spin(BooleanSupplier tryConsume) {
        long spinEnd = System.nanoTime() + SPIN_NANOS;
        for (int i = 1;; i++) {
            Thread.onSpinWait();
            if (tryConsume.getAsBoolean()) {
                return true;
            }
            // reading the clock costs as much as a look at the counter: only now and then
            if ((i & 63) == 0 && System.nanoTime() >= spinEnd) {
                return false;
            }
        }
    }

    /**
     * The sleeping half of {@link #awaitEvent}, counted in {@link #eventSleepers}: until an event is consumed, the
     * deadline has passed, the process's library is closed (or the registry going away) or the thread is interrupted.
     */
    private SleepEnd sleepUntilEvent(ProcessLibrary process, long deadline, BooleanSupplier tryConsume) {
        int node = process.nodeId;
        long seqOffset = Node.at(node, Node.EVENT_SEQ);
        long waitersOffset = Node.at(node, Node.EVENT_WAITERS);
        for (;;) {
            process.checkAlive();
            if (process.isClosed() || detached) { // detach closes the processes first
                return SleepEnd.CLOSED;
            }
            if (Thread.currentThread().isInterrupted()) {
                return SleepEnd.INTERRUPTED;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return tryConsume.getAsBoolean() ? SleepEnd.CONSUMED : SleepEnd.TIMED_OUT;
            }
            registry.getAndAdd(waitersOffset, 1);
            try {
                int seq = registry.getIntVolatile(seqOffset);
                if (tryConsume.getAsBoolean()) {
                    return SleepEnd.CONSUMED;
                }
                Native.futexWait(registry.word(seqOffset), seq, Math.min(remaining, SLEEP_SLICE_NANOS));
            } finally {
                registry.getAndAdd(waitersOffset, -1);
            }
            if (tryConsume.getAsBoolean()) {
                return SleepEnd.CONSUMED;
            }
        }
    }

    /**
     * At detach, after this JVM's processes were closed: wakes the threads of this JVM asleep in a signal wait, which
     * then see their library closed, and waits until they have left the event words (the registry cannot be unmapped
     * under a thread inside a futex call). Other JVMs' sleepers wake too, see no event and sleep again.
     */
    private void wakeEventSleepers() {
        long deadline = System.nanoTime() + 2 * SLEEP_SLICE_NANOS;
        while (eventSleepers.get() > 0 && System.nanoTime() < deadline) {
            for (NodeSpec node : spec.nodes()) {
                registry.getAndAdd(Node.at(node.id(), Node.EVENT_SEQ), 1);
                Native.futexWakeAll(registry.word(Node.at(node.id(), Node.EVENT_SEQ)));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    // ---------------------------------------------------------------- watching other JVMs

    /**
     * The watcher's loop. It must outlive anything a damaged registry makes a tick throw (an Error included): a
     * dead watcher would leave dead JVMs' records for ever and node JVMs running after their node died.
     */
    private void watch() {
        String lastProblem = null;
        for (long tick = 1; !detached; tick++) {
            try {
                Thread.sleep(WATCH_PERIOD_MILLIS);
                haltIfNodeDied();
                if (haltWhenNodeDies && !processes.isEmpty() && tick % OWNER_CHECK_TICKS == 0 && !isOwnerAlive(directory)) {
                    // the owner died without stopping the cluster: a node JVM goes with it
                    Runtime.getRuntime().halt(KILLED_EXIT_STATUS);
                }
                if (tick % PROBE_SWEEP_TICKS == 0) {
                    dropProbesOfJvmsThatLeft();
                }
                if (anotherJvmDied()) {
                    registry.mutate(() -> {
                        reapDeadJvms();
                        return null;
                    });
                }
                for (ProcessLibrary process : endedLater) {
                    removeEndedProcess(process);
                    endedLater.remove(process);
                }
                closeProcessesOfDeadNodes();
                long lookNanos = System.nanoTime();
                waitProbe.tick();
                if (publishWaits) {
                    publishWaits(lookNanos);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                String problem = e.toString();
                if (!detached && !problem.equals(lastProblem)) {
                    // once per distinct problem: a damaged record fails every tick the same way
                    System.err.println("RSM emulator: watcher of cluster " + spec.name() + ": " + problem);
                }
                lastProblem = problem;
            }
        }
    }

    private void closeProcessesOfDeadNodes() {
        haltIfNodeDied();
        for (ProcessLibrary process : processes) {
            if (registry.getIntAcquire(Node.at(process.nodeId, Node.EPOCH)) != process.nodeEpoch) {
                process.close();
            }
        }
    }

    private boolean anotherJvmDied() {
        for (int slot = 0; slot < registry.jvmSlots(); slot++) {
            if (registry.getIntAcquire(Jvm.at(slot, Jvm.STATE)) == Jvm.LIVE
                    && registry.getInt(Jvm.at(slot, Jvm.SERIAL)) != jvmSerial
                    && isDead(registry.getInt(Jvm.at(slot, Jvm.SERIAL)))) {
                return true;
            }
        }
        return false;
    }

    /** Under the lock: ends every process of every JVM whose liveness lock is free. */
    private void reapDeadJvms() {
        for (int slot = 0; slot < registry.jvmSlots(); slot++) {
            int serial = registry.getInt(Jvm.at(slot, Jvm.SERIAL));
            if (registry.getInt(Jvm.at(slot, Jvm.STATE)) != Jvm.LIVE || serial == jvmSerial || !isDead(serial)) {
                continue;
            }
            for (int proc = 0; proc < registry.processSlots(); proc++) {
                if (registry.getInt(Proc.at(proc, Proc.STATE)) == Proc.LIVE
                        && registry.getInt(Proc.at(proc, Proc.JVM_SERIAL)) == serial) {
                    endProcess(proc, registry.getInt(Proc.at(proc, Proc.SERIAL)));
                }
            }
            registry.putIntRelease(Jvm.at(slot, Jvm.STATE), Jvm.FREE);
            try {
                Files.deleteIfExists(directory.resolve(JVM_DIRECTORY).resolve(serial + ".lock"));
            } catch (IOException e) {
                // a stale lock file is harmless: its serial is never reused
            }
        }
    }

    /**
     * Whether the JVM with that serial is gone: the kernel released its liveness lock when it died. Asked through a probe
     * kept open while the JVM lives, dropped once it is found gone (for good: a serial is never used again) and by a
     * detached runtime after each look.
     */
    private boolean isDead(int serial) {
        try {
            LockFile.Probe probe = livenessProbes.get(serial);
            if (probe == null) {
                probe = LockFile.probe(directory.resolve(JVM_DIRECTORY).resolve(serial + ".lock"));
                LockFile.Probe earlier = livenessProbes.putIfAbsent(serial, probe);
                if (earlier != null) {
                    probe.close();
                    probe = earlier;
                }
            }
            boolean held = probe.isHeld();
            // detach closes the probes after it set detached: one made since is closed here
            if ((!held || detached) && livenessProbes.remove(serial, probe)) {
                probe.close();
            }
            return !held;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false; // a probe closed meanwhile, too: the next look asks again
        }
    }

    /** Closes every probe that it removes (one that a look puts meanwhile that look closes: see {@link #isDead}). */
    private void closeLivenessProbes() {
        livenessProbes.forEach((serial, probe) -> {
            if (livenessProbes.remove(serial, probe)) {
                probe.close();
            }
        });
    }

    /** Drops the probes of JVMs that left the cluster without being found dead (detached). */
    private void dropProbesOfJvmsThatLeft() {
        Set<Integer> live = new HashSet<>();
        for (int slot = 0; slot < registry.jvmSlots(); slot++) {
            if (registry.getIntAcquire(Jvm.at(slot, Jvm.STATE)) == Jvm.LIVE) {
                live.add(registry.getInt(Jvm.at(slot, Jvm.SERIAL)));
            }
        }
        for (int serial : livenessProbes.keySet()) {
            if (!live.contains(serial)) {
                isDead(serial); // drops it once its lock is free (a JVM that registers holds it before it shows as live)
            }
        }
    }

    /** Whether the owner of the cluster in {@code directory} is alive (holds the owner lock); safe in the owner's JVM. */
    static boolean isOwnerAlive(Path directory) {
        try {
            return LockFile.isHeld(directory.resolve(OWNER_LOCK));
        } catch (IOException e) {
            return false;
        }
    }
}
