// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.UntrustedFiles;

/**
 * The hosts file of {@code rsm-launch --hosts FILE}: which nodes run on which host, and how a node JVM is started there.
 * One statement a line, words split and quoted as a shell does; blank lines and lines that start with {@code #} (after
 * blanks) are ignored:
 *
 * <pre>
 * host NAME nodes=LIST [run="PREFIX"] [java=PATH] [dir=PATH] [address=IP]
 * classpath shared
 * files shared
 * </pre>
 *
 * <ul>
 * <li>{@code NAME}: letters, digits, {@code _} and {@code .} (no {@code -}: faults name a link between hosts
 * {@code A-B});</li>
 * <li>{@code nodes}: the nodes that run there, e.g. {@code 1-4,7}; every node that runs the program is on exactly one
 * host;</li>
 * <li>{@code run}: the command prefix that runs a command on the host (default {@code ssh NAME}; e.g.
 * {@code ip netns exec NS}; empty: this machine). When its program is {@code ssh}, the node's command is given to it as
 * one shell-quoted string (ssh hands a string to the remote shell); otherwise as separate words;</li>
 * <li>{@code java}: the java launcher there (default: the launcher's own path); {@code dir}: the working directory of
 * the node JVMs there (default: the prefix's);</li>
 * <li>{@code address}: the host's address on the network between the hosts, for the faults that cut a link;</li>
 * <li>{@code classpath shared} (the default): the class path, the JDK and the cluster directory have the same paths on
 * every host. {@code classpath shipped}: the launcher copies the node JVMs' class path entries to each host before its
 * nodes start ({@link ShippedClassPath}, into {@value ShippedClassPath#FOLDER} in the host's {@code dir=}, through its
 * run prefix, with {@code tar} there), and its node JVMs use the copies; the JDK ({@code java=}) and the cluster
 * directory still have to be there.</li>
 * <li>{@code files shared} (the default): the node JVMs use the launch's cluster directory (the same path on every host,
 * e.g. network namespaces of one machine). {@code files own}: each node JVM keeps the cluster's files in a directory of its
 * own on its host, made when it joins (from the cluster's spec in the registry) and removed when it ends
 * ({@value org.rsmworkbench.emulator.backend.DistributedBackend#OWN_DIRECTORY_PROPERTY}): hosts that share no file with the launcher nor with each other. Its
 * segments are then mapped by no other node; everything else goes through ZooKeeper and UCX.</li>
 * </ul>
 *
 * @param file where it was read from, for messages
 * @param hosts in the order of the file
 * @param classPathShipped whether the class path is copied to the hosts ({@code classpath shipped})
 * @param ownFiles whether each node JVM keeps the cluster's files in a directory of its own ({@code files own})
 */
