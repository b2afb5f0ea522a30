// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.core.clusters.SegmentRef;
import org.rsmworkbench.core.inspect.RefreshStats;
import org.rsmworkbench.core.inspect.SegmentRows;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.ui.internal.inspector.SegmentInspector;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * The inspector on a 1 GiB segment while another thread writes into the visible rows all the time: it opens, shows
 * the changes, and reads only the rows in sight. How fast it does so is measured by the JMH benchmark
 * (tests/benchmarks, InspectorRefreshBenchmark), not here.
 */
class InspectorLargeSegmentTest {
    private static final long GIB = 1L << 30;
    @RegisterExtension
    final EmulatedClusterExtension tc = EmulatedClusterExtension.of(2);
    private MemorySegment memory;
    private int id;

    @BeforeEach
    void start() throws Exception {
        Ui.waitForJobs();
        RsmLibrary exporter = tc.process(1, new Credentials(1, 1, Set.of(), 022, false));
        memory = exporter.allocate(GIB);
        id = exporter.getController("emu0").createExportSegment(memory, 0).publish(0, List.of());
    }

    @AfterEach
    void stop() {
        Ui.page().closeAllEditors(false);
        RunningClusters.getDefault().removeAll();
    }

    @Test
    void aOneGibSegmentIsReadOnlyWhereItIsShown() throws Exception {
        RunningCluster entry = RunningClusters.getDefault().addLaunched(tc.cluster(), "large segment");
        // a full-screen window, as a user would have it (the harness opens a small one)
        org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().setBounds(0, 0, 1280, 1024);
        Ui.spin(200);
        SegmentInspector inspector = SegmentInspector.open(Ui.page(), new SegmentRef(entry, 1, id));
        assertNotNull(inspector);
        Ui.page().setPartState(Ui.page().getReference(inspector), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        Table table = inspector.viewer().getTable();
        Ui.waitUntil("the first rows show", 5000, () -> table.getItemCount() > 0 && table.getItem(0).getData() instanceof SegmentRows.Row);
        Ui.spin(300);
        int visibleRows = table.getClientArea().height / table.getItemHeight();

        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            long i = 0;
            while (!stop.get()) {
                // the visible rows and a far page: every refresh sees changes
                memory.set(ValueLayout.JAVA_LONG_UNALIGNED, (i * 8) % 1024, i);
                memory.set(ValueLayout.JAVA_LONG_UNALIGNED, GIB - 4096 + (i * 8) % 4096, i);
                i++;
            }
        }, "writer into the visible rows");
        writer.start();
        try {
            inspector.setRefreshRate(10);
            inspector.resetStats();
            Ui.waitUntil(() -> "refreshes that show changes: " + inspector.stats(), 20_000,
                    () -> inspector.stats().refreshes() >= 5 && inspector.stats().uiUpdates() >= 1);
        } finally {
            stop.set(true);
            writer.join();
        }
        RefreshStats.Figures stats = inspector.stats();
        double bytesPerRefresh = (double) stats.totalBytesRead() / stats.refreshes();
        assertTrue(visibleRows >= 25, "a realistic screen: " + visibleRows + " rows");
        assertTrue(bytesPerRefresh < 64 * 1024, "only the visible rows are read: " + stats);
    }
}
