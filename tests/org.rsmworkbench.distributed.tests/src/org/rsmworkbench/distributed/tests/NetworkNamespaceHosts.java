// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension (for a static field with {@code @RegisterExtension}) that makes hosts out of network namespaces for
 * the tests of a class: one namespace per host, each with a veth pair whose other end is on a bridge in a namespace of its
 * own (the switch), addresses {@value #SUBNET}.N/24 inside the host namespaces only: nothing is added to this machine's
 * own network. Names carry this JVM's pid and a random part, so parallel runs do not collide; everything is removed after
 * the class (deleting a namespace deletes its interfaces), also when a test failed, and by a shutdown hook when the JVM
 * ends early. Tests are skipped, with the reason, when not root or when {@code ip netns} is not permitted.
 */
public final class NetworkNamespaceHosts implements BeforeAllCallback, AfterAllCallback {
    /** The first three bytes of the hosts' addresses (a private /24 that exists only inside the namespaces). */
    public static final String SUBNET = "10.219.19";
    private static final long COMMAND_WAIT_SECONDS = 30;

    /** A host: its name in hosts files (h1, h2, ...), its namespace and its address. */
    public record Host(String name, String namespace, String address) {
        /** The command prefix that runs a command on this host. */
        public List<String> prefix() {
            return List.of("ip", "netns", "exec", namespace);
        }
    }

    private final int count;
    private final List<Host> hosts = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private Thread removeAtExit;

    /** {@code count} hosts, h1 .. hN. */
    public NetworkNamespaceHosts(int count) {
        this.count = count;
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** Host N (1-based). */
    public Host host(int number) {
        return hosts.get(number - 1);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue("root".equals(ProcessHandle.current().info().user().orElse("")),
                "network namespace hosts need root (ip netns add): these tests run as root in CI");
        String prefix = "rsmwb-" + Long.toHexString(ProcessHandle.current().pid()) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        removeAtExit = new Thread(this::remove, "remove-network-namespaces");
        Runtime.getRuntime().addShutdownHook(removeAtExit);
        String sw = prefix + "-sw";
        String failure = tryRun("ip", "netns", "add", sw);
        Assumptions.assumeTrue(failure == null, () -> "ip netns add is not permitted here, network namespace hosts are skipped: " + failure);
        namespaces.add(sw);
        try {
            run("ip", "-n", sw, "link", "add", "br0", "type", "bridge");
            run("ip", "-n", sw, "link", "set", "br0", "up");
            for (int i = 1; i <= count; i++) {
                String namespace = prefix + "-h" + i;
                run("ip", "netns", "add", namespace);
                namespaces.add(namespace);
                String port = "port" + i;
                run("ip", "link", "add", "eth0", "netns", namespace, "type", "veth", "peer", "name", port, "netns", sw);
                run("ip", "-n", sw, "link", "set", port, "master", "br0");
                run("ip", "-n", sw, "link", "set", port, "up");
                String address = SUBNET + "." + i;
                run("ip", "-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
                run("ip", "-n", namespace, "link", "set", "eth0", "up");
                run("ip", "-n", namespace, "link", "set", "lo", "up");
                hosts.add(new Host("h" + i, namespace, address));
            }
        } catch (IOException | RuntimeException e) {
            remove();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        remove();
        if (removeAtExit != null) {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
        }
    }

    /** Deletes the namespaces made (their interfaces and routes go with them). */
    private synchronized void remove() {
        for (String namespace : namespaces.reversed()) {
            tryRun("ip", "netns", "del", namespace);
        }
        namespaces.clear();
        hosts.clear();
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

    /** Runs a command; null when it worked, else why not. */
    private static String tryRun(String... command) {
        try {
            run(command);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
