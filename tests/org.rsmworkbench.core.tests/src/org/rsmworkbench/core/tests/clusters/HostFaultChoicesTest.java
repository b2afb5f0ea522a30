// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.tests.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.core.clusters.HostFaultChoices;
import org.rsmworkbench.core.clusters.HostFaultChoices.Choice;
import org.rsmworkbench.core.clusters.RunningCluster;
import org.rsmworkbench.core.clusters.RunningClusters;
import org.rsmworkbench.emulator.launch.FaultInjector;
import org.rsmworkbench.emulator.launch.HostFault;
import org.rsmworkbench.emulator.launch.HostFaultInjector;
import org.rsmworkbench.emulator.launch.HostsFile;
import org.rsmworkbench.tests.support.EmulatedClusterExtension;

/**
 * What the Clusters view offers for a launch across hosts, without a display: a kill per host with its nodes, a cut and
 * a restore per pair of hosts, a cut only between hosts with an address and a restore only of a link cut; nothing for
 * a launch on one machine. The hosts' prefix is {@code true}, so that a route command "works" without changing routes.
 */
class HostFaultChoicesTest {
    private final List<String> console = new CopyOnWriteArrayList<>();

    private HostFaultInjector injector(Path folder, Map<Integer, Process> jvms) throws Exception {
        Path file = Files.writeString(folder.resolve("hosts"), """
                host alpha nodes=1,2 run="true" address=10.9.0.1
                host beta nodes=3 run="true" address=10.9.0.2
                host gamma nodes=4 run="true"
                """);
        return new HostFaultInjector(HostsFile.read(file), null, () -> jvms, text -> "12:00:00.000 " + text, console::add, "Faults tab");
    }

    private static List<String> labels(List<Choice> choices) {
        return choices.stream().map(c -> c.label() + (c.enabled() ? "" : " [" + c.disabledReason() + "]")).toList();
    }

    @Test
    void offersAKillPerHostAndTheLinksBetweenHostsWithAnAddress(@TempDir Path folder) throws Exception {
        HostFaultChoices choices = HostFaultChoices.of(injector(folder, Map.of()));
        assertEquals(List.of("alpha (nodes 1, 2)", "beta (node 3)", "gamma (node 4)"), labels(choices.kills()));
        assertEquals(List.of("kill-host:alpha@0ms", "kill-host:beta@0ms", "kill-host:gamma@0ms"),
                choices.kills().stream().map(c -> c.fault().toString()).toList());
        assertEquals(List.of("alpha - beta", "alpha - gamma [gamma has no address= in the hosts file]",
                "beta - gamma [gamma has no address= in the hosts file]"), labels(choices.cuts()));
        assertEquals(List.of("alpha - beta [not cut]", "alpha - gamma [gamma has no address= in the hosts file]",
                "beta - gamma [gamma has no address= in the hosts file]"), labels(choices.restores()));
        assertEquals("host-link-down:alpha-beta@0ms", choices.cuts().getFirst().fault().toString());
        assertEquals("host-link-up:alpha-beta@0ms", choices.restores().getFirst().fault().toString());
    }

    /** This machine (no prefix) reaches delta through ssh: their link is not offered (its cut could not be healed). */
    @Test
    void theLinkThatThisMachinesSshGoesThroughIsNotOffered(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("hosts"), """
                host here nodes=1,2 run="" address=10.9.0.1
                host delta nodes=3 run="ssh delta" address=10.9.0.4
                host beta nodes=4 run="true" address=10.9.0.2
                """);
        HostFaultInjector injector = new HostFaultInjector(HostsFile.read(file), null, Map::of, text -> text, console::add, "Faults tab");
        HostFaultChoices choices = HostFaultChoices.of(injector);
        assertEquals(List.of("here - delta [this machine reaches delta through ssh across this link]", "here - beta", "delta - beta"),
                labels(choices.cuts()));
        assertEquals("here - delta [this machine reaches delta through ssh across this link]", labels(choices.restores()).getFirst());
    }

    @Test
    void aCutLinkIsOfferedForRestoringOnlyUntilItIsRestored(@TempDir Path folder) throws Exception {
        HostFaultInjector injector = injector(folder, Map.of());
        FaultInjector.Result cut = injector.inject(HostFault.parse("host-link-down:beta-alpha@0ms"), "Clusters view");
        assertTrue(cut.applied(), cut.line());
        assertEquals(List.of("12:00:00.000 cut link beta - alpha (Clusters view)"), console);
        HostFaultChoices choices = HostFaultChoices.of(injector);
        assertEquals("alpha - beta [already cut]", labels(choices.cuts()).getFirst());
        assertEquals("alpha - beta", labels(choices.restores()).getFirst());

        injector.inject(choices.restores().getFirst().fault(), "Clusters view");
        assertEquals("12:00:00.000 heal link alpha - beta (Clusters view)", console.getLast());
        assertEquals("alpha - beta [not cut]", labels(HostFaultChoices.of(injector).restores()).getFirst());
    }

    @Test
    void aKillFromAViewKillsTheHostsNodeJvmsAndSaysSo(@TempDir Path folder) throws Exception {
        Process node3 = new ProcessBuilder("sleep", "60").start();
        try {
            HostFaultInjector injector = injector(folder, Map.of(3, node3));
            FaultInjector.Result killed = injector.inject(HostFaultChoices.of(injector).kills().get(1).fault(), "Clusters view");
            assertTrue(node3.waitFor(10, TimeUnit.SECONDS), "node 3's JVM was killed");
            assertTrue(killed.applied());
            assertEquals("12:00:00.000 kill host beta: node 3 (Clusters view)", killed.line());

            FaultInjector.Result nothing = injector.inject(new HostFault(HostFault.Kind.KILL_HOST, "alpha", null, Duration.ZERO),
                    "Clusters view");
            assertFalse(nothing.applied(), "no node JVM runs on alpha: " + nothing.line());
        } finally {
            node3.destroyForcibly();
        }
    }

    @Test
    void aClusterNotLaunchedAcrossHostsIsOfferedNothingOneAcrossHostsItsHosts(@TempDir Path folder) throws Exception {
        try (EmulatedClusterExtension tc = EmulatedClusterExtension.start(2)) {
            RunningCluster entry = RunningClusters.getDefault().addLaunched(tc.cluster(), "one machine");
            try {
                assertNull(HostFaultChoices.of(entry));
                entry.acrossHosts(injector(folder, Map.of()));
                assertEquals(3, HostFaultChoices.of(entry).kills().size());
            } finally {
                RunningClusters.getDefault().remove(entry);
            }
        }
    }
}
