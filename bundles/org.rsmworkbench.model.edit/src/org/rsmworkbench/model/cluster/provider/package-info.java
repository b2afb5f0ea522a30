// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * EMF.Edit item providers of the cluster model (generated): labels, icons, children and property
 * descriptors for tree viewers and the Properties view of the cluster editor. API (provisional until 1.0).
 */
package org.rsmworkbench.model.cluster.provider;
