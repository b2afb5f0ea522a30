// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IThread;

/** The threads that suspend at a breakpoint while this is open (a debug launch's node JVMs, in tests). */
public final class BreakpointStops implements AutoCloseable {
    private final Set<IThread> threads = ConcurrentHashMap.newKeySet();
    private final IDebugEventSetListener listener = events -> {
        for (DebugEvent event : events) {
            if (event.getKind() == DebugEvent.SUSPEND && event.getDetail() == DebugEvent.BREAKPOINT && event.getSource() instanceof IThread thread) {
                threads.add(thread);
            }
        }
    };

    public BreakpointStops() {
        DebugPlugin.getDefault().addDebugEventListener(listener);
    }

    /** The threads stopped at a breakpoint so far (a live set). */
    public Set<IThread> threads() {
        return threads;
    }

    @Override
    public void close() {
        DebugPlugin.getDefault().removeDebugEventListener(listener);
    }
}
