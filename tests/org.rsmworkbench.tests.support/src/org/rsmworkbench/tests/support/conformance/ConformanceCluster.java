// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support.conformance;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The cluster a conformance suite runs on: where its processes come from. An in-JVM emulated cluster
 * ({@link org.rsmworkbench.tests.support.EmulatedClusterExtension}) or a distributed cluster whose nodes run on other
 * hosts; the processes a test made are ended after it.
 */
public interface ConformanceCluster {
    /** A new process of {@link TestCluster#USER} on the node. */
    default RsmLibrary process(int node) throws RsmException {
        return process(node, TestCluster.USER);
    }

    /** A new process with those credentials on the node. */
    RsmLibrary process(int node, Credentials credentials) throws RsmException;

    /**
     * Whether each node runs on a host of its own: an importer on another node than its exporter's then reaches the
     * segment through the network and cannot map it; a test that needs such a mapping is marked {@link NotAcrossHosts}.
     */
    boolean acrossHosts();

    /**
     * The in-JVM cluster, for the tests of the emulator's own configuration (links set up and down in the test); only
     * tests marked {@link NotAcrossHosts} ask for it.
     *
     * @throws UnsupportedOperationException when the nodes run on other hosts
     */
    EmulatedCluster cluster();
}
