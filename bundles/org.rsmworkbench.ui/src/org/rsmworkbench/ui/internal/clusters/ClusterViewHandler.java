// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.HandlerEvent;

/**
 * The base of the Clusters view's command handlers: each acts on the selection of its view, which activates it on
 * its site (so the view's context menu, toolbar and key bindings share one handler per command), and is enabled when
 * that selection suits it.
 */
abstract class ClusterViewHandler extends AbstractHandler {
    protected final ClusterView view;
    private final String commandId;

    ClusterViewHandler(ClusterView view, String commandId) {
        this.view = view;
        this.commandId = commandId;
    }

    /** The id of the command this handles. */
    String commandId() {
        return commandId;
    }

    /** Whether the command can act on the view's selection now. */
    protected abstract boolean enabled();

    /** Acts on the view's selection; called only when {@link #enabled}. */
    protected abstract void run(ExecutionEvent event);

    @Override
    public final Object execute(ExecutionEvent event) {
        if (enabled()) {
            run(event);
        }
        return null;
    }

    @Override
    public boolean isEnabled() {
        return enabled();
    }

    /**
     * What the command acts on may have changed (the view's selection, or the clusters shown: with nothing selected a
     * command acts on the only cluster shown): whoever shows the command's state asks again.
     */
    void targetsChanged() {
        fireHandlerChanged(new HandlerEvent(this, true, false));
    }
}
