// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

/**
 * Where a cluster's registry keeps what, below the cluster's own root (the chroot of its connect string):
 * <ul>
 * <li>{@code /nodes/N-SESSION}: ephemeral, one per process of node N: the node is up while one exists;</li>
 * <li>{@code /links/I}: {@code up} or {@code down}, the link with index I of the cluster spec;</li>
 * <li>{@code /segments/N-ID}: ephemeral (the exporter's session), the published segment ID (hex) of node N
 * ({@link SegmentRecord});</li>
 * <li>{@code /connections/N-ID-M-SEQ}: ephemeral (the importer's session), a connection of node M to it.</li>
 * </ul>
 */
final class Znodes {
    static final String NODES = "/nodes";
    static final String LINKS = "/links";
    static final String SEGMENTS = "/segments";
    static final String CONNECTIONS = "/connections";
    static final String LINK_UP = "up";
    static final String LINK_DOWN = "down";

    private Znodes() {
    }

    /** The prefix of the node znodes of {@code node}. */
    static String nodePrefix(int node) {
        return node + "-";
    }

    static String segment(int node, int segmentId) {
        return SEGMENTS + "/" + segmentName(node, segmentId);
    }

    static String segmentName(int node, int segmentId) {
        return node + "-" + Integer.toHexString(segmentId);
    }

    /** The prefix of the connection znodes (names, not paths) of a segment. */
    static String connectionPrefix(int node, int segmentId) {
        return segmentName(node, segmentId) + "-";
    }

    static String link(int index) {
        return LINKS + "/" + index;
    }
}
