// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The node program of {@link SignalLatency}'s signal ping-pong, run as {@link #NODE_CLASS} from a {@link ProgramFolder}.
 * {@code ping} (node 1) exports and publishes the doorbell and prints {@code PUBLISHED id}, waits for a line (the echo is
 * connected), warms up for {@code warmup-ns}, times {@code rounds} round trips and prints {@code ONE-WAY ns}. {@code echo}
 * (node 2) reads the doorbell's id from its input, connects, prints {@code READY} and answers each signal with one.
 */
public final class SignalNode {
    static final String NODE_CLASS = "signalbench.SignalNode";

    private SignalNode() {
    }

    public static void main(String[] args) throws Exception {
        RsmLibrary library = Rsm.open();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        if (args[0].equals("ping")) {
            long warmupNanos = Long.parseLong(args[1]);
            int rounds = Integer.parseInt(args[2]);
            ExportSegment doorbell = library.getController("emu0").createExportSegment(library.allocate(4096), 0);
            System.out.println("PUBLISHED " + doorbell.publish(0, List.of(new AccessEntry(2, 0666))));
            in.readLine();
            for (long warmupEnd = System.nanoTime() + warmupNanos; System.nanoTime() < warmupEnd;) {
                for (int i = 0; i < 1000; i++) {
                    doorbell.signalPost(0);
                    doorbell.signalWait(-1);
                }
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                doorbell.signalPost(0);
                doorbell.signalWait(-1);
            }
            System.out.println("ONE-WAY " + (System.nanoTime() - start) / (2.0 * rounds));
        } else {
            ImportSegment doorbell = library.getController("emu0").connect(1, Integer.parseInt(in.readLine().trim()), Rsm.PERM_RDWR);
            System.out.println("READY");
            for (;;) {
                doorbell.signalWait(-1);
                doorbell.signalPost(0);
            }
        }
    }
}
