// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Segment Permissions view: owner, mode and ACL of a segment, the permission matrix (node x relation x
 * read/write) with each cell's reason, the current connections and the publish history. Follows the
 * selection of the Clusters view and the active segment inspector. Not API.
 */
package org.rsmworkbench.ui.internal.permissions;
