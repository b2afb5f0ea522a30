// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * A node program for the launch tests. Arguments: {@code exit S} prints a line on stdout and one on stderr
 * naming its node and credentials, then exits with S; {@code block} prints READY and runs until killed.
 */
public final class TestNodeProgram {
    private TestNodeProgram() {
    }

    public static void main(String[] args) throws Exception {
        RsmLibrary library = Rsm.open();
        System.out.println("node " + library.localNodeId() + " " + library.credentials() + " launch nodes "
                + System.getProperty(NodeCommandBuilder.LAUNCH_NODES_PROPERTY));
        System.err.println("stderr of node " + library.localNodeId());
        if (args[0].equals("block")) {
            System.out.println("READY");
            Thread.currentThread().join(); // until the launcher or a kill fault ends this JVM
        }
        System.exit(Integer.parseInt(args[1]));
    }
}
