// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.examples.RacyMailbox;

/**
 * The deliberately racy example through the command-line contract ({@code rsm-launch --races}): its report holds exactly
 * one race, between the two lines its source marks "race:" (the writers' put, rung before their EXPLICIT barrier closed,
 * and the reader's load), with the writers' and the reader's nodes; with the argument {@code fixed} it reports none.
 */
@Timeout(180)
class RacyMailboxTest {
    private static final Pattern RACE = Pattern.compile("\\{ \"segment\": \"([^\"]+)\", \"offset\": (\\d+), \"length\": (\\d+),");
    private static final Pattern ACCESS = Pattern.compile(
            "\\{ \"node\": (\\d+), \"thread\": \"([^\"]*)\", \"op\": \"(\\w+)\", \"file\": \"([^\"]*)\", \"line\": (\\d+),");

    @TempDir
    Path folder;

    @Test
    void reportsExactlyThePutRungBeforeItsCloseAndTheReadersLoad() throws IOException {
        List<Integer> marked = markedLines();
        assertEquals(2, marked.size(), "the example marks two lines: " + marked);
        int load = marked.get(0);
        int put = marked.get(1);

        String json = run(3);
        Matcher race = RACE.matcher(json);
        assertTrue(race.find(), json);
        assertEquals("1:0x400200", race.group(1), json);
        int writer = Integer.parseInt(race.group(2)) / 8; // the slot of the writer whose put races
        assertTrue(writer == 2 || writer == 3, json);
        assertEquals("8", race.group(3), json);
        assertFalse(race.find(), "one race, once: " + json);

        Matcher access = ACCESS.matcher(json);
        List<String> accesses = new ArrayList<>();
        while (access.find()) {
            accesses.add(access.group(3) + " node " + access.group(1) + " " + access.group(2) + " " + access.group(4) + ":" + access.group(5));
        }
        assertEquals(2, accesses.size(), json);
        assertEquals(Set.of("put node " + writer + " main RacyMailbox.java:" + put, "load node 1 main RacyMailbox.java:" + load),
                Set.copyOf(accesses), json);
    }

    @Test
    void fixedReportsNoRace() throws IOException {
        String json = run(3, "fixed");
        assertTrue(json.startsWith("{ \"races\": [],"), json);
    }

    /** Runs the example with race detection on {@code nodes} nodes; its report. */
    private String run(int nodes, String... args) throws IOException {
        Path report = folder.resolve("races.json");
        List<String> command = new ArrayList<>(List.of("--races", report.toString(), "--cp", ClassPathEntries.of(RacyMailbox.class).toString(),
                "--timeout", "120s", "--nodes", Integer.toString(nodes), RacyMailbox.class.getName(), "--"));
        command.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = RsmLaunch.run(command, print, print);
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        assertTrue(output.contains("RESULT mailbox messages=" + (nodes - 1)), output);
        return Files.readString(report);
    }

    /** The lines of the example's source marked "// race:", in order (the source is part of the examples bundle). */
    private static List<Integer> markedLines() throws IOException {
        String path = "src/" + RacyMailbox.class.getName().replace('.', '/') + ".java";
        URL source = FrameworkUtil.getBundle(RacyMailbox.class).getEntry(path);
        assertNotNull(source, path);
        List<Integer> marked = new ArrayList<>();
        try (InputStream in = source.openStream()) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int n = 1; n <= lines.length; n++) {
                if (lines[n - 1].contains("// race:")) {
                    marked.add(n);
                }
            }
        }
        return marked;
    }
}
