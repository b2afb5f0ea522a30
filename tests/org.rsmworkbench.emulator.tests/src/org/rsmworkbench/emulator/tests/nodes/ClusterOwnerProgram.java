// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.RsmLibrary;

/**
 * A JVM that owns a cluster, for KillSoakTest: {@code ClusterOwnerProgram <directory> <segid hex>} starts
 * {@code ClusterSpec.fullyConnected(2)} in that directory with {@code EmulatedCluster.start(spec, dir)},
 * makes a process on node 1 that exports one page filled with the pattern (id, 1) of
 * {@link NodeProgram#fill} and publishes it under the id (ACL: every node, umask mode), and answers
 * {@code OWNER <directory>}. Then it obeys stdin like {@link NodeProgram}:
 * <pre>
 * HELLO              → HELLO owner
 * EXIT               → BYE (the cluster is closed and its directory removed), exit 0
 * EXIT-WITHOUT-CLOSE → System.exit(0) with the cluster still open
 * THROW              → main ends with an uncaught exception, the cluster still open
 * </pre>
 * End of stdin also closes the cluster. A kill -9 leaves the directory behind, as a crashed owner does.
 */
public final class ClusterOwnerProgram {

    private ClusterOwnerProgram() {
    }

    public static void main(String[] args) throws Exception {
        EmulatedCluster cluster;
        try {
            cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2), Path.of(args[0]));
            RsmLibrary p = cluster.process(1, new Credentials(1000, 1000, Set.of(), 022, false));
            MemorySegment memory = p.allocate(4096);
            int id = Integer.parseUnsignedInt(args[1], 16);
            NodeProgram.fill(memory, 0, 4096, id, 1);
            ExportSegment e = p.getController("emu0").createExportSegment(memory, 0);
            e.publish(id, null);
        } catch (Exception e) {
            say("ERROR " + e);
            System.exit(3);
            return;
        }
        say("OWNER " + cluster.directory());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
            case "HELLO" -> say("HELLO owner");
            case "EXIT" -> {
                cluster.close();
                say("BYE");
                System.exit(0);
            }
            case "EXIT-WITHOUT-CLOSE" -> System.exit(0);
            case "THROW" -> throw new IllegalStateException("an owner that ends with an uncaught exception");
            default -> say("ERROR UNKNOWN_COMMAND " + line);
            }
        }
        cluster.close();
        System.exit(0);
    }

    private static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }
}
