// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaModelMarker;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jdt.launching.environments.IExecutionEnvironment;
import org.rsmworkbench.core.launching.RsmClasspathContainer;

/** Java projects of RSM programs in the test workspace. */
public final class JavaProjects {
    private JavaProjects() {
    }

    /**
     * A Java project (JavaSE-25 JRE, the RSM API container) with the given sources (path under {@code src/} to
     * text), built; a project of that name is deleted first.
     */
    public static IJavaProject javaProject(String name, Map<String, String> sources) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        IProjectDescription description = project.getDescription();
        description.setNatureIds(new String[] {JavaCore.NATURE_ID});
        project.setDescription(description, null);
        IJavaProject javaProject = JavaCore.create(project);
        Map<String, String> options = javaProject.getOptions(false);
        JavaCore.setComplianceOptions("25", options);
        javaProject.setOptions(options);
        project.getFolder("src").create(true, true, null);
        IExecutionEnvironment environment = JavaRuntime.getExecutionEnvironmentsManager().getEnvironment("JavaSE-25");
        javaProject.setRawClasspath(new IClasspathEntry[] {JavaCore.newSourceEntry(project.getFolder("src").getFullPath()),
                JavaCore.newContainerEntry(environment != null ? JavaRuntime.newJREContainerPath(environment)
                        : JavaRuntime.newDefaultJREContainerPath()),
                RsmClasspathContainer.newEntry()}, project.getFolder("bin").getFullPath(), null);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            IFile file = project.getFile("src/" + source.getKey());
            mkdirs(file.getParent());
            file.create(new ByteArrayInputStream(source.getValue().getBytes(StandardCharsets.UTF_8)), true, null);
        }
        build();
        return javaProject;
    }

    private static void mkdirs(IContainer container) throws CoreException {
        if (container instanceof IFolder folder && !folder.exists()) {
            mkdirs(folder.getParent());
            folder.create(true, true, null);
        }
    }

    /** The Java problems of severity error in a project, and its build path problems, as text. */
    public static List<String> errors(IProject project) throws CoreException {
        List<String> errors = new ArrayList<>();
        for (IMarker marker : project.findMarkers(IJavaModelMarker.JAVA_MODEL_PROBLEM_MARKER, true, IResource.DEPTH_INFINITE)) {
            if (marker.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR) {
                errors.add(marker.getResource().getName() + ":" + marker.getAttribute(IMarker.LINE_NUMBER, 0) + " "
                        + marker.getAttribute(IMarker.MESSAGE, ""));
            }
        }
        for (IMarker marker : project.findMarkers(IJavaModelMarker.BUILDPATH_PROBLEM_MARKER, true, IResource.DEPTH_INFINITE)) {
            errors.add("build path: " + marker.getAttribute(IMarker.MESSAGE, ""));
        }
        return errors;
    }

    /** The number of the first line of the source file that contains the text (for a breakpoint there). */
    public static int lineOf(IFile source, String text) throws CoreException, IOException {
        try (InputStream in = source.getContents()) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError(source + " has no line with " + text);
    }

    /** Deletes the workspace's project {@code name} with its contents, when there is one (a test's leftover). */
    public static void deleteIfExists(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }

    /** A full build of the workspace; returns once the auto-build it started ended (at most a minute). */
    public static void build() throws CoreException {
        ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
        TestUtils.waitFor(() -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0,
                Duration.ofSeconds(60));
    }
}
