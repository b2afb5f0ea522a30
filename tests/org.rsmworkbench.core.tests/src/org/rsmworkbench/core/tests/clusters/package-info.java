// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** Tests of org.rsmworkbench.core.clusters: watched clusters, polling, the cluster tree, publish history, nodes going down. */
package org.rsmworkbench.core.tests.clusters;
