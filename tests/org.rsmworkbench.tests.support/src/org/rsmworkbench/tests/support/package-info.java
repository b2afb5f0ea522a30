// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * What the test bundles share: an emulated cluster as a JUnit 5 extension, waiting for a condition (with the UI
 * event loop running on a display thread), recorded runs of the doorbell example, Java projects in the workspace, ending the launches a test started, and hosts made of network namespaces (the distributed backend's tests, and its benchmark in tests/benchmarks, which uses this bundle's jar as a plain library). Test code only, not API: it is in no
 * feature.
 */
package org.rsmworkbench.tests.support;
