// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import org.rsmworkbench.tests.support.JavaProjects;

import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.launching.RsmClasspathContainer;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.core.launching.RsmRuntime;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.cluster.Cluster;

/** RSM projects (what the New RSM Project wizard makes) and the RSM API classpath container. */
@Timeout(180)
class RsmProjectsTest {

    @Test
    void theContainerResolvesToTheInstalledRsmApi() throws Exception {
        IJavaProject project = javaProject("containerdemo", Map.of("demo/Uses.java", """
                package demo;
                public class Uses {
                    public static void main(String[] args) {
                        System.out.println(org.rsmworkbench.rsmapi.Rsm.PERM_READ);
                    }
                }
                """));
        IClasspathContainer container = JavaCore.getClasspathContainer(RsmClasspathContainer.PATH, project);
        assertNotNull(container);
        assertEquals("RSM API", container.getDescription());
        List<String> entries = Arrays.stream(container.getClasspathEntries()).map(e -> e.getPath().toOSString()).toList();
        assertEquals(RsmRuntime.apiEntries().stream().map(Object::toString).toList(), entries);
        assertTrue(Arrays.stream(container.getClasspathEntries()).allMatch(e -> e.getEntryKind() == IClasspathEntry.CPE_LIBRARY));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
    }

    @Test
    void aNewProjectCompilesAndItsLaunchConfigurationRunsTheExample() throws Exception {
        RsmProjects.Created created = RsmProjects.create("ringdemo", RsmProjects.Example.RING_ALL_REDUCE, 3, new NullProgressMonitor());
        JavaProjects.build();
        IJavaProject project = JavaCore.create(created.project());
        assertEquals(List.of(), JavaProjects.errors(created.project()));
        assertTrue(Arrays.stream(project.getRawClasspath()).anyMatch(e -> e.getPath().equals(RsmClasspathContainer.PATH)));
        assertTrue(Arrays.stream(project.getRawClasspath()).anyMatch(e -> e.getPath().toString().contains("JavaSE-25")),
                Arrays.toString(project.getRawClasspath()));
        assertEquals("/ringdemo/src/org/rsmworkbench/examples/RingAllReduce.java", created.mainSource().getFullPath().toString());
        assertTrue(created.project().getFile("src/org/rsmworkbench/examples/NodeGroup.java").exists());
        assertTrue(created.project().getFile("bin/org/rsmworkbench/examples/RingAllReduce.class").exists());
        Cluster cluster = ClusterFiles.load(created.clusterFile().getLocation().toPath());
        assertEquals(3, cluster.getNodes().size());
        assertTrue(created.launchConfiguration().getFile() != null && created.launchConfiguration().getFile().exists(),
                "the configuration is shared in the project");
        assertEquals("/ringdemo/cluster.rsmcluster", created.launchConfiguration().getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, ""));

        ILaunch launch = Launches.runToEnd(created.launchConfiguration(), ILaunchManager.RUN_MODE);
        Map<Integer, IProcess> nodes = Launches.nodes(launch);
        assertEquals(3, nodes.size(), Launches.describe(launch));
        for (IProcess process : nodes.values()) {
            assertEquals(0, Launches.exit(process), Launches.describe(launch));
            // 3 nodes: (1 + 2 + 3) * (1 + ... + 1024)
            assertEquals(List.of("RESULT allreduce length=1024 sum=3148800"), Launches.results(process), Launches.describe(launch));
        }
        DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
    }

    @Test
    void aTakenOrInvalidNameIsRefused() throws Exception {
        RsmProjects.create("taken", RsmProjects.Example.REVOCATION, 3, null);
        CoreException taken = assertThrows(CoreException.class, () -> RsmProjects.create("taken", RsmProjects.Example.REVOCATION, 3, null));
        assertEquals("A project named taken exists already.", taken.getStatus().getMessage());
        assertEquals("Enter a project name.", RsmProjects.checkName(" "));
        assertNotNull(RsmProjects.checkName("a/b"));
        CoreException few = assertThrows(CoreException.class, () -> RsmProjects.create("few", RsmProjects.Example.REVOCATION, 2, null));
        assertEquals("Revocation runs on 3 to 63 nodes, not 2.", few.getStatus().getMessage());
    }
}
