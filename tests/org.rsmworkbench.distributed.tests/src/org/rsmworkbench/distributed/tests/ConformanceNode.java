// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.internal.ClusterDirectory;
import org.rsmworkbench.emulator.internal.ClusterRuntime;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The node program of {@link CrossHostCluster}: a node JVM on a host of its own that makes the RSMAPI calls the tests send
 * it, through a Unix socket that the tests listen on (ARGUMENT: its path), on processes of its node (as many as the tests
 * ask for, with the credentials they give) that join the launch's distributed cluster with files of their own, as a node
 * JVM of {@code rsm.cluster.own} does. It ends when the tests close the socket.
 */
public final class ConformanceNode extends CallWire {
    private static final long PAGE = 4096;

    private final ClusterRuntime runtime;
    private final ClusterSpec spec;
    private final int node;
    private final String connectString;
    private final Duration sessionTimeout;
    private final Map<Long, Object> objects = new ConcurrentHashMap<>();
    private final Map<Object, Long> handles = new IdentityHashMap<>();
    private final Map<Long, MemorySegment> allocations = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final List<RsmLibrary> processes = new ArrayList<>();
    private DataOutputStream out;

    private ConformanceNode(ClusterRuntime runtime, ClusterSpec spec, int node, String connectString, Duration sessionTimeout) {
        this.runtime = runtime;
        this.spec = spec;
        this.node = node;
        this.connectString = connectString;
        this.sessionTimeout = sessionTimeout;
    }

