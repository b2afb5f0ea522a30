// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Node sets of a cluster debug launch (PTP's process sets, DDT's groups): "all" and the sets the user defines by a node
 * list ({@code 1,3-5}) or from a Parallel Stacks frame, saved with the launch configuration
 * ({@link org.rsmworkbench.core.debug.sets.NodeSets}); suspend, resume and step a set through the platform debug model
 * of its node JVMs ({@link org.rsmworkbench.core.debug.sets.NodeSetControl}); and breakpoints that stop only the nodes
 * of a set ({@link org.rsmworkbench.core.debug.sets.NodeSetBreakpoints}). {@link org.rsmworkbench.core.debug.sets.NodeSet}
 * and the saved form are headless. API (provisional until 1.0).
 */
package org.rsmworkbench.core.debug.sets;
