// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration.ClusterSource;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.ClusterSpec;

/**
 * Cluster: "N nodes, fully connected", or a {@code .rsmcluster} file of the workspace; and whether a debug launch
 * suspends every node when one suspends.
 */
public final class ClusterTab extends AbstractLaunchConfigurationTab {
    private Button nodesButton;
    private Spinner nodeCount;
    private Button fileButton;
    private Text file;
    private Button browse;
    private Label summary;
    private Button suspendAll;
    private Image image;

    @Override
    public void createControl(Composite parent) {
        Composite top = Widgets.tabArea(parent);
        setControl(top);

        Group group = Widgets.group(top, "Cluster", 3);
        nodesButton = Widgets.button(group, SWT.RADIO, "&Nodes, fully connected:");
        nodeCount = new Spinner(group, SWT.BORDER);
        nodeCount.setMinimum(1);
        nodeCount.setMaximum(ClusterSpec.MAX_NODES - 1);
        nodeCount.setSelection(RsmLaunching.DEFAULT_NODE_COUNT);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(nodeCount);
        fileButton = Widgets.button(group, SWT.RADIO, "Cluster &file:");
        file = Widgets.text(group, 1);
        browse = Widgets.button(group, SWT.PUSH, "&Browse...");
        Widgets.hint(group, "N nodes are numbered 1..N, one controller emu0 each, every pair linked; node processes get "
                + "uid 1000, gid 1000, umask 022 unless the Credentials tab says otherwise. A cluster file gives the "
                + "topology, down links and each node's default credentials.", 3);
        summary = new Label(top, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(summary);

        Group debugging = Widgets.group(top, "Debugging", 1);
        suspendAll = Widgets.button(debugging, SWT.CHECK, "&Suspend every node when one suspends, resume them together");
        Widgets.hint(debugging, "When a node stops at a breakpoint, ends a step or is suspended, the debugger suspends the "
                + "other nodes, so that they do not run on (and time out) while you look; Resume resumes them all. A step "
                + "moves only the node that steps.", 1);

        nodesButton.addListener(SWT.Selection, _ -> changed());
        fileButton.addListener(SWT.Selection, _ -> changed());
        nodeCount.addListener(SWT.Modify, _ -> changed());
        file.addListener(SWT.Modify, _ -> changed());
        suspendAll.addListener(SWT.Selection, _ -> changed());
        browse.addListener(SWT.Selection, _ -> browse());
        updateEnablement();
    }

    private void browse() {
        FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(getShell(), false,
                ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
        dialog.setTitle("Cluster File");
        dialog.setMessage("Choose a .rsmcluster file:");
        dialog.setInitialPattern("*.rsmcluster");
        if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile chosen) {
            file.setText(chosen.getFullPath().toString());
            fileButton.setSelection(true);
            nodesButton.setSelection(false);
            changed();
        }
    }

    private void changed() {
        updateEnablement();
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    private void updateEnablement() {
        boolean fromFile = fileButton.getSelection();
        nodeCount.setEnabled(!fromFile);
        file.setEnabled(fromFile);
        browse.setEnabled(fromFile);
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(RsmLaunching.ATTR_NODE_COUNT, RsmLaunching.DEFAULT_NODE_COUNT);
        configuration.removeAttribute(RsmLaunching.ATTR_CLUSTER_FILE);
        configuration.removeAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            String path = configuration.getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, "");
            file.setText(path);
            nodeCount.setSelection(configuration.getAttribute(RsmLaunching.ATTR_NODE_COUNT, RsmLaunching.DEFAULT_NODE_COUNT));
            fileButton.setSelection(!path.isBlank());
            nodesButton.setSelection(path.isBlank());
            suspendAll.setSelection(ClusterLaunchConfiguration.suspendAllNodes(configuration));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        updateEnablement();
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(RsmLaunching.ATTR_NODE_COUNT, nodeCount.getSelection());
        if (fileButton.getSelection()) {
            configuration.setAttribute(RsmLaunching.ATTR_CLUSTER_FILE, file.getText().strip());
        } else {
            configuration.removeAttribute(RsmLaunching.ATTR_CLUSTER_FILE);
        }
        // stored when off only: configurations made before the option (the example's) stay unchanged when opened
        if (suspendAll.getSelection()) {
            configuration.removeAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES);
        } else {
            configuration.setAttribute(RsmLaunching.ATTR_SUSPEND_ALL_NODES, false);
        }
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        setMessage(null);
        if (fileButton.getSelection() && file.getText().isBlank()) {
            setErrorMessage("Choose a cluster file, or run on N nodes fully connected.");
            summary.setText("");
            return false;
        }
        try {
            ClusterSource source = ClusterLaunchConfiguration.cluster(fileButton.getSelection() ? file.getText() : "", nodeCount.getSelection());
            summary.setText("Cluster " + source.spec().name() + ": nodes " + source.nodeIds() + ", " + source.spec().links().size()
                    + " links" + (source.file() != null ? ", from " + source.file().getFullPath() : ""));
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            summary.setText("");
            return false;
        }
    }

    @Override
    public String getName() {
        return "Cluster";
    }

    @Override
    public String getId() {
        return "org.rsmworkbench.ui.launching.clusterTab";
    }

    @Override
    public Image getImage() {
        if (image == null) {
            image = Images.cluster();
        }
        return image;
    }

    @Override
    public void dispose() {
        if (image != null) {
            image.dispose();
        }
        super.dispose();
    }
}
