// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;

import java.util.List;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.backend.PublishedSegment;
import org.rsmworkbench.emulator.backend.RegistryView;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/** The mapped registry as a {@link RegistryView}; used under the registry lock, for one connect. */
final class LocalRegistryView implements RegistryView {
    private final ClusterRuntime runtime;
    private final Registry registry;
    /** The slot of the segment {@link #published} found last. */
    private int lastSlot = -1;

    LocalRegistryView(ClusterRuntime runtime) {
        this.runtime = runtime;
        this.registry = runtime.registry;
    }

    @Override
    public ClusterSpec spec() {
        return runtime.spec;
    }

    @Override
    public boolean isNodeUp(int node) {
        return runtime.isNodeUp(node);
    }

    @Override
    public boolean isLinkUp(int link) {
        return runtime.isLinkUp(link);
    }

    @Override
    public PublishedSegment published(int node, int segmentId) throws RsmException {
        int slot = findPublished(node, segmentId);
        if (slot < 0) {
            return null;
        }
        try {
            SegmentRecords.Backing backing = SegmentRecords.backing(runtime, slot);
            String controller = SegmentRecords.controllerName(runtime, slot);
            List<AccessEntry> acl = SegmentRecords.acl(registry, slot);
            lastSlot = slot;
            return new PublishedSegment(node, segmentId, controller, backing.length(), registry.getInt(Seg.at(slot, Seg.UID)),
                    registry.getInt(Seg.at(slot, Seg.GID)), registry.getInt(Seg.at(slot, Seg.MODE)), acl);
        } catch (SegmentRecords.DamagedRecordException e) {
            throw error(RsmError.INTERNAL_ERROR, "cannot connect to segment %s of node %d: %s", id(segmentId), node,
                    e.getMessage());
        }
    }

    /** The registry slot of the segment {@link #published} returned last. */
    int lastSlot() {
        return lastSlot;
    }

    /** The slot of the segment published with that id on that node, or -1. */
    private int findPublished(int nodeId, int segmentId) {
        for (int s = 0; s < registry.segmentSlots(); s++) {
            if (registry.getInt(Seg.at(s, Seg.STATE)) == Seg.PUBLISHED && registry.getInt(Seg.at(s, Seg.NODE)) == nodeId
                    && registry.getInt(Seg.at(s, Seg.SEGMENT_ID)) == segmentId) {
                return s;
            }
        }
        return -1;
    }
}
