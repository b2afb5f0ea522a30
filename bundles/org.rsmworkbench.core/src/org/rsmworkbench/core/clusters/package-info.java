// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Which clusters the IDE watches, and headless models over their {@link org.rsmworkbench.emulator.ClusterState}
 * snapshots: {@link org.rsmworkbench.core.clusters.RunningClusters} (clusters launched from the IDE or attached
 * by directory), {@link org.rsmworkbench.core.clusters.StateTracker} (skips snapshots whose version did not
 * change), {@link org.rsmworkbench.core.clusters.ClusterTree} (the rows of the Cluster view) and
 * {@link org.rsmworkbench.core.clusters.PublishHistory} (publish, republish and unpublish events found by
 * diffing successive snapshots); {@link org.rsmworkbench.core.clusters.ClusterPoller} also reads where the processes
 * wait and finds the deadlocks among their waits. Nothing here needs a display. API (provisional until 1.0).
 */
package org.rsmworkbench.core.clusters;
