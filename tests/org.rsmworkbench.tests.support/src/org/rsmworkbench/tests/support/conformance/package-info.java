// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The runtime conformance suites (RSMAPI.md §3.1-3.4 and the Java binding's rules), written against a
 * {@link org.rsmworkbench.tests.support.conformance.ConformanceCluster} so that the same tests run on an in-JVM emulated
 * cluster (emulator.tests) and across hosts on the distributed backend (distributed.tests), with their scenario
 * helpers and assertions.
 */
package org.rsmworkbench.tests.support.conformance;
