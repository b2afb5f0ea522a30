// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Tests of the cluster editor bundle: the display-free logic (commands, problems, value text, wizard checks,
 * the Properties bridge) and UI tests that drive the real wizard and editor in a running workbench.
 */
package org.rsmworkbench.model.editor.tests;
