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

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.IConsoleView;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.launching.RsmLaunching;
import org.rsmworkbench.tests.support.DebugLaunches;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.clusters.ClusterView;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.ui.internal.timeline.TimelineView;
import org.rsmworkbench.ui.internal.preferences.Preferences;
import org.rsmworkbench.ui.launching.internal.ExampleProject;
import org.rsmworkbench.ui.launching.internal.FirstRun;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The cheat sheet "Your first simulated cluster" followed step by step on a new workspace, as a user does: the steps
 * with a command run the command the cheat sheet itself runs (read from its file), the steps done by hand use the
 * views as a user does (double-click a segment in the Clusters view; Kill Node, confirmed, and Restart Node from its
 * context menu). Checks what the user should see: the cluster and its mailboxes, the inspector counting, the
 * cluster console's fault lines with their time and source, node 2 greyed as down with its exit status then up
 * again, node 1's console reporting the lost node and taking it back, node 2's new console, and the program
 * running on throughout.
 */
@Timeout(300)
class CheatSheetWalkthroughTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MAILBOX = "segment 0x400100";
    private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    /** A step of the cheat sheet: its title, and the serialized command it runs (null for a step done by hand). */
    private record Step(String title, String command) {
    }

    private ILaunch launch;

    @BeforeEach
    void newWorkspace() throws Exception {
        for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            project.delete(true, true, null);
        }
        FirstRun.forget();
        RsmUiPlugin.getDefault().getPreferenceStore().setToDefault(Preferences.CONFIRM_FAULTS);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (launch != null) {
            DebugLaunches.endAndRemove(launch);
        }
        IWorkbenchPage page = page();
        page.closeAllEditors(false);
        IProject project = ExampleProject.project();
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** The steps of the cheat sheet, from its file in the help bundle. */
    private static List<Step> cheatSheet() throws Exception {
        URL file = Platform.getBundle("org.rsmworkbench.help").getEntry("cheatsheets/first-cluster.xml");
        Document document;
        try (InputStream in = file.openStream()) {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        List<Step> steps = new ArrayList<>();
        NodeList items = document.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            NodeList commands = item.getElementsByTagName("command");
            steps.add(new Step(item.getAttribute("title"),
                    commands.getLength() == 0 ? null : ((Element) commands.item(0)).getAttribute("serialization")));
        }
        return steps;
    }

    /** Runs the step's command as the cheat sheet's "Click to perform" does. */
    private static void perform(Step step) throws Exception {
        assertNotNull(step.command(), "the step \"" + step.title() + "\" has a command");
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(commands.deserialize(step.command()), null);
    }

    /** Waits until the condition holds (see {@link org.rsmworkbench.tests.support.TestUtils#waitFor}), or fails with the state. */
    private static void await(String what, Supplier<String> state, java.util.function.BooleanSupplier condition) {
        assertTrue(waitFor(condition, WAIT), () -> "waited " + WAIT.toSeconds() + " s until " + what + ": " + state.get());
    }

    @Test
    void theCheatSheetOnANewWorkspaceRunsInspectsKillsAndRestartsANodeAndTheProgramGoesOn() throws Exception {
        List<Step> steps = cheatSheet();
        assertEquals(List.of("Open the example project", "Look at the cluster", "Run it on the cluster", "Watch the consoles",
                "Open the Clusters view", "Inspect a segment", "Kill a node", "Restart the node",
                "Travel back in time"), steps.stream().map(Step::title).toList(),
                "the steps this test follows");

        // 1. open the example project: the command makes it on a new workspace
        perform(steps.get(0));
        await("the example project is made", () -> "projects " + Arrays.toString(ResourcesPlugin.getWorkspace().getRoot().getProjects()),
                () -> {
                    try {
                        return ExampleProject.launchConfiguration() != null;
                    } catch (Exception e) {
                        return false;
                    }
                });
        JavaProjects.build();
        assertEquals(List.of(), JavaProjects.errors(ExampleProject.project()), "the example compiles");

        // 2. look at the cluster: its file in the cluster editor
        perform(steps.get(1));
        IEditorPart clusterEditor = page().getActiveEditor();
        assertNotNull(clusterEditor, "an editor opened");
        assertEquals("cluster.rsmcluster", clusterEditor.getEditorInput().getName());

        // 3. run it: the cluster and its four node JVMs
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        perform(steps.get(2));
        await("the example is launched", () -> Arrays.toString(manager.getLaunches()), () -> exampleLaunch(manager) != null);
        launch = exampleLaunch(manager);
        await("the cluster runs", () -> describe(launch), () -> runningExample() != null);
        RunningCluster cluster = runningExample();
        await("every node exports its mailbox and node 1 is connected to all", () -> describe(launch),
                () -> cluster.cluster().state().connections().size() >= 6);

        // 4. the consoles: one per node and the cluster's
        perform(steps.get(3));
        IConsoleView consoles = (IConsoleView) page().findView(IConsoleConstants.ID_CONSOLE_VIEW);
        assertNotNull(consoles, "the Console view is open");
        IProcess clusterProcess = Arrays.stream(launch.getProcesses())
                .filter(p -> RsmLaunching.PROCESS_TYPE_CLUSTER.equals(p.getAttribute(IProcess.ATTR_PROCESS_TYPE))).findFirst().orElseThrow();
        for (IProcess process : launch.getProcesses()) {
            assertNotNull(DebugUITools.getConsole(process), "a console for " + process.getLabel());
        }

        // 5. the Clusters view shows the running cluster
        perform(steps.get(4));
        IViewPart clustersPart = page().findView(ClusterView.ID);
        assertNotNull(clustersPart, "the Clusters view is open");
        ClusterView clusters = (ClusterView) clustersPart;
        await("the Clusters view shows node 1 up", () -> rows(clusters).toString(), () -> rows(clusters).contains("node 1 (node1) up"));

        // 6. inspect a segment: node 1 > Exports > segment 0x400100, double-clicked
        await("the Clusters view shows node 1's mailbox", () -> rows(clusters).toString(), () -> exportOfNode1(clusters) != null);
        TreeItem mailbox = exportOfNode1(clusters);
        clusters.viewer().setSelection(new StructuredSelection(mailbox.getData()));
        Event doubleClick = new Event();
        doubleClick.item = mailbox;
        clusters.viewer().getTree().notifyListeners(SWT.DefaultSelection, doubleClick);
        assertTrue(page().getActiveEditor() instanceof SegmentInspector, "the inspector opened: " + page().getActiveEditor());
        SegmentInspector inspector = (SegmentInspector) page().getActiveEditor();
        assertEquals(1, inspector.ref().node());
        assertEquals(0x400100, inspector.ref().segmentId());
        String node2Slot = slot(inspector, 2);
        await("node 2's slot counts in the inspector", () -> slot(inspector, 2), () -> !slot(inspector, 2).equals(node2Slot));

        // 7. kill node 2 from the Clusters view, confirming
        String[] asked = new String[1];
        answerConfirmation(asked, "Kill node 2");
        chooseOnNode(clusters, 2, "Kill Node");
        await("Kill Node asks first", () -> "no question; cluster console: " + text(DebugUITools.getConsole(clusterProcess)),
                () -> asked[0] != null);
        assertTrue(asked[0].matches("(?s)Kill node 2 in rsm-example DoorbellPingPong #\\d+ \\(\\d\\d:\\d\\d:\\d\\d\\)\\?.*"), asked[0]);
        IConsole clusterConsole = DebugUITools.getConsole(clusterProcess);
        await("node 2 greyed, with its exit status", () -> rows(clusters) + "; asked: " + asked[0] + "; cluster console: "
                + text(clusterConsole),
                () -> rows(clusters).contains("node 2 (node2) DOWN, program exited with status 137 (killed)"));
        assertEquals(Display.getCurrent().getSystemColor(ClusterView.DOWN_COLOR), node(clusters, 2).getForeground(0), "greyed");
        consoles = (IConsoleView) page().showView(IConsoleConstants.ID_CONSOLE_VIEW);
        consoles.display(clusterConsole);
        assertEquals(clusterConsole, consoles.getConsole(), "the cluster's console is shown");
        await("the cluster console logs the fault and the exit status", () -> text(clusterConsole),
                () -> hasTimedLine(text(clusterConsole), "kill node 2 (Clusters view)")
                        && text(clusterConsole).contains("node 2 exited with status 137 (killed)"));
        IProcess pinger = nodeProcess(1);
        await("node 1 reports the lost node", () -> text(DebugUITools.getConsole(pinger)),
                () -> text(DebugUITools.getConsole(pinger)).lines().anyMatch(l -> l.matches("lost node 2 in round \\d+ .*node 2 is down.*"
                        + "going on with nodes \\[3, 4\\]")));
        String node3Slot = slot(inspector, 3);
        String node2Down = slot(inspector, 2);
        await("node 3's slot counts on without node 2", () -> slot(inspector, 3), () -> !slot(inspector, 3).equals(node3Slot));
        assertEquals(node2Down, slot(inspector, 2), "node 2's slot stands still");
        assertFalse(launch.isTerminated(), "the program goes on: " + describe(launch));

        // 8. restart node 2: its program runs again and rejoins
        IProcess killed = nodeProcess(2);
        chooseOnNode(clusters, 2, "Restart Node");
        await("a new JVM runs node 2's program", () -> describe(launch), () -> nodeProcess(2) != killed);
        IProcess restarted = nodeProcess(2);
        assertEquals("node 2 (uid=1000 gid=1000), restarted", restarted.getLabel());
        await("node 2 shown up again", () -> rows(clusters).toString(),
                () -> rows(clusters).stream().anyMatch(r -> r.startsWith("node 2 (node2) up, program started again (pid ")));
        assertTrue(node(clusters, 2).getForeground(0) != Display.getCurrent().getSystemColor(ClusterView.DOWN_COLOR), "not greyed");
        await("the cluster console logs the restart", () -> text(clusterConsole),
                () -> hasTimedLine(text(clusterConsole), "restart node 2 (Clusters view)")
                        && text(clusterConsole).lines().anyMatch(l -> TIME.matcher(l).lookingAt()
                                && l.matches(".* node 2: its program is started again \\(pid \\d+\\)")));
        await("node 2 rejoins", () -> text(DebugUITools.getConsole(restarted)),
                () -> text(DebugUITools.getConsole(restarted)).contains("joined in round "));
        await("node 1 takes node 2 back", () -> text(DebugUITools.getConsole(pinger)),
                () -> text(DebugUITools.getConsole(pinger)).lines().anyMatch(l -> l.matches("node 2 is back in round \\d+; going on with nodes \\[2, 3, 4\\]")));
        String node2Back = slot(inspector, 2);
        await("node 2's slot counts again", () -> slot(inspector, 2), () -> !slot(inspector, 2).equals(node2Back));
        assertFalse(launch.isTerminated(), "ten million rounds: the program still runs, every node in it: " + describe(launch));
        for (IProcess process : launch.getProcesses()) {
            if (process != killed) {
                assertFalse(process.isTerminated(), process.getLabel() + " runs: " + describe(launch));
            }
        }

        // 9. travel back in time: the run's recording in the Timeline; a search for the mailbox moves the inspector
        perform(steps.get(8));
        TimelineView timeline = (TimelineView) page().findView(TimelineView.ID);
        assertNotNull(timeline, "the Timeline view is open");
        Path recording = cluster.recording().orElseThrow();
        await("the timeline shows the run's recording", () -> String.valueOf(timeline.recordingFolder()),
                () -> recording.equals(timeline.recordingFolder()) && timeline.model() != null && timeline.model().shownEvents() > 0);
        assertTrue(timeline.following(), "it follows the run");
        timeline.searchField().setText("1:0x400100");
        Event enter = new Event();
        enter.keyCode = SWT.CR;
        enter.character = '\r';
        timeline.searchField().notifyListeners(SWT.KeyDown, enter); // Enter in the search field, as the cheat sheet says
        await("the inspector shows the mailbox at the first call on it", () -> inspector.message(), () -> inspector.instant() != null);
        assertEquals("1:0x400100", inspector.instant().event().segment());
        assertTrue(inspector.message().startsWith("The segment at "), inspector.message());
        Ui.all(inspector.viewer().getTable().getParent().getParent().getParent()).stream()
                .filter(c -> c instanceof Button b && "Live".equals(b.getText())).findFirst().orElseThrow()
                .notifyListeners(SWT.Selection, new Event());
        assertNull(inspector.instant(), "live again");
    }

    private static RunningCluster runningExample() {
        return RunningClusters.getDefault().clusters().stream().filter(c -> c.label().startsWith("rsm-example DoorbellPingPong #")).findFirst()
                .orElse(null);
    }

    private static ILaunch exampleLaunch(ILaunchManager manager) {
        return Arrays.stream(manager.getLaunches()).filter(l -> l.getLaunchConfiguration() != null
                && l.getLaunchConfiguration().getName().equals("rsm-example DoorbellPingPong")).findFirst().orElse(null);
    }

    /** Answers the next confirmation of a fault by pressing {@code button}; {@code asked[0]} gets what it said. */
    private static void answerConfirmation(String[] asked, String button) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        display.timerExec(50, new Runnable() {
            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if (FaultActions.CONFIRM_TITLE.equals(shell.getText()) && shell.isVisible()) {
                        asked[0] = Ui.all(shell).stream().filter(org.eclipse.swt.widgets.Label.class::isInstance)
                                .map(c -> ((org.eclipse.swt.widgets.Label) c).getText()).reduce("", (a, b) -> a + b + "\n");
                        Ui.button(shell, button).notifyListeners(SWT.Selection, new Event());
                        return;
                    }
                }
                if (System.currentTimeMillis() < deadline) {
                    display.timerExec(50, this);
                }
            }
        });
    }

    /**
     * Right-clicks node {@code id} in the Clusters view and chooses {@code item}. The click activates the view, as it
     * does for a user: the view's commands have their handlers while it is the active part.
     */
    private static void chooseOnNode(ClusterView clusters, int id, String item) {
        page().activate(clusters);
        TreeViewer viewer = clusters.viewer();
        viewer.setSelection(new StructuredSelection(node(clusters, id).getData()));
        Menu menu = viewer.getControl().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        MenuItem chosen = Arrays.stream(menu.getItems()).filter(m -> item.equals(m.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + item + "\" in the context menu"));
        assertTrue(chosen.isEnabled(), item + " is enabled");
        chosen.notifyListeners(SWT.Selection, new Event());
        menu.notifyListeners(SWT.Hide, new Event());
    }

    private static TreeItem node(ClusterView clusters, int id) {
        clusters.viewer().expandAll();
        for (TreeItem cluster : clusters.viewer().getTree().getItems()) {
            for (TreeItem row : cluster.getItems()) {
                if (row.getData() instanceof ClusterTree.NodeItem node && node.node().id() == id) {
                    return row;
                }
            }
        }
        throw new AssertionError("no node " + id + " in " + rows(clusters));
    }

    /** The row of node 1 > Exports > segment 0x400100, or null. */
    private static TreeItem exportOfNode1(ClusterView clusters) {
        for (TreeItem group : node(clusters, 1).getItems()) {
            if (group.getText().startsWith("Exports")) {
                for (TreeItem export : group.getItems()) {
                    if (export.getText().startsWith(MAILBOX)) {
                        return export;
                    }
                }
            }
        }
        return null;
    }

    private static List<String> rows(ClusterView clusters) {
        clusters.viewer().expandAll();
        List<String> rows = new ArrayList<>();
        for (TreeItem cluster : clusters.viewer().getTree().getItems()) {
            rows.add(cluster.getText());
            for (TreeItem node : cluster.getItems()) {
                rows.add(node.getText());
            }
        }
        return rows;
    }

    /** The hex bytes that the inspector shows for node N's slot of the mailbox (8 bytes at 8 * N). */
    private static String slot(SegmentInspector inspector, int node) {
        int offset = 8 * node;
        int perRow = inspector.bytesPerRow(); // the width decides ("Fit"), a multiple of 8
        TableItem row = inspector.viewer().getTable().getItem(offset / perRow);
        StringBuilder bytes = new StringBuilder();
        for (int column = 1 + offset % perRow; column < 1 + offset % perRow + 8; column++) {
            bytes.append(row.getText(column));
        }
        return bytes.toString();
    }

    private IProcess nodeProcess(int node) {
        IProcess last = null;
        for (IProcess process : launch.getProcesses()) {
            if (Integer.toString(node).equals(process.getAttribute(RsmLaunching.PROCESS_ATTR_NODE))) {
                last = process;
            }
        }
        return last;
    }

    private static String text(IConsole console) {
        return console instanceof TextConsole text ? text.getDocument().get() : "(not a text console: " + console + ")";
    }

    private static boolean hasTimedLine(String text, String afterTime) {
        return text.lines().anyMatch(l -> TIME.matcher(l).lookingAt() && l.substring(13).equals(afterTime));
    }

    private static String describe(ILaunch launch) {
        StringBuilder text = new StringBuilder();
        for (IProcess process : launch.getProcesses()) {
            text.append("\n== ").append(process.getLabel()).append(process.isTerminated() ? " (terminated)" : "").append('\n')
                    .append(process.getStreamsProxy().getOutputStreamMonitor().getContents())
                    .append(process.getStreamsProxy().getErrorStreamMonitor().getContents());
        }
        return text.toString();
    }
}
