// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.tests.support.NetworkNamespaces;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.conformance.ConformanceCluster;
import org.rsmworkbench.tests.support.conformance.NotAcrossHosts;
import org.rsmworkbench.tests.support.TestFolders;

/**
 * A distributed cluster of three nodes, node N alone on network-namespace host hN, for the conformance suites (a static
 * {@code @RegisterExtension} field): a three-server ZooKeeper ensemble on the hosts, rsm-launch run on h1 with a hosts
 * file, and on each host a node JVM ({@link ConformanceNode}) that makes the suites' calls on processes of its node. The
 * tests hold proxies of those processes: each call goes to its node's JVM through a Unix socket and comes back with its
 * result or its RsmException; the memory that a node's process allocates is mapped here too (the same file), so that a
 * test reads what an importer on another host put into it. The processes a test made end after it; tests marked
 * {@link NotAcrossHosts} are disabled, saying why. Skipped, saying why, where network namespaces cannot be made.
 */
final class CrossHostCluster implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ExecutionCondition, ConformanceCluster {
    static final int NODES = 3;
    /** How long a call may take: well beyond the data path's timeout and a ZooKeeper session's. */
    private static final Duration CALL_WAIT = Duration.ofSeconds(90);
    private static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final long PAGE = 4096;

    private final NetworkNamespaceHosts hosts = new NetworkNamespaceHosts(NODES);
    private final List<RsmLibrary> processes = new CopyOnWriteArrayList<>();
    private final Map<Integer, NodeJvm> nodes = new ConcurrentHashMap<>();
    private Path folder;
    private NamespaceZooKeeperEnsemble ensemble;
    private ServerSocketChannel calls;
    private Process launch;
    private Arena mappings;
    /** How many test classes run now: the outer one and its {@code @Nested} ones, which share the cluster. */
    private int classes;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (classes++ > 0) {
            return;
        }
        hosts.beforeAll(context);
        folder = Files.createTempDirectory("rsm-cross-host-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        mappings = Arena.ofShared();
        ensemble = NamespaceZooKeeperEnsemble.start(hosts, Files.createDirectory(folder.resolve("zookeeper")), Duration.ofSeconds(60));
        StringBuilder hostsFile = new StringBuilder("# node N alone on host hN\n");
        for (NetworkNamespaces.Host host : hosts.hosts()) {
            hostsFile.append("host ").append(host.name()).append(" nodes=").append(host.number())
                    .append(NetworkNamespaceHosts.throughNamespace(host)).append('\n');
        }
        hostsFile.append("classpath shared\n");
        Path socket = folder.resolve("calls");
        calls = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        List<String> command = RsmLaunchOnHost.command(hosts.host(1), Files.writeString(folder.resolve("hosts"), hostsFile),
                ensemble.connectString(), ClassPathEntries.of(ConformanceNode.class).toString(), List.of("--nodes", String.valueOf(NODES),
                        "--timeout", "3600s"), ConformanceNode.class.getName(), List.of(socket.toString()));
        ProcessBuilder launcher = new ProcessBuilder(command);
        // UCX's shared-memory transports would reach across the namespaces of one machine: TCP, as between machines
        launcher.environment().put("UCX_TLS", "tcp");
        launch = launcher.redirectOutput(folder.resolve("launch.out").toFile())
                .redirectError(folder.resolve("launch.err").toFile()).start();
        launch.getOutputStream().close();
        acceptNodes();
    }

    /** Waits for each node JVM to connect and say its node. */
    private void acceptNodes() throws IOException, InterruptedException {
        CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
            try {
                while (nodes.size() < NODES) {
                    NodeJvm node = new NodeJvm(calls.accept());
                    nodes.put(node.node, node);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, runnable -> Thread.ofPlatform().daemon().start(runnable));
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!accepted.isDone()) {
            if (!launch.isAlive() || System.nanoTime() > deadline) {
                calls.close();
                throw new AssertionError("the node JVMs did not all connect (" + nodes.keySet() + " did): "
                        + (launch.isAlive() ? "not within " + START_WAIT.toSeconds() + " s" : "rsm-launch ended") + launchOutput());
            }
            Thread.sleep(100);
        }
        try {
            accepted.join();
        } catch (RuntimeException e) {
            throw new AssertionError("cannot take the node JVMs' connections" + launchOutput(), e);
        }
    }

