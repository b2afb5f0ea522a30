// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Cross-node comparison of a cluster under the debugger (as a parallel debugger's cross-process comparison): an
 * expression evaluated in the same method on every suspended node JVM, one row per node thread, equal values grouped
 * and the nodes that differ from the others flagged
 * ({@link org.rsmworkbench.core.debug.compare.CrossNodeEvaluation}, whose rows
 * {@link org.rsmworkbench.core.debug.compare.Comparison} groups headlessly); and the byte ranges where two segments, or
 * one segment id as two nodes export it, differ ({@link org.rsmworkbench.core.debug.compare.SegmentDiff}).
 * API (provisional until 1.0).
 */
package org.rsmworkbench.core.debug.compare;
