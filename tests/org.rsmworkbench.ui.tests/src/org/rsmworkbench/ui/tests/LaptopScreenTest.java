// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabFolderRenderer;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.ui.internal.permissions.PermissionsView;
import org.rsmworkbench.ui.internal.perspectives.RsmPerspective;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * The RSM perspective on a laptop screen: a 1280x800 workbench window, the perspective as it is first shown (reset),
 * and what a user must see in it without maximizing anything.
 */
class LaptopScreenTest {
    private static final Credentials OWNER = new Credentials(100, 10, Set.of(), 022, false);
    private static final int ID = 0x400100;
    private static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";
    private static final String CHEAT_SHEET_VIEW = "org.eclipse.ui.cheatsheets.views.CheatSheetView";

    private Shell shell;
    private Rectangle oldBounds;
    private boolean wasMaximized;
    private IPerspectiveDescriptor previousPerspective;
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(4);
    private MemorySegment memory;
    private RunningCluster entry;

    @BeforeEach
    void laptopWindowWithTheRsmPerspective() throws Exception {
        Ui.waitForJobs();
        shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        oldBounds = shell.getBounds();
        wasMaximized = shell.getMaximized();
        shell.setMaximized(false);
        shell.setBounds(0, 0, 1280, 800);
        IWorkbenchPage page = Ui.page();
        page.closeAllEditors(false);
        previousPerspective = page.getPerspective();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(RsmPerspective.ID));
        page.resetPerspective();
        Ui.spin(300);

