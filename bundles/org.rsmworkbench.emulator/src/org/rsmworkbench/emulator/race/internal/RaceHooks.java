// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.rsmworkbench.emulator.internal.RsmMemory;
import org.rsmworkbench.emulator.internal.TraceLog;
import org.rsmworkbench.emulator.trace.CallSite;
import org.rsmworkbench.emulator.trace.EventKind;

/**
 * What the node program's rewritten classes call ({@link AccessInstrumenter}) in place of the accesses it makes through
 * {@link MemorySegment} and of {@link Thread#start()} and {@link Thread#join()}: each hook does what the call did and
 * tells the process's event log of the access when its address lies in RSM memory (a store before it is made, so that
 * its time comes before anyone can read its bytes; a load after). A hook has the name of the method it
 * replaces, the receiver (if any) as its first parameter and the call site's number as its last: the instrumenter
 * rewrites exactly the calls for which such a hook exists. Calls into the RSM API stay, preceded by {@link #callAt}.
 */
public final class RaceHooks {
    /** The system property that, set to true in a recording node JVM, makes it record what race detection needs. */
    public static final String PROPERTY = "rsm.races";
    /** The log of this process, once it opened its library with race detection on. */
    private static volatile TraceLog log;
    /** The call sites of the rewritten calls, by number. Replaced when it grows. Written under the class lock. */
    private static volatile CallSite[] sites = new CallSite[256];
    private static int siteCount;
    /** The program's poll sites (see {@link AccessInstrumenter}). */
    private static final Set<CallSite> POLL_SITES = ConcurrentHashMap.newKeySet();

    private RaceHooks() {
    }

    /** From now on accesses of RSM memory go into {@code processLog}, and the sites of RSM calls named by the program. */
    public static void attach(TraceLog processLog) {
        processLog.recordAccesses(POLL_SITES::contains);
        log = processLog;
    }

    /**
     * From now on the sites of the program's RSM calls, named by its rewritten classes ({@link #callAt}), go to
     * {@code processLog}: a recording JVM with the {@link NodeAgent} that does not detect races.
     */
    public static void nameCallSites(TraceLog processLog) {
        log = processLog;
    }

    /** Marks a read of the program as a poll. */
    static void pollSite(CallSite site) {
        POLL_SITES.add(site);
    }

    /** The number of a call site of the program, for the rewritten call to pass. */
    static synchronized int site(CallSite site) {
        if (siteCount == sites.length) {
            sites = Arrays.copyOf(sites, siteCount * 2);
        }
        sites[siteCount] = site;
        return siteCount++;
    }

    /** Made before each call of the program into the RSM API: that call's site, for its event (no stack walk). */
    public static void callAt(int site) {
        TraceLog current = log;
        if (current != null) {
            current.nextCallAt(sites[site]);
        }
    }

    // ------------------------------------------------------------ MemorySegment get and set, by layout

    public static byte get(MemorySegment s, ValueLayout.OfByte l, long o, int site) {
        byte v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, v, site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfByte l, long o, byte v, int site) {
        access(EventKind.STORE, s, o, l, v, site);
        s.set(l, o, v);
    }

    public static boolean get(MemorySegment s, ValueLayout.OfBoolean l, long o, int site) {
        boolean v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, v ? 1 : 0, site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfBoolean l, long o, boolean v, int site) {
        access(EventKind.STORE, s, o, l, v ? 1 : 0, site);
        s.set(l, o, v);
    }

    public static char get(MemorySegment s, ValueLayout.OfChar l, long o, int site) {
        char v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, v, site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfChar l, long o, char v, int site) {
        access(EventKind.STORE, s, o, l, v, site);
        s.set(l, o, v);
    }

    public static short get(MemorySegment s, ValueLayout.OfShort l, long o, int site) {
        short v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, v, site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfShort l, long o, short v, int site) {
        access(EventKind.STORE, s, o, l, v, site);
        s.set(l, o, v);
    }

    public static int get(MemorySegment s, ValueLayout.OfInt l, long o, int site) {
        int v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, v, site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfInt l, long o, int v, int site) {
        access(EventKind.STORE, s, o, l, v, site);
        s.set(l, o, v);
    }

    public static long get(MemorySegment s, ValueLayout.OfLong l, long o, int site) {
        long v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, v, site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfLong l, long o, long v, int site) {
        access(EventKind.STORE, s, o, l, v, site);
        s.set(l, o, v);
    }

    public static float get(MemorySegment s, ValueLayout.OfFloat l, long o, int site) {
        float v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, Float.floatToRawIntBits(v), site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfFloat l, long o, float v, int site) {
        access(EventKind.STORE, s, o, l, Float.floatToRawIntBits(v), site);
        s.set(l, o, v);
    }

    public static double get(MemorySegment s, ValueLayout.OfDouble l, long o, int site) {
        double v = s.get(l, o);
        access(EventKind.LOAD, s, o, l, Double.doubleToRawLongBits(v), site);
        return v;
    }

    public static void set(MemorySegment s, ValueLayout.OfDouble l, long o, double v, int site) {
        access(EventKind.STORE, s, o, l, Double.doubleToRawLongBits(v), site);
        s.set(l, o, v);
    }

    // ------------------------------------------------------------ by index: the offset is index * size

    public static byte getAtIndex(MemorySegment s, ValueLayout.OfByte l, long i, int site) {
        return get(s, l, i * l.byteSize(), site);
    }

    public static void setAtIndex(MemorySegment s, ValueLayout.OfByte l, long i, byte v, int site) {
        set(s, l, i * l.byteSize(), v, site);
    }

    public static char getAtIndex(MemorySegment s, ValueLayout.OfChar l, long i, int site) {
        return get(s, l, i * l.byteSize(), site);
    }

