// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.openucx.jucx.UcxCallback;
import org.openucx.jucx.UcxUtils;
import org.openucx.jucx.ucp.UcpConstants;
import org.openucx.jucx.ucp.UcpContext;
import org.openucx.jucx.ucp.UcpEndpoint;
import org.openucx.jucx.ucp.UcpEndpointParams;
import org.openucx.jucx.ucp.UcpMemMapParams;
import org.openucx.jucx.ucp.UcpMemory;
import org.openucx.jucx.ucp.UcpParams;
import org.openucx.jucx.ucp.UcpRemoteKey;
import org.openucx.jucx.ucp.UcpRequest;
import org.openucx.jucx.ucp.UcpWorker;
import org.openucx.jucx.ucp.UcpWorkerParams;
import org.openucx.jucx.ucs.UcsConstants;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.backend.RemoteSegment;
import org.rsmworkbench.emulator.internal.RuntimeThreads;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The UCX data path of one node process: a UCX context and one thread-safe worker, which runs the handlers of the
 * signals posted to this process (active messages: an importer's to a segment exported here, an exporter's to a
 * connection of an importer here, through its {@link Listener}) on the thread that runs it: a signal wait's spin, a
 * transfer's driver, else the progress thread; exported memory registered with UCX; one endpoint per
 * remote process, shared by the connections to its segments and the signals to its connections. Transfers are one-sided operations driven to completion by the
 * calling thread; an exporter's signals to importers are not waited for (UCX sends them at once, or later on the progress
 * thread). UCX picks the transport (shared memory and CMA on one host, TCP or RDMA between hosts).
 */
