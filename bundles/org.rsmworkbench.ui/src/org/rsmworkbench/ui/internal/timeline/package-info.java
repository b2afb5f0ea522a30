// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The Timeline view: a recorded run ({@code .rsmtrace}) drawn on an SWT canvas from the headless
 * {@link org.rsmworkbench.core.trace.TimelineModel}; the Open Recording command; the selected event in the Properties view.
 */
package org.rsmworkbench.ui.internal.timeline;
