// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;

/**
 * The layout of a process's event log ({@code .rsmlog}), shared by {@link TraceLog} (the writer) and the reader
 * ({@code org.rsmworkbench.emulator.trace.Recording}). Little-endian throughout.
 * <pre>
 * file    = header (256 B) + chunkCount chunks of chunkSize bytes (a sparse file: unused chunks cost no disk)
 * header  = magic u64 | version u32 | chunkSize u32 | chunkCount u32 | flags u32 (1 = ring) | node i32 (*) | firstDrop u32
 *           (0: none dropped, or a log made before it; else 1 + the whole microseconds from startNanos to the earliest
 *           start of an event dropped, at most 2^32 - 1: a first drop after 71 minutes says 71 minutes)
 *           | pid u64 | startNanos u64 | startEpochMillis u64 | claimedChunks u64 | droppedEvents u64 | label (u16 + UTF-8)
 * chunk   = index+1 u64 (0: never used; written last) | threadId u64 | baseTime u64 | thread name (u8 length, its
 *           top bit set in the first chunk a thread claimed, + UTF-8, 67 B)
 *           | committed end u32 (0: none) | then records, each 4-aligned, written by that one thread only, in order
 * record  = length u16 | kind u8 | flags u8 | check u32 (written last, release) | body (varints, then payload)
 * body    = time delta (zigzag, from the previous record of the chunk; the first from baseTime) | sequence delta
 *           (zigzag) | duration | error (zigzag) | [segment node, segment id] | [offset, length] | [value (zigzag)]
 *           | [site id] | [payload length, payload]   -- [..] present when the flag says so
 * site    = a record of kind 0 that defines a call site id for the rest of its chunk:
 *           id | class | method | file (strings: length+1 then UTF-8; 0 = null) | line (zigzag)
 * </pre>
 * (*) The process's node; -1 for the launcher's log, whose file is {@code launcher-PID.rsmlog} (such a log written before
 * said 0, and is read as -1). A reader of before takes -1 for a node of its own.
 * A record is committed when its check word, a hash of its bytes 0..3 and 8..length seeded with the chunk index, is
 * written and matches: a reader stops at the first record of a chunk that does not match (torn by a crash, not yet
 * written, or left from the chunk's previous use in a ring). A thread leaves its chunk for a new one when its next
 * record does not fit, or when its state is lost (a common-pool worker's thread locals are erased after each task): past
 * the last record of a chunk it left, a chunk used once holds zeros.
 */
public final class TraceFormat {
    public static final long MAGIC = 0x3130_4352_544D_5352L; // "RSMTRC01"
    /** 2: first chunks of threads marked, the first drop in the header; a version 1 log reads as before. */
    public static final int VERSION = 2;
    public static final int OLDEST_VERSION_READ = 1;
    public static final int HEADER_SIZE = 256;
    public static final int CHUNK_SIZE = 64 * 1024;
    public static final int CHUNK_HEADER_SIZE = 96;

    public static final long H_VERSION = 8, H_CHUNK_SIZE = 12, H_CHUNK_COUNT = 16, H_FLAGS = 20, H_NODE = 24, H_PID = 32,
            H_FIRST_DROP = 28, H_START_NANOS = 40, H_START_EPOCH_MILLIS = 48, H_CLAIMED = 56, H_DROPPED = 64, H_LABEL = 72;
    public static final int LABEL_MAX = HEADER_SIZE - (int) H_LABEL - 2;
    public static final int FLAG_RING = 1;
    /** The header's first drop when it came after the 71 minutes the word can say: it says that, not when. */
    public static final long FIRST_DROP_SATURATED = 0xFFFF_FFFFL;

    public static final long C_INDEX = 0, C_THREAD = 8, C_BASE_TIME = 16, C_NAME = 24, C_COMMITTED_END = 92;
    public static final int NAME_MAX = (int) (C_COMMITTED_END - C_NAME) - 1;
    /**
     * The bit of a chunk's name length that marks the first chunk its thread claimed: a ring loses a thread's chunks
     * oldest first, so a thread whose first chunk is kept lost none of its events (logs made before it have no mark).
     */
    public static final int FIRST_OF_THREAD = 0x80;

    /** The kind of a record that defines a call site. */
    public static final int KIND_SITE = 0;
    public static final int F_SEGMENT = 1, F_RANGE = 2, F_VALUE = 4, F_SITE = 8;
    /** Bits 4-6 of the flags: the ordinal of the payload form (TraceEvent.PayloadForm). */
    public static final int PAYLOAD_SHIFT = 4;
    /** The most payload bytes one record holds; more are truncated. */
    public static final int MAX_PAYLOAD = 32 * 1024;

    private TraceFormat() {
    }

    /** The file offset of chunk slot {@code slot}. */
    public static long chunkOffset(int slot) {
        return HEADER_SIZE + (long) slot * CHUNK_SIZE;
    }

    /** How many chunks a log of at most {@code limitBytes} holds, its header included (at least two). */
    public static int chunksWithin(long limitBytes) {
        return (int) Math.max(2, Math.min(Integer.MAX_VALUE, (limitBytes - HEADER_SIZE) / CHUNK_SIZE));
    }

    /**
     * The limit a log of {@code chunkCount} chunks was made with, to a chunk: the limit the user gave when it is a whole
     * number of chunks (as every limit in MiB is), the header taking part of the last chunk's room.
     */
    public static long limitOf(int chunkCount) {
        return (chunkCount + 1L) * CHUNK_SIZE;
    }

    /**
     * The check word of the record at {@code at} in {@code chunk} of {@code length} bytes: never 0, so that 0 means
     * "not committed".
     */
    public static int check(MemorySegment chunk, long at, int length, long chunkIndex) {
        long h = (chunkIndex + 1) * 0x9E37_79B9_7F4A_7C15L ^ chunk.get(JAVA_INT_UNALIGNED, at);
        long p = at + 8;
        long end = at + length;
        for (; p + 8 <= end; p += 8) {
            h = (h ^ chunk.get(JAVA_LONG_UNALIGNED, p)) * 0x100_0000_01B3L;
            h ^= h >>> 31;
        }
        for (; p < end; p++) {
            h = (h ^ chunk.get(JAVA_BYTE, p)) * 0x100_0000_01B3L;
        }
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        h ^= h >>> 32;
        int check = (int) h;
        return check == 0 ? 1 : check;
    }

    /** FNV-1a 64 of {@code length} bytes of {@code memory}: the digest of a get's bytes. */
    public static long digest(MemorySegment memory, long offset, long length) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (long i = 0; i < length; i++) {
            h = (h ^ (memory.get(JAVA_BYTE, offset + i) & 0xff)) * 0x100_0000_01B3L;
        }
        return h;
    }

    public static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    public static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
