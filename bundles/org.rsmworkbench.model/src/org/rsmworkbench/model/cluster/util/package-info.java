// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Generated utilities of the cluster model: the XMI resource factory of {@code .rsmcluster} files, the
 * registered validator (its constraints are in {@code org.rsmworkbench.model.internal.ClusterConstraints}),
 * switch and adapter factory. API (provisional until 1.0).
 */
package org.rsmworkbench.model.cluster.util;
