// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.ClusterTree;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.ui.internal.clusters.ClusterView;
import org.rsmworkbench.ui.internal.permissions.PermissionsView;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** The permissions view follows the Clusters view's selection and shows matrix, reasons, connections, history. */
class PermissionsViewTest {
    private static final int ID = 0x400300;
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private ExportSegment segment;
    private RunningCluster entry;
    private ClusterView clusters;
    private PermissionsView permissions;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        RsmLibrary exporter = tc.process(1, new Credentials(100, 10, Set.of(), 022, false));
        RsmLibrary importer = tc.process(2, new Credentials(200, 10, Set.of(), 022, false));
        MemorySegment memory = exporter.allocate(4096);
        segment = exporter.getController("emu0").createExportSegment(memory, 0);
        segment.publish(ID, List.of(new AccessEntry(2, 0640), new AccessEntry(3, 0604)));
        importer.getController("emu0").connect(1, ID, Rsm.PERM_READ);
        entry = RunningClusters.getDefault().addLaunched(tc.cluster(), "permissions-test");
        clusters = (ClusterView) Ui.page().showView(ClusterView.ID);
        permissions = (PermissionsView) Ui.page().showView(PermissionsView.ID);
    }

    @AfterEach
    void stop() {
        Ui.page().hideView(permissions);
        Ui.page().hideView(clusters);
        RunningClusters.getDefault().removeAll();
    }

    private String row(Table table, int node, String relation) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(Integer.toString(node)) && item.getText(1).equals(relation)) {
                return item.getText(2) + " | " + item.getText(3);
            }
        }
        return null;
    }

    @Test
    void followsTheSelectionAndExplainsEveryCell() throws Exception {
        Ui.waitUntil("the cluster shows", 5000, () -> clusters.viewer().getTree().getItemCount() > 0);
        clusters.viewer().expandAll();
        ClusterTree.ExportItem export = null;
        for (TreeItem item : clusters.viewer().getTree().getItems()[0].getItems()[0].getItems()) {
            for (TreeItem child : item.getItems()) {
                if (child.getData() instanceof ClusterTree.ExportItem e) {
                    export = e;
                }
            }
        }
        ClusterTree.ExportItem chosen = export;
        Ui.page().activate(clusters);
        clusters.viewer().setSelection(new StructuredSelection(chosen), true);
        Ui.waitUntil("the view follows the selection (it shows " + permissions.ref() + ", selected " + chosen + ")", 5000,
                () -> new SegmentRef(entry, 1, ID).equals(permissions.ref()));
        assertTrue(permissions.header().contains("creator uid 100 gid 10"), permissions.header());
        assertTrue(permissions.header().contains("ACL 2 nodes: 2:0640 3:0604"), permissions.header());

        Table matrix = permissions.matrix().getTable();
        assertEquals(3 * 4, matrix.getItemCount(), "3 nodes x 4 relations");
        assertEquals("denied (SEG_NOT_PUBLISHED_TO_NODE) | denied (SEG_NOT_PUBLISHED_TO_NODE)", row(matrix, 1, "owner uid"));
        assertEquals("allowed | denied (PERM_DENIED)", row(matrix, 2, "group member"));
        assertEquals("allowed | allowed", row(matrix, 2, "owner uid"));
        assertEquals("allowed | denied (PERM_DENIED)", row(matrix, 3, "other"));
        assertEquals("allowed | allowed", row(matrix, 3, "privileged"));

        permissions.matrix().setSelection(new StructuredSelection(permissions.matrix().getElementAt(5)));
        Ui.spin(50);
        Ui.waitUntil("the detail pane explains", 2000, () -> permissions.matrix().getTable().getSelectionIndex() == 5);

        Table connections = permissions.connections().getTable();
        assertEquals(1, connections.getItemCount());
        assertEquals("node 2", connections.getItem(0).getText(0));
        assertEquals("r", connections.getItem(0).getText(3));

        segment.republish(List.of(new AccessEntry(2, 0660)));
        Ui.waitUntil("the republish is in the history", 5000,
                () -> permissions.history().getTable().getItemCount() >= 2
                        && permissions.history().getTable().getItem(0).getText(1).equals("republished"));
        assertTrue(permissions.history().getTable().getItem(0).getText(2).contains("[2:0640, 3:0604] -> [2:0660]"),
                permissions.history().getTable().getItem(0).getText(2));
        Ui.waitUntil("the matrix follows the new ACL", 5000,
                () -> "allowed | allowed".equals(row(permissions.matrix().getTable(), 2, "group member")));
        assertEquals("denied (SEG_NOT_PUBLISHED_TO_NODE) | denied (SEG_NOT_PUBLISHED_TO_NODE)",
                row(permissions.matrix().getTable(), 3, "other"));
    }
}
