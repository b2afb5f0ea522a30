// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The emulator's implementation of RSMAPI: the shared registry ({@link org.rsmworkbench.emulator.internal.Registry}),
 * the per-JVM attachment to a cluster ({@link org.rsmworkbench.emulator.internal.ClusterRuntime}), and the
 * handles of one emulated process, with the tracking of their signal waits ({@link
 * org.rsmworkbench.emulator.internal.WaitTracker}, {@link org.rsmworkbench.emulator.internal.WaitProbe},
 * {@link org.rsmworkbench.emulator.internal.WaitReader}). Not API: other bundles use the public packages
 * ({@link org.rsmworkbench.emulator.EmulatedCluster}, {@link org.rsmworkbench.emulator.ClusterState},
 * {@link org.rsmworkbench.emulator.AccessRules}, {@link org.rsmworkbench.emulator.UntrustedFiles}); only the emulator's
 * tests are friends, and they read and damage the registry file directly.
 */
package org.rsmworkbench.emulator.internal;
