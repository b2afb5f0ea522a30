// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.stacks;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.debug.core.model.IThread;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.trace.CallSite;

/**
 * A suspended thread of a node JVM.
 *
 * @param node the node the JVM runs
 * @param name the thread's name
 * @param frames its stack, innermost frame first
 * @param thread the debug model's thread (to select it in the Debug view), or null outside a debug session
 * @param rsmWait the signal wait the cluster's registry shows for this thread's call, or null
 * @param rsmCallDescribed what the call does as its JVM says it ({@code connect to 3:0x400300}), or null
 */
public record NodeThread(int node, String name, List<CallSite> frames, IThread thread, ClusterWaits.Wait rsmWait,
        String rsmCallDescribed) {
    public NodeThread {
        frames = List.copyOf(frames);
    }

    /** A thread whose RSM call is described by the registry's wait only. */
    public NodeThread(int node, String name, List<CallSite> frames, IThread thread, ClusterWaits.Wait rsmWait) {
        this(node, name, frames, thread, rsmWait, null);
    }

    /** The RSM call the thread is inside ({@code signalWait}...), or null. */
    public String rsmCall() {
        return ParallelStacks.rsmCall(frames);
    }

    /**
     * What the thread does in RSM terms: {@code signalWait on 1:0x400100 — can be woken by node 2, 3} when the
     * registry shows its wait, {@code connect to 3:0x400300} or {@code barrier close on 2:0x400200} when its JVM told,
     * else the call alone; null outside an RSM call.
     */
    public String rsmActivity() {
        String call = rsmCall();
        if (call == null || rsmWait == null) {
            return call == null || rsmCallDescribed == null ? call : rsmCallDescribed;
        }
        return activity(call, rsmWait.segments(), rsmWait.wakerNodes());
    }

    /** {@code call on SEGMENTS — can be woken by node WAKERS}, the words of {@link #rsmActivity()}. */
    static String activity(String call, Collection<?> segments, Collection<Integer> wakers) {
        String on = segments.stream().map(Object::toString).collect(Collectors.joining(", "));
        String by = wakers.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return call + (on.isEmpty() ? "" : " on " + on) + (by.isEmpty() ? " — no process can wake it" : " — can be woken by node " + by);
    }
}
