// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

/** One entry of a segment's access-control list: a node and three octal permission digits (e.g. 0624). */
public record AccessEntry(int node, int permission) {
    @Override
    public String toString() {
        return node + ":0" + Integer.toOctalString(permission);
    }
}
