// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Race detection for RSM programs: {@link org.rsmworkbench.emulator.race.RaceDetector} reads a recording made with
 * access recording on ({@code rsm-launch --races}) and finds every pair of conflicting accesses to a segment (put, get,
 * putv, getv, and loads and stores of RSM memory through a {@code MemorySegment}) that no happens-before relation
 * orders; {@link org.rsmworkbench.emulator.race.RaceReport} holds them, one per pair of source lines, and writes the
 * JSON report of the command-line contract.
 * <p>
 * What orders accesses: program order in a thread; {@code Thread.start()} and {@code Thread.join()}; a publish and the
 * connects after it; a signal post and the wait that consumed it; a cut of a connection and the call that failed for
 * it; in EXPLICIT barrier mode a put completes only when its process's next barrier close on that segment succeeds (so
 * a put signalled before its close races with the reader), in IMPLICIT mode when it returns; flag polling: a thread that
 * polls a location (reads it in a loop that tests what it read, or sees its bytes change) and sees the bytes a write put
 * there is ordered after everything its writer did before that write (so data put and closed before the flag's put is
 * ordered, data of the flag's own unclosed span is not), and those flag accesses are not reported. Not covered: Java monitors and {@code java.util.concurrent} inside a JVM, order
 * barriers (they order puts of one span, which the emulator delivers at once anyway), threads started other than by
 * {@code Thread.start()} on a {@code java.lang.Thread}.
 */
package org.rsmworkbench.emulator.race;
