// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.nio.file.Path;
import java.util.List;

import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * A node program for the launch tests. Arguments: {@code exit S} prints a line on stdout and one on stderr
 * naming its node and credentials, then exits with S; {@code block} prints READY and runs until killed; {@code where}
 * then prints its working directory and where it loaded RSMAPI, the emulator and itself from, then exits with 0.
 */
public final class TestNodeProgram {
    private TestNodeProgram() {
    }

    public static void main(String[] args) throws Exception {
        RsmLibrary library = Rsm.open();
        System.out.println("node " + library.localNodeId() + " " + library.credentials() + " launch nodes "
                + System.getProperty(NodeCommandBuilder.LAUNCH_NODES_PROPERTY));
        System.err.println("stderr of node " + library.localNodeId());
        if (args[0].equals("where")) {
            System.out.println("directory " + Path.of("").toAbsolutePath());
            for (Class<?> type : List.of(Rsm.class, EmulatedCluster.class, TestNodeProgram.class)) {
                System.out.println("loaded " + type.getSimpleName() + " from " + ClassPathEntries.of(type));
            }
            System.exit(0);
        }
        if (args[0].equals("block")) {
            System.out.println("READY");
            Thread.currentThread().join(); // until the launcher or a kill fault ends this JVM
        }
        System.exit(Integer.parseInt(args[1]));
    }
}
