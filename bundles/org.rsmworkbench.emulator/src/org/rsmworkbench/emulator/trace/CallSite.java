// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

/**
 * The program's frame that made an RSM call: the first frame of the calling thread outside the RSM runtime.
 *
 * @param file the source file, or null when the class has no debug information
 * @param line the line, or a negative number when unknown
 */
public record CallSite(String className, String method, String file, int line) {

    /** As a stack trace shows it: {@code org.acme.Mailbox.main(Mailbox.java:41)}. */
    @Override
    public String toString() {
        return className + "." + method + "(" + (file == null ? "Unknown Source" : file + (line >= 0 ? ":" + line : "")) + ")";
    }
}
