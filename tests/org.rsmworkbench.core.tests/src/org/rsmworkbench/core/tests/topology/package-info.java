// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** Tests of org.rsmworkbench.core.topology: the layout of the Topology view and what lies under a point. */
package org.rsmworkbench.core.tests.topology;
