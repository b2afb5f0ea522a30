// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.rsmworkbench.emulator.backend.DistributedBackend;
import org.rsmworkbench.emulator.internal.FileErrors;
import org.rsmworkbench.emulator.internal.PrivateFiles;

/**
 * The secret of a launched cluster's registry: each launch makes one, every client of the cluster authenticates with it
 * (ZooKeeper's digest scheme, as user {@value #USER}) and makes the cluster's znodes with {@link #CLUSTER_ACL}, so that only that
 * identity may read or change them: not another user of the machine who reaches the ensemble's port. A client finds the
 * secret of a cluster ({@link #of}) in its launcher's memory (the launcher, tests), on its standard input (a node JVM
 * started through a host's prefix), in the file the launch keeps for the same user ({@link #file}: the IDE attaching to
 * a cluster {@code rsm-launch} runs), else in its environment (a node JVM, see {@link DistributedBackend#SECRET_VARIABLE},
 * or the IDE given the secret of another user's cluster).
 */
public final class RegistrySecrets {
    /** The digest user of every cluster: the secret tells clusters apart. */
    static final String USER = "rsm";
    /** The ACL of every znode of a cluster: all for the identity of the session that makes it, nothing for others. */
    static final List<ACL> CLUSTER_ACL = ZooDefs.Ids.CREATOR_ALL_ACL;
    /**
     * The ACL of {@link ZooKeeperBackend#ROOT}, shared by clusters of different secrets: each adds and removes its own
     * registry there (a registry is never empty while its cluster runs, so nobody else can remove it), nobody may change
     * the folder or its ACL.
     */
    // not List.of: ZooKeeper asks the list whether it contains null
    public static final List<ACL> ROOT_ACL = Collections.singletonList(new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.CREATE | ZooDefs.Perms.DELETE,
            ZooDefs.Ids.ANYONE_ID_UNSAFE));
    /** The schemes besides digest of the identities that a server may have proved of the session that made a registry. */
    private static final Set<String> SESSION_SCHEMES = Set.of("sasl", "x509");
    private static final int SECRET_BYTES = 32;
    private static final int MAX_SECRET_CHARS = 256;
    /** The secrets of the clusters launched by this JVM, by {@link #key}. */
    private static final Map<String, String> LAUNCHED = new ConcurrentHashMap<>();
    /** The secret read from standard input, once: null until then. */
    private static String fromStandardInput;

    private RegistrySecrets() {
    }

    /**
     * Makes the secret of the cluster launched with {@code connectString}, which clients of this JVM find at once and
     * those of the same user find in its {@link #file} until {@link #ended}. A file that cannot be written does not stop
     * the launch (only RSM &gt; Attach reads it): {@code warnings} gets a line that says so, and why.
     */
    static String launched(String connectString, Consumer<String> warnings) {
        byte[] random = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        LAUNCHED.put(key(connectString), secret);
        try {
            PrivateFiles.write(file(connectString), secret.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            warnings.accept("RSM > Attach to Distributed Cluster... will not find the secret of this cluster's registry: it"
                    + " cannot be written to " + file(connectString) + " (" + FileErrors.describe(e) + "); the launch goes on");
        }
        return secret;
    }

    /** The launch of {@code connectString} ended: its secret goes. */
    static void ended(String connectString) {
        LAUNCHED.remove(key(connectString));
        try {
            PrivateFiles.delete(file(connectString));
        } catch (IOException e) {
            // the secret of a cluster that is gone protects nothing
        }
    }

    /** The secret of the cluster whose registry is at {@code connectString}, or null when this process has none. */
    public static String of(String connectString) {
        return find(connectString).secret();
    }

    /**
     * A secret of a cluster, and where it was found: what a refusal names.
     *
     * @param secret null when none was found
     * @param from where it was found, as a refusal says it
     * @param unusedFile why the file of the cluster's secret that was there was not used, or null
     */
    private record Found(String secret, String from, String unusedFile) {
    }

    /**
     * Looks for the secret of {@code connectString} in this launcher's memory, on standard input when the launcher
     * writes it there, in the cluster's {@link #file}, then in the environment. The file comes before the variable: a
     * user who set the variable to attach another user's cluster still attaches the clusters that this user launched.
     */
    private static Found find(String connectString) {
        String launched = LAUNCHED.get(key(connectString));
        if (launched != null) {
            return new Found(launched, "this launcher", null);
        }
        if (Boolean.getBoolean(DistributedBackend.SECRET_ON_STDIN_PROPERTY)) {
            return new Found(fromStandardInput(), "the standard input", null);
        }
        Path file = file(connectString);
        String unusedFile = null;
        try {
            String secret = new String(PrivateFiles.read(file, MAX_SECRET_CHARS), StandardCharsets.UTF_8).strip();
            return new Found(secret, file.toString(), null);
        } catch (NoSuchFileException e) {
            // no file: the usual case of another user or machine
        } catch (IOException e) {
            unusedFile = e.getMessage(); // a file that is not this user's own is no secret
        }
        String variable = System.getenv(DistributedBackend.SECRET_VARIABLE);
        return variable == null || variable.isBlank() ? new Found(null, null, unusedFile)
                : new Found(variable.strip(), "the environment variable " + DistributedBackend.SECRET_VARIABLE
                        + " in place of a file of this cluster's secret", unusedFile);
    }

    /** Authenticates {@code zooKeeper}'s session with {@code secret}, before its first call; nothing when it is null. */
    public static void authenticate(ZooKeeper zooKeeper, String secret) {
        if (secret != null) {
            zooKeeper.addAuthInfo("digest", (USER + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Where the launch keeps the secret of {@code connectString} for later processes of the same user: a file (0600) of
     * a folder (0700) in {@code $XDG_RUNTIME_DIR/rsm-workbench}, else in {@code ~/.rsm-workbench}, named by a hash of
     * its {@link #key}.
     */
    static Path file(String connectString) {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path base = runtime != null && !runtime.isBlank() ? Path.of(runtime, "rsm-workbench")
                : Path.of(System.getProperty("user.home"), ".rsm-workbench");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key(connectString).getBytes(StandardCharsets.UTF_8));
            return base.resolve("registry-secrets").resolve(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * What tells a cluster's secret apart: the path of its registry (unique, it ends with a UUID), not the ensemble's
     * servers, which a user may write in other ways (a host name for an address, another server of the ensemble).
     */
    private static String key(String connectString) {
        String trimmed = connectString.strip();
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash);
    }

    /** What a client refused by the registry at {@code connectString} (it lacks the secret) should do. */
    static String refused(String connectString) {
        Found found = find(connectString);
        String used = found.secret() == null ? "" : " (the secret it used, from " + found.from() + ", may be another registry's)";
        String unused = found.unusedFile() == null ? "" : " (the file there is not used: " + found.unusedFile() + ")";
        return "the cluster registry at " + connectString + " may be read only with the secret of its launch, which this"
                + " process does not have" + used + ": node JVMs get it from their launcher (environment "
                + DistributedBackend.SECRET_VARIABLE + ", or their standard input); to attach, be the user who launched the"
                + " cluster on this machine (the launch keeps it in " + file(connectString) + ", a file 0600 in a folder 0700)"
                + unused + ", or copy that file to the same place of the attaching user (mode 0600, its folder 0700), or give"
                + " it in the environment variable " + DistributedBackend.SECRET_VARIABLE;
    }

    /**
     * Whether {@code acl}, the ACL of a cluster's root, lets only the holders of {@code secret} in: a registry made by
     * a launch, not one that another user of the ensemble made open (or with another secret) to be attached to. A launch
     * makes it with {@link #CLUSTER_ACL}, which the server turns into all rights for each identity that the session
     * proved: its secret's digest and, on a server that authenticates its clients, their SASL or x509 identity (the
     * launching user's). Any other entry is refused: one for anyone (world, or anyone at an address: ip), or for another
     * digest, which is another secret's (a launch's session holds one digest identity, its secret's).
     */
    public static boolean madeWith(List<ACL> acl, String secret) {
        Id ours;
        try {
            ours = new Id("digest", DigestAuthenticationProvider.generateDigest(USER + ":" + secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        return acl.contains(new ACL(ZooDefs.Perms.ALL, ours))
                && acl.stream().allMatch(entry -> entry.getId().equals(ours) || SESSION_SCHEMES.contains(entry.getId().getScheme()));
    }

    /** {@code acl} as zkCli writes it (world:anyone:cdrwa), an entry after another. */
    static String describe(List<ACL> acl) {
        return acl.stream().map(entry -> ZKUtil.aclToString(List.of(entry))).collect(Collectors.joining(", "));
    }

    /** The first line of standard input, where the launcher writes the secret for a node JVM on another host. */
    private static synchronized String fromStandardInput() {
        if (fromStandardInput == null) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            InputStream in = System.in;
            try {
                // byte by byte: nothing after the line is taken from the program
                for (int b = in.read(); b >= 0 && b != '\n' && line.size() < MAX_SECRET_CHARS; b = in.read()) {
                    line.write(b);
                }
            } catch (IOException e) {
                // no secret: the registry refuses, saying so
            }
            fromStandardInput = line.toString(StandardCharsets.UTF_8).strip();
        }
        return fromStandardInput.isEmpty() ? null : fromStandardInput;
    }
}
