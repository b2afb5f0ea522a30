// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rsmworkbench.emulator.launch.RsmLaunch;

/**
 * The cost of race detection, as a user sees it: the wall time of a whole {@code rsm-launch} of 4 nodes with
 * {@code --races REPORT.json} against the same launch without (same run, interleaved trials, medians). Two programs:
 * put-heavy, 10⁶ puts of 64 bytes from 3 importers into disjoint ranges of node 1's segment; load-heavy, node 1
 * scanning its own 1 MiB exported segment 40 times through its {@code MemorySegment} (5 million 8-byte loads).
 * The programs ({@link RaceWorkload}) run from a folder of their own, as a user's program does: the race detector
 * instruments only classes that do not come from where the RSM runtime does (here the benchmarks jar).
 * Usage: java -cp benchmarks.jar org.rsmworkbench.benchmarks.RaceSlowdown
 */
public final class RaceSlowdown {
    private static final int TRIALS = 5;

    private RaceSlowdown() {
    }

    public static void main(String[] args) throws Exception {
        Machine.main(args);
        Path programFolder = RaceWorkload.copyForNodes(Files.createTempDirectory("rsm-race-workload"));
        try {
            for (String program : List.of("put-heavy", "load-heavy")) {
                compare(programFolder, program);
            }
        } finally {
            TempFolders.remove(programFolder);
        }
    }

    private static void compare(Path programFolder, String program) throws Exception {
        double[] plain = new double[TRIALS];
        double[] detecting = new double[TRIALS];
        for (int trial = 0; trial < TRIALS; trial++) {
            plain[trial] = launch(programFolder, program, false);
            detecting[trial] = launch(programFolder, program, true);
            System.out.printf("%s trial %d: %.0f ms, with --races %.0f ms (%.2fx)%n", program, trial + 1, plain[trial],
                    detecting[trial], detecting[trial] / plain[trial]);
        }
        Arrays.sort(plain);
        Arrays.sort(detecting);
        System.out.printf("%s, median of %d trials: %.0f ms, with --races %.0f ms: slowdown %.2fx (goal <= 3)%n", program,
                TRIALS, plain[TRIALS / 2], detecting[TRIALS / 2], detecting[TRIALS / 2] / plain[TRIALS / 2]);
    }

    /** The wall time of one launch of 4 nodes running {@code program}, in ms. */
    private static double launch(Path programFolder, String program, boolean races) throws Exception {
        Path report = Files.createTempFile("rsm-races", ".json");
        try {
            List<String> arguments = new ArrayList<>();
            if (races) {
                arguments.addAll(List.of("--races", report.toString()));
            }
            arguments.addAll(List.of("--nodes", "4", "--cp", programFolder.toString(), "--timeout", "300s",
                    RaceWorkload.NODE_CLASS, "--", program));
            long start = System.nanoTime();
            int status = RsmLaunch.run(arguments, System.out, System.err);
            double millis = (System.nanoTime() - start) / 1e6;
            if (status != 0) {
                throw new IllegalStateException(program + " ended with status " + status + (races ? " (with --races)" : ""));
            }
            if (races && !Files.readString(report).contains("\"races\": []")) {
                throw new IllegalStateException(program + " is race-free, but the detector reported: " + Files.readString(report));
            }
            return millis;
        } finally {
            Files.deleteIfExists(report);
        }
    }
}
