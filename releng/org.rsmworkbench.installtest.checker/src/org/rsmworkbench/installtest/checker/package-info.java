// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The headless application that checks an Eclipse into which the update site was installed (the install test's
 * harness, not shipped). Not API.
 */
package org.rsmworkbench.installtest.checker;
