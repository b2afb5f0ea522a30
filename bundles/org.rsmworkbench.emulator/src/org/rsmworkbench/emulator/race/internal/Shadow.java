// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.race.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.rsmworkbench.emulator.race.internal.HappensBefore.Access;

/**
 * The shadow of one segment: for each range of bytes, the last write and the last read of each thread since it. Ranges
 * are split where accesses begin and end and joined again when neighbours hold the same accesses, so the memory it takes
 * grows with the number of distinct access ranges alive, not with the segment's size (a 64 MiB segment that one scan
 * reads is one range).
 */
final class Shadow {
    /** A range of bytes {@code [start, end)} and what accessed it last. */
    private static final class Cell {
        final long start;
        long end;
        Access write;
        final List<Access> reads;

        Cell(long start, long end, Access write, List<Access> reads) {
            this.start = start;
            this.end = end;
            this.write = write;
            this.reads = reads;
        }

        boolean sameAccesses(Cell other) {
            return write == other.write && reads.equals(other.reads);
        }
    }

    private final TreeMap<Long, Cell> cells = new TreeMap<>();

    /** The last write that covers all of {@code [offset, offset + length)}, or null. */
    Access lastWrite(long offset, long length) {
        Map.Entry<Long, Cell> entry = cells.floorEntry(offset);
        if (entry == null || entry.getValue().end < offset + length || entry.getValue().write == null) {
            return null;
        }
        return entry.getValue().write;
    }

    /**
     * Gives {@code conflict} each earlier access that conflicts with {@code access} (the last write over its bytes, and
     * for a write the reads since), then makes {@code access} the last one over its bytes.
     */
    void apply(Access access, BiConsumer<Access, Access> conflict) {
        long from = access.offset;
        long to = access.offset + access.length;
        if (to <= from) {
            return;
        }
        Map.Entry<Long, Cell> same = cells.floorEntry(from);
        if (same != null && same.getKey() == from && same.getValue().end == to) {
            // the bytes of an earlier access again (a ring of puts, a flag): no cell to split, none to join (this
            // access is in no neighbour)
            record(same.getValue(), access, conflict);
            return;
        }
        split(from);
        split(to);
        fillGaps(from, to);
        for (Cell cell : cells.subMap(from, true, to, false).values()) {
            record(cell, access, conflict);
        }
        join(from, to);
    }

    /** Gives {@code conflict} the earlier accesses of {@code cell} that conflict with {@code access}, then records it. */
    private static void record(Cell cell, Access access, BiConsumer<Access, Access> conflict) {
        if (cell.write != null) {
            conflict.accept(cell.write, access);
        }
        if (access.write) {
            cell.reads.forEach(read -> conflict.accept(read, access));
            cell.write = access;
            cell.reads.clear();
        } else {
            cell.reads.removeIf(read -> read.thread == access.thread);
            cell.reads.add(access);
        }
    }

    /** Makes {@code at} the start of a cell if a cell spans it. */
    private void split(long at) {
        Map.Entry<Long, Cell> entry = cells.lowerEntry(at);
        if (entry != null && entry.getValue().end > at) {
            Cell cell = entry.getValue();
            cells.put(at, new Cell(at, cell.end, cell.write, new ArrayList<>(cell.reads)));
            cell.end = at;
        }
    }

    /** Adds empty cells where no cell covers {@code [from, to)}. */
    private void fillGaps(long from, long to) {
        long at = from;
        List<Cell> added = new ArrayList<>();
        for (Cell cell : cells.subMap(from, true, to, false).values()) {
            if (cell.start > at) {
                added.add(new Cell(at, cell.start, null, new ArrayList<>()));
            }
            at = cell.end;
        }
        if (at < to) {
            added.add(new Cell(at, to, null, new ArrayList<>()));
        }
        added.forEach(cell -> cells.put(cell.start, cell));
    }

    /** Joins the cells of {@code [from, to)} and their neighbours that hold the same accesses. */
    private void join(long from, long to) {
        Map.Entry<Long, Cell> start = cells.lowerEntry(from);
        long at = start != null && start.getValue().end == from ? start.getKey() : from;
        Cell previous = null;
        for (var iterator = cells.tailMap(at, true).values().iterator(); iterator.hasNext();) {
            Cell cell = iterator.next();
            if (cell.start > to) {
                break;
            }
            if (previous != null && previous.end == cell.start && previous.sameAccesses(cell)) {
                previous.end = cell.end;
                iterator.remove();
            } else {
                previous = cell;
            }
        }
    }
}
