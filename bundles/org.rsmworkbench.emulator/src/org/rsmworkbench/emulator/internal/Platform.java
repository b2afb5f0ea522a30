// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.IOException;

/**
 * The platform the emulator's native calls are written for: Linux on x86-64 (the futex system call's number, the layout
 * of {@code struct stat}, the flags of {@code open}). Elsewhere those calls would do something else without failing (on
 * Linux on aarch64, system call 202 is {@code accept} and {@code O_NOFOLLOW}'s value another flag, so a link planted in
 * /tmp would be followed), so no cluster is made or joined there: a clear error says why.
 */
public final class Platform {
    private static final String UNSUPPORTED = unsupported(System.getProperty("os.name"), System.getProperty("os.arch"));

    private Platform() {
    }

    /** Why the emulator cannot run on that operating system and architecture (as Java names them), or null when it can. */
    public static String unsupported(String osName, String osArch) {
        if ("Linux".equals(osName) && ("amd64".equals(osArch) || "x86_64".equals(osArch))) {
            return null;
        }
        return "the RSM emulator runs on Linux on x86-64 only, and this JVM runs on " + osName + " on " + osArch
                + " (its futex, open and stat calls are those of Linux on x86-64)";
    }

    /** @throws IOException saying why, when the emulator cannot run in this JVM */
    static void require() throws IOException {
        if (UNSUPPORTED != null) {
            throw new IOException(UNSUPPORTED);
        }
    }
}
