// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.ref.Reference;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The UCX data path of one node process: a UCX context and one thread-safe worker, whose progress thread runs the
 * handlers of the signals importers post (active messages); exported memory registered with UCX; one endpoint per remote
 * process, shared by the connections to its segments. Transfers are one-sided operations driven to completion by the
 * calling thread; UCX picks the transport (shared memory and CMA on one host, TCP or RDMA between hosts).
 */
final class UcxDataPath implements AutoCloseable {
    /** The active message of a signal: its header is the id of the segment signalled. */
    private static final int SIGNAL = 1;
    /** How long a transfer may take before the path is reported broken (UCX's own error detection is quicker). */
    private static final long TRANSFER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Heap memory is staged through native memory of the transferring thread up to this size, above in a fresh buffer. */
    private static final long STAGING_SIZE = 1 << 20;

    private final UcpContext context;
    private final UcpWorker worker;
    private final String host;
    private final Thread progress;
    private final Map<Integer, Exported> exports = new ConcurrentHashMap<>();
    /** The endpoints to remote processes, by their worker address (Base64). */
    private final Map<String, UcpEndpoint> endpoints = new ConcurrentHashMap<>();
    private final ThreadLocal<MemorySegment> staging = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(STAGING_SIZE, 8));
    private volatile boolean closed;

    /** A registered segment: its memory's registration and what a signal to it runs. */
    private record Exported(UcpMemory registration, Runnable onSignal) {
    }

    private UcxDataPath(UcpContext context, UcpWorker worker, String host) {
        this.context = context;
        this.worker = worker;
        this.host = host;
        worker.setAmRecvHandler(SIGNAL, (headerAddress, headerSize, _, _) -> {
            if (headerSize == Integer.BYTES) {
                Exported exported = exports.get(UcxUtils.getByteBufferView(headerAddress, headerSize).getInt(0));
                if (exported != null) {
                    exported.onSignal().run();
                }
            }
            return UcsConstants.STATUS.UCS_OK;
        });
        this.progress = new Thread(this::progressUntilClosed, "rsm-ucx-progress");
        progress.setDaemon(true);
        progress.start();
    }

    /**
     * The data path of this process.
     *
     * @throws RsmException INSUFFICIENT_RESOURCES when UCX cannot be started (the system's libucx missing, say)
     */
    static UcxDataPath open() throws RsmException {
        try {
            JucxLibrary.ensureLoaded();
            UcpContext context = new UcpContext(new UcpParams().requestRmaFeature().requestAmFeature().requestWakeupFeature());
            UcpWorker worker = context.newWorker(new UcpWorkerParams().requestThreadSafety().requestWakeupRX());
            return new UcxDataPath(context, worker, thisHost());
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

    /** Runs the worker when no transfer does: the handlers of incoming signals run here. */
    private void progressUntilClosed() {
        try {
            while (!closed) {
                if (worker.progress() == 0 && !closed) {
                    worker.waitForEvents();
                }
            }
        } catch (Exception e) {
            if (!closed) {
                System.err.println("RSM emulator: the UCX progress thread failed, signals to this node are lost: " + e);
            }
        }
    }

    /** Registers a published segment's memory; {@code onSignal} runs for each signal posted to it. */
    ExportAddress export(int segmentId, MemorySegment memory, Runnable onSignal) throws RsmException {
        UcpMemory registration;
        try {
            registration = context.memoryMap(new UcpMemMapParams().setAddress(memory.address()).setLength(memory.byteSize()));
        } catch (RuntimeException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "UCX cannot register the %d bytes of segment 0x%x: %s", memory.byteSize(),
                    segmentId, e.getMessage());
        }
        Exported previous = exports.put(segmentId, new Exported(registration, onSignal));
        if (previous != null) {
            previous.registration().deregister();
        }
        return new ExportAddress(host, bytes(worker.getAddress()), memory.address(), bytes(registration.getRemoteKeyBuffer()));
    }

    /** Withdraws a segment's memory from UCX: later transfers of importers fail. */
    void unexport(int segmentId) {
        Exported exported = exports.remove(segmentId);
        if (exported != null) {
            exported.registration().deregister();
        }
    }

    /** The data path to a segment exported at {@code address}. */
    RemoteSegment connect(ExportAddress address, int segmentId) throws RsmException {
        UcpEndpoint endpoint = endpoint(address.worker());
        try {
            UcpRemoteKey remoteKey = endpoint.unpackRemoteKey(direct(address.remoteKey()));
            return new UcxRemoteSegment(endpoint, remoteKey, address, segmentId);
        } catch (RuntimeException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "UCX cannot use the remote key of segment 0x%x: %s", segmentId,
                    e.getMessage());
        }
    }

    private UcpEndpoint endpoint(byte[] workerAddress) throws RsmException {
        String key = Base64.getEncoder().encodeToString(workerAddress);
        try {
            return endpoints.computeIfAbsent(key, k -> worker.newEndpoint(new UcpEndpointParams().setUcpAddress(direct(workerAddress))
                    .setPeerErrorHandlingMode().setErrorHandler((endpoint, _, _) -> endpoints.remove(k, endpoint))));
        } catch (RuntimeException e) {
            throw error(RsmError.REMOTE_NODE_UNREACHABLE, "UCX cannot reach the exporter: %s", e.getMessage());
        }
    }

    /**
     * Starts a request and drives it to completion on this thread. JUCX reports a failure either way: an exception when
     * the request is started (an endpoint that failed already) or during progress, or the request's status.
     */
    private void complete(Supplier<UcpRequest> start, String what) throws IOException {
        long deadline = System.nanoTime() + TRANSFER_TIMEOUT_NANOS;
        UcpRequest request;
        try {
            request = start.get();
            while (!request.isCompleted()) {
                if (closed) {
                    throw new IOException(what + ": the data path is closed");
                }
                if (worker.progress() == 0) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IOException(what + " did not complete within "
                                + TimeUnit.NANOSECONDS.toSeconds(TRANSFER_TIMEOUT_NANOS) + " s");
                    }
                    // the peer's progress thread may need this core (node JVMs outnumber cores when testing)
                    Thread.yield();
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(what + " failed: " + e.getMessage(), e);
        }
        if (request.getStatus() != UcsConstants.STATUS.UCS_OK) {
            throw new IOException(what + " failed (UCX status " + request.getStatus() + ")");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.signal();
        try {
            progress.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (UcpEndpoint endpoint : endpoints.values()) {
            endpoint.closeNonBlockingForce();
        }
        endpoints.clear();
        exports.values().forEach(exported -> exported.registration().deregister());
        exports.clear();
        worker.close();
        context.close();
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

    /** One connection's path: the shared endpoint, and the remote key unpacked for it. */
    private final class UcxRemoteSegment implements RemoteSegment {
        private final UcpEndpoint endpoint;
        private final UcpRemoteKey remoteKey;
        private final ExportAddress address;
        private final String segment;
        private final ByteBuffer signalHeader;
        private volatile boolean closed;

        UcxRemoteSegment(UcpEndpoint endpoint, UcpRemoteKey remoteKey, ExportAddress address, int segmentId) {
            this.endpoint = endpoint;
            this.remoteKey = remoteKey;
            this.address = address;
            this.segment = "segment 0x" + Integer.toHexString(segmentId) + " on " + address.host();
            this.signalHeader = ByteBuffer.allocateDirect(Integer.BYTES).putInt(0, segmentId);
        }

        @Override
        public boolean isOnThisHost() {
            return host.equals(address.host());
        }

        @Override
        public void put(long offset, MemorySegment source) throws IOException {
            MemorySegment from = source;
            if (!source.isNative()) {
                from = stage(source.byteSize());
                MemorySegment.copy(source, 0, from, 0, source.byteSize());
            }
            long local = from.address();
            complete(() -> endpoint.putNonBlocking(local, source.byteSize(), address.address() + offset, remoteKey, null),
                    "a put to " + segment);
            Reference.reachabilityFence(from);
        }

        @Override
        public void get(long offset, MemorySegment destination) throws IOException {
            MemorySegment to = destination.isNative() ? destination : stage(destination.byteSize());
            long local = to.address();
            complete(() -> endpoint.getNonBlocking(address.address() + offset, remoteKey, local, destination.byteSize(), null),
                    "a get from " + segment);
            if (to != destination) {
                MemorySegment.copy(to, 0, destination, 0, destination.byteSize());
            }
            Reference.reachabilityFence(to);
        }

        private MemorySegment stage(long size) {
            return size <= STAGING_SIZE ? staging.get() : Arena.ofAuto().allocate(size, 8);
        }

        @Override
        public void flush() throws IOException {
            complete(() -> endpoint.flushNonBlocking(null), "flushing the puts to " + segment);
        }

        /** The puts before the signal are flushed first: the exporter, woken, finds them (as with a local post). */
        @Override
        public void signal() throws IOException {
            flush();
            complete(() -> endpoint.sendAmNonBlocking(SIGNAL, UcxUtils.getAddress(signalHeader), Integer.BYTES, 0, 0,
                    UcpConstants.UCP_AM_SEND_FLAG_EAGER, null), "a signal to " + segment);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                remoteKey.close();
            }
        }
    }
}
