// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.common.command.UnexecutableCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.CommandParameter;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterFactory;
import org.rsmworkbench.model.cluster.ClusterPackage.Literals;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.Switch;

/**
 * The editor's structural edits as EMF commands for the editing domain's command stack (so they undo):
 * new elements are made complete and valid (a new node gets a free id, a hostname, controller emu0 and
 * default credentials; names are unique) and added by {@link CreateChildCommand}; deleting a node or
 * controller also deletes the links that end at it. A command that cannot apply is unexecutable
 * ({@link Command#canExecute()} false), which disables its action.
 */
public final class ClusterCommands {
    public static final String NEW_NODE = "New Node";
    public static final String NEW_CONTROLLER = "New Controller";
    public static final String NEW_LINK = "New Link";
    public static final String NEW_SWITCH = "New Switch";
    public static final String NEW_ACL_TEMPLATE = "New ACL Template";
    public static final String NEW_ACCESS_ENTRY = "New Access Entry";
    public static final String DELETE = "Delete";

    private ClusterCommands() {
    }

    /** Adds node {@link #freeNodeId} named {@code node<id>}, with controller emu0 and default credentials. */
    public static Command newNode(EditingDomain domain, Cluster cluster) {
        int id = freeNodeId(cluster);
        Node node = ClusterFactory.eINSTANCE.createNode();
        node.setId(id);
        node.setHostname("node" + id);
        Controller controller = ClusterFactory.eINSTANCE.createController();
        controller.setName(ClusterShapes.CONTROLLER);
        node.getControllers().add(controller);
        node.setDefaultCredentials(ClusterShapes.defaultCredentials());
        return create(domain, cluster, Literals.CLUSTER__NODES, node, NEW_NODE);
    }

    /** Adds a controller {@code emu<k>} to the node, k the smallest unit not in use on it. */
    public static Command newController(EditingDomain domain, Node node) {
        Set<String> names = new HashSet<>();
        for (Controller c : node.getControllers()) {
            names.add(c.getName());
        }
        Controller controller = ClusterFactory.eINSTANCE.createController();
        controller.setName(freeName("emu", names));
        return create(domain, node, Literals.NODE__CONTROLLERS, controller, NEW_CONTROLLER);
    }

    /**
     * Adds a link: between the two selected nodes or controllers when the selection is two of them on
     * different nodes, else between the first two nodes (in order) that no link joins yet, through
     * their first controllers. Unexecutable if there is no such pair.
     */
    public static Command newLink(EditingDomain domain, Cluster cluster, List<?> selection) {
        Controller[] ends = linkEnds(cluster, selection);
        if (ends == null) {
            return UnexecutableCommand.INSTANCE;
        }
        Link link = ClusterFactory.eINSTANCE.createLink();
        link.setControllerA(ends[0]);
        link.setControllerB(ends[1]);
        return create(domain, cluster, Literals.CLUSTER__LINKS, link, NEW_LINK);
    }

    /** Adds a switch {@code switch<k>} without ports (ports are set in the Properties view). */
    public static Command newSwitch(EditingDomain domain, Cluster cluster) {
        Set<String> names = new HashSet<>();
        for (Switch s : cluster.getSwitches()) {
            names.add(s.getName());
        }
        Switch sw = ClusterFactory.eINSTANCE.createSwitch();
        sw.setName(freeName("switch", names));
        return create(domain, cluster, Literals.CLUSTER__SWITCHES, sw, NEW_SWITCH);
    }

    /** Adds an ACL template {@code acl<k>} granting 0600 to every node of the cluster. */
    public static Command newAclTemplate(EditingDomain domain, Cluster cluster) {
        Set<String> names = new HashSet<>();
        for (AclTemplate t : cluster.getAclTemplates()) {
            names.add(t.getName());
        }
        AclTemplate template = ClusterFactory.eINSTANCE.createAclTemplate();
        template.setName(freeName("acl", names));
        for (Node node : cluster.getNodes()) {
            if (template.getEntries().size() < 64) {
                AccessEntry entry = ClusterFactory.eINSTANCE.createAccessEntry();
                entry.setNode(node.getId());
                template.getEntries().add(entry);
            }
        }
        return create(domain, cluster, Literals.CLUSTER__ACL_TEMPLATES, template, NEW_ACL_TEMPLATE);
    }

