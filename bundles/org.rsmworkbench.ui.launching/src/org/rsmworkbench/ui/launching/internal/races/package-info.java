// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The IDE side of race detection: the Races view over the report of the last race-detecting cluster launch, its model
 * ({@link org.rsmworkbench.ui.launching.internal.races.RaceTree}: races grouped by segment and by pair of source
 * lines, and what the problem markers of each line say), the markers themselves
 * ({@link org.rsmworkbench.ui.launching.internal.races.RaceMarkers}) and the launch shortcut that turns detection on.
 */
package org.rsmworkbench.ui.launching.internal.races;
