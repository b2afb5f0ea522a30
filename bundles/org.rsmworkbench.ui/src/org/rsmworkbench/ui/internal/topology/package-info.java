// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Topology view: nodes, controllers and links of a watched cluster drawn on an SWT canvas from the
 * headless {@link org.rsmworkbench.core.topology.TopologyLayout}; a click on a link takes it down or up; PNG export.
 * Not API.
 */
package org.rsmworkbench.ui.internal.topology;
