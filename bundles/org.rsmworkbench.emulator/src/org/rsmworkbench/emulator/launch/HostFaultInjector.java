// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/**
 * Injects {@link HostFault}s into a launch across hosts and logs each, as {@link FaultInjector} logs the faults of the
 * cluster: {@code 12:03:04.512 kill host beta: nodes 3, 4 (--fault kill-host:beta@500ms)}. A host's node JVMs are killed,
 * the processes that started them and then the JVMs where they run, by the pids they recorded in the registry: a JVM
 * that its prefix did not exec (ssh's, a child of the remote shell) outlives the prefix's kill. A link is cut with a
 * blackhole route to the other host's address on each of the two hosts ({@code ip route add blackhole ADDRESS}, run
 * through the host's command prefix: root there), and healed by removing them; {@link #healCutLinks()} removes what the
 * run left.
 * Both launchers inject host faults through it: {@link LaunchRunner} ({@code rsm-launch}) and the IDE's launch, which
 * starts the node JVMs itself and says which is each node's.
 */
public final class HostFaultInjector {
    /** How long a command on a host may take (an ssh prefix connects first). */
    private static final Duration HOST_COMMAND_WAIT = Duration.ofSeconds(20);
    /**
     * Kills node JVMs on the host it runs on, each given as NODE:PID after two arguments: the JVM's registry argument and
     * the start of its node argument; but only a process of the user it runs as whose command line still has both, not
     * one that took the pid of an ended JVM (another user's is not even read). Prints {@code killed NODE} for each JVM killed, {@code not killed: ...} for one it could not kill.
     * One line (a csh login shell, which ssh may hand it to, refuses a newline inside quotes); {@code sh}, {@code tr},
     * {@code grep} and {@code kill} are POSIX's, {@code /proc} Linux's (so is UCX).
     */
    private static final String KILL_RECORDED_JVMS = String.join("; ",
            "registry=$1 node_argument=$2",
            "shift 2",
            "[ -r /proc/self/cmdline ] || { echo \"cannot read /proc/PID/cmdline here\"; exit 3; }",
            "for jvm; do node=${jvm%%:*} pid=${jvm#*:}",
            "if [ -O /proc/\"$pid\" ] && tr '\\0' '\\n' 2>/dev/null </proc/\"$pid\"/cmdline | grep -qxF -e \"$registry\""
                    + " && tr '\\0' '\\n' 2>/dev/null </proc/\"$pid\"/cmdline | grep -qxF -e \"$node_argument$node\"",
            "then if kill -KILL \"$pid\"",
            "then echo \"killed $node\"",
            "else echo \"not killed: node $node (pid $pid)\"",
            "fi",
            "fi",
            "done",
            "exit 0");
    private static final Pattern KILLED = Pattern.compile("killed ([0-9]{1,9})");
    /** How the outcome of a fault that did nothing, or failed, starts in its line. */
    private static final String NOTHING_TO_DO = ": nothing to do, ", FAILED = ": failed: ";

    private final HostsFile hosts;
    private final DistributedBackend.LaunchedRegistry registry;
    private final Supplier<Map<Integer, Process>> processes;
    private final Function<String, String> timed;
    private final Consumer<String> log;
    private final String source;
    /** The links cut (or tried) and not healed yet. */
    private final Set<HostFault> cut = new LinkedHashSet<>();

    /**
     * @param registry the registry of the launch's distributed cluster, where its node JVMs record their pids; null when
     *        the node JVMs are the processes the launch started (in tests)
     * @param processes the last process the launch started for each node, by node id: the node's JVM, or the prefix
     *        process that started it
     * @param timed puts the time of day before a line, as the cluster's fault lines have it
     * @param source where the faults come from, as {@link FaultScheduler}'s source: each line ends with
     *        {@code (SOURCE FAULT@TIME)}, e.g. {@code (--fault kill-host:beta@500ms)}
     */
    public HostFaultInjector(HostsFile hosts, DistributedBackend.LaunchedRegistry registry,
            Supplier<Map<Integer, Process>> processes, Function<String, String> timed, Consumer<String> log, String source) {
        this.hosts = hosts;
        this.registry = registry;
        this.processes = processes;
        this.timed = timed;
        this.log = log;
        this.source = source;
    }

    /** Injects a scheduled {@code fault} now (its hosts checked against the hosts file, {@link HostFault#check}) and logs it. */
    public void inject(HostFault fault) {
        injectLogged(fault, source + " " + fault);
    }

    /**
     * Injects {@code fault} now, as the user asked from a view (its hosts in the hosts file, with an address for a link),
     * and logs it with {@code from} as its source: {@code 12:03:04.512 kill host beta: nodes 3, 4 (Clusters view)}.
     *
     * @return whether it did something on every host it names (a kill that found no node JVM, or a route command that
     *         failed, did not), and its log line
     */
    public FaultInjector.Result inject(HostFault fault, String from) {
        return injectLogged(fault, from);
    }

    private synchronized FaultInjector.Result injectLogged(HostFault fault, String from) {
        String time = timed.apply("");
        // checked before a launch (HostFault.check), not for a fault asked for from a view
        String refused = fault.cutsOffThisMachine(hosts);
        String outcome = refused != null ? FAILED + refused : switch (fault.kind()) {
            case KILL_HOST -> killNodesOf(hosts.host(fault.hostA()));
            case LINK_DOWN -> setLink(fault, "add");
            case LINK_UP -> setLink(fault, "del");
        };
        String line = time + fault.describe() + outcome + " (" + from + ")";
        log.accept(line);
        if (refused != null) {
            return new FaultInjector.Result(false, line);
        }
        if (fault.kind() == HostFault.Kind.LINK_DOWN) {
            cut.add(fault);
        } else if (fault.kind() == HostFault.Kind.LINK_UP) {
            cut.removeIf(down -> sameLink(down, fault));
        }
        return new FaultInjector.Result(!outcome.startsWith(NOTHING_TO_DO) && !outcome.startsWith(FAILED), line);
    }

    /** The hosts file of the launch: the hosts faults may name. */
    public HostsFile hosts() {
        return hosts;
    }

    /** Whether the link between hosts {@code a} and {@code b} was cut (or tried) and not healed since. */
    public synchronized boolean isCut(String a, String b) {
        HostFault link = new HostFault(HostFault.Kind.LINK_UP, a, b, Duration.ZERO);
        return cut.stream().anyMatch(down -> sameLink(down, link));
    }

    /** Heals the links that are still cut (a launch must not leave blackhole routes on its hosts). */
    public synchronized void healCutLinks() {
        for (HostFault down : List.copyOf(cut)) {
            inject(new HostFault(HostFault.Kind.LINK_UP, down.hostA(), down.hostB(), down.at()));
        }
    }

    private static boolean sameLink(HostFault a, HostFault b) {
        return a.hostA().equals(b.hostA()) && a.hostB().equals(b.hostB()) || a.hostA().equals(b.hostB()) && a.hostB().equals(b.hostA());
    }

    /**
     * Kills the processes that started the node JVMs on {@code host} (their exit status is the node's), then the JVMs where
     * they run, which outlive a prefix that did not exec them; ": nodes 1, 2", or what went wrong.
     */
    private String killNodesOf(HostsFile.Host host) {
        Set<Integer> killed = new TreeSet<>();
        Map<Integer, Process> running = processes.get();
        for (int node : host.nodes()) {
            Process process = running.get(node);
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                killed.add(node);
            }
        }
        String failure = registry != null && !host.prefix().isEmpty() ? killRecordedJvms(host, killed) : null;
        String nodes = "node" + (killed.size() == 1 ? " " : "s ") + String.join(", ", killed.stream().map(String::valueOf).toList());
        if (failure != null) {
            return FAILED + failure + (killed.isEmpty() ? "" : "; killed: " + nodes);
        }
        return killed.isEmpty() ? NOTHING_TO_DO + "no node JVM runs there" : ": " + nodes;
    }

    /**
     * Kills the node JVMs of {@code host} that the registry knows (those that joined) where they run, through the host's
     * prefix, and adds their nodes to {@code killed}; null when that worked (or none had joined), else what failed.
     */
    private String killRecordedJvms(HostsFile.Host host, Set<Integer> killed) {
        Map<Integer, Set<Long>> jvms;
        try {
            jvms = registry.nodeJvms();
        } catch (IllegalStateException e) {
            return "the node JVMs on " + host.name() + " not killed: " + e.getMessage();
        }
        List<String> words = new ArrayList<>(List.of("sh", "-c", KILL_RECORDED_JVMS, "rsm-kill-host",
                "-D" + DistributedBackend.PROPERTY + "=" + registry.connectString(), "-D" + EmulatedCluster.NODE_PROPERTY + "="));
        int arguments = words.size();
        for (int node : host.nodes()) {
            jvms.getOrDefault(node, Set.of()).forEach(pid -> words.add(node + ":" + pid));
        }
        if (words.size() == arguments) {
            return null;
        }
        Ran ran = run(host, words, "the kill of its node JVMs");
        List<String> notKilled = new ArrayList<>();
        for (String line : ran.output().lines().toList()) { // an ssh prefix may add lines of its own (warnings)
            Matcher matcher = KILLED.matcher(line);
            if (matcher.matches() && host.nodes().contains(Integer.valueOf(matcher.group(1)))) {
                killed.add(Integer.valueOf(matcher.group(1)));
            } else if (line.startsWith("not killed: ")) {
                notKilled.add(line.substring("not killed: ".length()));
            }
        }
        if (ran.failure() != null) {
            return ran.failure();
        }
        return notKilled.isEmpty() ? null : "on " + host.name() + ", kill -KILL failed for " + String.join(", ", notKilled);
    }

    /** Adds or deletes the blackhole routes of a link on both of its hosts; "" when both worked, else what failed. */
    private String setLink(HostFault fault, String addOrDelete) {
        HostsFile.Host a = hosts.host(fault.hostA());
        HostsFile.Host b = hosts.host(fault.hostB());
        StringBuilder failures = new StringBuilder();
        for (HostsFile.Host[] pair : new HostsFile.Host[][] {{a, b}, {b, a}}) {
            String failure = run(pair[0], List.of("ip", "route", addOrDelete, "blackhole", pair[1].address()), null).failure();
            if (failure != null) {
                failures.append(failures.isEmpty() ? FAILED : "; ").append(failure);
            }
        }
        return failures.toString();
    }

    /**
     * What a command on a host printed (its standard output and error), and null as its failure when it exited with 0,
     * else what went wrong.
     */
    private record Ran(String output, String failure) {
    }

    /** Runs a command on a host; {@code what} names it in a failure, the command line when null. */
    private static Ran run(HostsFile.Host host, List<String> words, String what) {
        List<String> command = host.commandInPlace(words);
        String description = what != null ? what : String.join(" ", command);
        String named = "on " + host.name() + ": " + description;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(HOST_COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Ran("", named + " did not end within " + HOST_COMMAND_WAIT.toSeconds() + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return new Ran(output, process.exitValue() == 0 ? null : named + " exited with " + process.exitValue() + ": " + output);
        } catch (IOException e) {
            return new Ran("", "on " + host.name() + ": cannot run " + description + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran("", "on " + host.name() + ": interrupted");
        }
    }
}
