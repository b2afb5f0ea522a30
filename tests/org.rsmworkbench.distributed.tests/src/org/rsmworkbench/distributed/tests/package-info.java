// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Tests of the distributed backend against an embedded ZooKeeper: the registry's error codes and forced disconnects, and
 * the UCX data path of a connection ({@link org.rsmworkbench.distributed.tests.ZooKeeperRegistryTest}), and node programs
 * launched with {@code rsm-launch --zookeeper} ({@link org.rsmworkbench.distributed.tests.DistributedLaunchTest}, with the
 * node programs {@link org.rsmworkbench.distributed.tests.RegistryProbe} and {@link
 * org.rsmworkbench.distributed.tests.DataPathProbe}), and launches across three network-namespace hosts with a
 * three-server ensemble ({@link org.rsmworkbench.distributed.tests.HostsLaunchTest}: kill a host, cut a link between hosts,
 * kill a ZooKeeper server; node program {@link org.rsmworkbench.distributed.tests.HostsProbe}).
 */
package org.rsmworkbench.distributed.tests;
