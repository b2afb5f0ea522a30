// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.SegmentRef;

/** A segment of a watched cluster as the input of a {@link SegmentInspector}: (cluster, node, segment id). */
public final class SegmentEditorInput implements IEditorInput {
    private final SegmentRef ref;

    public SegmentEditorInput(SegmentRef ref) {
        this.ref = Objects.requireNonNull(ref, "ref");
    }

    public SegmentRef ref() {
        return ref;
    }

    @Override
    public boolean exists() {
        return false; // a live segment is not reopened from the editor history after a restart
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return "node " + ref.node() + " " + ClusterTree.hex(ref.segmentId());
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return ref.cluster().label() + ": node " + ref.node() + " segment " + ClusterTree.hex(ref.segmentId()) + " ("
                + ref.cluster().location() + ")";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter.isInstance(ref) ? adapter.cast(ref) : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentEditorInput input && input.ref.equals(ref);
    }

    @Override
    public int hashCode() {
        return ref.hashCode();
    }
}
