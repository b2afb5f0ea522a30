// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration.ClusterSource;
import org.rsmworkbench.core.launching.NodeSettings;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.launch.LaunchPlan;
import org.rsmworkbench.rsmapi.Credentials;

/**
 * Credentials of each node's process: each node's defaults from the cluster file (uid 1000, gid 1000, umask 022
 * for N nodes), or the same uid/gid/groups/umask/privileged for every node; then per-node overrides. Shows the
 * credentials every node's process will have.
 */
public final class CredentialsTab extends AbstractLaunchConfigurationTab {
    private Button fromCluster;
    private Button same;
    private Text uid;
    private Text gid;
    private Text groups;
    private Text umask;
    private Button privileged;
    private Text overrides;
    private Text effective;

    @Override
    public void createControl(Composite parent) {
        Composite top = Widgets.tabArea(parent);
        setControl(top);

        Group defaults = Widgets.group(top, "Every node's process", 4);
        fromCluster = Widgets.button(defaults, SWT.RADIO, "Each node's &default credentials from the cluster file");
        GridDataFactory.swtDefaults().span(4, 1).applyTo(fromCluster);
        same = Widgets.button(defaults, SWT.RADIO, "The &same credentials on every node:");
        GridDataFactory.swtDefaults().span(4, 1).applyTo(same);
        Widgets.label(defaults, "&uid:");
        uid = Widgets.text(defaults, 1);
        Widgets.label(defaults, "&gid:");
        gid = Widgets.text(defaults, 1);
        Widgets.label(defaults, "g&roups:");
        groups = Widgets.text(defaults, 1);
        groups.setMessage("e.g. 10,20");
        Widgets.label(defaults, "u&mask:");
        umask = Widgets.text(defaults, 1);
        privileged = Widgets.button(defaults, SWT.CHECK, "&privileged (access checks do not apply)");
        GridDataFactory.swtDefaults().span(4, 1).applyTo(privileged);

        // the overrides beside their result: one above the other made the tab taller than the dialog
        Composite bottom = new Composite(top, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(bottom);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(bottom);
        Group perNode = Widgets.group(bottom, "Per-node overrides", 1);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(perNode);
        Label syntax = Widgets.hint(perNode, "NODE:KEY=VALUE, one per line; KEY is uid, gid, groups, umask or privileged "
                + "(2:uid=0, 3:privileged=true). What is not given stays as above.", 1);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(syntax);
        overrides = Widgets.area(perNode, 1, 2);

        Group result = Widgets.group(bottom, "Credentials of each node's process", 1);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(result);
        effective = new Text(result, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, effective.getLineHeight() * 2).applyTo(effective);

        for (Text text : List.of(uid, gid, groups, umask, overrides)) {
            text.addListener(SWT.Modify, _ -> changed());
        }
        for (Button button : List.of(fromCluster, same, privileged)) {
            button.addListener(SWT.Selection, _ -> changed());
        }
    }

    private void changed() {
        updateEnablement();
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    private void updateEnablement() {
        boolean explicit = same.getSelection();
        for (var control : List.of(uid, gid, groups, umask, privileged)) {
            control.setEnabled(explicit);
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(RsmLaunching.ATTR_USE_CLUSTER_CREDENTIALS, true);
        configuration.removeAttribute(RsmLaunching.ATTR_CREDENTIALS);
        configuration.removeAttribute(RsmLaunching.ATTR_NODE_CREDENTIAL_SETTINGS);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            boolean cluster = configuration.getAttribute(RsmLaunching.ATTR_USE_CLUSTER_CREDENTIALS, true);
            fromCluster.setSelection(cluster);
            same.setSelection(!cluster);
            Credentials c;
            try {
                c = NodeSettings.parseCredentials(configuration.getAttribute(RsmLaunching.ATTR_CREDENTIALS, ""), LaunchPlan.DEFAULT_CREDENTIALS);
            } catch (IllegalArgumentException e) {
                c = LaunchPlan.DEFAULT_CREDENTIALS;
            }
            uid.setText(Integer.toString(c.uid()));
            gid.setText(Integer.toString(c.gid()));
            groups.setText(String.join(",", c.groups().stream().sorted().map(String::valueOf).toList()));
            umask.setText("0" + Integer.toOctalString(c.umask()));
            privileged.setSelection(c.privileged());
            overrides.setText(String.join("\n", configuration.getAttribute(RsmLaunching.ATTR_NODE_CREDENTIAL_SETTINGS, List.of())));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        updateEnablement();
    }

    /** The text form of the fields for every node. */
    private String commonText() {
        return "uid=" + uid.getText().strip() + " gid=" + gid.getText().strip() + " groups=" + groups.getText().replace(" ", "")
                + " umask=" + umask.getText().strip() + " privileged=" + privileged.getSelection();
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(RsmLaunching.ATTR_USE_CLUSTER_CREDENTIALS, fromCluster.getSelection());
        if (same.getSelection()) {
            configuration.setAttribute(RsmLaunching.ATTR_CREDENTIALS, commonText());
        } else {
            configuration.removeAttribute(RsmLaunching.ATTR_CREDENTIALS);
        }
        ProgramTab.setList(configuration, RsmLaunching.ATTR_NODE_CREDENTIAL_SETTINGS, overrides.getText());
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        setMessage(null);
        effective.setText("");
        if (same.getSelection()) {
            try {
                NodeSettings.parseCredentials(commonText(), LaunchPlan.DEFAULT_CREDENTIALS);
            } catch (IllegalArgumentException e) {
                setErrorMessage("Credentials of every node: " + e.getMessage());
                return false;
            }
        }
        try {
            NodeSettings.parseLines(NodeSettings.lines(overrides.getText()), NodeSettings.CREDENTIAL_KEYS);
        } catch (IllegalArgumentException e) {
            setErrorMessage("Per-node credentials, " + e.getMessage());
            return false;
        }
        ClusterSource source = ProgramTab.clusterOrNull(configuration);
        if (source == null) {
            return true; // the Cluster tab says what is wrong
        }
        try {
            List<Integer> running = ClusterLaunchConfiguration.runningNodes(configuration, source);
            Map<Integer, Credentials> credentials = ClusterLaunchConfiguration.credentials(configuration, source, running);
            StringBuilder text = new StringBuilder();
            credentials.forEach((node, c) -> text.append("node ").append(node).append(": ").append(NodeSettings.formatCredentials(c)).append("\n"));
            effective.setText(text.toString().strip());
        } catch (CoreException e) {
            String message = e.getStatus().getMessage();
            if (message.startsWith("Per-node credentials") || message.startsWith("Credentials")) {
                setErrorMessage(message);
                return false;
            }
            // a problem of another tab (nodes that run the program): that tab reports it
        }
        return true;
    }

    @Override
    public String getName() {
        return "Credentials";
    }

    @Override
    public String getId() {
        return "org.rsmworkbench.ui.launching.credentialsTab";
    }
}
