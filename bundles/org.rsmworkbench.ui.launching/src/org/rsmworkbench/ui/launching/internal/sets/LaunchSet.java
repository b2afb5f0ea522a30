// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal.sets;

import org.eclipse.debug.core.ILaunch;
import org.rsmworkbench.core.debug.sets.NodeSet;
import org.rsmworkbench.core.debug.sets.NodeSetControl;

/** A node set of a running debug launch: a row of the Node Sets view. */
public record LaunchSet(ILaunch launch, NodeSet set) {
    /** {@code A: nodes 1,3 · 2 suspended, 0 running}. */
    public String label() {
        return set.label() + " · " + NodeSetControl.state(launch, set);
    }
}
