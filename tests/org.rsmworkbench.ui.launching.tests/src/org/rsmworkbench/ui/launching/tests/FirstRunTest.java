// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import org.rsmworkbench.tests.support.JavaProjects;

import static org.rsmworkbench.tests.support.TestUtils.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.Form;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.emulator.ClusterState;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.TraceEvent;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.ui.launching.internal.ExampleProject;
import org.rsmworkbench.ui.launching.internal.ExampleProjectJob;
import org.rsmworkbench.ui.launching.internal.FirstRun;

/**
 * The product's first start on a workspace ({@link FirstRun}): on an empty workspace it makes the example project,
 * its cluster file and its launch configuration, shows the RSM perspective with the configuration selected and the
 * cheat sheet; it does that once per workspace; a failure is a clear error; the configuration runs the cluster.
 */
class FirstRunTest {
    static final String CHEAT_SHEET_VIEW = "org.eclipse.ui.cheatsheets.views.CheatSheetView";
    /** The mailbox segment that every node of the doorbell ping-pong exports. */
    static final int MAILBOX = 0x400100;

    private String perspectiveBefore;
    private Rectangle windowBefore;

    @BeforeEach
    void emptyWorkspaceNeverSetUp() throws Exception {
        IWorkbenchPage page = page();
        perspectiveBefore = page.getPerspective() != null ? page.getPerspective().getId() : null;
        windowBefore = page.getWorkbenchWindow().getShell().getBounds();
        for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            project.delete(true, true, null);
        }
        FirstRun.forget();
        assertFalse(FirstRun.isDone());
    }

    @AfterEach
    void restore() throws Exception {
        IWorkbenchPage page = page();
        IViewPart cheatSheet = page.findView(CHEAT_SHEET_VIEW);
        if (cheatSheet != null) {
            page.hideView(cheatSheet);
        }
        if (perspectiveBefore != null) {
            PlatformUI.getWorkbench().showPerspective(perspectiveBefore, page.getWorkbenchWindow());
        }
        page.getWorkbenchWindow().getShell().setBounds(windowBefore);
        IProject project = ExampleProject.project();
        if (project.exists()) {
            project.delete(true, true, null);
        }
        Files.deleteIfExists(workspaceFolder().resolve("src"));
        Files.deleteIfExists(workspaceFolder());
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static Path workspaceFolder() {
        return ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath().resolve(ExampleProject.NAME);
    }

    /** Waits for the job while dispatching UI events (the job shows its result through the UI thread). */
    private static void await(Job job) {
        assertTrue(waitFor(() -> job.getResult() != null, Duration.ofSeconds(60)), "the set-up job ends");
    }

    @Test
    void theFirstStartOnAnEmptyWorkspaceMakesTheExampleShowsItInTheRsmPerspectiveAndOpensTheCheatSheet() throws Exception {
        Shell window = page().getWorkbenchWindow().getShell();
        window.setBounds(0, 0, 1018, 740); // the IDE's window on a new workspace
        ExampleProjectJob job = FirstRun.start(PlatformUI.getWorkbench());
        assertNotNull(job, "an empty workspace that was never set up gets the example");
        assertTrue(FirstRun.isDone(), "the decision is recorded at once");
        await(job);
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());

        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("rsm-example");
        assertTrue(project.isOpen());
        assertTrue(project.getFile("src/org/rsmworkbench/examples/DoorbellPingPong.java").exists());
        IFile clusterFile = project.getFile("cluster.rsmcluster");
        assertTrue(clusterFile.exists(), "the .rsmcluster file");
        assertEquals(4, ClusterFiles.load(clusterFile.getLocation().toPath()).getNodes().size());

        // the launch configuration, as the launch manager sees it
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        List<ILaunchConfiguration> inProject = Arrays.stream(manager.getLaunchConfigurations(
                manager.getLaunchConfigurationType(RsmLaunching.LAUNCH_CONFIGURATION_TYPE)))
                .filter(c -> c.getFile() != null && c.getFile().getProject().equals(project)).toList();
        assertEquals(1, inProject.size(), inProject.toString());
        ILaunchConfiguration configuration = inProject.getFirst();
        assertEquals("rsm-example DoorbellPingPong", configuration.getName());
        assertEquals(configuration, ExampleProject.launchConfiguration());
        assertEquals("org.rsmworkbench.examples.DoorbellPingPong",
                configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, ""));
        assertEquals("rsm-example", configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, ""));
        assertEquals("/rsm-example/cluster.rsmcluster", configuration.getAttribute(RsmLaunching.ATTR_CLUSTER_FILE, ""));
        assertEquals("10000000", configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, ""));
        assertTrue(configuration.getAttribute(RsmLaunching.ATTR_RECORD, false), "the example's runs are recorded");
        assertEquals(16, configuration.getAttribute(RsmLaunching.ATTR_RECORD_LIMIT_MIB, 0));
        assertEquals("ring", configuration.getAttribute(RsmLaunching.ATTR_RECORD_AT_LIMIT, "stop"), "keeps the last events of a long run");
        assertEquals(List.of(IDebugUIConstants.ID_RUN_LAUNCH_GROUP, IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP),
                configuration.getAttribute(IDebugUIConstants.ATTR_FAVORITE_GROUPS, List.of()), "a Run and Debug favorite");
        for (String group : List.of(IDebugUIConstants.ID_RUN_LAUNCH_GROUP, IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP)) {
            List<ILaunchConfiguration> favorites = favorites(group);
            assertTrue(favorites.contains(configuration), group + ": " + favorites);
        }

        // shown: RSM perspective, the configuration selected in the Project Explorer, the cheat sheet
        IWorkbenchPage page = page();
        assertTrue(waitFor(() -> page.getPerspective() != null && "org.rsmworkbench.ui.perspective".equals(page.getPerspective().getId())
                && page.findView(IPageLayout.ID_PROJECT_EXPLORER) != null, Duration.ofSeconds(20)),
                "the RSM perspective with the Project Explorer: " + page.getPerspective().getId());
        IViewPart explorer = page.findView(IPageLayout.ID_PROJECT_EXPLORER);
        assertTrue(waitFor(() -> explorer.getSite().getSelectionProvider().getSelection() instanceof IStructuredSelection s
                && configuration.getFile().equals(s.getFirstElement()), Duration.ofSeconds(20)),
                "the launch configuration is selected: " + explorer.getSite().getSelectionProvider().getSelection());
        assertEquals(explorer, page.getActivePart(), "the explorer is active: its selection is what the Run button launches");
        IViewReference cheatSheet = page.findViewReference(CHEAT_SHEET_VIEW);
        assertNotNull(cheatSheet, "the cheat sheet view is open");
        assertNotNull(cheatSheet.getPart(true));
        Control shell = page.getWorkbenchWindow().getShell();
        assertTrue(waitFor(() -> texts(shell).contains("Your first simulated cluster"), Duration.ofSeconds(10)),
                "the cheat sheet shows \"Your first simulated cluster\": " + texts(shell));

        // the window the RSM perspective is laid out for, on this screen
        Rectangle screen = window.getMonitor().getClientArea();
        Rectangle expected = new Rectangle(0, 0, Math.min(1280, screen.width), Math.min(800, screen.height));
        assertTrue(waitFor(() -> window.getSize().x == expected.width && window.getSize().y == expected.height,
                Duration.ofSeconds(10)), "the window is enlarged to " + expected + " on " + screen + ": " + window.getBounds());
    }

    @Test
    void theFirstWindowIsAsLargeAsTheLayoutIsMadeForOrTheScreen() {
        Rectangle newWorkspaceWindow = new Rectangle(0, 0, 1018, 740);
        assertEquals(new Rectangle(0, 0, 1280, 800), FirstRun.firstWindowBounds(newWorkspaceWindow, new Rectangle(0, 0, 1280, 800)));
        assertEquals(new Rectangle(320, 140, 1280, 800),
                FirstRun.firstWindowBounds(newWorkspaceWindow, new Rectangle(0, 0, 1920, 1080)), "centred on a larger screen");
        assertEquals(new Rectangle(2560, 336, 1280, 800),
                FirstRun.firstWindowBounds(newWorkspaceWindow, new Rectangle(1920, 32, 2560, 1408)), "on a second monitor, below a panel");
        assertEquals(new Rectangle(0, 0, 1024, 600), FirstRun.firstWindowBounds(newWorkspaceWindow, new Rectangle(0, 0, 1024, 600)),
                "no larger than a small screen");
        assertEquals(new Rectangle(260, 140, 1400, 800),
                FirstRun.firstWindowBounds(new Rectangle(0, 0, 1400, 700), new Rectangle(0, 0, 1920, 1080)), "only what is short grows");
        assertNull(FirstRun.firstWindowBounds(new Rectangle(100, 50, 1600, 900), new Rectangle(0, 0, 1920, 1080)),
                "a window large enough stays as it is");
    }

    @Test
    void aWorkspaceIsSetUpOnceNeverAgainAfterTheExampleIsDeletedAndNeverWhenItHasProjects() throws Exception {
        ExampleProjectJob first = FirstRun.start(null);
        assertNotNull(first);
        await(first);
        assertTrue(ExampleProject.project().exists());

        assertNull(FirstRun.start(null), "a second start does nothing");
        ExampleProject.project().delete(true, true, null);
        assertEquals(0, ResourcesPlugin.getWorkspace().getRoot().getProjects().length);
        assertNull(FirstRun.start(null), "after the user deleted the example, an empty workspace stays empty");
        assertFalse(ExampleProject.project().exists());

        // a workspace whose first start finds a project of the user's
        FirstRun.forget();
        IProject mine = ResourcesPlugin.getWorkspace().getRoot().getProject("mine");
        mine.create(null);
        mine.open(null);
        assertNull(FirstRun.start(null), "a workspace with projects gets no example");
        assertTrue(FirstRun.isDone());
        mine.delete(true, true, null);
        assertNull(FirstRun.start(null), "nor later, once it is empty");
        assertFalse(ExampleProject.project().exists());
    }

    @Test
    void outsideTheProductTheStartupDoesNothing() throws Exception {
        assertFalse(FirstRun.isProduct(), "the tests do not run the RSM Workbench product: " + org.eclipse.core.runtime.Platform.getProduct());
        new FirstRun().earlyStartup();
        assertFalse(FirstRun.isDone(), "not even the decision is recorded");
        assertFalse(ExampleProject.project().exists());
    }

    @Test
    void aSetUpThatFailsEndsWithAClearError() throws Exception {
        // a folder of that name is in the way on disk
        Files.createDirectories(workspaceFolder().resolve("src"));
        IStatus status = new ExampleProjectJob(null, false).runInWorkspace(new NullProgressMonitor());
        assertEquals(IStatus.ERROR, status.getSeverity());
        assertTrue(status.getMessage().startsWith("The RSM example project rsm-example could not be set up: Resource '/rsm-example/src' already exists."),
                status.getMessage());
        assertTrue(status.getMessage().contains("File > New > Other... > RSM Workbench > RSM Project"), status.getMessage());
        assertEquals(1, status.getChildren().length, "the cause is attached");
        assertFalse(ExampleProject.project().exists(), "no half-made project is left");
        assertTrue(Files.isDirectory(workspaceFolder().resolve("src")), "what was on disk before stays");
    }

    @Test
    void theCheatSheetCommandsOpenAndRunTheExampleAndTheClusterExportsItsSegments() throws Exception {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        // without a first start: "Open the RSM Example Project" makes it
        ParameterizedCommand open = commands.deserialize("org.rsmworkbench.ui.launching.openExample");
        handlers.executeCommand(open, null);
        assertTrue(waitFor(() -> {
            try {
                return ExampleProject.launchConfiguration() != null;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(60)), "the command makes the example project");
        JavaProjects.build();
        assertEquals(List.of(), JavaProjects.errors(ExampleProject.project()), "the example compiles");
        ILaunchConfiguration configuration = ExampleProject.launchConfiguration();

        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        int before = manager.getLaunches().length;
        handlers.executeCommand(commands.deserialize("org.rsmworkbench.ui.launching.runExample"), null);
        assertTrue(waitFor(() -> manager.getLaunches().length > before, Duration.ofSeconds(30)), "the command launches");
        ILaunch launch = Arrays.stream(manager.getLaunches()).filter(l -> configuration.equals(l.getLaunchConfiguration())).findFirst()
                .orElseThrow();
        try {
            RunningCluster[] cluster = new RunningCluster[1];
            assertTrue(waitFor(() -> (cluster[0] = RunningClusters.getDefault().clusters().stream()
                    .filter(c -> c.label().startsWith(configuration.getName() + " #")).findFirst().orElse(null)) != null, Duration.ofSeconds(30)),
                    "the cluster is running (the Clusters view lists the running clusters)");
            assertTrue(waitFor(() -> mailboxes(cluster[0].cluster().state()) == 4, Duration.ofSeconds(60)),
                    "every node exports its mailbox: " + cluster[0].cluster().state().segments());
            assertTrue(waitFor(() -> cluster[0].cluster().state().connections().size() >= 6, Duration.ofSeconds(30)),
                    "node 1 imports every other mailbox and each other node imports node 1's");
            assertFalse(launch.isTerminated(), "ten million rounds take a while: time to look inside");
        } finally {
            launch.terminate();
            assertTrue(waitFor(launch::isTerminated, Duration.ofSeconds(30)));
            manager.removeLaunch(launch);
        }
        // the run was recorded into the project, which shows it once the cluster has stopped
        IFolder recordings = ExampleProject.project().getFolder("recordings");
        assertTrue(waitFor(() -> {
            try {
                return recordings.exists() && recordings.members().length == 1;
            } catch (CoreException e) {
                return false;
            }
        }, Duration.ofSeconds(30)), "the run's recording shows in the project");
        Recording recording = Recording.open(recordings.members()[0].getLocation().toPath());
        assertEquals(Set.of(1, 2, 3, 4), recording.events().stream().filter(e -> e.kind() == EventKind.LIBRARY_OPEN)
                .map(TraceEvent::node).collect(Collectors.toSet()), "every node's calls are in it");
    }

    private static long mailboxes(ClusterState state) {
        return state.segments().stream().filter(s -> s.segmentId() == MAILBOX && s.published()).count();
    }

    /** The texts of the labels, sections and form titles under a control (what a cheat sheet view shows). */
    static List<String> texts(Control root) {
        List<String> texts = new ArrayList<>();
        for (Control control : Ui.all(root)) {
            if (control instanceof Form form && form.getText() != null) {
                texts.add(form.getText());
            } else if (control instanceof ExpandableComposite section && section.getText() != null) {
                texts.add(section.getText());
            }
        }
        return texts;
    }

    /**
     * The favorites of a launch group's history: what the toolbar's Run or Debug drop-down menu lists first. No
     * public API reads them, hence the one access to Debug UI internals.
     */
    @SuppressWarnings("restriction")
    private static List<ILaunchConfiguration> favorites(String group) {
        return Arrays.asList(org.eclipse.debug.internal.ui.DebugUIPlugin.getDefault().getLaunchConfigurationManager()
                .getLaunchHistory(group).getFavorites());
    }
}
