package org.rsmworkbench.emulator.tests.nodes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.Rsm;
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
 * EXIT                                → BYE, exit 0
 * </pre>
 * An RsmException answers {@code ERROR <RSMERR name> <message>}; anything unexpected exits with status 2.
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
                    byte[] b = hex.parseHex(w[2]);
                    MemorySegment.copy(MemorySegment.ofArray(b), 0, exportedMemory, Long.parseLong(w[1]), b.length);
                    say("OK");
                }
                case "READ" -> {
                    byte[] b = exportedMemory.asSlice(Long.parseLong(w[1]), Long.parseLong(w[2]))
                            .toArray(ValueLayout.JAVA_BYTE);
                    say("DATA " + hex.formatHex(b));
                }
                case "IMPORT" -> {
                    imported = lib.getController("emu0").connect(Integer.parseInt(w[1]),
                            Integer.parseUnsignedInt(w[2], 16), Rsm.PERM_RDWR);
                    imported.initBarrier(BarrierType.SEGMENT);
                    say("CONNECTED " + imported.size());
                }
                case "PUT" -> {
                    imported.put(Long.parseLong(w[1]), MemorySegment.ofArray(hex.parseHex(w[2])));
                    say("OK");
                }
                case "GET" -> {
                    byte[] b = new byte[Integer.parseInt(w[2])];
                    imported.get(Long.parseLong(w[1]), MemorySegment.ofArray(b));
                    say("DATA " + hex.formatHex(b));
                }
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

    private static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }
}
