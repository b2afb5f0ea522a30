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
 * <p>
 * The bound: a shadow holds at most {@link #MAX_CELLS} cells, whatever the segment's size. A cell takes about 250 bytes
 * (its tree entry, its key, its access list, and the write and read it alone refers to) plus about 40 bytes per thread
 * that read it since its last write, so a segment's shadow stays under about 64 MiB with a few reading threads, where one
 * cell per 8-byte access of a 64 MiB segment would be 8 M cells, about 2 GB. Past the bound the shadow forgets the
 * least recently used ranges (a clock sweep over the cells: a cell touched since the hand last passed is spared once):
 * a forgotten range is as if no access had touched it, so a race with an access it held is missed, and a poll of a flag
 * whose write was forgotten orders nothing. A program that keeps fewer distinct ranges alive loses nothing.
 */
final class Shadow {
    /** A range of bytes {@code [start, end)} and what accessed it last. */
    private static final class Cell {
        final long start;
        long end;
        Access write;
        final List<Access> reads;
        /** Whether an access touched it since the eviction sweep last passed. */
        boolean recent = true;

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

    /** The most cells a shadow holds (see the class comment). */
    static final int MAX_CELLS = 1 << 18;

    private final TreeMap<Long, Cell> cells = new TreeMap<>();
    private final int maxCells;
    /** The start of the next cell the eviction sweep looks at. */
    private long hand;
    private long forgotten;

    Shadow() {
        this(MAX_CELLS);
    }

    /** A shadow of at most {@code maxCells} cells (a test's smaller bound). */
    Shadow(int maxCells) {
        this.maxCells = maxCells;
    }

    /** How many cells it holds. */
    int cellCount() {
        return cells.size();
    }

    /** How many cells it forgot to stay within its bound. */
    long forgottenCells() {
        return forgotten;
    }

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
        if (cells.size() > maxCells) {
            evict();
        }
    }

    /** Forgets cells not touched since the sweep last passed them until the shadow is within its bound. */
    private void evict() {
        while (cells.size() > maxCells) {
            Map.Entry<Long, Cell> next = cells.ceilingEntry(hand);
            if (next == null) {
                hand = Long.MIN_VALUE; // round again
                continue;
            }
            Cell cell = next.getValue();
            hand = cell.end;
            if (cell.recent) {
                cell.recent = false;
            } else {
                cells.remove(next.getKey());
                forgotten++;
            }
        }
    }

    /** Gives {@code conflict} the earlier accesses of {@code cell} that conflict with {@code access}, then records it. */
    private static void record(Cell cell, Access access, BiConsumer<Access, Access> conflict) {
        cell.recent = true;
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
