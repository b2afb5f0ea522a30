// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples;

import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import org.rsmworkbench.examples.NodeGroup.Export;
import org.rsmworkbench.examples.NodeGroup.Peer;

/**
 * Ring all-reduce: every node contributes a vector (element i is {@code node * (i + 1)}) and ends with the
 * element-wise sum over all nodes. In each of N-1 steps a node puts the vector it received last (its own at
 * first) into its successor's inbox, signals, waits for its predecessor's, and adds it. Every node checks
 * the sum and prints the same {@code RESULT allreduce length=L sum=S} line.
 * <p>
 * Argument: the vector length (default 1024).
 */
public final class RingAllReduce {
    /** Every node exports its inbox under this id: one slot of the vector's size per step, so nothing is overwritten. */
    static final int INBOX = 0x400200;

    private RingAllReduce() {
    }

    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        NodeGroup.run(group -> {
            long[] sum = new long[length];
            Arrays.setAll(sum, i -> (long) group.self() * (i + 1));
            long slotBytes = 8L * length;
            int steps = group.size() - 1;
            Export inbox = group.export(INBOX, Math.max(1, steps) * slotBytes);
            Peer successor = group.connect(group.ringNeighbour(1), INBOX);
            // only to notice if the predecessor dies while we wait for it (see NodeGroup.awaitSignal)
            Peer predecessor = group.connect(group.ringNeighbour(-1), INBOX);
            long[] passing = sum.clone();
            for (int step = 0; step < steps; step++) {
                successor.segment().put64(step * slotBytes, passing, length);
                successor.segment().signalPost(0);
                group.awaitSignal(inbox.segment(), predecessor);
                passing = inbox.memory().asSlice(step * slotBytes, slotBytes).toArray(ValueLayout.JAVA_LONG);
                for (int i = 0; i < length; i++) {
                    sum[i] += passing[i];
                }
            }
            long nodeIdSum = group.nodes().stream().mapToLong(Integer::longValue).sum();
            for (int i = 0; i < length; i++) {
                if (sum[i] != nodeIdSum * (i + 1)) {
                    System.out.println("WRONG element " + i + " is " + sum[i] + ", expected " + nodeIdSum * (i + 1));
                    return false;
                }
            }
            System.out.println("RESULT allreduce length=" + length + " sum=" + Arrays.stream(sum).sum());
            return true;
        });
    }
}
