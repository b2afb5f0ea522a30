// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.backend;

import static org.rsmworkbench.emulator.internal.Errors.error;
import static org.rsmworkbench.emulator.internal.Errors.id;
import static org.rsmworkbench.emulator.internal.Errors.perm;

import java.util.List;

import org.rsmworkbench.emulator.AccessRules;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.ControllerSpec;
import org.rsmworkbench.emulator.LinkSpec;
import org.rsmworkbench.emulator.NodeSpec;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * The registry half of {@code rsm_memseg_import_connect}, in the order of RSMAPI.md: the exporter's node reachable
 * through the importer's controller, the segment published, the link to the controller it was exported through up,
 * this node in its ACL, then the owner's permission bits. The one place of these checks: the mapped registry and a
 * distributed one run it against their own {@link RegistryView}.
 */
public final class ConnectChecks {
    /** What a connect that passed the checks was granted: the segment, the mode its node gets, the link it goes through (-1: none). */
    public record Grant(PublishedSegment segment, int mode, int link) {
    }

    private ConnectChecks() {
    }

    /**
     * Decides a connect of a process of {@code importerNode} with {@code credentials}, through its controller
     * {@code controller} ({@code loopback} when it is the loopback controller), to {@code segmentId} of
     * {@code exporterNode} with {@code permission} (already checked to be read and/or write); {@code importer} names the
     * importing process in messages.
     */
    public static Grant check(RegistryView view, int importerNode, String controller, boolean loopback, Credentials credentials,
            String importer, int exporterNode, int segmentId, int permission) throws RsmException {
        String segment = "segment " + id(segmentId) + " of node " + exporterNode;
        checkReachable(view, importerNode, controller, exporterNode);
        PublishedSegment published = view.published(exporterNode, segmentId);
        if (published == null) {
            throw error(RsmError.SEG_NOT_PUBLISHED, "%s is not published", segment);
        }
        int link = -1;
        if (exporterNode != importerNode && !loopback) {
            link = linkIndex(view.spec(), importerNode, controller, exporterNode, published.controller());
            if (link < 0 || !view.isLinkUp(link)) {
                throw error(RsmError.REMOTE_NODE_UNREACHABLE,
                        "%s was exported through %s, and %s of node %d has %s link to it", segment, published.controller(),
                        controller, importerNode, link < 0 ? "no" : "only a down");
            }
        }
        int mode = nodeMode(published, importerNode, segment);
        if (!AccessRules.permits(mode, published.uid(), published.gid(), permission, credentials)) {
            throw error(RsmError.PERM_DENIED,
                    "%s denies %s (%s) to %s: node %d gets mode %s, owner uid %d gid %d, so the %s digit applies",
                    segment, perm(permission), permission == Rsm.PERM_RDWR ? "read+write"
                            : permission == Rsm.PERM_READ ? "read" : "write",
                    importer, importerNode, perm(mode), published.uid(),
                    published.gid(), AccessRules.relation(published.uid(), published.gid(), credentials));
        }
        return new Grant(published, mode, link);
    }

    /** Index of the link joining those two controllers in the spec, or -1. */
    public static int linkIndex(ClusterSpec spec, int nodeA, String controllerA, int nodeB, String controllerB) {
        List<LinkSpec> links = spec.links();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).joins(nodeA, controllerA, nodeB, controllerB)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first of the checks: REMOTE_NODE_UNREACHABLE unless {@code exporterNode} is this node or one that is up, which
     * the importer's controller has a link that is up to.
     */
    public static void checkReachable(RegistryView view, int importerNode, String controller, int exporterNode) throws RsmException {
        if (exporterNode != importerNode) {
            checkNodeReachable(view, importerNode, controller, exporterNode);
        }
    }

    /** REMOTE_NODE_UNREACHABLE unless the importer's controller has a path to a node that is up. */
    private static void checkNodeReachable(RegistryView view, int importerNode, String controller, int exporterNode)
            throws RsmException {
        ClusterSpec spec = view.spec();
        NodeSpec node = exporterNode >= 0 && exporterNode < ClusterSpec.MAX_NODES ? spec.node(exporterNode) : null;
        if (node == null) {
            throw error(RsmError.REMOTE_NODE_UNREACHABLE, "cluster %s has no node %d", spec.name(), exporterNode);
        }
        if (!view.isNodeUp(exporterNode)) {
            throw error(RsmError.REMOTE_NODE_UNREACHABLE, "node %d is down", exporterNode);
        }
        for (ControllerSpec remote : node.controllers()) {
            int link = linkIndex(spec, importerNode, controller, exporterNode, remote.name());
            if (link >= 0 && view.isLinkUp(link)) {
                return;
            }
        }
        throw error(RsmError.REMOTE_NODE_UNREACHABLE, "controller %s of node %d has no link that is up to node %d", controller,
                importerNode, exporterNode);
    }

    /** Level 1 of the access check, the mode the exporter gives this node (RSMAPI §4). */
    private static int nodeMode(PublishedSegment published, int importerNode, String segment) throws RsmException {
        List<AccessEntry> acl = published.acl();
        if (acl.isEmpty()) {
            return 0666 & published.mode();
        }
        for (AccessEntry entry : acl) {
            if (entry.node() == importerNode) {
                return 0666 & entry.permission();
            }
        }
        throw error(RsmError.SEG_NOT_PUBLISHED_TO_NODE, "node %d is not in the ACL of %s: %s", importerNode, segment, acl);
    }
}
