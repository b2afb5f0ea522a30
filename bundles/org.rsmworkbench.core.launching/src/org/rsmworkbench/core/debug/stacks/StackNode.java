// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.stacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.rsmworkbench.emulator.trace.CallSite;

/**
 * A frame of the merged tree: the threads whose stacks, read from the outermost frame, share the path from the root
 * to this frame. Its children are the frames those threads called next; the threads that stop here are those whose
 * innermost (shown) frame this is.
 */
public final class StackNode {
    private final CallSite frame;
    private final List<NodeThread> threads = new ArrayList<>();
    private final List<NodeThread> stoppedHere = new ArrayList<>();
    private final Map<CallSite, StackNode> children = new LinkedHashMap<>();

    StackNode(CallSite frame) {
        this.frame = frame;
    }

    StackNode child(CallSite callee) {
        return children.computeIfAbsent(callee, StackNode::new);
    }

    void add(NodeThread thread, boolean stopsHere) {
        threads.add(thread);
        if (stopsHere) {
            stoppedHere.add(thread);
        }
    }

    public CallSite frame() {
        return frame;
    }

    /** The frames called from this one, in the order the threads were met. */
    public List<StackNode> children() {
        return List.copyOf(children.values());
    }

    /** Every thread whose stack passes through this frame. */
    public List<NodeThread> threads() {
        return Collections.unmodifiableList(threads);
    }

    /** The threads whose innermost shown frame this is. */
    public List<NodeThread> stoppedHere() {
        return Collections.unmodifiableList(stoppedHere);
    }

    /** The nodes of {@link #threads()}, ascending. */
    public List<Integer> nodes() {
        TreeSet<Integer> nodes = new TreeSet<>();
        threads.forEach(t -> nodes.add(t.node()));
        return List.copyOf(nodes);
    }

    /** Who is here: {@code nodes 1,3-8 · 7 threads}, {@code node 2 · 1 thread}. */
    public String label() {
        List<Integer> nodes = nodes();
        return (nodes.size() == 1 ? "node " : "nodes ") + ParallelStacks.nodeList(nodes) + " · " + threads.size()
                + (threads.size() == 1 ? " thread" : " threads");
    }

    @Override
    public String toString() {
        return frame + " [" + label() + "]";
    }
}
