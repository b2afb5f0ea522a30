// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.race.internal.RaceHooks;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.RecordingSettings.CallSites;

/** Which node JVMs run with the node agent: those that record call sites (it names them without a stack walk). */
class NodeCommandBuilderTest {
    private static final LaunchPlan PLAN = LaunchPlan.builder(ClusterSpec.fullyConnected(2)).mainClass("org.acme.Main").build();

    @Test
    void aNodeJvmThatRecordsCallSitesRunsWithTheAgentMadeInTheClusterDirectory(@TempDir Path recording) throws Exception {
        Path jar;
        try (EmulatedCluster cluster = EmulatedCluster.start(PLAN.cluster())) {
            NodeCommandBuilder commands = new NodeCommandBuilder(PLAN).recording(settings(recording, CallSites.CONTROL));
            List<String> first = commands.command(cluster, PLAN.node(1));
            List<String> second = commands.command(cluster, PLAN.node(2));
            jar = cluster.directory().resolve("node-agent.jar");
            assertTrue(first.contains("-javaagent:" + jar), first.toString());
            assertTrue(second.contains("-javaagent:" + jar), "one jar for every node: " + second);
            assertTrue(Files.isRegularFile(jar));
            assertFalse(first.contains("-D" + RaceHooks.PROPERTY + "=true"), "it names call sites, it does not detect races");
            assertTrue(first.indexOf("-javaagent:" + jar) < first.indexOf(PLAN.node(1).mainClass()));
        }
        assertFalse(Files.exists(jar), "removed with the cluster");
    }

    @Test
    void aNodeJvmThatRecordsNoCallSitesOrDoesNotRecordRunsWithoutAnAgent(@TempDir Path recording) throws Exception {
        try (EmulatedCluster cluster = EmulatedCluster.start(PLAN.cluster())) {
            for (NodeCommandBuilder commands : List.of(new NodeCommandBuilder(PLAN),
                    new NodeCommandBuilder(PLAN).recording(settings(recording, CallSites.NONE)))) {
                List<String> command = commands.command(cluster, PLAN.node(1));
                assertTrue(command.stream().noneMatch(a -> a.startsWith("-javaagent:")), command.toString());
            }
            assertFalse(Files.exists(cluster.directory().resolve("node-agent.jar")));
        }
    }

    @Test
    void aNodeJvmThatDetectsRacesRunsWithTheRaceAgentOnly(@TempDir Path recording) throws Exception {
        Path raceAgent = recording.resolve("race-agent.jar");
        try (EmulatedCluster cluster = EmulatedCluster.start(PLAN.cluster())) {
            List<String> command = new NodeCommandBuilder(PLAN).recording(settings(recording, CallSites.ALL)).raceAgent(raceAgent)
                    .command(cluster, PLAN.node(1));
            assertEquals(List.of("-javaagent:" + raceAgent), command.stream().filter(a -> a.startsWith("-javaagent:")).toList());
            assertTrue(command.contains("-D" + RaceHooks.PROPERTY + "=true"));
        }
    }

    private static RecordingSettings settings(Path directory, CallSites callSites) {
        return new RecordingSettings(directory, RecordingSettings.DEFAULT_LIMIT, RecordingSettings.AtLimit.STOP, callSites, false);
    }
}
