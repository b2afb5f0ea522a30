// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.inspect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;

/** Finds byte patterns in a segment: hex bytes, text, or a value in a {@link DataFormat}. */
public final class Search {
    private static final long CHUNK = 1 << 20;

    private Search() {
    }

    /** "de ad be ef", "deadbeef" or "0xdeadbeef". */
    public static byte[] hex(String text) {
        String digits = text.replaceAll("\\s+", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not a sequence of hex bytes (two digits per byte)");
        }
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a sequence of hex bytes", e);
        }
    }

    public static byte[] text(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the text to find is empty");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The offset of the first occurrence of {@code pattern} at or after {@code from}, or -1.
     *
     * @throws CancellationException when {@code progress} is canceled
     */
    public static long find(MemorySegment memory, byte[] pattern, long from, Progress progress) {
        if (pattern.length == 0) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        long size = memory.byteSize();
        byte first = pattern[0];
        MemorySegment needle = MemorySegment.ofArray(pattern);
        for (long chunk = Math.max(0, from); chunk <= size - pattern.length; chunk += CHUNK) {
            if (progress.isCanceled()) {
                throw new CancellationException("search canceled");
            }
            long end = Math.min(chunk + CHUNK, size - pattern.length + 1);
            for (long at = chunk; at < end; at++) {
                if (memory.get(ValueLayout.JAVA_BYTE, at) == first
                        && MemorySegment.mismatch(memory, at, at + pattern.length, needle, 0, pattern.length) < 0) {
                    return at;
                }
            }
            progress.worked(end - chunk);
        }
        return -1;
    }

    /** Where {@link #findWrapping} found a pattern: its offset, and whether the search wrapped to the start. */
    public record Found(long offset, boolean wrapped) {
    }

    /**
     * The first occurrence of {@code pattern} at or after {@code from}, else the first from the start of the segment
     * (the search wraps around, as a Find in an editor does), or null when there is none.
     *
     * @throws CancellationException when {@code progress} is canceled
     */
    public static Found findWrapping(MemorySegment memory, byte[] pattern, long from, Progress progress) {
        long at = find(memory, pattern, from, progress);
        if (at >= 0) {
            return new Found(at, false);
        }
        if (from > 0) {
            at = find(memory, pattern, 0, progress);
        }
        return at >= 0 ? new Found(at, true) : null;
    }
}
