// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

/**
 * The room a reader of a large recording leaves the rest of its JVM: the columns of its events, the buffers that sort
 * them. A reader that grew its columns until the heap was full, and caught the OutOfMemoryError, left every other thread
 * of an IDE without memory meanwhile: another view's allocation failed then (the Project Explorer's, in the product). So
 * they refuse to grow past what keeps {@link #reserve(long)} free, with an OutOfMemoryError of their own, as the JDK's
 * direct buffers do at their limit: the readers that catch one say that the recording is too large for the heap.
 */
public final class HeapRoom {
    /** The least a JVM keeps free for the rest of its work. */
    private static final long LEAST_RESERVE = 256L << 20;

    private HeapRoom() {
    }

    /**
     * Returns when {@code bytes} more of the heap leave the {@link #reserve(long)} free (what is garbage counts as free:
     * when what is in use says otherwise, the heap is collected once to see).
     *
     * @throws OutOfMemoryError when they do not: {@code what} would not fit
     */
    public static void ensure(long bytes, String what) {
        if (!fits(bytes)) {
            Runtime runtime = Runtime.getRuntime();
            throw new OutOfMemoryError(what + " would take " + (bytes >> 20) + " MB of a heap of " + (runtime.maxMemory() >> 20)
                    + " MB, leaving less than the " + (reserve(runtime.maxMemory()) >> 20) + " MB kept for the rest of the JVM");
        }
    }

    /**
     * Whether {@code bytes} more of the heap leave the {@link #reserve(long)} free (what is garbage counts as free: when
     * what is in use says otherwise, the heap is collected once to see).
     */
    public static boolean fits(long bytes) {
        if (bytes <= room()) {
            return true;
        }
        System.gc(); // rare: only a read near the limit of the heap comes here
        return bytes <= room();
    }

    /**
     * How much of a heap of {@code maxMemory} bytes stays free for the rest of the JVM: an eighth, at least 256 MB, but
     * no more than a quarter of a small heap (kept all of a 256 MB heap, the default of a JVM on a machine of 1 GB, and
     * refused every recording there, however small).
     */
    static long reserve(long maxMemory) {
        return Math.max(maxMemory / 8, Math.min(LEAST_RESERVE, maxMemory / 4));
    }

    private static long room() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return runtime.maxMemory() - used - reserve(runtime.maxMemory());
    }
}
