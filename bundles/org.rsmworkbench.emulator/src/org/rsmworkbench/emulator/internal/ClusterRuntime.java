package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
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
 * this one is alive, the emulated processes it hosts, and a watcher thread that reaps the state of dead
 * JVMs and ends processes whose node was killed. One instance per cluster directory per JVM.
 */
public final class ClusterRuntime {
    static final String REGISTRY = "registry";
    static final String REGISTRY_LOCK = "registry.lock";
    static final String OWNER_LOCK = "cluster.lock";
    static final String JVM_DIRECTORY = "jvms";
    /** Exit status of a node JVM whose node was killed, as if by SIGKILL. */
    public static final int KILLED_EXIT_STATUS = 137;
    private static final long WATCH_PERIOD_MILLIS = 100;
    private static final int OWNER_CHECK_TICKS = 10;
    /** How long a waiter spins before it sleeps: a ping-pong partner answers well within it, an idle waiter costs little. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long SLEEP_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final Map<Path, ClusterRuntime> ATTACHED = new HashMap<>();

    final Path directory;
    final Path memoryDirectory;
    final ClusterSpec spec;
    final Registry registry;
    final long pageSize;
    private final int jvmSerial;
    private final FileChannel jvmLockChannel;
    private final List<ProcessLibrary> processes = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private volatile boolean haltWhenNodeDies;
    private volatile boolean detached;
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
        Files.createDirectories(jvmDirectory);
        int serial = registry.mutate(() -> registry.next(Registry.H_NEXT_JVM));
        jvmSerial = serial;
        jvmLockChannel = FileChannel.open(jvmDirectory.resolve(serial + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            // a serial from a damaged registry may be a live JVM's: its lock is held, waiting for it would never end
            if (tryLock(jvmLockChannel) == null) {
                throw new IOException("JVM serial " + serial + " of cluster " + spec.name()
                        + " is in use: its registry is damaged");
            }
            int slot = registry.mutate(() -> {
                int free = registry.freeSlot(Registry.MAX_JVMS, s -> Jvm.at(s, Jvm.STATE), Registry.H_JVM_HIGH);
                if (free >= 0) {
                    registry.putInt(Jvm.at(free, Jvm.SERIAL), serial);
                    registry.putLong(Jvm.at(free, Jvm.PID), ProcessHandle.current().pid());
                    registry.putIntRelease(Jvm.at(free, Jvm.STATE), Jvm.LIVE);
                }
                return free;
            });
            if (slot < 0) {
                throw new IOException("too many JVMs in cluster " + spec.name() + " (at most " + Registry.MAX_JVMS + ")");
            }
        } catch (IOException | RuntimeException e) {
            jvmLockChannel.close();
            throw e;
        }
        watcher = Thread.ofPlatform().daemon().name("rsm-cluster-watch-" + spec.name()).unstarted(this::watch);
        watcher.start();
    }

    /** Attaches this JVM to the cluster in {@code directory}, creating its registry when {@code create}. */
    static synchronized ClusterRuntime attach(Path directory, ClusterSpec spec, Path memoryDirectory, boolean create)
            throws IOException {
        Path key = directory.toAbsolutePath().normalize();
        ClusterRuntime runtime = ATTACHED.get(key);
        if (runtime == null) {
            Registry registry;
            if (create) {
                registry = Registry.create(key.resolve(REGISTRY), key.resolve(REGISTRY_LOCK));
                initialize(registry, spec);
            } else {
                registry = Registry.open(key.resolve(REGISTRY), key.resolve(REGISTRY_LOCK));
            }
            try {
                runtime = new ClusterRuntime(key, spec, memoryDirectory, registry);
            } catch (IOException | RuntimeException e) {
                // a registry without room for this JVM (or damaged): nothing of it stays mapped
                registry.close();
                throw e;
            }
            ATTACHED.put(key, runtime);
        }
        runtime.attachments++;
        return runtime;
    }

