// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/** Tests of org.rsmworkbench.core.inspect: segment rows, snapshots, search, transfers, writes and the permission matrix. */
package org.rsmworkbench.core.tests.inspect;