    /** Adds an entry (permission 0600) for the first node of the cluster that the template does not list yet. */
    public static Command newAccessEntry(EditingDomain domain, AclTemplate template) {
        Set<Integer> listed = new HashSet<>();
        for (AccessEntry e : template.getEntries()) {
            listed.add(e.getNode());
        }
        int node = 1;
        if (template.eContainer() instanceof Cluster cluster) {
            node = cluster.getNodes().stream().map(Node::getId).filter(id -> !listed.contains(id)).findFirst()
                    .orElse(node);
        }
        AccessEntry entry = ClusterFactory.eINSTANCE.createAccessEntry();
        entry.setNode(node);
        return create(domain, template, Literals.ACL_TEMPLATE__ENTRIES, entry, NEW_ACCESS_ENTRY);
    }

    /**
     * Deletes the selected objects (not the cluster itself), with the links that end at a deleted node or
     * controller; switch ports that pointed there are removed by {@link DeleteCommand}.
     */
    public static Command delete(EditingDomain domain, Collection<?> selection) {
        Set<EObject> doomed = new LinkedHashSet<>();
        for (Object o : selection) {
            if (o instanceof EObject e && !(e instanceof Cluster) && e.eContainer() != null) {
                doomed.add(e);
            }
        }
        if (doomed.isEmpty()) {
            return UnexecutableCommand.INSTANCE;
        }
        Cluster cluster = null;
        for (EObject e : doomed) {
            if (EcoreUtil.getRootContainer(e) instanceof Cluster c) {
                cluster = c;
            }
        }
        if (cluster != null) {
            for (Link link : cluster.getLinks()) {
                if (endsIn(link, Literals.LINK__CONTROLLER_A, doomed) || endsIn(link, Literals.LINK__CONTROLLER_B, doomed)) {
                    doomed.add(link);
                }
            }
        }
        // an object inside another doomed one goes with it
        List<EObject> roots = new ArrayList<>();
        for (EObject e : doomed) {
            boolean inside = false;
            for (EObject c = e.eContainer(); c != null && !inside; c = c.eContainer()) {
                inside = doomed.contains(c);
            }
            if (!inside) {
                roots.add(e);
            }
        }
        Command delete = DeleteCommand.create(domain, roots);
        return new CommandWrapper(DELETE, "Delete the selected elements", delete);
    }

    /** The smallest node id, from 1, that no node of the cluster has. */
    public static int freeNodeId(Cluster cluster) {
        Set<Integer> ids = new HashSet<>();
        for (Node n : cluster.getNodes()) {
            ids.add(n.getId());
        }
        int id = 1;
        while (ids.contains(id)) {
            id++;
        }
        return id;
    }

    /** The cluster an object belongs to, or null. */
    public static Cluster clusterOf(Object object) {
        return object instanceof EObject e && EcoreUtil.getRootContainer(e) instanceof Cluster c ? c : null;
    }

    private static Controller[] linkEnds(Cluster cluster, List<?> selection) {
        if (selection != null && selection.size() == 2) {
            Controller a = controllerOf(selection.get(0));
            Controller b = controllerOf(selection.get(1));
            if (a != null && b != null && a.getNode() != b.getNode()) {
                return new Controller[] { a, b };
            }
        }
        Set<Set<Node>> linked = new HashSet<>();
        for (Link link : cluster.getLinks()) {
            if (link.getControllerA() != null && link.getControllerB() != null) {
                linked.add(Set.of(link.getControllerA().getNode(), link.getControllerB().getNode()));
            }
        }
        List<Node> nodes = cluster.getNodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Node a = nodes.get(i);
                Node b = nodes.get(j);
                if (a != b && !a.getControllers().isEmpty() && !b.getControllers().isEmpty()
                        && !linked.contains(Set.of(a, b))) {
                    return new Controller[] { a.getControllers().get(0), b.getControllers().get(0) };
                }
            }
        }
        return null;
    }

    private static Controller controllerOf(Object o) {
        if (o instanceof Controller c) {
            return c.getNode() != null ? c : null;
        }
        if (o instanceof Node n && !n.getControllers().isEmpty()) {
            return n.getControllers().get(0);
        }
        return null;
    }

    private static boolean endsIn(Link link, EReference end, Set<EObject> doomed) {
        Object value = link.eGet(end, false);
        for (EObject c = value instanceof EObject e ? e : null; c != null; c = c.eContainer()) {
            if (doomed.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static String freeName(String prefix, Set<String> taken) {
        int k = 0;
        while (taken.contains(prefix + k)) {
            k++;
        }
        return prefix + k;
    }

    private static Command create(EditingDomain domain, EObject owner, EReference feature, EObject child, String label) {
        Command command = CreateChildCommand.create(domain, owner, new CommandParameter(owner, feature, child),
                Collections.singletonList(owner));
        return new CommandWrapper(label, label + " in " + ClusterLabels.text(owner), command);
    }
}
