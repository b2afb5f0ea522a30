// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import org.rsmworkbench.examples.NodeGroup.Export;
import org.rsmworkbench.examples.NodeGroup.Peer;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A 1-D halo exchange: heat diffusing along a rod whose left end is held at 100 and right end at 0. Each
 * node owns {@code cells} consecutive cells plus a ghost cell on each side that holds its neighbour's
 * boundary cell. Per iteration a node sends its boundary cells to its neighbours in EXPLICIT barrier mode
 * (open, put, close; the close reports a failed transfer, and the span is retried), signals, waits for
 * theirs, and averages each cell with its two neighbours.
 * <p>
 * Each node checks its cells against a one-node run of the same computation and prints
 * {@code RESULT halo cells=C iterations=I checksum=S} (S from that run, so the same on every node).
 * <p>
 * Arguments: cells per node (default 1000), iterations (default 100).
 */
public final class HaloExchange {
    /** The segment a node's left neighbour writes its boundary cell into (two slots: iteration parity). */
    static final int GHOST_FROM_LEFT = 0x400300;
    /** The segment a node's right neighbour writes its boundary cell into. */
    static final int GHOST_FROM_RIGHT = 0x400301;
    private static final double LEFT_END = 100.0;
    private static final double RIGHT_END = 0.0;
    private static final int ATTEMPTS = 3;

    private HaloExchange() {
    }

    /** One neighbour: the segment it writes into (ours) and the one we write into (its). */
    private record Neighbour(Export from, Peer to) {
    }

    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        NodeGroup.run(group -> {
            boolean first = group.rank() == 0;
            boolean last = group.rank() == group.size() - 1;
            // A neighbour can run at most one iteration ahead (it needs our boundary of each iteration), so two
            // slots per direction, by iteration parity, are never overwritten before they are read.
            Neighbour left = first ? null : neighbour(group, -1, GHOST_FROM_LEFT, GHOST_FROM_RIGHT);
            Neighbour right = last ? null : neighbour(group, 1, GHOST_FROM_RIGHT, GHOST_FROM_LEFT);

            double[] u = new double[cells + 2]; // u[0] and u[cells + 1] are the ghost cells
            u[0] = first ? LEFT_END : 0;
            u[cells + 1] = last ? RIGHT_END : 0;
            double[] next = u.clone();
            for (int iteration = 0; iteration < iterations; iteration++) {
                long slot = 8L * (iteration % 2);
                if (left != null) {
                    send(left, slot, u[1]);
                }
                if (right != null) {
                    send(right, slot, u[cells]);
                }
                if (left != null) {
                    group.awaitSignal(left.from().segment(), left.to());
                    u[0] = left.from().memory().get(ValueLayout.JAVA_DOUBLE, slot);
                }
                if (right != null) {
                    group.awaitSignal(right.from().segment(), right.to());
                    u[cells + 1] = right.from().memory().get(ValueLayout.JAVA_DOUBLE, slot);
                }
                step(u, next);
                double[] swap = u;
                u = next;
                next = swap;
            }

            double[] whole = oneNodeRun(cells * group.size(), iterations);
            double[] mine = Arrays.copyOfRange(whole, 1 + group.rank() * cells, 1 + (group.rank() + 1) * cells);
            if (!Arrays.equals(mine, Arrays.copyOfRange(u, 1, cells + 1))) {
                System.out.println("WRONG the cells of node " + group.self() + " differ from a one-node run");
                return false;
            }
            System.out.printf("RESULT halo cells=%d iterations=%d checksum=%.6f%n", cells * group.size(), iterations,
                    Arrays.stream(whole).sum());
            return true;
        });
    }

    private static Neighbour neighbour(NodeGroup group, int direction, int ours, int theirs) throws RsmException {
        Export from = group.export(ours, 16);
        Peer to = group.connect(group.ringNeighbour(direction), theirs);
        to.segment().setMode(BarrierMode.EXPLICIT); // we bracket our puts with open/close ourselves
        return new Neighbour(from, to);
    }

    /** Puts one value inside a barrier span, retrying the span when its close reports a failed transfer. */
    private static void send(Neighbour neighbour, long offset, double value) throws RsmException {
        for (int attempt = 1;; attempt++) {
            neighbour.to().barrier().open();
            neighbour.to().segment().put(offset, MemorySegment.ofArray(new double[] { value }));
            try {
                neighbour.to().barrier().close();
                break;
            } catch (RsmException e) {
                if (e.error() != RsmError.BARRIER_FAILURE || attempt == ATTEMPTS) {
                    throw e;
                }
                System.out.println("transfer to node " + neighbour.to().segment().nodeId() + " failed, retrying: " + e.getMessage());
            }
        }
        neighbour.to().segment().signalPost(0);
    }

    /** One iteration: each cell becomes the mean of itself and its two neighbours; the ghost cells stay. */
    private static void step(double[] u, double[] next) {
        for (int i = 1; i < u.length - 1; i++) {
            next[i] = (u[i - 1] + u[i] + u[i + 1]) / 3.0;
        }
        next[0] = u[0];
        next[u.length - 1] = u[u.length - 1];
    }

    /** The same rod computed on one node: the reference the distributed run must match exactly. */
    private static double[] oneNodeRun(int cells, int iterations) {
        double[] u = new double[cells + 2];
        u[0] = LEFT_END;
        u[cells + 1] = RIGHT_END;
        double[] next = u.clone();
        for (int iteration = 0; iteration < iterations; iteration++) {
            step(u, next);
            double[] swap = u;
            u = next;
            next = swap;
        }
        return u;
    }
}
