// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Compare Across Nodes view: an expression evaluated in the Debug view's selected frame's method on every
 * suspended node JVM ({@link org.rsmworkbench.core.debug.compare.CrossNodeEvaluation}, in a job), one row per node,
 * equal values grouped and the differing nodes highlighted; and the Diff Segments dialog, the byte ranges where two
 * segments differ ({@link org.rsmworkbench.core.debug.compare.SegmentDiff}).
 */
package org.rsmworkbench.ui.launching.internal.compare;
