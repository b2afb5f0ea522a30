// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** The segment inspector on a live segment: rows, in-place edits as RSM puts, refusals, live highlight, diff, search. */
class SegmentInspectorTest {
    private static final Credentials OWNER = new Credentials(100, 10, Set.of(), 022, false);
    private static final int ID = 0x400200;

    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);
    private RsmLibrary exporter;
    private MemorySegment memory;
    private SegmentInspector inspector;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        exporter = tc.process(1, OWNER);
        memory = exporter.allocate(64 * 1024);
        memory.setString(0x20, "RSM!");
        // node 1: owner may write; node 2: group reads only; node 3 is not in the ACL
        exporter.getController("emu0").createExportSegment(memory, 0)
                .publish(ID, List.of(new AccessEntry(1, 0600), new AccessEntry(2, 0640)));
        RunningCluster entry = RunningClusters.getDefault().addLaunched(tc.cluster(), "inspector-test");
        inspector = SegmentInspector.open(Ui.page(), new SegmentRef(entry, 1, ID));
        assertNotNull(inspector);
        Ui.page().setPartState(Ui.page().getReference(inspector), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        inspector.setBytesPerRow(16);
        Ui.spin(100);
    }

    @AfterEach
    void stop() {
        Ui.page().closeAllEditors(false);
        RunningClusters.getDefault().removeAll();
    }

    private Table table() {
        return inspector.viewer().getTable();
    }

    private TableItem item(int row) {
        return table().getItem(row - (int) inspector.base());
    }

    /** Selects the row, clicks the cell (the table's editor activation), types the value, presses Enter. */
    private void edit(int row, int column, String value) {
        Ui.waitUntil("row " + row + " is shown", 3000, () -> item(row).getData() instanceof SegmentRows.Row);
        table().setSelection(row - (int) inspector.base());
        Rectangle bounds = item(row).getBounds(column);
        org.eclipse.swt.widgets.Event click = new org.eclipse.swt.widgets.Event();
        click.x = bounds.x + bounds.width / 2;
        click.y = bounds.y + bounds.height / 2;
        click.button = 1;
        table().notifyListeners(SWT.MouseDown, click);
        table().notifyListeners(SWT.MouseUp, click);
        Text editor = null;
        for (Control child : table().getChildren()) {
            if (child instanceof Text text && text.isVisible()) {
                editor = text;
            }
        }
        assertNotNull(editor, "a cell editor opened");
        editor.setText(value);
        editor.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        Ui.spin(50);
    }

    @Test
    void showsOffsetHexAsciiAndValues() {
        Ui.waitUntil("row 2 shows RSM!", 3000, () -> item(2).getText(17).startsWith("RSM!"));
        assertEquals("00000020", item(2).getText(0));
        assertEquals("52", item(2).getText(1));
        assertEquals("21", item(2).getText(4));
        assertEquals(1 + 16 + 1 + 4, table().getColumnCount(), "offset, 16 bytes, ASCII, 4 signed 32-bit values");
        assertEquals(Integer.toString(0x214d5352), item(2).getText(18), "RSM! as a little-endian int");
        assertEquals(4096, table().getItemCount(), "64 KiB at 16 bytes per row");
    }

    @Test
    void editingAByteWritesTheSegmentAndUndoPutsItBack() throws Exception {
        edit(0, 1, "7f");
        assertEquals(0x7f, memory.get(ValueLayout.JAVA_BYTE, 0));
        assertTrue(inspector.message().startsWith("Wrote 1 byte at 0x0"), inspector.message());
        edit(1, 18, "-2");
        assertEquals(-2, memory.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 16));
        OperationHistoryFactory.getOperationHistory().undo(inspector.undoContext(), null, null);
        assertEquals(0, memory.get(ValueLayout.JAVA_INT_UNALIGNED, 16));
        OperationHistoryFactory.getOperationHistory().undo(inspector.undoContext(), null, null);
        assertEquals(0, memory.get(ValueLayout.JAVA_BYTE, 0));
        OperationHistoryFactory.getOperationHistory().redo(inspector.undoContext(), null, null);
        assertEquals(0x7f, memory.get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    void aWriteTheAclForbidsIsRefusedWithTheReason() {
        inspector.setWriter(2, new Credentials(200, 10, Set.of(), 022, false));
        edit(0, 1, "55");
        assertEquals(0, memory.get(ValueLayout.JAVA_BYTE, 0), "nothing was written");
        assertTrue(inspector.message().startsWith("Write refused: RSMERR_PERM_DENIED"), inspector.message());
        assertTrue(inspector.message().contains("node 2 uid=200 gid=10"), inspector.message());
        assertTrue(inspector.message().endsWith("pick a node and credentials that the segment's ACL lets write with Write as..."),
                inspector.message());

        inspector.setWriter(3, new Credentials(100, 10, Set.of(), 022, true));
        edit(0, 1, "55");
        assertEquals(0, memory.get(ValueLayout.JAVA_BYTE, 0));
        assertTrue(inspector.message().contains("RSMERR_SEG_NOT_PUBLISHED_TO_NODE"), inspector.message());

        edit(0, 1, "zz");
        assertTrue(inspector.message().contains("not a sequence of hex bytes"), inspector.message());
    }

    @Test
    void aWriteAsANodeThatIsDownSaysToRestartItOrPickAnother() {
        inspector.setWriter(2, OWNER);
        tc.cluster().killNode(2);
        edit(0, 1, "55");
        assertEquals(0, memory.get(ValueLayout.JAVA_BYTE, 0), "nothing was written");
        assertTrue(inspector.message().startsWith("Write refused: RSMERR_CTLR_NOT_PRESENT"), inspector.message());
        assertTrue(inspector.message().endsWith("(writing as node 2 " + OWNER + "): restart that node, or pick another with Write as..."),
                inspector.message());
    }

    @Test
    void changesShowLiveAndHighlighted() {
        Ui.waitUntil("first refresh", 3000, () -> inspector.stats().refreshes() > 0);
        Table table = table();
        assertEquals(table.getBackground(), item(3).getBackground(1), "not changed yet");
        memory.set(ValueLayout.JAVA_BYTE, 0x30, (byte) 0xab);
        Ui.waitUntil("the change shows", 3000, () -> "ab".equals(item(3).getText(1)));
        assertNotEquals(table.getBackground(), item(3).getBackground(1), "a changed byte is highlighted");
        assertEquals(table.getBackground(), item(3).getBackground(2), "its neighbour is not");
        assertTrue(inspector.stats().lastBytesRead() <= 16 * 200, "only visible rows are read: " + inspector.stats());
        inspector.setPaused(true);
        Ui.spin(300);
        long refreshes = inspector.stats().refreshes();
        memory.set(ValueLayout.JAVA_BYTE, 0x31, (byte) 0xcd);
        Ui.spin(500);
        assertEquals(refreshes, inspector.stats().refreshes(), "paused");
        inspector.setPaused(false);
        Ui.waitUntil("resumed", 3000, () -> "cd".equals(item(3).getText(2)));
    }

    @Test
    void snapshotDiffAndSearch() {
        inspector.takeSnapshot();
        Ui.waitUntil("the snapshot", 5000, inspector::hasSnapshot);
        memory.set(ValueLayout.JAVA_INT_UNALIGNED, 0x100, 0x01020304);
        memory.set(ValueLayout.JAVA_BYTE, 0x2000, (byte) 1);
        inspector.runDiff();
        Ui.waitUntil("the diff", 5000, () -> inspector.diff().size() == 2);
        assertEquals(0x100, inspector.diff().get(0).offset());
        assertEquals(4, inspector.diff().get(0).length());
        assertEquals(0x2000, inspector.diff().get(1).offset());
        inspector.nextChange(true);
        assertEquals(0x2000 / 16, inspector.base() + table().getSelectionIndex());

        table().deselectAll();
        inspector.setSearch(1, "RSM!");
        inspector.find();
        Ui.waitUntil("found", 5000, () -> inspector.message().startsWith("Found"));
        assertTrue(inspector.message().contains("at 0x20"), inspector.message());
        assertEquals(2, table().getSelectionIndex() + inspector.base());

        inspector.setSearch(0, "de ad be ef");
        inspector.find();
        Ui.waitUntil("not found", 5000, () -> inspector.message().startsWith("Not found"));
    }

    @Test
    void exportAndImportARange(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("range.txt");
        inspector.exportRange(0x20, 16, dump, true);
        Ui.waitUntil("exported", 5000, () -> inspector.message().startsWith("Exported"));
        assertTrue(Files.readString(dump).startsWith("00000020: 52 53 4d 21"), Files.readString(dump));
        Path raw = dir.resolve("raw.bin");
        Files.write(raw, new byte[] {9, 8, 7});
        inspector.importRange(raw, false, 0x40);
        Ui.waitUntil("imported", 5000, () -> memory.get(ValueLayout.JAVA_BYTE, 0x42) == 7);
        assertArrayEquals(new byte[] {9, 8, 7}, memory.asSlice(0x40, 3).toArray(ValueLayout.JAVA_BYTE));
        assertFalse(inspector.message().contains("refused"), inspector.message());
    }

    @Test
    void goToOffsetInALargeWindowlessJump() {
        inspector.goToOffset(0xfff0, true);
        assertEquals(0xfff0 / 16, inspector.base() + table().getSelectionIndex());
        inspector.goToOffset(0x10000, true);
        assertTrue(inspector.message().contains("outside the segment"), inspector.message());
    }

    /**
     * A job of the inspector that outgrows the heap (a huge segment or recording read at once) says so in the inspector,
     * with what to do, instead of an internal error; the inspector goes on working.
     */
    @Test
    void aJobThatOutgrowsTheHeapSaysSoAndTheInspectorGoesOn() throws Exception {
        // what an error out of the job opens: closed should it open, or it would block the tests after this one
        Ui.whenDialogOpens("Internal Error", Shell::close);
        Job job = inspector.runJob("Reading the whole segment", _ -> {
            long[] whole = new long[Integer.MAX_VALUE - 8]; // 16 GiB: more than any test's heap
            whole[0] = 1;
        });
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        Ui.waitUntil(() -> "the message says so: " + inspector.message(), 3000, () -> inspector.message().startsWith(
                "Reading the whole segment failed: the segment or recording is too large for this IDE's memory ("));
        assertTrue(inspector.message().endsWith(" MB). Give the IDE more memory: RSM_VMARGS=-Xmx4g ./rsm-workbench, or -Xmx in"
                + " rsm-workbench.ini."), inspector.message());
        inspector.setSearch(1, "RSM!");
        inspector.find();
        Ui.waitUntil(() -> "found after it: " + inspector.message(), 3000, () -> inspector.message().startsWith("Found "));
    }
}
