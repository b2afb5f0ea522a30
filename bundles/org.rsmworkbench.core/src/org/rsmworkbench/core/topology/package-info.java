// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The geometry of the Topology view, without a display: {@link org.rsmworkbench.core.topology.TopologyLayout}
 * places nodes on a circle, their controllers on each node's rim and links between controllers, and answers
 * which node or link is under a point. API (provisional until 1.0).
 */
package org.rsmworkbench.core.topology;
