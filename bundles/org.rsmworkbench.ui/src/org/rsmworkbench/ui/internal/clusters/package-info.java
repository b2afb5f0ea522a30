// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Clusters view (running clusters, their nodes, processes, controllers, exports and imports), its commands
 * (one handler each over {@link org.rsmworkbench.ui.internal.clusters.ClusterViewHandler}, contributed in plugin.xml to
 * the view's context menu, toolbar and key bindings, among them the fault actions), the Attach to Cluster command and
 * the fail-next-transfers dialog. Not API.
 */
package org.rsmworkbench.ui.internal.clusters;
