// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.internal;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.jdt.core.IJavaElement;
import org.eclipse.jdt.core.IJavaProject;
import org.rsmworkbench.core.launching.RsmProjects;

/**
 * {@code org.rsmworkbench.ui.launching.usesRsmApi}: whether a Java element is in a project with the RSM API on its
 * build path, where Run As offers RSM Cluster Application.
 */
public final class RsmApiPropertyTester extends PropertyTester {
    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        IJavaProject project = receiver instanceof IJavaElement element ? element.getJavaProject() : null;
        return project != null && RsmProjects.usesRsmApi(project);
    }
}
