// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Tests of the cluster model bundles, run in OSGi by tycho-surefire: model and shapes, validation
 * (each rule, both ways), .rsmcluster files (round trip, malformed and truncated files), conversion
 * to and from ClusterSpec, starting an emulated cluster from a saved file, the live-model refresher,
 * plug-in registrations and a 1024-node model.
 */
package org.rsmworkbench.model.tests;
