// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rsmworkbench.tests.support.conformance.ConformanceCluster;
import org.rsmworkbench.tests.support.conformance.ControllerConformance;
import org.rsmworkbench.tests.support.conformance.DataMovementConformance;
import org.rsmworkbench.tests.support.conformance.ExportConformance;
import org.rsmworkbench.tests.support.conformance.ImportConformance;

/**
 * The runtime conformance suites that the emulator's tests run on an in-JVM cluster (RSMAPI.md §3.1-3.4), run on a
 * distributed cluster with each node on a network-namespace host of its own: the importers of a segment on other hosts
 * than its exporter (and, where a suite says so, on its node), ZooKeeper's registry between them, UCX over TCP for the
 * data. What does not apply across hosts (a successful map of another host's segment, the configuration of an in-JVM
 * cluster) is disabled, saying why.
 */
@Timeout(300)
@DisplayName("conformance across hosts")
class CrossHostConformanceTest {
    @RegisterExtension
    static final CrossHostCluster hosts = new CrossHostCluster();

    @Nested
    class Controllers extends ControllerConformance {
        @Override
        protected ConformanceCluster tc() {
            return hosts;
        }
    }

    @Nested
    class DataMovement extends DataMovementConformance {
        @Override
        protected ConformanceCluster tc() {
            return hosts;
        }
    }

    @Nested
    class Exports extends ExportConformance {
        @Override
        protected ConformanceCluster tc() {
            return hosts;
        }
    }

    @Nested
    class Imports extends ImportConformance {
        @Override
        protected ConformanceCluster tc() {
            return hosts;
        }
    }
}
