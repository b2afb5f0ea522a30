// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.WaitForAnalysis.Deadlock;

/**
 * A deadlock drawn: its nodes on a circle (the first at the top, clockwise, in the order of the deadlock's waits), each
 * labelled with the line it waits at, and an arrow from each node to each node of the cycle that alone could end its
 * wait ("waits for"). Two nodes that wait for each other get two arrows, set apart so that both show.
 */
public final class DeadlockDiagram {
    /** How far the two arrows between the same two nodes are set apart, each to its side. */
    private static final double PAIR_OFFSET = 5;
    private static final double HEAD_LENGTH = 10;
    private static final double HEAD_ANGLE = Math.toRadians(25);

    /** A node of the cycle: a circle at ({@code x}, {@code y}). */
    public record NodeCircle(int node, String site, double x, double y, double radius) {
        public String label() {
            return "node " + node;
        }
    }

    /** "{@code from} waits for {@code to}": a line from one circle's rim to the other's, its head at the end. */
    public record Arrow(int from, int to, double x1, double y1, double x2, double y2, double[] head) {
    }

    private final List<NodeCircle> nodes;
    private final List<Arrow> arrows;

    private DeadlockDiagram(List<NodeCircle> nodes, List<Arrow> arrows) {
        this.nodes = List.copyOf(nodes);
        this.arrows = List.copyOf(arrows);
    }

    /** The diagram of {@code deadlock} in an area of {@code width} × {@code height}. */
    public static DeadlockDiagram compute(Deadlock deadlock, int width, int height) {
        Map<Integer, Wait> waitOfNode = new LinkedHashMap<>();
        deadlock.waits().forEach(wait -> waitOfNode.putIfAbsent(wait.node(), wait));
        int count = waitOfNode.size();
        double radius = Math.max(12, Math.min(28, Math.min(width, height) / (2.0 + 2 * count)));
        double cx = width / 2.0;
        double cy = height / 2.0;
        double ring = Math.max(0, Math.min(width, height) / 2.0 - radius - 16); // room for the labels below the circles
        Map<Integer, NodeCircle> circles = new LinkedHashMap<>();
        int i = 0;
        for (Wait wait : waitOfNode.values()) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i++ / count;
            circles.put(wait.node(), new NodeCircle(wait.node(), wait.siteText(), cx + ring * Math.cos(angle),
                    cy + ring * Math.sin(angle), radius));
        }
        List<Arrow> arrows = new ArrayList<>();
        for (Wait wait : waitOfNode.values()) {
            for (int waker : wait.wakerNodes()) {
                NodeCircle to = circles.get(waker);
                if (to != null && waker != wait.node()) {
                    boolean mutual = waitOfNode.get(waker).wakerNodes().contains(wait.node());
                    arrows.add(arrow(circles.get(wait.node()), to, mutual ? PAIR_OFFSET : 0));
                }
            }
        }
        return new DeadlockDiagram(new ArrayList<>(circles.values()), arrows);
    }

    /** The arrow from rim to rim, moved {@code offset} to its right (seen along it) when the other way has one too. */
    private static Arrow arrow(NodeCircle from, NodeCircle to, double offset) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double length = Math.max(1e-9, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        // to the right of the direction of travel (screen coordinates, y down)
        double ox = -uy * offset;
        double oy = ux * offset;
        double x1 = from.x() + ux * from.radius() + ox;
        double y1 = from.y() + uy * from.radius() + oy;
        double x2 = to.x() - ux * to.radius() + ox;
        double y2 = to.y() - uy * to.radius() + oy;
        double back = Math.atan2(-uy, -ux);
        double[] head = { x2 + HEAD_LENGTH * Math.cos(back + HEAD_ANGLE), y2 + HEAD_LENGTH * Math.sin(back + HEAD_ANGLE),
                x2 + HEAD_LENGTH * Math.cos(back - HEAD_ANGLE), y2 + HEAD_LENGTH * Math.sin(back - HEAD_ANGLE) };
        return new Arrow(from.node(), to.node(), x1, y1, x2, y2, head);
    }

    public List<NodeCircle> nodes() {
        return nodes;
    }

    public List<Arrow> arrows() {
        return arrows;
    }

    /** The arrows in words, for a tooltip and screen readers: {@code node 1 waits for node 2, node 2 waits for node 1}. */
    public String describe() {
        return arrows.stream().map(a -> "node " + a.from() + " waits for node " + a.to()).collect(Collectors.joining(", "));
    }
}
