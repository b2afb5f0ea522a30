// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Which Java a java launcher is, and the oldest one that runs node JVMs. */
public final class JavaRelease {
    /** The oldest Java that runs node JVMs (the RSMAPI and emulator are Java 25 code). */
    public static final int MINIMUM = 25;
    /** A JDK's release file is a few lines: more is not one. */
    private static final int MAX_LINES = 100;

    private JavaRelease() {
    }

    /**
     * The {@code JAVA_VERSION} of the {@code release} file of the JDK whose {@code bin/java} is {@code javaExecutable}
     * (links followed, as an installed {@code /usr/bin/java} is one), or of the Java 8 JDK whose {@code jre/bin/java}
     * it is (that {@code jre} folder has no release file of its own); empty when there is no such file or line: the
     * version is then not known without starting that java.
     */
    public static Optional<String> versionOf(Path javaExecutable) {
        try {
            Path bin = javaExecutable.toRealPath().getParent();
            Path home = bin == null ? null : bin.getParent();
            if (home == null) {
                return Optional.empty();
            }
            Path releaseFile = home.resolve("release");
            if (!Files.exists(releaseFile) && home.endsWith("jre") && home.getParent() != null) {
                releaseFile = home.getParent().resolve("release");
            }
            try (BufferedReader release = Files.newBufferedReader(releaseFile, StandardCharsets.UTF_8)) {
                return release.lines().limit(MAX_LINES).filter(line -> line.startsWith("JAVA_VERSION="))
                        .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").strip()).findFirst();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no release file, or one that is not text: unknown
        }
    }

    /** 25 for "25.0.1", 8 for "1.8.0_402"; 0 when unknown. */
    public static int majorVersion(String version) {
        String[] parts = version.split("[.\\-+_]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether {@code version} is known to be older than {@link #MINIMUM}. */
    public static boolean tooOld(String version) {
        int major = majorVersion(version);
        return major > 0 && major < MINIMUM;
    }
}
