// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * The implementation of race detection. In a node JVM: the java agent ({@link org.rsmworkbench.emulator.race.internal.NodeAgent})
 * whose {@link org.rsmworkbench.emulator.race.internal.AccessInstrumenter} rewrites the program's accesses of
 * {@code MemorySegment} and its {@code Thread.start()}/{@code join()} into calls of
 * {@link org.rsmworkbench.emulator.race.internal.RaceHooks}, which record the accesses of RSM memory into the process's
 * event log. After the run: {@link org.rsmworkbench.emulator.race.internal.HappensBefore}, the vector-clock analysis of
 * the recording, with a {@link org.rsmworkbench.emulator.race.internal.Shadow} per segment. Not API.
 */
package org.rsmworkbench.emulator.race.internal;
