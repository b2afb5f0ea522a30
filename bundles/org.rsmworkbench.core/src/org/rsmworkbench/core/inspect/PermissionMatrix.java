// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rsmworkbench.emulator.AccessRules;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmError;

/**
 * Who may connect to a segment, and with what: for every node of the cluster, every relation of an
 * importing process to the segment's creator (owner uid, member of its group, other, privileged) and
 * read or write, whether a connect would succeed, and why, in the order the kernel agent decides
 * (RSMAPI §3.3, §4).
 */
public final class PermissionMatrix {
    /** How an importing process relates to the segment's creator. */
    public enum Relation {
        OWNER("owner uid"), GROUP("group member"), OTHER("other"), PRIVILEGED("privileged");

        private final String label;

        Relation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a connect asks for. */
    public enum Access {
        READ(Rsm.PERM_READ, "read"), WRITE(Rsm.PERM_WRITE, "write");

        private final int permission;
        private final String label;

        Access(int permission, String label) {
            this.permission = permission;
            this.label = label;
        }

        public int permission() {
            return permission;
        }

        public String label() {
            return label;
        }
    }

    /** One cell: {@code error} is null when the connect is allowed. */
    public record Cell(int node, Relation relation, Access access, boolean allowed, RsmError error, String reason) {
    }

    private final ClusterState.Segment segment;
    private final List<Integer> nodes;
    private final List<Cell> cells;

    private PermissionMatrix(ClusterState.Segment segment, List<Integer> nodes, List<Cell> cells) {
        this.segment = segment;
        this.nodes = nodes;
        this.cells = cells;
    }

    public static PermissionMatrix of(ClusterState state, ClusterState.Segment segment) {
        List<Integer> nodes = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (ClusterState.Node node : state.nodes()) {
            nodes.add(node.id());
            for (Relation relation : Relation.values()) {
                for (Access access : Access.values()) {
                    cells.add(decide(segment, node, relation, access));
                }
            }
        }
        return new PermissionMatrix(segment, List.copyOf(nodes), List.copyOf(cells));
    }

    public ClusterState.Segment segment() {
        return segment;
    }

    public List<Integer> nodes() {
        return nodes;
    }

    public List<Cell> cells() {
        return cells;
    }

    public Cell cell(int node, Relation relation, Access access) {
        for (Cell cell : cells) {
            if (cell.node() == node && cell.relation() == relation && cell.access() == access) {
                return cell;
            }
        }
        throw new IllegalArgumentException("no cell for node " + node);
    }

    /**
     * A node and relation whose process may write the segment: the least privileged relation that any node has
     * (owner uid, group member, other, then privileged), on the first such node in the cluster's order. Empty when no
     * process may write (not published, a read-only ACL or mode, every node listed down).
     */
    public Optional<Cell> firstWriter() {
        for (Relation relation : Relation.values()) {
            for (int node : nodes) {
                Cell cell = cell(node, relation, Access.WRITE);
                if (cell.allowed()) {
                    return Optional.of(cell);
                }
            }
        }
        return Optional.empty();
    }

    /** The credentials of a process that stands in the relation to the segment's creator. */
    public static Credentials credentialsFor(ClusterState.Segment segment, Relation relation) {
        int uid = segment.creatorUid();
        int gid = segment.creatorGid();
        return switch (relation) {
            case OWNER -> new Credentials(uid, gid, Set.of(), 022, false);
            case GROUP -> new Credentials(uid + 1, gid, Set.of(), 022, false);
            case OTHER -> new Credentials(uid + 1, gid + 1, Set.of(), 022, false);
            case PRIVILEGED -> new Credentials(uid + 1, gid + 1, Set.of(), 022, true);
        };
    }

    /** The mode the exporter gives a node (RSMAPI §4 level 1), or -1 when a non-empty ACL does not list it. */
    public static int nodeMode(ClusterState.Segment segment, int node) {
        if (segment.acl().isEmpty()) {
            return 0666 & segment.mode();
        }
        for (AccessEntry entry : segment.acl()) {
            if (entry.node() == node) {
                return 0666 & entry.permission();
            }
        }
        return -1;
    }

    private static Cell decide(ClusterState.Segment segment, ClusterState.Node node, Relation relation, Access access) {
        String id = "0x" + Integer.toHexString(segment.segmentId());
        if (!segment.published()) {
            return denied(node, relation, access, RsmError.SEG_NOT_PUBLISHED, "segment " + id + " is not published");
        }
        if (!node.up()) {
            return denied(node, relation, access, RsmError.REMOTE_NODE_UNREACHABLE, "node " + node.id() + " is down");
        }
        int mode = nodeMode(segment, node.id());
        if (mode < 0) {
            return denied(node, relation, access, RsmError.SEG_NOT_PUBLISHED_TO_NODE,
                    "node " + node.id() + " is not in the ACL " + segment.acl());
        }
        String modeSource = segment.acl().isEmpty()
                ? "the ACL is empty, so every node gets the creator's umask mode " + octal(segment.mode()) + " & 0666 = "
                        + octal(mode)
                : "the ACL gives node " + node.id() + " mode " + octal(mode);
        Credentials importer = credentialsFor(segment, relation);
        int shift = AccessRules.shift(segment.creatorUid(), segment.creatorGid(), importer);
        int digit = (mode >> (6 - shift)) & 7;
        String digitName = AccessRules.relation(segment.creatorUid(), segment.creatorGid(), importer);
        boolean digitAllows = AccessRules.missing(mode, segment.creatorUid(), segment.creatorGid(), access.permission(),
                importer) == 0;
        String digitText = "the " + digitName + " digit " + digit + (digitAllows ? " allows " : " lacks ") + access.label();
        if (digitAllows) {
            return new Cell(node.id(), relation, access, true, null, modeSource + "; " + digitText);
        }
        if (importer.privileged()) {
            return new Cell(node.id(), relation, access, true, null,
                    modeSource + "; " + digitText + ", but a privileged process overrides the check");
        }
        return denied(node, relation, access, RsmError.PERM_DENIED, modeSource + "; " + digitText);
    }

    private static Cell denied(ClusterState.Node node, Relation relation, Access access, RsmError error, String why) {
        return new Cell(node.id(), relation, access, false, error, why + ": a connect fails with RSMERR_" + error);
    }

    static String octal(int mode) {
        return "0" + Integer.toOctalString(mode);
    }
}
