// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.trace;

/**
 * What a recorded event is: one RSM call (its code in the log never changes), or something that happened to the
 * cluster. Each kind belongs to a {@link Category}, which tools use to colour and group events.
 */
public enum EventKind {
    LIBRARY_OPEN(1, Category.CONTROL, "open"),
    LIBRARY_CLOSE(2, Category.CONTROL, "close"),
    CONTROLLER_GET(3, Category.CONTROL, "get_controller"),
    CONTROLLER_RELEASE(4, Category.CONTROL, "release_controller"),
    EXPORT_CREATE(5, Category.CONTROL, "export_create"),
    EXPORT_PUBLISH(6, Category.CONTROL, "export_publish"),
    EXPORT_REPUBLISH(7, Category.CONTROL, "export_republish"),
    EXPORT_UNPUBLISH(8, Category.CONTROL, "export_unpublish"),
    EXPORT_REBIND(9, Category.CONTROL, "export_rebind"),
    EXPORT_DESTROY(10, Category.CONTROL, "export_destroy"),
    CONNECT(11, Category.CONTROL, "import_connect"),
    DISCONNECT(12, Category.CONTROL, "import_disconnect"),
    MAP(13, Category.CONTROL, "import_map"),
    UNMAP(14, Category.CONTROL, "import_unmap"),
    PUT(15, Category.DATA, "put"),
    GET(16, Category.DATA, "get"),
    PUTV(17, Category.DATA, "putv"),
    GETV(18, Category.DATA, "getv"),
    BARRIER_INIT(19, Category.BARRIER, "barrier_init"),
    BARRIER_OPEN(20, Category.BARRIER, "barrier_open"),
    BARRIER_ORDER(21, Category.BARRIER, "barrier_order"),
    BARRIER_CLOSE(22, Category.BARRIER, "barrier_close"),
    BARRIER_DESTROY(23, Category.BARRIER, "barrier_destroy"),
    SET_MODE(24, Category.BARRIER, "set_mode"),
    SIGNAL_POST(25, Category.SIGNAL, "signal_post"),
    /**
     * A wait began and did not end at its first looks for an event (in recordings of earlier versions: every wait); the
     * {@link #SIGNAL_WAIT} or {@link #SIGNAL_WAIT_POLLFD} event of the same thread says how it ended (absent if the
     * process died in the wait). Its time is the wait's start, its value the timeout.
     */
    SIGNAL_WAIT_BEGIN(26, Category.SIGNAL, "signal_wait_begin"),
    /**
     * A wait returned: the whole wait, from its start ({@link TraceEvent#time()}) to its return, with or without a
     * {@link #SIGNAL_WAIT_BEGIN} before it; {@link TraceEvent#value()} is the number of events it consumed.
     */
    SIGNAL_WAIT(27, Category.SIGNAL, "signal_wait"),
    POLLFD_GET(28, Category.SIGNAL, "get_pollfd"),
    POLLFD_RELEASE(29, Category.SIGNAL, "release_pollfd"),
    /** {@code signalWaitPollFd}: {@link TraceEvent#value()} is the number of segments whose event it consumed. */
    SIGNAL_WAIT_POLLFD(30, Category.SIGNAL, "signal_wait_pollfd"),
    LOCAL_HANDLE_CREATE(31, Category.CONTROL, "localmemory_handle_create"),
    LOCAL_HANDLE_FREE(32, Category.CONTROL, "localmemory_handle_free"),
    /** A fault injected by the launcher ({@link TraceEvent#text()} says which). */
    FAULT(33, Category.FAULT, "fault"),
    /**
     * A node JVM ended; {@link TraceEvent#value()} is its exit status (137: killed), {@link TraceEvent#exitedPid()} its
     * pid.
     */
    PROCESS_EXIT(34, Category.FAULT, "process_exit"),
    /** A node JVM started (again, after a restart) by the launcher; {@link TraceEvent#value()} is its pid. */
    PROCESS_START(35, Category.FAULT, "process_start"),
    /**
     * Part of a segment's contents as its exporter read them when it published or rebound it (and, in a ring log, again
     * before the ring reuses the chunks of the previous one): {@link TraceEvent#offset()} and {@link TraceEvent#length()}
     * say which part, the payload holds its bytes, {@link TraceEvent#value()} is the segment's size.
     */
    SEGMENT_SNAPSHOT(36, Category.DATA, "segment_snapshot"),
    /**
     * Bytes of a segment that changed since the process's previous comparison, seen at the start of a call that hands data
     * over (a signal post, a barrier close or order, a change of what it maps or exports) in a segment the process exports
     * or maps: what stores through a mapping or into the exported memory wrote (and what other processes put meanwhile). The payload holds the bytes of the range; the call site, when recorded, is the call that saw them.
     */
    SEGMENT_STORE(37, Category.DATA, "segment_store"),
    /**
     * Reads of RSM memory through a {@code MemorySegment} (recorded when races are detected: {@code rsm-launch --races}):
     * a run of loads by one line of the program, of the same range or of adjacent ranges, recorded as one event when the
     * run ends. The payload holds the bytes the last load of one range read; {@link TraceEvent#value()} is 1 when the
     * loads of that range saw its bytes change (the program polled it), else 0.
     */
    LOAD(38, Category.DATA, "load"),
    /** Writes of RSM memory through a {@code MemorySegment}, recorded as {@link #LOAD}s are, with the bytes last stored. */
    STORE(39, Category.DATA, "store"),
    /**
     * The stack of a call site the first time it was recorded in its process: the payload's text, a frame a line;
     * {@link TraceEvent#value()} is 1 when the site is a poll (a read in a loop that tests what it read).
     */
    STACK(40, Category.CONTROL, "stack"),
    /** The thread started a thread; {@link TraceEvent#value()} is the new thread's id. */
    THREAD_START(41, Category.CONTROL, "thread_start"),
    /** The thread joined a thread that ended; {@link TraceEvent#value()} is that thread's id. */
    THREAD_JOIN(42, Category.CONTROL, "thread_join");

    /** The colour group of a kind. */
    public enum Category {
        DATA, BARRIER, SIGNAL, CONTROL, FAULT;

        /** The lower-case name, as in the Chrome export's {@code cat}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final EventKind[] BY_CODE = new EventKind[64];
    static {
        for (EventKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final Category category;
    private final String label;

    EventKind(int code, Category category, String label) {
        this.code = code;
        this.category = category;
        this.label = label;
    }

    /** The number of this kind in a log. */
    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    /** A short name after the librsm call ({@code put}, {@code signal_wait}). */
    public String label() {
        return label;
    }

    /**
     * Whether a call of this kind is certain to have taken effect only when it returned: a wait, join, connect, barrier
     * close or read (get, getv: what it read was there by then); any other when it began.
     */
    public boolean effectAtReturn() {
        return switch (this) {
            case SIGNAL_WAIT, SIGNAL_WAIT_POLLFD, THREAD_JOIN, CONNECT, BARRIER_CLOSE, GET, GETV -> true;
            default -> false;
        };
    }

    /** The kind of that number, or null when a log names a kind this version does not know. */
    public static EventKind of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
