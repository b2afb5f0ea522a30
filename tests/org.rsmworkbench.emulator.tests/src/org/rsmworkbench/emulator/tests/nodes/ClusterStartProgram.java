// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests.nodes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * A JVM that starts clusters on demand, for HostileLeftoversTest (which runs it in a private mount namespace and
 * plants files first). It answers {@code READY}, then obeys stdin:
 * <pre>
 * START → STARTED &lt;directory&gt; (EmulatedCluster.start(fullyConnected(1)), then closed), or ERROR &lt;throwable&gt;
 * </pre>
 */
public final class ClusterStartProgram {

    private ClusterStartProgram() {
    }

    public static void main(String[] args) throws Exception {
        say("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.trim().equals("START")) {
                say("ERROR UNKNOWN_COMMAND " + line);
                continue;
            }
            try (EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(1))) {
                say("STARTED " + cluster.directory());
            } catch (Throwable t) { // an OutOfMemoryError too: the test wants to see it
                say("ERROR " + t);
            }
        }
    }

    private static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }
}
