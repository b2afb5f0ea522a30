// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.clusters.DeadlockDiagram;
import org.rsmworkbench.core.clusters.DeadlockDiagram.Arrow;
import org.rsmworkbench.core.clusters.DeadlockDiagram.NodeCircle;
import org.rsmworkbench.emulator.ClusterWaits.Call;
import org.rsmworkbench.emulator.ClusterWaits.SegmentName;
import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.ClusterWaits.Waker;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;
import org.rsmworkbench.emulator.trace.CallSite;

/** The deadlock dialog's drawing: nodes on a circle, an arrow from each to the node it waits for. */
class DeadlockDiagramTest {
    private static final int WIDTH = 400;
    private static final int HEIGHT = 300;

    @Test
    void aRingOfThreeIsThreeNodesAndThreeArrowsFromRimToRim() {
        // node 3 waits for 5, 5 for 7, 7 for 3 (a cycle among 3 of 5 nodes: the others are in no wait)
        DeadlockDiagram diagram = DeadlockDiagram.compute(new Deadlock(List.of(wait(3, 5, 41), wait(5, 7, 42), wait(7, 3, 43))),
                WIDTH, HEIGHT);
        List<NodeCircle> nodes = diagram.nodes();
        assertEquals(List.of(3, 5, 7), nodes.stream().map(NodeCircle::node).toList());
        assertEquals("Ring.java:41", nodes.get(0).site());
        assertEquals(WIDTH / 2.0, nodes.get(0).x(), 0.5, "the first node is at the top, centred");
        assertTrue(nodes.get(0).y() < nodes.get(1).y() && nodes.get(1).x() > nodes.get(2).x(), "clockwise: " + nodes);
        for (NodeCircle node : nodes) {
            assertTrue(node.x() - node.radius() >= 0 && node.x() + node.radius() <= WIDTH && node.y() - node.radius() >= 0
                    && node.y() + node.radius() <= HEIGHT, "inside the area: " + node);
        }
        assertEquals("node 3 waits for node 5, node 5 waits for node 7, node 7 waits for node 3", diagram.describe());
        for (Arrow arrow : diagram.arrows()) {
            NodeCircle from = nodes.get(List.of(3, 5, 7).indexOf(arrow.from()));
            NodeCircle to = nodes.get(List.of(3, 5, 7).indexOf(arrow.to()));
            assertEquals(from.radius(), Math.hypot(arrow.x1() - from.x(), arrow.y1() - from.y()), 0.01, "starts on the rim");
            assertEquals(to.radius(), Math.hypot(arrow.x2() - to.x(), arrow.y2() - to.y()), 0.01, "ends on the rim");
            // the head's two points lie behind the tip, on either side of the line
            double ux = arrow.x2() - arrow.x1();
            double uy = arrow.y2() - arrow.y1();
            double[] h = arrow.head();
            double side1 = ux * (h[1] - arrow.y1()) - uy * (h[0] - arrow.x1());
            double side2 = ux * (h[3] - arrow.y1()) - uy * (h[2] - arrow.x1());
            assertTrue(side1 * side2 < 0, "the head straddles the line");
            assertTrue(ux * (h[0] - arrow.x2()) + uy * (h[1] - arrow.y2()) < 0, "the head points forward");
        }
    }

    @Test
    void twoNodesWaitingForEachOtherGetTwoArrowsSetApart() {
        DeadlockDiagram diagram = DeadlockDiagram.compute(new Deadlock(List.of(wait(1, 2, 10), wait(2, 1, 20))), WIDTH, HEIGHT);
        List<Arrow> arrows = diagram.arrows();
        assertEquals(2, arrows.size());
        Arrow there = arrows.get(0);
        Arrow back = arrows.get(1);
        assertEquals(List.of(1, 2, 2, 1), List.of(there.from(), there.to(), back.from(), back.to()));
        // the two lines are parallel and not on top of each other
        double apart = Math.abs(there.x1() - back.x2()) + Math.abs(there.y1() - back.y2());
        assertTrue(apart > 4, "set apart: " + there + " " + back);
    }

    private static Wait wait(int node, int wakerNode, int line) {
        return new Wait(node * 10, node, 1, Call.SIGNAL_WAIT, List.of(new SegmentName(node, 0x400100)), false,
                new CallSite("org.acme.Ring", "main", "Ring.java", line), Verdict.BLOCKED, 0,
                List.of(new Waker(wakerNode * 10, wakerNode)));
    }
}
