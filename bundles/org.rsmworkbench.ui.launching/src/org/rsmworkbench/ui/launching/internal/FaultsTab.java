// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration.ClusterSource;
import org.rsmworkbench.core.launching.NodeSettings;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.emulator.launch.LaunchArgumentException;
import org.rsmworkbench.emulator.launch.ScheduledFault;

/**
 * Faults: scheduled faults, one per line, in the syntax of {@code rsm-launch --fault} ({@code kill:2@500ms},
 * {@code link-down:1/emu0-2/emu0@200ms}, {@code fail:1->2x3@100ms}, ...); the time counts from when every node
 * program has joined the cluster. Each line is checked against the cluster (they reach a distributed cluster too).
 * A distributed cluster (Hosts tab) also has the faults of its hosts ({@code kill-host:beta@1s},
 * {@code host-link-down:alpha-beta@2s}, {@code host-link-up:alpha-beta@3s}, as {@code rsm-launch --hosts} has them),
 * checked against the hosts file of the Hosts tab; their buttons are shown for a distributed cluster only.
 */
public final class FaultsTab extends AbstractLaunchConfigurationTab {
    private Text faults;
    private Group hostFaults;
    /** The configuration's hosts file as last validated, for the hosts that the buttons' faults name; null when none. */
    private Path hostsFile;

    @Override
    public void createControl(Composite parent) {
        Composite top = Widgets.tabArea(parent);
        setControl(top);

        Group group = Widgets.group(top, "Scheduled faults", 4);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(group);
        Widgets.hint(group, "One fault per line, FAULT@TIME; TIME (500ms, 2s) counts from when every node program has opened "
                + "its library.\n"
                + "kill:2@500ms \u2013 node 2 goes down (its JVM exits with 137, its segments vanish)\n"
                + "restart:2@900ms \u2013 node 2 comes up again, empty, and its program is started again\n"
                + "link-down:1/emu0-2/emu0@200ms \u2013 the link between 1/emu0 and 2/emu0 goes down; link-up:... brings it up\n"
                + "fail:1->2x3@100ms \u2013 the next 3 transfers from node 1 to segments of node 2 fail", 4);
        faults = Widgets.area(group, 4, 6);
        addButton(group, "Add &kill", "kill:2@500ms");
        addButton(group, "Add &link down", "link-down:1/emu0-2/emu0@200ms");
        addButton(group, "Add link &up", "link-up:1/emu0-2/emu0@400ms");
        addButton(group, "Add &failing transfers", "fail:1->2x3@100ms");

        hostFaults = Widgets.group(top, "Faults of the hosts (a distributed cluster with a hosts file)", 3);
        Widgets.hint(hostFaults, "kill-host:beta@1s \u2013 the node JVMs on host beta are killed (SIGKILL), as if it crashed\n"
                + "host-link-down:alpha-beta@2s \u2013 traffic between hosts alpha and beta is dropped (blackhole routes on both, through"
                + " their run= prefix: root there; each needs address=); host-link-up:... lets it flow again (a link left cut is"
                + " healed when the cluster stops)", 3);
        addButton(hostFaults, "Add kill &host", hosts -> "kill-host:" + hosts.getLast() + "@1s");
        addButton(hostFaults, "Add host link d&own", hosts -> "host-link-down:" + hosts.getFirst() + "-" + hosts.get(1) + "@2s");
        addButton(hostFaults, "Add host link u&p", hosts -> "host-link-up:" + hosts.getFirst() + "-" + hosts.get(1) + "@3s");
        showHostFaults(false);
        faults.addListener(SWT.Modify, _ -> {
            setDirty(true);
            updateLaunchConfigurationDialog();
        });
    }

    private void addButton(Composite parent, String label, String template) {
        addButton(parent, label, _ -> template);
    }

    /**
     * A button that adds a fault naming hosts: {@code template} gets the names of at least two hosts, those of the hosts file
     * when it can be read, else alpha and beta.
     */
    private void addButton(Composite parent, String label, Function<List<String>, String> template) {
        Button button = Widgets.button(parent, SWT.PUSH, label);
        button.addListener(SWT.Selection, _ -> {
            String text = faults.getText();
            faults.setText(text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + template.apply(hostNames()));
        });
    }

    private List<String> hostNames() {
        try {
            List<String> names = hostsFile == null ? List.of() : HostsFile.read(hostsFile).hosts().stream().map(HostsFile.Host::name).toList();
            return names.size() >= 2 ? names : List.of("alpha", "beta");
        } catch (LaunchArgumentException e) {
            return List.of("alpha", "beta"); // the Hosts tab says what is wrong with it
        }
    }

    private void showHostFaults(boolean show) {
        if (hostFaults.getVisible() != show) {
            hostFaults.setVisible(show);
            ((GridData) hostFaults.getLayoutData()).exclude = !show;
            hostFaults.getParent().layout(true, true);
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.removeAttribute(RsmLaunching.ATTR_FAULTS);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            faults.setText(String.join("\n", configuration.getAttribute(RsmLaunching.ATTR_FAULTS, List.of())));
            showHostFaults(ClusterLaunchConfiguration.zooKeeper(configuration) != null);
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        ProgramTab.setList(configuration, RsmLaunching.ATTR_FAULTS, faults.getText());
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        ClusterSource source = ProgramTab.clusterOrNull(configuration);
        String zookeeper = null;
        Path hosts = null;
        boolean hostsKnown = true;
        try {
            zookeeper = ClusterLaunchConfiguration.zooKeeper(configuration);
            hosts = ClusterLaunchConfiguration.hostsFile(configuration);
        } catch (CoreException e) {
            hostsKnown = false; // the Hosts tab reports it
        }
        boolean distributed = zookeeper != null;
        hostsFile = hosts;
        showHostFaults(distributed);
        List<String> lines = NodeSettings.lines(faults.getText());
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#") || HostFault.isHostFault(line.strip())) {
                continue;
            }
            try {
                if (source != null) {
                    ClusterLaunchConfiguration.checkFault(line.strip(), source.spec());
                } else {
                    ScheduledFault.parse(line.strip());
                }
            } catch (IllegalArgumentException e) {
                setErrorMessage("Faults, line " + number + ": " + e.getMessage());
                return false;
            }
        }
        try {
            if (hostsKnown) {
                ClusterLaunchConfiguration.hostFaults(lines, zookeeper, hosts);
            }
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        return true;
    }

    @Override
    public String getName() {
        return "Faults";
    }

    @Override
    public String getId() {
        return "org.rsmworkbench.ui.launching.faultsTab";
    }
}
