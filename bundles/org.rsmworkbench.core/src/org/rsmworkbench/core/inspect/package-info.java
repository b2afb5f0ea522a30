// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The models behind the views of a running cluster, free of any UI so that they are tested without a
 * display: the rows of the segment inspector (hex, text and typed columns, changed bytes with a fading
 * history), snapshots and their diff, search, export and import of a range, edits written as RSM puts,
 * and the permission matrix with the reason of every cell. API (provisional until 1.0).
 */
package org.rsmworkbench.core.inspect;
