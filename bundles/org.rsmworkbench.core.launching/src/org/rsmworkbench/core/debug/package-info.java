// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The segments of a cluster in Eclipse's Memory view: a debug target per cluster launch that
 * retrieves memory blocks by expressions {@code node:segment[+offset]}, with READABLE/WRITABLE
 * flags from the ACL and CHANGED from the history of the block, so the standard renderings work.
 * API (provisional until 1.0).
 */
package org.rsmworkbench.core.debug;
