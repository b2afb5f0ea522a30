// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;

/**
 * Where the Topology view draws a cluster in a {@code width} x {@code height} area: nodes evenly on a
 * circle, stretched to an ellipse that fills the area (node 1 at the top, clockwise), each node's controllers as small squares on its rim facing the
 * centre, links as straight lines between controllers. Node size shrinks with the node count so that 2
 * to 64 nodes stay readable; labels go outside the circle. Hit-testing prefers nodes, then the nearest
 * link within {@link #LINK_TOLERANCE} pixels.
 */
public final class TopologyLayout {
    /** How far (pixels) from a link's line a click still hits it. */
    public static final double LINK_TOLERANCE = 4;

    public record NodeShape(int id, String hostname, double x, double y, double radius, boolean up, int exports,
            int published, double labelX, double labelY) {
        public boolean contains(double px, double py) {
            return Math.hypot(px - x, py - y) <= radius;
        }

        /** "1 (node1)". */
        public String label() {
            return id + " (" + hostname + ")";
        }
    }

    public record ControllerShape(int node, String name, double x, double y, double size) {
    }

    public record LinkShape(LinkSpec link, boolean up, double x1, double y1, double x2, double y2) {
        /** Distance from (px, py) to the segment. */
        public double distance(double px, double py) {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / lengthSquared));
            return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
        }

        /** "1:emu0 - 2:emu0". */
        public String label() {
            return link.nodeA() + ":" + link.controllerA() + " - " + link.nodeB() + ":" + link.controllerB();
        }
    }

    private final List<NodeShape> nodes;
    private final List<ControllerShape> controllers;
    private final List<LinkShape> links;
    private final double fontScale;

    private TopologyLayout(List<NodeShape> nodes, List<ControllerShape> controllers, List<LinkShape> links, double fontScale) {
        this.nodes = nodes;
        this.controllers = controllers;
        this.links = links;
        this.fontScale = fontScale;
    }

    public static TopologyLayout compute(ClusterSpec spec, ClusterState state, int width, int height) {
        int n = state.nodes().size();
        double cx = width / 2.0;
        double cy = height / 2.0;
        // an ellipse uses a wide, low view; labels need more room beside the nodes than above them
        double marginX = n > 24 ? 50 : 90;
        double marginY = n > 24 ? 40 : 50;
        double rx = Math.max(10, width / 2.0 - marginX);
        double ry = Math.max(10, height / 2.0 - marginY);
        double ring = Math.min(rx, ry);
        // neighbours are at least 2*pi*min(rx, ry)/n apart: a node takes at most a third of that
        double radius = n <= 1 ? Math.min(40, ring) : Math.max(6, Math.min(Math.min(36, ring / 2), Math.PI * ring / n / 1.5));
        Map<String, double[]> controllerAt = new HashMap<>();
        List<NodeShape> nodeShapes = new ArrayList<>();
        List<ControllerShape> controllerShapes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClusterState.Node node = state.nodes().get(i);
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
            double x = n == 1 ? cx : cx + rx * Math.cos(angle);
            double y = n == 1 ? cy : cy + ry * Math.sin(angle);
            int exports = 0;
            int published = 0;
            for (ClusterState.Segment segment : state.segments()) {
                if (segment.node() == node.id()) {
                    exports++;
                    published += segment.published() ? 1 : 0;
                }
            }
            nodeShapes.add(new NodeShape(node.id(), node.hostname(), x, y, radius, node.up(), exports, published,
                    n == 1 ? cx : cx + (rx + radius + (n > 24 ? 18 : 40)) * Math.cos(angle),
                    n == 1 ? cy + radius + 14 : cy + (ry + radius + 12) * Math.sin(angle)));
            NodeSpec nodeSpec = spec.node(node.id());
            List<ControllerSpec> specs = nodeSpec == null ? List.of() : nodeSpec.controllers();
            double inward = Math.atan2(cy - y, cx - x);
            double size = Math.max(3, Math.min(10, radius / 2.5));
            for (int c = 0; c < specs.size(); c++) {
                double spread = specs.size() == 1 ? 0 : Math.toRadians(70) * (c / (specs.size() - 1.0) - 0.5);
                double a = (n == 1 ? Math.PI / 2 : inward) + spread;
                double px = x + radius * Math.cos(a);
                double py = y + radius * Math.sin(a);
                controllerShapes.add(new ControllerShape(node.id(), specs.get(c).name(), px, py, size));
                controllerAt.put(key(node.id(), specs.get(c).name()), new double[] {px, py});
            }
        }
        List<LinkShape> linkShapes = new ArrayList<>();
        for (ClusterState.Link link : state.links()) {
            LinkSpec l = link.link();
            double[] a = controllerAt.get(key(l.nodeA(), l.controllerA()));
            double[] b = controllerAt.get(key(l.nodeB(), l.controllerB()));
            if (a != null && b != null) {
                linkShapes.add(new LinkShape(l, link.up(), a[0], a[1], b[0], b[1]));
            }
        }
        return new TopologyLayout(List.copyOf(nodeShapes), List.copyOf(controllerShapes), List.copyOf(linkShapes),
                n > 32 ? 0.8 : 1.0);
    }

    private static String key(int node, String controller) {
        return node + ":" + controller.toLowerCase(Locale.ROOT);
    }

    public List<NodeShape> nodes() {
        return nodes;
    }

    public List<ControllerShape> controllers() {
        return controllers;
    }

    public List<LinkShape> links() {
        return links;
    }

    /** Font scale for labels (smaller when there are many nodes). */
    public double fontScale() {
        return fontScale;
    }

    /** The node under the point, or null. */
    public NodeShape nodeAt(double x, double y) {
        for (NodeShape node : nodes) {
            if (node.contains(x, y)) {
                return node;
            }
        }
        return null;
    }

    /** The link nearest the point within {@link #LINK_TOLERANCE} (not over a node), or null. */
    public LinkShape linkAt(double x, double y) {
        if (nodeAt(x, y) != null) {
            return null;
        }
        LinkShape best = null;
        double bestDistance = LINK_TOLERANCE;
        for (LinkShape link : links) {
            double d = link.distance(x, y);
            if (d <= bestDistance) {
                best = link;
                bestDistance = d;
            }
        }
        return best;
    }
}
