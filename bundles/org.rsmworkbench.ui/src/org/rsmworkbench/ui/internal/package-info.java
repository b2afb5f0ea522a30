// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The UI plug-in of RSM Workbench: its activator and the {@link org.rsmworkbench.ui.internal.ClusterMonitor},
 * the one background job that polls every watched cluster's state for all views. The views themselves live
 * in the sub-packages, one per concern, as thin layers over the headless models of org.rsmworkbench.core.
 * Not API: the UI bundle has none; its tests are friends.
 */
package org.rsmworkbench.ui.internal;
