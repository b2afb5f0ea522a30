// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** UI tests of org.rsmworkbench.ui (UI harness): the views of a running cluster, the Segment Inspector, preferences. */
package org.rsmworkbench.ui.tests;
