// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model;

import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.Switch;

/**
 * Ready-made cluster topologies, for the "New RSM Cluster" wizard and launch configurations
 * ("N nodes, fully connected"). Every shape has nodes 1..n named {@code node<i>}, each with one
 * controller {@code emu0} with the emulator's default attributes and {@linkplain #defaultCredentials()
 * default credentials}; page size 4096. They differ in what joins the controllers:
 * <ul>
 * <li>{@link Shape#NODES_ONLY}: nothing (each node reaches only itself, through loopback);</li>
 * <li>{@link Shape#FULLY_CONNECTED}: a link between every pair of nodes, as
 * {@code ClusterSpec.fullyConnected(n)} (the two convert into each other);</li>
 * <li>{@link Shape#RING}: node i linked to node i+1, and node n to node 1;</li>
 * <li>{@link Shape#SWITCH}: one switch {@code switch0} with every node's controller as a port: every node
 * reaches every other, as fully connected, but the file holds n ports instead of n(n-1)/2 links, and
 * the switch goes down as one;</li>
 * <li>{@link Shape#TWO_SWITCHES}: nodes 1..⌈n/2⌉ on switch {@code switchA}, the rest on {@code switchB},
 * and one inter-switch link between the first node of each half (the gateways). Nodes reach the
 * nodes of their own half directly; across the halves only the two gateways reach each other (RSM
 * does not route: a program relays through the gateways, or fails with REMOTE_NODE_UNREACHABLE).</li>
 * </ul>
 * The emulator runs node ids 0..63 and at most 4096 links: larger shapes can be designed, saved and
 * converted, and validation warns that they cannot be started.
 */
public final class ClusterShapes {
    /** The controller of every node of a shape. */
    public static final String CONTROLLER = "emu0";

    /** The topologies this class makes. */
    public enum Shape {
        NODES_ONLY("Nodes only"), FULLY_CONNECTED("Fully connected"), RING("Ring"), SWITCH("One switch"),
        TWO_SWITCHES("Two switches");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        /** A name for a person (wizard page, launch tab). */
        public String label() {
            return label;
        }
    }

    private ClusterShapes() {
    }

    /** A cluster of that shape with nodes 1..nodeCount, named {@code name}. */
    public static Cluster create(String name, Shape shape, int nodeCount) {
        Cluster cluster = nodes(nodeCount);
        cluster.setName(name);
        switch (shape) {
        case NODES_ONLY -> {
        }
        case FULLY_CONNECTED -> {
            for (int i = 0; i < nodeCount; i++) {
                for (int j = i + 1; j < nodeCount; j++) {
                    link(cluster, i, j);
                }
            }
        }
        case RING -> {
            for (int i = 0; i + 1 < nodeCount; i++) {
                link(cluster, i, i + 1);
            }
            if (nodeCount > 2) {
                link(cluster, nodeCount - 1, 0);
            }
        }
        case SWITCH -> addSwitch(cluster, "switch0", 0, nodeCount);
        case TWO_SWITCHES -> {
            int half = (nodeCount + 1) / 2;
            addSwitch(cluster, "switchA", 0, half);
            addSwitch(cluster, "switchB", half, nodeCount);
            if (half < nodeCount) {
                link(cluster, 0, half);
            }
        }
        }
        return cluster;
    }

    /** Nodes 1..n, fully connected by links; converts to {@code ClusterSpec.fullyConnected(n)}. */
    public static Cluster fullyConnected(int nodeCount) {
        return create("cluster-of-" + nodeCount, Shape.FULLY_CONNECTED, nodeCount);
    }

    /** Nodes 1..n in a ring. */
    public static Cluster ring(int nodeCount) {
        return create("ring-of-" + nodeCount, Shape.RING, nodeCount);
    }

    /** Nodes 1..n on one switch. */
    public static Cluster singleSwitch(int nodeCount) {
        return create("switch-of-" + nodeCount, Shape.SWITCH, nodeCount);
    }

    /** Nodes 1..n split over two switches joined by one link between their first nodes. */
    public static Cluster twoSwitches(int nodeCount) {
        return create("two-switches-of-" + nodeCount, Shape.TWO_SWITCHES, nodeCount);
    }

    /** Nodes 1..n, nothing linked; each with controller {@code emu0} and default credentials. */
    public static Cluster nodes(int nodeCount) {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("a cluster has at least one node, not " + nodeCount);
        }
        ClusterFactory factory = ClusterFactory.eINSTANCE;
        Cluster cluster = factory.createCluster();
        cluster.setName("cluster-of-" + nodeCount);
        for (int i = 1; i <= nodeCount; i++) {
            Node node = factory.createNode();
            node.setId(i);
            node.setHostname("node" + i);
            Controller controller = factory.createController();
            controller.setName(CONTROLLER);
            node.getControllers().add(controller);
            node.setDefaultCredentials(defaultCredentials());
            cluster.getNodes().add(node);
        }
        return cluster;
    }

    /** uid 1000, gid 1000, no supplementary groups, umask 022, not privileged (the model's defaults). */
    public static Credentials defaultCredentials() {
        return ClusterFactory.eINSTANCE.createCredentials();
    }

    private static void link(Cluster cluster, int indexA, int indexB) {
        Link link = ClusterFactory.eINSTANCE.createLink();
        link.setControllerA(cluster.getNodes().get(indexA).getControllers().get(0));
        link.setControllerB(cluster.getNodes().get(indexB).getControllers().get(0));
        cluster.getLinks().add(link);
    }

    private static void addSwitch(Cluster cluster, String name, int from, int to) {
        Switch sw = ClusterFactory.eINSTANCE.createSwitch();
        sw.setName(name);
        for (int i = from; i < to; i++) {
            sw.getPorts().add(cluster.getNodes().get(i).getControllers().get(0));
        }
        cluster.getSwitches().add(sw);
    }
}
