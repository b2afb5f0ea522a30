// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.internal;

import static org.rsmworkbench.model.ClusterValidation.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage.Literals;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.Switch;

/**
 * The constraints of the cluster model, called by the generated {@code ClusterValidator}. Each returns
 * false when the object breaks the rule and adds a diagnostic that names the object and says how to
 * fix it (see {@link org.rsmworkbench.model.ClusterValidation}). Checks that look at the whole cluster
 * run once per cluster, so validating a large model stays linear.
 */
public final class ClusterConstraints {
    /** {@code <type><unit>}: letters, then digits (what the emulator accepts). */
    public static final Pattern CONTROLLER_NAME_PATTERN = Pattern.compile("[A-Za-z]+[0-9]*");

    private ClusterConstraints() {
    }

    // ---- Cluster

    public static boolean clusterValidName(Cluster cluster, DiagnosticChain diagnostics) {
        if (isBlank(cluster.getName())) {
            return error(diagnostics, CLUSTER_NAME, "The cluster has no name: give it one (it names the running cluster).",
                    cluster, Literals.CLUSTER__NAME);
        }
        return true;
    }

    public static boolean clusterValidPageSize(Cluster cluster, DiagnosticChain diagnostics) {
        long size = cluster.getPageSize();
        if (size < 4096 || Long.bitCount(size) != 1) {
            return error(diagnostics, PAGE_SIZE, "The page size " + size + " of cluster " + quote(cluster.getName())
                    + " is not a power of two of at least 4096: use 4096, 8192, 16384, ...", cluster,
                    Literals.CLUSTER__PAGE_SIZE);
        }
        return true;
    }

    public static boolean clusterUniqueNodeIds(Cluster cluster, DiagnosticChain diagnostics) {
        Map<Integer, Node> first = new HashMap<>();
        boolean ok = true;
        for (Node node : cluster.getNodes()) {
            Node earlier = first.putIfAbsent(node.getId(), node);
            if (earlier != null) {
                ok = error(diagnostics, DUPLICATE_NODE_ID, label(node) + " has the same id as " + label(earlier)
                        + ": node ids must be unique, give it an unused id.", node, Literals.NODE__ID);
            }
        }
        return ok;
    }

    public static boolean clusterUniqueAclTemplateNames(Cluster cluster, DiagnosticChain diagnostics) {
        Set<String> names = new HashSet<>();
        boolean ok = true;
        for (AclTemplate template : cluster.getAclTemplates()) {
            if (template.getName() != null && !names.add(template.getName())) {
                ok = error(diagnostics, DUPLICATE_ACL_TEMPLATE_NAME, label(template)
                        + " has the name of another ACL template: programs refer to templates by name, rename one of them.",
                        template, Literals.ACL_TEMPLATE__NAME);
            }
        }
        return ok;
    }

    public static boolean clusterEmulatorLinkLimit(Cluster cluster, DiagnosticChain diagnostics) {
        long links = linkCount(cluster);
        if (links > EMULATOR_MAX_LINKS) {
            return warning(diagnostics, TOO_MANY_LINKS, "Cluster " + quote(cluster.getName()) + " has " + links
                    + " links (each switch counted as the links between its ports): the emulator holds at most "
                    + EMULATOR_MAX_LINKS + ", so it cannot start this cluster. Use fewer nodes or switch ports to run it.",
                    cluster, Literals.CLUSTER__LINKS);
        }
        return true;
    }

    /** The links of the cluster once its switches are expanded (pairs of ports on different nodes). */
    public static long linkCount(Cluster cluster) {
        long count = cluster.getLinks().size();
        for (Switch sw : cluster.getSwitches()) {
            Map<Node, Integer> perNode = new HashMap<>();
            int ports = 0;
            for (Controller port : sw.getPorts()) {
                if (port.getNode() != null) {
                    perNode.merge(port.getNode(), 1, Integer::sum);
                    ports++;
                }
            }
            count += (long) ports * (ports - 1) / 2;
            for (int n : perNode.values()) {
                count -= (long) n * (n - 1) / 2;
            }
        }
        return count;
    }

