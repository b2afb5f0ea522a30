package org.rsmworkbench.ui.internal.clusters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.rsmworkbench.core.clusters.ClusterTree.ControllerItem;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.LinkSpec;

/** The context menu's items of the selected controller's links: "Take Link Down 1:emu0 - 2:emu0" or "Bring Link Up ...". */
public final class LinkMenuItems extends CompoundContributionItem {
    @Override
    protected IContributionItem[] getContributionItems() {
        ClusterView view = ClusterViewHandler.view(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        ControllerItem controller = view == null ? null : view.selected(ControllerItem.class);
        if (controller == null) {
            return new IContributionItem[0];
        }
        List<IContributionItem> items = new ArrayList<>();
        for (ClusterState.Link link : controller.links()) {
            LinkSpec spec = link.link();
            CommandContributionItemParameter item = new CommandContributionItemParameter(view.getSite(), null,
                    SetLinkHandler.COMMAND, CommandContributionItem.STYLE_PUSH);
            item.label = (link.up() ? "Take Link Down " : "Bring Link Up ") + spec.nodeA() + ":" + spec.controllerA() + " - "
                    + spec.nodeB() + ":" + spec.controllerB();
            item.parameters = Map.of(SetLinkHandler.NODE_A, Integer.toString(spec.nodeA()), SetLinkHandler.CONTROLLER_A,
                    spec.controllerA(), SetLinkHandler.NODE_B, Integer.toString(spec.nodeB()), SetLinkHandler.CONTROLLER_B,
                    spec.controllerB(), SetLinkHandler.UP, Boolean.toString(!link.up()));
            items.add(new CommandContributionItem(item));
        }
        return items.toArray(IContributionItem[]::new);
    }
}
