// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.sets;

import java.util.List;
import java.util.SortedSet;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jdt.debug.core.IJavaBreakpoint;
import org.rsmworkbench.core.debug.stacks.ParallelStacks;

/**
 * Breakpoints that stop only the nodes of a set: a property of the breakpoint (its marker's {@link #ATTR_NODES}, the
 * nodes as a list such as {@code 1,3}) that the breakpoint listener {@value #LISTENER_ID} reads at each hit: a thread
 * of a node JVM outside the set does not stop (the listener votes not to suspend); JVMs that are no node of a cluster
 * launch, and breakpoints without the property, are left to JDT. The Breakpoints view shows the set after the
 * breakpoint's label: {@code [nodes 1,3]}.
 */
public final class NodeSetBreakpoints {
    /** Marker attribute of a breakpoint limited to a node set: its nodes, e.g. {@code 1,3-5}. */
    public static final String ATTR_NODES = "org.rsmworkbench.core.debug.sets.nodes";
    /** The id of the Java breakpoint listener that keeps nodes outside the set running (plugin.xml). */
    public static final String LISTENER_ID = "org.rsmworkbench.core.launching.nodeSetBreakpoints";
    /** The marker attribute whose text JDT's label of a Java breakpoint ends with. */
    private static final String JDT_LABEL_SUFFIX = "JDT_BREAKPOINT_LABEL_SUFFIX";

    private NodeSetBreakpoints() {
    }

    /**
     * Limits the breakpoint to the nodes of {@code set}, or lifts the limit with {@link NodeSet#all()} (every node
     * stops again).
     */
    public static void limitTo(IJavaBreakpoint breakpoint, NodeSet set) throws CoreException {
        IMarker marker = breakpoint.getMarker();
        if (set.isAll()) {
            breakpoint.removeBreakpointListener(LISTENER_ID);
            marker.setAttribute(ATTR_NODES, null);
            marker.setAttribute(JDT_LABEL_SUFFIX, null);
        } else {
            marker.setAttribute(ATTR_NODES, set.nodeList());
            marker.setAttribute(JDT_LABEL_SUFFIX, " " + suffix(set.nodes()));
            breakpoint.addBreakpointListener(LISTENER_ID);
        }
    }

    /**
     * The nodes the breakpoint stops, or {@link NodeSet#all()} when it is not limited (or its property is not a node list).
     * The set is named after its nodes: {@code nodes 1,3}.
     */
    public static NodeSet nodesOf(IBreakpoint breakpoint) {
        IMarker marker = breakpoint.getMarker();
        String nodes = marker == null ? null : marker.getAttribute(ATTR_NODES, null);
        if (nodes == null) {
            return NodeSet.all();
        }
        try {
            SortedSet<Integer> parsed = NodeSet.parseNodes(nodes);
            return NodeSet.of(describe(parsed), parsed);
        } catch (IllegalArgumentException edited) {
            return NodeSet.all();
        }
    }

    /** {@code [nodes 1,3]}, {@code [node 2]}. */
    private static String suffix(SortedSet<Integer> nodes) {
        return "[" + describe(nodes) + "]";
    }

    private static String describe(SortedSet<Integer> nodes) {
        return (nodes.size() == 1 ? "node " : "nodes ") + ParallelStacks.nodeList(List.copyOf(nodes));
    }
}
