// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rsmworkbench.emulator.launch.RsmLaunch;

/**
 * How soon {@code rsm-launch} reports a deadlock: the time from the wait-for cycle forming (the last member of
 * {@link DeadlockWorkload}'s ring entering its wait, as it printed its {@link System#nanoTime()} just before) to the
 * {@code DEADLOCK} line reaching the launcher's standard error (its 1 s persistence included). Three rings: of 2
 * nodes, of 3, of 3 among 5 nodes while the other 2 keep signalling each other; {@value #RUNS} launches each, median.
 * The launcher runs in this JVM ({@link RsmLaunch#run}, as {@code ./rsm-launch} runs it), the nodes in JVMs of their own.
 * Usage: java -cp benchmarks.jar org.rsmworkbench.benchmarks.DeadlockLatency
 */
public final class DeadlockLatency {
    private static final int RUNS = 5;
    /** The goal of issue 18: reported at most 1.5 s after the cycle forms. */
    private static final double GOAL_MILLIS = 1500;
    private static final Pattern WAITING = Pattern.compile("\\[node \\d+\\] " + DeadlockWorkload.WAITING + "(\\d+)");

    private DeadlockLatency() {
    }

    public static void main(String[] args) throws Exception {
        Machine.main(args);
        measure("ring of 2", 2, "1,2");
        measure("ring of 3", 3, "1,2,3");
        measure("ring of 3 among 5 (2 working)", 5, "2,3,5", "1,4");
    }

    private static void measure(String scenario, int nodes, String... programArguments) throws Exception {
        double[] millis = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            millis[run] = reportDelayMillis(nodes, programArguments);
            System.out.printf("%s, run %d: DEADLOCK %.0f ms after the cycle formed%n", scenario, run + 1, millis[run]);
        }
        Arrays.sort(millis);
        System.out.printf("%s, median of %d runs: DEADLOCK %.0f ms after the cycle formed (min %.0f, max %.0f; goal <= %.0f ms)%n",
                scenario, RUNS, millis[RUNS / 2], millis[0], millis[RUNS - 1], GOAL_MILLIS);
    }

    /** One launch: the time from the cycle forming to the DEADLOCK line, in ms. */
    private static double reportDelayMillis(int nodes, String... programArguments) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--nodes", String.valueOf(nodes), "--cp",
                System.getProperty("java.class.path"), "--timeout", "120s", DeadlockWorkload.class.getName(), "--"));
        arguments.addAll(List.of(programArguments));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportClock err = new ReportClock("DEADLOCK");
        int status = RsmLaunch.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        if (status != RsmLaunch.DEADLOCK || err.seenNanos == 0) {
            throw new IllegalStateException("no deadlock reported (exit status " + status + "):\n" + output + err.text());
        }
        Matcher waiting = WAITING.matcher(output);
        long formed = Long.MIN_VALUE;
        int members = 0;
        while (waiting.find()) {
            formed = Math.max(formed, Long.parseLong(waiting.group(1)));
            members++;
        }
        int expected = programArguments[0].split(",").length;
        if (members != expected) {
            throw new IllegalStateException(members + " of " + expected + " members told when they waited:\n" + output);
        }
        return (err.seenNanos - formed) / 1e6;
    }

    /** Standard error, which notes when a line first reaches it. */
    private static final class ReportClock extends OutputStream {
        private final byte[] line;
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        volatile long seenNanos;

        ReportClock(String line) {
            this.line = line.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            long now = System.nanoTime();
            int before = text.size();
            text.write(bytes, offset, length);
            // the line may have been split between writes: look from just before what came now
            if (seenNanos == 0 && contains(text.toByteArray(), Math.max(0, before - line.length))) {
                seenNanos = now;
            }
        }

        private boolean contains(byte[] all, int from) {
            for (int i = from; i + line.length <= all.length; i++) {
                if (Arrays.equals(all, i, i + line.length, line, 0, line.length)) {
                    return true;
                }
            }
            return false;
        }

        synchronized String text() {
            return text.toString(StandardCharsets.UTF_8);
        }
    }
}
