// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import org.eclipse.jdt.core.dom.Message;
import org.eclipse.jdt.debug.core.IJavaBreakpoint;
import org.eclipse.jdt.debug.core.IJavaBreakpointListener;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.IJavaType;
import org.eclipse.debug.core.DebugException;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSetBreakpoints;
import org.rsmworkbench.core.debug.sets.NodeSetControl;

/**
 * The listener of breakpoints limited to a node set ({@link NodeSetBreakpoints}): a hit in a node JVM outside the set
 * does not suspend; every other hit is left to JDT (and the other listeners).
 */
public final class NodeSetBreakpointListener implements IJavaBreakpointListener {
    @Override
    public int breakpointHit(IJavaThread thread, IJavaBreakpoint breakpoint) {
        int node = NodeSetControl.nodeOf(thread.getDebugTarget());
        NodeSet set = NodeSetBreakpoints.nodesOf(breakpoint);
        return node < 0 || set.contains(node) ? DONT_CARE : DONT_SUSPEND;
    }

    @Override
    public void addingBreakpoint(IJavaDebugTarget target, IJavaBreakpoint breakpoint) {
    }

    @Override
    public int installingBreakpoint(IJavaDebugTarget target, IJavaBreakpoint breakpoint, IJavaType type) {
        return DONT_CARE;
    }

    @Override
    public void breakpointInstalled(IJavaDebugTarget target, IJavaBreakpoint breakpoint) {
    }

    @Override
    public void breakpointRemoved(IJavaDebugTarget target, IJavaBreakpoint breakpoint) {
    }

    @Override
    public void breakpointHasRuntimeException(IJavaLineBreakpoint breakpoint, DebugException exception) {
    }

    @Override
    public void breakpointHasCompilationErrors(IJavaLineBreakpoint breakpoint, Message[] errors) {
    }
}
