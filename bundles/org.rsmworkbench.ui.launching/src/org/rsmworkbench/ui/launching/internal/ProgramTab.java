// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jdt.debug.ui.launchConfigurations.JavaMainTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Text;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration;
import org.rsmworkbench.core.launching.ClusterLaunchConfiguration.ClusterSource;
import org.rsmworkbench.core.launching.NodeSettings;
import org.rsmworkbench.core.launching.RsmLaunching;

/**
 * Program: the Java project and main class (JDT's main tab, with its Search), which nodes run the program, per-node
 * overrides ({@code NODE:main=…}, {@code NODE:args=…}, {@code NODE:jvm=…}) and extra class path entries. Program and
 * VM arguments of every node are on the standard Arguments tab.
 */
public final class ProgramTab extends JavaMainTab {
    private Button everyNode;
    private Button someNodes;
    private Text onNodes;
    private Text overrides;
    private Text extraClassPath;

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        Composite top = (Composite) getControl();
        Group nodes = Widgets.group(top, "Nodes that run the program", 2);
        everyNode = Widgets.button(nodes, SWT.RADIO, "&Every node of the cluster");
        Widgets.label(nodes, "");
        someNodes = Widgets.button(nodes, SWT.RADIO, "&Only nodes:");
        onNodes = Widgets.text(nodes, 1);
        onNodes.setMessage("e.g. 1,3 or 1-3,5");

        Group perNode = Widgets.group(top, "Per-node overrides", 1);
        Widgets.hint(perNode, "One per line, NODE:KEY=VALUE: 2:main=org.example.Other (another main class), "
                + "3:args=100 200 (other program arguments), 3:jvm=-Xmx64m (JVM arguments added on that node).", 1);
        overrides = Widgets.area(perNode, 1, 4);

        Group extra = Widgets.group(top, "Extra class path entries", 1);
        Widgets.hint(extra, "Jars or class folders outside the workspace, one path per line, after the project's class path "
                + "(the RSM API and emulator are added to every node by themselves).", 1);
        extraClassPath = Widgets.area(extra, 1, 2);

        everyNode.addListener(SWT.Selection, _ -> changed());
        someNodes.addListener(SWT.Selection, _ -> changed());
        onNodes.addListener(SWT.Modify, _ -> changed());
        overrides.addListener(SWT.Modify, _ -> changed());
        extraClassPath.addListener(SWT.Modify, _ -> changed());
    }

    private void changed() {
        onNodes.setEnabled(someNodes.getSelection());
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        super.setDefaults(configuration);
        configuration.removeAttribute(RsmLaunching.ATTR_ON_NODES);
        configuration.removeAttribute(RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        super.initializeFrom(configuration);
        try {
            String on = configuration.getAttribute(RsmLaunching.ATTR_ON_NODES, "");
            everyNode.setSelection(on.isBlank());
            someNodes.setSelection(!on.isBlank());
            onNodes.setText(on);
            onNodes.setEnabled(!on.isBlank());
            overrides.setText(String.join("\n", configuration.getAttribute(RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS, List.of())));
            extraClassPath.setText(String.join("\n", configuration.getAttribute(RsmLaunching.ATTR_EXTRA_CLASSPATH, List.of())));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        super.performApply(configuration);
        if (someNodes.getSelection()) {
            configuration.setAttribute(RsmLaunching.ATTR_ON_NODES, onNodes.getText().strip());
        } else {
            configuration.removeAttribute(RsmLaunching.ATTR_ON_NODES);
        }
        setList(configuration, RsmLaunching.ATTR_NODE_PROGRAM_SETTINGS, overrides.getText());
        setList(configuration, RsmLaunching.ATTR_EXTRA_CLASSPATH, extraClassPath.getText());
    }

    static void setList(ILaunchConfigurationWorkingCopy configuration, String attribute, String text) {
        List<String> lines = NodeSettings.lines(text).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            configuration.removeAttribute(attribute);
        } else {
            configuration.setAttribute(attribute, lines);
        }
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        if (!super.isValid(configuration)) {
            return false;
        }
        if (someNodes.getSelection()) {
            if (onNodes.getText().isBlank()) {
                setErrorMessage("Enter the nodes that run the program (e.g. 1,3), or choose every node.");
                return false;
            }
            try {
                Set<Integer> set = NodeSettings.parseNodes(onNodes.getText());
                ClusterSource source = clusterOrNull(configuration);
                if (source != null) {
                    NodeSettings.requireNodes(set, source.nodeIds(), "Nodes that run the program");
                }
            } catch (IllegalArgumentException e) {
                setErrorMessage(capital(e.getMessage()));
                return false;
            }
        }
        try {
            NodeSettings.parseLines(NodeSettings.lines(overrides.getText()), NodeSettings.PROGRAM_KEYS);
            ClusterSource source = clusterOrNull(configuration);
            if (source != null) {
                ClusterLaunchConfiguration.programSettings(configuration, source, ClusterLaunchConfiguration.runningNodes(configuration, source));
            }
        } catch (IllegalArgumentException e) {
            setErrorMessage("Per-node overrides, " + e.getMessage());
            return false;
        } catch (CoreException e) {
            setErrorMessage(e.getStatus().getMessage());
            return false;
        }
        for (String line : NodeSettings.lines(extraClassPath.getText())) {
            if (!line.isBlank() && !java.nio.file.Files.exists(java.nio.file.Path.of(line.strip()))) {
                setErrorMessage("Extra class path entry " + line.strip() + " does not exist.");
                return false;
            }
        }
        return true;
    }

    /** The configuration's cluster, or null when it is wrong (the Cluster tab says why). */
    static ClusterSource clusterOrNull(ILaunchConfiguration configuration) {
        try {
            return ClusterLaunchConfiguration.cluster(configuration);
        } catch (CoreException e) {
            return null;
        }
    }

    static String capital(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    @Override
    public String getName() {
        return "Program";
    }

    @Override
    public String getId() {
        return "org.rsmworkbench.ui.launching.programTab";
    }
}
