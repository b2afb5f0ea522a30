// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.Switch;
import org.rsmworkbench.rsmapi.ControllerAttributes;

/**
 * Conversion between the cluster model and the emulator's {@link ClusterSpec}, and starting an
 * {@link EmulatedCluster} from a model.
 * <p>
 * To a spec: nodes in model order with their controllers; then the links in model order; then the
 * links of each switch, every pair of its ports on different nodes, in port order. From a spec: the
 * same nodes, controllers and links (all up), no switches, no credentials; {@code toSpec(fromSpec(s))}
 * equals {@code s}. A spec has no up/down state: links and switches that the model marks down are
 * set down by {@link #start} right after the cluster starts ({@link #downLinks} lists them).
 */
public final class ClusterSpecs {
    private ClusterSpecs() {
    }

    /**
     * The spec of the cluster.
     *
     * @throws IllegalArgumentException if a link or switch port is not a controller of a node of the
     *         cluster (a model with validation errors); the message names it
     */
    public static ClusterSpec toSpec(Cluster cluster) {
        List<NodeSpec> nodes = new ArrayList<>(cluster.getNodes().size());
        for (Node node : cluster.getNodes()) {
            List<ControllerSpec> controllers = new ArrayList<>(node.getControllers().size());
            for (Controller c : node.getControllers()) {
                controllers.add(new ControllerSpec(c.getName(), attributes(c)));
            }
            nodes.add(new NodeSpec(node.getId(), node.getHostname() == null ? "" : node.getHostname(), controllers));
        }
        // sized for what the emulator runs: a file's switch may claim billions of links, which must not be allocated up front
        List<LinkSpec> links = new ArrayList<>((int) Math.min(ClusterValidation.EMULATOR_MAX_LINKS,
                org.rsmworkbench.model.internal.ClusterConstraints.linkCount(cluster)));
        for (Link link : cluster.getLinks()) {
            links.add(linkSpec(link.getControllerA(), link.getControllerB(), cluster));
        }
        for (Switch sw : cluster.getSwitches()) {
            addSwitchLinks(sw, cluster, links);
        }
        return new ClusterSpec(cluster.getName() == null ? "" : cluster.getName(), cluster.getPageSize(), nodes, links);
    }

    /** A new model of the spec: its nodes, controllers and links, all up. */
    public static Cluster fromSpec(ClusterSpec spec) {
        ClusterFactory factory = ClusterFactory.eINSTANCE;
        Cluster cluster = factory.createCluster();
        cluster.setName(spec.name());
        cluster.setPageSize(spec.pageSize());
        Map<Integer, Node> nodes = new HashMap<>();
        for (NodeSpec nodeSpec : spec.nodes()) {
            Node node = factory.createNode();
            node.setId(nodeSpec.id());
            node.setHostname(nodeSpec.hostname());
            for (ControllerSpec controllerSpec : nodeSpec.controllers()) {
                Controller controller = factory.createController();
                controller.setName(controllerSpec.name());
                setAttributes(controller, controllerSpec.attributes());
                node.getControllers().add(controller);
            }
            cluster.getNodes().add(node);
            nodes.putIfAbsent(node.getId(), node);
        }
        for (LinkSpec linkSpec : spec.links()) {
            Link link = factory.createLink();
            link.setControllerA(controller(nodes, linkSpec.nodeA(), linkSpec.controllerA()));
            link.setControllerB(controller(nodes, linkSpec.nodeB(), linkSpec.controllerB()));
            cluster.getLinks().add(link);
        }
        return cluster;
    }

    /**
     * The state the cluster starts in when it runs, to draw it before it runs: every node up, the links up but the
     * {@link #downLinks}, nothing exported.
     *
     * @throws IllegalArgumentException as {@link #toSpec}
     */
    public static ClusterState startingState(Cluster cluster) {
        ClusterSpec spec = toSpec(cluster);
        Set<LinkSpec> down = new HashSet<>(downLinks(cluster));
        return new ClusterState(spec.name(), 0,
                spec.nodes().stream().map(n -> new ClusterState.Node(n.id(), n.hostname(), true)).toList(),
                spec.links().stream().map(l -> new ClusterState.Link(l, !down.contains(l))).toList(), List.of(), List.of(),
                List.of());
    }

    /** The links of the spec of the cluster that start down: those of down links and down switches. */
    public static List<LinkSpec> downLinks(Cluster cluster) {
        List<LinkSpec> down = new ArrayList<>();
        for (Link link : cluster.getLinks()) {
            if (!link.isUp()) {
                down.add(linkSpec(link.getControllerA(), link.getControllerB(), cluster));
            }
        }
        for (Switch sw : cluster.getSwitches()) {
            if (!sw.isUp()) {
                addSwitchLinks(sw, cluster, down);
            }
        }
        return down;
    }

    /**
     * Starts the cluster in the emulator, in a new private directory, with its down links set down.
     *
     * @throws IllegalArgumentException if the model has validation errors, or the emulator refuses it
     *         (node ids of 64 and up, more than 4096 links); the message says why
     */
    public static EmulatedCluster start(Cluster cluster) throws IOException {
        return start(cluster, null);
    }