public record HostsFile(Path file, List<Host> hosts, boolean classPathShipped, boolean ownFiles) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.]+");
    private static final Pattern NODE_RANGE = Pattern.compile("([0-9]{1,9})(?:-([0-9]{1,9}))?");
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");
    private static final List<String> KEYS = List.of("nodes", "run", "java", "dir", "address");
    /** Far more than a cluster's hosts take: a larger file is not a hosts file. */
    static final long MAX_FILE_BYTES = 1L << 20;

    public HostsFile {
        Objects.requireNonNull(file, "file");
        hosts = List.copyOf(hosts);
    }

    /**
     * A host of the file.
     *
     * @param prefix the words that run a command there (empty: this machine)
     * @param java its java launcher, or null for the launcher's own
     * @param directory the working directory of node JVMs there, or null
     * @param address its address between the hosts, or null
     * @param line the line of the file that names it
     */
    public record Host(String name, List<Integer> nodes, List<String> prefix, String java, String directory, String address,
            int line) {
        public Host {
            Objects.requireNonNull(name, "name");
            nodes = List.copyOf(nodes);
            prefix = List.copyOf(prefix);
        }

        /** Whether this host is the machine this JVM runs on: it has no prefix, or its address is one of this machine's. */
        public boolean isThisMachine() {
            if (prefix.isEmpty()) {
                return true;
            }
            try {
                // a literal only: never a name lookup (this runs on the UI thread too)
                return address != null && NetworkInterface.getByInetAddress(InetAddress.ofLiteral(address)) != null;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        /** Whether the prefix hands its command to a shell as one string (ssh), so that the words are quoted for it. */
        public boolean throughShell() {
            return !prefix.isEmpty() && Path.of(prefix.getFirst()).getFileName().toString().equals("ssh");
        }

        /** The command that runs {@code words} on this host (in {@link #directory()} when it has one). */
        public List<String> command(List<String> words) {
            return command(words, directory);
        }

        /** The command that runs {@code words} on this host in the prefix's working directory (for fault commands). */
        public List<String> commandInPlace(List<String> words) {
            return command(words, null);
        }

        private List<String> command(List<String> words, String workingDirectory) {
            List<String> command = new ArrayList<>(prefix);
            if (throughShell()) {
                command.add((workingDirectory != null ? "cd " + ShellWords.quote(List.of(workingDirectory)) + " && exec " : "")
                        + ShellWords.quote(words));
            } else {
                if (workingDirectory != null) {
                    command.addAll(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory));
                }
                command.addAll(words);
            }
            return command;
        }
    }

    /** The host that runs {@code node}, or null. */
    public Host hostOf(int node) {
        return hosts.stream().filter(h -> h.nodes().contains(node)).findFirst().orElse(null);
    }

    /** The host named {@code name}, or null. */
    public Host host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * Checks that every node that runs the program is on a host, and that every node of the file is in the cluster.
     *
     * @throws LaunchArgumentException that says what to change in the file
     */
    public void check(Collection<Integer> running, Collection<Integer> cluster) throws LaunchArgumentException {
        for (Host host : hosts) {
            for (int node : host.nodes()) {
                if (!cluster.contains(node)) {
                    throw new LaunchArgumentException("--hosts " + file + ":" + host.line() + ": the cluster has no node " + node
                            + " (its nodes: " + new TreeSet<>(cluster) + "): remove it from nodes=");
                }
            }
        }
        for (int node : running) {
            if (hostOf(node) == null) {
                throw new LaunchArgumentException("--hosts " + file + ": node " + node + " runs the program but is on no host:"
                        + " add it to the nodes= of a host line");
            }
        }
    }

    /**
     * Reads a hosts file: a regular file of at most {@value #MAX_FILE_BYTES} bytes that this user owns and nobody else
     * may change, since its {@code run=} and {@code java=} say what runs on each host.
     *
     * @throws LaunchArgumentException with FILE:LINE and what to change, or why the file cannot be read
     */
    public static HostsFile read(Path file) throws LaunchArgumentException {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                throw new LaunchArgumentException("--hosts: " + file + " is not a file: give a hosts file (see rsm-launch --help)");
            }
            lines = new String(UntrustedFiles.readOwn(file.toRealPath(), MAX_FILE_BYTES), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new LaunchArgumentException("--hosts: cannot read " + file + ": " + e.getMessage()
                    + " (a hosts file says which commands run on each host: it must be yours and writable only by you)");
        }
        List<Host> hosts = new ArrayList<>();
        boolean shipped = false;
        boolean ownFiles = false;
        for (int i = 0; i < lines.size(); i++) {
            String where = "--hosts " + file + ":" + (i + 1);
            if (lines.get(i).strip().startsWith("#")) {
                continue; // a comment is not split: it may have an apostrophe
            }
            List<String> words = ShellWords.split(where, lines.get(i));
            if (words.isEmpty()) {
                continue;
            }
            switch (words.getFirst()) {
                case "host" -> hosts.add(host(where, i + 1, words, hosts));
                case "classpath" -> shipped = classPathShipped(where, words);
                case "files" -> ownFiles = ownFiles(where, words);
                default -> throw new LaunchArgumentException(where + ": \"" + words.getFirst()
                        + "\" is not a statement: a line is host NAME nodes=LIST [run=PREFIX] [java=PATH] [dir=PATH] [address=IP]"
                        + ", classpath shared|shipped, or files shared|own");
            }
        }
        if (hosts.isEmpty()) {
            throw new LaunchArgumentException("--hosts " + file + ": no host line: add one per host, e.g. host alpha nodes=1,2");
        }
        if (shipped) {
            for (Host host : hosts) {
                if (host.directory() == null) {
                    throw new LaunchArgumentException("--hosts " + file + ":" + host.line() + ": host " + host.name() + " has no dir=:"
                            + " with classpath shipped, say where the class path is copied to there, e.g. dir=/var/tmp/rsm");
                }
            }
        }
        return new HostsFile(file, hosts, shipped, ownFiles);
    }

    /** Whether a {@code files} line says own. */
    private static boolean ownFiles(String where, List<String> words) throws LaunchArgumentException {
        if (words.size() != 2 || !(words.get(1).equals("shared") || words.get(1).equals("own"))) {
            throw new LaunchArgumentException(where + ": write files shared (the node JVMs use the launch's cluster directory, the"
                    + " same path on every host) or files own (each node JVM keeps the cluster's files in a directory of its own)");
        }
        return words.get(1).equals("own");
    }

    /** Whether a {@code classpath} line says shipped. */
    private static boolean classPathShipped(String where, List<String> words) throws LaunchArgumentException {
        if (words.size() != 2 || !(words.get(1).equals("shared") || words.get(1).equals("shipped"))) {
            throw new LaunchArgumentException(where + ": write classpath shared (the same paths on every host) or classpath"
                    + " shipped (the launcher copies the class path to every host)");
        }
        return words.get(1).equals("shipped");
    }

    private static Host host(String where, int line, List<String> words, List<Host> earlier) throws LaunchArgumentException {
        if (words.size() < 2 || words.get(1).contains("=")) {
            throw new LaunchArgumentException(where + ": a host line starts with host NAME, e.g. host alpha nodes=1,2");
        }
        String name = words.get(1);
        if (!NAME.matcher(name).matches()) {
            throw new LaunchArgumentException(where + ": host name \"" + name + "\" has other characters than letters, digits,"
                    + " '_' and '.' (faults name links NAME-NAME): give the real name in run=\"ssh " + name + "\"");
        }
        for (Host host : earlier) {
            if (host.name().equals(name)) {
                throw new LaunchArgumentException(where + ": host " + name + " is already on line " + host.line()
                        + ": give each host one line");
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String word : words.subList(2, words.size())) {
            int equals = word.indexOf('=');
            String key = equals < 0 ? word : word.substring(0, equals);
            if (equals < 0 || !KEYS.contains(key)) {
                throw new LaunchArgumentException(where + ": \"" + word + "\" is not KEY=VALUE with a key of "
                        + String.join(", ", KEYS));
            }
            if (settings.put(key, word.substring(equals + 1)) != null) {
                throw new LaunchArgumentException(where + ": " + key + "= is given twice");
            }
        }
        if (!settings.containsKey("nodes")) {
            throw new LaunchArgumentException(where + ": host " + name + " has no nodes=: say which nodes run there, e.g. nodes=1-4");
        }
        List<Integer> nodes = nodes(where, settings.get("nodes"));
        for (int node : nodes) {
            for (Host host : earlier) {
                if (host.nodes().contains(node)) {
                    throw new LaunchArgumentException(where + ": node " + node + " is already on host " + host.name() + " (line "
                            + host.line() + "): a node runs on one host");
                }
            }
        }
        List<String> prefix = settings.containsKey("run") ? ShellWords.split(where + ": run=", settings.get("run")) : List.of("ssh", name);
        String address = settings.get("address");
        if (address != null && !ADDRESS.matcher(address).matches()) {
            throw new LaunchArgumentException(where + ": address=" + address + " is not an IP address like 10.0.0.2");
        }
        return new Host(name, nodes, prefix, nonEmpty(where, "java", settings.get("java")), nonEmpty(where, "dir", settings.get("dir")),
                address, line);
    }

    private static String nonEmpty(String where, String key, String value) throws LaunchArgumentException {
        if (value != null && value.isEmpty()) {
            throw new LaunchArgumentException(where + ": " + key + "= is empty: give a path or leave the key out");
        }
        return value;
    }

    /** {@code 1-4,7} as [1, 2, 3, 4, 7]. */
    private static List<Integer> nodes(String where, String text) throws LaunchArgumentException {
        TreeSet<Integer> nodes = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            Matcher m = NODE_RANGE.matcher(part.trim());
            int first = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            int last = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
            if (first < 0 || last < first) {
                throw new LaunchArgumentException(where + ": nodes=" + text + " is not a list of node ids and ranges like 1-4,7");
            }
            if (last >= ClusterSpec.MAX_NODES) {
                throw new LaunchArgumentException(where + ": nodes=" + text + " names node " + last + ": node ids are 0 to "
                        + (ClusterSpec.MAX_NODES - 1));
            }
            for (int node = first; node <= last; node++) {
                nodes.add(node);
            }
        }
        return List.copyOf(nodes);
    }
}
