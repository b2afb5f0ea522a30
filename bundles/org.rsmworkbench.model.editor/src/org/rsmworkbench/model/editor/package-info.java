// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The editor of {@code .rsmcluster} files and the "New RSM Cluster" wizard: the identifiers other bundles
 * use to open the editor, find its problem markers or add wizards to the shared category
 * ({@link org.rsmworkbench.model.editor.ClusterEditorIds}). The implementation is internal.
 * API (provisional until 1.0).
 */
package org.rsmworkbench.model.editor;
