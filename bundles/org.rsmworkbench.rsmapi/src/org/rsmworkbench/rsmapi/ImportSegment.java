// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.rsmapi;

import java.lang.foreign.MemorySegment;

/** A connection of this process to a segment exported by some node. */
public interface ImportSegment extends Signalable, AutoCloseable {
    int nodeId();

    int segmentId();

    long size();

    /** The permission requested at connect. */
    int permission();

    MemorySegment map(int attributes, int permission, long offset, long length) throws RsmException;

    void unmap() throws RsmException;

    void disconnect() throws RsmException;

    /** The same as {@link #disconnect()}. */
    @Override
    void close() throws RsmException;

    void put(long offset, MemorySegment src) throws RsmException;

    void get(long offset, MemorySegment dst) throws RsmException;

    void put8(long offset, byte[] src, int repCount) throws RsmException;

    void put16(long offset, short[] src, int repCount) throws RsmException;

    void put32(long offset, int[] src, int repCount) throws RsmException;

    void put64(long offset, long[] src, int repCount) throws RsmException;

    void get8(long offset, byte[] dst, int repCount) throws RsmException;

    void get16(long offset, short[] dst, int repCount) throws RsmException;

    void get32(long offset, int[] dst, int repCount) throws RsmException;

    void get64(long offset, long[] dst, int repCount) throws RsmException;

    void putv(ScatterGather sg) throws RsmException;

    void getv(ScatterGather sg) throws RsmException;

    Barrier initBarrier(BarrierType type) throws RsmException;

    void setMode(BarrierMode mode) throws RsmException;

    BarrierMode getMode() throws RsmException;
}
