// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.IRuntimeClasspathEntry;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jdt.launching.StandardClasspathProvider;

/**
 * The class path of an RSM Cluster Application, as the Classpath tab shows it: the JRE as the bootstrap entry,
 * then what every node JVM gets on its class path as user entries (the project, its libraries, the RSM API).
 * <p>
 * Node JVMs run the program on the class path, never on a module path. JDT's standard provider splits the
 * dependencies of a configuration whose JRE is Java 9 or newer into module path and class path entries, which
 * the Classpath tab (made for class path launches) lists as bootstrap entries; this provider keeps JDT's list of
 * dependencies and makes them user entries. A class path the user edited is kept as the tab saved it.
 */
public final class RsmClasspathProvider extends StandardClasspathProvider {
    /** The id of the provider ({@code org.eclipse.jdt.launching.classpathProviders}). */
    public static final String ID = "org.rsmworkbench.core.launching.classpathProvider";

    /** Makes this the class path provider of a cluster launch configuration. */
    public static void use(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_CLASSPATH_PROVIDER, ID);
    }

    @Override
    public IRuntimeClasspathEntry[] computeUnresolvedClasspath(ILaunchConfiguration configuration) throws CoreException {
        IRuntimeClasspathEntry[] entries = super.computeUnresolvedClasspath(configuration);
        if (configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_DEFAULT_CLASSPATH, true)) {
            for (IRuntimeClasspathEntry entry : entries) {
                entry.setClasspathProperty(isJre(entry) ? IRuntimeClasspathEntry.STANDARD_CLASSES : IRuntimeClasspathEntry.USER_CLASSES);
            }
        }
        return entries;
    }

    private static boolean isJre(IRuntimeClasspathEntry entry) {
        return entry.getType() == IRuntimeClasspathEntry.CONTAINER && entry.getPath() != null
                && JavaRuntime.JRE_CONTAINER.equals(entry.getPath().segment(0));
    }
}
