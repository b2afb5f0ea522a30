// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Segment Inspector editor: a virtual table over a window of a segment's rows (hex, ASCII and typed
 * columns), live refresh on a background job with fading change highlights, snapshots and diff, search,
 * export and import of ranges, and in-place edits written as RSM puts by a process with credentials the
 * user picks (undoable); the segment at an instant of a recording ({@code InstantMode}), for a live segment or for one
 * known only from a recording, opened from the Timeline ({@code ShowSegmentAtEvent}). Not API.
 */
package org.rsmworkbench.ui.internal.inspector;
