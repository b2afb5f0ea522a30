// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.core.ClasspathContainerInitializer;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;

/** Resolves the "RSM API" container from the installed RSMAPI bundle. */
public final class RsmClasspathContainerInitializer extends ClasspathContainerInitializer {
    @Override
    public void initialize(IPath containerPath, IJavaProject project) throws CoreException {
        List<java.nio.file.Path> libraries;
        try {
            libraries = RsmRuntime.apiEntries();
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot find the RSM API for the build path of " + project.getElementName() + ": "
                    + e.getMessage(), e));
        }
        JavaCore.setClasspathContainer(containerPath, new IJavaProject[] {project},
                new IClasspathContainer[] {new RsmClasspathContainer(containerPath, libraries)}, null);
    }

    @Override
    public String getDescription(IPath containerPath, IJavaProject project) {
        return "RSM API";
    }

    @Override
    public Object getComparisonID(IPath containerPath, IJavaProject project) {
        return containerPath;
    }
}
