// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Launching a multi-node RSM program: one JVM per node of an emulated cluster.
 * <ul>
 * <li>{@link org.rsmworkbench.emulator.launch.LaunchPlan} says what runs where: the cluster, the class path,
 * the main class, arguments, JVM arguments and credentials of each node, and the scheduled faults;</li>
 * <li>{@link org.rsmworkbench.emulator.launch.NodeCommandBuilder} turns one node of a plan into the command
 * line of its JVM, with the {@link org.rsmworkbench.emulator.launch.NodeStartupCache} (a JDK AOT cache) that
 * lets node JVMs join faster once it is made;</li>
 * <li>{@link org.rsmworkbench.emulator.launch.FaultScheduler} applies the scheduled faults to the running
 * cluster;</li>
 * <li>{@link org.rsmworkbench.emulator.launch.LaunchRunner} puts these together with plain
 * {@link java.lang.Process}es (the command line, tests); an IDE starts the processes itself and reuses the
 * other three;</li>
 * <li>{@link org.rsmworkbench.emulator.launch.RaceRun} makes a launch detect races ({@code rsm-launch --races}): the
 * node JVMs get the race agent and record, and the report is written when the run has ended;</li>
 * <li>{@link org.rsmworkbench.emulator.launch.DistributedLaunch} checks and starts a launch of a distributed cluster (its
 * ZooKeeper ensemble and {@link org.rsmworkbench.emulator.launch.HostsFile}), for {@code rsm-launch --zookeeper --hosts}
 * and the IDE alike; {@link org.rsmworkbench.emulator.launch.ShippedClassPath} copies the class path to the hosts of a
 * hosts file with {@code classpath shipped};</li>
 * <li>{@link org.rsmworkbench.emulator.launch.RsmLaunch} is the command line ({@code rsm-launch}).</li>
 * </ul>
 * Only the JDK and the RSMAPI bundle are used, so this package works on a plain class path and in OSGi.
 * API (provisional until 1.0).
 */
package org.rsmworkbench.emulator.launch;