    private String launchOutput() {
        try {
            return "\nrsm-launch printed:\n" + Files.readString(folder.resolve("launch.out")) + Files.readString(folder.resolve("launch.err"));
        } catch (IOException e) {
            return "\n(rsm-launch's output cannot be read: " + e + ")";
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<RsmLibrary> made = new ArrayList<>(processes);
        processes.clear();
        RuntimeException failed = null;
        for (RsmLibrary process : made) {
            try {
                process.close();
            } catch (RuntimeException e) { // the others are closed all the same
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (--classes > 0) {
            return;
        }
        try {
            for (NodeJvm node : nodes.values()) {
                node.close();
            }
            if (launch != null && !launch.waitFor(60, TimeUnit.SECONDS)) {
                launch.destroy(); // it kills its node JVMs as it ends
                if (!launch.waitFor(20, TimeUnit.SECONDS)) {
                    launch.destroyForcibly();
                }
                throw new AssertionError("rsm-launch did not end once the tests closed their calls" + launchOutput());
            }
            if (launch != null && launch.exitValue() != 0) {
                throw new AssertionError("rsm-launch ended with status " + launch.exitValue() + launchOutput());
            }
        } finally {
            if (calls != null) {
                calls.close();
            }
            if (ensemble != null) {
                ensemble.close();
            }
            if (mappings != null) {
                mappings.close();
            }
            hosts.afterAll(context);
            if (folder != null) {
                TestFolders.delete(folder);
            }
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<NotAcrossHosts> notHere = context.getElement().map(e -> e.getAnnotation(NotAcrossHosts.class));
        return notHere.map(n -> ConditionEvaluationResult.disabled("does not apply with each node on a host of its own: " + n.value()))
                .orElse(ConditionEvaluationResult.enabled("runs across hosts"));
    }

    @Override
    public RsmLibrary process(int node, Credentials credentials) throws RsmException {
        NodeJvm jvm = nodes.get(node);
        if (jvm == null) {
            throw new IllegalArgumentException("the cluster has nodes 1.." + NODES + ", not " + node);
        }
        RsmLibrary process = (RsmLibrary) jvm.call(CallWire.NODE, "", "process", new Class<?>[] { Credentials.class },
                new Object[] { credentials });
        processes.add(process);
        return process;
    }

    @Override
    public boolean acrossHosts() {
        return true;
    }

    @Override
    public EmulatedCluster cluster() {
        throw new UnsupportedOperationException("the nodes run on other hosts: no in-JVM cluster (mark the test @NotAcrossHosts)");
    }

    // ---------------------------------------------------------------- one node JVM's calls

    /** The calls to one node JVM: proxies of its objects, the memory of its allocations mapped here. */
    private final class NodeJvm extends CallWire {
        private final SocketChannel channel;
        private final DataInputStream in;
        private final DataOutputStream out;
        private final int node;
        private final AtomicInteger nextCall = new AtomicInteger();
        private final Map<Integer, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
        private final Map<Long, Object> proxies = new ConcurrentHashMap<>();
        /** The node's allocations as mapped here, by their number there. */
        private final Map<Long, MemorySegment> shared = new ConcurrentHashMap<>();
        private volatile String ended;

        NodeJvm(SocketChannel channel) throws IOException {
            this.channel = channel;
            in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            node = in.readInt();
            Thread.ofPlatform().daemon().name("calls of node " + node).start(this::readAnswers);
        }

        private record Answer(Object value, Exception thrown, List<Object> after) {
        }

        Object call(long target, String type, String name, Class<?>[] parameterTypes, Object[] arguments) throws RsmException {
            if (ended != null) {
                throw new IllegalStateException("cannot call " + name + " on node " + node + why());
            }
            int call = nextCall.incrementAndGet();
            byte[] request;
            try {
                request = frame(frame -> {
                    frame.writeInt(call);
                    frame.writeLong(target);
                    frame.writeUTF(type);
                    frame.writeUTF(name);
                    frame.writeInt(parameterTypes.length);
                    for (Class<?> p : parameterTypes) {
                        frame.writeUTF(p.getName());
                    }
                    for (Object argument : arguments) {
                        write(frame, argument);
                    }
                });
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot pass the arguments of " + name + " to node " + node + ": " + e.getMessage(), e);
            }
            CompletableFuture<Answer> answered = new CompletableFuture<>();
            pending.put(call, answered);
            Answer answer;
            try {
                sendFrame(out, request);
                answer = answered.get(CALL_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new IllegalStateException("cannot send " + name + " to node " + node + "'s JVM" + why(), e);
            } catch (TimeoutException e) {
                throw new AssertionError(name + " on node " + node + " did not return within " + CALL_WAIT.toSeconds() + " s" + why());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + name + " ran on node " + node, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(name + " on node " + node + ": " + e.getCause().getMessage() + why(), e.getCause());
            } finally {
                pending.remove(call);
            }
            for (int i = 0; i < arguments.length && i < answer.after().size(); i++) {
                copyBack(arguments[i], answer.after().get(i));
            }
            if (answer.thrown() instanceof RsmException rsm) {
                throw rsm;
            }
            if (answer.thrown() != null) {
                throw (RuntimeException) answer.thrown(); // what exception() makes of any other
            }
            return answer.value();
        }

        /** What the call did to an argument of the caller's: a get's data into an array or memory of the test. */
        private static void copyBack(Object argument, Object after) {
            switch (argument) {
            case byte[] a -> System.arraycopy(after, 0, a, 0, a.length);
            case short[] a -> System.arraycopy(after, 0, a, 0, a.length);
            case int[] a -> System.arraycopy(after, 0, a, 0, a.length);
            case long[] a -> System.arraycopy(after, 0, a, 0, a.length);
            case MemorySegment segment when after != null && !segment.isReadOnly() ->
                MemorySegment.copy(MemorySegment.ofArray((byte[]) after), 0, segment, 0, segment.byteSize());
            case null, default -> {
                // passed by value or shared: nothing to bring back
            }
            }
        }

        private void readAnswers() {
            for (;;) {
                DataInputStream frame;
                try {
                    frame = receiveFrame(in);
                } catch (IOException e) {
                    ended = e.toString();
                    pending.values().forEach(p -> p.completeExceptionally(e));
                    return;
                }
                CompletableFuture<Answer> waiting = null;
                try {
                    waiting = pending.get(frame.readInt());
                    if (waiting == null) {
                        continue; // the answer of a call given up (timed out, interrupted)
                    }
                    Object value = null;
                    Exception thrown = null;
                    if (frame.readByte() == RETURNED) {
                        value = read(frame);
                    } else {
                        thrown = exception(frame.readUTF(), frame.readUTF(), frame.readUTF());
                    }
                    List<Object> after = new ArrayList<>();
                    for (int i = frame.readInt(); i > 0; i--) {
                        after.add(read(frame));
                    }
                    waiting.complete(new Answer(value, thrown, after));
                } catch (IOException | RuntimeException e) {
                    if (waiting != null) {
                        waiting.completeExceptionally(e); // this answer cannot be read: its call fails, the others go on
                    }
                }
            }
        }

        private String why() {
            String end = ended;
            return end == null ? "" : " (its connection ended: " + end + ")" + launchOutput();
        }

        /** The exception the node's call threw, as the test would have caught it had the call been made here. */
        private static Exception exception(String type, String rsmError, String message) {
            if (!rsmError.isEmpty()) {
                String prefix = "RSMERR_" + rsmError + ": ";
                return new RsmException(RsmError.valueOf(rsmError), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
            }
            try {
                Constructor<?> withMessage = Class.forName(type).getConstructor(String.class);
                if (RuntimeException.class.isAssignableFrom(withMessage.getDeclaringClass())) {
                    return (RuntimeException) withMessage.newInstance(message);
                }
            } catch (ReflectiveOperationException e) {
                // not a JDK exception with a message: said as it is below
            }
            return new IllegalStateException(type + " on the node's host: " + message);
        }

        @Override
        boolean writeOther(DataOutputStream out, Object value) throws IOException {
            if (value instanceof MemorySegment segment) {
                writeMemory(out, segment);
                return true;
            }
            if (Proxy.isProxyClass(value.getClass()) && Proxy.getInvocationHandler(value) instanceof Handle handle) {
                if (handle.jvm() != this) {
                    throw new IOException("an object of node " + handle.jvm().node + " cannot be passed to node " + node);
                }
                out.writeByte(HANDLE);
                out.writeLong(handle.id());
                return true;
            }
            return false;
        }

        /** The node's own allocation when the memory is in one, else a copy of the memory (copied back after the call). */
        private void writeMemory(DataOutputStream out, MemorySegment segment) throws IOException {
            for (Map.Entry<Long, MemorySegment> allocation : shared.entrySet()) {
                MemorySegment mapped = allocation.getValue();
                long offset = segment.address() - mapped.address();
                if (segment.isNative() && offset >= 0 && offset + segment.byteSize() <= mapped.byteSize()) {
                    out.writeByte(SHARED_MEMORY);
                    out.writeLong(allocation.getKey());
                    out.writeLong(offset);
                    out.writeLong(segment.byteSize());
                    out.writeBoolean(segment.isReadOnly());
                    return;
                }
            }
            byte[] contents = segment.toArray(ValueLayout.JAVA_BYTE);
            out.writeByte(COPIED_MEMORY);
            out.writeInt(contents.length);
            out.write(contents);
            out.writeBoolean(!segment.isNative());
            out.writeLong(segment.isNative() ? segment.address() % PAGE : 0);
            out.writeBoolean(segment.isReadOnly());
        }

        @Override
        Object readOther(byte tag, DataInputStream in) throws IOException {
            switch (tag) {
            case HANDLE -> {
                long id = in.readLong();
                int count = in.readInt();
                Class<?>[] interfaces = new Class<?>[count];
                for (int i = 0; i < count; i++) {
                    interfaces[i] = type(in.readUTF());
                }
                return proxies.computeIfAbsent(id, i -> Proxy.newProxyInstance(RsmLibrary.class.getClassLoader(), interfaces,
                        new Handle(this, i, interfaces[0].getSimpleName())));
            }
            case NEW_SHARED_MEMORY -> {
                long id = in.readLong();
                Path file = Path.of(in.readUTF());
                long fileOffset = in.readLong();
                long length = in.readLong();
                boolean readOnly = in.readBoolean();
                PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile() || !attributes.owner().getName().equals(System.getProperty("user.name"))) {
                    throw new IOException(file + " is not a file of this user's: it is not mapped");
                }
                Set<OpenOption> options = readOnly ? Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
                        : Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                try (FileChannel opened = FileChannel.open(file, options)) {
                    MemorySegment mapped = opened.map(readOnly ? FileChannel.MapMode.READ_ONLY : FileChannel.MapMode.READ_WRITE,
                            fileOffset, length, mappings);
                    shared.put(id, mapped);
                    return mapped;
                }
            }
            default -> throw new IOException("unknown value tag " + tag + " from node " + node);
            }
        }

        void close() throws IOException {
            channel.close();
        }
    }

    /** A proxy's handle: the node JVM that has the object, and its number there. */
    private record Handle(NodeJvm jvm, long id, String what) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> what + " #" + id + " of node " + jvm.node;
                };
            }
            return jvm.call(id, method.getDeclaringClass().getName(), method.getName(), method.getParameterTypes(),
                    arguments == null ? new Object[0] : arguments);
        }
    }

    @Override
    public String toString() {
        return "a cluster of " + NODES + " nodes on network-namespace hosts" + (folder == null ? "" : " (" + folder + ")");
    }
}
