// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.launching.internal;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.rsmworkbench.emulator.launch.HostsFile;

/**
 * Where a node JVM in debug mode finds the debugger, which listens on every interface of this machine: for a node on
 * another host (whose {@code localhost} is that host), this machine's address on the way to the host, the source address
 * this machine's routes give for the host's {@code address=}, else, for a host reached through ssh, for its name; for any
 * other node {@code localhost}: a prefix that is not ssh and gives no address (e.g. {@code nice}, {@code timeout}) runs
 * the node on this machine as far as the launch can tell.
 */
public final class DebuggerAddress {
    /** A port for the routing question only: connecting a datagram socket sends nothing. */
    private static final int ANY_PORT = 9;

    private DebuggerAddress() {
    }

    /**
     * The debugger's host as {@code node}, which runs on {@code host} (null: this machine), reaches it.
     *
     * @throws CoreException when the host's address is unknown or this machine has no route to it
     */
    public static String of(HostsFile.Host host, int node) throws CoreException {
        if (host == null || host.prefix().isEmpty() || host.address() == null && !host.throughShell()) {
            return "localhost";
        }
        String target = host.address() != null ? host.address() : host.name();
        InetAddress remote;
        try {
            remote = InetAddress.getByName(target);
        } catch (UnknownHostException e) {
            throw error(node, host, "its name does not resolve to an address (" + e.getMessage() + ")");
        }
        InetAddress local;
        try (DatagramSocket routeProbe = new DatagramSocket()) {
            routeProbe.connect(remote, ANY_PORT);
            local = routeProbe.getLocalAddress();
        } catch (SocketException | UncheckedIOException e) {
            throw error(node, host, "this machine has no route to " + remote.getHostAddress() + " (" + e.getMessage() + ")");
        }
        if (local == null || local.isAnyLocalAddress()) {
            throw error(node, host, "this machine has no route to " + remote.getHostAddress());
        }
        return local instanceof Inet6Address ? "[" + local.getHostAddress() + "]" : local.getHostAddress();
    }

    private static CoreException error(int node, HostsFile.Host host, String why) {
        return new CoreException(Status.error("Cannot debug node " + node + " on host " + host.name() + ": " + why
                + ". Its JVM connects back to the debugger on this machine, at this machine's address towards the host:"
                + (host.address() == null ? " give the host its address= in the hosts file." : " check the host's address= in the hosts file.")));
    }
}
