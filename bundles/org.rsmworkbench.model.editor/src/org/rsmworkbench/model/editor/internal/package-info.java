// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The cluster editor: a tree over the emf.edit item providers (JFace bridges {@link
 * org.rsmworkbench.model.editor.internal.ItemContentProvider} and {@link
 * org.rsmworkbench.model.editor.internal.ItemLabelProvider}), edits as commands on the editing domain's
 * command stack ({@link org.rsmworkbench.model.editor.internal.ClusterCommands}), validation problems as
 * markers ({@link org.rsmworkbench.model.editor.internal.ClusterProblems}), an error page for files that
 * cannot be read. Not API.
 */
package org.rsmworkbench.model.editor.internal;