    // ---- Node

    public static boolean nodeIdInRange(Node node, DiagnosticChain diagnostics) {
        int id = node.getId();
        if (id < 0) {
            return error(diagnostics, NEGATIVE_NODE_ID, label(node) + " has a negative id: node ids are 0 to "
                    + (EMULATOR_MAX_NODES - 1) + " in the emulator, choose one of those.", node, Literals.NODE__ID);
        }
        if (id >= EMULATOR_MAX_NODES) {
            return warning(diagnostics, NODE_ID_BEYOND_EMULATOR, label(node) + ": the emulator runs node ids 0 to "
                    + (EMULATOR_MAX_NODES - 1) + " only (at most " + EMULATOR_MAX_NODES
                    + " nodes), so this cluster can be designed but not started; give the node an id below "
                    + EMULATOR_MAX_NODES + " to run it.", node, Literals.NODE__ID);
        }
        return true;
    }

    public static boolean nodeUniqueControllerNames(Node node, DiagnosticChain diagnostics) {
        Set<String> names = new HashSet<>();
        boolean ok = true;
        for (Controller controller : node.getControllers()) {
            if (controller.getName() != null && !names.add(controller.getName().toLowerCase(Locale.ROOT))) {
                ok = error(diagnostics, DUPLICATE_CONTROLLER_NAME, label(controller)
                        + " has the name of another controller of the node (names are compared ignoring case): rename it, e.g. to the next unit number.",
                        controller, Literals.CONTROLLER__NAME);
            }
        }
        return ok;
    }

    // ---- Controller

    public static boolean controllerWellFormedName(Controller controller, DiagnosticChain diagnostics) {
        String name = controller.getName();
        if (name == null || !CONTROLLER_NAME_PATTERN.matcher(name).matches()) {
            return error(diagnostics, CONTROLLER_NAME, label(controller)
                    + ": a controller name is <type><unit>, letters then digits (like emu0 or wrsm1); rename it.",
                    controller, Literals.CONTROLLER__NAME);
        }
        if (name.equalsIgnoreCase("loopback")) {
            return error(diagnostics, CONTROLLER_NAME, label(controller)
                    + ": \"loopback\" is the implied local controller of every node and cannot be declared; rename it (e.g. emu0).",
                    controller, Literals.CONTROLLER__NAME);
        }
        return true;
    }

    // ---- Link

    public static boolean linkValidEnds(Link link, DiagnosticChain diagnostics) {
        Cluster cluster = link.eContainer() instanceof Cluster c ? c : null;
        boolean ok = true;
        for (EStructuralFeature end : List.of(Literals.LINK__CONTROLLER_A, Literals.LINK__CONTROLLER_B)) {
            Controller controller = (Controller) link.eGet(end, false);
            if (controller == null || controller.eIsProxy() || !belongsTo(controller, cluster)) {
                ok = error(diagnostics, LINK_END_MISSING, label(link) + ": its end " + end.getName()
                        + " is not a controller of a node of this cluster; pick an existing controller or delete the link.",
                        link, end);
            }
        }
        if (ok && link.getControllerA().getNode() == link.getControllerB().getNode()) {
            ok = error(diagnostics, LINK_SAME_NODE, label(link)
                    + " joins two controllers of the same node: links join different nodes (a node reaches itself through loopback); connect it to another node.",
                    link, Literals.LINK__CONTROLLER_B);
        }
        return ok;
    }

    // ---- Switch

    public static boolean switchValidPorts(Switch sw, DiagnosticChain diagnostics) {
        Cluster cluster = sw.eContainer() instanceof Cluster c ? c : null;
        boolean ok = true;
        if (isBlank(sw.getName())) {
            ok = error(diagnostics, SWITCH_NAME, "A switch of the cluster has no name: name it (e.g. switch0).", sw,
                    Literals.SWITCH__NAME);
        }
        @SuppressWarnings("unchecked")
        List<Controller> ports = (List<Controller>) sw.eGet(Literals.SWITCH__PORTS, false);
        int index = 0;
        for (Controller port : ports) {
            if (port.eIsProxy() || !belongsTo(port, cluster)) {
                ok = error(diagnostics, SWITCH_PORT, label(sw) + ": port " + index
                        + " is not a controller of a node of this cluster; remove it or pick an existing controller.", sw,
                        Literals.SWITCH__PORTS);
            }
            index++;
        }
        return ok;
    }

