// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.PrintStream;

/** Where the lines that node JVMs print go. Called from one thread per stream: implementations must be thread-safe. */
@FunctionalInterface
public interface NodeOutput {

    /** One line (without its line end) that node {@code nodeId} printed on stdout, or on stderr when {@code stderr}. */
    void line(int nodeId, boolean stderr, String line);

    /** Prints each line as {@code [node N] line}, stdout lines to {@code out} and stderr lines to {@code err}. */
    static NodeOutput prefixed(PrintStream out, PrintStream err) {
        return (nodeId, stderr, line) -> (stderr ? err : out).println("[node " + nodeId + "] " + line);
    }
}
