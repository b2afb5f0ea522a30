// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.model.editor.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.rsmworkbench.model.cluster.AccessEntry;
import org.rsmworkbench.model.cluster.AclTemplate;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.model.cluster.ClusterPackage;
import org.rsmworkbench.model.cluster.Controller;
import org.rsmworkbench.model.cluster.Credentials;
import org.rsmworkbench.model.cluster.Link;
import org.rsmworkbench.model.cluster.Node;
import org.rsmworkbench.model.cluster.Switch;

/**
 * How the editor names cluster objects: tree labels that say what matters (a node's hostname, a link's ends,
 * a mode in octal), and paths like {@code Node 2 (node2) > Controller emu0} for marker locations.
 */
public final class ClusterLabels {
    private ClusterLabels() {
    }

    /** The tree label of a cluster object; null for anything else (the item provider's text is used then). */
    public static String text(Object object) {
        if (object instanceof Cluster cluster) {
            return "Cluster " + name(cluster.getName());
        }
        if (object instanceof Node node) {
            return "Node " + node.getId() + " (" + name(node.getHostname()) + ")";
        }
        if (object instanceof Controller controller) {
            return "Controller " + name(controller.getName());
        }
        if (object instanceof Link link) {
            return "Link " + end((Controller) link.eGet(ClusterPackage.Literals.LINK__CONTROLLER_A, false)) + " \u2013 "
                    + end((Controller) link.eGet(ClusterPackage.Literals.LINK__CONTROLLER_B, false))
                    + (link.isUp() ? "" : " (down)");
        }
        if (object instanceof Switch sw) {
            int ports = sw.getPorts().size();
            return "Switch " + name(sw.getName()) + " (" + ports + (ports == 1 ? " port" : " ports") + ")"
                    + (sw.isUp() ? "" : " (down)");
        }
        if (object instanceof AclTemplate template) {
            int entries = template.getEntries().size();
            return "ACL template " + name(template.getName()) + " (" + entries + (entries == 1 ? " entry" : " entries") + ")";
        }
        if (object instanceof AccessEntry entry) {
            return "Node " + entry.getNode() + ": " + octal(entry.getPermission());
        }
        if (object instanceof Credentials credentials) {
            return "Default credentials: uid " + credentials.getUid() + ", gid " + credentials.getGid()
                    + (credentials.getGroups().isEmpty() ? "" : ", groups " + join(credentials.getGroups()))
                    + ", umask " + octal(credentials.getUmask()) + (credentials.isPrivileged() ? ", privileged" : "");
        }
        return null;
    }

    /**
     * Where an object is, for a marker's location: the labels from the cluster's child down to the object,
     * joined by " > "; the cluster itself is "Cluster name".
     */
    public static String path(EObject object) {
        if (object == null) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof Cluster && o != object) {
                break;
            }
            String text = text(o);
            parts.addFirst(text != null ? text : o.eClass().getName());
        }
        return String.join(" > ", parts);
    }

    /** A mode as the model writes it: {@code 0640}. */
    public static String octal(int mode) {
        return EcoreUtil.convertToString(ClusterPackage.Literals.OCTAL_MODE, mode);
    }

    private static String end(Controller controller) {
        if (controller == null) {
            return "(none)";
        }
        if (controller.eIsProxy() || controller.getNode() == null) {
            return "(missing)";
        }
        return controller.getNode().getId() + ":" + name(controller.getName());
    }

    private static String name(String s) {
        return s == null || s.isBlank() ? "(unnamed)" : s;
    }

    private static String join(List<Integer> values) {
        StringBuilder b = new StringBuilder();
        for (Integer v : values) {
            b.append(b.isEmpty() ? "" : ",").append(v);
        }
        return b.toString();
    }
}
