// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** Programs that the emulator's tests run as node processes in JVMs of their own. */
package org.rsmworkbench.emulator.tests.nodes;
