// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * RSM > Attach to Distributed Cluster...: asks for the connect string of a distributed cluster's registry in ZooKeeper and
 * attaches to it off the UI thread; the Clusters, Permissions and Topology views then show it as any other cluster
 * (through {@link org.rsmworkbench.core.clusters.RunningClusters}). Not API.
 */
package org.rsmworkbench.distributed.ui.internal;
