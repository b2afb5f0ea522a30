// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.Test;
import org.rsmworkbench.core.launching.internal.DebuggerAddress;
import org.rsmworkbench.emulator.launch.HostsFile;

/**
 * Where a node JVM in debug mode finds the debugger: {@code localhost} on this machine, else this machine's address
 * towards the node's host, or an error that says what to put into the hosts file. (A node in a network namespace that
 * connects back is HostsDebugLaunchTest.)
 */
class DebuggerAddressTest {
    private static HostsFile.Host host(String name, List<String> prefix, String address) {
        return new HostsFile.Host(name, List.of(3), prefix, null, null, address, 1);
    }

    @Test
    void aNodeOfThisMachineFindsTheDebuggerAtLocalhost() throws CoreException {
        assertEquals("localhost", DebuggerAddress.of(null, 3), "no hosts file");
        assertEquals("localhost", DebuggerAddress.of(host("here", List.of(), null), 3), "an empty run= prefix");
        assertEquals("localhost", DebuggerAddress.of(host("nosuchhost.invalid", List.of("timeout", "10m"), null), 3),
                "a prefix that is not ssh and gives no address= runs the node here as far as the launch can tell");
    }

    @Test
    void aNodeOfAnotherHostFindsTheDebuggerAtThisMachinesAddressTowardsTheHost() throws CoreException {
        // the route to a loopback address leaves from the loopback address
        assertEquals("127.0.0.1", DebuggerAddress.of(host("beta", List.of("ssh", "beta"), "127.0.0.2"), 3));
    }

    @Test
    void aHostWithoutAnAddressWhoseNameDoesNotResolveIsAnErrorThatSaysWhatToWrite() {
        CoreException e = assertThrows(CoreException.class,
                () -> DebuggerAddress.of(host("nosuchhost.invalid", List.of("ssh", "nosuchhost.invalid"), null), 3));
        String message = e.getStatus().getMessage();
        assertTrue(message.startsWith("Cannot debug node 3 on host nosuchhost.invalid: its name does not resolve to an address"),
                message);
        assertTrue(message.endsWith("give the host its address= in the hosts file."), message);
    }
}
