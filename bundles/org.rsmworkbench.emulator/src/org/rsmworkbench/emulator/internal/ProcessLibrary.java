// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.backend.ClusterRegistry;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.rsmapi.Connections;
import org.rsmworkbench.rsmapi.ControllerAttributes;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.RemoteController;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.SegmentIdRange;
import org.rsmworkbench.rsmapi.Topology;

/** librsm inside one emulated process: its memory, controllers and handles. */
final class ProcessLibrary implements RsmLibrary {
    static final String LOOPBACK = "loopback";
    static final String SEGMENT_ID_CONF = "segmentid.conf";
    private static final long SEGMENT_ID_CONF_MAX_BYTES = 1L << 20;

    final ClusterRuntime runtime;
    final int nodeId;
    final Credentials credentials;
    final int slot;
    final int serial;
    final int nodeEpoch;
    /**
     * The registry's mutation count at which this process's node was last found alive (or {@link Registry#UNCHECKED}):
     * the words that say so change only in mutations.
     */
    int aliveAt = Registry.UNCHECKED;
    final LocalMemory memory;
    /** The signal wait a thread of this process is in, published in the registry. */
    final WaitTracker waits;
    final Set<ExportHandle> exports = ConcurrentHashMap.newKeySet();
    final Set<ImportHandle> imports = ConcurrentHashMap.newKeySet();
    /** The registry of record of a distributed cluster, consulted at control calls; null in a local cluster. */
    final ClusterRegistry clusterRegistry;
    private final Map<String, Controller> controllers = new HashMap<>();
    private volatile boolean closed;

