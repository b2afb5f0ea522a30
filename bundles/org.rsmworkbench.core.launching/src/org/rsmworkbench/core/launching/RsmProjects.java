// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.core.JavaModelException;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jdt.launching.environments.IExecutionEnvironment;
import org.osgi.framework.Bundle;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.cluster.Cluster;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * Creates an RSM project: a Java project (JavaSE-25) with the "RSM API" container on its build path, one of the
 * example programs (copied with its {@code NodeGroup} helper from the examples bundle), a {@code cluster.rsmcluster}
 * file and a launch configuration that runs the example on that cluster. What the "New RSM Project" wizard does.
 */
public final class RsmProjects {
    /** The execution environment of RSM projects. */
    public static final String EXECUTION_ENVIRONMENT = "JavaSE-25";
    /** The name of the cluster file of a new project. */
    public static final String CLUSTER_FILE = "cluster." + ClusterFiles.FILE_EXTENSION;
    /** The package of the examples (kept in the copies). */
    public static final String EXAMPLES_PACKAGE = "org.rsmworkbench.examples";

    private RsmProjects() {
    }

    /** The example programs a new project can start with. */
    public enum Example {
        RING_ALL_REDUCE("RingAllReduce", "Ring all-reduce: every node adds its vector into a ring of segments", "1024", 2),
        DOORBELL_PING_PONG("DoorbellPingPong", "Doorbell ping-pong: a token passed node to node with signals", "1000", 2),
        HALO_EXCHANGE("HaloExchange", "1-D halo exchange: a stencil with boundary cells put to the neighbours", "1000 100", 2),
        REVOCATION("Revocation", "Revocation: an exporter republishes and revokes its importers' access", "", 3),
        RACY_MAILBOX("RacyMailbox", "Racy mailbox: a deliberate race, for Run As > RSM Cluster Application (detect races)", "", 2);

        private final String className;
        private final String description;
        private final String arguments;
        private final int minimumNodes;

        Example(String className, String description, String arguments, int minimumNodes) {
            this.className = className;
            this.description = description;
            this.arguments = arguments;
            this.minimumNodes = minimumNodes;
        }

        /** The simple class name, e.g. RingAllReduce. */
        public String className() {
            return className;
        }

        public String mainType() {
            return EXAMPLES_PACKAGE + "." + className;
        }

        public String description() {
            return description;
        }

        /** The program arguments of the launch configuration. */
        public String arguments() {
            return arguments;
        }

        /** The fewest nodes it runs on. */
        public int minimumNodes() {
            return minimumNodes;
        }
    }

    /** What {@link #create} made. */
    public record Created(IProject project, IFile mainSource, IFile clusterFile, ILaunchConfiguration launchConfiguration) {
    }

    /** Why the name cannot be a new project's name, or null when it can. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            return "Enter a project name.";
        }
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        var status = workspace.validateName(name, IResource.PROJECT);
        if (!status.isOK()) {
            return status.getMessage();
        }
        if (workspace.getRoot().getProject(name).exists()) {
            return "A project named " + name + " exists already.";
        }
        return null;
    }

    /**
     * Creates the project with the example and a fully connected cluster of {@code nodes} nodes.
     *
     * @throws CoreException when the name is taken or invalid, or the example sources cannot be read
     */
    public static Created create(String name, Example example, int nodes, IProgressMonitor monitor) throws CoreException {
        String problem = checkName(name);
        if (problem != null) {
            throw new CoreException(Status.error(problem));
        }
        if (nodes < example.minimumNodes() || nodes > 63) {
            throw new CoreException(Status.error(example.className() + " runs on " + example.minimumNodes() + " to 63 nodes, not " + nodes + "."));
        }
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        File folder = ResourcesPlugin.getWorkspace().getRoot().getLocation().append(name).toFile();
        Set<String> namesBefore = folder.isDirectory() ? Set.of(folder.list()) : null;
        Created[] created = new Created[1];
        try {
            ResourcesPlugin.getWorkspace().run(m -> created[0] = doCreate(name, example, nodes, m), ResourcesPlugin.getWorkspace().getRoot(),
                    IWorkspace.AVOID_UPDATE, monitor);
        } catch (CoreException | RuntimeException e) {
            removeHalfMade(project, folder, namesBefore);
            throw e;
        }
        return created[0];
    }

