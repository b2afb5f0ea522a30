// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Running and debugging a Java program on an emulated cluster from Eclipse: the "RSM Cluster Application" launch
 * configuration type ({@link org.rsmworkbench.core.launching.RsmLaunching} has its identifiers and attributes,
 * {@link org.rsmworkbench.core.launching.ClusterLaunchConfiguration} reads a configuration,
 * {@link org.rsmworkbench.core.launching.RsmClusterLaunchDelegate} launches it), its class path and source lookup,
 * the "RSM API" classpath container of RSM projects and the making of such a project
 * ({@link org.rsmworkbench.core.launching.RsmProjects}), and the race reports of race-detecting launches
 * ({@link org.rsmworkbench.core.launching.RaceReports}). API (provisional until 1.0).
 */
package org.rsmworkbench.core.launching;
