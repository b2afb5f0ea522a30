// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.inspector;

import java.lang.foreign.MemorySegment;

import org.rsmworkbench.emulator.SegmentView;

/** A segment as it was at an instant of a recording: its bytes then, read-only, as the inspector reads a live one. */
record InstantView(int nodeId, int segmentId, byte[] bytes) implements SegmentView {

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public MemorySegment memory() {
        return MemorySegment.ofArray(bytes).asReadOnly();
    }

    @Override
    public void close() {
        // nothing is held
    }
}
