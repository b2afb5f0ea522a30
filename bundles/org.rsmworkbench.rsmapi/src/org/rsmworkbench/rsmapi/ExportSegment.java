// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.lang.foreign.MemorySegment;
import java.util.List;

/** An export segment: local memory that this process offers to other nodes. */
public interface ExportSegment extends Signalable {
    /** Publishes under {@code segmentId} (0 = assign one) with the ACL (null or empty = every node); returns the id. */
    int publish(int segmentId, List<AccessEntry> acl) throws RsmException;

    void unpublish() throws RsmException;

    void republish(List<AccessEntry> acl) throws RsmException;

    void rebind(MemorySegment memory) throws RsmException;

    void destroy() throws RsmException;

    long size();
}
