package org.rsmworkbench.ui.internal.clusters;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * The base of the Clusters view's command handlers: a command acts on the selection of the view in the window it
 * is run in, and is enabled when that selection suits it. The enablement follows the view's selection as it
 * changes, so that the view's toolbar greys and ungreys with it.
 */
abstract class ClusterViewHandler extends AbstractHandler {
    private IWorkbenchWindow listenedWindow;
    private final ISelectionListener selectionListener = (part, selection) -> {
        if (part instanceof ClusterView view) {
            setBaseEnabled(enabledFor(view));
        }
    };

    /** Whether the command can act on the view's selection now. */
    protected abstract boolean enabledFor(ClusterView view);

    /** Acts on the view's selection; called only when {@link #enabledFor} the view. */
    protected abstract void run(ClusterView view, ExecutionEvent event);

    @Override
    public final Object execute(ExecutionEvent event) {
        ClusterView view = view(HandlerUtil.getActiveWorkbenchWindow(event));
        if (view != null && enabledFor(view)) {
            run(view, event);
        }
        return null;
    }

    @Override
    public void setEnabled(Object evaluationContext) {
        IWorkbenchWindow window = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_WORKBENCH_WINDOW_NAME)
                instanceof IWorkbenchWindow w ? w : PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        follow(window);
        ClusterView view = view(window);
        setBaseEnabled(view != null && enabledFor(view));
    }

    /** Listens to the selection of the Clusters view of {@code window}. */
    private void follow(IWorkbenchWindow window) {
        if (window == listenedWindow) {
            return;
        }
        unfollow();
        if (window != null) {
            window.getSelectionService().addSelectionListener(ClusterView.ID, selectionListener);
            listenedWindow = window;
        }
    }

    private void unfollow() {
        if (listenedWindow != null) {
            listenedWindow.getSelectionService().removeSelectionListener(ClusterView.ID, selectionListener);
            listenedWindow = null;
        }
    }

    @Override
    public void dispose() {
        unfollow();
        super.dispose();
    }

    /** The Clusters view of the window's active page, or null. */
    static ClusterView view(IWorkbenchWindow window) {
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        return page == null ? null : page.findView(ClusterView.ID) instanceof ClusterView view ? view : null;
    }
}
