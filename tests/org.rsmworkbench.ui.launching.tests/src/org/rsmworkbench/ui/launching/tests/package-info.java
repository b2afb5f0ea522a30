// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * UI tests of launching (UI harness): the launch tabs, shortcut and wizard, debug launches in the RSM Debug
 * perspective and the Memory view, the product's first run and the cheat sheet walked through end to end. Also the
 * plug-in benchmark of the Parallel Stacks view ({@code ParallelStacksBenchmark}, which CI does not run).
 */
package org.rsmworkbench.ui.launching.tests;