    // ---- ACL templates and entries

    public static boolean aclTemplateValidName(AclTemplate template, DiagnosticChain diagnostics) {
        if (isBlank(template.getName())) {
            return error(diagnostics, ACL_TEMPLATE_NAME, label(template)
                    + " has no name: programs and views refer to ACL templates by name, give it one.", template,
                    Literals.ACL_TEMPLATE__NAME);
        }
        return true;
    }

    public static boolean aclTemplateAtMost64Entries(AclTemplate template, DiagnosticChain diagnostics) {
        int n = template.getEntries().size();
        if (n > MAX_ACL_ENTRIES) {
            return error(diagnostics, TOO_MANY_ACL_ENTRIES, label(template) + " has " + n + " entries: an ACL has at most "
                    + MAX_ACL_ENTRIES + " (rsm_memseg_export_publish refuses more); remove " + (n - MAX_ACL_ENTRIES) + ".",
                    template, Literals.ACL_TEMPLATE__ENTRIES);
        }
        return true;
    }

    public static boolean accessEntryExistingNode(AccessEntry entry, DiagnosticChain diagnostics,
            Map<Object, Object> context) {
        Cluster cluster = cluster(entry);
        if (cluster == null) {
            return true; // an entry outside a cluster (a live segment's ACL) names nodes of the running cluster
        }
        if (!nodeIds(cluster, context).contains(entry.getNode())) {
            return error(diagnostics, ACL_ENTRY_NODE, label(entry) + " names node " + entry.getNode()
                    + ", which the cluster does not have: pick one of its nodes or add that node.", entry,
                    Literals.ACCESS_ENTRY__NODE);
        }
        return true;
    }

    public static boolean accessEntryValidPermission(AccessEntry entry, DiagnosticChain diagnostics) {
        int p = entry.getPermission();
        boolean ok = p >= 0 && p <= 0666;
        for (int digit = 0; ok && digit < 3; digit++) {
            int d = (p >> (3 * digit)) & 7;
            ok = d <= 6 && d % 2 == 0;
        }
        if (!ok) {
            return error(diagnostics, ACL_ENTRY_PERMISSION, label(entry) + " has permission " + Octal.format(p)
                    + ": a permission is three octal digits, each 0, 2 (write), 4 (read) or 6 (read and write), at most 0666; e.g. 0640.",
                    entry, Literals.ACCESS_ENTRY__PERMISSION);
        }
        return true;
    }

    // ---- Credentials

    public static boolean credentialsValidIds(Credentials credentials, DiagnosticChain diagnostics) {
        boolean ok = true;
        if (credentials.getUid() < 0) {
            ok = error(diagnostics, CREDENTIALS_ID, label(credentials) + " have the negative uid " + credentials.getUid()
                    + ": use a uid of 0 or more.", credentials, Literals.CREDENTIALS__UID);
        }
        if (credentials.getGid() < 0) {
            ok = error(diagnostics, CREDENTIALS_ID, label(credentials) + " have the negative gid " + credentials.getGid()
                    + ": use a gid of 0 or more.", credentials, Literals.CREDENTIALS__GID);
        }
        for (int group : credentials.getGroups()) {
            if (group < 0) {
                ok = error(diagnostics, CREDENTIALS_ID, label(credentials) + " list the negative group " + group
                        + ": supplementary groups are gids of 0 or more; remove or fix it.", credentials,
                        Literals.CREDENTIALS__GROUPS);
            }
        }
        return ok;
    }

