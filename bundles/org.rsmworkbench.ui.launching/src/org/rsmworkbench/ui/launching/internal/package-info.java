// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The UI of launching on an emulated cluster: the tabs of an "RSM Cluster Application" configuration, the Run As /
 * Debug As shortcut, the New RSM Project wizard, the example project of the product's first start and of the cheat
 * sheet with their commands, and the dialog that explains a node program run as a plain Java application. Not API:
 * the bundle contributes through plugin.xml only; its tests are friends.
 */
package org.rsmworkbench.ui.launching.internal;
