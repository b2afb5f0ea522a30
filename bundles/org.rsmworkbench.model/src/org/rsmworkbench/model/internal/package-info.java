// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Implementation of the cluster model: the validation constraints that the generated
 * {@code ClusterValidator} delegates to, the live-state applier, octal conversion. Not API.
 */
package org.rsmworkbench.model.internal;
