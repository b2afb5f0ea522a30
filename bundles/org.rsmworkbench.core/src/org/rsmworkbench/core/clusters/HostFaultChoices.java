// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.clusters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostFaultInjector;
import org.rsmworkbench.emulator.launch.HostsFile;

/**
 * The host faults a view offers for a launch across hosts, from its hosts file: a kill per host (with its nodes), and
 * per pair of hosts a cut and a restore of the link between them. A link can be cut only between hosts that both have
 * an {@code address=} (the blackhole routes need it) and not between this machine and a host it reaches through ssh
 * ({@link HostFault#cutsOffThisMachine}), and restored only once it has been cut; an offer that cannot be chosen says why.
 *
 * @param kills Kill Host: one per host, in the order of the hosts file
 * @param cuts Cut Link Between Hosts: one per pair of hosts
 * @param restores Restore Link Between Hosts: one per pair of hosts
 */
public record HostFaultChoices(List<Choice> kills, List<Choice> cuts, List<Choice> restores) {
    /**
     * One offer.
     *
     * @param label what the menu item says, e.g. "beta (nodes 3, 4)", "alpha - beta"
     * @param fault what it injects (now: its time is 0)
     * @param disabledReason why it cannot be chosen, or null when it can
     */
    public record Choice(String label, HostFault fault, String disabledReason) {
        public boolean enabled() {
            return disabledReason == null;
        }
    }

    /** The offers for {@code cluster}, or null when its launch is not one across hosts. */
    public static HostFaultChoices of(RunningCluster cluster) {
        return cluster.hostFaults().map(HostFaultChoices::of).orElse(null);
    }

    /** The offers of a launch whose hosts' faults {@code injector} injects, in its current state (links cut). */
    public static HostFaultChoices of(HostFaultInjector injector) {
        List<HostsFile.Host> hosts = injector.hosts().hosts();
        List<Choice> kills = new ArrayList<>();
        List<Choice> cuts = new ArrayList<>();
        List<Choice> restores = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostsFile.Host a = hosts.get(i);
            kills.add(new Choice(a.name() + " (" + nodes(a) + ")",
                    new HostFault(HostFault.Kind.KILL_HOST, a.name(), null, Duration.ZERO), null));
            for (HostsFile.Host b : hosts.subList(i + 1, hosts.size())) {
                String label = a.name() + " - " + b.name();
                String cannot = cannotCut(a, b);
                boolean cut = injector.isCut(a.name(), b.name());
                cuts.add(new Choice(label, new HostFault(HostFault.Kind.LINK_DOWN, a.name(), b.name(), Duration.ZERO),
                        cannot != null ? cannot : cut ? "already cut" : null));
                restores.add(new Choice(label, new HostFault(HostFault.Kind.LINK_UP, a.name(), b.name(), Duration.ZERO),
                        cannot != null ? cannot : cut ? null : "not cut"));
            }
        }
        return new HostFaultChoices(List.copyOf(kills), List.copyOf(cuts), List.copyOf(restores));
    }

    /** The nodes of a host, in words: "node 3", "nodes 1, 2". */
    public static String nodes(HostsFile.Host host) {
        return "node" + (host.nodes().size() == 1 ? " " : "s ") + host.nodes().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * Why the link between two hosts cannot be cut ("beta has no address= in the hosts file", "this machine reaches beta
     * through ssh across this link"), or null.
     */
    private static String cannotCut(HostsFile.Host a, HostsFile.Host b) {
        List<String> without = new ArrayList<>();
        for (HostsFile.Host host : List.of(a, b)) {
            if (host.address() == null) {
                without.add(host.name());
            }
        }
        if (!without.isEmpty()) {
            return String.join(" and ", without) + (without.size() == 1 ? " has" : " have") + " no address= in the hosts file";
        }
        HostsFile.Host far = HostFault.reachedThroughTheLink(a, b);
        return far == null ? null : "this machine reaches " + far.name() + " through ssh across this link";
    }
}
