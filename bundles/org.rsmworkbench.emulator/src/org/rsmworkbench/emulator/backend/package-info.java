// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The seam between the emulator's node processes and the registry of a cluster whose nodes may run on several hosts:
 * the check order of {@code rsm_memseg_import_connect} ({@link org.rsmworkbench.emulator.backend.ConnectChecks}), run
 * against any registry through a {@link org.rsmworkbench.emulator.backend.RegistryView}, and the registry of record of a
 * distributed cluster ({@link org.rsmworkbench.emulator.backend.ClusterRegistry}, found with {@link java.util.ServiceLoader}
 * through {@link org.rsmworkbench.emulator.backend.DistributedBackend} when a node JVM has the system property
 * {@value org.rsmworkbench.emulator.backend.DistributedBackend#PROPERTY}), whose connections carry the data path to the
 * exporter's memory ({@link org.rsmworkbench.emulator.backend.RemoteSegment}: the import segment of a distributed cluster
 * transfers through it). The local backend (the mapped registry) implements the view itself and has no cluster registry:
 * its put, get and signal paths never see this package.
 * API for backend bundles (org.rsmworkbench.distributed); JDK only.
 */
package org.rsmworkbench.emulator.backend;
