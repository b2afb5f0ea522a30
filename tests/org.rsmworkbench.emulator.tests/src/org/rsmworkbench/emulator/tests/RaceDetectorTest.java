// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rsmworkbench.emulator.tests.FlightRecorderTest.rsm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.tests.FlightRecorderTest.Launch;
import org.rsmworkbench.emulator.tests.nodes.RaceScenarios;
import org.rsmworkbench.emulator.tests.nodes.RacyThenStop;

/**
 * The race detector through its command-line contract, {@code rsm-launch --races REPORT.json}: every scenario of
 * {@link RaceScenarios} runs in one launch of three nodes, and the report must hold exactly the races its source marks
 * (a "race:" comment with the race's name on both lines), each once, and nothing from the race-free scenarios.
 */
class RaceDetectorTest {
    private static final Pattern SCENARIO = Pattern.compile("\\s*static void ((racy|free)\\w+)\\(Side s\\).*");
    private static final Pattern MARK = Pattern.compile(".*// race: (\\w+).*");
    private static final Set<String> OPS = Set.of("put", "get", "putv", "getv", "load", "store");

    @TempDir
    static Path folder;
    static Launch launch;
    static Map<String, Object> report;
    /** Each scenario's first and last line in the source. */
    static final Map<String, int[]> scenarioLines = new LinkedHashMap<>();
    /** The two lines of each marked race, by its name. */
    static final Map<String, Set<Integer>> marked = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryScenario() throws IOException {
        readSource(RaceScenarios.class);
        Path file = folder.resolve("scenarios.json");
        launch = rsm(RsmLaunch::run, "--races", file.toString(), "--nodes", "3", "--cp", NodeJvm.classPath(), "--timeout",
                "180s", RaceScenarios.class.getName());
        assertEquals(0, launch.status(), launch.toString());
        report = object(Json.parse(Files.readString(file)));
    }

    /** Reads the scenarios and race marks of a node program from its source file, beside its class folder. */
    private static void readSource(Class<?> program) throws IOException {
        List<String> lines = Files.readAllLines(sourceOf(program), StandardCharsets.UTF_8);
        String current = null;
        for (int n = 1; n <= lines.size(); n++) {
            Matcher scenario = SCENARIO.matcher(lines.get(n - 1));
            if (scenario.matches()) {
                current = scenario.group(1);
                scenarioLines.put(current, new int[] { n, lines.size() });
                if (scenarioLines.size() > 1) {
                    List<int[]> ranges = new ArrayList<>(scenarioLines.values());
                    ranges.get(ranges.size() - 2)[1] = n - 1;
                }
            }
            Matcher mark = MARK.matcher(lines.get(n - 1));
            if (mark.matches()) {
                marked.computeIfAbsent(mark.group(1), _ -> new TreeSet<>()).add(n);
            }
        }
        // one line: both accesses of the race are made there
        marked.forEach((name, at) -> assertTrue(at.size() <= 2, "race mark " + name + " must be on one or two lines: " + at));
    }

