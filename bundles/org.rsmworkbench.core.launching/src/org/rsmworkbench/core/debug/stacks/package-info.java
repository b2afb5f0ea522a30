// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Parallel stacks of a cluster under the debugger: the stacks of every suspended thread of every node JVM merged into
 * one tree whose paths the threads share, each frame labelled with the nodes and threads that are there, and the RSM
 * call a thread is inside. {@link org.rsmworkbench.core.debug.stacks.ParallelStacks#merge} is headless (tested without
 * a debugger); {@link org.rsmworkbench.core.debug.stacks.ParallelStacks#collect} reads the JDT debug targets of RSM
 * cluster launches. API (provisional until 1.0).
 */
package org.rsmworkbench.core.debug.stacks;
