// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventKind;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.PollFd;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.SegmentIdRange;
import org.rsmworkbench.rsmapi.Topology;

/** The library of a process that records its RSM calls into a {@link TraceLog}. */
final class RecordedLibrary extends Recorded implements RsmLibrary {
    private final RsmLibrary library;
    private volatile boolean closed;

    RecordedLibrary(RsmLibrary library, TraceLog log) {
        super(log);
        this.library = library;
        // the shadows of segments (SegmentWatch) go with the cluster's memory, and nowhere else
        if (library instanceof ProcessLibrary process) {
            log.watch.shadowsIn(process.runtime.memoryDirectory);
        }
    }

    @Override
    public int localNodeId() {
        return library.localNodeId();
    }

    @Override
    public Credentials credentials() {
        return library.credentials();
    }

    @Override
    public MemorySegment allocate(long length) throws RsmException {
        return library.allocate(length);
    }

    @Override
    public RsmController getController(String name) throws RsmException {
        return new RecordedController(record(EventKind.CONTROLLER_GET, 0, 0, 0, () -> library.getController(name)), log,
                library.localNodeId());
    }

    @Override
    public Topology getInterconnectTopology() throws RsmException {
        return library.getInterconnectTopology();
    }

    @Override
    public SegmentIdRange getSegmentIdRange(String appId) throws RsmException {
        return library.getSegmentIdRange(appId);
    }

    @Override
    public int signalWaitPollFd(List<PollFd> fds, int timeoutMillis) throws RsmException {
        List<PollFd> own = fds == null ? null : fds.stream().map(fd -> fd instanceof RecordedPollFd r ? r.pollFd() : fd).toList();
        long start = log.begin(EventKind.SIGNAL_WAIT_BEGIN);
        CallSite site = log.siteOf(EventKind.SIGNAL_WAIT_POLLFD);
        // as a segment's wait (RecordedImport#recordWait): the beginning only of a wait that no pending event ended
        Runnable waiting = () -> log.call(EventKind.SIGNAL_WAIT_BEGIN, start, 0, 0, 0, timeoutMillis, site);
        try {
            int ready;
            if (library instanceof ProcessLibrary process) {
                ready = process.signalWaitPollFd(own, timeoutMillis, waiting);
            } else {
                waiting.run();
                ready = library.signalWaitPollFd(own, timeoutMillis);
            }
            log.call(EventKind.SIGNAL_WAIT_POLLFD, start, 0, 0, 0, ready, site);
            return ready;
        } catch (RsmException | RuntimeException e) {
            log.call(EventKind.SIGNAL_WAIT_POLLFD, start, errorOf(e), 0, 0, 0, site);
            throw e;
        }
    }

    /** Closing twice records one close (the shutdown hook closes a library the program closed). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long start = log.begin(EventKind.LIBRARY_CLOSE);
        log.accessesAtExit();
        log.watch.unwatchAll(); // the process's memory and mappings go
        log.memory.clear();
        library.close();
        log.call(EventKind.LIBRARY_CLOSE, start, 0, 0, 0, 0);
        log.markCommittedEnds(); // the process ended normally: a record broken off before here is damage
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return library + " (recorded)";
    }
}
