// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.stacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * What the threads that stop here do in RSM terms, one entry per call and set of possible wakers, with the segments
     * they wait on: {@code signalWait on 3:0x400100, 4:0x400100 — can be woken by node 1}. A thread whose call the
     * registry does not show adds what its JVM said of it ({@code connect to 3:0x400300}), or its bare call when no
     * other thread shows a wait in that call. Null when no thread stops in an RSM call.
     */
    public String rsmActivity() {
        record Activity(String call, List<Integer> wakers) {
        }
        Map<Activity, Set<Object>> waits = new LinkedHashMap<>();
        Set<String> unregistered = new LinkedHashSet<>();
        for (NodeThread thread : stoppedHere) {
            String call = thread.rsmCall();
            if (call == null) {
                continue;
            }
            if (thread.rsmWait() == null) {
                unregistered.add(thread.rsmActivity());
            } else {
                waits.computeIfAbsent(new Activity(call, List.copyOf(thread.rsmWait().wakerNodes())), _ -> new LinkedHashSet<>())
                        .addAll(thread.rsmWait().segments());
            }
        }
        List<String> activities = new ArrayList<>();
        waits.forEach((activity, segments) -> activities.add(NodeThread.activity(activity.call(), segments, activity.wakers())));
        unregistered.stream().filter(call -> waits.keySet().stream().noneMatch(a -> a.call().equals(call))).forEach(activities::add);
        return activities.isEmpty() ? null : String.join("; ", activities);
    }

    @Override
    public String toString() {
        return frame + " [" + label() + "]";
    }
}
