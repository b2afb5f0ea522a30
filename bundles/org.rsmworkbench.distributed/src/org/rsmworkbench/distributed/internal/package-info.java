// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The distributed backend: a cluster's registry of record in ZooKeeper ({@link
 * org.rsmworkbench.distributed.internal.ZooKeeperRegistry}: node liveness by ephemeral znodes, segments published by
 * atomic multi-ops with versions, connections, forced disconnects through watches), the connect decided by the
 * emulator's {@link org.rsmworkbench.emulator.backend.ConnectChecks} against it, the data path over UCX ({@link
 * org.rsmworkbench.distributed.internal.UcxDataPath}: segment memory registered with UCX, its address and remote key in the
 * segment's znode, one-sided put/get, flushes, signals as active messages), the ensemble of one that {@code rsm-launch
 * --zookeeper embedded} starts ({@link org.rsmworkbench.distributed.internal.EmbeddedZooKeeper}), and the service the
 * emulator finds it by ({@link org.rsmworkbench.distributed.internal.ZooKeeperBackend}). Not API: the emulator reaches it
 * through {@link org.rsmworkbench.emulator.backend.DistributedBackend}; only its tests are friends.
 */
package org.rsmworkbench.distributed.internal;
