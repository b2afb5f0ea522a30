// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.ISourcePathComputerDelegate;
import org.eclipse.debug.core.sourcelookup.containers.DirectorySourceContainer;
import org.eclipse.debug.core.sourcelookup.containers.ExternalArchiveSourceContainer;
import org.eclipse.jdt.launching.IRuntimeClasspathEntry;
import org.eclipse.jdt.launching.JavaRuntime;

/**
 * The source lookup path of a cluster launch: what JDT computes for the project (its source folders, required
 * projects, libraries' source attachments, the JRE), then the sources of the
 * {@linkplain RsmLaunching#ATTR_EXTRA_CLASSPATH extra class path entries} and of the RSMAPI and emulator
 * bundles where they can be found (see {@link RsmRuntime#sourcesOf}).
 */
public final class RsmSourcePathComputer implements ISourcePathComputerDelegate {
    @Override
    public ISourceContainer[] computeSourceContainers(ILaunchConfiguration configuration, IProgressMonitor monitor)
            throws CoreException {
        IRuntimeClasspathEntry[] unresolved = JavaRuntime.computeUnresolvedSourceLookupPath(configuration);
        IRuntimeClasspathEntry[] resolved = JavaRuntime.resolveSourceLookupPath(unresolved, configuration);
        List<ISourceContainer> containers = new ArrayList<>(Arrays.asList(JavaRuntime.getSourceContainers(resolved)));
        List<Path> extra = new ArrayList<>(ClusterLaunchConfiguration.extraClassPath(configuration));
        try {
            extra.addAll(RsmRuntime.runtimeEntries());
        } catch (java.io.IOException e) {
            // no runtime bundles on disk: nothing to add; the launch itself reports this
        }
        for (Path entry : extra) {
            Path sources = RsmRuntime.sourcesOf(entry);
            if (sources == null) {
                continue;
            }
            if (Files.isRegularFile(sources)) {
                containers.add(new ExternalArchiveSourceContainer(sources.toString(), true));
            } else {
                containers.add(new DirectorySourceContainer(sources.toFile(), true));
            }
        }
        return containers.toArray(ISourceContainer[]::new);
    }

}
