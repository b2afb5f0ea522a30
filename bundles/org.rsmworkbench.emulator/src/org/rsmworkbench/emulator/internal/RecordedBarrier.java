// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.RsmException;

/** A barrier whose open, order, close and destroy are recorded with their result, on its segment. */
final class RecordedBarrier extends Recorded implements Barrier {
    private final Barrier barrier;
    private final int node;
    private final int id;

    RecordedBarrier(Barrier barrier, TraceLog log, int node, int id) {
        super(log);
        this.barrier = barrier;
        this.node = node;
        this.id = id;
    }

    @Override
    public void open() throws RsmException {
        record(EventKind.BARRIER_OPEN, node, id, 0, barrier::open);
    }

    @Override
    public void order() throws RsmException {
        record(EventKind.BARRIER_ORDER, node, id, 0, barrier::order);
    }

    @Override
    public void close() throws RsmException {
        record(EventKind.BARRIER_CLOSE, node, id, 0, barrier::close);
    }

    @Override
    public void destroy() throws RsmException {
        record(EventKind.BARRIER_DESTROY, node, id, 0, barrier::destroy);
    }
}
