package org.rsmworkbench.core.debug;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IMemoryBlockExtension;
import org.eclipse.debug.core.model.IMemoryBlockRetrieval;
import org.eclipse.debug.core.model.MemoryByte;
import org.rsmworkbench.core.inspect.SegmentWriter;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.SegmentView;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A segment as a memory block: addresses are offsets in the segment, the block starts at the
 * expression's offset. Bytes are READABLE; WRITABLE where the ACL lets some node write; CHANGED
 * where they differ from what this block last returned for the same address.
 */
public final class SegmentMemoryBlock extends DebugElement implements IMemoryBlockExtension {
    private final ClusterDebugTarget target;
    private final SegmentExpression expression;
    private final SegmentView view;
    private final List<Object> connections = new ArrayList<>();
    private BigInteger base;
    private byte[] lastBytes = new byte[0];
    private long lastOffset = -1;

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
        return false;
    }

    @Override
    public MemoryByte[] getBytesFromOffset(BigInteger unitOffset, long addressableUnits) throws DebugException {
        return getBytesFromAddress(base.add(unitOffset), addressableUnits);
    }

    @Override
    public synchronized MemoryByte[] getBytesFromAddress(BigInteger address, long units) throws DebugException {
        if (!view.isAlive()) {
            throw ClusterDebugTarget.error(expression + " no longer exists (destroyed, or its node was killed)");
        }
        int count = (int) Math.min(units, Integer.MAX_VALUE - 8);
        MemoryByte[] bytes = new MemoryByte[count];
        long start = address.longValue();
        boolean writable = someNodeMayWrite();
        MemorySegment memory = view.memory();
        byte[] read = new byte[count];
        for (int i = 0; i < count; i++) {
            long at = start + i;
            if (at < 0 || at >= view.size()) {
                bytes[i] = new MemoryByte((byte) 0, (byte) 0); // outside the segment: unreadable
                continue;
            }
            read[i] = memory.get(ValueLayout.JAVA_BYTE, at);
            byte flags = (byte) (MemoryByte.READABLE | MemoryByte.ENDIANESS_KNOWN); // little endian: BIG_ENDIAN not set
            if (writable) {
                flags |= MemoryByte.WRITABLE;
            }
            if (start == lastOffset && i < lastBytes.length) {
                flags |= MemoryByte.HISTORY_KNOWN;
                if (lastBytes[i] != read[i]) {
                    flags |= MemoryByte.CHANGED;
                }
            }
            bytes[i] = new MemoryByte(read[i], flags);
        }
        lastOffset = start;
        lastBytes = read;
        return bytes;
    }

    private boolean someNodeMayWrite() {
        ClusterState.Segment segment = segmentState();
        if (segment == null || !segment.published()) {
            return false;
        }
        if (segment.acl().isEmpty()) {
            return (segment.mode() & 0222) != 0;
        }
        return segment.acl().stream().mapToInt(AccessEntry::permission).anyMatch(p -> (p & 0222) != 0);
    }

    private ClusterState.Segment segmentState() {
        for (ClusterState.Segment s : target.cluster().state().segments()) {
            if (s.node() == expression.node() && s.segmentId() == expression.segmentId()) {
                return s;
            }
        }
        return null;
    }

    /** Writes as the segment's creator from its own node, so the ACL decides as for any program. */
    @Override
    public void setValue(BigInteger offset, byte[] bytes) throws DebugException {
        ClusterState.Segment segment = segmentState();
        if (segment == null) {
            throw ClusterDebugTarget.error(expression + " no longer exists");
        }
        Credentials creator = new Credentials(segment.creatorUid(), segment.creatorGid(), java.util.Set.of(), 022, false);
        try (SegmentWriter writer = SegmentWriter.open(target.cluster(), segment.node(), creator, segment.node(),
                segment.segmentId())) {
            writer.write(base.add(offset).longValue(), bytes);
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
