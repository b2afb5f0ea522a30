// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.emulator.RemoteSegmentView;
import org.rsmworkbench.emulator.backend.ConnectChecks;
import org.rsmworkbench.emulator.backend.RemoteSegment;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A published segment of an attached distributed cluster, read by the observer through its own UCX worker: an endpoint to
 * the exporter's worker address and the remote key from the segment's znode, as an importer's data path has, but no
 * connection in the registry. {@link #memory()} is a copy that {@link #fetch} fills: a sparse mapping of a deleted
 * temporary file, so that a large segment costs the memory of what was read.
 * <p>
 * A write is checked as a connect for writing of a process of the stated node with the stated credentials would be
 * ({@link ConnectChecks} against the registry now, with the error text of the runtime), then put and flushed.
 */
final class UcxSegmentView implements RemoteSegmentView {
    /** A read goes through native memory of its own this big at most, then into the copy. */
    private static final long CHUNK = 1 << 20;

    private final ZooKeeperCluster cluster;
    private final int node;
    private final int segmentId;
    private final long size;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment copy;
    private final String name;
    /** The path to the exporter's memory, or null until the first read (and after a failed one). */
    private RemoteSegment path;
    /** Where {@link #path} reaches the segment. */
    private ExportAddress connectedTo;
    /** Read without the lock, which a read of the network holds: the UI thread reads {@link #memory()}. */
    private volatile boolean closed;

    UcxSegmentView(ZooKeeperCluster cluster, int node, int segmentId, long size) throws IOException {
        this.cluster = cluster;
        this.node = node;
        this.segmentId = segmentId;
        this.size = size;
        this.name = "segment " + id(segmentId) + " of node " + node;
        this.copy = sparseCopy(size, arena);
    }

    private static MemorySegment sparseCopy(long size, Arena arena) throws IOException {
        Path file = Files.createTempFile("rsm-inspect-", ".segment"); // a new file only this user may read
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, Math.max(1, size), arena).asSlice(0, size);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw new IOException("no room for a copy of the " + size + " bytes of the segment: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file); // the mapping stays
        }
    }

    @Override
    public int nodeId() {
        return node;
    }

    @Override
    public int segmentId() {
        return segmentId;
    }

    @Override
    public long size() {
        return size;
    }

    /** Published, as the registry was read last. */
    @Override
    public boolean isAlive() {
        return !closed && cluster.published(node, segmentId) != null;
    }

    @Override
    public String goneReason() {
        if (closed) {
            return "the inspector detached from it";
        }
        boolean nodeUp = cluster.state().nodes().stream().anyMatch(n -> n.id() == node && n.up());
        return (nodeUp ? "unpublished, or the process that exported it ended" : "node " + node + " went down")
                + ": the registry at " + cluster.location() + " no longer lists it";
    }

    /** The bytes read last (accesses fail with IllegalStateException once the view is closed). */
    @Override
    public MemorySegment memory() {
        if (closed) {
            throw new IllegalStateException(name + ": its view is closed");
        }
        return copy.asReadOnly();
    }

    @Override
    public synchronized void fetch(long offset, long length) throws IOException {
        if (length <= 0) {
            return;
        }
        ExportAddress address = cluster.address(node, segmentId);
        if (address == null) {
            throw new IOException(name + " is not published (" + goneReason() + ")");
        }
        try {
            read(connected(address), offset, length);
        } catch (IOException e) {
            disconnect(); // the next read makes a new path
            throw new IOException("cannot read " + name + " from " + address.host() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkWrite(int writerNode, Credentials credentials) throws RsmException {
        checked(writerNode, credentials);
    }

    /** The checks of a connect for writing by a process of {@code writerNode}; where the segment is now. */
    private ExportAddress checked(int writerNode, Credentials credentials) throws RsmException {
        ZooKeeperView registry;
        try {
            registry = new ZooKeeperView(cluster.session(), cluster.spec());
        } catch (IllegalStateException e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot check a write to %s: %s", name, e.getMessage());
        }
        NodeSpec writer = cluster.spec().node(writerNode);
        // the controller a program of that node connects through (the loopback one to its own node)
        String controller = writer == null || writer.controllers().isEmpty() ? null : writer.controllers().getFirst().name();
        try {
            ConnectChecks.check(registry, writerNode, controller, writerNode == node, credentials,
                    ZooKeeperRegistry.importer(writerNode, credentials), node, segmentId, Rsm.PERM_WRITE);
        } catch (ZooKeeperRegistry.Unavailable e) {
            throw error(RsmError.INSUFFICIENT_RESOURCES, "cannot check a write to %s: the cluster registry at %s failed: %s", name,
                    cluster.location(), e.getMessage());
        }
        return registry.exportAddress();
    }

    @Override
    public void write(int writerNode, Credentials credentials, long offset, byte[] bytes) throws RsmException {
        if (offset < 0 || offset + bytes.length > size) {
            throw error(RsmError.BAD_OFFSET, "%d bytes at %d do not fit in the %d bytes of %s", bytes.length, offset, size, name);
        }
        ExportAddress address = checked(writerNode, credentials);
        synchronized (this) {
            if (closed) {
                throw error(RsmError.BAD_SEG_HNDL, "%s: its view is closed", name);
            }
            try {
                RemoteSegment remote = connected(address);
                remote.put(offset, MemorySegment.ofArray(bytes));
                remote.flush();
                read(remote, offset, bytes.length);
            } catch (IOException e) {
                disconnect();
                throw error(RsmError.BARRIER_FAILURE, "the put to %s failed: %s", name, e.getMessage());
            }
        }
    }

    /**
     * Reads {@code [offset, offset + length)} into the copy, a chunk at a time through native memory of its own (as an
     * importer's get into heap memory is staged), so that UCX writes into ordinary memory only, not into the copy's file
     * mapping.
     */
    private void read(RemoteSegment remote, long offset, long length) throws IOException {
        try (Arena chunks = Arena.ofConfined()) {
            MemorySegment chunk = chunks.allocate(Math.min(length, CHUNK), 8);
            for (long done = 0; done < length; done += chunk.byteSize()) {
                long size = Math.min(chunk.byteSize(), length - done);
                remote.get(offset + done, chunk.asSlice(0, size));
                MemorySegment.copy(chunk, 0, copy, offset + done, size);
            }
        }
    }

    /** The path to the segment at {@code address}: the one there is unless it is down or goes elsewhere, else a new one. */
    private RemoteSegment connected(ExportAddress address) throws IOException {
        if (closed) {
            throw new IOException(name + ": its view is closed");
        }
        if (path != null && (path.pathDown() != null || !same(address, connectedTo))) {
            disconnect(); // republished at other memory, or a failed path
        }
        if (path == null) {
            try {
                path = cluster.dataPath().connect(address, segmentId, UcxDataPath.NO_CONNECTION);
            } catch (RsmException e) {
                throw new IOException(e.getMessage(), e);
            }
            connectedTo = address;
        }
        return path;
    }

    private static boolean same(ExportAddress a, ExportAddress b) {
        return a.address() == b.address() && Arrays.equals(a.worker(), b.worker()) && Arrays.equals(a.remoteKey(), b.remoteKey());
    }

    private void disconnect() {
        if (path != null) {
            path.close();
            path = null;
            connectedTo = null;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            disconnect();
            arena.close();
        }
        cluster.closed(this);
    }

    @Override
    public String toString() {
        return name + " of " + cluster;
    }
}
