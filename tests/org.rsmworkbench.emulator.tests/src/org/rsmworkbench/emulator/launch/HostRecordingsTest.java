// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.emulator.trace.Recording;
import org.rsmworkbench.emulator.trace.RecordingSettings;
import org.rsmworkbench.emulator.trace.TraceEvent;

/**
 * {@code files own} with a recording: node JVMs on "hosts" whose run prefix is a local command ({@code env}) and whose
 * {@code dir=} is a folder of their own record there; the launcher's recording copies their logs when it closes.
 */
class HostRecordingsTest {
    @TempDir
    Path folder;

    private HostsFile hosts(String text) throws Exception {
        return HostsFile.read(Files.writeString(folder.resolve("hosts.txt"), text));
    }

    /** A log as a node JVM on {@code host} writes it: {@code events} signal posts into the host's recording folder. */
    private static Path recordOnHost(HostsFile.Host host, RecordingSettings settings, int node, int events) throws IOException {
        Path directory = Path.of(host.directory()).resolve(HostRecordings.hostFolder(settings.directory()));
        Files.createDirectories(directory);
        Path file = directory.resolve("node" + node + "-" + (1000 + node) + Recording.LOG_SUFFIX);
        TraceLog log = TraceLog.create(file, node, 1000 + node, "Program", new RecordingSettings(directory, settings.limitBytes(),
                settings.atLimit(), settings.callSites(), settings.fullGets()));
        for (int i = 0; i < events; i++) {
            log.call(EventKind.SIGNAL_POST, System.nanoTime(), 0, 1, 0x400100, i);
        }
        log.close();
        return file;
    }

    private static List<String> describe(List<TraceEvent> events) {
        return events.stream().map(e -> e.node() + " " + e.kind() + " " + e.value()).toList();
    }

    @Test
    void theLogsOfNodesOnHostsThatShareNoFilesAreCopiedWhenTheRecordingCloses() throws Exception {
        Path alpha = Files.createDirectories(folder.resolve("alpha"));
        Path beta = Files.createDirectories(folder.resolve("beta"));
        HostsFile hosts = hosts("host alpha nodes=1 run=env dir=" + alpha + "\nhost beta nodes=2,3 run=env dir=" + beta
                + "\nfiles own\n");
        Path directory = folder.resolve("run.rsmtrace");
        // a limit of many chunks, of which a few are written: only those travel, the copy is as long as the log
        RecordingSettings settings = new RecordingSettings(directory, 64L << 20, RecordingSettings.AtLimit.STOP,
                RecordingSettings.CallSites.NONE, false);
        List<String> said = new ArrayList<>();
        LauncherRecording launcher = LauncherRecording.open(settings, "test").runningOn(hosts, said::add);
        Path one = recordOnHost(hosts.host("alpha"), settings, 1, 20_000);
        Path two = recordOnHost(hosts.host("beta"), settings, 2, 10);
        Path three = recordOnHost(hosts.host("beta"), settings, 3, 0);
        List<String> expected = describe(Recording.open(one.getParent()).events());
        Map<Path, byte[]> originals = new LinkedHashMap<>();
        for (Path original : List.of(one, two, three)) {
            originals.put(original.getFileName(), Files.readAllBytes(original));
        }

        assertNull(launcher.close(Duration.ZERO));

        assertEquals(List.of("recording: 1 log of node JVMs on host alpha copied into " + directory,
                "recording: 2 logs of node JVMs on host beta copied into " + directory), said);
        originals.forEach((name, bytes) -> assertArrayEquals(bytes, read(directory.resolve(name)), name + " is copied as it was"));
        assertTrue(originals.get(one.getFileName()).length > 32 << 20, "the log is mostly unwritten");
        Recording copied = Recording.open(directory);
        List<String> copiedEvents = describe(copied.events().stream().filter(e -> e.node() != TraceEvent.LAUNCHER).toList());
        assertEquals(20_010, copiedEvents.size(), "every event of the three logs");
        assertTrue(copiedEvents.containsAll(expected), "node 1's events, as it wrote them");
        assertFalse(Files.exists(alpha.resolve(HostRecordings.FOLDER)), "removed on alpha");
        assertFalse(Files.exists(beta.resolve(HostRecordings.FOLDER)), "removed on beta");
    }