final class UcxDataPath implements AutoCloseable {
    /** The active message of an importer's signal: its header is the id of the segment signalled. */
    private static final int SIGNAL = 1;
    /** The active message of an exporter's signal to an importer: its header is the id of the importer's {@link Listener}. */
    private static final int IMPORTER_SIGNAL = 2;
    /** An int of a header, in the order the handlers read it (a ByteBuffer's). */
    private static final ValueLayout.OfInt HEADER_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final VarHandle CONNECT_MARK = ValueLayout.JAVA_LONG.varHandle();
    /** UCX's log level unless the user chose one: its fatal errors only. */
    private static final String UCX_LOG_LEVEL = "fatal";
    /**
     * How long a request may wait for the exporter, or a signal for an importer, before the path to it is declared down. UCX
     * notices a peer that closed its connections at once, but not a link that drops traffic: TCP retransmits for minutes.
     * About ZooKeeper's session timeout: a peer silent that long would be declared dead by the registry too.
     */
    static final long PATH_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** The slowest rate a transfer may move at before its path is declared down (a large transfer gets that much longer). */
    private static final long MIN_BYTES_PER_SECOND = 64L << 20;
    /** Heap memory is staged through native memory of the transferring thread up to this size, above in a fresh buffer. */
    private static final long STAGING_SIZE = 1 << 20;
    /**
     * How many signals to one process UCX may hold unsent (its path not answering) before later ones are dropped: what posts
     * leave behind for an importer behind a cut link stays bounded until the path timeout declares the path down.
     */
    private static final int MAX_UNSENT_SIGNALS = 256;
    /** How long {@link #close} lets the endpoints' closes run before it destroys the worker. */
    private static final long CLOSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How long the progress thread keeps looking for work after it did some, before it sleeps until an event: over TCP an
     * importer's put needs the exporter's progress, and its flush follows within tens of microseconds; waking from the
     * sleep for each made an 8-byte put + close about 17 us slower.
     */
    private static final long SPIN_AFTER_WORK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /**
     * How soon the progress thread looks again whether threads still drive requests (see {@link #driving}) when it
     * found some: first after this, then after twice as long each time it finds them again, up to
     * {@link #LONGEST_DRIVER_CHECK_NANOS}. A driver that stops does not wake it unless a signal wait sleeps (then the last
     * driver to stop does: {@link #handBack}): it takes the worker back when its current wait ends, so what only it
     * handles when no wait sleeps (other nodes' puts into this process's segments, signals to a program that is not
     * waiting) waits up to 100 us after a lone transfer, post or wait, up to 1.6 ms after a run of them.
     */
    private static final long FIRST_DRIVER_CHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /**
     * The longest wait of the progress thread for drivers, reached when it found them driving at 4 looks in a row: each
     * wake takes a core from the drivers and the peer's progress thread, and waking every 100 us made one 8-byte put +
     * close in ten take 66-150 us instead of 26 us between namespaces on two cores (in three runs of
     * DistributedBenchmark; with this backoff 35-37 us in two runs, and still 133-149 us in two runs where some rounds
     * were slower for raw JUCX too).
     */
    private static final long LONGEST_DRIVER_CHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(1600);
    /**
     * How long a signal wait runs the worker itself before it sleeps ({@link #spinReceiving}): four times the spin of a
     * wait in a cluster of files, for an answer that needs a put and a post between hosts. With 50 us, a doorbell round
     * trip (8 B put + post, then the exporter's answering post) between two network namespaces over TCP took 230-243 us,
     * median of each of 3 rounds (the exporter mostly asleep when the post came), with 200 us 64-79 us; a post and its
     * answer 49-161 us, with 200 us 42-47 us (DistributedBenchmark signal, 2026-12-05, 2 vCPUs).
     */
    private static final long RECEIVING_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final UcpContext context;
    private final UcpWorker worker;
    private final String host;
    private final Thread progress;
    /**
     * The connect mark of this process: one more than the sequence number of a connection made to one of its segments,
     * which the importer's connect writes here through UCX, and flushes, before it returns ({@link #connectMark()}).
     */
    private final MemorySegment connectMark = Arena.ofAuto().allocate(Long.BYTES, Long.BYTES);
    private final UcpMemory connectMarkRegistration;
    /** The remote key of {@link #connectMarkRegistration}, which every segment's address carries. */
    private final byte[] connectMarkKey;
    private final Map<Integer, Exported> exports = new ConcurrentHashMap<>();
    /** The listeners of this process's connections, by id. */
    private final Map<Integer, Listener> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger nextListener = new AtomicInteger();
    /** How many remote keys this process's connections hold unpacked (tests look for leaks). */
    private final AtomicInteger remoteKeys = new AtomicInteger();
    /** The endpoints to remote processes, by their worker address (Base64); a failed one is removed. */
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final ThreadLocal<MemorySegment> staging = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(STAGING_SIZE, 8));
    /** The header of the posting thread's next signal to an importer (UCX reads a header until it has sent the signal). */
    private final ThreadLocal<MemorySegment> importerSignalHeader = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(Integer.BYTES, 8));
    private volatile boolean closed;
    /**
     * Held shared by every call into UCX and exclusively by {@link #close} while it destroys the worker and the context:
     * a call on another thread (a watcher's disconnect on ZooKeeper's thread, a path timer, a program's thread) as the
     * process ends would use their freed memory (a CI run saw glibc abort a node JVM at its end: "corrupted double-linked
     * list"). A call made once close has begun fails as the data path closed.
     */
    private final ReentrantReadWriteLock lifetime = new ReentrantReadWriteLock();
    /**
     * How many threads drive a request to its end now ({@link #complete}) or run the worker in a signal wait's spin
     * ({@link #spinReceiving}): the progress thread leaves the worker to them meanwhile (they handle incoming signals
     * too). Woken by each event, it would take the worker's lock and the completions from them, and a core of two: an
     * 8-byte put + close took 76 us instead of 55 us between namespaces.
     */
    private final AtomicInteger driving = new AtomicInteger();
    /** Whether the progress thread waits for drivers now ({@link #handBack} ends the wait). */
    private volatile boolean waitingForDrivers;
    /**
     * How many threads sleep in a signal wait after their spin ({@link #spinReceiving} until {@link #sleepEnded}): only
     * progress delivers their events, so while some do, the driver that stops last hands the worker back.
     */
    private final AtomicInteger sleepers = new AtomicInteger();

    /** A call into UCX. */
    private interface UcxCall<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * A registered segment: its memory's registration, which binding of the segment it is ({@link ExportAddress#binding()}),
     * the registrations of the memory it had before that importers may still use ({@link #rebind}), and what a signal to it
     * runs.
     */
    private record Exported(UcpMemory registration, long binding, List<UcpMemory> retired, Runnable onSignal) {
        Exported {
            retired = List.copyOf(retired);
        }

        List<UcpMemory> registrations() {
            List<UcpMemory> all = new ArrayList<>(retired);
            all.add(registration);
            return all;
        }
    }

    /**
     * Where an exporter's signals to one connection of this process arrive: its id goes into the connection's record, the
     * exporter sends it back with each signal. Signals before {@link #onSignal} is set, or after {@link #close}, are dropped.
     */
    final class Listener implements AutoCloseable {
        private final int id = nextListener.incrementAndGet();
        private volatile Runnable onSignal;

        int id() {
            return id;
        }

        void onSignal(Runnable action) {
            onSignal = action;
        }

        private void signalled() {
            Runnable action = onSignal;
            if (action != null) {
                action.run();
            }
        }

        @Override
        public void close() {
            listeners.remove(id, this);
        }
    }

    /**
     * The endpoint to one remote process, shared by the connections to its segments and the signals to its connections.
     * Once it failed (UCX reported an error, or a request waited longer than the path allows), it stays failed: its
     * connections' transfers fail at once, and the next connect or signal to that process makes a new endpoint. Requests
     * start, and the endpoint is closed, under this peer's lock: a request never starts on an endpoint closed by another
     * thread (UCX would use its freed memory).
     */
    private final class Peer {
        private final String key;
        /** The signals to this process that UCX took but has not sent yet. */
        private final AtomicInteger unsentSignals = new AtomicInteger();
        private final AtomicReference<String> failure = new AtomicReference<>();
        private volatile UcpEndpoint endpoint;
        /** The puts on the endpoint that a signal must flush first. */
        private final UnflushedPuts unflushedPuts = new UnflushedPuts();

        Peer(String key) {
            this.key = key;
        }

        /** Why the path to this peer is down, or null while it is up. */
        String failure() {
            return failure.get();
        }

        UcpEndpoint endpoint() {
            return Objects.requireNonNull(endpoint);
        }

        /**
         * Starts {@code what} on the endpoint while the path is up.
         *
         * @throws IOException when the path is down
         */
        synchronized UcpRequest start(Supplier<UcpRequest> request, String what) throws IOException {
            String down = failure();
            if (down != null) {
                throw new IOException(what + ": the path is down (" + down + ")");
            }
            return whileOpen(what, request::get);
        }

        /** Declares the path down: forgotten by the data path, its endpoint closed (its pending requests end). */
        void fail(String why) {
            if (failed(why)) {
                closeEndpoint();
            }
        }

        /**
         * {@link #fail} from UCX's error handler, which runs under the worker's lock that a request being started waits
         * for, holding this peer's: the endpoint is closed on another thread.
         */
        void failInUcx(String why) {
            // not even the map's removal here: a thread making an endpoint holds the map's lock while it waits for the
            // worker's lock, which this handler holds
            if (failure.compareAndSet(null, why)) {
                CompletableFuture.runAsync(() -> {
                    peers.remove(key, this);
                    closeEndpoint();
                });
            }
        }

        /** Whether this call declared the path down (it was up). */
        private boolean failed(String why) {
            if (!failure.compareAndSet(null, why)) {
                return false;
            }
            peers.remove(key, this);
            return true;
        }

        /**
         * Unpacks a remote key on the endpoint while the path is up, under this peer's lock as a request starts.
         *
         * @throws IOException when the path is down
         */
        synchronized UcpRemoteKey unpack(byte[] remoteKey) throws IOException {
            String down = failure();
            if (down != null) {
                throw new IOException("the path is down (" + down + ")");
            }
            UcpRemoteKey unpacked = whileOpen("unpacking a remote key", () -> endpoint().unpackRemoteKey(direct(remoteKey)));
            remoteKeys.incrementAndGet();
            return unpacked;
        }

        private synchronized void closeEndpoint() {
            UcpEndpoint failed = endpoint;
            if (failed == null) {
                return;
            }
            try {
                whileOpen("closing an endpoint", failed::closeNonBlockingForce);
            } catch (IOException | RuntimeException e) {
                // the data path closes every endpoint, or UCX closed it already, with its error
            }
        }
    }

    /**
     * A signal to an importer that UCX took: it holds the signal's header until UCX has sent the signal or given it up (its
     * endpoint closed), which JUCX reports once, on the thread that progressed it. Reports only count: a failed endpoint
     * is reported by its error handler.
     */
    private static final class ImporterSignal extends UcxCallback {
        private final Peer peer;
        private final MemorySegment header;
        private volatile boolean ended;

        ImporterSignal(Peer peer, MemorySegment header) {
            this.peer = peer;
            this.header = header;
        }

        @Override
        public void onSuccess(UcpRequest request) {
            end();
        }

        @Override
        public void onError(int status, String message) {
            end();
        }

        /** Whether UCX has sent this signal or given it up. */
        boolean ended() {
            return ended;
        }

        private void end() {
            ended = true;
            peer.unsentSignals.decrementAndGet();
            Reference.reachabilityFence(header);
        }
    }

    private UcxDataPath(UcpContext context, UcpWorker worker, String host) {
        this.context = context;
        this.worker = worker;
        this.host = host;
        this.connectMarkRegistration = context.memoryMap(new UcpMemMapParams().setAddress(connectMark.address()).setLength(Long.BYTES));
        this.connectMarkKey = bytes(connectMarkRegistration.getRemoteKeyBuffer());
        worker.setAmRecvHandler(SIGNAL, (headerAddress, headerSize, _, _) -> {
            if (headerSize == Integer.BYTES) {
                Exported exported = exports.get(UcxUtils.getByteBufferView(headerAddress, headerSize).getInt(0));
                if (exported != null) {
                    exported.onSignal().run();
                }
            }
            return UcsConstants.STATUS.UCS_OK;
        });
        worker.setAmRecvHandler(IMPORTER_SIGNAL, (headerAddress, headerSize, _, _) -> {
            if (headerSize == Integer.BYTES) {
                Listener listener = listeners.get(UcxUtils.getByteBufferView(headerAddress, headerSize).getInt(0));
                if (listener != null) {
                    listener.signalled();
                }
            }
            return UcsConstants.STATUS.UCS_OK;
        });
        this.progress = RuntimeThreads.daemon("rsm-ucx-progress").start(this::progressUntilClosed);
    }

    /**
     * Sets two of UCX's settings for this process unless the user set them:
     * <ul>
     * <li>{@code UCX_LOG_LEVEL} to {@value #UCX_LOG_LEVEL}: UCX prints an ERROR line for each refused connection, which
     * here is an importer trying a node that died (the call's RSM error says so);</li>
     * <li>{@code UCX_USE_MT_MUTEX} to {@code y}: the lock of the thread-safe worker a mutex, not a spin lock. The program's
     * thread and the progress thread take it in turns, and where threads outnumber cores (node JVMs on one machine) a
     * thread that spins for it while its holder waits for a core spins until the scheduler moves: with the spin lock,
     * one post -> answer round trip in ten after a run of 200 puts took 2.3-3.5 ms (the post itself waiting for the
     * lock), with the mutex 0.17-0.22 ms (the median: 150-270 us with the spin lock, 82-91 us with the mutex; two nodes
     * on one machine over TCP).</li>
     * </ul>
     * UCX reads them when its library is loaded and its context made: this runs before.
     */
    private static void setUcxDefaultsUnlessAsked() {
        Linker linker = Linker.nativeLinker();
        MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().findOrThrow("setenv"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            setenv.invoke(arena.allocateFrom("UCX_LOG_LEVEL"), arena.allocateFrom(UCX_LOG_LEVEL), 0);
            setenv.invoke(arena.allocateFrom("UCX_USE_MT_MUTEX"), arena.allocateFrom("y"), 0);
        } catch (Throwable e) {
            // out of memory for a variable: UCX then keeps its own default, the data path works the same
        }
    }

    /**
     * The data path of this process.
     *
     * @throws RsmException INSUFFICIENT_RESOURCES when UCX cannot be started (the system's libucx missing, say)
     */
    static UcxDataPath open() throws RsmException {
        try {
            setUcxDefaultsUnlessAsked();
            JucxLibrary.ensureLoaded();
            UcpContext context = new UcpContext(new UcpParams().requestRmaFeature().requestAmFeature().requestWakeupFeature());
            UcpWorker worker = context.newWorker(new UcpWorkerParams().requestThreadSafety().requestWakeupRX());
            try {
                return new UcxDataPath(context, worker, thisHost());
            } catch (RuntimeException e) {
                worker.close();
                context.close();
                throw e;
            }
        } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot start UCX, the data path of a distributed cluster: %s (is the"
                    + " system's UCX installed? On Debian: apt-get install libucx0)", e.getMessage());
        }
    }

    /** This node's host: {@value DistributedBackend#HOST_PROPERTY}, or the machine's name. */
    static String thisHost() {
        String host = System.getProperty(DistributedBackend.HOST_PROPERTY);
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Runs the worker when no thread drives it: the handlers of the signals that arrive meanwhile run here. */
    private void progressUntilClosed() {
        try {
            Lock shared = lifetime.readLock();
            long lastWork = System.nanoTime();
            long driverCheck = FIRST_DRIVER_CHECK_NANOS;
            while (!closed) {
                // announced before the look at driving, which a driver that stops lowers before its look at this: one of
                // the two sees the other (a hand-back is not lost between this look and the park)
                waitingForDrivers = true;
                if (driving.get() > 0) {
                    LockSupport.parkNanos(this, driverCheck);
                    waitingForDrivers = false;
                    driverCheck = Math.min(2 * driverCheck, LONGEST_DRIVER_CHECK_NANOS);
                    continue;
                }
                waitingForDrivers = false;
                driverCheck = FIRST_DRIVER_CHECK_NANOS;
                shared.lock();
                try {
                    // close signals the worker before it waits for this lock: the wait ends, the loop sees closed
                    if (closed) {
                        break;
                    }
                    if (worker.progress() > 0) {
                        lastWork = System.nanoTime();
                    } else if (System.nanoTime() - lastWork < SPIN_AFTER_WORK_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        worker.waitForEvents();
                    }
                } finally {
                    shared.unlock();
                }
            }
        } catch (Exception e) {
            if (!closed) {
                System.err.println("RSM emulator: the UCX progress thread failed, signals to this node are lost: " + e);
            }
        }
    }

    /** Registers a published segment's memory; {@code onSignal} runs for each signal an importer posts to it. */
    ExportAddress export(int segmentId, MemorySegment memory, Runnable onSignal) throws RsmException {
        Exported exported = new Exported(register(segmentId, memory, RsmError.INSUFFICIENT_RESOURCES), 0, List.of(), onSignal);
        Exported previous = exports.put(segmentId, exported);
        if (previous != null) {
            previous.registrations().forEach(this::deregister);
        }
        return address(segmentId, memory, exported);
    }

    /**
     * Registers {@code memory} as the exported segment's memory from now on, its next binding: signals to the segment go on
     * as before. The registrations of the memory it had stay until {@link #releaseRetired} (importers may still use them).
     *
     * @throws RsmException INSUFFICIENT_MEM when UCX cannot register the memory
     */
    ExportAddress rebind(int segmentId, MemorySegment memory) throws RsmException {
        Exported current = exports.get(segmentId);
        if (current == null) {
            throw error(RsmError.INTERNAL_ERROR, "segment 0x%x is not exported through UCX", segmentId);
        }
        // RSMAPI: new pages of a rebind that fail to lock give INSUFFICIENT_MEM
        Exported rebound = new Exported(register(segmentId, memory, RsmError.INSUFFICIENT_MEM), current.binding() + 1,
                current.registrations(), current.onSignal());
        exports.put(segmentId, rebound);
        return address(segmentId, memory, rebound);
    }

    /**
     * Undoes the last {@link #rebind} of an exported segment, which no importer was told of: the memory it had is the
     * segment's again, the new one is deregistered.
     */
    void revertRebind(int segmentId) {
        Exported current = exports.get(segmentId);
        if (current != null && !current.retired().isEmpty()) {
            List<UcpMemory> retired = current.retired();
            exports.put(segmentId, new Exported(retired.getLast(), current.binding() - 1, retired.subList(0, retired.size() - 1),
                    current.onSignal()));
            deregister(current.registration());
        }
    }

    /** Deregisters the memory an exported segment had before its rebinds: no importer uses it any more. */
    void releaseRetired(int segmentId) {
        Exported current = exports.get(segmentId);
        if (current != null && !current.retired().isEmpty()) {
            exports.put(segmentId, new Exported(current.registration(), current.binding(), List.of(), current.onSignal()));
            current.retired().forEach(this::deregister);
        }
    }

    /** How many memory registrations the exported segments hold, retired ones included (tests look for leaks). */
    int registrations() {
        return exports.values().stream().mapToInt(exported -> exported.registrations().size()).sum();
    }

    /** How many remote keys this process's connections hold unpacked (tests look for leaks). */
    int remoteKeys() {
        return remoteKeys.get();
    }

    /** Registers {@code memory} with UCX; a failure is {@code failure} (which RSMAPI gives depends on the call). */
    private UcpMemory register(int segmentId, MemorySegment memory, RsmError failure) throws RsmException {
        try {
            return whileOpen("registering a segment",
                    () -> context.memoryMap(new UcpMemMapParams().setAddress(memory.address()).setLength(memory.byteSize())));
        } catch (IOException | RuntimeException e) {
            throw error(failure, "UCX cannot register the %d bytes of segment 0x%x: %s", memory.byteSize(), segmentId,
                    e.getMessage());
        }
    }

    private ExportAddress address(int segmentId, MemorySegment memory, Exported exported) throws RsmException {
        try {
            byte[] remoteKey = whileOpen("packing a remote key", () -> bytes(exported.registration().getRemoteKeyBuffer()));
            return new ExportAddress(host, workerAddress(), memory.address(), remoteKey, exported.binding(), connectMark.address(),
                    connectMarkKey);
        } catch (IOException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot export segment 0x%x: %s", segmentId, e.getMessage());
        }
    }

    /** The address of this process's worker: where other processes send to it. */
    byte[] workerAddress() throws RsmException {
        try {
            return whileOpen("reading the worker's address", () -> bytes(worker.getAddress()));
        } catch (IOException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "%s", e.getMessage());
        }
    }

    /** A new listener for the signals an exporter posts to a connection of this process. */
    Listener listen() {
        Listener listener = new Listener();
        listeners.put(listener.id(), listener);
        return listener;
    }

    /**
     * Posts a signal to the listener {@code listener} of the process whose worker is at {@code workerAddress}, without
     * waiting for that process: UCX sends it at once, or later on the progress thread (a connection being made, earlier
     * signals still queued). A signal UCX has not sent within the path's timeout declares the path down, which closes its
     * endpoint and so ends its unsent signals. A post to a path down, or past {@value #MAX_UNSENT_SIGNALS} unsent signals,
     * is dropped.
     *
     * @throws IOException when the signal is dropped: that process cannot be reached
     */
    void signalImporter(byte[] workerAddress, int listener) throws IOException {
        Peer peer;
        try {
            peer = peer(workerAddress);
        } catch (RsmException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (peer.unsentSignals.incrementAndGet() > MAX_UNSENT_SIGNALS) {
            peer.unsentSignals.decrementAndGet();
            throw new IOException("a signal to an importer: " + MAX_UNSENT_SIGNALS + " signals to it are not sent yet");
        }
        MemorySegment header = importerSignalHeader.get();
        header.set(HEADER_INT, 0, listener);
        ImporterSignal signal = new ImporterSignal(peer, header);
        String what = "a signal to an importer";
        try {
            peer.start(() -> peer.endpoint().sendAmNonBlocking(IMPORTER_SIGNAL, header.address(), Integer.BYTES, 0, 0,
                    UcpConstants.UCP_AM_SEND_FLAG_EAGER, signal), what);
        } catch (IOException e) {
            peer.unsentSignals.decrementAndGet();
            throw e;
        } catch (RuntimeException e) {
            // whether JUCX reported this signal or not, the failed peer's count of unsent signals no longer matters
            peer.fail("UCX failed: " + e.getMessage());
            throw new IOException(what + " failed: " + e.getMessage(), e);
        }
        if (!signal.ended()) {
            importerSignalHeader.remove(); // the unsent signal keeps its header: this thread's next signal takes a new one
            CompletableFuture.delayedExecutor(PATH_TIMEOUT_NANOS, TimeUnit.NANOSECONDS).execute(() -> {
                if (!signal.ended()) {
                    peer.fail("a signal to an importer not sent within " + TimeUnit.NANOSECONDS.toMillis(PATH_TIMEOUT_NANOS) + " ms");
                }
            });
        }
    }

    /**
     * Waits until UCX has sent the signals to importers it took, or their paths were declared down (within the path's
     * timeout): a process that posts just before it ends still wakes its importers.
     */
    void awaitUnsentSignals() {
        long deadline = System.nanoTime() + PATH_TIMEOUT_NANOS;
        while (peers.values().stream().anyMatch(peer -> peer.unsentSignals.get() > 0) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Withdraws a segment's memory from UCX, the memory it had before a rebind too: later transfers of importers fail. */
    void unexport(int segmentId) {
        Exported exported = exports.remove(segmentId);
        if (exported != null) {
            exported.registrations().forEach(this::deregister);
        }
    }

    private void deregister(UcpMemory registration) {
        try {
            whileOpen("deregistering a segment", () -> {
                registration.deregister();
                return null;
            });
        } catch (IOException e) {
            // the data path closed: the context went with its registrations
        }
    }

    /**
     * Runs {@code call} into UCX unless the data path has begun to close: {@link #close} destroys UCX once no call runs.
     *
     * @throws IOException when the data path has begun to close
     */
    private <T, E extends Exception> T whileOpen(String what, UcxCall<T, E> call) throws IOException, E {
        Lock shared = lifetime.readLock();
        shared.lock();
        try {
            if (closed) {
                throw new IOException(what + ": the data path is closed");
            }
            return call.run();
        } finally {
            shared.unlock();
        }
    }

    /** The sequence number of no connection znode: the path of an observer, which the registry does not list. */
    static final int NO_CONNECTION = -1;

    /**
     * The connect mark of this process: it changes whenever a connection to one of its segments is made, before that
     * connect returns (its importer wrote it, and waited for UCX's acknowledgement). The exporter's posts read it to know
     * whether the importers they keep for a segment may lack one: a post made after a connect returned, by whatever chain of
     * events (the importer's put that the exporter saw, say), sees its mark, while ZooKeeper's watch on the connections may
     * come later. A mark is never written twice: each is a connection's own.
     */
    long connectMark() {
        return (long) CONNECT_MARK.getVolatile(connectMark, 0L);
    }

    /**
     * The data path to a segment exported at {@code address} for the connection whose znode has the sequence number
     * {@code connection} (the exporter's connect mark written, unless it is {@link #NO_CONNECTION}), once a read of its first
     * byte came back: as the connect of RSMAPI asks the exporter, so a connect over a cut link fails.
     *
     * @throws RsmException REMOTE_NODE_UNREACHABLE when the exporter cannot be reached
     */
    UcxRemoteSegment connect(ExportAddress address, int segmentId, int connection) throws RsmException {
        Peer peer = peer(address.worker());
        UcxRemoteSegment segment;
        try {
            UcpRemoteKey remoteKey = peer.unpack(address.remoteKey());
            segment = new UcxRemoteSegment(peer, remoteKey, address, segmentId);
        } catch (IOException | RuntimeException e) {
            String down = peer.failure();
            if (down != null) {
                // UCX's error handler declared the new endpoint failed first: the exporter's host cannot be reached
                throw error(RsmError.REMOTE_NODE_UNREACHABLE, "cannot reach segment 0x%x on %s: the path is down (%s)", segmentId,
                        address.host(), down);
            }
            throw error(RsmError.INSUFFICIENT_RESOURCES, "UCX cannot use the remote key of segment 0x%x: %s", segmentId,
                    e.getMessage());
        }
        try {
            if (connection != NO_CONNECTION) {
                markConnection(peer, address, connection + 1L);
            }
            segment.get(0, stage(1).asSlice(0, 1));
            return segment;
        } catch (IOException e) {
            segment.close();
            throw error(RsmError.REMOTE_NODE_UNREACHABLE, "cannot reach segment 0x%x on %s: %s", segmentId, address.host(),
                    e.getMessage());
        }
    }

    /** Writes {@code mark} into the connect mark of the exporter at {@code address}, and waits until it is there. */
    private void markConnection(Peer peer, ExportAddress address, long mark) throws IOException {
        UcpRemoteKey markKey;
        try {
            markKey = peer.unpack(address.markKey());
        } catch (RuntimeException e) {
            throw new IOException("UCX cannot use the remote key of the exporter's connect mark: " + e.getMessage(), e);
        }
        try {
            MemorySegment value = stage(Long.BYTES);
            value.set(ValueLayout.JAVA_LONG, 0, mark);
            String what = "marking the connection at " + address.host();
            complete(peer, Long.BYTES, () -> peer.endpoint().putNonBlocking(value.address(), Long.BYTES, address.markAddress(),
                    markKey, null), what);
            complete(peer, 0, () -> peer.endpoint().flushNonBlocking(null), what);
        } finally {
            releaseRemoteKey(markKey);
        }
    }

    /** The endpoint to the process with that worker address: the one there is, unless it failed, else a new one. */
    private Peer peer(byte[] workerAddress) throws RsmException {
        String key = Base64.getEncoder().encodeToString(workerAddress);
        try {
            return whileOpen("making an endpoint", () -> peers.computeIfAbsent(key, k -> {
                Peer peer = new Peer(k);
                peer.endpoint = worker.newEndpoint(new UcpEndpointParams().setUcpAddress(direct(workerAddress))
                        .setPeerErrorHandlingMode().setErrorHandler((_, status, message) -> peer.failInUcx(
                                "UCX reported the endpoint failed (status " + status + ": " + message + ")")));
                return peer;
            }));
        } catch (IOException | RuntimeException e) {
            throw error(RsmError.REMOTE_NODE_UNREACHABLE, "UCX cannot reach the exporter: %s", e.getMessage());
        }
    }

    /**
     * How long a transfer of {@code bytes} may take before its path is declared down: a path's timeout, and a second more
     * for each {@link #MIN_BYTES_PER_SECOND} (without overflow for the largest segments).
     */
    static long transferTimeoutNanos(long bytes) {
        return PATH_TIMEOUT_NANOS + TimeUnit.SECONDS.toNanos(bytes / MIN_BYTES_PER_SECOND)
                + TimeUnit.SECONDS.toNanos(1) * (bytes % MIN_BYTES_PER_SECOND) / MIN_BYTES_PER_SECOND;
    }

    /**
     * Starts a request and drives it to completion on this thread. JUCX reports a failure either way: an exception when
     * the request is started (an endpoint that failed already) or during progress, or the request's status.
     */
    private void complete(Peer peer, long bytes, Supplier<UcpRequest> start, String what) throws IOException {
        long timeout = transferTimeoutNanos(bytes);
        long deadline = System.nanoTime() + timeout;
        UcpRequest request;
        driving.incrementAndGet();
        try {
            request = peer.start(start, what);
            while (!request.isCompleted()) {
                if (closed) {
                    throw new IOException(what + ": the data path is closed");
                }
                String down = peer.failure();
                if (down != null) {
                    throw new IOException(what + ": the path is down (" + down + ")");
                }
                if (whileOpen(what, worker::progress) == 0) {
                    if (System.nanoTime() - deadline > 0) {
                        String why = "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms";
                        peer.fail(why);
                        throw new IOException(what + ": " + why);
                    }
                    // the peer's progress thread may need this core (node JVMs outnumber cores when testing)
                    Thread.yield();
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            peer.fail("UCX failed: " + e.getMessage());
            throw new IOException(what + " failed: " + e.getMessage(), e);
        } finally {
            stopDriving();
        }
        if (request.getStatus() != UcsConstants.STATUS.UCS_OK) {
            peer.fail("UCX status " + request.getStatus());
            throw new IOException(what + " failed (UCX status " + request.getStatus() + ")");
        }
    }

    /**
     * Looks at {@code arrived} until it says true or {@link #RECEIVING_SPIN_NANOS} have passed, running the worker on this
     * thread meanwhile, as a driver: the handler of a signal that arrives within the spin runs here, and the waiter sees
     * its event at once. Left to the progress thread, the signal would wait for it to wake from its wait for events, and
     * the waiter for its wake from its sleep. A spin that ends without the event counts the thread among the
     * {@link #sleepers} until {@link #sleepEnded}, so that the worker is handed back when the last driver stops (this one,
     * or another thread still driving). One that ends with it does not hand back (unless another wait sleeps): the woken
     * program usually answers, which drives the worker again, and waking the progress thread there for nothing took a
     * core from it (a post -> answer round trip of two nodes on one machine 58-67 us instead of 36-64 us, median).
     *
     * @return whether {@code arrived} said true; false: the caller sleeps, then calls {@link #sleepEnded}
     */
    boolean spinReceiving(BooleanSupplier arrived) {
        long spinEnd = System.nanoTime() + RECEIVING_SPIN_NANOS;
        boolean progressing = true;
        boolean received = false;
        driving.incrementAndGet();
        try {
            while (!(received = arrived.getAsBoolean()) && System.nanoTime() - spinEnd < 0) {
                if (progressing) {
                    // a closed path or a failed worker: the spin goes on looking only (the progress thread reports a failure)
                    progressing = progressQuietly();
                } else {
                    Thread.onSpinWait();
                }
            }
            if (!received) {
                sleepers.incrementAndGet(); // counted before this driver stops: the last driver to stop sees it
            }
            return received;
        } finally {
            stopDriving();
        }
    }

    /** A signal wait whose spin ended without its event ({@link #spinReceiving} said false) has ended its sleep. */
    void sleepEnded() {
        sleepers.decrementAndGet();
    }

    /** Ends a thread's driving: the last driver to stop hands the worker back while a signal wait sleeps. */
    private void stopDriving() {
        if (driving.decrementAndGet() == 0 && sleepers.get() > 0) {
            handBack();
        }
    }

    /** Runs the worker once on this thread; false when it cannot (closed, or failed). */
    private boolean progressQuietly() {
        try {
            whileOpen("a signal wait", worker::progress);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Ends the progress thread's wait for drivers now when none drives any more: called by the last driver to stop while
     * a signal wait sleeps. Only progress delivers that wait's event, and after a run of transfers the progress thread's
     * wait may have grown to {@link #LONGEST_DRIVER_CHECK_NANOS}: the event would wait for its end. With no wait asleep,
     * a driver that stops does not call it: after a put, a barrier's close or a post the next call usually drives again
     * at once (the wait for a post's answer spins as a driver), and ending the wait there would wake the progress thread
     * for each, and take a core from the drivers.
     */
    private void handBack() {
        if (waitingForDrivers && driving.get() == 0) {
            LockSupport.unpark(progress);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        worker.signal();
        LockSupport.unpark(progress);
        Lock exclusive = lifetime.writeLock();
        try {
            progress.join(TimeUnit.SECONDS.toMillis(5));
            if (!exclusive.tryLock(5, TimeUnit.SECONDS)) {
                return; // a call does not come back from UCX: leave UCX to the process's end rather than free what it uses
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            List<UcpRequest> closing = new ArrayList<>();
            for (Peer peer : peers.values()) {
                try {
                    closing.add(peer.endpoint().closeNonBlockingForce());
                } catch (RuntimeException e) {
                    // UCX closed it already, with its error
                }
            }
            peers.clear();
            // the endpoints' closes end on progress: the worker goes once they have (or after a moment)
            long deadline = System.nanoTime() + CLOSE_NANOS;
            while (closing.stream().anyMatch(request -> !request.isCompleted()) && System.nanoTime() - deadline < 0) {
                worker.progress();
            }
            exports.values().forEach(exported -> exported.registrations().forEach(UcpMemory::deregister));
            exports.clear();
            connectMarkRegistration.deregister();
            listeners.clear();
            worker.close();
            context.close();
        } catch (Exception e) {
            System.err.println("RSM emulator: closing UCX failed: " + e);
        } finally {
            exclusive.unlock();
        }
    }

    /** Releases a remote key that {@link Peer#unpack} gave. */
    private void releaseRemoteKey(UcpRemoteKey key) {
        remoteKeys.decrementAndGet();
        try {
            whileOpen("releasing a remote key", () -> {
                key.close();
                return null;
            });
        } catch (IOException e) {
            // the data path closed: the context went with its remote keys
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    private MemorySegment stage(long size) {
        return size <= STAGING_SIZE ? staging.get() : Arena.ofAuto().allocate(size, 8);
    }

    /**
     * One connection's path: the shared endpoint, and the remote key unpacked for the memory the segment has now, which
     * {@link #follow} moves onto the memory of a rebind.
     */
    final class UcxRemoteSegment implements RemoteSegment {
        /** Which memory of the exporter the path reaches: the address of a binding of the segment, and its remote key. */
        private record Binding(ExportAddress address, UcpRemoteKey remoteKey) {
        }

        /** A request on the remote key of the binding that the path reaches now. */
        private interface Rma {
            UcpRequest start(Binding binding);
        }

        private final Peer peer;
        private final UcpEndpoint endpoint;
        private final String exporterHost;
        private final String segment;
        private final ByteBuffer signalHeader;
        /**
         * Held shared by each transfer for the binding it uses, exclusively while {@link #follow} moves the path onto another
         * and by {@link #close}: a remote key is released once no request of this path uses it.
         */
        private final ReentrantReadWriteLock bindingLock = new ReentrantReadWriteLock();
        /** The binding transfers reach: changed under {@link #bindingLock}'s write lock. */
        private Binding binding;
        /**
         * The latest binding of the segment for which this path has let go of the memory of the ones before: the one it
         * reaches, or one it could not follow (then it reaches none); changed under {@link #bindingLock}'s write lock.
         */
        private volatile long settled;
        /**
         * Remote keys of bindings left behind whose requests a flush did not see end (the path went down): released at
         * {@link #close}; under {@link #bindingLock}'s write lock.
         */
        private final List<UcpRemoteKey> unflushed = new ArrayList<>();
        /**
         * Why this path could not follow a rebind, or null: it is down then, as a path whose peer failed, for good (its
         * connection is aborted, see {@link #follow}).
         */
        private volatile String unfollowed;
        private boolean closed;
        /** The exporter withdrew the segment ({@link #withdraw}): transfers fail; changed under {@link #bindingLock}'s write lock. */
        private boolean withdrawn;

        UcxRemoteSegment(Peer peer, UcpRemoteKey remoteKey, ExportAddress address, int segmentId) {
            this.peer = peer;
            this.endpoint = peer.endpoint();
            this.binding = new Binding(address, remoteKey);
            this.settled = address.binding();
            this.exporterHost = address.host();
            this.segment = "segment 0x" + Integer.toHexString(segmentId) + " on " + address.host();
            this.signalHeader = ByteBuffer.allocateDirect(Integer.BYTES).putInt(0, segmentId);
        }

        @Override
        public boolean isOnThisHost() {
            return host.equals(exporterHost);
        }

        @Override
        public String pathDown() {
            String down = peer.failure();
            return down != null ? down : unfollowed;
        }

        /** Starts {@code rma} on the binding the path reaches now and drives it to completion, the binding held meanwhile. */
        private void transfer(long bytes, String what, Rma rma) throws IOException {
            Lock shared = bindingLock.readLock();
            shared.lock();
            try {
                String down = closed ? "its connection is closed" : withdrawn ? "the segment was withdrawn" : unfollowed;
                if (down != null) {
                    throw new IOException(what + ": the path is down (" + down + ")");
                }
                Binding current = binding;
                complete(peer, bytes, () -> rma.start(current), what);
            } finally {
                shared.unlock();
            }
        }

        @Override
        public void put(long offset, MemorySegment source) throws IOException {
            MemorySegment from = source;
            if (!source.isNative()) {
                from = stage(source.byteSize());
                MemorySegment.copy(source, 0, from, 0, source.byteSize());
            }
            long local = from.address();
            transfer(source.byteSize(), "a put to " + segment, current -> endpoint.putNonBlocking(local, source.byteSize(),
                    current.address().address() + offset, current.remoteKey(), null));
            peer.unflushedPuts.putStarted();
            Reference.reachabilityFence(from);
        }

        @Override
        public void get(long offset, MemorySegment destination) throws IOException {
            MemorySegment to = destination.isNative() ? destination : stage(destination.byteSize());
            long local = to.address();
            transfer(destination.byteSize(), "a get from " + segment, current -> endpoint.getNonBlocking(
                    current.address().address() + offset, current.remoteKey(), local, destination.byteSize(), null));
            if (to != destination) {
                MemorySegment.copy(to, 0, destination, 0, destination.byteSize());
            }
            Reference.reachabilityFence(to);
        }

        @Override
        public void flush() throws IOException {
            long mark = peer.unflushedPuts.flushStarting();
            complete(peer, 0, () -> endpoint.flushNonBlocking(null), "flushing the puts to " + segment);
            peer.unflushedPuts.flushed(mark);
        }

        /**
         * Puts not flushed yet are flushed first: the exporter, woken, finds them (as with a local post). The flush after
         * the active message makes the post wait for UCX's acknowledgement from the exporter's process, over TCP too, where
         * the message alone completes once the socket took it: a post on a cut link fails within the path's timeout
         * instead of being lost without an error. So a post fails whenever no acknowledgement comes, also when the
         * exporter's process took the event and ended before it acknowledged (its node is gone: REMOTE_NODE_UNREACHABLE
         * says so, though that event arrived). Flushing after the message, not before it, sends it half a round trip
         * sooner. With the flush first, two nodes on one machine answering each other's posts fell now and then
         * into waits that outlast the receiving spin, for a whole run (DoorbellPingPong 40,000 rounds over TCP: 24.7 s once
         * in five runs, 7.6-8.3 s otherwise; with the message first 7.2-8.7 s in each of four); a doorbell between two
         * namespaces (8 B put + post, then the exporter's answering post, which is not flushed) was faster with the flush
         * first: 45 us against 64-79 us. A signal holds the binding as a transfer does: once {@link #withdraw} returns, none
         * arrives any more at the withdrawn segment (nor at a publication of the same id after it).
         */
        @Override
        public void signal() throws IOException {
            Lock shared = bindingLock.readLock();
            shared.lock();
            try {
                if (withdrawn) {
                    return; // dropped, as an event for a segment no longer published is (RSMAPI §5.3)
                }
                if (peer.unflushedPuts.any()) {
                    flush();
                }
                complete(peer, 0, () -> endpoint.sendAmNonBlocking(SIGNAL, UcxUtils.getAddress(signalHeader), Integer.BYTES, 0,
                        0, UcpConstants.UCP_AM_SEND_FLAG_EAGER, null), "a signal to " + segment);
                flush();
            } finally {
                shared.unlock();
            }
        }

        /** The latest binding of the segment whose rebind this path has followed, or failed to (see {@link #follow}). */
        long settled() {
            return settled;
        }

        /**
         * Moves the path onto {@code next}, the memory the exporter rebound the segment to (nothing when the path reaches that
         * binding or a later one already): once it returns, no request of this path reaches the old memory any more, and
         * transfers reach the new one. The old remote key is released once the transfers that used it have completed at
         * the exporter (a flush). A path that cannot unpack the new key is down from then on (its transfers fail): it
         * reaches neither memory. It is not mended by a later rebind that it follows: its connection is aborted instead
         * (the importer learns at once that it must connect again, rather than from failing transfers until the exporter
         * happens to rebind again). Either way, once it returns {@link #settled} is {@code next}'s binding (or a later one).
         *
         * @return false when it could not follow (it is down)
         */
        boolean follow(ExportAddress next) {
            UcpRemoteKey key = null;
            String failure = null;
            try {
                key = peer.unpack(next.remoteKey());
            } catch (IOException | RuntimeException e) {
                failure = "it cannot follow a rebind of the segment: " + e.getMessage();
            }
            Binding left;
            Lock exclusive = bindingLock.writeLock();
            exclusive.lock();
            try {
                if (closed || withdrawn || next.binding() <= settled) {
                    if (key != null) {
                        releaseRemoteKey(key);
                    }
                    return true;
                }
                settled = next.binding();
                if (key == null) {
                    unfollowed = failure;
                    return false;
                }
                left = binding;
                binding = new Binding(next, key);
            } finally {
                exclusive.unlock();
            }
            try {
                flush();
                releaseRemoteKey(left.remoteKey());
            } catch (IOException e) {
                exclusive.lock();
                try {
                    if (closed) {
                        releaseRemoteKey(left.remoteKey());
                    } else {
                        unflushed.add(left.remoteKey());
                    }
                } finally {
                    exclusive.unlock();
                }
            }
            return true;
        }

        /**
         * The exporter withdrew the segment (unpublished or destroyed it): once this returns, no request of this path reaches
         * its memory any more (the transfers under way have ended, and the puts made completed at the exporter, or the path
         * is down and they reach nothing), and later transfers fail. The exporter waits for that before its unpublish
         * returns (RSMAPI §3.2): without it, a put over TCP, which UCX carries as a message that the exporter's process
         * writes to the address it names, could still land in memory that the exporter took back.
         */
        void withdraw() {
            Lock exclusive = bindingLock.writeLock();
            exclusive.lock();
            try {
                if (closed || withdrawn) {
                    return;
                }
                withdrawn = true;
            } finally {
                exclusive.unlock();
            }
            try {
                flush();
            } catch (IOException e) {
                // the path is down: what it did not deliver reaches nothing
            }
        }

        @Override
        public void close() {
            Lock exclusive = bindingLock.writeLock();
            exclusive.lock();
            try {
                if (!closed) {
                    closed = true;
                    releaseRemoteKey(binding.remoteKey());
                    unflushed.forEach(UcxDataPath.this::releaseRemoteKey);
                    unflushed.clear();
                }
            } finally {
                exclusive.unlock();
            }
        }
    }
}
