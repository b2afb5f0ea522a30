// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hosts made of network namespaces, for the distributed backend's tests and benchmarks: one namespace per host, each with a
 * veth pair whose other end is on a bridge in a namespace of its own (the switch), addresses SUBNET.N/24 inside the host
 * namespaces only: nothing is added to this machine's own network, no other interface is touched, unless a test puts
 * this machine on the hosts' network too ({@link #attachThisMachine()}). Names carry this JVM's
 * pid and a random part, so parallel runs do not collide; {@link #close()} removes everything (deleting a namespace
 * deletes its interfaces), and so does a shutdown hook when the JVM ends early. Plain Java (no JUnit): the benchmarks
 * use it as a library.
 */
public final class NetworkNamespaces implements AutoCloseable {
    private static final long COMMAND_WAIT_SECONDS = 30;

    /** A host: its name in hosts files (h1, h2, ...), its namespace and its address. */
    public record Host(String name, String namespace, String address) {
        /** The command prefix that runs a command on this host. */
        public List<String> prefix() {
            return List.of("ip", "netns", "exec", namespace);
        }

        /** N of hN. */
        public int number() {
            return Integer.parseInt(name.substring(1));
        }
    }

    /** Why hosts cannot be made here (not root, or {@code ip netns} is not permitted): callers skip, saying so. */
    public static final class NotPermittedException extends IOException {
        private static final long serialVersionUID = 1L;

        NotPermittedException(String message) {
            super(message);
        }
    }

    private final List<Host> hosts = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final Thread removeAtExit = new Thread(this::remove, "remove-network-namespaces");

    private final String subnet;
    private final String switchNamespace;

    private NetworkNamespaces(String subnet, String switchNamespace) {
        this.subnet = subnet;
        this.switchNamespace = switchNamespace;
    }

    /**
     * Makes {@code count} hosts h1 .. hN with the addresses {@code subnet}.1 .. {@code subnet}.N ({@code subnet}: the
     * first three bytes of a private /24, e.g. 10.219.19).
     *
     * @throws NotPermittedException when this process is not root or may not add a network namespace
     * @throws IOException when a command fails (what was made is removed)
     */
    public static NetworkNamespaces create(String subnet, int count) throws IOException {
        if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
            throw new NotPermittedException("network namespace hosts need root (ip netns add)");
        }
        String prefix = "rsmwb-" + Long.toHexString(ProcessHandle.current().pid()) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        String sw = prefix + "-sw";
        NetworkNamespaces made = new NetworkNamespaces(subnet, sw);
        Runtime.getRuntime().addShutdownHook(made.removeAtExit);
        try {
            run("ip", "netns", "add", sw);
        } catch (IOException e) {
            made.close();
            throw new NotPermittedException("ip netns add is not permitted here: " + e.getMessage());
        }
        made.namespaces.add(sw);
        try {
            run("ip", "-n", sw, "link", "add", "br0", "type", "bridge");
            run("ip", "-n", sw, "link", "set", "br0", "up");
            for (int i = 1; i <= count; i++) {
                String namespace = prefix + "-h" + i;
                run("ip", "netns", "add", namespace);
                made.namespaces.add(namespace);
                String port = "port" + i;
                run("ip", "link", "add", "eth0", "netns", namespace, "type", "veth", "peer", "name", port, "netns", sw);
                run("ip", "-n", sw, "link", "set", port, "master", "br0");
                run("ip", "-n", sw, "link", "set", port, "up");
                String address = subnet + "." + i;
                run("ip", "-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
                run("ip", "-n", namespace, "link", "set", "eth0", "up");
                run("ip", "-n", namespace, "link", "set", "lo", "up");
                made.hosts.add(new Host("h" + i, namespace, address));
            }
            return made;
        } catch (IOException | RuntimeException e) {
            made.close();
            throw e;
        }
    }

    /**
     * Puts this machine (the namespace of this JVM) on the hosts' network, at {@code SUBNET}.254: for a test whose own JVM
     * talks with the hosts' JVMs (an IDE that debugs them, a ZooKeeper server they use). A veth pair whose other end is on
     * the switch, so it goes when the namespaces go.
     *
     * @return this machine's address on the hosts' network
     * @throws IOException when a command fails, or this machine already has an address in the subnet (another test run
     *         attached it, or the machine is on such a network): adding one would take its routes
     */
    public synchronized String attachThisMachine() throws IOException {
        String address = subnet + ".254";
        String inUse = run("ip", "-4", "-o", "addr", "show", "to", subnet + ".0/24").strip();
        if (!inUse.isEmpty()) {
            throw new IOException("this machine already has an address in " + subnet + ".0/24 (another test run?): " + inUse);
        }
        // an interface name has at most 15 characters
        String thisEnd = "rsmwb" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        run("ip", "link", "add", thisEnd, "type", "veth", "peer", "name", "port0", "netns", switchNamespace);
        run("ip", "-n", switchNamespace, "link", "set", "port0", "master", "br0");
        run("ip", "-n", switchNamespace, "link", "set", "port0", "up");
        run("ip", "addr", "add", address + "/24", "dev", thisEnd);
        run("ip", "link", "set", thisEnd, "up");
        return address;
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** Host N (1-based). */
    public Host host(int number) {
        return hosts.get(number - 1);
    }

    /**
     * Runs {@code command} on host {@code number}; returns what it printed.
     *
     * @throws IOException when it fails (with its output)
     */
    public String runOn(int number, String... command) throws IOException {
        List<String> words = new ArrayList<>(host(number).prefix());
        words.addAll(List.of(command));
        return run(words.toArray(String[]::new));
    }

    /** Removes the namespaces made. */
    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
        } catch (IllegalStateException e) {
            // the JVM is ending: the hook runs (or ran) remove() itself
        }
    }

    /** Deletes the namespaces made (their interfaces and routes go with them). */
    private synchronized void remove() {
        for (String namespace : namespaces.reversed()) {
            try {
                run("ip", "netns", "del", namespace);
            } catch (IOException e) {
                System.err.println("cannot remove network namespace " + namespace + ": " + e.getMessage());
            }
        }
        namespaces.clear();
        hosts.clear();
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within " + COMMAND_WAIT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
