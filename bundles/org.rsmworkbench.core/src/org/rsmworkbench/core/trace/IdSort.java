// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.core.trace;

import org.rsmworkbench.emulator.trace.HeapRoom;

/** Sorts event ids by a key each, without an object per id (a recording's millions of events). */
final class IdSort {
    /** Orders two ids whose keys are equal. */
    @FunctionalInterface
    interface Ties {
        int compare(int a, int b);
    }

    private IdSort() {
    }

    /**
     * Sorts {@code ids} and {@code keys} together by key, then by {@code ties} (stable: a merge sort).
     *
     * @throws OutOfMemoryError when its buffers would leave too little of the heap ({@link HeapRoom})
     */
    static void sort(long[] keys, int[] ids, Ties ties) {
        int n = ids.length;
        HeapRoom.ensure((long) n * (Long.BYTES + Integer.BYTES), "sorting " + n + " events");
        long[] keyBuffer = new long[n];
        int[] idBuffer = new int[n];
        long[] fromKeys = keys;
        int[] fromIds = ids;
        long[] toKeys = keyBuffer;
        int[] toIds = idBuffer;
        for (int width = 1; width < n; width *= 2) {
            for (int low = 0; low < n; low += 2 * width) {
                int middle = Math.min(low + width, n);
                int high = Math.min(low + 2 * width, n);
                int left = low;
                int right = middle;
                for (int out = low; out < high; out++) {
                    boolean takeLeft = right >= high || left < middle && (fromKeys[left] < fromKeys[right]
                            || fromKeys[left] == fromKeys[right] && ties.compare(fromIds[left], fromIds[right]) <= 0);
                    int from = takeLeft ? left++ : right++;
                    toKeys[out] = fromKeys[from];
                    toIds[out] = fromIds[from];
                }
            }
            long[] swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
            int[] swapIds = fromIds;
            fromIds = toIds;
            toIds = swapIds;
        }
        if (fromIds != ids) {
            System.arraycopy(fromKeys, 0, keys, 0, n);
            System.arraycopy(fromIds, 0, ids, 0, n);
        }
    }
}
