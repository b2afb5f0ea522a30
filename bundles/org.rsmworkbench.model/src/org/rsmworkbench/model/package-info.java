// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The RSM cluster model's API: {@link org.rsmworkbench.model.ClusterShapes} makes ready-made topologies,
 * {@link org.rsmworkbench.model.ClusterFiles} reads and writes {@code .rsmcluster} files,
 * {@link org.rsmworkbench.model.ClusterValidation} checks a model,
 * {@link org.rsmworkbench.model.ClusterSpecs} converts to and from the emulator's {@code ClusterSpec} and
 * starts a cluster, and {@link org.rsmworkbench.model.LiveClusterRefresher} mirrors a running cluster in
 * the live model. The model types themselves are generated into {@code org.rsmworkbench.model.cluster}
 * (design) and {@code org.rsmworkbench.model.live} (live state). API (provisional until 1.0).
 */
package org.rsmworkbench.model;
