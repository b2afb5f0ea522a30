// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Parallel Stacks view: a thin tree over {@link org.rsmworkbench.core.debug.stacks.ParallelStacks}, refreshed
 * when node JVMs suspend, resume or end.
 */
package org.rsmworkbench.ui.launching.internal.stacks;
