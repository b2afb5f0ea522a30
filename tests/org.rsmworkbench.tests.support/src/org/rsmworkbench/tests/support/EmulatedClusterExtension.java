// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.tests.support.conformance.ConformanceCluster;

/**
 * An {@link EmulatedCluster} for tests, with the in-JVM processes a test made on it.
 * <p>
 * As a static {@code @RegisterExtension} field: one cluster per test class, the processes closed after each test
 * so that tests do not see each other's segments. As an instance field: a cluster per test. Started by hand
 * ({@link #start}), it is an {@link AutoCloseable} for try-with-resources.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final EmulatedClusterExtension cluster = EmulatedClusterExtension.of(2);
 * ...
 * RsmLibrary exporter = cluster.process(1);
 * </pre>
 */
public final class EmulatedClusterExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable, ConformanceCluster {

    /** An ordinary user: uid 1000, gid 1000, umask 022, not privileged. */
    public static final Credentials USER = new Credentials(1000, 1000, Set.of(), 022, false);

    private final ClusterSpec spec;
    private final List<RsmLibrary> processes = new ArrayList<>();
    private EmulatedCluster cluster;
    private boolean perClass;

    private EmulatedClusterExtension(ClusterSpec spec) {
        this.spec = spec;
    }

    /** An extension for a cluster of {@code ClusterSpec.fullyConnected(nodes)}. */
    public static EmulatedClusterExtension of(int nodes) {
        return of(ClusterSpec.fullyConnected(nodes));
    }

    /** An extension for a cluster of that spec. */
    public static EmulatedClusterExtension of(ClusterSpec spec) {
        return new EmulatedClusterExtension(spec);
    }

    /** A cluster of {@code ClusterSpec.fullyConnected(nodes)}, started now. */
    public static EmulatedClusterExtension start(int nodes) {
        return start(ClusterSpec.fullyConnected(nodes));
    }

    /** A cluster of that spec, started now. */
    public static EmulatedClusterExtension start(ClusterSpec spec) {
        EmulatedClusterExtension started = of(spec);
        started.startCluster();
        return started;
    }

    private void startCluster() {
        try {
            cluster = EmulatedCluster.start(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulated cluster " + spec.name(), e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startCluster();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            startCluster();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perClass) {
            closeProcesses();
        } else {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The running cluster. */
    @Override
    public EmulatedCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster of " + spec.name() + " is not started (register the extension)");
        }
        return cluster;
    }

    /** A new process of {@link #USER} on the node. */
    @Override
    public RsmLibrary process(int node) throws RsmException {
        return process(node, USER);
    }

    /** Every node of an in-JVM cluster is on this machine. */
    @Override
    public boolean acrossHosts() {
        return false;
    }

    /** A new process with those credentials on the node, closed by {@link #closeProcesses()}. */
    @Override
    public RsmLibrary process(int node, Credentials credentials) throws RsmException {
        RsmLibrary process = cluster().process(node, credentials);
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    /** Ends every process made through this fixture (their exports are destroyed). */
    public void closeProcesses() {
        List<RsmLibrary> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
            processes.clear();
        }
        for (RsmLibrary process : all) {
            try {
                process.close();
            } catch (RuntimeException e) {
                // a close that fails must not hide the test result; the process is gone either way
            }
        }
    }

    /** Ends the processes and the cluster. */
    @Override
    public void close() {
        closeProcesses();
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
