// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The distributed backend's API for observers: attaching to a distributed cluster from its registry's connect string
 * ({@link org.rsmworkbench.distributed.DistributedClusters}), as the IDE's views do.
 */
package org.rsmworkbench.distributed;
