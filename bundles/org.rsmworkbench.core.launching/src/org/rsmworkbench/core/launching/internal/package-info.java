// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The running side of a cluster launch: the cluster as a process of the launch and its lifetime, the node JVMs
 * started as processes, the debugger's connection to each node JVM, and the suspending and resuming of every node
 * together. Not API: used only by {@link org.rsmworkbench.core.launching.RsmClusterLaunchDelegate}.
 */
package org.rsmworkbench.core.launching.internal;
