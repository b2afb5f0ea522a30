// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The "New RSM Cluster" wizard; its field checks are in
 * {@link org.rsmworkbench.model.editor.internal.wizard.NewClusterSettings}, which needs no display. Not API.
 */
package org.rsmworkbench.model.editor.internal.wizard;
