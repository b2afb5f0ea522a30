// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

/**
 * Sorts the numbers {@code 0..n-1} by a comparator of ints, with no object per number (a sort of boxed numbers or of
 * event objects is what the race analysis does without). A merge sort: each log is mostly in order already, and a run
 * already in order costs one comparison to merge.
 */
final class IntMergeSort {
    /** Compares two numbers. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntMergeSort() {
    }

    /** The numbers {@code 0..count-1} in the order of {@code comparator} (equal ones in their natural order). */
    static int[] sort(int count, IntComparator comparator) {
        int[] numbers = new int[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = i;
        }
        int[] buffer = new int[count];
        for (int width = 1; width < count; width *= 2) {
            for (int from = 0; from < count - width; from += 2 * width) {
                int middle = from + width;
                int to = Math.min(from + 2 * width, count);
                if (comparator.compare(numbers[middle - 1], numbers[middle]) > 0) {
                    merge(numbers, buffer, from, middle, to, comparator);
                }
            }
        }
        return numbers;
    }

    private static void merge(int[] numbers, int[] buffer, int from, int middle, int to, IntComparator comparator) {
        System.arraycopy(numbers, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int at = from; at < to; at++) {
            if (right >= to || left < middle && comparator.compare(buffer[left], buffer[right]) <= 0) {
                numbers[at] = buffer[left++];
            } else {
                numbers[at] = buffer[right++];
            }
        }
    }
}
