package org.rsmworkbench.ui.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.launching.RsmClasspathContainer;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.ui.launching.internal.ClusterLaunchShortcut;
import org.rsmworkbench.ui.launching.internal.NewRsmProjectWizard;

/** Run As &gt; RSM Cluster Application, and File &gt; New &gt; RSM Project, in a running workbench. */
class ShortcutAndWizardTest {

    @Test
    void theShortcutCreatesAConfigurationOnceAndLaunchesItOnFourNodes() throws Exception {
        IJavaProject project = Ui.javaProject("shortcutdemo", Map.of("demo/Hello.java", """
                package demo;
                public class Hello {
                    public static void main(String[] args) throws Exception {
                        try (var library = org.rsmworkbench.rsmapi.Rsm.open()) {
                            System.out.println("RESULT hello from node " + library.localNodeId());
                        }
                    }
                }
                """));
        assertEquals(List.of(), Ui.errors(project.getProject()));
        IType type = project.findType("demo.Hello");
        IConfigurationElement element = Arrays.stream(Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts"))
                .filter(e -> "org.rsmworkbench.ui.launching.clusterApplicationShortcut".equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("the shortcut is not registered"));
        assertEquals("run, debug", element.getAttribute("modes"));
        ClusterLaunchShortcut shortcut = (ClusterLaunchShortcut) element.createExecutableExtension("class");

        ILaunchConfiguration config = shortcut.configurationFor(type);
        assertNotNull(config);
        assertEquals(RsmLaunching.LAUNCH_CONFIGURATION_TYPE, config.getType().getIdentifier());
        assertEquals("demo.Hello", config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, ""));
        assertEquals("shortcutdemo", config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, ""));
        assertEquals(4, config.getAttribute(RsmLaunching.ATTR_NODE_COUNT, 0));
        assertEquals("", config.getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, ""));
        assertTrue(config.exists());
        assertEquals(config, shortcut.configurationFor(type), "the second time the configuration is reused");

        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        int before = manager.getLaunches().length;
        shortcut.launch(new StructuredSelection(type), ILaunchManager.RUN_MODE);
        assertTrue(Ui.waitFor(() -> manager.getLaunches().length > before, Duration.ofSeconds(30)), "the shortcut launches");
        ILaunch launch = manager.getLaunches()[manager.getLaunches().length - 1];
        assertEquals(config, launch.getLaunchConfiguration());
        assertTrue(Ui.waitFor(launch::isTerminated, Duration.ofSeconds(90)), "the launch ends");
        long nodes = Arrays.stream(launch.getProcesses()).filter(p -> p.getAttribute(RsmLaunching.PROCESS_ATTR_NODE) != null).count();
        assertEquals(4, nodes);
        for (IProcess process : launch.getProcesses()) {
            assertEquals(0, process.getExitValue(), process.getLabel());
            String node = process.getAttribute(RsmLaunching.PROCESS_ATTR_NODE);
            if (node != null) {
                // each node has a console of its own, named after the node and its credentials, showing its output
                IConsole console = DebugUITools.getConsole(process);
                assertNotNull(console, "a console for " + process.getLabel());
                assertTrue(console.getName().contains("node " + node + " (uid=1000 gid=1000)"), console.getName());
                IDocument document = ((TextConsole) console).getDocument();
                assertTrue(Ui.waitFor(() -> document.get().contains("RESULT hello from node " + node), Duration.ofSeconds(10)),
                        console.getName() + ": " + document.get());
            }
        }
        manager.removeLaunch(launch);
    }

    @Test
    void theNewRsmProjectWizardMakesAProjectThatCompilesWithTheExampleClusterAndLaunchConfiguration() throws Exception {
        NewRsmProjectWizard wizard = new NewRsmProjectWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        dialog.create();
        try {
            NewRsmProjectWizard.Page page = wizard.page();
            page.fill("", RsmProjects.Example.HALO_EXCHANGE, 3);
            assertEquals("Enter a project name.", page.getErrorMessage());
            assertFalse(page.isPageComplete());
            page.fill("wizdemo", RsmProjects.Example.REVOCATION, 2);
            assertEquals("Revocation needs at least 3 nodes.", page.getErrorMessage());
            page.fill("wizdemo", RsmProjects.Example.HALO_EXCHANGE, 3);
            assertEquals(null, page.getErrorMessage());
            assertTrue(page.isPageComplete());
            assertTrue(wizard.performFinish());
        } finally {
            dialog.close();
        }
        Ui.build();
        IProject project = wizard.created().project();
        assertEquals("wizdemo", project.getName());
        assertEquals(List.of(), Ui.errors(project), "the new project compiles");
        IJavaProject javaProject = JavaCore.create(project);
        assertTrue(Arrays.stream(javaProject.getRawClasspath()).anyMatch(e -> e.getPath().equals(RsmClasspathContainer.PATH)));
        assertTrue(project.getFile("src/org/rsmworkbench/examples/HaloExchange.java").exists());
        assertTrue(project.getFile("bin/org/rsmworkbench/examples/HaloExchange.class").exists());
        assertEquals(3, ClusterFiles.load(project.getFile("cluster.rsmcluster").getLocation().toPath()).getNodes().size());
        ILaunchConfiguration config = wizard.created().launchConfiguration();
        assertTrue(config.getFile() != null && config.getFile().getProject().equals(project), "shared in the project");
        assertEquals("org.rsmworkbench.examples.HaloExchange", config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, ""));
        assertEquals("/wizdemo/cluster.rsmcluster", config.getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, ""));

        NewRsmProjectWizard again = new NewRsmProjectWizard();
        WizardDialog second = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), again);
        second.create();
        try {
            again.page().fill("wizdemo", RsmProjects.Example.RING_ALL_REDUCE, 4);
            assertEquals("A project named wizdemo exists already.", again.page().getErrorMessage());
            assertFalse(again.page().isPageComplete());
        } finally {
            second.close();
        }
    }
}
