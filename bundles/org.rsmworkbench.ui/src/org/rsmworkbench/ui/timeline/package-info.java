// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * What other plug-ins contribute to the Timeline view: {@link org.rsmworkbench.ui.timeline.CallSiteOpener}, the
 * interface of the extension point {@code org.rsmworkbench.ui.callSiteOpeners}. Provisional API, as the other exported
 * packages without {@code internal} in their name.
 */
package org.rsmworkbench.ui.timeline;
