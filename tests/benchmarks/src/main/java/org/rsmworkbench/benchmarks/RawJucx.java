// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

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

/**
 * The raw baseline of {@link DistributedBenchmark}: put + flush with JUCX alone, between two JVMs, no RSM. The target
 * registers memory and hands its worker address, the memory's address and its remote key to the initiator over a plain TCP
 * socket; the initiator makes an endpoint (with peer error handling, as the RSM data path's endpoints have), puts from
 * native memory and flushes, driving the requests on its own thread: the put and the flush started together (the least
 * JUCX needs), and the flush started once the put completed (as the RSM data path sequences them: its put returns
 * when its request completed, the barrier close flushes). With {@code as-rsm} the initiator's UCX is set up and driven as
 * the RSM data path's is (active messages and wake-up requested, a thread-safe worker whose lock is a mutex, a progress
 * thread sleeping in {@code waitForEvents()} beside the thread that transfers): what is left of RSM's cost against it is
 * RSM's own layer.
 * <p>
 * The target drives its worker in one of two ways, because UCX over TCP needs the target's progress for a put to land:
 * {@code poll} spins on {@code progress()} (as {@code ucx_perftest} does: the fastest), {@code wait} sleeps in
 * {@code waitForEvents()} on a thread-safe worker with wake-up events, as the RSM data path's progress thread does (what an
 * exporter that does not burn a core costs).
 * <p>
 * The baseline of a signal's round trip is an active-message ping-pong, both sides polling on one thread: the initiator
 * sends a message, the target answers each with one.
 * <p>
 * Usage: {@code target ADDRESS PORT SIZE poll|wait} (prints {@code LISTENING}, serves one initiator until it closes the
 * socket); {@code initiator ADDRESS PORT WARMUP COUNT WARMUP-1M COUNT-1M plain|as-rsm} (prints the {@link OpTimes} results
 * {@code jucx-put8}, {@code jucx-put1m}, {@code jucx-seq-put8} and {@code jucx-seq-put1m}); {@code am-target ADDRESS PORT}
 * (prints {@code LISTENING}, answers one initiator's messages until it closes the socket); {@code am-initiator ADDRESS PORT
 * WARMUP COUNT} (prints {@code jucx-am}: a message, then its answer; and {@code jucx-am-flush}: a message and a flush,
 * then the answer, the requests of an RSM importer's post).
 */
public final class RawJucx {
    static final int MIB = 1 << 20;

