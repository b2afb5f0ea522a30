// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug;

import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IMemoryBlockRetrieval;
import org.eclipse.debug.core.model.MemoryByte;
import org.rsmworkbench.core.inspect.PermissionMatrix;
import org.rsmworkbench.core.inspect.PermissionMatrix.Access;
import org.rsmworkbench.core.inspect.PermissionMatrix.Relation;
import org.rsmworkbench.core.inspect.SegmentWriter;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A segment as a memory block: addresses are offsets in the segment, the block starts at the
 * expression's offset. Bytes are READABLE; WRITABLE when the ACL lets some process write (edits are RSM
 * puts by such a process); CHANGED
 * where they differ from the bytes before the latest change the block saw (the block manages change
 * history, so every rendering marks the same bytes however often it reads).
 * <p>
 * The block watches the range its clients read (at most {@link #MAX_WATCHED} bytes), and its target polls
 * that range from the first read until the block is disposed; when the bytes changed, because any node put
 * or wrote them, the block fires a content change event and the renderings reload: the Memory view follows
 * the running cluster, which never suspends. (Polling does not wait for {@link #connect(Object)}: the debug
 * UI connects and disconnects renderings from jobs that may run in either order.)
 */
public final class SegmentMemoryBlock extends DebugElement implements IMemoryBlockExtension {
    private final ClusterDebugTarget target;
    private final SegmentExpression expression;
    private final SegmentView view;
    private final List<Object> connections = new ArrayList<>();
    /** The most bytes watched for changes: far more than a rendering's rows and buffers. */
    static final int MAX_WATCHED = 1 << 20;
    private BigInteger base;
    /** The watched range [watchStart, watchStart + current.length): its latest bytes seen, and those before the latest change. */
    private long watchStart;
    private byte[] current = new byte[0];
    private byte[] reference = new byte[0];
    private boolean reportedGone;
    private boolean disposed;

    SegmentMemoryBlock(ClusterDebugTarget target, SegmentExpression expression, SegmentView view) {
        super(target);
        this.target = target;
        this.expression = expression;
        this.view = view;
        this.base = BigInteger.valueOf(expression.offset());
    }

    @Override
    public String getModelIdentifier() {
        return ClusterDebugTarget.MODEL_ID;
    }

    @Override
    public String getExpression() {
        return expression.toString();
    }

    @Override
    public BigInteger getBigBaseAddress() {
        return base;
    }

    @Override
    public BigInteger getMemoryBlockStartAddress() {
        return BigInteger.ZERO;
    }

    @Override
    public BigInteger getMemoryBlockEndAddress() {
        return BigInteger.valueOf(view.size() - 1);
    }

    @Override
    public BigInteger getBigLength() {
        return BigInteger.valueOf(view.size()).subtract(base);
    }

    @Override
    public int getAddressSize() {
        return 8;
    }

    @Override
    public int getAddressableSize() {
        return 1;
    }

    @Override
    public boolean supportBaseAddressModification() {
        return true;
    }

    @Override
    public void setBaseAddress(BigInteger address) throws DebugException {
        if (address.signum() < 0 || address.compareTo(BigInteger.valueOf(view.size())) >= 0) {
            throw ClusterDebugTarget.error("address 0x" + address.toString(16) + " is outside the segment (" + view.size() + " bytes)");
        }
        base = address;
        fireChangeEvent(DebugEvent.STATE);
    }

    @Override
    public boolean supportsChangeManagement() {
        return true;
    }

    @Override
    public MemoryByte[] getBytesFromOffset(BigInteger unitOffset, long addressableUnits) throws DebugException {
        return getBytesFromAddress(base.add(unitOffset), addressableUnits);
    }

    @Override
    public MemoryByte[] getBytesFromAddress(BigInteger address, long units) throws DebugException {
        MemoryByte[] bytes;
        boolean changed;
        synchronized (this) {
            if (disposed) {
                throw ClusterDebugTarget.error(expression + " was removed from the Memory view");
            }
            if (!view.isAlive()) {
                throw gone();
            }
            int count = (int) Math.min(units, Integer.MAX_VALUE - 8);
            long start = address.longValue();
            long from = Math.max(start, 0);
            long to = Math.min(start + count, view.size());
            long knownFrom = watchStart;
            long knownTo = watchStart + current.length;
            changed = false;
            byte[] values;
            long valuesStart;
            if (from >= to) {
                values = new byte[0];
                valuesStart = from;
            } else if (to - from > MAX_WATCHED) { // too much to keep: the bytes, without history
                values = read(from, to);
                valuesStart = from;
                knownFrom = knownTo;
            } else {
                if (current.length == 0) {
                    target.watch(this); // polled from now on
                }
                if ((from < knownFrom || to > knownTo) && !watch(from, to)) {
                    knownFrom = knownTo; // the watched range moved: no history here
                }
                changed = observe();
                values = current;
                valuesStart = watchStart;
            }
            bytes = new MemoryByte[count];
            boolean writable = someNodeMayWrite();
            for (int i = 0; i < count; i++) {
                long at = start + i;
                if (at < from || at >= to) {
                    bytes[i] = new MemoryByte((byte) 0, (byte) 0); // outside the segment: unreadable
                    continue;
                }
                int k = (int) (at - valuesStart);
                byte flags = (byte) (MemoryByte.READABLE | MemoryByte.ENDIANESS_KNOWN); // little endian: BIG_ENDIAN not set
                if (writable) {
                    flags |= MemoryByte.WRITABLE;
                }
                if (at >= knownFrom && at < knownTo) { // seen before this read: its history is known
                    flags |= MemoryByte.HISTORY_KNOWN;
                    if (current[k] != reference[k]) {
                        flags |= MemoryByte.CHANGED;
                    }
                }
                bytes[i] = new MemoryByte(values[k], flags);
            }
        }
        if (changed) {
            fireChangeEvent(DebugEvent.CONTENT); // other renderings of this block reload too
        }
        return bytes;
    }

    /**
     * Watches [from, to) (at most {@link #MAX_WATCHED} bytes) too: the watched range grows to cover both
     * (bytes new to it have no history yet), or, when that would be more than {@link #MAX_WATCHED} bytes,
     * moves there. Whether it kept what it watched.
     */
    private boolean watch(long from, long to) throws DebugException {
        long end = watchStart + current.length;
        long newStart = current.length == 0 ? from : Math.min(watchStart, from);
        long newEnd = current.length == 0 ? to : Math.max(end, to);
        boolean kept = current.length > 0;
        if (newEnd - newStart > MAX_WATCHED) {
            newStart = from;
            newEnd = to;
            current = new byte[0];
            reference = new byte[0];
            kept = false;
        }
        byte[] live = read(newStart, newEnd);
        byte[] grownReference = live.clone();
        byte[] grownCurrent = live.clone();
        if (current.length > 0) {
            int at = (int) (watchStart - newStart);
            System.arraycopy(reference, 0, grownReference, at, reference.length);
            System.arraycopy(current, 0, grownCurrent, at, current.length);
        }
        watchStart = newStart;
        reference = grownReference;
        current = grownCurrent;
        return kept;
    }

    /** Reads the watched range; when it changed, the bytes seen before become the history. Whether it changed. */
    private boolean observe() throws DebugException {
        byte[] live = read(watchStart, watchStart + current.length);
        if (java.util.Arrays.equals(live, current)) {
            return false;
        }
        reference = current;
        current = live;
        return true;
    }

    private byte[] read(long from, long to) throws DebugException {
        try {
            return view.memory().asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE);
        } catch (IllegalStateException e) {
            throw gone();
        }
    }

    private DebugException gone() {
        return ClusterDebugTarget.error(expression + " no longer exists (destroyed, or its node was killed)");
    }

    /**
     * Called by the target's poller: fires a content change event when the watched bytes changed (or once,
     * when the segment is gone, so that the renderings show why).
     */
    void poll() {
        boolean changed;
        synchronized (this) {
            if (disposed) {
                changed = false;
            } else if (!view.isAlive()) {
                changed = !reportedGone;
                reportedGone = true;
            } else {
                try {
                    changed = current.length > 0 && observe();
                } catch (DebugException e) {
                    changed = false;
                }
            }
        }
        if (changed) {
            fireChangeEvent(DebugEvent.CONTENT);
        }
    }

    /** The segment as the cluster's state has it now, or null when it is gone. */
    private ClusterState.Segment segmentState(ClusterState state) {
        for (ClusterState.Segment s : state.segments()) {
            if (s.node() == expression.node() && s.segmentId() == expression.segmentId()) {
                return s;
            }
        }
        return null;
    }

    /**
     * A process the ACL lets write the segment, as a cell of its permission matrix: the creator's uid first, then a
     * member of its group, then any other user; the segment's own node first, then the others. Null when none may
     * (a privileged process is not considered: the bytes are writable when the ACL makes them so).
     */
    private static PermissionMatrix.Cell writer(ClusterState state, ClusterState.Segment segment) {
        if (segment == null || !segment.published()) {
            return null;
        }
        PermissionMatrix matrix = PermissionMatrix.of(state, segment);
        List<Integer> nodes = new ArrayList<>(matrix.nodes());
        nodes.sort(Comparator.comparing(node -> node != segment.node()));
        for (Relation relation : List.of(Relation.OWNER, Relation.GROUP, Relation.OTHER)) {
            for (int node : nodes) {
                PermissionMatrix.Cell cell = matrix.cell(node, relation, Access.WRITE);
                if (cell.allowed()) {
                    return cell;
                }
            }
        }
        return null;
    }

    private boolean someNodeMayWrite() {
        ClusterState state = target.cluster().state();
        return writer(state, segmentState(state)) != null;
    }

    /**
     * Writes with an RSM put by a process the ACL lets write (see {@link #writer}), so the put is checked as any
     * program's is. When no process may, the segment's creator tries from its own node, and the refusal says why.
     */
    @Override
    public void setValue(BigInteger offset, byte[] bytes) throws DebugException {
        ClusterState state = target.cluster().state();
        ClusterState.Segment segment = segmentState(state);
        if (segment == null) {
            throw ClusterDebugTarget.error(expression + " no longer exists");
        }
        PermissionMatrix.Cell writer = writer(state, segment);
        int node = writer != null ? writer.node() : segment.node();
        Credentials credentials = PermissionMatrix.credentialsFor(segment, writer != null ? writer.relation() : Relation.OWNER);
        try (SegmentWriter put = SegmentWriter.open(target.cluster(), node, credentials, segment.node(), segment.segmentId())) {
            put.write(base.add(offset).longValue(), bytes);
        } catch (RsmException e) {
            throw ClusterDebugTarget.error("the write was refused: " + e.getMessage());
        }
        fireChangeEvent(DebugEvent.CONTENT);
    }

    @Override
    public synchronized void connect(Object client) {
        if (!connections.contains(client)) {
            connections.add(client);
        }
    }

    @Override
    public synchronized void disconnect(Object client) {
        connections.remove(client);
    }

    @Override
    public synchronized Object[] getConnections() {
        return connections.toArray();
    }

    @Override
    public void dispose() {
        synchronized (this) {
            disposed = true;
            connections.clear();
        }
        target.unwatch(this);
        view.close();
    }

    @Override
    public IMemoryBlockRetrieval getMemoryBlockRetrieval() {
        return target;
    }

    @Override
    public long getStartAddress() {
        return base.longValue();
    }

    @Override
    public long getLength() {
        return getBigLength().longValue();
    }

    @Override
    public byte[] getBytes() throws DebugException {
        MemoryByte[] bytes = getBytesFromAddress(base, Math.min(getLength(), 1 << 16));
        byte[] values = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i].getValue();
        }
        return values;
    }

    @Override
    public boolean supportsValueModification() {
        return true;
    }

    @Override
    public void setValue(long offset, byte[] bytes) throws DebugException {
        setValue(BigInteger.valueOf(offset), bytes);
    }
}