    public static void main(String[] args) throws Exception {
        String connectString = System.getProperty(DistributedBackend.PROPERTY);
        int node = Integer.getInteger("rsm.node");
        Duration sessionTimeout = Duration.ofMillis(Long.getLong(DistributedBackend.SESSION_TIMEOUT_PROPERTY,
                DistributedBackend.DEFAULT_SESSION_TIMEOUT.toMillis()));
        ClusterSpec spec = new ZooKeeperBackend().spec(connectString);
        ClusterDirectory directory = ClusterDirectory.create(spec, null);
        ClusterRuntime runtime = directory.attach();
        ConformanceNode served = new ConformanceNode(runtime, spec, node, connectString, sessionTimeout);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])))) {
            served.serve(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))),
                    new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
        } finally {
            served.closeProcesses();
            directory.detach(runtime);
            directory.remove();
        }
        System.out.println("served the tests' calls");
    }

    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        this.out = out;
        synchronized (out) {
            out.writeInt(node);
            out.flush();
        }
        for (;;) {
            DataInputStream frame;
            try {
                frame = receiveFrame(in);
            } catch (EOFException e) {
                return; // the tests are done
            }
            int call = frame.readInt();
            // each call in a thread of its own: a call that blocks (a wait) must not hold up the others
            Thread.ofPlatform().daemon().name("call " + call).start(() -> answer(call, frame));
        }
    }

    /** Makes the call the rest of {@code frame} says and sends its answer; one that cannot be read or answered fails alone. */
    private void answer(int call, DataInputStream frame) {
        Object[] arguments = new Object[0];
        Object result = null;
        Throwable thrown = null;
        try {
            long target = frame.readLong();
            String type = frame.readUTF();
            String name = frame.readUTF();
            Class<?>[] parameterTypes = new Class<?>[frame.readInt()];
            for (int i = 0; i < parameterTypes.length; i++) {
                parameterTypes[i] = type(frame.readUTF());
            }
            arguments = new Object[parameterTypes.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = read(frame);
            }
            result = target == NODE ? newProcess((Credentials) arguments[0])
                    : type(type).getMethod(name, parameterTypes).invoke(objects.get(target), arguments);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } catch (Throwable e) {
            thrown = e;
        }
        try {
            sendFrame(out, answerFrame(call, result, thrown, arguments));
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot answer the tests' call " + call + ": " + e);
        }
    }

    /** The answer: what the call returned or threw, then its arguments as it left them; what cannot be sent is the failure. */
    private byte[] answerFrame(int call, Object result, Throwable thrown, Object[] arguments) throws IOException {
        try {
            return frame(answer -> {
                answer.writeInt(call);
                if (thrown == null) {
                    answer.writeByte(RETURNED);
                    write(answer, result);
                } else {
                    writeThrown(answer, thrown);
                }
                answer.writeInt(arguments.length);
                for (Object argument : arguments) {
                    writeBack(answer, argument);
                }
            });
        } catch (IOException | RuntimeException e) {
            return frame(answer -> {
                answer.writeInt(call);
                writeThrown(answer, new IllegalStateException("the answer cannot be sent back: " + e));
                answer.writeInt(0);
            });
        }
    }

    private static void writeThrown(DataOutputStream answer, Throwable thrown) throws IOException {
        answer.writeByte(THREW);
        answer.writeUTF(thrown.getClass().getName());
        answer.writeUTF(thrown instanceof RsmException rsm ? rsm.error().name() : "");
        answer.writeUTF(String.valueOf(thrown.getMessage()));
    }

    /** An argument as the call left it, when the caller's copy must be brought up to date: arrays, copied memory. */
    private void writeBack(DataOutputStream answer, Object argument) throws IOException {
        switch (argument) {
        case MemorySegment segment when !isAllocation(segment) -> writeArray(answer, segment.toArray(ValueLayout.JAVA_BYTE));
        case Object array when array.getClass().isArray() && array.getClass().getComponentType().isPrimitive() -> writeArray(answer, array);
        case null, default -> answer.writeByte(NULL);
        }
    }

    /** A new process of this node, joined to the registry with a session of its own, as Rsm.open makes one. */
    private RsmLibrary newProcess(Credentials credentials) throws RsmException {
        ClusterRegistry registry = new ZooKeeperBackend().join(connectString, sessionTimeout, spec, node, credentials, runtime, true);
        try {
            RsmLibrary process = runtime.newProcess(node, credentials, registry);
            synchronized (processes) {
                processes.add(process);
            }
            return process;
        } catch (RsmException | RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    private void closeProcesses() {
        synchronized (processes) {
            processes.forEach(RsmLibrary::close);
            processes.clear();
        }
    }

    // ---------------------------------------------------------------- values of this side

    /** Whether {@code segment} is in memory a process of this node allocated (and the tests map): nothing to copy back. */
    private boolean isAllocation(MemorySegment segment) {
        allocations.values().removeIf(a -> !a.scope().isAlive()); // its process ended: the addresses may be reused
        return allocations.values().stream().anyMatch(a -> a.scope().equals(segment.scope()) && a.address() <= segment.address()
                && segment.address() + segment.byteSize() <= a.address() + a.byteSize());
    }

    @Override
    boolean writeOther(DataOutputStream out, Object value) throws IOException {
        if (value instanceof MemorySegment segment) {
            writeNewSharedMemory(out, segment);
            return true;
        }
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            bindingInterfaces(c, interfaces);
        }
        if (interfaces.isEmpty()) {
            return false;
        }
        Long handle;
        synchronized (handles) {
            handle = handles.computeIfAbsent(value, v -> {
                long id = nextId.getAndIncrement();
                objects.put(id, v);
                return id;
            });
        }
        out.writeByte(HANDLE);
        out.writeLong(handle);
        out.writeInt(interfaces.size());
        for (Class<?> i : interfaces) {
            out.writeUTF(i.getName());
        }
        return true;
    }

    private static void bindingInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getPackageName().equals(Rsm.class.getPackageName())) {
                into.add(i);
            }
            bindingInterfaces(i, into);
        }
    }

    /**
     * Memory a call returned (what {@code allocate} makes: file-backed, shared): the file and offset behind it, read from
     * {@code /proc/self/maps}, so that the tests map the same pages and see what this node's processes write.
     */
    private void writeNewSharedMemory(DataOutputStream out, MemorySegment segment) throws IOException {
        long address = segment.address();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] fields = line.trim().split("\\s+", 6);
            String[] range = fields[0].split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            // a shared mapping of a file that is still there: what the tests can map too
            if (start <= address && address + segment.byteSize() <= end && fields.length == 6 && fields[1].endsWith("s")
                    && fields[5].startsWith("/") && !fields[5].endsWith(" (deleted)")) {
                long id = nextId.getAndIncrement();
                allocations.put(id, segment);
                out.writeByte(NEW_SHARED_MEMORY);
                out.writeLong(id);
                out.writeUTF(fields[5]);
                out.writeLong(Long.parseUnsignedLong(fields[2], 16) + address - start);
                out.writeLong(segment.byteSize());
                out.writeBoolean(segment.isReadOnly());
                return;
            }
        }
        throw new IOException("no file is mapped shared at 0x" + Long.toHexString(address) + ": the memory cannot be shared with the tests");
    }

    @Override
    Object readOther(byte tag, DataInputStream in) throws IOException {
        switch (tag) {
        case HANDLE -> {
            return objects.get(in.readLong());
        }
        case SHARED_MEMORY -> {
            MemorySegment allocation = allocations.get(in.readLong());
            MemorySegment slice = allocation.asSlice(in.readLong(), in.readLong());
            return in.readBoolean() ? slice.asReadOnly() : slice;
        }
        case COPIED_MEMORY -> {
            byte[] contents = new byte[in.readInt()];
            in.readFully(contents);
            boolean heap = in.readBoolean();
            long pageOffset = in.readLong();
            boolean readOnly = in.readBoolean();
            MemorySegment made;
            if (heap) {
                made = MemorySegment.ofArray(contents);
            } else {
                // the same address modulo a page as the tests' memory: alignment checks answer as they would there
                made = Arena.ofAuto().allocate(contents.length + PAGE, PAGE).asSlice(pageOffset, contents.length);
                MemorySegment.copy(MemorySegment.ofArray(contents), 0, made, 0, contents.length);
            }
            return readOnly ? made.asReadOnly() : made;
        }
        default -> throw new IOException("unknown value tag " + tag + " from the tests");
        }
    }
}
