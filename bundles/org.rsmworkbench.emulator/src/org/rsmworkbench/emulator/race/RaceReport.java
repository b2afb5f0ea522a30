// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.UntrustedFiles;
import org.rsmworkbench.emulator.trace.LogLimit;

/**
 * What race detection found in a run: each race once per pair of (file, line, operation), and how much it checked.
 *
 * @param checkedAccesses the accesses checked (a run of loads or stores of one line gathered into one counts once)
 * @param checkedSynchronizations the happens-before edges that ordered threads
 * @param unchecked where accesses were not checked and why, in lines ({@link LogLimit#unchecked}; none when every
 *        access was): a log that met its size limit lacks events there, and races found on what is left could be false
 */
public record RaceReport(List<Race> races, long checkedAccesses, long checkedSynchronizations, List<String> unchecked) {

    /** A report of a recording whose logs hold every event. */
    public RaceReport(List<Race> races, long checkedAccesses, long checkedSynchronizations) {
        this(races, checkedAccesses, checkedSynchronizations, List.of());
    }

    /** The report as the command-line contract of {@code rsm-launch --races} gives it. */
    public String toJson() {
        String races = races().stream().map(RaceReport::json).collect(Collectors.joining(",\n    ", "\n    ", " "));
        return "{ \"races\": [" + (races().isEmpty() ? "" : races) + "],\n  \"checked\": { \"accesses\": " + checkedAccesses
                + ", \"synchronizations\": " + checkedSynchronizations + " } }\n";
    }

    /** Writes {@link #toJson()} to {@code file}, replacing it (a link there too, never followed), mode 0600. */
    public void write(Path file) throws IOException {
        UntrustedFiles.writePrivately(file, out -> out.write(toJson().getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(Race race) {
        return "{ \"segment\": " + string(race.segment()) + ", \"offset\": " + race.offset() + ", \"length\": " + race.length()
                + ",\n      \"accesses\": [\n        " + json(race.first()) + ",\n        " + json(race.second()) + " ] }";
    }

    private static String json(Race.Access a) {
        return "{ \"node\": " + a.node() + ", \"thread\": " + string(a.thread()) + ", \"op\": " + string(a.op()) + ", \"file\": "
                + string(a.file()) + ", \"line\": " + a.line() + ",\n          \"stack\": "
                + a.stack().stream().map(RaceReport::string).collect(Collectors.joining(", ", "[", "]")) + " }";
    }

    private static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
