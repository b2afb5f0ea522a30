// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * What other plug-ins contribute to the Timeline view: {@link org.rsmworkbench.ui.timeline.CallSiteOpener}, the
 * interface of the extension point {@code org.rsmworkbench.ui.callSiteOpeners}; and what they ask of it:
 * {@link org.rsmworkbench.ui.timeline.TimelinePairs} shows two events of a recording together (a race's accesses).
 * Provisional API, as the other exported packages without {@code internal} in their name.
 */
package org.rsmworkbench.ui.timeline;
