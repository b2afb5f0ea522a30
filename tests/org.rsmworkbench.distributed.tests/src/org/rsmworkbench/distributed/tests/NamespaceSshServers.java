// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.rsmworkbench.tests.support.NetworkNamespaces;
import org.rsmworkbench.tests.support.TestFolders;

/**
 * An OpenSSH server on every host of a {@link NetworkNamespaceHosts}, so that a launch reaches its hosts through a real
 * {@code ssh} (a login, the remote shell that runs the node command, a JVM that is not the prefix's process), as across real
 * machines. Each server listens on its host's address, port 22, with a host key made for it, and lets in this user with a
 * key made for it; {@link #prefix} is the hosts file's {@code run=} that reaches the host with them (its own configuration,
 * so that nothing of this user's {@code ~/.ssh} is read or written). What it makes is in a folder of its own, which
 * {@link #close()} removes with the servers.
 * <p>
 * Tests that use it are skipped, saying so, where OpenSSH's server is not installed ({@code .ci/run} installs it). sshd
 * needs its privilege separation directory {@code /run/sshd}, which its package's service makes: made here when missing.
 */
final class NamespaceSshServers implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final Path PRIVILEGE_SEPARATION = Path.of("/run/sshd");
    private static final Duration START_WAIT = Duration.ofSeconds(20);

    private final Path folder;
    private final List<Process> servers = new ArrayList<>();

    private NamespaceSshServers(Path folder) {
        this.folder = folder;
    }

    /**
     * Starts a server on every host of {@code hosts}, its files in {@code folder} (made here, private), and waits until each
     * listens; aborts the test (skipped) where OpenSSH's server is not installed.
     */
    static NamespaceSshServers start(NetworkNamespaceHosts hosts, Path folder) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(SSHD) && Files.isExecutable(SSH_KEYGEN), "launching through a real ssh needs"
                + " OpenSSH's server (" + SSHD + ", " + SSH_KEYGEN + "; apt-get install openssh-server, as .ci/run does): skipped");
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        NamespaceSshServers made = new NamespaceSshServers(folder);
        try {
            if (Files.notExists(PRIVILEGE_SEPARATION)) {
                Files.createDirectories(PRIVILEGE_SEPARATION, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            }
            made.keygen("client-key");
            Files.copy(folder.resolve("client-key.pub"), folder.resolve("authorized_keys"));
            StringBuilder knownHosts = new StringBuilder();
            StringBuilder clientConfig = new StringBuilder();
            for (NetworkNamespaces.Host host : hosts.hosts()) {
                String hostKey = made.keygen("host-key-" + host.name());
                // the key's type and the key itself, without the comment
                knownHosts.append(host.name()).append(' ').append(String.join(" ", List.of(hostKey.strip().split(" ")).subList(0, 2))).append('\n');
                clientConfig.append("Host ").append(host.name()).append("\n  HostName ").append(host.address())
                        .append("\n  HostKeyAlias ").append(host.name()).append('\n');
                made.servers.add(made.startServer(host));
            }
            Files.writeString(folder.resolve("known_hosts"), knownHosts);
            clientConfig.append("Host *\n  User ").append(System.getProperty("user.name")).append("\n  IdentityFile ")
                    .append(folder.resolve("client-key")).append("\n  IdentitiesOnly yes\n  UserKnownHostsFile ")
                    .append(folder.resolve("known_hosts")).append("\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n"
                            + "  BatchMode yes\n  ConnectTimeout 10\n");
            Files.writeString(clientConfig(folder), clientConfig);
            made.assumeLogin(hosts.hosts().getFirst());
            return made;
        } catch (IOException | InterruptedException | RuntimeException e) {
            made.close();
            throw e;
        }
    }

    /**
     * Aborts the test (skipped) when the server refuses this user: without PAM (its modules fail in containers) OpenSSH
     * refuses an account whose password is locked ({@code !} in the shadow file), even with a key, as many installed
     * systems leave root's.
     */
    private void assumeLogin(NetworkNamespaces.Host host) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(host.prefix());
        command.addAll(List.of("ssh", "-F", clientConfig(folder).toString(), host.name(), "true"));
        Process login = new ProcessBuilder(command).redirectErrorStream(true).start();
        login.getOutputStream().close();
        String said = new String(login.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (login.waitFor() != 0) {
            Assumptions.abort("the hosts' ssh servers refuse " + System.getProperty("user.name") + "'s login with a key (" + said
                    + "; a locked account?): launches through ssh are skipped");
        }
    }

    /** The {@code run=} of a hosts file that reaches {@code host} through ssh: {@code ssh -F CONFIG NAME}. */
    String prefix(NetworkNamespaces.Host host) {
        return "ssh -F " + clientConfig(folder) + " " + host.name();
    }

    private static Path clientConfig(Path folder) {
        return folder.resolve("ssh_config");
    }

    /** Makes a key pair NAME, NAME.pub without a passphrase; returns the public key's line. */
    private String keygen(String name) throws IOException, InterruptedException {
        run(List.of(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", folder.resolve(name).toString()));
        return Files.readString(folder.resolve(name + ".pub"));
    }

    /** Starts sshd in {@code host}'s namespace and waits until it listens (it says so on its standard error, {@code -e}). */
    private Process startServer(NetworkNamespaces.Host host) throws IOException, InterruptedException {
        Path config = Files.writeString(folder.resolve("sshd_config-" + host.name()), String.join("\n",
                "ListenAddress " + host.address() + ":22",
                "HostKey " + folder.resolve("host-key-" + host.name()),
                "AuthorizedKeysFile " + folder.resolve("authorized_keys"),
                "PidFile none",
                "PermitRootLogin prohibit-password",
                // the authorized keys file is the same for every user: only this one may log in with it
                "AllowUsers " + System.getProperty("user.name"),
                "PermitUserRC no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                // the keys are in a folder under /tmp, which others may write: OpenSSH's strict modes refuse any such path
                "StrictModes no", ""));
        List<String> command = new ArrayList<>(host.prefix());
        command.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString()));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        server.getOutputStream().close();
        List<String> said = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().name("sshd-" + host.name()).start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (said) {
                        said.add(line);
                        said.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the server was stopped
            }
        });
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        synchronized (said) {
            while (said.stream().noneMatch(line -> line.startsWith("Server listening on " + host.address()))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !server.isAlive() && !reader.isAlive()) {
                    server.destroyForcibly();
                    throw new IOException("sshd on " + host.name() + " did not listen within " + START_WAIT.toSeconds() + " s: " + said);
                }
                TimeUnit.NANOSECONDS.timedWait(said, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
        return server;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + output.strip());
        }
    }

    /** Stops the servers (not the sessions they opened: a launch ends its own) and removes their folder. */
    @Override
    public void close() throws IOException {
        for (Process server : servers) {
            server.destroy();
        }
        for (Process server : servers) {
            try {
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        servers.clear();
        TestFolders.delete(folder);
    }
}
