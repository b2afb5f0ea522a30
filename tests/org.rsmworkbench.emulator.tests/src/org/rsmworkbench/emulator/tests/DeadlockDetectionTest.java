// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rsmworkbench.emulator.launch.RsmLaunch;
import org.rsmworkbench.emulator.tests.FlightRecorderTest.Launch;
import org.rsmworkbench.tests.support.DeadlockProgram;

/**
 * Deadlock detection by {@code rsm-launch} (issue 18), end to end with node JVMs running {@link DeadlockProgram}: the
 * report's exact lines on standard error and exit status 125 for wait-for cycles; nothing for waits that end.
 */
class DeadlockDetectionTest {
    private static final String EXPORT_LINE = "DeadlockProgram.java:" + DeadlockProgram.EXPORT_WAIT_LINE;
    private static final String IMPORT_LINE = "DeadlockProgram.java:" + DeadlockProgram.IMPORT_WAIT_LINE;

    @Test
    void twoNodesWaitingForEachOther() {
        Launch launch = launch(2, "pair", "1,2");
        assertDeadlock(launch,
                "  node 1 waits in signalWait on 1:0x400100 at " + EXPORT_LINE + " (woken only by node 2)",
                "  node 2 waits in signalWait on 1:0x400100 at " + IMPORT_LINE + " (woken only by node 1)");
    }

    @Test
    void aRingOfThree() {
        Launch launch = launch(3, "ring", "1,2,3");
        assertDeadlock(launch,
                "  node 1 waits in signalWait on 1:0x400100 at " + EXPORT_LINE + " (woken only by node 3)",
                "  node 2 waits in signalWait on 2:0x400100 at " + EXPORT_LINE + " (woken only by node 1)",
                "  node 3 waits in signalWait on 3:0x400100 at " + EXPORT_LINE + " (woken only by node 2)");
    }

    @Test
    void aCycleOfThreeOfFiveNodesWhileTwoKeepWorking() {
        Launch launch = launch(5, "ring", "2,3,5", "1,4");
        assertDeadlock(launch,
                "  node 2 waits in signalWait on 2:0x400100 at " + EXPORT_LINE + " (woken only by node 5)",
                "  node 3 waits in signalWait on 3:0x400100 at " + EXPORT_LINE + " (woken only by node 2)",
                "  node 5 waits in signalWait on 5:0x400100 at " + EXPORT_LINE + " (woken only by node 3)");
    }

    @Test
    void aNodeComputingForThreeSecondsBeforeItPostsIsNoDeadlock() {
        assertNoDeadlock(launch(2, "late", "1,2"));
    }

    @Test
    void waitsWithATimeoutAreNoDeadlock() {
        assertNoDeadlock(launch(2, "timed", "1,2"));
    }

    @Test
    void aNodeThatPostsFromAnotherThreadIsNoDeadlock() {
        assertNoDeadlock(launch(2, "thread", "1,2"));
    }

    @Test
    void noDeadlockDetectionLetsTheCycleRunUntilTheTimeout() {
        Launch launch = FlightRecorderTest.rsm(RsmLaunch::run, "--no-deadlock-detection", "--nodes", "2", "--cp",
                NodeJvm.classPath(), "--timeout", "4s", DeadlockProgram.class.getName(), "--", "pair", "1,2");
        assertEquals(RsmLaunch.TIMED_OUT, launch.status(), launch.toString());
        assertFalse(launch.err().contains("DEADLOCK"), launch.toString());
    }

    /** rsm-launch on {@code nodes} nodes running the program with these arguments; a 60 s guard against hanging. */
    private static Launch launch(int nodes, String... programArguments) {
        List<String> args = new ArrayList<>(List.of("--nodes", String.valueOf(nodes), "--cp", NodeJvm.classPath(),
                "--timeout", "60s", DeadlockProgram.class.getName(), "--"));
        args.addAll(List.of(programArguments));
        return FlightRecorderTest.rsm(RsmLaunch::run, args.toArray(String[]::new));
    }

    /** Exit status 125, and on standard error the line DEADLOCK followed by exactly these lines. */
    private static void assertDeadlock(Launch launch, String... lines) {
        assertEquals(RsmLaunch.DEADLOCK, launch.status(), launch.toString());
        int at = launch.err().indexOf("DEADLOCK");
        assertTrue(at >= 0, launch.toString());
        assertEquals(List.of(lines), launch.err().subList(at + 1, Math.min(at + 1 + lines.length, launch.err().size())),
                launch.toString());
        assertEquals(at, launch.err().lastIndexOf("DEADLOCK"), "one report: " + launch);
        if (at + 1 + lines.length < launch.err().size()) {
            assertFalse(launch.err().get(at + 1 + lines.length).startsWith("  node "), "no more lines: " + launch);
        }
    }

    private static void assertNoDeadlock(Launch launch) {
        assertEquals(0, launch.status(), launch.toString());
        assertFalse(launch.err().contains("DEADLOCK"), launch.toString());
    }
}