    static Path sourceOf(Class<?> type) {
        String relative = "src/" + type.getName().replace('.', '/') + ".java";
        for (Path folder = ClassPathEntries.of(type).toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(relative))) {
                return folder.resolve(relative);
            }
        }
        throw new AssertionError("cannot find " + relative + " above " + ClassPathEntries.of(type));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object json) {
        return (List<Object>) json;
    }

    static List<Map<String, Object>> races(Map<String, Object> report) {
        return list(report.get("races")).stream().map(RaceDetectorTest::object).toList();
    }

    static List<Map<String, Object>> accesses(Map<String, Object> race) {
        return list(race.get("accesses")).stream().map(RaceDetectorTest::object).toList();
    }

    static Set<Integer> lines(Map<String, Object> race) {
        Set<Integer> lines = new HashSet<>();
        accesses(race).forEach(a -> lines.add(((Long) a.get("line")).intValue()));
        return lines;
    }

    @Test
    void everyScenarioRan() {
        assertTrue(launch.out().stream().anyMatch(l -> l.endsWith("DONE " + RaceScenarios.scenarios().size())), launch.toString());
        assertTrue(scenarioLines.size() >= 50, "scenarios: " + scenarioLines.size());
    }

    @TestFactory
    Stream<DynamicTest> eachScenarioReportsExactlyItsMarkedRaces() {
        return scenarioLines.entrySet().stream().map(scenario -> DynamicTest.dynamicTest(scenario.getKey(), () -> {
            int[] range = scenario.getValue();
            Set<Set<Integer>> expected = new HashSet<>();
            marked.values().stream().filter(at -> at.iterator().next() >= range[0] && at.iterator().next() <= range[1])
                    .forEach(at -> expected.add(Set.copyOf(at)));
            Set<Set<Integer>> found = new HashSet<>();
            for (Map<String, Object> race : races(report)) {
                if (lines(race).stream().anyMatch(line -> line >= range[0] && line <= range[1])) {
                    assertFalse(!found.add(lines(race)), "reported twice: " + race);
                }
            }
            assertEquals(scenario.getKey().startsWith("racy"), !expected.isEmpty(), "the marks of " + scenario.getKey());
            assertEquals(expected, found, scenario.getKey() + ": " + report.get("races"));
        }));
    }

    @Test
    void everyRaceIsMarkedAndReportedOnce() {
        Set<Set<Integer>> expected = new HashSet<>();
        marked.values().forEach(at -> expected.add(Set.copyOf(at)));
        List<Set<Integer>> found = races(report).stream().map(RaceDetectorTest::lines).toList();
        assertEquals(expected, Set.copyOf(found), String.valueOf(report.get("races")));
        assertEquals(expected.size(), found.size(), String.valueOf(report.get("races")));
    }

    @Test
    void aRaceNamesItsSegmentBytesAndBothAccesses() {
        int index = RaceScenarios.scenarios().stream().map(m -> m.getName()).toList().indexOf("racyPutLoad");
        Set<Integer> markedLines = marked.get("putLoad");
        Map<String, Object> race = races(report).stream().filter(r -> lines(r).equals(markedLines)).findFirst().orElseThrow();
        assertEquals(List.of("segment", "offset", "length", "accesses"), List.copyOf(race.keySet()));
        assertEquals("1:0x" + Integer.toHexString(0x500000 + index), race.get("segment"));
        assertEquals(64L, race.get("offset"));
        assertEquals(4L, race.get("length"));
        List<Map<String, Object>> accesses = accesses(race);
        assertEquals(2, accesses.size());
        Map<String, Map<String, Object>> byOp = new LinkedHashMap<>();
        accesses.forEach(a -> byOp.put((String) a.get("op"), a));
        assertEquals(Set.of("put", "load"), byOp.keySet());
        assertEquals(2L, byOp.get("put").get("node"));
        assertEquals(1L, byOp.get("load").get("node"));
        for (Map<String, Object> access : accesses) {
            assertEquals(List.of("node", "thread", "op", "file", "line", "stack"), List.copyOf(access.keySet()));
            assertEquals("main", access.get("thread"));
            assertEquals("RaceScenarios.java", access.get("file"));
            List<Object> stack = list(access.get("stack"));
            assertEquals("org.rsmworkbench.emulator.tests.nodes.RaceScenarios.racyPutLoad(RaceScenarios.java:" + access.get("line")
                    + ")", stack.getFirst());
            assertTrue(stack.stream().anyMatch(frame -> ((String) frame).contains(".main(RaceScenarios.java:")), stack.toString());
        }
    }

    @Test
    void everyRaceFollowsTheContract() {
        for (Map<String, Object> race : races(report)) {
            assertTrue(((String) race.get("segment")).matches("1:0x[0-9a-f]+"), race.toString());
            assertTrue((Long) race.get("length") > 0, race.toString());
            for (Map<String, Object> access : accesses(race)) {
                assertTrue(OPS.contains(access.get("op")), access.toString());
                assertFalse(list(access.get("stack")).isEmpty(), access.toString());
            }
        }
        Map<String, Object> checked = object(report.get("checked"));
        assertTrue((Long) checked.get("accesses") > 100, checked.toString());
        assertTrue((Long) checked.get("synchronizations") > 50, checked.toString());
    }

    @Test
    void theThreadsOfARaceAreNamed() {
        Map<String, Object> race = races(report).stream().filter(r -> lines(r).equals(marked.get("threads"))).findFirst().orElseThrow();
        assertEquals(Set.of("main", "writer"), Set.of(accesses(race).get(0).get("thread"), accesses(race).get(1).get("thread")),
                race.toString());
    }

    /** A run whose node fails, and one that --timeout ends: the same exit status as without --races, and a report. */
    @Test
    void theReportIsWrittenWhenANodeFailsOrTheTimeoutEndsTheRun() throws IOException {
        Set<Integer> stop = new TreeSet<>();
        List<String> lines = Files.readAllLines(sourceOf(RacyThenStop.class), StandardCharsets.UTF_8);
        for (int n = 1; n <= lines.size(); n++) {
            if (lines.get(n - 1).contains("// race: stop")) {
                stop.add(n);
            }
        }
        Path failed = folder.resolve("failed.json");
        Launch exit = rsm(RsmLaunch::run, "--races", failed.toString(), "--nodes", "2", "--cp", NodeJvm.classPath(), "--timeout",
                "120s", RacyThenStop.class.getName(), "--", "exit", "3");
        assertEquals(3, exit.status(), exit.toString());
        assertEquals(List.of(stop), races(object(Json.parse(Files.readString(failed)))).stream().map(RaceDetectorTest::lines).toList());

        Path timedOut = folder.resolve("timed-out.json");
        Launch hang = rsm(RsmLaunch::run, "--races", timedOut.toString(), "--nodes", "2", "--cp", NodeJvm.classPath(), "--timeout",
                "20s", RacyThenStop.class.getName(), "--", "hang");
        assertEquals(RsmLaunch.TIMED_OUT, hang.status(), hang.toString());
        assertTrue(hang.out().stream().anyMatch(l -> l.endsWith("RACED")), hang.toString());
        assertEquals(List.of(stop), races(object(Json.parse(Files.readString(timedOut)))).stream().map(RaceDetectorTest::lines).toList());
    }

    /** A launch that fails before any node runs leaves the report of an earlier run as it was (it wrote an empty one). */
    @Test
    void aLaunchThatFailsLeavesTheReportOfAnEarlierRun() throws IOException {
        Path report = Files.writeString(folder.resolve("earlier.json"), "{\"races\": \"of an earlier run\"}");
        // a recording folder that passes the argument checks (it does not exist yet) and that nobody can make
        Launch failed = rsm(RsmLaunch::run, "--races", report.toString(), "--record", "/sys/kernel/rsm-races-test", "--nodes", "2",
                "--cp", NodeJvm.classPath(), RacyThenStop.class.getName());
        assertEquals(RsmLaunch.LAUNCH_FAILED, failed.status(), failed.toString());
        assertTrue(failed.err().stream().anyMatch(l -> l.startsWith("rsm-launch: cannot launch: /sys/kernel/rsm-races-test")),
                failed.toString());
        assertEquals("{\"races\": \"of an earlier run\"}", Files.readString(report));
    }

    @Test
    void aReportInAMissingFolderIsABadArgument() {
        Launch bad = rsm(RsmLaunch::run, "--races", folder.resolve("missing/report.json").toString(), "--nodes", "2", "--cp",
                NodeJvm.classPath(), RacyThenStop.class.getName());
        assertEquals(RsmLaunch.BAD_ARGUMENT, bad.status(), bad.toString());
        assertTrue(bad.err().getFirst().contains("does not exist"), bad.toString());
    }
}