    /** The recording folder a node JVM's command names: its host's copy with files own, else the folder itself. */
    private String recordingFolderOfNode1(HostsFile hosts, Path directory) throws Exception {
        LaunchPlan plan = LaunchPlan.builder(ClusterSpec.fullyConnected(2)).mainClass(TestNodeProgram.class.getName()).build();
        NodeCommandBuilder commands = new NodeCommandBuilder(plan).hosts(hosts).recording(RecordingSettings.into(directory));
        try (EmulatedCluster cluster = EmulatedCluster.start(plan.cluster())) {
            String prefix = "-D" + RecordingSettings.DIRECTORY_PROPERTY + "=";
            return commands.command(cluster, plan.node(1)).stream().filter(word -> word.startsWith(prefix)).findFirst()
                    .orElseThrow().substring(prefix.length());
        }
    }

    @Test
    void nodesRecordOnTheirHostOnlyWhenTheHostsShareNoFiles() throws Exception {
        Path directory = folder.resolve("run.rsmtrace");
        assertEquals(HostRecordings.FOLDER + "/run.rsmtrace",
                recordingFolderOfNode1(hosts("host alpha nodes=1,2 run=env\nfiles own\n"), directory));
        assertEquals(directory.toString(), recordingFolderOfNode1(hosts("host alpha nodes=1,2 run=env\n"), directory));
        LauncherRecording shared = LauncherRecording.open(RecordingSettings.into(directory), "test")
                .runningOn(hosts("host alpha nodes=1,2 run=env dir=" + folder + "\n"), _ -> { });
        assertNull(shared.close(Duration.ZERO), "nothing to copy from hosts that share the files");
    }

    @Test
    void aHostWhoseCopyFailsIsNamedWithWhereItsLogsStay() throws Exception {
        Path alpha = Files.createDirectories(folder.resolve("alpha"));
        // its shell has no head: the copy command fails on the host
        HostsFile hosts = hosts("host alpha nodes=1 run=\"env PATH=" + Files.createDirectories(folder.resolve("empty")) + "\" dir="
                + alpha + "\nfiles own\n");
        Path directory = folder.resolve("run.rsmtrace");
        RecordingSettings settings = RecordingSettings.into(directory);
        LauncherRecording launcher = LauncherRecording.open(settings, "test").runningOn(hosts, _ -> { });
        Path log = recordOnHost(hosts.host("alpha"), settings, 1, 3);
        String problem = launcher.close(Duration.ZERO);
        assertNotNull(problem);
        assertTrue(problem.startsWith("the recording misses nodes: the logs of host alpha's nodes were not all copied"), problem);
        assertTrue(problem.endsWith("they stay on host alpha in " + alpha + "/" + HostRecordings.hostFolder(directory)), problem);
        assertTrue(Files.exists(log), "left where it was");
    }

    /** What a host sends is hostile input: only node logs, only new files, nothing beyond what it announced. */
    @Test
    void whatAHostSendsIsCheckedBeforeAnythingIsWritten() throws Exception {
        Path directory = Files.createDirectories(folder.resolve("run.rsmtrace"));
        assertThrows(IOException.class, () -> HostRecordings.receive(stream("../evil.rsmlog 3 3\nabc"), directory));
        assertThrows(IOException.class, () -> HostRecordings.receive(stream("launcher-1.rsmlog 3 3\nabc"), directory));
        assertThrows(IOException.class, () -> HostRecordings.receive(stream("node1-2.rsmlog 3 4\nabcd"), directory));
        assertThrows(IOException.class, () -> HostRecordings.receive(stream("node1-2.rsmlog 8 8\nabc"), directory));
        Files.writeString(directory.resolve("node1-3.rsmlog"), "mine");
        assertThrows(IOException.class, () -> HostRecordings.receive(stream("node1-3.rsmlog 3 3\nabc"), directory));
        assertEquals("mine", Files.readString(directory.resolve("node1-3.rsmlog")), "an existing file is kept");
        assertEquals(1, HostRecordings.receive(stream("node4-5.rsmlog 6 3\nabc"), directory));
        assertArrayEquals(new byte[] { 'a', 'b', 'c', 0, 0, 0 }, Files.readAllBytes(directory.resolve("node4-5.rsmlog")));
        assertFalse(Files.exists(folder.resolve("evil.rsmlog")));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(file + " cannot be read", e);
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