    private static void initialize(Registry registry, ClusterSpec spec) {
        registry.mutate(() -> {
            for (NodeSpec node : spec.nodes()) {
                registry.putInt(Node.at(node.id(), Node.NEXT_AUTO_ID), 0x80000000);
                registry.putIntRelease(Node.at(node.id(), Node.STATE), Node.UP);
            }
            for (int i = 0; i < spec.links().size(); i++) {
                registry.putInt(Registry.linkAt(i), 1);
            }
            return null;
        });
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
        watcher.interrupt();
        try {
            watcher.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.mutate(() -> {
            for (int slot = 0; slot < registry.jvmSlots(); slot++) {
                if (registry.getInt(Jvm.at(slot, Jvm.STATE)) == Jvm.LIVE
                        && registry.getInt(Jvm.at(slot, Jvm.SERIAL)) == jvmSerial) {
                    registry.putIntRelease(Jvm.at(slot, Jvm.STATE), Jvm.FREE);
                }
            }
            return null;
        });
        try {
            jvmLockChannel.close();
            Files.deleteIfExists(directory.resolve(JVM_DIRECTORY).resolve(jvmSerial + ".lock"));
        } catch (IOException e) {
            // the directory may already be gone with a stopped cluster
        }
        registry.close();
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

    private void haltIfNodeDied() {
        for (ProcessLibrary process : processes) {
            haltIfNodeDied(process);
        }
    }

    /** In a node JVM: ends the JVM (137) if the cluster stopped or the node of {@code process} was killed. */
    void haltIfNodeDied(ProcessLibrary process) {
        if (haltWhenNodeDies && (registry.getIntAcquire(Registry.H_STOPPED) != 0
                || registry.getIntAcquire(Node.at(process.nodeId, Node.EPOCH)) != process.nodeEpoch)) {
            Runtime.getRuntime().halt(KILLED_EXIT_STATUS);
        }
    }

    // ---------------------------------------------------------------- processes

    public org.rsmworkbench.rsmapi.RsmLibrary newProcess(int nodeId, Credentials credentials) throws RsmException {
        if (spec.node(nodeId) == null) {
            throw error(RsmError.CTLR_NOT_PRESENT, "cluster %s has no node %d (its nodes: %s)", spec.name(), nodeId,
                    spec.nodes().stream().map(NodeSpec::id).toList());
        }
        if (credentials == null) {
            throw error(RsmError.BAD_ADDR, "no credentials given for the new process on node %d", nodeId);
        }
        int[] slotAndSerial = registry.mutate(() -> {
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
                slotAndSerial[2]);
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

    /** Called by a process that ended: removes what it left in the registry. */
    void processEnded(ProcessLibrary process) {
        processes.remove(process);
        if (!detached) {
            registry.mutate(() -> {
                endProcess(process.slot, process.serial);
                return null;
            });
        }
    }

    /** Under the lock: destroys the exports of a process, drops its imports and frees its record. */
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
                registry.putIntRelease(Conn.at(conn, Conn.STATE), Conn.FREE);
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

    private void abortConnection(int conn) {
        registry.getAndAdd(Conn.at(conn, Conn.GENERATION), 1);
        registry.putIntRelease(Conn.at(conn, Conn.STATE), Conn.ABORTED);
    }

    /** Under the lock: unpublishes (forcing disconnects) and frees a segment record. */
    void destroySegment(int segSlot) {
        forceDisconnect(segSlot);
        registry.putIntRelease(Seg.at(segSlot, Seg.STATE), Seg.FREE);
    }

    // ---------------------------------------------------------------- topology and faults

    /** Index of the link joining those two controllers in the spec, or -1. */
    public int linkIndex(int nodeA, String controllerA, int nodeB, String controllerB) {
        List<LinkSpec> links = spec.links();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).joins(nodeA, controllerA, nodeB, controllerB)) {
                return i;
            }
        }
        return -1;
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
        registry.mutate(() -> {
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

    public void restartNode(int node) {
        registry.mutate(() -> {
            if (registry.getInt(Node.at(node, Node.STATE)) == Node.DOWN) {
                registry.getAndAdd(Node.at(node, Node.EPOCH), 1);
                registry.putIntRelease(Node.at(node, Node.STATE), Node.UP);
            }
            return null;
        });
    }

    public void setLink(int link, boolean up) {
        registry.mutate(() -> {
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

    /** Marks the cluster stopped: node JVMs exit, this JVM's processes end. */
    void stop() {
        registry.mutate(() -> {
            registry.putIntRelease(Registry.H_STOPPED, 1);
            for (NodeSpec node : spec.nodes()) {
                registry.getAndAdd(Node.at(node.id(), Node.EPOCH), 1);
                registry.putIntRelease(Node.at(node.id(), Node.STATE), Node.DOWN);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- events (signals)

    /**
     * Posts one event to the counter pair at {@code events}; wakes the sleeping waiters of {@code node},
     * if any. A waiter announces itself before its last look at the counter, so either it sees this
     * event or this post sees it and bumps the word it sleeps on.
     */
    void postEvent(long events, int node) {
        registry.getAndAdd(events + Registry.Events.POSTED, 1);
        if (registry.getIntVolatile(Node.at(node, Node.EVENT_WAITERS)) > 0) {
            registry.getAndAdd(Node.at(node, Node.EVENT_SEQ), 1);
            Native.futexWakeAll(registry.word(Node.at(node, Node.EVENT_SEQ)));
        }
    }

    /** Consumes one pending event of the counter pair at {@code events}, if there is one. */
    boolean consumeEvent(long events) {
        long consumedWord = events + Registry.Events.CONSUMED;
        for (;;) {
            int consumed = registry.getIntVolatile(consumedWord);
            if (registry.getIntVolatile(events + Registry.Events.POSTED) - consumed <= 0) {
                return false;
            }
            if (registry.compareAndSet(consumedWord, consumed, consumed + 1)) {
                return true;
            }
        }
    }

    /**
     * Waits until {@code tryConsume} succeeds: spins briefly, then sleeps on the node's event word so
     * an idle waiter costs nothing. {@code timeoutMillis} -1 waits forever, 0 does not wait.
     *
     * @return whether an event was consumed before the timeout
     * @throws RsmException INTERRUPTED when the thread is interrupted (its flag stays set)
     */
    boolean awaitEvent(int node, int timeoutMillis, BooleanSupplier tryConsume) throws RsmException {
        if (tryConsume.getAsBoolean()) {
            return true;
        }
        if (timeoutMillis == 0) {
            return false;
        }
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long spinEnd = System.nanoTime() + SPIN_NANOS;
        for (int i = 1;; i++) {
            Thread.onSpinWait();
            if (tryConsume.getAsBoolean()) {
                return true;
            }
            // reading the clock costs as much as a look at the counter: only now and then
            if ((i & 63) == 0 && System.nanoTime() >= spinEnd) {
                break;
            }
        }
        long seqOffset = Node.at(node, Node.EVENT_SEQ);
        long waitersOffset = Node.at(node, Node.EVENT_WAITERS);
        for (;;) {
            if (Thread.currentThread().isInterrupted()) {
                throw error(RsmError.INTERRUPTED, "the thread waiting for a signal on node %d was interrupted", node);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return tryConsume.getAsBoolean();
            }
            registry.getAndAdd(waitersOffset, 1);
            try {
                int seq = registry.getIntVolatile(seqOffset);
                if (tryConsume.getAsBoolean()) {
                    return true;
                }
                Native.futexWait(registry.word(seqOffset), seq, Math.min(remaining, SLEEP_SLICE_NANOS));
            } finally {
                registry.getAndAdd(waitersOffset, -1);
            }
            if (tryConsume.getAsBoolean()) {
                return true;
            }
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
                if (anotherJvmDied()) {
                    registry.mutate(() -> {
                        reapDeadJvms();
                        return null;
                    });
                }
                closeProcessesOfDeadNodes();
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

    /** The lock of {@code channel}, or null when a JVM (this one included) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Whether the JVM with that serial is gone: the kernel released its lock when it died. */
    private boolean isDead(int serial) {
        Path lockFile = directory.resolve(JVM_DIRECTORY).resolve(serial + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the owner of the cluster in {@code directory} is alive (holds the owner lock). Never
     * call it in the owner's JVM: closing the probe would release the owner's own lock.
     */
    static boolean isOwnerAlive(Path directory) {
        Path lockFile = directory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
