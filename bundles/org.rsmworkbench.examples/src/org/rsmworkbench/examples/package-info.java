// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
/**
 * Example RSMAPI programs, written to be copied: each runs as one process on every node of a launch
 * ({@code rsm-launch --nodes N --cp ... org.rsmworkbench.examples.RingAllReduce}), coordinates with signals,
 * prints a {@code RESULT ...} line and exits with 0 when its result is right.
 * <ul>
 * <li>{@link org.rsmworkbench.examples.DoorbellPingPong}: put a message, ring the doorbell (signal), wait for the answer;</li>
 * <li>{@link org.rsmworkbench.examples.RingAllReduce}: the sum of a vector over all nodes, passed around a ring;</li>
 * <li>{@link org.rsmworkbench.examples.HaloExchange}: a 1-D stencil whose boundary cells go to the neighbours in
 * EXPLICIT barrier mode (open, puts, close);</li>
 * <li>{@link org.rsmworkbench.examples.Revocation}: republish with a smaller ACL, unpublish (importers see
 * CONN_ABORTED), publish again (importers reconnect);</li>
 * <li>{@link org.rsmworkbench.examples.RacyMailbox}: a deliberate race for the race detector: a put rung before its
 * EXPLICIT barrier closed (argument {@code fixed}: closed first, race-free).</li>
 * </ul>
 * {@link org.rsmworkbench.examples.NodeGroup} holds what they share: who takes part, exporting and connecting
 * with well-known segment ids, and waiting for a signal without hanging when a peer dies.
 * Not API: examples to copy, not to call.
 */
package org.rsmworkbench.examples;