        // the first-run example's mailbox: exported by node 1 to the other nodes only
        RsmLibrary exporter = tc.process(1, OWNER);
        memory = exporter.allocate(4096);
        exporter.getController("emu0").createExportSegment(memory, 0)
                .publish(ID, List.of(new AccessEntry(2, 0666), new AccessEntry(3, 0666), new AccessEntry(4, 0666)));
        entry = RunningClusters.getDefault().addLaunched(tc.cluster(), "laptop-test");
    }

    @AfterEach
    void restore() {
        IWorkbenchPage page = Ui.page();
        page.closeAllEditors(false);
        RunningClusters.getDefault().removeAll();
        // the other tests run in the perspective they found, and open the RSM perspective afresh
        page.closePerspective(page.getPerspective(), false, false);
        if (previousPerspective != null && !previousPerspective.getId().equals(RsmPerspective.ID)) {
            page.setPerspective(previousPerspective);
        }
        shell.setBounds(oldBounds);
        shell.setMaximized(wasMaximized);
        Ui.spin(100);
    }

    @Test
    void thePerspectiveHasTheViewsTheCheatSheetAndTheClusterEditorNeed() {
        IWorkbenchPage page = Ui.page();
        for (String view : new String[] {RsmPerspective.CLUSTER_VIEW, RsmPerspective.PERMISSIONS_VIEW,
                RsmPerspective.TOPOLOGY_VIEW, IPageLayout.ID_PROP_SHEET, IPageLayout.ID_PROBLEM_VIEW}) {
            assertNotNull(page.findViewReference(view), view + " is in the RSM perspective");
        }
        List<String> showView = List.of(page.getShowViewShortcuts());
        assertTrue(showView.contains(IPageLayout.ID_PROP_SHEET), "Window > Show View offers Properties: " + showView);
        assertTrue(showView.contains(IPageLayout.ID_PROBLEM_VIEW), "Window > Show View offers Problems: " + showView);
    }

    @Test
    void everyTabShowsItsWholeTitle() throws Exception {
        // as the product's first start leaves it: the example project in the Project Explorer, the cheat sheet open
        Ui.page().showView(PROJECT_EXPLORER);
        Ui.page().showView(CHEAT_SHEET_VIEW);
        Ui.spin(300);
        Method preferredSize = CTabFolderRenderer.class.getDeclaredMethod("computeSize", int.class, int.class, GC.class,
                int.class, int.class);
        preferredSize.setAccessible(true);
        List<String> cut = new ArrayList<>();
        for (CTabFolder folder : visibleTabFolders(shell)) {
            GC gc = new GC(folder);
            try {
                for (int i = 0; i < folder.getItemCount(); i++) {
                    CTabItem item = folder.getItem(i);
                    int state = item == folder.getSelection() ? SWT.SELECTED : SWT.NONE;
                    Point whole = (Point) preferredSize.invoke(folder.getRenderer(), i, state, gc, SWT.DEFAULT, SWT.DEFAULT);
                    if (!item.isShowing() || item.getBounds().width < whole.x) {
                        cut.add("\"" + item.getText() + "\" (" + item.getBounds().width + " of " + whole.x + " px"
                                + (item.isShowing() ? "" : ", hidden") + ")");
                    }
                }
            } finally {
                gc.dispose();
            }
        }
        assertTrue(cut.isEmpty(), "tabs shortened or hidden at 1280x800: " + cut);
    }

    @Test
    void thePermissionMatrixShowsItsReadAndWriteColumns() throws Exception {
        PermissionsView permissions = (PermissionsView) Ui.page().findView(RsmPerspective.PERMISSIONS_VIEW);
        assertNotNull(permissions, "the Segment Permissions view is the open tab of its folder");
        permissions.show(new SegmentRef(entry, 1, ID));
        Table matrix = permissions.matrix().getTable();
        Ui.waitUntil("the matrix has rows", 5000, () -> matrix.getItemCount() == 4 * 4);
        Ui.spin(200);
        assertInSight(matrix);
        int right = 0;
        for (TableColumn column : matrix.getColumns()) {
            right += column.getWidth();
            if (column.getText().equals("Read") || column.getText().equals("Write")) {
                assertTrue(column.getWidth() > 0 && right <= matrix.getClientArea().width, "the " + column.getText()
                        + " column ends at " + right + " px, the matrix shows " + matrix.getClientArea().width + " px");
            }
        }
    }

    @Test
    void theInspectorShowsItsTypedColumnsAndAFirstEditSucceeds() {
        SegmentInspector inspector = SegmentInspector.open(Ui.page(), new SegmentRef(entry, 1, ID));
        assertNotNull(inspector);
        Ui.spin(300);
        Table table = inspector.viewer().getTable();
        assertInSight(table);
        TableColumn[] columns = table.getColumns();
        int bytes = 0;
        int typed = 0;
        int width = 0;
        for (TableColumn column : columns) {
            width += column.getWidth();
            if (column.getText().matches("[0-9a-f]+")) {
                bytes++;
            } else if (column.getText().startsWith("+")) {
                typed++;
            }
        }
        assertTrue(bytes >= 8 && typed > 0, bytes + " byte columns, " + typed + " typed columns");
        assertTrue(width <= table.getClientArea().width,
                "every column, the typed ones included, in sight: " + width + " of " + table.getClientArea().width + " px");

        // the segment's ACL lists nodes 2 to 4: an edit written as its creator on node 1 would be refused
        assertEquals(2, inspector.writerNode(), "Write as starts on a node the ACL lets write");
        assertEquals(OWNER.uid(), inspector.writerCredentials().uid());
        assertTrue(inspector.write(0x10, new byte[] {0x2a}), inspector.message());
        assertEquals(0x2a, memory.get(ValueLayout.JAVA_BYTE, 0x10));
    }

    /** The control has a size and lies inside the window's client area (not pushed out of the screen). */
    private void assertInSight(Control control) {
        assertTrue(control.isVisible(), control + " is visible");
        Rectangle bounds = control.getDisplay().map(control.getParent(), shell, control.getBounds());
        Rectangle client = shell.getClientArea();
        assertTrue(bounds.width > 0 && bounds.height > 0 && client.contains(bounds.x, bounds.y)
                && bounds.x + bounds.width <= client.x + client.width && bounds.y + bounds.height <= client.y + client.height,
                control + " at " + bounds + " inside the window's " + client);
    }

    private static List<CTabFolder> visibleTabFolders(Composite parent) {
        List<CTabFolder> folders = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (!child.isVisible()) {
                continue;
            }
            if (child instanceof CTabFolder folder && folder.getItemCount() > 0) {
                folders.add(folder);
            }
            if (child instanceof Composite composite) {
                folders.addAll(visibleTabFolders(composite));
            }
        }
        return folders;
    }
}
