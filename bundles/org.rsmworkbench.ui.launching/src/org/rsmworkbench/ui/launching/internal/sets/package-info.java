// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Node sets in the IDE: the Node Sets view (the sets of each cluster debug launch, their state, Suspend/Resume/Step Set,
 * New and Delete Set, a filter that shows only a set's nodes in the Debug view), New Node Set from Frame in the Parallel
 * Stacks view, and Limit to Node Set... on Java breakpoints. A thin layer over
 * {@link org.rsmworkbench.core.debug.sets}.
 */
package org.rsmworkbench.ui.launching.internal.sets;
