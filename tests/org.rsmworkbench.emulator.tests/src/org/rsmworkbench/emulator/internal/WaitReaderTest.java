// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterWaits;
import org.rsmworkbench.emulator.ClusterWaits.Verdict;
import org.rsmworkbench.emulator.ClusterWaits.Wait;
import org.rsmworkbench.emulator.internal.Registry.Events;
import org.rsmworkbench.emulator.internal.Registry.Proc;
import org.rsmworkbench.emulator.internal.Registry.Seg;
import org.rsmworkbench.emulator.internal.Registry.Waits;

/**
 * What a look at the waits makes of the verdicts of the probe: a registry whose one process waits on its own published
 * segment, and whose probe is the test, writing verdicts through the process's {@link WaitTracker}.
 */
@Timeout(60)
class WaitReaderTest {
    private static final int SLOT = 0, PROCESS = 5, NODE = 1, SERIAL = 3, SEGMENT_SLOT = 0;
    /** Long enough a run of looks to catch the probe rewriting its verdict many times. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path directory;
    private Registry registry;
    private WaitTracker tracker;

    @BeforeEach
    void aProcessWaitingOnItsSegment() throws Exception {
        registry = Registry.create(directory.resolve("registry"), created -> {
            created.putInt(Proc.at(SLOT, Proc.SERIAL), PROCESS);
            created.putInt(Proc.at(SLOT, Proc.NODE), NODE);
            created.putInt(Proc.at(SLOT, Proc.STATE), Proc.LIVE);
            created.putInt(Registry.H_PROCESS_HIGH, SLOT + 1);
            created.putInt(Seg.at(SEGMENT_SLOT, Seg.NODE), NODE);
            created.putInt(Seg.at(SEGMENT_SLOT, Seg.SEGMENT_ID), 0x400100);
            created.putInt(Seg.at(SEGMENT_SLOT, Seg.STATE), Seg.PUBLISHED);
        });
        tracker = new WaitTracker(registry, SLOT, PROCESS);
        // as the waiter enters the wait: one counter, no timeout
        registry.putLong(Waits.at(SLOT, Waits.COUNTERS), Events.ofSegment(SEGMENT_SLOT));
        registry.putInt(Waits.at(SLOT, Waits.FLAGS), 1);
        registry.putIntRelease(Waits.at(SLOT, Waits.SERIAL), SERIAL);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private void probeFinds(int verdict, long atNanos) {
        tracker.publishVerdict(SERIAL, verdict, atNanos, null, -1);
    }

    /**
     * The time of a verdict that stays fresh for the test: ahead of now, so that a pause of a loaded machine between the
     * probe's verdict and the read does not make it stale (an age below zero reads as fresh).
     */
    private static long fresh() {
        return System.nanoTime() + 60 * WaitReader.FRESH_NANOS;
    }

    private static Wait theWait(ClusterWaits look) {
        assertEquals(1, look.waits().size(), look::toString);
        return look.waits().getFirst();
    }

    @Test
    void aFreshBlockedVerdictIsReadInACompleteLook() {
        probeFinds(WaitProbe.BLOCKED, fresh());
        ClusterWaits look = WaitReader.read(registry);
        assertEquals(Verdict.BLOCKED, theWait(look).verdict());
        assertTrue(look.complete());
    }

    /** A look that finds the verdict as the probe leaves it while it rewrites it. */
    @Test
    void aVerdictThatTheProbeIsRewritingMakesTheLookIncomplete() {
        probeFinds(WaitProbe.BLOCKED, fresh());
        registry.putIntRelease(Waits.at(SLOT, Waits.VERDICT_SERIAL), ~SERIAL);
        ClusterWaits look = WaitReader.read(registry);
        assertEquals(Verdict.UNKNOWN, theWait(look).verdict());
        assertFalse(look.complete(), "a deadlock the wait is in may still be there");
    }

    /**
     * Looks while the probe rewrites its verdict that the wait is blocked, again and again: each reads the wait blocked or
     * says that it is not complete, whether it comes before the rewrite or during the read of the verdict.
     */
    @Test
    void noLookTakesABlockedWaitForAnotherWhileTheProbeRewritesItsVerdict() throws Exception {
        probeFinds(WaitProbe.BLOCKED, fresh());
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread probe = Thread.ofPlatform().start(() -> {
            while (probing.get()) {
                probeFinds(WaitProbe.BLOCKED, fresh());
            }
        });
        int caught = 0;
        try {
            for (long end = System.nanoTime() + PATIENCE_NANOS; caught < 1_000 && System.nanoTime() < end;) {
                ClusterWaits look = WaitReader.read(registry);
                Wait wait = theWait(look);
                if (wait.verdict() != Verdict.BLOCKED) {
                    assertFalse(look.complete(), () -> "a look read the wait " + wait.verdict() + " and every wait whole");
                    caught++;
                }
            }
        } finally {
            probing.set(false);
            probe.join();
        }
        assertEquals(1_000, caught, "looks that came while the probe rewrote the verdict");
    }

    /**
     * The JVM of the process makes no verdicts (stopped, or suspended in a debugger): the wait it last found blocked may be
     * in a deadlock still, so the look is not complete.
     */
    @Test
    void aBlockedVerdictThatIsNoLongerFreshMakesTheLookIncomplete() {
        probeFinds(WaitProbe.BLOCKED, System.nanoTime() - 2 * WaitReader.FRESH_NANOS);
        ClusterWaits look = WaitReader.read(registry);
        assertEquals(Verdict.UNKNOWN, theWait(look).verdict(), "its JVM makes no verdicts");
        assertFalse(look.complete(), "the wait may be blocked still");
    }

    /** A wait that no deadlock told so far can hold leaves the look complete, though its verdict is not known. */
    @Test
    void aWaitNotJudgedYetOrLastFoundNotBlockedLeavesTheLookComplete() {
        ClusterWaits notJudged = WaitReader.read(registry);
        assertEquals(Verdict.UNKNOWN, theWait(notJudged).verdict());
        assertTrue(notJudged.complete(), "a wait too new for the probe");
        probeFinds(WaitProbe.THREAD_RUNNING, System.nanoTime() - 2 * WaitReader.FRESH_NANOS);
        ClusterWaits lastFoundRunning = WaitReader.read(registry);
        assertEquals(Verdict.UNKNOWN, theWait(lastFoundRunning).verdict(), "its JVM makes no verdicts");
        assertTrue(lastFoundRunning.complete(), "a wait last found with another thread running");
    }
}
