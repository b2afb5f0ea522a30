// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * The node program of {@link SignalLatency}'s signal ping-pong, run as {@link #NODE_CLASS} from a {@link ProgramFolder}.
 * The two node JVMs alternate blocks of {@value #BLOCK} round trips: RSM signals on the doorbell, then a raw ping-pong on
 * two ints of the mapped file {@code flag-file}, so that both figures of a block pair come from the same JVMs, threads
 * and CPU placement (on a VM the cost of a cache-line transfer changes as the hypervisor moves its vCPUs).
 * {@code ping} (node 1) exports and publishes the doorbell and prints {@code PUBLISHED id}, waits for a line (the echo is
 * connected), warms up for {@code warmup-ns}, times {@code blocks} block pairs and prints {@code ONE-WAY rsm raw ratio}:
 * the medians of the blocks' one-way latencies (ns) and of the pairs' ratios. {@code echo} (node 2) reads the
 * doorbell's id from its input, connects, prints {@code READY} and answers each signal, and each raw flag, with one.
 * All in main: the class is renamed when copied, and references to its own members would not follow.
 */
public final class SignalNode {
    static final String NODE_CLASS = "signalbench.SignalNode";
    static final int BLOCK = 10_000;

    private SignalNode() {
    }

    public static void main(String[] args) throws Exception {
        RsmLibrary library = Rsm.open();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.READ, StandardOpenOption.WRITE);
                Arena arena = Arena.ofShared()) {
            // the ping writes the int at 0, the echo the one at 64: a cache line each, as the signal's two counters
            MemorySegment flags = channel.map(FileChannel.MapMode.READ_WRITE, 0, 128, arena);
            int rawRound = 0;
            if (args[0].equals("ping")) {
                long warmupNanos = Long.parseLong(args[2]);
                int blocks = Integer.parseInt(args[3]);
                ExportSegment doorbell = library.getController("emu0").createExportSegment(library.allocate(4096), 0);
                System.out.println("PUBLISHED " + doorbell.publish(0, List.of(new AccessEntry(2, 0666))));
                in.readLine();
                double[] rsm = new double[blocks];
                double[] raw = new double[blocks];
                double[] ratio = new double[blocks];
                long warmupEnd = System.nanoTime() + warmupNanos;
                for (int block = -1; block < blocks; block++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < BLOCK; i++) {
                        doorbell.signalPost(0);
                        doorbell.signalWait(-1);
                    }
                    long middle = System.nanoTime();
                    for (int i = 0; i < BLOCK; i++) {
                        int round = ++rawRound;
                        RawFlag.INT.setRelease(flags, 0L, round);
                        while ((int) RawFlag.INT.getAcquire(flags, 64L) != round) {
                            Thread.onSpinWait();
                        }
                    }
                    long end = System.nanoTime();
                    if (block < 0) {
                        // warm-up pairs until the time is up, so that both sides run compiled code
                        block = end < warmupEnd ? -2 : -1;
                        continue;
                    }
                    rsm[block] = (middle - start) / (2.0 * BLOCK);
                    raw[block] = (end - middle) / (2.0 * BLOCK);
                    ratio[block] = rsm[block] / raw[block];
                }
                Arrays.sort(rsm);
                Arrays.sort(raw);
                Arrays.sort(ratio);
                System.out.println("ONE-WAY " + rsm[blocks / 2] + " " + raw[blocks / 2] + " " + ratio[blocks / 2]);
            } else {
                ImportSegment doorbell = library.getController("emu0").connect(1, Integer.parseInt(in.readLine().trim()),
                        Rsm.PERM_RDWR);
                System.out.println("READY");
                for (;;) {
                    for (int i = 0; i < BLOCK; i++) {
                        doorbell.signalWait(-1);
                        doorbell.signalPost(0);
                    }
                    for (int i = 0; i < BLOCK; i++) {
                        int round = ++rawRound;
                        while ((int) RawFlag.INT.getAcquire(flags, 0L) != round) {
                            Thread.onSpinWait();
                        }
                        RawFlag.INT.setRelease(flags, 64L, round);
                    }
                }
            }
        }
    }
}
