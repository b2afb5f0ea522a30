// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.backend;

import java.util.List;
import java.util.Objects;

import org.rsmworkbench.rsmapi.AccessEntry;

/**
 * What a registry holds of a published segment, as far as a connect needs it: where it is ({@code node},
 * {@code segmentId}), the controller it was exported through, its size, its owner's credentials and mode, and its ACL
 * (empty: every node gets the mode).
 */
public record PublishedSegment(int node, int segmentId, String controller, long length, int uid, int gid, int mode,
        List<AccessEntry> acl) {
    public PublishedSegment {
        Objects.requireNonNull(controller, "controller");
        acl = List.copyOf(acl);
    }
}
