// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Recordings of RSM runs (the flight recorder): read a recording folder ({@link org.rsmworkbench.emulator.trace.Recording},
 * its events merged in time order from the log of every process, and the causal {@link org.rsmworkbench.emulator.trace.Flow}s
 * between them), say how a launch records ({@link org.rsmworkbench.emulator.trace.RecordingSettings}), and export a
 * recording for other tools ({@link org.rsmworkbench.emulator.trace.TraceExport}, {@link org.rsmworkbench.emulator.trace.TraceSummary}),
 * and travel in time: a segment's contents after any event, with each byte's last writer
 * ({@link org.rsmworkbench.emulator.trace.SegmentHistory}, which also says how exact that is for stores through memory).
 * An analysis of millions of events reads the logs as columns instead
 * ({@link org.rsmworkbench.emulator.trace.EventColumns}: no object per event; the race detector's and the timeline's
 * reader, which reads a log still being written again for only what it added), and finds the links between them a few
 * events at a time ({@link org.rsmworkbench.emulator.trace.FlowLinker}, what {@link org.rsmworkbench.emulator.trace.Recording#flows()} uses).
 * <p>
 * A node JVM records when its launch passes the settings' system properties: each process appends its events to a log
 * of its own in the recording folder ({@code node<N>-<pid>.rsmlog}, a mapped file that survives {@code kill -9}); the
 * launcher adds faults and process starts and exits ({@code launcher-<pid>.rsmlog}). Times are CLOCK_MONOTONIC
 * nanoseconds ({@link java.lang.System#nanoTime()} on Linux), one clock for every JVM of the machine.
 */
package org.rsmworkbench.emulator.trace;