    public static boolean credentialsValidUmask(Credentials credentials, DiagnosticChain diagnostics) {
        int umask = credentials.getUmask();
        if (umask < 0 || umask > 0777) {
            return error(diagnostics, CREDENTIALS_UMASK, label(credentials) + " have umask " + Octal.format(umask)
                    + ": a umask is 0000 to 0777 (e.g. 0022).", credentials, Literals.CREDENTIALS__UMASK);
        }
        return true;
    }

    // ---- labels: how messages name objects

    public static String label(EObject object) {
        if (object instanceof Node node) {
            return "Node " + node.getId() + " (" + quote(node.getHostname()) + ")";
        }
        if (object instanceof Controller controller) {
            Node node = controller.getNode();
            return "Controller " + quote(controller.getName()) + (node == null ? "" : " of node " + node.getId());
        }
        if (object instanceof Link link) {
            return "The link " + end((Controller) link.eGet(Literals.LINK__CONTROLLER_A, false)) + " - "
                    + end((Controller) link.eGet(Literals.LINK__CONTROLLER_B, false));
        }
        if (object instanceof Switch sw) {
            return "Switch " + quote(sw.getName());
        }
        if (object instanceof AclTemplate template) {
            return "ACL template " + quote(template.getName());
        }
        if (object instanceof AccessEntry entry) {
            String owner = entry.eContainer() == null ? "" : " of " + label(entry.eContainer());
            int index = entry.eContainer() == null ? -1
                    : ((List<?>) entry.eContainer().eGet(entry.eContainmentFeature())).indexOf(entry);
            return "ACL entry " + (index + 1) + owner;
        }
        if (object instanceof Credentials credentials) {
            EObject owner = credentials.eContainer();
            return owner instanceof Node node ? "The default credentials of node " + node.getId()
                    : owner == null ? "The credentials" : "The credentials of " + label(owner);
        }
        if (object instanceof Cluster cluster) {
            return "Cluster " + quote(cluster.getName());
        }
        return String.valueOf(object);
    }

    private static String end(Controller controller) {
        if (controller == null) {
            return "(none)";
        }
        if (controller.eIsProxy() || controller.getNode() == null) {
            return "(a missing controller)";
        }
        return controller.getNode().getId() + ":" + controller.getName();
    }

    private static String quote(String s) {
        return s == null ? "(unnamed)" : "\"" + s + "\"";
    }

    // ---- helpers

    private static boolean belongsTo(Controller controller, Cluster cluster) {
        Node node = controller.getNode();
        return node != null && cluster != null && node.eContainer() == cluster;
    }

    private static Cluster cluster(EObject object) {
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof Cluster c) {
                return c;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Set<Integer> nodeIds(Cluster cluster, Map<Object, Object> context) {
        Map<Cluster, Set<Integer>> cache = null;
        if (context != null) {
            cache = (Map<Cluster, Set<Integer>>) context.computeIfAbsent(ClusterConstraints.class, _ -> new HashMap<>());
            Set<Integer> ids = cache.get(cluster);
            if (ids != null) {
                return ids;
            }
        }
        List<Integer> list = new ArrayList<>(cluster.getNodes().size());
        for (Node node : cluster.getNodes()) {
            list.add(node.getId());
        }
        Set<Integer> ids = new HashSet<>(list);
        if (cache != null) {
            cache.put(cluster, ids);
        }
        return ids;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean error(DiagnosticChain diagnostics, int code, String message, EObject object,
            EStructuralFeature feature) {
        return add(diagnostics, Diagnostic.ERROR, code, message, object, feature);
    }

    private static boolean warning(DiagnosticChain diagnostics, int code, String message, EObject object,
            EStructuralFeature feature) {
        add(diagnostics, Diagnostic.WARNING, code, message, object, feature);
        return true;
    }

    private static boolean add(DiagnosticChain diagnostics, int severity, int code, String message, EObject object,
            EStructuralFeature feature) {
        if (diagnostics != null) {
            diagnostics.add(new BasicDiagnostic(severity, SOURCE, code, message, new Object[] { object, feature }));
        }
        return false;
    }
}
