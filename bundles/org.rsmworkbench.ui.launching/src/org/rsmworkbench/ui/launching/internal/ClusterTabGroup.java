// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTabGroup;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.EnvironmentTab;
import org.eclipse.debug.ui.ILaunchConfigurationDialog;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.debug.ui.sourcelookup.SourceLookupTab;
import org.eclipse.jdt.debug.ui.launchConfigurations.JavaArgumentsTab;
import org.eclipse.jdt.debug.ui.launchConfigurations.JavaClasspathTab;
import org.eclipse.jdt.debug.ui.launchConfigurations.JavaJRETab;
import org.rsmworkbench.core.launching.RsmClasspathProvider;

/**
 * The tabs of an "RSM Cluster Application": Cluster, Hosts (a local or a distributed cluster), Program, Arguments (program and VM arguments of every node),
 * Credentials, Faults, Recording, then JDT's JRE and Classpath tabs and the standard Source, Environment and Common tabs.
 */
public final class ClusterTabGroup extends AbstractLaunchConfigurationTabGroup {
    @Override
    public void createTabs(ILaunchConfigurationDialog dialog, String mode) {
        setTabs(new ILaunchConfigurationTab[] {new ClusterTab(), new HostsTab(), new ProgramTab(), new JavaArgumentsTab(), new CredentialsTab(),
                new FaultsTab(), new RecordingTab(), new JavaJRETab(), new JavaClasspathTab(), new SourceLookupTab(), new EnvironmentTab(),
                new CommonTab()});
    }

    /** The tabs' defaults, and the class path provider of cluster launches (the Classpath tab lists user entries). */
    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        super.setDefaults(configuration);
        RsmClasspathProvider.use(configuration);
    }
}
