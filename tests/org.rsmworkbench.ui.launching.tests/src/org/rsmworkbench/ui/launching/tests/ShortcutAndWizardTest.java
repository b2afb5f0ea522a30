// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import org.rsmworkbench.tests.support.JavaProjects;

import static org.rsmworkbench.tests.support.JavaProjects.javaProject;
import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.debug.internal.ui.actions.RunLastAction;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.actions.ContextualLaunchAction;
import org.eclipse.jdt.ui.JavaUI;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.launching.RsmClasspathContainer;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.core.launching.RsmProjects;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.ui.launching.internal.ClusterLaunchShortcut;
import org.rsmworkbench.ui.launching.internal.NewRsmProjectWizard;

/**
 * Run As &gt; RSM Cluster Application, Run As &gt; Java Application on a node program, and File &gt; New &gt; RSM
 * Project, in a running workbench.
 */
class ShortcutAndWizardTest {
    /** A node program: it opens the library of the node process its JVM was launched as. */
    private static final String HELLO = """
            package demo;
            public class Hello {
                public static void main(String[] args) throws Exception {
                    try (var library = org.rsmworkbench.rsmapi.Rsm.open()) {
                        System.out.println("RESULT hello from node " + library.localNodeId());
                    }
                }
            }
            """;

    @AfterEach
    void removeLaunchesAndProjects() throws Exception {
        DebugLaunches.endAndRemoveAll();
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (String name : List.of("runasdemo", "plaindemo", "plainrun", "filerun")) {
            var project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
            if (project.exists()) {
                for (ILaunchConfiguration config : manager.getLaunchConfigurations()) {
                    if (name.equals(config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, ""))) {
                        config.delete();
                    }
                }
                project.delete(true, true, null);
            }
        }
    }

    @Test
    void runAsOffersRsmClusterApplicationFirstOnAnRsmProgramAndNotOnAPlainJavaProgram() throws Exception {
        IJavaProject rsm = javaProject("runasdemo", Map.of("demo/Hello.java", HELLO));
        assertEquals(List.of(), JavaProjects.errors(rsm.getProject()));
        List<String> offered = runAs(rsm.findType("demo.Hello").getCompilationUnit());
        assertEquals("RSM Cluster Application", offered.get(0), "Run As on an RSM program: " + offered);
        assertEquals("RSM Cluster Application (detect races)", offered.get(1), "Run As on an RSM program: " + offered);
        assertTrue(offered.contains("Java Application"), offered.toString());
        offered = runAs(rsm);
        assertTrue(offered.contains("RSM Cluster Application") && offered.contains("RSM Cluster Application (detect races)"),
                "Run As on the project of an RSM program (its main classes are searched): " + offered);

        IJavaProject plain = javaProject("plaindemo", Map.of("demo/Plain.java", """
                package demo;
                public class Plain {
                    public static void main(String[] args) {
                        System.out.println("plain");
                    }
                }
                """));
        plain.setRawClasspath(Arrays.stream(plain.getRawClasspath()).filter(e -> !e.getPath().equals(RsmClasspathContainer.PATH))
                .toArray(org.eclipse.jdt.core.IClasspathEntry[]::new), null);
        JavaProjects.build();
        for (Object element : List.of(plain.findType("demo.Plain").getCompilationUnit(), plain)) {
            offered = runAs(element);
            assertTrue(offered.contains("Java Application") && !offered.contains("RSM Cluster Application")
                    && !offered.contains("RSM Cluster Application (detect races)"),
                    "Run As on a program without the RSM API, or its project: " + offered);
        }
    }

    /** The launch shortcuts that Run As offers, in order, for {@code element} selected in the Package Explorer. */
    private static List<String> runAs(Object element) throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IViewPart explorer = page.showView(JavaUI.ID_PACKAGES);
        page.activate(explorer);
        StructuredSelection selection = new StructuredSelection(element);
        ((ISetSelectionTarget) explorer).selectReveal(selection);
        assertTrue(waitFor(() -> selection.equals(explorer.getSite().getSelectionProvider().getSelection()), Duration.ofSeconds(10)),
                "the Package Explorer selects " + element);
        // the debug UI follows the selection service, and evaluates the shortcuts' enablement (JDT's hasMain) when it
        // can: on a loaded machine the first menus may come back empty
        AtomicReference<List<String>> offered = new AtomicReference<>(List.of());
        waitFor(() -> {
            offered.set(runAsMenu(explorer, selection));
            return !offered.get().isEmpty();
        }, Duration.ofSeconds(10));
        return offered.get();
    }

    /** The launch shortcuts of a Run As menu made for {@code selection} now. */
    private static List<String> runAsMenu(IViewPart explorer, StructuredSelection selection) {
        ContextualLaunchAction runAs = new ContextualLaunchAction(ILaunchManager.RUN_MODE) { }; // as the debug UI's Run As menu
        runAs.selectionChanged(new Action("Run As", IAction.AS_DROP_DOWN_MENU) { }, selection);
        Menu parent = new Menu(explorer.getSite().getShell());
        try {
            Menu menu = runAs.getMenu(parent);
            menu.notifyListeners(SWT.Show, new Event());
            // "&1 RSM Cluster Application<TAB>Shift+Alt+X R": the shortcut's label without mnemonic and key binding
            return Arrays.stream(menu.getItems()).map(MenuItem::getText).filter(t -> t.matches("&\\d+ .*"))
                    .map(t -> t.replaceFirst("&\\d+ ", "").replaceFirst("\t.*", "")).toList();
        } finally {
            parent.dispose();
        }
    }

    @Test
    void aNodeProgramRunAsAPlainJavaApplicationSaysHowToRunItAndRunsItOnAClusterWhenAsked() throws Exception {
        IJavaProject project = javaProject("plainrun", Map.of("demo/Hello.java", HELLO));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy java = manager.getLaunchConfigurationType(IJavaLaunchConfigurationConstants.ID_JAVA_APPLICATION)
                .newInstance(null, "plainrun Hello");
        java.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "plainrun");
        java.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, "demo.Hello");
        // the dialog is modal: it is read and answered from its own event loop
        String[] message = new String[1];
        try (Ui.ShellWatch _ = Ui.whenShellShows("RSM Node Program", Duration.ofSeconds(60), dialog -> {
            message[0] = Ui.all(dialog).stream().filter(Label.class::isInstance).map(c -> ((Label) c).getText())
                    .collect(Collectors.joining("\n"));
            Ui.button(dialog, "Run as RSM Cluster Application").notifyListeners(SWT.Selection, new Event());
            return true;
        })) {
            DebugUITools.launch(java, ILaunchManager.RUN_MODE);
            assertTrue(waitFor(() -> message[0] != null, Duration.ofSeconds(60)), "a dialog explains the failed plain Java launch");
        }
        assertTrue(message[0].contains("demo.Hello ran as a plain Java application, so Rsm.open() failed"), message[0]);
        assertTrue(message[0].contains("Run As > RSM Cluster Application"), message[0]);

        ILaunch[] cluster = new ILaunch[1];
        assertTrue(waitFor(() -> (cluster[0] = Arrays.stream(manager.getLaunches()).filter(ShortcutAndWizardTest::isClusterLaunchOfHello)
                .findFirst().orElse(null)) != null, Duration.ofSeconds(60)), "the button runs the program as an RSM Cluster Application");
        assertTrue(waitFor(cluster[0]::isTerminated, Duration.ofSeconds(90)), () -> "the cluster launch ends: " + describe(cluster[0]));
        List<IProcess> nodes = Arrays.stream(cluster[0].getProcesses()).filter(p -> p.getAttribute(RsmLaunching.PROCESS_ATTR_NODE) != null)
                .toList();
        assertEquals(4, nodes.size());
        for (IProcess node : nodes) {
            assertEquals(0, node.getExitValue(), node.getLabel());
            assertConsoleShows(node, "RESULT hello from node " + node.getAttribute(RsmLaunching.PROCESS_ATTR_NODE));
        }
    }

    /** The launch's processes, whether they ended, and their consoles, for failure messages. */
    private static String describe(ILaunch launch) {
        StringBuilder text = new StringBuilder();
        for (IProcess process : launch.getProcesses()) {
            text.append("\n--- ").append(process.getLabel()).append(process.isTerminated() ? " (ended)" : " (running)").append('\n');
            if (DebugUITools.getConsole(process) instanceof TextConsole console) {
                text.append(console.getDocument().get());
            }
        }
        return text.toString();
    }

    /** The process has a console of its own, which shows that text. */
    private static void assertConsoleShows(IProcess process, String text) {
        IConsole console = DebugUITools.getConsole(process);
        assertNotNull(console, "a console for " + process.getLabel());
        IDocument document = ((TextConsole) console).getDocument();
        assertTrue(waitFor(() -> document.get().contains(text), Duration.ofSeconds(10)), console.getName() + ": " + document.get());
    }

    /** A cluster launch of demo.Hello that has started (not the debug UI's placeholder while it waits for a build). */
    private static boolean isClusterLaunchOfHello(ILaunch launch) {
        try {
            ILaunchConfiguration config = launch.getLaunchConfiguration();
            return launch.getProcesses().length > 0 && config != null
                    && RsmLaunching.LAUNCH_CONFIGURATION_TYPE.equals(config.getType().getIdentifier())
                    && "demo.Hello".equals(config.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, ""));
        } catch (org.eclipse.core.runtime.CoreException e) {
            return false;
        }
    }

    @Test
    void theShortcutCreatesAConfigurationOnceAndLaunchesItOnFourNodes() throws Exception {
        IJavaProject project = javaProject("shortcutdemo", Map.of("demo/Hello.java", HELLO));
        assertEquals(List.of(), JavaProjects.errors(project.getProject()));
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
        List<ILaunch> before = List.of(manager.getLaunches());
        shortcut.launch(new StructuredSelection(type), ILaunchManager.RUN_MODE);
        ILaunch launch = DebugLaunches.awaitNew(before, Duration.ofSeconds(60));
        assertNotNull(launch, "the shortcut launches");
        assertEquals(config, launch.getLaunchConfiguration());
        assertTrue(waitFor(launch::isTerminated, Duration.ofSeconds(90)), "the launch ends");
        long nodes = Arrays.stream(launch.getProcesses()).filter(p -> p.getAttribute(RsmLaunching.PROCESS_ATTR_NODE) != null).count();
        assertEquals(4, nodes);
        for (IProcess process : launch.getProcesses()) {
            assertEquals(0, process.getExitValue(), process.getLabel());
            String node = process.getAttribute(RsmLaunching.PROCESS_ATTR_NODE);
            if (node != null) {
                // each node has a console of its own, named after the node and its credentials, showing its output
                assertConsoleShows(process, "RESULT hello from node " + node);
                String console = DebugUITools.getConsole(process).getName();
                assertTrue(console.contains("node " + node + " (uid=1000 gid=1000)"), console);
            }
        }
        manager.removeLaunch(launch);

        // Run As on the project: its only main class is found, and its configuration reused
        before = List.of(manager.getLaunches());
        shortcut.launch(new StructuredSelection(project), ILaunchManager.RUN_MODE);
        ILaunch fromProject = DebugLaunches.awaitNew(before, Duration.ofSeconds(60));
        assertNotNull(fromProject, "the shortcut launches the project's main class");
        assertEquals(config, fromProject.getLaunchConfiguration());
        assertTrue(waitFor(fromProject::isTerminated, Duration.ofSeconds(90)), "the launch ends");
        manager.removeLaunch(fromProject);
    }

    /**
     * A cluster file, selected or open in an editor, runs the program configured on it: the toolbar's Run (context
     * launching) with the file's editor active launches the configuration that names the file, and without one makes one for
     * the project's main class and launches it; Run As offers RSM Cluster Application on the file.
     */
    @Test
    void aClusterFileRunsTheProgramConfiguredOnItAndTheShortcutMakesOneWhenThereIsNone() throws Exception {
        RsmProjects.Created created = RsmProjects.create("filerun", RsmProjects.Example.DOORBELL_PING_PONG, 2, null);
        JavaProjects.build();
        assertEquals(List.of(), JavaProjects.errors(created.project()));
        IFile cluster = created.clusterFile();
        List<String> offered = runAs(cluster);
        assertEquals("RSM Cluster Application", offered.isEmpty() ? null : offered.get(0), "Run As on a cluster file: " + offered);
        assertFalse(offered.contains("RSM Cluster Application (detect races)"),
                "one shortcut for context launching on a cluster file: " + offered);

        // the toolbar's Run, the cluster file's editor active; before, it said "The selection cannot be launched, and there
        // are no recent launches."
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IEditorPart editor = IDE.openEditor(page, cluster, "org.eclipse.ui.DefaultTextEditor");
        try {
            page.activate(editor);
            assertEquals(created.launchConfiguration(), runFromTheToolbar().getLaunchConfiguration());

            created.launchConfiguration().delete();
            ILaunchConfiguration made = runFromTheToolbar().getLaunchConfiguration();
            assertEquals("DoorbellPingPong on cluster.rsmcluster", made.getName());
            assertEquals("org.rsmworkbench.examples.DoorbellPingPong",
                    made.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, ""));
            assertEquals("filerun", made.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, ""));
            assertEquals("/filerun/cluster.rsmcluster", made.getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, ""));
            assertEquals(made, runFromTheToolbar().getLaunchConfiguration(), "the second time it is reused");
        } finally {
            page.closeEditor(editor, false);
        }
    }

    /**
     * The launch that the toolbar's Run (Run > Run, Ctrl+F11: the debug UI's RunLastAction, which launches what the active
     * part shows) starts; it is ended and removed. The action itself, not its command: the command's handler exists only
     * while the launch action set shows in the active perspective, which earlier tests change.
     */
    private static ILaunch runFromTheToolbar() throws Exception {
        List<ILaunch> before = List.of(DebugPlugin.getDefault().getLaunchManager().getLaunches());
        RunLastAction run = new RunLastAction();
        run.init(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        try {
            run.run(null);
        } finally {
            run.dispose();
        }
        ILaunch launch = DebugLaunches.awaitNew(before, Duration.ofSeconds(60));
        assertNotNull(launch, "Run launches");
        DebugLaunches.endAndRemove(launch);
        return launch;
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
        JavaProjects.build();
        IProject project = wizard.created().project();
        assertEquals("wizdemo", project.getName());
        assertEquals(List.of(), JavaProjects.errors(project), "the new project compiles");
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
