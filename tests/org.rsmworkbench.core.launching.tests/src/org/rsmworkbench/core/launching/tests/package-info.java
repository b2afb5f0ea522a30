// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Tests of org.rsmworkbench.core.launching, headless in OSGi: cluster launches of the examples (run and debug),
 * launch configurations, source lookup, RSM projects, suspending every node together, segments as Memory view blocks.
 */
package org.rsmworkbench.core.launching.tests;
