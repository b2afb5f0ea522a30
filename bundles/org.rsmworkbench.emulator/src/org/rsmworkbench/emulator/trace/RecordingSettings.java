// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * How a run is recorded: where its recording folder is, how large each process's log may grow and what happens then,
 * which calls get their call site, whether gets keep their bytes. A launch passes them to each node JVM as system
 * properties ({@link #systemProperties()}); the node JVM's library records when {@value #DIRECTORY_PROPERTY} is set.
 *
 * @param directory the recording folder (made when missing)
 * @param limitBytes the most one process's log holds
 * @param atLimit what a full log does
 * @param callSites which calls record the program's frame that made them
 * @param fullGets whether a get records the bytes it returned (else an 8-byte digest of them)
 */
public record RecordingSettings(Path directory, long limitBytes, AtLimit atLimit, CallSites callSites, boolean fullGets) {
    public static final String DIRECTORY_PROPERTY = "rsm.record";
    public static final String LIMIT_PROPERTY = "rsm.record.limit";
    public static final String AT_LIMIT_PROPERTY = "rsm.record.at-limit";
    public static final String CALL_SITES_PROPERTY = "rsm.record.call-sites";
    public static final String GETS_PROPERTY = "rsm.record.gets";
    /** 256 MiB per process: about 8 million puts of 8 bytes. */
    public static final long DEFAULT_LIMIT = 256L << 20;
    /** The largest limit rsm-launch takes, 1 TiB: far below what the log format holds (2^31 chunks of 64 KiB). */
    public static final long MAX_LIMIT = 1L << 40;

    /** What a log does when it reaches its size limit. */
    public enum AtLimit {
        /** Keeps the first events; later ones are counted as dropped. */
        STOP,
        /** Keeps the last events: the oldest are overwritten, 64 KiB at a time. */
        RING
    }

    /** Which calls record their call site: a stack walk of a few frames, about a microsecond each. */
    public enum CallSites {
        /** Every call, put and get included (a put then costs about a microsecond more). */
        ALL,
        /** Every call but put, get, putv and getv (the default). */
        CONTROL,
        NONE
    }

    public RecordingSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(atLimit, "atLimit");
        Objects.requireNonNull(callSites, "callSites");
        if (limitBytes < 1 << 20) {
            throw new IllegalArgumentException("a log needs at least 1 MiB, not " + limitBytes + " bytes");
        }
    }

    /** Recording into {@code directory} with the defaults: 256 MiB per process, stop at the limit, control call sites. */
    public static RecordingSettings into(Path directory) {
        return new RecordingSettings(directory, DEFAULT_LIMIT, AtLimit.STOP, CallSites.CONTROL, false);
    }

    /** The -D options that make a node JVM record with these settings. */
    public List<String> systemProperties() {
        return systemProperties(directory.toAbsolutePath().toString());
    }

    /**
     * The -D options that make a node JVM record with these settings into {@code folder}, a path of the node JVM's host
     * (relative: to its working directory).
     */
    public List<String> systemProperties(String folder) {
        return List.of("-D" + DIRECTORY_PROPERTY + "=" + folder, "-D" + LIMIT_PROPERTY + "=" + limitBytes,
                "-D" + AT_LIMIT_PROPERTY + "=" + lower(atLimit), "-D" + CALL_SITES_PROPERTY + "=" + lower(callSites),
                "-D" + GETS_PROPERTY + "=" + (fullGets ? "full" : "digest"));
    }

    /**
     * The settings these system properties give, or null when {@value #DIRECTORY_PROPERTY} is not set.
     *
     * @throws IllegalArgumentException for a value that is not one of the allowed ones
     */
    public static RecordingSettings fromSystemProperties(Properties p) {
        String directory = p.getProperty(DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            return null;
        }
        return new RecordingSettings(Path.of(directory), Long.parseLong(p.getProperty(LIMIT_PROPERTY, String.valueOf(DEFAULT_LIMIT))),
                AtLimit.valueOf(p.getProperty(AT_LIMIT_PROPERTY, "stop").toUpperCase(Locale.ROOT)),
                CallSites.valueOf(p.getProperty(CALL_SITES_PROPERTY, "control").toUpperCase(Locale.ROOT)),
                "full".equals(p.getProperty(GETS_PROPERTY, "digest")));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
