// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Generated implementation classes of the cluster model. Not API: use the interfaces and {@code ClusterFactory}.
 */
package org.rsmworkbench.model.cluster.internal.impl;
