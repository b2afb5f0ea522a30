// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * This JVM's writer of the lane of a signal counter it holds ({@link Registry.Events}): one thread at a time takes the
 * next count and stores it, so that the lane only ever rises (a count stored late by a thread overtaken would lower it,
 * and a record made meanwhile would count the difference as events). Its fields sit between paddings of a cache line
 * each: the lanes of a ping-pong's two directions, made together, would otherwise share a line that every post moves
 * between the cores.
 */
final class Lane extends LaneCount {
    long q0, q1, q2, q3, q4, q5, q6, q7;

    Lane(int count) {
        super(count);
    }
}

/** The padding before a {@link Lane}'s fields (a superclass's fields are laid out first). */
abstract class LanePadding {
    long p0, p1, p2, p3, p4, p5, p6, p7;
}

/** A {@link Lane}'s fields: who stores, and the count stored last. */
abstract class LaneCount extends LanePadding {
    private static final VarHandle BUSY;

    static {
        try {
            BUSY = MethodHandles.lookup().findVarHandle(LaneCount.class, "busy", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int busy;
    /** Written only by the thread that entered. */
    private int count;

    LaneCount(int count) {
        this.count = count;
    }

    /** Whether this thread may store the next count: no other thread is storing one. */
    final boolean tryEnter() {
        return BUSY.compareAndSet(this, 0, 1);
    }

    /** The count after this post, for the thread that entered. */
    final int nextCount() {
        return ++count;
    }

    final void exit() {
        BUSY.setRelease(this, 0);
    }
}