    /** As {@link #start(Cluster)}, in {@code directory} (null: a new private directory). */
    public static EmulatedCluster start(Cluster cluster, Path directory) throws IOException {
        Diagnostic diagnostic = ClusterValidation.validate(cluster);
        if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
            StringBuilder message = new StringBuilder("cluster ").append(cluster.getName()).append(" has errors:");
            for (Diagnostic child : diagnostic.getChildren()) {
                if (child.getSeverity() >= Diagnostic.ERROR) {
                    message.append("\n  ").append(child.getMessage());
                }
            }
            throw new IllegalArgumentException(message.toString());
        }
        EmulatedCluster emulated = EmulatedCluster.start(toSpec(cluster), directory);
        try {
            for (LinkSpec link : downLinks(cluster)) {
                emulated.setLink(link.nodeA(), link.controllerA(), link.nodeB(), link.controllerB(), false);
            }
        } catch (RuntimeException e) {
            emulated.close();
            throw e;
        }
        return emulated;
    }

    /** The controller's nine attributes as the API record. */
    public static ControllerAttributes attributes(Controller c) {
        return new ControllerAttributes(c.getDirectAccessSizes(), c.getAtomicSizes(), c.getPageSize(),
                c.getMaxExportSegmentSize(), c.getTotalExportSegmentSize(), c.getMaxExportSegments(),
                c.getMaxImportMapSize(), c.getTotalImportMapSize(), c.getMaxImportSegments());
    }

    /** Sets the controller's nine attributes from the API record. */
    public static void setAttributes(Controller c, ControllerAttributes a) {
        c.setDirectAccessSizes(a.directAccessSizes());
        c.setAtomicSizes(a.atomicSizes());
        c.setPageSize(a.pageSize());
        c.setMaxExportSegmentSize(a.maxExportSegmentSize());
        c.setTotalExportSegmentSize(a.totalExportSegmentSize());
        c.setMaxExportSegments(a.maxExportSegments());
        c.setMaxImportMapSize(a.maxImportMapSize());
        c.setTotalImportMapSize(a.totalImportMapSize());
        c.setMaxImportSegments(a.maxImportSegments());
    }

    /** The API record of model credentials. */
    public static org.rsmworkbench.rsmapi.Credentials toCredentials(Credentials c) {
        return new org.rsmworkbench.rsmapi.Credentials(c.getUid(), c.getGid(), new HashSet<>(c.getGroups()), c.getUmask(),
                c.isPrivileged());
    }

    /** The node's default credentials as the API record; the model's defaults when the node has none. */
    public static org.rsmworkbench.rsmapi.Credentials credentialsOf(Node node) {
        Credentials c = node.getDefaultCredentials();
        return toCredentials(c != null ? c : ClusterShapes.defaultCredentials());
    }

    /** Model credentials of the API record. */
    public static Credentials fromCredentials(org.rsmworkbench.rsmapi.Credentials c) {
        Credentials credentials = ClusterFactory.eINSTANCE.createCredentials();
        credentials.setUid(c.uid());
        credentials.setGid(c.gid());
        credentials.getGroups().addAll(c.groups().stream().sorted().toList());
        credentials.setUmask(c.umask());
        credentials.setPrivileged(c.privileged());
        return credentials;
    }

    private static void addSwitchLinks(Switch sw, Cluster cluster, List<LinkSpec> links) {
        List<Controller> ports = sw.getPorts();
        int n = ports.size();
        int[] ids = new int[n];
        String[] names = new String[n];
        Node[] owners = new Node[n];
        for (int i = 0; i < n; i++) {
            Controller port = ports.get(i);
            owners[i] = port.getNode();
            if (owners[i] == null || owners[i].eContainer() != cluster) {
                throw new IllegalArgumentException("port " + i + " of switch " + sw.getName()
                        + " is not a controller of a node of cluster " + cluster.getName());
            }
            ids[i] = owners[i].getId();
            names[i] = port.getName();
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (owners[i] != owners[j]) {
                    links.add(new LinkSpec(ids[i], names[i], ids[j], names[j]));
                }
            }
        }
    }

    private static LinkSpec linkSpec(Controller a, Controller b, Cluster cluster) {
        if (a == null || b == null || a.getNode() == null || b.getNode() == null || a.getNode().eContainer() != cluster
                || b.getNode().eContainer() != cluster) {
            throw new IllegalArgumentException("a link of cluster " + cluster.getName()
                    + " does not join two controllers of its nodes (validate the model)");
        }
        return new LinkSpec(a.getNode().getId(), a.getName(), b.getNode().getId(), b.getName());
    }

    private static Controller controller(Map<Integer, Node> nodes, int nodeId, String name) {
        Node node = nodes.get(nodeId);
        if (node != null) {
            for (Controller c : node.getControllers()) {
                if (c.getName().equalsIgnoreCase(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("the spec links controller " + name + " of node " + nodeId + ", which it does not have");
    }
}
