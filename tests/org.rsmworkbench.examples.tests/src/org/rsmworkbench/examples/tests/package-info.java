// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** Tests of the example programs: each runs on an emulated cluster with the launch engine and reports a right result. */
package org.rsmworkbench.examples.tests;
