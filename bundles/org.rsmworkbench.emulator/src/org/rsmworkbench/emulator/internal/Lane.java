// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * This JVM's writer of the lane of a signal counter it holds ({@link Registry.Events}): one thread at a time takes the
 * next count and stores it, so that the lane only ever rises (a count stored late by a thread overtaken would lower it,
 * and a record made meanwhile would count the difference as events).
 */
final class Lane {
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(int[].class);
    /**
     * Who stores and the count stored last, in the middle of an array whose other words keep them from the cache lines
     * of other objects: the lanes of a ping-pong's two directions, made together, would otherwise share a line that
     * every post moves between the cores (fields of a padded class may be laid out in the gaps of its superclass).
     */
    private static final int BUSY = 15, COUNT = 16, WORDS = 32;
    private final int[] words = new int[WORDS];

    Lane(int count) {
        words[COUNT] = count;
    }

    /** Whether this thread may store the next count: no other thread is storing one. */
    boolean tryEnter() {
        return WORD.compareAndSet(words, BUSY, 0, 1);
    }

    /** The count after this post, for the thread that entered. */
    int nextCount() {
        return ++words[COUNT];
    }

    void exit() {
        WORD.setRelease(words, BUSY, 0);
    }
}
