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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Injects {@link HostFault}s into a launch across hosts and logs each, as {@link FaultInjector} logs the faults of the
 * cluster: {@code 12:03:04.512 kill host beta: nodes 3, 4 (--fault kill-host:beta@500ms)}. A link is cut with a blackhole
 * route to the other host's address on each of the two hosts ({@code ip route add blackhole ADDRESS}, run through the
 * host's command prefix: root there), and healed by removing them; {@link #healCutLinks()} removes what the run left.
 * Both launchers inject host faults through it: {@link LaunchRunner} ({@code rsm-launch}) and the IDE's launch, which
 * starts the node JVMs itself and says which is each node's.
 */
public final class HostFaultInjector {
    /** How long a route command may take (an ssh prefix connects first). */
    private static final Duration ROUTE_COMMAND_WAIT = Duration.ofSeconds(20);
    /** How the outcome of a fault that did nothing, or failed, starts in its line. */
    private static final String NOTHING_TO_DO = ": nothing to do, ", FAILED = ": failed: ";

    private final HostsFile hosts;
    private final Supplier<Map<Integer, Process>> processes;
    private final Function<String, String> timed;
    private final Consumer<String> log;
    private final String source;
    /** The links cut (or tried) and not healed yet. */
    private final Set<HostFault> cut = new LinkedHashSet<>();

    /**
     * @param processes the last JVM of each node, by node id
     * @param timed puts the time of day before a line, as the cluster's fault lines have it
     * @param source where the faults come from, as {@link FaultScheduler}'s source: each line ends with
     *        {@code (SOURCE FAULT@TIME)}, e.g. {@code (--fault kill-host:beta@500ms)}
     */
    public HostFaultInjector(HostsFile hosts, Supplier<Map<Integer, Process>> processes, Function<String, String> timed,
            Consumer<String> log, String source) {
        this.hosts = hosts;
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
        String outcome = switch (fault.kind()) {
            case KILL_HOST -> killNodesOf(hosts.host(fault.hostA()));
            case LINK_DOWN -> setLink(fault, "add");
            case LINK_UP -> setLink(fault, "del");
        };
        String line = time + fault.describe() + outcome + " (" + from + ")";
        log.accept(line);
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

    /** Kills the node JVMs (the prefix processes) on {@code host}; ": nodes 1, 2", or what went wrong. */
    private String killNodesOf(HostsFile.Host host) {
        List<Integer> killed = new ArrayList<>();
        Map<Integer, Process> running = processes.get();
        for (int node : host.nodes()) {
            Process process = running.get(node);
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                killed.add(node);
            }
        }
        return killed.isEmpty() ? NOTHING_TO_DO + "no node JVM runs there" : ": node" + (killed.size() == 1 ? " " : "s ")
                + String.join(", ", killed.stream().map(String::valueOf).toList());
    }

    /** Adds or deletes the blackhole routes of a link on both of its hosts; "" when both worked, else what failed. */
    private String setLink(HostFault fault, String addOrDelete) {
        HostsFile.Host a = hosts.host(fault.hostA());
        HostsFile.Host b = hosts.host(fault.hostB());
        StringBuilder failures = new StringBuilder();
        for (HostsFile.Host[] pair : new HostsFile.Host[][] {{a, b}, {b, a}}) {
            String failure = run(pair[0], List.of("ip", "route", addOrDelete, "blackhole", pair[1].address()));
            if (failure != null) {
                failures.append(failures.isEmpty() ? FAILED : "; ").append(failure);
            }
        }
        return failures.toString();
    }

    /** Runs a command on a host; null when it exited with 0, else what it said. */
    private static String run(HostsFile.Host host, List<String> words) {
        List<String> command = host.commandInPlace(words);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(ROUTE_COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "on " + host.name() + ": " + String.join(" ", command) + " did not end within " + ROUTE_COMMAND_WAIT.toSeconds() + " s";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? null
                    : "on " + host.name() + ": " + String.join(" ", command) + " exited with " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            return "on " + host.name() + ": cannot run " + String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "on " + host.name() + ": interrupted";
        }
    }
}
