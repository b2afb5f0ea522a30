// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rsmworkbench.tests.support.NetworkNamespaces;

/**
 * A JUnit 5 extension (for a static field with {@code @RegisterExtension}) that makes hosts out of network namespaces for
 * the tests of a class ({@link NetworkNamespaces}, addresses {@value #SUBNET}.N), removed after the class, also when a test
 * failed. Tests are skipped, with the reason, when not root or when {@code ip netns} is not permitted.
 */
public final class NetworkNamespaceHosts implements BeforeAllCallback, AfterAllCallback {
    /** The first three bytes of the hosts' addresses (a private /24 that exists only inside the namespaces). */
    public static final String SUBNET = "10.219.19";

    private final int count;
    private NetworkNamespaces namespaces;

    /** {@code count} hosts, h1 .. hN. */
    public NetworkNamespaceHosts(int count) {
        this.count = count;
    }

    public List<NetworkNamespaces.Host> hosts() {
        return namespaces.hosts();
    }

    /** Host N (1-based). */
    public NetworkNamespaces.Host host(int number) {
        return namespaces.host(number);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            namespaces = NetworkNamespaces.create(SUBNET, count);
        } catch (NetworkNamespaces.NotPermittedException e) {
            Assumptions.abort(e.getMessage() + ": network namespace hosts are skipped (these tests run as root in CI)");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    /**
     * Runs {@code command} on host {@code number}; returns what it printed.
     *
     * @throws IOException when it fails (with its output)
     */
    public String runOn(int number, String... command) throws IOException {
        return namespaces.runOn(number, command);
    }

    /** The settings of a hosts file's line for a host reached through {@code ip netns exec}, with its address. */
    static String throughNamespace(NetworkNamespaces.Host host) {
        return " run=\"" + String.join(" ", host.prefix()) + "\" address=" + host.address();
    }
}
