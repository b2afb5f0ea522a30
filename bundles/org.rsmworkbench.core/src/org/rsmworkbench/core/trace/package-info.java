// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The timeline of a recorded run (a {@code .rsmtrace} folder read by {@code org.rsmworkbench.emulator.trace}), as a
 * data provider for a view: lanes per node, process and thread, spans per RSM call coloured by category, waits,
 * causal arrows and fault markers; a time window to zoom and pan; what to draw in a window of a given pixel width (level
 * of detail: spans narrower than a pixel merged into busy runs); hit testing and filters; search and the next or previous
 * event of a kind; bookmarks kept beside the recording; the window of a recording read again while it is written. A
 * recording is held as columns of its logs and arrays per lane (no object per event, objects made only for what is drawn
 * or shown), and a recording still being written is read again for only what its logs added. No UI API: the view only
 * paints what this package computes.
 */
package org.rsmworkbench.core.trace;
