// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;
import org.rsmworkbench.tests.support.conformance.ConformanceCluster;
import org.rsmworkbench.tests.support.conformance.ExportConformance;

/** The conformance suite of RSMAPI.md §3.2 on an in-JVM emulated cluster of 3 nodes. */
class ExportConformanceTest extends ExportConformance {
    @RegisterExtension
    static final EmulatedClusterExtension tc = EmulatedClusterExtension.of(3);

    @Override
    protected ConformanceCluster tc() {
        return tc;
    }
}
