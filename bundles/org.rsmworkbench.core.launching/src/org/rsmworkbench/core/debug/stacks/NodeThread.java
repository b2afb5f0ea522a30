// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.stacks;

import java.util.List;

import org.eclipse.debug.core.model.IThread;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * A suspended thread of a node JVM.
 *
 * @param node the node the JVM runs
 * @param name the thread's name
 * @param frames its stack, innermost frame first
 * @param thread the debug model's thread (to select it in the Debug view), or null outside a debug session
 */
public record NodeThread(int node, String name, List<CallSite> frames, IThread thread) {
    public NodeThread {
        frames = List.copyOf(frames);
    }

    /** The RSM call the thread is inside ({@code signalWait}...), or null. */
    public String rsmCall() {
        return ParallelStacks.rsmCall(frames);
    }
}
