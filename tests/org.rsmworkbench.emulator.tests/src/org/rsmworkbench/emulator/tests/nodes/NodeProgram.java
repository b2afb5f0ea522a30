// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A node program for MultiJvmTest, launched in its own JVM with {@code EmulatedCluster.processArguments}.
 * It opens its library with {@link Rsm#open()} and then obeys one command per stdin line, answering one line
 * on stdout per command (the test synchronises on these lines):
 * <pre>
 * HELLO                               → HELLO node=&lt;n&gt; uid=&lt;u&gt;
 * EXPORT &lt;size&gt; &lt;aclNode&gt;            → READY &lt;segid hex&gt;  (publishes with 0, ACL aclNode:0666)
 * WRITE &lt;offset&gt; &lt;hex bytes&gt;         → OK          (into the exported memory)
 * READ &lt;offset&gt; &lt;length&gt;              → DATA &lt;hex&gt;  (from the exported memory)
 * IMPORT &lt;node&gt; &lt;segid hex&gt;           → CONNECTED &lt;size&gt;
 * PUT &lt;offset&gt; &lt;hex bytes&gt;           → OK          (put through the import, IMPLICIT mode + barrier)
 * GET &lt;offset&gt; &lt;length&gt;               → DATA &lt;hex&gt;
 * MAP                                 → MAPPED &lt;size&gt;  (maps the whole import, read/write)
 * MSTORE &lt;offset&gt; &lt;hex bytes&gt;        → OK          (stores through that mapping)
 * MLOAD &lt;offset&gt; &lt;length&gt;             → DATA &lt;hex&gt;  (loads through that mapping)
 * WAIT &lt;millis&gt;                       → SIGNAL      (waits for a signal on the exported segment, that long)
 * DOORBELL &lt;rounds&gt; &lt;IMPLICIT|EXPLICIT&gt; → DONE &lt;rounds&gt; &lt;millis&gt;, or FAIL round &lt;r&gt;: &lt;why&gt;
 *                                       (the importer side of doorbell messaging, see {@link #doorbell})
 * SOAK &lt;size&gt; &lt;incarnation&gt; &lt;nodes&gt; &lt;base hex&gt; → SOAKING &lt;segid hex&gt;
 *                                       (starts the soak loop in the background, see {@link Soak})
 * STATUS                              → STATUS loops=.. connected=.. aborted=.. bad=.. unexpected=.. last=..
 * BUSY &lt;CONTROL|PUT|LOAD|MSTORE&gt;       → BUSY, then until a call fails (the test ends the JVM): calls emu0's
 *                                       getAttributes, puts 8 bytes through the import, loads from the exported
 *                                       memory, or stores through the import's mapping
 * SLOW-EXIT &lt;millis&gt; [INTERRUPT]      → OK          (a shutdown hook of the program's own takes that long; with
 *                                       INTERRUPT, it first interrupts the main thread)
 * HOOK-CALLS &lt;n&gt;                      → OK          (a shutdown hook of the program's own calls emu0's getAttributes
 *                                       until n calls have failed, printing HOOK-FAILED &lt;message&gt; for each)
 * EXIT                                → BYE, exit 0
 * </pre>
 * An RsmException answers {@code ERROR <RSMERR name> <message>}; anything unexpected exits with status 2.
 * Lines that start with {@code PROGRESS } are printed by the soak loop on its own, not answers.
 */
public final class NodeProgram {

    private NodeProgram() {
    }

    public static void main(String[] args) throws Exception {
        HexFormat hex = HexFormat.of();
        RsmLibrary lib;
        try {
            lib = Rsm.open();
        } catch (RsmException e) {
            System.out.println("ERROR " + e.error() + " " + e.getMessage());
            System.exit(3);
            return;
        }
        MemorySegment exportedMemory = null;
        ExportSegment exported = null;
        ImportSegment imported = null;
        MemorySegment importedMapping = null;
        Barrier barrier = null;
        Soak soak = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split("\\s+");
            try {
                switch (w[0]) {
                case "HELLO" -> say("HELLO node=" + lib.localNodeId() + " uid=" + lib.credentials().uid());
                case "EXPORT" -> {
                    exportedMemory = lib.allocate(Long.parseLong(w[1]));
                    exported = lib.getController("emu0").createExportSegment(exportedMemory, 0);
                    int id = exported.publish(0, List.of(new AccessEntry(Integer.parseInt(w[2]), 0666)));
                    say("READY " + Integer.toHexString(id));
                }
                case "WRITE" -> {
                    store(exportedMemory, w[1], hex.parseHex(w[2]));
                    say("OK");
                }
                case "READ" -> say("DATA " + hex.formatHex(load(requireNonNull(exportedMemory, "READ before EXPORT"), w[1], w[2])));
                case "IMPORT" -> {
                    imported = lib.getController("emu0").connect(Integer.parseInt(w[1]),
                            Integer.parseUnsignedInt(w[2], 16), Rsm.PERM_RDWR);
                    barrier = imported.initBarrier(BarrierType.SEGMENT);
                    say("CONNECTED " + imported.size());
                }
                case "PUT" -> {
                    requireNonNull(imported, "PUT before IMPORT").put(Long.parseLong(w[1]), MemorySegment.ofArray(hex.parseHex(w[2])));
                    say("OK");
                }
                case "GET" -> {
                    byte[] b = new byte[Integer.parseInt(w[2])];
                    requireNonNull(imported, "GET before IMPORT").get(Long.parseLong(w[1]), MemorySegment.ofArray(b));
                    say("DATA " + hex.formatHex(b));
                }
                case "MAP" -> {
                    ImportSegment connected = requireNonNull(imported, "MAP before IMPORT");
                    importedMapping = connected.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, connected.size());
                    say("MAPPED " + importedMapping.byteSize());
                }
                case "MSTORE" -> {
                    store(importedMapping, w[1], hex.parseHex(w[2]));
                    say("OK");
                }
                case "MLOAD" -> say("DATA " + hex.formatHex(load(requireNonNull(importedMapping, "MLOAD before MAP"), w[1], w[2])));
                case "WAIT" -> {
                    requireNonNull(exported, "WAIT before EXPORT").signalWait(Integer.parseInt(w[1]));
                    say("SIGNAL");
                }
                case "DOORBELL" -> say(doorbell(imported, barrier, exportedMemory, Integer.parseInt(w[1]),
                        BarrierMode.valueOf(w[2])));
                case "SOAK" -> {
                    soak = new Soak(lib, Long.parseLong(w[1]), Integer.parseInt(w[2]), w[3],
                            Integer.parseUnsignedInt(w[4], 16));
                    say("SOAKING " + Integer.toHexString(soak.start()));
                }
                case "BUSY" -> {
                    RsmController controller = lib.getController("emu0");
                    ImportSegment target = w[1].equals("PUT") ? requireNonNull(imported, "BUSY PUT before IMPORT") : null;
                    MemorySegment memory = switch (w[1]) {
                    case "LOAD" -> requireNonNull(exportedMemory, "BUSY LOAD before EXPORT");
                    case "MSTORE" -> requireNonNull(importedMapping, "BUSY MSTORE before MAP");
                    default -> null;
                    };
                    long[] value = new long[1];
                    say("BUSY");
                    for (long i = 0;; i++) {
                        switch (w[1]) {
                        case "PUT" -> target.put64(0, value, 1);
                        case "LOAD" -> value[0] += memory.get(ValueLayout.JAVA_LONG, 8 * (i & 7));
                        case "MSTORE" -> memory.set(ValueLayout.JAVA_LONG, 8 * (i & 7), i);
                        default -> controller.getAttributes();
                        }
                    }
                }
                case "SLOW-EXIT" -> {
                    long millis = Long.parseLong(w[1]);
                    Thread main = Thread.currentThread();
                    boolean interrupt = w.length > 2 && w[2].equals("INTERRUPT");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        if (interrupt) {
                            main.interrupt();
                        }
                        try {
                            Thread.sleep(millis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                    say("OK");
                }
                case "HOOK-CALLS" -> {
                    int failures = Integer.parseInt(w[1]);
                    RsmController controller = lib.getController("emu0");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        for (int failed = 0; failed < failures;) {
                            try {
                                controller.getAttributes();
                            } catch (RsmException e) {
                                failed++;
                                say("HOOK-FAILED " + e.getMessage());
                            }
                        }
                    }));
                    say("OK");
                }
                case "STATUS" -> say(soak == null ? "ERROR NO_SOAK no SOAK command was given" : "STATUS " + soak.status());
                case "EXIT" -> {
                    lib.close();
                    say("BYE");
                    System.exit(0);
                }
                default -> say("ERROR UNKNOWN_COMMAND " + line);
                }
            } catch (RsmException e) {
                say("ERROR " + e.error() + " " + e.getMessage());
            } catch (RuntimeException e) {
                say("CRASH " + e);
                System.exit(2);
            }
        }
        lib.close();
        System.exit(0);
    }

    /** Copies {@code bytes} into {@code memory} at {@code offset} (a decimal number). */
    private static void store(MemorySegment memory, String offset, byte[] bytes) {
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, memory, Long.parseLong(offset), bytes.length);
    }

    /** The bytes of {@code memory} at {@code offset}, {@code length} of them (decimal numbers). */
    private static byte[] load(MemorySegment memory, String offset, String length) {
        return memory.asSlice(Long.parseLong(offset), Long.parseLong(length)).toArray(ValueLayout.JAVA_BYTE);
    }

    private static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }

    // ---------------------------------------------------------------- patterns (shared with the tests)

    /** Salt of a doorbell request (importer → exporter) and of its answer. */
    public static final int REQUEST = 1, ANSWER = 2;
    /** A doorbell message: the round (long, native order) and then 64 pattern bytes. */
    public static final int MESSAGE_BYTES = 8 + 64;
    /** How long a doorbell side waits for one signal before it gives up. */
    public static final int DOORBELL_WAIT_MILLIS = 10_000;

    /** Byte {@code i} of the pattern for ({@code key}, {@code salt}): a mix, so that no two rounds look alike. */
    public static byte patternByte(long key, int salt, long i) {
        long x = key * 0x9E3779B97F4A7C15L + (salt + 1) * 0xBF58476D1CE4E5B9L + (i + 1) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        x *= 0xD6E8FEB86659FD93L;
        x ^= x >>> 32;
        return (byte) x;
    }

    /** Fills [offset, offset+length) of {@code dst} with the pattern for ({@code key}, {@code salt}). */
    public static void fill(MemorySegment dst, long offset, long length, long key, int salt) {
        for (long i = 0; i < length; i++) {
            dst.set(ValueLayout.JAVA_BYTE, offset + i, patternByte(key, salt, i));
        }
    }

    /** Null when [offset, offset+length) of {@code src} holds that pattern, else where and what differs. */
    public static String mismatch(MemorySegment src, long offset, long length, long key, int salt) {
        for (long i = 0; i < length; i++) {
            byte want = patternByte(key, salt, i);
            byte got = src.get(ValueLayout.JAVA_BYTE, offset + i);
            if (got != want) {
                return String.format("pattern (%d, %d) differs at byte %d: 0x%02x, expected 0x%02x", key, salt, i,
                        got & 0xFF, want & 0xFF);
            }
        }
        return null;
    }

    /** The doorbell message of {@code round} with {@code salt}. */
    public static MemorySegment message(long round, int salt) {
        MemorySegment m = MemorySegment.ofArray(new byte[MESSAGE_BYTES]);
        m.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, round);
        fill(m, 8, 64, round, salt);
        return m;
    }

    /** Null when {@code src} at {@code offset} holds the message of {@code round} with {@code salt}. */
    public static String messageMismatch(MemorySegment src, long offset, long round, int salt) {
        long got = src.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
        if (got != round) {
            return "the message holds round " + got + ", expected " + round;
        }
        return mismatch(src, offset + 8, 64, round, salt);
    }

    /**
     * The importer side of doorbell messaging (RSMAPI.md §8 flow 4), {@code rounds} times: put the REQUEST
     * message of the round at offset 0 of the imported segment (IMPLICIT: the put is its own barrier span;
     * EXPLICIT: open, put, close), signalPost on the import; wait for the exporter's post on the import,
     * then check that the exporter wrote the ANSWER message of the round at offset 0 of this program's
     * exported memory. At the end no event may be left over.
     */
    static String doorbell(ImportSegment imported, Barrier barrier, MemorySegment replies, int rounds,
            BarrierMode mode) {
        long round = 0;
        try {
            if (imported == null || replies == null) {
                return "FAIL round 0: IMPORT and EXPORT first";
            }
            imported.setMode(mode);
            long t0 = System.nanoTime();
            for (round = 1; round <= rounds; round++) {
                MemorySegment request = message(round, REQUEST);
                if (mode == BarrierMode.EXPLICIT) {
                    barrier.open();
                    imported.put(0, request);
                    barrier.close();
                } else {
                    imported.put(0, request);
                }
                imported.signalPost(0);
                imported.signalWait(DOORBELL_WAIT_MILLIS);
                String bad = messageMismatch(replies, 0, round, ANSWER);
                if (bad != null) {
                    return "FAIL round " + round + ": the answer is wrong: " + bad;
                }
            }
            round = rounds;
            try {
                imported.signalWait(0);
                return "FAIL round " + round + ": an event is left over after the last answer";
            } catch (RsmException e) {
                if (e.error() != RsmError.TIMEOUT) {
                    throw e;
                }
            }
            imported.setMode(BarrierMode.IMPLICIT);
            return "DONE " + rounds + " " + (System.nanoTime() - t0) / 1_000_000;
        } catch (RsmException e) {
            return "FAIL round " + round + ": " + e.error() + " " + e.getMessage();
        }
    }

    // ---------------------------------------------------------------- the soak loop

    /**
     * The soak loop of KillSoakTest, in a background thread. The program exports {@code size} bytes
     * (at least two pages) and publishes them under {@code base + node} with ACL 0666 for each of
     * {@code nodes}. Page 0 is its known pattern: the node (int), the incarnation (int), then the pattern
     * (node, incarnation) up to the end of the page; it never changes. In page 1 each peer node p owns the
     * 64 bytes at p*64. The loop, over and over, for each other node of {@code nodes}: connects to its
     * segment (base + p) if not connected (SEG_NOT_PUBLISHED: not yet, or dead, try again later); puts the
     * loop count into its own slot in the peer's page 1 and gets it back; gets the peer's page 0 and checks
     * it against the header it carries; posts a signal. CONN_ABORTED (the peer died) drops the connection.
     * It drains its own export's events with signalWait(0). Other RSM errors count as unexpected, wrong
     * data as bad. Every 200 ms it prints {@code PROGRESS loops=<n> connected=<nodes>}.
     */
    static final class Soak {
        private static final long PAGE = 4096;
        private final RsmLibrary lib;
        private final long size;
        private final int incarnation;
        private final int[] nodes;
        private final int base;
        private final Map<Integer, ImportSegment> peers = new TreeMap<>();
        private final Map<Integer, Long> nextTry = new TreeMap<>();
        private volatile long loops;
        private volatile long aborted;
        private volatile long bad;
        private volatile long unexpected;
        private volatile String last = "-";
        private volatile String connected = "-";
        private ExportSegment export;

        Soak(RsmLibrary lib, long size, int incarnation, String nodes, int base) {
            this.lib = lib;
            this.size = size;
            this.incarnation = incarnation;
            this.nodes = java.util.Arrays.stream(nodes.split(",")).mapToInt(Integer::parseInt).toArray();
            this.base = base;
        }

        int start() throws RsmException {
            int me = lib.localNodeId();
            MemorySegment memory = lib.allocate(size);
            memory.set(ValueLayout.JAVA_INT, 0, me);
            memory.set(ValueLayout.JAVA_INT, 4, incarnation);
            fill(memory, 8, PAGE - 8, me, incarnation);
            List<AccessEntry> acl = new ArrayList<>();
            for (int n : nodes) {
                acl.add(new AccessEntry(n, 0666));
            }
            export = lib.getController("emu0").createExportSegment(memory, 0);
            int id = export.publish(base + me, acl);
            Thread t = new Thread(this::run, "soak");
            t.setDaemon(true);
            t.start();
            return id;
        }

        String status() {
            return "loops=" + loops + " connected=" + connected + " aborted=" + aborted + " bad=" + bad
                    + " unexpected=" + unexpected + " last=" + last;
        }

        private void run() {
            try {
                loop();
            } catch (RuntimeException e) {
                unexpected++;
                last = "the soak loop crashed: " + e;
                say("PROGRESS crashed " + e);
            }
        }

        private void loop() {
            int me = lib.localNodeId();
            MemorySegment page = MemorySegment.ofArray(new byte[(int) PAGE]);
            MemorySegment mine = MemorySegment.ofArray(new byte[64]);
            MemorySegment back = MemorySegment.ofArray(new byte[64]);
            long lastProgress = 0;
            for (;;) {
                long now = System.nanoTime();
                for (int p : nodes) {
                    if (p == me) {
                        continue;
                    }
                    ImportSegment im = peers.get(p);
                    if (im == null) {
                        Long retry = nextTry.get(p);
                        if (retry != null && now - retry < 0) {
                            continue;
                        }
                        try {
                            im = lib.getController("emu0").connect(p, base + p, Rsm.PERM_RDWR);
                            im.initBarrier(BarrierType.SEGMENT);
                            peers.put(p, im);
                        } catch (RsmException e) {
                            nextTry.put(p, now + 50_000_000L);
                            if (e.error() != RsmError.SEG_NOT_PUBLISHED) {
                                unexpected(p, "connect", e);
                            }
                            continue;
                        }
                    }
                    try {
                        mine.fill((byte) 0);
                        mine.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, loops);
                        mine.set(ValueLayout.JAVA_INT_UNALIGNED, 8, incarnation);
                        im.put(PAGE + me * 64L, mine);
                        im.get(PAGE + me * 64L, back);
                        if (back.mismatch(mine) >= 0) {
                            bad++;
                            last = "node " + p + ": my slot reads back " + HexFormat.of().formatHex(
                                    back.toArray(ValueLayout.JAVA_BYTE)) + " after putting " + HexFormat.of().formatHex(
                                    mine.toArray(ValueLayout.JAVA_BYTE));
                        }
                        im.get(0, page);
                        int node = page.get(ValueLayout.JAVA_INT_UNALIGNED, 0);
                        int inc = page.get(ValueLayout.JAVA_INT_UNALIGNED, 4);
                        String wrong = node != p ? "page 0 names node " + node
                                : mismatch(page, 8, PAGE - 8, node, inc);
                        if (wrong != null) {
                            bad++;
                            last = "node " + p + " incarnation " + inc + ": " + wrong;
                        }
                        im.signalPost(0);
                    } catch (RsmException e) {
                        if (e.error() == RsmError.CONN_ABORTED) {
                            aborted++;
                        } else {
                            unexpected(p, "put/get/post", e);
                        }
                        try {
                            im.disconnect();
                        } catch (RsmException e2) {
                            unexpected(p, "disconnect", e2);
                        }
                        peers.remove(p);
                    }
                }
                try {
                    while (true) {
                        export.signalWait(0);
                    }
                } catch (RsmException e) {
                    if (e.error() != RsmError.TIMEOUT) {
                        unexpected(me, "signalWait", e);
                    }
                }
                connected = peers.isEmpty() ? "-" : String.join(",", peers.keySet().stream().map(String::valueOf).toList());
                loops++;
                if (now - lastProgress > 200_000_000L) {
                    lastProgress = now;
                    say("PROGRESS loops=" + loops + " connected=" + connected);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void unexpected(int node, String what, RsmException e) {
            unexpected++;
            last = what + " node " + node + ": " + e.error() + " " + e.getMessage();
        }
    }
}
