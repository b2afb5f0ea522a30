// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Tests of the emulator in OSGi: RSMAPI semantics and error codes on emulated clusters, processes in other JVMs,
 * damaged and fuzzed cluster files (as a friend of org.rsmworkbench.emulator.internal), faults.
 */
package org.rsmworkbench.emulator.tests;
