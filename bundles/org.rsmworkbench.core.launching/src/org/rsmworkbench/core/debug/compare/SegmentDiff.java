// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.debug.compare;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.rsmworkbench.core.debug.SegmentExpression;
import org.rsmworkbench.core.inspect.Progress;
import org.rsmworkbench.core.inspect.Snapshot;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.SegmentView;

/**
 * Where two segments differ, byte by byte, as they are at the moment of the diff: two segments of the cluster, or the
 * segment of one id as two nodes export it ({@code 1:0x400100} and {@code 3:0x400100}), each from its offset
 * ({@code node:segment[+offset]}) over the bytes both have from there.
 *
 * @param first the first segment (and the offset its compared bytes start at)
 * @param second the second one
 * @param compared how many bytes were compared: the shorter of the two lengths from the offsets
 * @param firstLength the first segment's bytes from its offset
 * @param secondLength the second's
 * @param differences the differing ranges, in order
 * @param limited whether there were more ranges than were listed
 */
public record SegmentDiff(SegmentExpression first, SegmentExpression second, long compared, long firstLength, long secondLength,
        List<Difference> differences, boolean limited) {
    /** How many ranges a diff lists at most. */
    public static final int MAX_RANGES = 10_000;
    /** How many bytes of a range a difference shows. */
    public static final int SHOWN_BYTES = 16;

    /**
     * A range of differing bytes and, as the diff read them, its first {@link #SHOWN_BYTES} bytes in each segment in
     * hex ({@code 2a 00 00 00}, {@code …} after them when the range is longer).
     *
     * @param range the range, its offset relative to the offsets of the expressions
     */
    public record Difference(Snapshot.Range range, String firstBytes, String secondBytes) {
    }

    public SegmentDiff {
        differences = List.copyOf(differences);
    }

    /**
     * Compares the two segments of {@code cluster} (at most {@link #MAX_RANGES} ranges listed).
     *
     * @throws IllegalArgumentException when a segment does not exist (the message says which)
     * @throws java.util.concurrent.CancellationException when {@code progress} is canceled
     */
    public static SegmentDiff of(EmulatedCluster cluster, SegmentExpression first, SegmentExpression second, Progress progress) {
        try (SegmentView a = first.open(cluster); SegmentView b = second.open(cluster)) {
            long firstLength = a.size() - first.offset();
            long secondLength = b.size() - second.offset();
            long compared = Math.min(firstLength, secondLength);
            List<Snapshot.Range> ranges = Snapshot.diff(a.memory().asSlice(first.offset(), compared),
                    b.memory().asSlice(second.offset(), compared), MAX_RANGES + 1, progress);
            boolean limited = ranges.size() > MAX_RANGES;
            List<Difference> differences = ranges.stream().limit(MAX_RANGES).map(range -> new Difference(range,
                    hex(a.memory(), first.offset() + range.offset(), range.length()), hex(b.memory(), second.offset() + range.offset(), range.length())))
                    .toList();
            return new SegmentDiff(first, second, compared, firstLength, secondLength, differences, limited);
        } catch (CancellationException canceled) {
            throw canceled; // an IllegalStateException too, but not a segment gone
        } catch (IllegalStateException gone) {
            throw new IllegalArgumentException("a segment was destroyed during the diff: " + gone.getMessage());
        }
    }

    /** How many bytes differ in the listed ranges. */
    public long differingBytes() {
        return differences.stream().mapToLong(d -> d.range().length()).sum();
    }

    /**
     * In one line: {@code 1:0x400100 and 3:0x400100: 2 ranges differ (12 bytes) in 4096 bytes compared}, with a note when
     * the lengths differ.
     */
    public String summary() {
        String lengths = firstLength == secondLength ? ""
                : "; " + first + " has " + firstLength + " bytes from its offset, " + second + " " + secondLength + ": only the first " + compared
                        + " are compared";
        String found = differences.isEmpty() ? "identical" : differences.size() + (limited ? "+" : "") + (differences.size() == 1 ? " range differs" : " ranges differ")
                + " (" + differingBytes() + (limited ? "+" : "") + (differingBytes() == 1 && !limited ? " byte)" : " bytes)");
        return first + " and " + second + ": " + found + " in " + compared + " bytes compared" + lengths;
    }

    private static String hex(MemorySegment memory, long offset, long length) {
        StringBuilder hex = new StringBuilder();
        for (long i = 0; i < Math.min(length, SHOWN_BYTES); i++) {
            hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02x", memory.get(ValueLayout.JAVA_BYTE, offset + i)));
        }
        return hex + (length > SHOWN_BYTES ? " …" : "");
    }
}
