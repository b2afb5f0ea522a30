// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.examples.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.examples.DoorbellPingPong;

/** Every example run with race detection ({@code rsm-launch --races}): each reports no race, having checked accesses. */
@Timeout(180)
class ExamplesRaceFreeTest {
    private static final Pattern CHECKED = Pattern.compile("\"checked\": \\{ \"accesses\": ([0-9]+), \"synchronizations\": ([0-9]+) \\}");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} on {1} nodes")
    @CsvSource(delimiter = '|', textBlock = """
            DoorbellPingPong | 3 | 100
            RingAllReduce    | 4 | 16
            HaloExchange     | 3 | 10 5
            Revocation       | 3 |
            """)
    void reportsNoRace(String example, int nodes, String args) throws IOException {
        Path report = folder.resolve(example + ".json");
        List<String> command = new ArrayList<>(List.of("--races", report.toString(), "--cp",
                ClassPathEntries.of(DoorbellPingPong.class).toString(), "--timeout", "120s", "--nodes", Integer.toString(nodes),
                "org.rsmworkbench.examples." + example));
        if (args != null) {
            command.add("--");
            command.addAll(List.of(args.split(" ")));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = RsmLaunch.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        String json = Files.readString(report);
        assertTrue(json.startsWith("{ \"races\": [],"), json);
        Matcher checked = CHECKED.matcher(json);
        assertTrue(checked.find(), json);
        assertTrue(Long.parseLong(checked.group(1)) > 0 && Long.parseLong(checked.group(2)) > 0, json);
    }
}
