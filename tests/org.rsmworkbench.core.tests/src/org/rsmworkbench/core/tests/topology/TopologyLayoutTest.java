// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.topology.TopologyLayout;
import org.rsmworkbench.core.topology.TopologyLayout.LinkShape;
import org.rsmworkbench.core.topology.TopologyLayout.NodeShape;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.Credentials;

/** Circle layout and hit-testing, from hand-made states (no cluster needed). */
class TopologyLayoutTest {
    private static ClusterSpec ring(int n) {
        List<NodeSpec> nodes = new ArrayList<>();
        List<LinkSpec> links = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            nodes.add(new NodeSpec(i, "n" + i, List.of(new ControllerSpec("emu0", ControllerSpec.DEFAULT_ATTRIBUTES),
                    new ControllerSpec("emu1", ControllerSpec.DEFAULT_ATTRIBUTES))));
            if (n > 1) {
                links.add(new LinkSpec(i, "emu0", i % n + 1, "emu1"));
            }
        }
        return new ClusterSpec("ring", 4096, nodes, n == 2 ? links.subList(0, 1) : links);
    }

    private static ClusterState state(ClusterSpec spec, int downNode, int downLink) {
        List<ClusterState.Node> nodes = spec.nodes().stream().map(n -> new ClusterState.Node(n.id(), n.hostname(), n.id() != downNode)).toList();
        List<ClusterState.Link> links = new ArrayList<>();
        for (int i = 0; i < spec.links().size(); i++) {
            links.add(new ClusterState.Link(spec.links().get(i), i != downLink));
        }
        List<ClusterState.Segment> segments = List.of(
                new ClusterState.Segment(1, "emu0", 1, 0x10, 4096, true, List.of(), 1, 1, 0644, 1),
                new ClusterState.Segment(1, "emu0", 1, 0, 4096, false, List.of(), 1, 1, 0644, 0));
        return new ClusterState("ring", 1, nodes, links,
                List.of(new ClusterState.Process(1, 1, new Credentials(1, 1, null, 022, false), 42)), segments, List.of());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 16, 32, 63})
    void nodesDoNotOverlapAndStayInside(int n) {
        ClusterSpec spec = ring(n);
        TopologyLayout layout = TopologyLayout.compute(spec, state(spec, -1, -1), 800, 600);
        List<NodeShape> nodes = layout.nodes();
        assertEquals(n, nodes.size());
        for (NodeShape node : nodes) {
            assertTrue(node.radius() >= 6, "readable node size " + node.radius());
            assertTrue(node.x() - node.radius() >= 0 && node.x() + node.radius() <= 800, "inside horizontally");
            assertTrue(node.y() - node.radius() >= 0 && node.y() + node.radius() <= 600, "inside vertically");
            assertTrue(node.labelX() >= 0 && node.labelX() <= 800 && node.labelY() >= 0 && node.labelY() <= 600);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                NodeShape a = nodes.get(i);
                NodeShape b = nodes.get(j);
                assertTrue(Math.hypot(a.x() - b.x(), a.y() - b.y()) > a.radius() + b.radius() + 4,
                        "nodes " + a.id() + " and " + b.id() + " overlap with " + n + " nodes");
            }
        }
        assertEquals(2 * n, layout.controllers().size());
        assertEquals(spec.links().size(), layout.links().size());
    }

    @Test
    void node1IsAtTheTopAndSegmentCountsAreKept() {
        ClusterSpec spec = ring(4);
        TopologyLayout layout = TopologyLayout.compute(spec, state(spec, 3, -1), 400, 400);
        NodeShape first = layout.nodes().get(0);
        assertEquals(200, first.x(), 0.001);
        assertTrue(first.y() < 200);
        assertEquals(2, first.exports());
        assertEquals(1, first.published());
        assertFalse(layout.nodes().get(2).up());
        assertEquals("1 (n1)", first.label());
    }

    @Test
    void hitTestingFindsNodesAndLinks() {
        ClusterSpec spec = ring(4);
        TopologyLayout layout = TopologyLayout.compute(spec, state(spec, -1, 2), 400, 400);
        NodeShape second = layout.nodes().get(1);
        assertEquals(second, layout.nodeAt(second.x(), second.y()));
        assertNull(layout.linkAt(second.x(), second.y()), "a click on a node is not a click on a link");
        for (LinkShape link : layout.links()) {
            double mx = (link.x1() + link.x2()) / 2;
            double my = (link.y1() + link.y2()) / 2;
            assertNull(layout.nodeAt(mx, my));
            assertEquals(link, layout.linkAt(mx + 2, my));
        }
        LinkShape down = layout.links().get(2);
        assertFalse(down.up());
        assertEquals("3:emu0 - 4:emu1", down.label());
        assertNull(layout.linkAt(200, 200), "the centre is far from every link of a 4-ring");
        assertNull(layout.nodeAt(0, 0));
        LinkShape first = layout.links().get(0);
        assertNotNull(layout.linkAt(first.x1() + (first.x2() - first.x1()) * 0.3, first.y1() + (first.y2() - first.y1()) * 0.3));
    }

    @Test
    void distanceToASegment() {
        LinkShape link = new LinkShape(new LinkSpec(1, "a", 2, "b"), true, 0, 0, 10, 0);
        assertEquals(3, link.distance(5, 3), 1e-9);
        assertEquals(5, link.distance(-3, 4), 1e-9, "beyond an end, the distance to the end");
    }
}