    ProcessLibrary(ClusterRuntime runtime, int nodeId, Credentials credentials, int slot, int serial, int nodeEpoch,
            ClusterRegistry clusterRegistry) {
        this.runtime = runtime;
        this.clusterRegistry = clusterRegistry;
        this.nodeId = nodeId;
        this.credentials = credentials;
        this.slot = slot;
        this.serial = serial;
        this.nodeEpoch = nodeEpoch;
        this.memory = new LocalMemory(runtime.memoryDirectory, serial, runtime.pageSize);
        this.waits = new WaitTracker(runtime.registry, slot, serial);
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * In a node JVM, ends the JVM (137) if this process's node was killed: control calls ask first, so that a
     * program of a dead node does nothing more. (Put and get ask only after a registry mutation, before their copy:
     * one that fails ends the JVM in {@link Errors}.)
     */
    void checkAlive() {
        runtime.haltIfNodeDied(this);
    }

    void checkOpen() throws RsmException {
        checkAlive();
        if (closed) {
            throw closedError();
        }
    }

    /**
     * BAD_CTLR_HNDL of a call on this closed process; reads nothing of the registry, which the cluster's close may have
     * unmapped (in an ending JVM it waits for the halt first: {@link #whyClosed}).
     */
    RsmException closedError() {
        String why = whyClosed(!Thread.holdsLock(this)); // the exit hook's close takes this lock
        return error(RsmError.BAD_CTLR_HNDL, "the RSM library of process %d on node %d has been closed%s", serial, nodeId,
                JvmExit.ending() ? " (" + why + ")" : ""); // "its library was closed" would repeat the message
    }

    /**
     * Why this process is closed, for the failure of a call on its handles; null when it is open. In a JVM that is
     * ending, first waits for its halt ({@link JvmExit}), so that the call ends with the JVM as it would with a C
     * process; not when {@code mayWait} is false: the caller holds a lock that the exit hook's close takes.
     */
    String whyClosed(boolean mayWait) {
        if (!closed) {
            return null;
        }
        if (!JvmExit.ending()) {
            return "its library was closed";
        }
        if (mayWait && !JvmExit.awaitHalt(runtime.registry)) {
            return "its process ended; its JVM did not halt within " + JvmExit.HALT_WAIT_MILLIS
                    + " ms: a shutdown hook of the program's own holds it up";
        }
        return "its process ended";
    }

    /** {@link #whyClosed} (waiting) as a message's end: " (why)", or nothing when this process is open. */
    String closedNote() {
        return closedNote(true);
    }

    /** {@link #whyClosed} as a message's end: " (why)", or nothing when this process is open. */
    String closedNote(boolean mayWait) {
        String why = whyClosed(mayWait);
        return why == null ? "" : " (" + why + ")";
    }

    @Override
    public int localNodeId() {
        return nodeId;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public MemorySegment allocate(long length) throws RsmException {
        checkOpen();
        if (length <= 0) {
            throw error(RsmError.BAD_LENGTH, "cannot allocate %d bytes: the length must be positive", length);
        }
        try {
            return memory.allocate(length);
        } catch (IOException | RuntimeException e) {
            throw error(RsmError.INSUFFICIENT_MEM, "cannot allocate %d bytes of shared memory on node %d: %s", length,
                    nodeId, e.getMessage());
        }
    }

    @Override
    public synchronized RsmController getController(String name) throws RsmException {
        checkOpen();
        String key;
        try {
            key = controllerKey(name == null ? LOOPBACK : name);
        } catch (NumberFormatException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "controller name \"%s\" has a unit number out of range", name);
        }
        Controller controller = controllers.get(key);
        if (controller == null) {
            controller = openController(name == null ? LOOPBACK : name, key);
            controllers.put(key, controller);
        }
        controller.acquire();
        return controller;
    }

    /** The type (lower case) and unit of a controller name: "sci0" and "SCI" both give "sci0"; loopback ignores the unit. */
    private static String controllerKey(String name) {
        int end = name.length();
        while (end > 0 && Character.isDigit(name.charAt(end - 1))) {
            end--;
        }
        String type = name.substring(0, end).toLowerCase(Locale.ROOT);
        if (type.equals(LOOPBACK)) {
            return LOOPBACK;
        }
        String unit = end == name.length() ? "0" : Integer.toString(Integer.parseInt(name.substring(end)));
        return type + unit;
    }

    private Controller openController(String name, String key) throws RsmException {
        NodeSpec node = runtime.spec.node(nodeId);
        List<ControllerSpec> specs = node.controllers();
        ControllerAttributes base = specs.isEmpty() ? ControllerSpec.DEFAULT_ATTRIBUTES : specs.get(0).attributes();
        if (key.equals(LOOPBACK)) {
            ControllerAttributes loopback = new ControllerAttributes(base.directAccessSizes(), base.atomicSizes(),
                    base.pageSize(), 0, base.totalExportSegmentSize(), base.maxExportSegments(),
                    base.maxImportMapSize(), base.totalImportMapSize(), base.maxImportSegments());
            return new Controller(this, LOOPBACK, 0, loopback, base.maxExportSegmentSize());
        }
        for (int i = 0; i < specs.size(); i++) {
            if (controllerKey(specs.get(i).name()).equals(key)) {
                ControllerAttributes attributes = withoutDirectAccessAcrossHosts(specs.get(i).attributes());
                return new Controller(this, specs.get(i).name(), i + 1, attributes, attributes.maxExportSegmentSize());
            }
        }
        List<String> names = new ArrayList<>(List.of(LOOPBACK));
        specs.forEach(c -> names.add(c.name()));
        throw error(RsmError.CTLR_NOT_PRESENT, "node %d has no controller \"%s\" (its controllers: %s)", nodeId, name,
                names);
    }

    /**
     * The attributes of a controller that reaches other nodes, as this process has them: a node of a cluster launched
     * across hosts (its JVM names its host in {@value DistributedBackend#HOST_PROPERTY}) cannot map the segments of nodes on
     * other hosts (MAP_FAILED), so its controllers report no direct access sizes; the loopback controller, which reaches
     * only this node, keeps them.
     */
    private ControllerAttributes withoutDirectAccessAcrossHosts(ControllerAttributes attributes) {
        if (clusterRegistry == null || System.getProperty(DistributedBackend.HOST_PROPERTY) == null) {
            return attributes;
        }
        return new ControllerAttributes(0, attributes.atomicSizes(), attributes.pageSize(), attributes.maxExportSegmentSize(),
                attributes.totalExportSegmentSize(), attributes.maxExportSegments(), attributes.maxImportMapSize(),
                attributes.totalImportMapSize(), attributes.maxImportSegments());
    }

    /** A controller whose refcount reached 0 is forgotten: the next getController opens it anew. */
    synchronized void released(Controller controller) {
        controllers.values().remove(controller);
    }

    @Override
    public Topology getInterconnectTopology() throws RsmException {
        checkOpen();
        NodeSpec node = runtime.spec.node(nodeId);
        List<Connections> connections = new ArrayList<>();
        for (int c = 0; c < node.controllers().size(); c++) {
            String name = node.controllers().get(c).name();
            List<RemoteController> remotes = new ArrayList<>();
            List<LinkSpec> links = runtime.spec.links();
            for (int l = 0; l < links.size(); l++) {
                LinkSpec link = links.get(l);
                int remoteNode;
                String remoteController;
                if (link.nodeA() == nodeId && link.controllerA().equalsIgnoreCase(name)) {
                    remoteNode = link.nodeB();
                    remoteController = link.controllerB();
                } else if (link.nodeB() == nodeId && link.controllerB().equalsIgnoreCase(name)) {
                    remoteNode = link.nodeA();
                    remoteController = link.controllerA();
                } else {
                    continue;
                }
                boolean active = runtime.isLinkUp(l) && runtime.isNodeUp(remoteNode);
                remotes.add(new RemoteController(remoteNode, remoteController,
                        hwAddr(remoteNode, controllerIndex(remoteNode, remoteController)),
                        active ? Rsm.CONNECTION_ACTIVE : 0));
            }
            connections.add(new Connections(name, hwAddr(nodeId, c + 1), remotes));
        }
        return new Topology(nodeId, connections);
    }

    /** The emulated hardware address of a controller: node id and controller index. */
    static long hwAddr(int node, int controllerIndex) {
        return ((long) node << 8) | controllerIndex;
    }

    private int controllerIndex(int node, String name) {
        List<ControllerSpec> specs = runtime.spec.node(node).controllers();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    @Override
    public SegmentIdRange getSegmentIdRange(String appId) throws RsmException {
        checkOpen();
        if (appId == null) {
            throw error(RsmError.BAD_ADDR, "the application id is null");
        }
        Path file = runtime.directory.resolve(SEGMENT_ID_CONF);
        List<String> lines;
        try {
            // a regular file only (a FIFO would hang the call), of a size a configuration can have
            lines = new String(RegularFiles.read(file.toRealPath(), SEGMENT_ID_CONF_MAX_BYTES), StandardCharsets.UTF_8)
                    .lines().toList();
        } catch (NoSuchFileException e) {
            throw error(RsmError.BAD_CONF, "no segment-id configuration: %s does not exist (lines: reserved <appid> <base-hex> <length>)", file);
        } catch (IOException e) {
            throw error(RsmError.BAD_CONF, "cannot read %s: %s", file, e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] words = content.split("\\s+");
            long base;
            long length;
            try {
                if (words.length != 4 || !words[0].equals("reserved")) {
                    throw new NumberFormatException();
                }
                String hex = words[2].toLowerCase(Locale.ROOT);
                base = Long.parseLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
                length = Long.parseLong(words[3]);
            } catch (NumberFormatException e) {
                throw error(RsmError.BAD_CONF, "%s line %d is malformed: \"%s\" (expected: reserved <appid> <base-hex> <length-decimal>)",
                        file, i + 1, line);
            }
            if (words[1].equals(appId)) {
                return new SegmentIdRange(base, length);
            }
        }
        throw error(RsmError.BAD_APPID, "application id \"%s\" has no reserved range in %s", appId, file);
    }

    @Override
    public int signalWaitPollFd(List<PollFd> fds, int timeoutMillis) throws RsmException {
        return signalWaitPollFd(fds, timeoutMillis, () -> {
        });
    }

    /**
     * {@link #signalWaitPollFd(List, int)}, running {@code waiting} once the first look found no event pending (and the
     * timeout is not 0): a recorder records the beginning of a wait only then.
     */
    int signalWaitPollFd(List<PollFd> fds, int timeoutMillis, Runnable waiting) throws RsmException {
        checkOpen();
        if (fds == null) {
            throw error(RsmError.BAD_ADDR, "the pollfd list is null");
        }
        List<PollFdImpl> ours = new ArrayList<>(fds.size());
        for (PollFd fd : fds) {
            if (!(fd instanceof PollFdImpl impl) || impl.owner().process() != this) {
                throw error(RsmError.BAD_ARGS_ERRORS, "pollfd %s was not made by getPollFd of this process", fd);
            }
            impl.setReady(false);
            ours.add(impl);
        }
        int[] ready = new int[1];
        BooleanSupplier consume = () -> {
            for (PollFdImpl fd : ours) {
                if (fd.owner().consumeEvent()) {
                    fd.setReady(true);
                    ready[0]++;
                }
            }
            return ready[0] > 0;
        };
        long start = System.nanoTime();
        if (!consume.getAsBoolean()) {
            if (timeoutMillis != 0) {
                waiting.run();
            }
            if (!runtime.awaitEvent(this, timeoutMillis, consume, () -> waits.enter(ours, timeoutMillis))) {
                if (closed) {
                    throw closedError(); // closed meanwhile: no timeout
                }
                throw error(RsmError.TIMEOUT, "no signal arrived on %d segment(s) of node %d %s", ours.size(), nodeId,
                        Errors.waitedFor(timeoutMillis, start));
            }
        }
        return ready[0];
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            controllers.clear();
        }
        exports.clear();
        imports.forEach(ImportHandle::release);
        imports.clear();
        runtime.processEnded(this);
        if (!JvmExit.ending()) {
            memory.close(); // an ending JVM's stays mapped until the halt: its program's threads still use it meanwhile
        }
        if (clusterRegistry != null) {
            clusterRegistry.close();
        }
    }

    @Override
    public String toString() {
        return "process " + serial + " on node " + nodeId + " (" + credentials + ")";
    }
}
