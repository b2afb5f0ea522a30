// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration.ClusterSource;
import org.rsmworkbench.core.launching.NodeSettings;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.emulator.launch.ScheduledFault;

/**
 * Faults: scheduled faults, one per line, in the syntax of {@code rsm-launch --fault} ({@code kill:2@500ms},
 * {@code link-down:1/emu0-2/emu0@200ms}, {@code fail:1->2x3@100ms}, ...); the time counts from when every node
 * program has joined the cluster. Each line is checked against the cluster, and against what a distributed cluster
 * (Hosts tab) can do.
 */
public final class FaultsTab extends AbstractLaunchConfigurationTab {
    private Text faults;

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
        faults.addListener(SWT.Modify, _ -> {
            setDirty(true);
            updateLaunchConfigurationDialog();
        });
    }

    private void addButton(Composite parent, String label, String template) {
        Button button = Widgets.button(parent, SWT.PUSH, label);
        button.addListener(SWT.Selection, _ -> {
            String text = faults.getText();
            faults.setText(text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + template);
        });
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.removeAttribute(RsmLaunching.ATTR_FAULTS);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            faults.setText(String.join("\n", configuration.getAttribute(RsmLaunching.ATTR_FAULTS, List.of())));
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
        boolean distributed;
        try {
            distributed = ClusterLaunchConfiguration.zooKeeper(configuration) != null;
        } catch (CoreException e) {
            distributed = false; // the Hosts tab reports it
        }
        int number = 0;
        for (String line : NodeSettings.lines(faults.getText())) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                ScheduledFault fault = source != null ? ClusterLaunchConfiguration.checkFault(line.strip(), source.spec())
                        : ScheduledFault.parse(line.strip());
                String refusal = FaultInjector.refusal(fault.fault(), distributed);
                if (refusal != null) {
                    setErrorMessage("Faults, line " + number + ": " + fault + " in a distributed cluster (Hosts tab): " + refusal + ".");
                    return false;
                }
            } catch (IllegalArgumentException e) {
                setErrorMessage("Faults, line " + number + ": " + e.getMessage());
                return false;
            }
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
