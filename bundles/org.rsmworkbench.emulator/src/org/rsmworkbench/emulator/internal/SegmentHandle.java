// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.Signalable;

/** What export and import handles share: validity, signal waiting and the pollfd refcount. */
abstract sealed class SegmentHandle implements Signalable permits ExportHandle, ImportHandle {
    final Controller controller;
    final ProcessLibrary process;
    final ClusterRuntime runtime;
    final Registry registry;
    private final PollFdImpl pollFd = new PollFdImpl(this);
    /** The registry offset of the counter of the events posted to this handle. */
    private final long eventCounter;
    /**
     * The events of {@link #eventCounter} this handle has consumed (its process alone consumes them), counted from what
     * the counter held when the handle's record was made ({@link Registry.Events}: counters are never reset).
     */
    private final AtomicInteger consumedEvents;
    /**
     * How many looks at the counter a wait takes before it reads the clock and sets up its timed spin (a few
     * microseconds): a ping-pong partner's answer arrives within them, and taking it there rather than in the timed
     * spin took about 45 ns off a one-way signal (SignalLatency, session 10).
     */
    private static final int QUICK_LOOKS = 256;
    private int pollFdRefs;
    /**
     * The registry's mutation count at which {@link #checkValid} last passed, or {@link Registry#UNCHECKED}: the registry
     * words it reads change only in mutations, so while the count stays there a signal wait does not read them again.
     */
    private int validAt = Registry.UNCHECKED;

    /** A handle's signal counter ({@link Registry.Events}): its offset, and what it held when the handle's record was made. */
    record EventCounter(long offset, int before) {
        /** Under the lock, as a record is made: its counter at {@code offset}. */
        static EventCounter of(Registry registry, long offset) {
            return new EventCounter(offset, registry.postedEvents(offset));
        }
    }

    SegmentHandle(Controller controller, EventCounter events) {
        this.controller = controller;
        this.process = controller.process;
        this.runtime = process.runtime;
        this.registry = runtime.registry;
        this.eventCounter = events.offset();
        this.consumedEvents = new AtomicInteger(events.before());
    }

    ProcessLibrary process() {
        return process;
    }

    /** Throws BAD_SEG_HNDL when this handle was freed, or its process ended. */
    abstract void checkValid() throws RsmException;

    /** The part of {@link #checkValid} that reads no registry word: the handle not freed, its process not ended. */
    abstract boolean isOpen();

    /**
     * {@link #checkValid}, reading the registry only when a mutation ran since it last passed. A call that the cluster's
     * close overtook (the processes closed, then the registry unmapped) fails as on a closed library, not with the
     * closed mapping's IllegalStateException.
     */
    final void checkValidSinceMutation() throws RsmException {
        try {
            if (registry.unchangedSince(validAt) && isOpen()) {
                return;
            }
            int before = registry.mutations();
            checkValid();
            validAt = registry.stableSince(before);
        } catch (IllegalStateException unmapped) {
            throw closedLibraryOr(unmapped);
        }
    }

    final long eventCounter() {
        return eventCounter;
    }

    /**
     * Consumes one pending event of this segment, if any: none once the handle is freed (a wait that another thread's
     * disconnect or destroy overtook), whose counter the next record in its slot counts on, nor once its process is
     * closed (the cluster's close may unmap the registry between the look at the handle and the one at the counter:
     * the wait then ends as for a closed library, not with the closed mapping's IllegalStateException).
     */
    final boolean consumeEvent() {
        try {
            return isOpen() && runtime.consumeEvent(eventCounter(), consumedEvents);
        } catch (IllegalStateException unmapped) {
            if (isOpen()) {
                throw unmapped;
            }
            return false;
        }
    }

    /** Names this segment in messages. */
    abstract String describe();

    synchronized boolean pollFdInUse() {
        return pollFdRefs > 0;
    }

    @Override
    public void signalWait(int timeoutMillis) throws RsmException {
        if (!signalWaitQuickly(timeoutMillis)) {
            signalWaitLong(timeoutMillis);
        }
    }

    /**
     * The first part of {@link #signalWait}: checks this handle, takes a pending event, else (a timeout other than 0)
     * looks at the counter {@value #QUICK_LOOKS} times. Whether it took an event; false: {@link #signalWaitLong} goes
     * on. A recorder records the beginning of a wait only when this part did not end it.
     *
     * @throws RsmException BAD_SEG_HNDL, or TIMEOUT when the timeout is 0 and no event is pending
     */
    final boolean signalWaitQuickly(int timeoutMillis) throws RsmException {
        checkValidSinceMutation();
        if (consumeEvent()) {
            // the event is there: no clock reads, no waiting set up
            return true;
        }
        if (timeoutMillis == 0) {
            throw timedOut(0, System.nanoTime());
        }
        for (int look = 0; look < QUICK_LOOKS; look++) {
            Thread.onSpinWait();
            if (consumeEvent()) {
                return true;
            }
        }
        return false;
    }

    /** The rest of {@link #signalWait} once {@link #signalWaitQuickly} took no event: a timed spin, then sleep. */
    final void signalWaitLong(int timeoutMillis) throws RsmException {
        long start = System.nanoTime();
        // the wait ends with an event consumed, or with the handle freed by another thread (BAD_SEG_HNDL); a process
        // closed ends it in awaitEvent
        boolean[] freed = new boolean[1];
        BooleanSupplier consumedOrFreed = () -> {
            if (isOpen()) {
                return consumeEvent();
            }
            freed[0] = !process.isClosed();
            return freed[0];
        };
        if (!runtime.awaitEvent(process, timeoutMillis, consumedOrFreed, () -> process.waits.enter(this, timeoutMillis))) {
            throw timedOut(timeoutMillis, start);
        }
        if (freed[0]) {
            checkValid();
        }
    }

    /**
     * The error of a wait that took no event: TIMEOUT, unless the handle was freed or its library closed meanwhile,
     * which fail as such (the cluster's close unmaps the registry, which the checks and this handle's description read,
     * after it closed the processes).
     */
    private RsmException timedOut(int timeoutMillis, long start) throws RsmException {
        try {
            if (process.isClosed()) {
                return process.closedError();
            }
            if (!isOpen()) {
                checkValid();
            }
            return error(RsmError.TIMEOUT, "no signal arrived on %s %s", describe(), Errors.waitedFor(timeoutMillis, start));
        } catch (IllegalStateException unmapped) {
            return closedLibraryOr(unmapped);
        }
    }

    /**
     * The error of a call whose read of the registry found it unmapped: its library's, closed with the cluster (which
     * closes the processes before it unmaps the registry); else {@code unmapped} is thrown again.
     */
    private RsmException closedLibraryOr(IllegalStateException unmapped) {
        if (process.isClosed()) {
            return process.closedError();
        }
        throw unmapped;
    }

    /** Whether an event posted to this segment waits to be consumed (for the {@link WaitProbe}; consumes nothing). */
    final boolean hasPendingEvent() {
        return isOpen() && registry.postedEvents(eventCounter()) - consumedEvents.get() > 0;
    }

    @Override
    public synchronized PollFd getPollFd() throws RsmException {
        checkValid();
        pollFdRefs++;
        return pollFd;
    }

    @Override
    public synchronized void releasePollFd() throws RsmException {
        checkValid();
        if (pollFdRefs > 0) {
            pollFdRefs--;
        }
    }

    RsmException pollFdInUseError(String operation) {
        return error(RsmError.POLLFD_IN_USE, "cannot %s %s: its pollfd is still in use (call releasePollFd first)",
                operation, describe());
    }

    @Override
    public String toString() {
        return describe();
    }
}
