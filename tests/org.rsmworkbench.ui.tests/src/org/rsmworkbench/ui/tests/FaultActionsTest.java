// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.clusters.ClusterView;
import org.rsmworkbench.ui.internal.preferences.Preferences;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * Faults from the Clusters view: Kill Node asks first (once, with "Do not ask again"), every fault reaches the
 * cluster's console with the view as its source, and a killed node stays in the tree, greyed with its program's exit
 * status, until Restart Node brings it back.
 */
class FaultActionsTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RunningCluster entry;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private ClusterView view;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        RsmUiPlugin.getDefault().getPreferenceStore().setToDefault(Preferences.CONFIRM_FAULTS);
        entry = RunningClusters.getDefault().addLaunched(tc.cluster(), "faults-test", new FaultInjector(tc.cluster(), console::add));
        view = (ClusterView) Ui.page().showView(ClusterView.ID);
        // the view may still show the previous test's cluster of the same name for a poll
        Ui.waitUntil("the cluster shows", 5000, () -> node(2) != null && ((ClusterTree.NodeItem) node(2).getData()).cluster() == entry);
    }

    @AfterEach
    void stop() {
        Ui.forgetDialogs();
        Ui.page().hideView(view);
        RunningClusters.getDefault().removeAll();
        RsmUiPlugin.getDefault().getPreferenceStore().setToDefault(Preferences.CONFIRM_FAULTS);
    }

    /** The row of a node, or null. */
    private TreeItem node(int id) {
        view.viewer().expandAll();
        for (TreeItem clusterRow : view.viewer().getTree().getItems()) {
            for (TreeItem row : clusterRow.getItems()) {
                if (row.getData() instanceof ClusterTree.NodeItem item && item.node().id() == id) {
                    return row;
                }
            }
        }
        return null;
    }

    private void chooseOnNode(int id, String menuItem) {
        view.viewer().setSelection(new StructuredSelection(node(id).getData()));
        Ui.chooseFromContextMenu(view.viewer().getControl(), menuItem);
    }

    private boolean up(int id) {
        return tc.cluster().state().nodes().get(id - 1).up();
    }

    @Test
    void terminateClusterStopsTheWholeLaunchOfTheSelectedNodesCluster() {
        view.viewer().setSelection(new StructuredSelection(node(2).getData()));
        assertTrue(Ui.contextMenuItems(view.viewer().getControl()).contains("Terminate Cluster [disabled]"),
                "a cluster whose launch did not say how to stop it: " + Ui.contextMenuItems(view.viewer().getControl()));
        AtomicInteger terminated = new AtomicInteger();
        entry.terminatedBy(terminated::incrementAndGet);
        chooseOnNode(2, "Terminate Cluster");
        Ui.waitUntil("Terminate Cluster runs in a job", 5000, () -> terminated.get() > 0);
        assertEquals(1, terminated.get(), "its launch is terminated whole, not only node 2");
    }

    @Test
    void killNodeAsksFirstAndDoNotAskAgainStopsTheQuestion() {
        assertTrue(RsmUiPlugin.getDefault().getPreferenceStore().getDefaultBoolean(Preferences.CONFIRM_FAULTS), "asking is the default");
        AtomicReference<String> asked = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Cancel"));
        chooseOnNode(2, "Kill Node");
        Ui.waitUntil(() -> "Kill Node asks first; node 2 up " + up(2) + ", console " + console, 5000, () -> asked.get() != null);
        assertTrue(asked.get().startsWith("Kill node 2 in faults-test?"), asked.get());
        assertTrue(asked.get().contains("exit status 137"), asked.get());
        assertTrue(asked.get().contains(FaultActions.DO_NOT_ASK), asked.get());
        assertTrue(up(2), "cancelled: node 2 runs on");
        assertEquals(List.of(), console);

        AtomicReference<String> confirmed = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> {
            Ui.press(shell, FaultActions.DO_NOT_ASK);
            Ui.press(shell, "Kill node 2");
        });
        chooseOnNode(2, "Kill Node");
        Ui.waitUntil(() -> "confirmed: node 2 is down and that is logged: " + console, 5000,
                () -> confirmed.get() != null && !up(2) && console.size() == 1);
        assertTrue(console.getFirst().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} kill node 2 \\(Clusters view\\)"), console.toString());
        assertFalse(RsmUiPlugin.getDefault().getPreferenceStore().getBoolean(Preferences.CONFIRM_FAULTS), "not asked again");

        Ui.waitUntil("node 2 shown down", 5000, () -> node(2).getText().contains("DOWN"));
        AtomicReference<String> notAsked = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Cancel"));
        chooseOnNode(2, "Restart Node");
        Ui.waitUntil("Restart Node brings node 2 up", 5000, () -> up(2));
        Ui.waitUntil("node 2 shown up", 5000, () -> node(2).getText().contains(" up"));
        chooseOnNode(2, "Kill Node");
        Ui.waitUntil(() -> "node 2 killed again and logged: " + console, 5000, () -> !up(2) && console.size() == 3);
        assertNull(notAsked.get(), "no question the second time, none for Restart Node");
        assertTrue(console.get(1).endsWith(" restart node 2 (Clusters view)"), console.toString());
    }

    @Test
    void aKilledNodeIsGreyedWithItsExitStatusUntilItIsRestarted() {
        RsmUiPlugin.getDefault().getPreferenceStore().setValue(Preferences.CONFIRM_FAULTS, false);
        entry.programs().started(2, 4242);
        Color normal = node(2).getForeground(0);
        Color grey = view.viewer().getControl().getDisplay().getSystemColor(ClusterView.DOWN_COLOR);
        assertNotEquals(grey, normal);

        chooseOnNode(2, "Kill Node");
        Ui.waitUntil("node 2 killed", 5000, () -> !up(2));
        entry.programs().exited(2, 4242, 137); // what the launch reports when the node's JVM has ended
        Ui.waitUntil(() -> "node 2 greyed with its exit status: " + node(2).getText(), 5000,
                () -> node(2).getText().equals("node 2 (node2) DOWN, program exited with status 137 (killed)"));
        assertEquals(grey, node(2).getForeground(0));
        assertEquals(normal, node(1).getForeground(0), "node 1 runs on");

        chooseOnNode(2, "Restart Node");
        Ui.waitUntil("node 2 restarted", 5000, () -> up(2));
        entry.programs().started(2, 4343);
        Ui.waitUntil(() -> "node 2 back: " + node(2).getText(), 5000,
                () -> node(2).getText().equals("node 2 (node2) up, program started again (pid 4343)"));
        assertEquals(normal, node(2).getForeground(0));
    }

    /**
     * While its cluster stops (Terminate Cluster takes every node down before their JVMs end), a node is shown stopping and
     * cannot be restarted: a restart would start its program in a cluster whose nodes are ending.
     */
    @Test
    void aNodeOfAStoppingClusterIsNotRestarted() {
        tc.cluster().stopNodes();
        Ui.waitUntil(() -> "node 2 shown stopping: " + node(2).getText(), 5000, () -> node(2).getText().equals("node 2 (node2) stopping"));
        view.viewer().setSelection(new StructuredSelection(node(2).getData()));
        List<String> items = Ui.contextMenuItems(view.viewer().getControl());
        assertTrue(items.contains("Restart Node [disabled]"), items.toString());
    }

    @Test
    void aFaultIsInjectedOffTheUiThread() {
        RsmUiPlugin.getDefault().getPreferenceStore().setValue(Preferences.CONFIRM_FAULTS, false);
        // a kill waits for the importers' JVMs to cut their mappings (seconds for one a debugger holds suspended)
        CountDownLatch importersCut = new CountDownLatch(1);
        RunningClusters.getDefault().removeAll();
        RunningCluster slow = RunningClusters.getDefault().addLaunched(tc.cluster(), "slow-faults", new FaultInjector(tc.cluster(), line -> {
            try {
                importersCut.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            console.add(line);
        }));
        Ui.waitUntil("the new entry shows", 5000, () -> node(2) != null && ((ClusterTree.NodeItem) node(2).getData()).cluster() == slow);

        chooseOnNode(2, "Kill Node");
        assertTrue(console.isEmpty(), "the menu returned before the fault was through: the UI thread did not wait");
        importersCut.countDown();
        Ui.waitUntil(() -> "then the fault is applied and logged: " + console, 5000, () -> !up(2) && console.size() == 1);
    }
}
