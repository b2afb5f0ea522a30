// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;

import java.nio.charset.StandardCharsets;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.emulator.backend.RegistryView;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * One connect's look at the registry in ZooKeeper. Its reads are not one snapshot: the connect's commit checks the
 * version of the segment it read ({@link #segmentVersion}) and is retried with a new view when it changed.
 */
final class ZooKeeperView implements RegistryView {
    private final ZooKeeper zooKeeper;
    private final ClusterSpec spec;
    /** The version of the segment znode {@link #published} read last. */
    private int segmentVersion = -1;
    private long segmentCreation;
    /** Where the data path reaches the segment {@link #published} read last. */
    private ExportAddress exportAddress;

    ZooKeeperView(ZooKeeper zooKeeper, ClusterSpec spec) {
        this.zooKeeper = zooKeeper;
        this.spec = spec;
    }

    @Override
    public ClusterSpec spec() {
        return spec;
    }

    @Override
    public boolean isNodeUp(int node) {
        return Znodes.NODE_UP.equals(read(Znodes.node(node)));
    }

    @Override
    public boolean isLinkUp(int link) {
        return Znodes.LINK_UP.equals(read(Znodes.link(link)));
    }

    /** The text of a state znode, or null when there is none. */
    private String read(String path) {
        byte[] state = ZooKeeperRegistry.call(() -> {
            try {
                return zooKeeper.getData(path, false, null);
            } catch (KeeperException.NoNodeException e) {
                return null;
            }
        });
        return state == null ? null : new String(state, StandardCharsets.UTF_8);
    }

    @Override
    public PublishedSegment published(int node, int segmentId) throws RsmException {
        Stat stat = new Stat();
        byte[] data = ZooKeeperRegistry.call(() -> {
            try {
                return zooKeeper.getData(Znodes.segment(node, segmentId), false, stat);
            } catch (KeeperException.NoNodeException e) {
                return null;
            }
        });
        if (data == null) {
            return null;
        }
        segmentVersion = stat.getVersion();
        segmentCreation = stat.getCzxid();
        try {
            SegmentRecord record = SegmentRecord.decode(node, segmentId, data);
            exportAddress = record.address();
            return record.segment();
        } catch (IllegalArgumentException e) {
            throw error(RsmError.INTERNAL_ERROR, "cannot connect to segment %s of node %d: its record in ZooKeeper is damaged (%s)",
                    id(segmentId), node, e.getMessage());
        }
    }

    /** The version of the segment znode that {@link #published} read last. */
    int segmentVersion() {
        return segmentVersion;
    }

    /**
     * Which publication of the segment {@link #published} read last (the creation of its znode): a segment unpublished and
     * published again has the version of a new one.
     */
    long segmentCreation() {
        return segmentCreation;
    }

    /** Where the data path reaches the segment that {@link #published} read last. */
    ExportAddress exportAddress() {
        return exportAddress;
    }
}
