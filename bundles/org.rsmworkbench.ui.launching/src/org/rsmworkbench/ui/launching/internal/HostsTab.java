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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/**
 * Hosts: whether the cluster is local (mapped files on this machine, the default) or distributed, as
 * {@code rsm-launch --zookeeper [--session-timeout] [--hosts]} runs it: the registry in an embedded ZooKeeper or in an
 * ensemble, how long a node process may go unheard before ZooKeeper declares it dead, and optionally a hosts file that says which nodes run on which host and how. The settings are checked as the launcher
 * checks them (the hosts file with its parser's FILE:LINE messages).
 */
public final class HostsTab extends AbstractLaunchConfigurationTab {
    private static final int MILLIS_PER_SECOND = 1000;
    private Button local;
    private Button distributed;
    private Button embedded;
    private Button ensemble;
    private Text connectString;
    private Spinner sessionTimeout;
    /** The configuration's session timeout when it was read: kept as it is (milliseconds) unless the spinner changed. */
    private long readTimeoutMillis;
    private Text hostsFile;
    private Button workspace;
    private Button fileSystem;

    @Override
    public void createControl(Composite parent) {
        Composite top = Widgets.tabArea(parent);
        setControl(top);

        Group where = Widgets.group(top, "Where the nodes run", 1);
        local = Widgets.button(where, SWT.RADIO, "&Local cluster: every node on this machine, sharing mapped files");
        distributed = Widgets.button(where, SWT.RADIO,
                "&Distributed cluster: the registry in ZooKeeper, the data path over UCX (as rsm-launch --zookeeper)");

        Group registry = Widgets.group(top, "ZooKeeper", 2);
        embedded = Widgets.button(registry, SWT.RADIO, "&Embedded: an ensemble of one that the launch starts and stops");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(embedded);
        ensemble = Widgets.button(registry, SWT.RADIO, "E&nsemble:");
        connectString = Widgets.text(registry, 1);
        Widgets.hint(registry, "HOST:PORT[,HOST:PORT...] of a ZooKeeper ensemble that this machine and every host reach. "
                + "The cluster's registry is made there; its connect string, on the cluster's console, is what "
                + "RSM > Attach to Distributed Cluster... takes.", 2);
        Widgets.label(registry, "Session &timeout (s):");
        sessionTimeout = new Spinner(registry, SWT.BORDER);
        sessionTimeout.setMinimum(1);
        sessionTimeout.setMaximum(3600);
        Widgets.hint(registry, "How long a node process may go unheard before ZooKeeper declares it dead and its importers are "
                + "disconnected (the ensemble may bound it: by default between 2 and 20 times its tickTime). A link cut or a "
                + "server change that lasts longer kills the processes it cuts off.", 2);

        Group hosts = Widgets.group(top, "Hosts", 3);
        Widgets.label(hosts, "Hosts &file:");
        hostsFile = Widgets.text(hosts, 2);
        Widgets.label(hosts, "");
        workspace = Widgets.button(hosts, SWT.PUSH, "&Workspace...");
        fileSystem = Widgets.button(hosts, SWT.PUSH, "File &System...");
        Widgets.hint(hosts, "Empty: every node runs on this machine. Otherwise one line per host, as rsm-launch --hosts reads it:\n"
                + "host NAME nodes=LIST [run=\"PREFIX\"] [java=PATH] [dir=PATH] [address=IP]\n"
                + "classpath shared (the same paths on every host) or classpath shipped (the launch copies the class path to "
                + "each host's dir= first). PREFIX runs a command there: ssh NAME by default, or e.g. ip netns exec NS. "
                + "Needs an ensemble that the hosts reach (not the embedded one).", 3);

        for (Button button : new Button[] {local, distributed, embedded, ensemble}) {
            button.addListener(SWT.Selection, _ -> changed());
        }
        connectString.addListener(SWT.Modify, _ -> changed());
        sessionTimeout.addListener(SWT.Modify, _ -> changed());
        hostsFile.addListener(SWT.Modify, _ -> changed());
        workspace.addListener(SWT.Selection, _ -> browseWorkspace());
        fileSystem.addListener(SWT.Selection, _ -> browseFileSystem());
    }