    /** Removes what a failed creation made; what was in the project's folder before stays on disk. */
    private static void removeHalfMade(IProject project, File folder, Set<String> namesBefore) throws CoreException {
        if (project.exists()) {
            project.delete(namesBefore == null, true, null);
        }
        if (namesBefore != null) {
            for (File made : folder.listFiles(f -> !namesBefore.contains(f.getName()))) {
                try (Stream<Path> tree = Files.walk(made.toPath())) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    throw new CoreException(Status.error("Cannot remove " + made + " of the failed project: " + e.getMessage(), e));
                }
            }
        }
    }

    private static Created doCreate(String name, Example example, int nodes, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating " + name, 6);
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        project.create(progress.split(1));
        project.open(progress.split(1));
        IProjectDescription description = project.getDescription();
        description.setNatureIds(new String[] {JavaCore.NATURE_ID});
        project.setDescription(description, progress.split(1));

        IFolder src = project.getFolder("src");
        src.create(true, true, null);
        IFolder bin = project.getFolder("bin");
        bin.create(IResource.FORCE | IResource.DERIVED, true, null);
        IJavaProject javaProject = JavaCore.create(project);
        Map<String, String> options = javaProject.getOptions(false);
        JavaCore.setComplianceOptions("25", options);
        javaProject.setOptions(options);
        List<IClasspathEntry> classpath = new ArrayList<>();
        classpath.add(JavaCore.newSourceEntry(src.getFullPath()));
        IExecutionEnvironment environment = JavaRuntime.getExecutionEnvironmentsManager().getEnvironment(EXECUTION_ENVIRONMENT);
        classpath.add(JavaCore.newContainerEntry(environment != null ? JavaRuntime.newJREContainerPath(environment)
                : JavaRuntime.newDefaultJREContainerPath()));
        classpath.add(RsmClasspathContainer.newEntry());
        javaProject.setRawClasspath(classpath.toArray(IClasspathEntry[]::new), bin.getFullPath(), progress.split(1));

        IFolder folder = src;
        for (String segment : EXAMPLES_PACKAGE.split("\\.")) {
            folder = folder.getFolder(segment);
            folder.create(true, true, null);
        }
        IFile main = null;
        for (String type : List.of("NodeGroup", example.className())) {
            IFile file = folder.getFile(type + ".java");
            try (InputStream in = exampleSource(type)) {
                file.create(in, true, null);
            } catch (IOException e) {
                throw new CoreException(Status.error("Cannot read the source of the example " + type + ": " + e.getMessage(), e));
            }
            main = file;
        }
        progress.worked(1);

        Cluster cluster = ClusterShapes.fullyConnected(nodes);
        cluster.setName(name);
        IFile clusterFile = project.getFile(CLUSTER_FILE);
        try {
            ClusterFiles.save(cluster, clusterFile.getLocation().toPath());
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot write " + clusterFile.getFullPath() + ": " + e.getMessage(), e));
        }
        clusterFile.refreshLocal(IResource.DEPTH_ZERO, null);

        ILaunchConfiguration configuration = newConfiguration(project, name + " " + example.className(), example.mainType(),
                example.arguments(), clusterFile, 0).doSave();
        progress.worked(1);
        return new Created(project, main, clusterFile, configuration);
    }

    /**
     * A new configuration of the cluster launch type, stored in {@code container}'s project when it is a project
     * (shared, {@code .launch} file) or locally when null.
     *
     * @param clusterFile the cluster file, or null for {@code nodeCount} nodes fully connected
     */
    public static ILaunchConfigurationWorkingCopy newConfiguration(IProject container, String name, String mainType, String arguments,
            IFile clusterFile, int nodeCount) throws CoreException {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE);
        String unique = DebugPlugin.getDefault().getLaunchManager().generateLaunchConfigurationName(name);
        ILaunchConfigurationWorkingCopy copy = type.newInstance(container, unique);
        RsmClasspathProvider.use(copy);
        IProject project = container != null ? container : clusterFile != null ? clusterFile.getProject() : null;
        if (project != null) {
            copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getName());
            copy.setMappedResources(new IResource[] {project});
        }
        copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, mainType);
        if (arguments != null && !arguments.isEmpty()) {
            copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, arguments);
        }
        if (clusterFile != null) {
            copy.setAttribute(RsmLaunching.ATTR_CLUSTER_FILE, clusterFile.getFullPath().toString());
        } else {
            copy.setAttribute(RsmLaunching.ATTR_NODE_COUNT, nodeCount > 0 ? nodeCount : RsmLaunching.DEFAULT_NODE_COUNT);
        }
        return copy;
    }

    /** The source of an example type, from the examples bundle ({@code src/} is part of its binary build). */
    public static InputStream exampleSource(String simpleName) throws IOException {
        Bundle bundle = Platform.getBundle(RsmRuntime.EXAMPLES_BUNDLE);
        if (bundle == null) {
            throw new IOException("the bundle " + RsmRuntime.EXAMPLES_BUNDLE + " is not installed");
        }
        String path = "src/" + EXAMPLES_PACKAGE.replace('.', '/') + "/" + simpleName + ".java";
        URL url = bundle.getEntry(path);
        if (url == null) {
            throw new IOException(RsmRuntime.EXAMPLES_BUNDLE + " has no " + path);
        }
        return url.openStream();
    }

    /** Whether the project has the RSM API on its build path (the container, or the API jar some other way). */
    public static boolean usesRsmApi(IJavaProject project) {
        try {
            return project.exists() && project.findType(Rsm.class.getName()) != null;
        } catch (JavaModelException e) {
            return false;
        }
    }

    /** The path of the project's cluster file, e.g. {@code /demo/cluster.rsmcluster}. */
    public static IPath clusterFilePath(IProject project) {
        return project.getFile(CLUSTER_FILE).getFullPath();
    }
}
