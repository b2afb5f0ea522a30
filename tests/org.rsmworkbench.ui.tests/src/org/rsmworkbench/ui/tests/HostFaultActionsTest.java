// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.emulator.launch.HostFaultInjector;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.ui.internal.FaultActions;
import org.rsmworkbench.ui.internal.RsmUiPlugin;
import org.rsmworkbench.ui.internal.clusters.ClusterView;
import org.rsmworkbench.ui.internal.preferences.Preferences;

/**
 * Faults of the hosts of a launch across hosts from the Clusters view's context menu: Kill Host, Cut Link Between Hosts
 * and Restore Link Between Hosts appear only for such a launch, ask first as Kill Node does, and are injected by the
 * launch's host fault injector, logged on the cluster's console with the view as the source. The launch is faked by an
 * emulated cluster with a real injector over a hosts file whose prefix is {@code true} (a route command "works" without
 * changing routes) and a {@code sleep} process as node 3's JVM.
 */
class HostFaultActionsTest {
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    @TempDir
    Path folder;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private RunningCluster entry;
    private ClusterView view;
    private Process node3;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        RsmUiPlugin.getDefault().getPreferenceStore().setToDefault(Preferences.CONFIRM_FAULTS);
        node3 = new ProcessBuilder("sleep", "60").start();
        entry = RunningClusters.getDefault().addLaunched(tc.cluster(), "hosts-test", new FaultInjector(tc.cluster(), console::add));
        view = (ClusterView) Ui.page().showView(ClusterView.ID);
        Ui.waitUntil("the cluster shows", 5000, () -> clusterRow() != null && ((ClusterTree.ClusterItem) clusterRow().getData()).cluster() == entry);
        view.viewer().setSelection(new StructuredSelection(clusterRow().getData()));
    }

    @AfterEach
    void stop() {
        node3.destroyForcibly();
        Ui.forgetDialogs();
        Ui.page().hideView(view);
        RunningClusters.getDefault().removeAll();
        RsmUiPlugin.getDefault().getPreferenceStore().setToDefault(Preferences.CONFIRM_FAULTS);
    }

    private TreeItem clusterRow() {
        TreeItem[] rows = view.viewer().getTree().getItems();
        return rows.length == 1 ? rows[0] : null;
    }

    private void launchAcrossHosts() throws Exception {
        Path hosts = Files.writeString(folder.resolve("hosts"), """
                host alpha nodes=1,2 run="true" address=10.9.0.1
                host beta nodes=3 run="true" address=10.9.0.2
                host gamma nodes=4 run="true"
                """);
        entry.acrossHosts(new HostFaultInjector(HostsFile.read(hosts), null, () -> Map.of(3, node3), new FaultInjector(tc.cluster(),
                console::add)::timed, console::add, "Faults tab"));
    }

    @Test
    void hostFaultsAreOfferedOnlyForALaunchAcrossHosts() throws Exception {
        assertNull(Ui.contextSubmenuItems(view.viewer().getControl(), ClusterView.KILL_HOST), "a launch on one machine");
        assertNull(Ui.contextSubmenuItems(view.viewer().getControl(), ClusterView.CUT_HOST_LINK));

        launchAcrossHosts();
        assertEquals(List.of("alpha (nodes 1, 2)", "beta (node 3)", "gamma (node 4)"),
                Ui.contextSubmenuItems(view.viewer().getControl(), ClusterView.KILL_HOST));
        assertEquals(List.of("alpha - beta", "alpha - gamma (gamma has no address= in the hosts file) [disabled]",
                "beta - gamma (gamma has no address= in the hosts file) [disabled]"),
                Ui.contextSubmenuItems(view.viewer().getControl(), ClusterView.CUT_HOST_LINK));
        assertEquals("alpha - beta (not cut) [disabled]",
                Ui.contextSubmenuItems(view.viewer().getControl(), ClusterView.RESTORE_HOST_LINK).getFirst());
    }

    @Test
    void killHostAsksFirstThenTheLaunchKillsTheHostsNodeJvms() throws Exception {
        launchAcrossHosts();
        AtomicReference<String> cancelled = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Cancel"));
        Ui.chooseFromContextSubmenu(view.viewer().getControl(), ClusterView.KILL_HOST, "beta (node 3)");
        Ui.waitUntil("Kill Host asks first", 5000, () -> cancelled.get() != null);
        assertTrue(cancelled.get().startsWith("Kill host beta in hosts-test?"), cancelled.get());
        assertTrue(cancelled.get().contains("on host beta (node 3) are killed"), cancelled.get());
        assertTrue(node3.isAlive(), "cancelled: node 3's JVM runs on");
        assertEquals(List.of(), console);

        AtomicReference<String> confirmed = Ui.whenDialogOpens(FaultActions.CONFIRM_TITLE, shell -> Ui.press(shell, "Kill host beta"));
        Ui.chooseFromContextSubmenu(view.viewer().getControl(), ClusterView.KILL_HOST, "beta (node 3)");
        Ui.waitUntil(() -> "confirmed: node 3's JVM is killed and that is logged: " + console, 5000,
                () -> confirmed.get() != null && !node3.isAlive() && console.size() == 1);
        assertTrue(console.getFirst().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} kill host beta: node 3 \\(Clusters view\\)"), console.toString());
    }

    @Test
    void aLinkBetweenHostsIsCutThenRestored() throws Exception {
        launchAcrossHosts();
        RsmUiPlugin.getDefault().getPreferenceStore().setValue(Preferences.CONFIRM_FAULTS, false);
        Ui.chooseFromContextSubmenu(view.viewer().getControl(), ClusterView.CUT_HOST_LINK, "alpha - beta");
        Ui.waitUntil(() -> "the link is cut and that is logged: " + console, 5000, () -> console.size() == 1);
        assertTrue(console.getFirst().endsWith(" cut link alpha - beta (Clusters view)"), console.toString());
        assertEquals("alpha - beta (already cut) [disabled]",
                Ui.contextSubmenuItems(view.viewer().getControl(), ClusterView.CUT_HOST_LINK).getFirst());

        Ui.chooseFromContextSubmenu(view.viewer().getControl(), ClusterView.RESTORE_HOST_LINK, "alpha - beta");
        Ui.waitUntil(() -> "the link is restored and that is logged: " + console, 5000, () -> console.size() == 2);
        assertTrue(console.get(1).endsWith(" heal link alpha - beta (Clusters view)"), console.toString());
    }
}