    private RawJucx() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        switch (args[0]) {
            case "target" -> target(address, Long.parseLong(args[3]), args[4].equals("wait"));
            case "initiator" -> initiator(address, Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), args[7].equals("as-rsm"));
            case "am-target" -> amTarget(address);
            case "am-initiator" -> amInitiator(address, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown role " + args[0]);
        }
    }

    /** As the RSM data path's progress thread: it looks for work this long after it did some before it sleeps. */
    private static final long SPIN_AFTER_WORK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /**
     * As the RSM data path's progress thread: how soon it looks again whether the transferring thread still drives
     * requests, first and at the longest (twice as long each time it finds it driving).
     */
    private static final long FIRST_DRIVER_CHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(100),
            LONGEST_DRIVER_CHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(1600);

    /**
     * One turn of a progress loop as the RSM data path's: progress; with nothing to do, look again for a while after the
     * last work, then (when {@code mayWait}) sleep until an event. Returns when the last work was done.
     */
    private static long progressOrSleep(UcpWorker worker, long lastWork, boolean mayWait) throws Exception {
        if (worker.progress() > 0) {
            return System.nanoTime();
        }
        if (System.nanoTime() - lastWork < SPIN_AFTER_WORK_NANOS) {
            Thread.onSpinWait();
        } else if (mayWait) {
            worker.waitForEvents();
        }
        return lastWork;
    }

    /** Threads driving a request (as RSM's data path counts them): see {@link #progressUntil}. */
    private static final AtomicInteger driving = new AtomicInteger();

    private static void target(InetSocketAddress address, long size, boolean waitForEvents) throws Exception {
        UcpParams params = new UcpParams().requestRmaFeature();
        UcpWorkerParams workerParams = new UcpWorkerParams();
        if (waitForEvents) {
            params.requestWakeupFeature();
            workerParams.requestThreadSafety().requestWakeupRX();
        }
        try (UcpContext context = new UcpContext(params); UcpWorker worker = context.newWorker(workerParams);
                UcpMemory memory = context.memoryMap(new UcpMemMapParams().allocate().setLength(size));
                ServerSocket server = new ServerSocket()) {
            server.bind(address);
            System.out.println("LISTENING");
            try (Socket socket = server.accept()) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                writeBytes(out, worker.getAddress());
                out.writeLong(memory.getAddress());
                writeBytes(out, memory.getRemoteKeyBuffer());
                out.flush();
                Thread watcher = whenClosed(socket, () -> {
                    if (waitForEvents) {
                        worker.signal(); // wakes the main thread in waitForEvents
                    }
                });
                long lastWork = System.nanoTime();
                while (watcher.isAlive()) {
                    lastWork = progressOrSleep(worker, lastWork, waitForEvents);
                }
            }
        }
    }

    private static void initiator(InetSocketAddress address, int warmup, int count, int warmupMib, int countMib, boolean asRsm)
            throws Exception {
        UcpParams params = new UcpParams().requestRmaFeature();
        UcpWorkerParams workerParams = new UcpWorkerParams();
        if (asRsm) {
            params.requestAmFeature().requestWakeupFeature().setConfig("USE_MT_MUTEX", "y");
            workerParams.requestThreadSafety().requestWakeupRX();
        }
        try (Socket socket = new Socket(address.getAddress(), address.getPort()); UcpContext context = new UcpContext(params);
                UcpWorker worker = context.newWorker(workerParams); Arena arena = Arena.ofShared()) {
            AtomicBoolean done = new AtomicBoolean();
            Thread progress = asRsm ? Thread.ofPlatform().daemon().start(() -> progressUntil(worker, done)) : null;
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteBuffer workerAddress = readBytes(in);
            long remoteAddress = in.readLong();
            ByteBuffer remoteKeyBuffer = readBytes(in);
            UcpEndpoint endpoint = worker.newEndpoint(new UcpEndpointParams().setUcpAddress(workerAddress).setPeerErrorHandlingMode());
            UcpRemoteKey remoteKey = endpoint.unpackRemoteKey(remoteKeyBuffer);
            MemorySegment source = arena.allocate(MIB, 8);
            for (boolean awaitPut : new boolean[] {false, true}) {
                String name = awaitPut ? "jucx-seq-put" : "jucx-put";
                System.out.println(OpTimes.measure(name + "8", 8, warmup, count,
                        () -> putAndFlush(worker, endpoint, source.address(), 8, remoteAddress, remoteKey, awaitPut)).line());
                System.out.println(OpTimes.measure(name + "1m", MIB, warmupMib, countMib,
                        () -> putAndFlush(worker, endpoint, source.address(), MIB, remoteAddress, remoteKey, awaitPut)).line());
            }
            remoteKey.close();
            endpoint.closeNonBlockingFlush();
            if (progress != null) {
                done.set(true);
                worker.signal();
                LockSupport.unpark(progress);
                progress.join();
            }
        }
    }

    /**
     * The RSM data path's progress thread: progress, else sleep until an event; while the transferring thread drives a
     * request, it leaves the worker to it.
     */
    private static void progressUntil(UcpWorker worker, AtomicBoolean done) {
        try {
            long lastWork = System.nanoTime();
            long driverCheck = FIRST_DRIVER_CHECK_NANOS;
            while (!done.get()) {
                if (driving.get() > 0) {
                    LockSupport.parkNanos(driverCheck);
                    driverCheck = Math.min(2 * driverCheck, LONGEST_DRIVER_CHECK_NANOS);
                    continue;
                }
                driverCheck = FIRST_DRIVER_CHECK_NANOS;
                lastWork = progressOrSleep(worker, lastWork, !done.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A put and a flush; with {@code awaitPut} the flush starts once the put completed, as the RSM data path does. */
    private static void putAndFlush(UcpWorker worker, UcpEndpoint endpoint, long local, long size, long remote,
            UcpRemoteKey remoteKey, boolean awaitPut) throws Exception {
        UcpRequest put = endpoint.putNonBlocking(local, size, remote, remoteKey, null);
        if (awaitPut) {
            complete(worker, put);
        }
        complete(worker, endpoint.flushNonBlocking(null));
        if (!put.isCompleted() || put.getStatus() != UcsConstants.STATUS.UCS_OK) {
            throw new IOException("put failed: UCX status " + put.getStatus());
        }
    }

    /** Drives a request to its end on this thread, yielding when there was nothing to do (as the RSM data path does). */
    private static void complete(UcpWorker worker, UcpRequest request) throws Exception {
        driving.incrementAndGet();
        try {
            while (!request.isCompleted()) {
                if (worker.progress() == 0) {
                    Thread.yield();
                }
            }
        } finally {
            driving.decrementAndGet();
        }
        if (request.getStatus() != UcsConstants.STATUS.UCS_OK) {
            throw new IOException("UCX status " + request.getStatus());
        }
    }

    /** The id of the active messages of the ping-pong. */
    private static final int PING = 1;

    /** A worker that counts the active messages it receives (its handler runs on the thread that progresses it). */
    private record CountingWorker(UcpContext context, UcpWorker worker, long[] received) implements AutoCloseable {
        static CountingWorker open() {
            UcpContext context = new UcpContext(new UcpParams().requestAmFeature());
            UcpWorker worker = context.newWorker(new UcpWorkerParams());
            long[] received = {0};
            worker.setAmRecvHandler(PING, (header, headerSize, data, parameters) -> {
                received[0]++;
                return UcsConstants.STATUS.UCS_OK;
            }, 0);
            return new CountingWorker(context, worker, received);
        }

        /** Sends an eager message of an 8-byte header and drives it to completion. */
        void send(UcpEndpoint endpoint, MemorySegment header) throws Exception {
            complete(worker, endpoint.sendAmNonBlocking(PING, header.address(), header.byteSize(), 0, 0,
                    UcpConstants.UCP_AM_SEND_FLAG_EAGER, null));
        }

        /** Progresses until the {@code count}th message has arrived. */
        void awaitReceived(long count) throws Exception {
            while (received[0] < count) {
                worker.progress();
            }
        }

        @Override
        public void close() {
            worker.close();
            context.close();
        }
    }

    private static void amTarget(InetSocketAddress address) throws Exception {
        try (CountingWorker target = CountingWorker.open(); ServerSocket server = new ServerSocket(); Arena arena = Arena.ofConfined()) {
            server.bind(address);
            System.out.println("LISTENING");
            try (Socket socket = server.accept()) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                writeBytes(out, target.worker().getAddress());
                out.flush();
                AtomicBoolean done = new AtomicBoolean();
                AtomicReference<String> failure = new AtomicReference<>();
                // the initiator's endpoint fails once it has ended (before or after its socket's close is seen here)
                UcpEndpoint initiator = target.worker().newEndpoint(new UcpEndpointParams()
                        .setUcpAddress(readBytes(new DataInputStream(socket.getInputStream()))).setPeerErrorHandlingMode()
                        .setErrorHandler((endpoint, status, message) -> failure.set(message)));
                whenClosed(socket, () -> done.set(true));
                MemorySegment header = arena.allocate(8, 8);
                for (long answered = 0; !done.get();) {
                    if (failure.get() != null) {
                        Thread.sleep(100); // done if the initiator ended: its socket's close is on its way
                        if (!done.get()) {
                            throw new IOException("the endpoint to the initiator failed: " + failure.get());
                        }
                    } else if (target.received()[0] > answered) {
                        target.send(initiator, header);
                        answered++;
                    } else {
                        target.worker().progress();
                    }
                }
            }
        }
    }

    private static void amInitiator(InetSocketAddress address, int warmup, int count) throws Exception {
        try (Socket socket = new Socket(address.getAddress(), address.getPort()); CountingWorker initiator = CountingWorker.open();
                Arena arena = Arena.ofConfined()) {
            UcpEndpoint target = initiator.worker().newEndpoint(new UcpEndpointParams()
                    .setUcpAddress(readBytes(new DataInputStream(socket.getInputStream()))).setPeerErrorHandlingMode());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            writeBytes(out, initiator.worker().getAddress());
            out.flush();
            MemorySegment header = arena.allocate(8, 8);
            for (boolean flush : new boolean[] {false, true}) {
                System.out.println(OpTimes.measure(flush ? "jucx-am-flush" : "jucx-am", 0, warmup, count, () -> {
                    long answers = initiator.received()[0];
                    initiator.send(target, header);
                    if (flush) {
                        complete(initiator.worker(), target.flushNonBlocking(null));
                    }
                    initiator.awaitReceived(answers + 1);
                }).line());
            }
            target.closeNonBlockingForce();
        }
    }

    /** A thread that runs {@code then} once the initiator has closed {@code socket} (it sends nothing more: it is done). */
    private static Thread whenClosed(Socket socket, Runnable then) {
        return Thread.ofPlatform().daemon().start(() -> {
            try {
                while (socket.getInputStream().read() >= 0) {
                    // nothing is sent
                }
            } catch (IOException e) {
                // closed: done
            }
            then.run();
        });
    }

    private static void writeBytes(DataOutputStream out, ByteBuffer buffer) throws IOException {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static ByteBuffer readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }
}
