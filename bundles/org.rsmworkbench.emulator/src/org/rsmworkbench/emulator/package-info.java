// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The local multi-node RSM emulator: {@link org.rsmworkbench.emulator.EmulatedCluster} starts or joins a
 * cluster whose nodes are processes of this JVM or of other JVMs, sharing state through mapped files in
 * the cluster directory; {@link org.rsmworkbench.emulator.ClusterSpec} says what the cluster is made of,
 * {@link org.rsmworkbench.emulator.ClusterState} what it holds now. {@link org.rsmworkbench.emulator.AccessRules}
 * (the access check of a connect) and {@link org.rsmworkbench.emulator.UntrustedFiles} (reading a file someone
 * else may have made) let tools decide as the emulator does. {@link org.rsmworkbench.emulator.ClusterWaits} (from
 * {@link org.rsmworkbench.emulator.EmulatedCluster#waits()}) says where the processes wait,
 * {@link org.rsmworkbench.emulator.WaitForAnalysis} finds the deadlocks among their waits and
 * {@link org.rsmworkbench.emulator.DeadlockWatch} the ones that last. Observers (the IDE) read a running cluster as a
 * {@link org.rsmworkbench.emulator.WatchedCluster} and its segments as {@link org.rsmworkbench.emulator.SegmentView}s:
 * mapped, or, for a cluster whose segments are in other hosts' memory, through
 * {@link org.rsmworkbench.emulator.RemoteSegments}. API (provisional until 1.0).
 */
package org.rsmworkbench.emulator;