    private void browseWorkspace() {
        FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(getShell(), false,
                ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
        dialog.setTitle("Hosts File");
        dialog.setMessage("Choose the hosts file of the cluster:");
        dialog.setInitialPattern("*hosts*");
        if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile chosen) {
            hostsFile.setText("${workspace_loc:" + chosen.getFullPath() + "}");
        }
    }

    private void browseFileSystem() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setText("Hosts File");
        String chosen = dialog.open();
        if (chosen != null) {
            hostsFile.setText(chosen);
        }
    }

    private void changed() {
        updateEnablement();
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    private void updateEnablement() {
        boolean isDistributed = distributed.getSelection();
        embedded.setEnabled(isDistributed);
        ensemble.setEnabled(isDistributed);
        connectString.setEnabled(isDistributed && ensemble.getSelection());
        sessionTimeout.setEnabled(isDistributed);
        for (Control control : new Control[] {hostsFile, workspace, fileSystem}) {
            control.setEnabled(isDistributed);
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.removeAttribute(RsmLaunching.ATTR_ZOOKEEPER);
        configuration.removeAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT);
        configuration.removeAttribute(RsmLaunching.ATTR_HOSTS_FILE);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            String zookeeper = configuration.getAttribute(RsmLaunching.ATTR_ZOOKEEPER, "").strip();
            boolean isEmbedded = zookeeper.equals(DistributedBackend.EMBEDDED);
            local.setSelection(zookeeper.isEmpty());
            distributed.setSelection(!zookeeper.isEmpty());
            embedded.setSelection(zookeeper.isEmpty() || isEmbedded);
            ensemble.setSelection(!zookeeper.isEmpty() && !isEmbedded);
            connectString.setText(isEmbedded ? "" : zookeeper);
            readTimeoutMillis = ClusterLaunchConfiguration.sessionTimeout(configuration).toMillis();
            sessionTimeout.setSelection(seconds(readTimeoutMillis));
            hostsFile.setText(configuration.getAttribute(RsmLaunching.ATTR_HOSTS_FILE, ""));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
        updateEnablement();
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        String zookeeper = zooKeeper();
        if (zookeeper == null) {
            setDefaults(configuration);
            return;
        }
        configuration.setAttribute(RsmLaunching.ATTR_ZOOKEEPER, zookeeper);
        long timeoutMillis = sessionTimeout.getSelection() == seconds(readTimeoutMillis) ? readTimeoutMillis
                : (long) sessionTimeout.getSelection() * MILLIS_PER_SECOND;
        if (timeoutMillis == DistributedBackend.DEFAULT_SESSION_TIMEOUT.toMillis()) {
            configuration.removeAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT);
        } else {
            configuration.setAttribute(RsmLaunching.ATTR_SESSION_TIMEOUT, (int) timeoutMillis);
        }
        String hosts = hostsFile.getText().strip();
        if (hosts.isEmpty()) {
            configuration.removeAttribute(RsmLaunching.ATTR_HOSTS_FILE);
        } else {
            configuration.setAttribute(RsmLaunching.ATTR_HOSTS_FILE, hosts);
        }
    }

    /** What the spinner shows for a timeout of {@code millis}: whole seconds, rounded up. */
    private static int seconds(long millis) {
        return (int) Math.ceilDiv(millis, MILLIS_PER_SECOND);
    }

    /** The ZooKeeper setting as the widgets have it: null for a local cluster. */
    private String zooKeeper() {
        if (!distributed.getSelection()) {
            return null;
        }
        return embedded.getSelection() ? DistributedBackend.EMBEDDED : connectString.getText().strip();
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        String zookeeper = zooKeeper();
        String problem = ClusterLaunchConfiguration.distributedProblem(zookeeper, zookeeper == null ? "" : hostsFile.getText());
        setErrorMessage(problem);
        return problem == null;
    }

    @Override
    public String getName() {
        return "Hosts";
    }

    @Override
    public String getId() {
        return "org.rsmworkbench.ui.launching.hostsTab";
    }
}