    public static void setAtIndex(MemorySegment s, ValueLayout.OfChar l, long i, char v, int site) {
        set(s, l, i * l.byteSize(), v, site);
    }

    public static short getAtIndex(MemorySegment s, ValueLayout.OfShort l, long i, int site) {
        return get(s, l, i * l.byteSize(), site);
    }

    public static void setAtIndex(MemorySegment s, ValueLayout.OfShort l, long i, short v, int site) {
        set(s, l, i * l.byteSize(), v, site);
    }

    public static int getAtIndex(MemorySegment s, ValueLayout.OfInt l, long i, int site) {
        return get(s, l, i * l.byteSize(), site);
    }

    public static void setAtIndex(MemorySegment s, ValueLayout.OfInt l, long i, int v, int site) {
        set(s, l, i * l.byteSize(), v, site);
    }

    public static long getAtIndex(MemorySegment s, ValueLayout.OfLong l, long i, int site) {
        return get(s, l, i * l.byteSize(), site);
    }

    public static void setAtIndex(MemorySegment s, ValueLayout.OfLong l, long i, long v, int site) {
        set(s, l, i * l.byteSize(), v, site);
    }

    public static float getAtIndex(MemorySegment s, ValueLayout.OfFloat l, long i, int site) {
        return get(s, l, i * l.byteSize(), site);
    }

    public static void setAtIndex(MemorySegment s, ValueLayout.OfFloat l, long i, float v, int site) {
        set(s, l, i * l.byteSize(), v, site);
    }

    public static double getAtIndex(MemorySegment s, ValueLayout.OfDouble l, long i, int site) {
        return get(s, l, i * l.byteSize(), site);
    }

    public static void setAtIndex(MemorySegment s, ValueLayout.OfDouble l, long i, double v, int site) {
        set(s, l, i * l.byteSize(), v, site);
    }

    // ------------------------------------------------------------ bulk

    public static void copy(MemorySegment src, long srcOffset, MemorySegment dst, long dstOffset, long bytes, int site) {
        long bits = bitsOf(src, srcOffset, bytes);
        range(EventKind.LOAD, src, srcOffset, bytes, bits, site);
        range(EventKind.STORE, dst, dstOffset, bytes, bits, site);
        MemorySegment.copy(src, srcOffset, dst, dstOffset, bytes);
    }

    public static MemorySegment copyFrom(MemorySegment dst, MemorySegment src, int site) {
        long bits = bitsOf(src, 0, src.byteSize());
        range(EventKind.LOAD, src, 0, src.byteSize(), bits, site);
        range(EventKind.STORE, dst, 0, src.byteSize(), bits, site);
        return dst.copyFrom(src);
    }

    public static MemorySegment fill(MemorySegment s, byte value, int site) {
        long bits = 0;
        for (int i = 0; i < Math.min(s.byteSize(), Long.BYTES); i++) {
            bits |= (value & 0xFFL) << 8 * i;
        }
        range(EventKind.STORE, s, 0, s.byteSize(), bits, site);
        return s.fill(value);
    }

    // ------------------------------------------------------------ threads

    @SuppressWarnings("unused") // the site: every hook takes it; the log finds the line itself
    public static void start(Thread thread, int site) {
        TraceLog current = log;
        if (current != null) {
            current.call(EventKind.THREAD_START, current.begin(EventKind.THREAD_START), 0, 0, 0, thread.threadId());
        }
        thread.start();
    }

    @SuppressWarnings("unused") // the site: every hook takes it; the log finds the line itself
    public static void join(Thread thread, int site) throws InterruptedException {
        thread.join();
        TraceLog current = log;
        if (current != null) {
            current.accessesOfEnded(thread.threadId()); // what it did last is not yet in the log
            current.call(EventKind.THREAD_JOIN, current.begin(EventKind.THREAD_JOIN), 0, 0, 0, thread.threadId());
        }
    }

    // ------------------------------------------------------------ the check

    /** A load or store of one value of layout {@code l} whose bits (in the layout's byte order) are {@code bits}. */
    private static void access(EventKind kind, MemorySegment s, long offset, ValueLayout l, long bits, int site) {
        TraceLog current = log;
        if (current == null || !s.isNative()) {
            return;
        }
        long size = l.byteSize();
        long little = l.order() == ByteOrder.LITTLE_ENDIAN ? bits : Long.reverseBytes(bits) >>> (64 - 8 * size);
        record(current, kind, s.address() + offset, size, little, site);
    }

    /** A load or store of {@code bytes} bytes whose first bytes are {@code bits} (little-endian). */
    private static void range(EventKind kind, MemorySegment s, long offset, long bytes, long bits, int site) {
        TraceLog current = log;
        if (current != null && s.isNative() && bytes > 0) {
            record(current, kind, s.address() + offset, bytes, bits, site);
        }
    }

    /** The first (up to 8) of {@code bytes} bytes at {@code offset} of {@code s}, little-endian; 0 when out of reach. */
    private static long bitsOf(MemorySegment s, long offset, long bytes) {
        if (log == null || offset < 0 || bytes <= 0 || offset + Math.min(bytes, Long.BYTES) > s.byteSize()) {
            return 0; // the copy itself will say what is wrong
        }
        long bits = 0;
        for (int i = (int) Math.min(bytes, Long.BYTES) - 1; i >= 0; i--) {
            bits = bits << 8 | s.get(ValueLayout.JAVA_BYTE, offset + i) & 0xFF;
        }
        return bits;
    }

    private static void record(TraceLog current, EventKind kind, long address, long length, long bits, int site) {
        RsmMemory.Region region = current.memory.find(address, length);
        if (region != null) {
            current.access(kind, region.node(), region.id(), region.segmentOffset() + address - region.start(), length, bits,
                    sites[site]);
        }
    }
}
