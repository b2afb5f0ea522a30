// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.util.Set;

/**
 * The emulated credentials of a process: what the kernel agent compares in its access check.
 * Only {@code privileged} overrides access checks; uid 0 is not special.
 */
public record Credentials(int uid, int gid, Set<Integer> groups, int umask, boolean privileged) {
    public Credentials {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** Whether a process with these credentials is a member of group {@code g}. */
    public boolean isMemberOf(int g) {
        return gid == g || groups.contains(g);
    }

    @Override
    public String toString() {
        return "uid=" + uid + " gid=" + gid + (groups.isEmpty() ? "" : " groups=" + groups)
                + " umask=0" + Integer.toOctalString(umask) + (privileged ? " privileged" : "");
    }
}
