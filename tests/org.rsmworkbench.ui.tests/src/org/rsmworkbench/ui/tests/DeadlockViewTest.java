// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.NodeThreads;
import org.rsmworkbench.ui.internal.clusters.ClusterView;

/** The Clusters view shows where each process waits, and tells a deadlock in a dialog naming each node's line. */
class DeadlockViewTest {
    /** The line of the node programs' wait. */
    private static final int WAIT_LINE = 60;

    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.start(2);
    private NodeThreads nodes;
    private ClusterView view;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        nodes = new NodeThreads(tc.cluster(), EmulatedClusterExtension.USER);
        RunningClusters.getDefault().addLaunched(tc.cluster(), "deadlock-test");
        view = (ClusterView) Ui.page().showView(ClusterView.ID);
    }

    @AfterEach
    void stop() throws InterruptedException {
        Ui.forgetDialogs();
        Ui.page().hideView(view);
        RunningClusters.getDefault().removeAll();
        nodes.close();
    }

    @Test
    void aDeadlockIsToldOnceAndShownUnderTheProcesses() throws Exception {
        AtomicReference<String> cycleDrawn = new AtomicReference<>();
        AtomicReference<String> told = Ui.whenDialogOpens("Deadlock", shell -> {
            cycleDrawn.set(diagramOf(shell));
            Ui.press(shell, "Close");
        });
        nodes.run(List.of(1, 2), node -> {
            node.connect(node.id() == 1 ? 2 : 1);
            node.mailbox().signalWait(-1);
        });
        Ui.waitUntil(() -> "the deadlock told: " + rows() + nodes.failures(), 10_000, () -> told.get() != null);
        String line1 = "node 1 waits in signalWait on " + nodes.mailbox(1) + " at DeadlockViewTest.java:" + WAIT_LINE
                + " (woken only by node 2)";
        String line2 = "node 2 waits in signalWait on " + nodes.mailbox(2) + " at DeadlockViewTest.java:" + WAIT_LINE
                + " (woken only by node 1)";
        assertTrue(told.get().contains("Nodes 1, 2 of deadlock-test wait for each other"), told.get());
        assertTrue(told.get().contains(line1 + "\n" + line2), told.get());
        assertEquals("node 1 waits for node 2, node 2 waits for node 1", cycleDrawn.get(), "the cycle drawn in the dialog");
        String wait1 = "waits in signalWait on " + nodes.mailbox(1) + " at DeadlockViewTest.java:" + WAIT_LINE
                + ", can be woken by node 2: DEADLOCK";
        Ui.waitUntil(() -> "node 1's wait shown: " + rows(), 5_000, () -> rows().contains(wait1));
        int refreshes = view.refreshes();
        tc.process(1); // a change of the cluster: the view refreshes, the deadlock still there
        Ui.waitUntil("a refresh", 5_000, () -> view.refreshes() > refreshes);
        // dialogs open within the refresh: a second one would be there now
        assertTrue(Arrays.stream(Display.getCurrent().getShells()).noneMatch(s -> s.isVisible() && "Deadlock".equals(s.getText())),
                "told once");
    }

    /** What the dialog's drawing of the cycle shows, in words (its tooltip), or null when it has none. */
    private static String diagramOf(Composite root) {
        for (Control child : root.getChildren()) {
            if (child instanceof Canvas canvas && canvas.getToolTipText() != null) {
                return canvas.getToolTipText();
            }
            if (child instanceof Composite composite && diagramOf(composite) != null) {
                return diagramOf(composite);
            }
        }
        return null;
    }

    private List<String> rows() {
        view.viewer().expandAll();
        return Ui.texts(view.viewer().getTree());
    }
}
