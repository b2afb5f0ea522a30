// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import org.rsmworkbench.tests.support.conformance.TestCluster.Exported;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/** What cuts the path from node 2 (the importer) to the segment of node 1. */
enum PathCut {
    LINK_DOWN, KILL_EXPORTER_NODE, UNPUBLISH;

    void apply(EmulatedClusterExtension tc, Exported e) throws RsmException {
        switch (this) {
        case LINK_DOWN -> tc.cluster().setLink(1, "emu0", 2, "emu0", false);
        case KILL_EXPORTER_NODE -> tc.cluster().killNode(1);
        case UNPUBLISH -> e.segment().unpublish();
        }
    }
}
