// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterLockTimeoutException;

/**
 * The registry lock word: two mappings of one registry file stand for two JVMs (serials 7 and 8), and a serial
 * written into the lock word by hand stands for a JVM that died or stopped holding it.
 */
@Timeout(60)
class RegistryLockTest {
    private static final int ME = 7, OTHER = 8, GONE = 9;

    @TempDir
    Path directory;

    private Registry create() throws Exception {
        return Registry.create(directory.resolve("registry"), _ -> { });
    }

    @Test
    void mutationsOfTwoJvmsAndTheirThreadsExcludeEachOther() throws Exception {
        try (Registry first = create(); Registry second = Registry.open(directory.resolve("registry"))) {
            first.identify(ME, _ -> false);
            second.identify(OTHER, _ -> false);
            long counter = Registry.H_NEXT_FILE;
            int before = first.getInt(counter);
            List<Thread> threads = new ArrayList<>();
            for (Registry registry : List.of(first, second)) {
                for (int t = 0; t < 3; t++) {
                    threads.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; i < 5_000; i++) {
                            registry.mutate(() -> {
                                // a plain read and write: only mutual exclusion keeps the count
                                registry.putInt(counter, registry.getInt(counter) + 1);
                                return null;
                            });
                        }
                    }));
                }
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(before + 6 * 5_000, first.getInt(counter));
            assertEquals(0, first.getInt(Registry.H_LOCK), "the lock is free at the end");
        }
    }

    @Test
    void aWaiterIsWokenWhenTheHolderOfAnotherJvmUnlocks() throws Exception {
        try (Registry first = create(); Registry second = Registry.open(directory.resolve("registry"))) {
            first.identify(ME, _ -> false);
            second.identify(OTHER, _ -> false);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = Thread.ofPlatform().start(() -> {
                try {
                    first.mutate(() -> {
                        held.countDown();
                        release.await();
                        return null;
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            held.await();
            Thread waiter = Thread.ofPlatform().start(() -> second.mutate(() -> null));
            Thread.sleep(200);
            assertTrue(waiter.isAlive(), "the waiter waits while the other JVM holds the lock");
            long releasedAt = System.nanoTime();
            release.countDown();
            waiter.join(5_000);
            holder.join();
            assertFalse(waiter.isAlive());
            long afterRelease = System.nanoTime() - releasedAt;
            // generous: a loaded machine can take a second or more to make the first futex call; a lost wake-up
            // would leave the waiter asleep until the 5 s join gave up
            assertTrue(afterRelease < TimeUnit.MILLISECONDS.toNanos(3_000),
                    "woken " + afterRelease / 1_000 + " µs after the release");
        }
    }

    @Test
    void theLockOfAJvmThatDiedInAnUpdateIsTakenOverAndTheUpdateRepaired() throws Exception {
        try (Registry registry = create()) {
            List<String> repairs = new ArrayList<>();
            registry.onInterruptedMutation(() -> repairs.add("repaired"));
            registry.identify(ME, serial -> serial == GONE);
            // JVM 9 died between its two counter increments, holding the lock
            registry.putInt(Registry.H_LOCK, GONE);
            registry.putInt(Registry.H_MUTATIONS, 1);
            long t0 = System.nanoTime();
            assertEquals(42, registry.mutate(() -> 42));
            long took = System.nanoTime() - t0;
            assertTrue(took < TimeUnit.SECONDS.toNanos(3), "taken over after " + took / 1_000_000 + " ms");
            assertEquals(List.of("repaired"), repairs);
            assertEquals(4, registry.getInt(Registry.H_MUTATIONS), "repaired (+1), then a whole mutation (+2)");
            assertEquals(0, registry.getInt(Registry.H_LOCK));
        }
    }

    @Test
    void aHolderThatIsAliveButStoppedMakesReadersReadAnywayAndWritersGiveUpNamingIt() throws Exception {
        try (Registry registry = create()) {
            registry.identify(ME, _ -> false);
            long stoppedPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
            // JVM 8 holds the lock in the middle of an update, and makes no progress
            registry.putInt(Registry.H_LOCK, OTHER);
            registry.putLong(Registry.H_LOCK_PID, stoppedPid);
            registry.putInt(Registry.H_MUTATIONS, 1);

            long t0 = System.nanoTime();
            Registry.Snapshot<Integer> snapshot = registry.snapshot(() -> registry.getInt(Registry.H_MUTATIONS));
            long read = System.nanoTime() - t0;
            // well below the writers' timeout (a read waiting for the stopped holder would take that long or forever),
            // with room for a loaded machine
            assertTrue(read < TimeUnit.MILLISECONDS.toNanos(ClusterLockTimeoutException.TIMEOUT_MILLIS / 2),
                    "a read returns in " + read / 1_000_000 + " ms");
            assertFalse(snapshot.consistent(), "read in the middle of the stopped update");
            assertEquals(1, snapshot.value());

            t0 = System.nanoTime();
            ClusterLockTimeoutException e = assertThrows(ClusterLockTimeoutException.class, () -> registry.mutate(() -> null));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(ClusterLockTimeoutException.TIMEOUT_MILLIS - 50)
                    && waited < TimeUnit.MILLISECONDS.toNanos(ClusterLockTimeoutException.TIMEOUT_MILLIS + 2_000),
                    "gave up after " + waited / 1_000_000 + " ms");
            assertTrue(e.getMessage().contains("JVM " + OTHER + " (pid " + stoppedPid), e.getMessage());
            assertEquals(stoppedPid, e.holderPid());
            assertEquals(OTHER, registry.getInt(Registry.H_LOCK) & Integer.MAX_VALUE, "the holder keeps its lock");
            assertEquals(1, registry.getInt(Registry.H_MUTATIONS), "and nothing else changed");
        }
    }

    @Test
    void inADebugLaunchAWriterWaitsForAHolderThatMakesNoProgressLongerThanTheTimeoutAndSaysSoOnce() throws Exception {
        PrintStream standardError = System.err;
        ByteArrayOutputStream told = new ByteArrayOutputStream();
        try (Registry registry = create(); PrintStream capture = new PrintStream(told, true, StandardCharsets.UTF_8)) {
            registry.identify(ME, _ -> false);
            registry.waitForSuspendedHolders(true);
            long suspendedPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
            // JVM 8 holds the lock in the middle of an update and makes no progress: suspended in the debugger
            registry.putInt(Registry.H_LOCK, OTHER);
            registry.putLong(Registry.H_LOCK_PID, suspendedPid);
            registry.putInt(Registry.H_MUTATIONS, 1);
            System.setErr(capture);
            CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> registry.mutate(() -> 42));

            // more than twice the timeout without progress: the writer neither gives up nor says it waits again
            Thread.sleep(2 * ClusterLockTimeoutException.TIMEOUT_MILLIS + 500);
            assertFalse(update.isDone(), () -> "the writer waits: " + update);
            String notice = told.toString(StandardCharsets.UTF_8);
            assertEquals(1, notice.lines().count(), notice);
            assertTrue(notice.contains("locked by JVM " + OTHER + " (pid " + suspendedPid) && notice.contains("waits until it runs again"),
                    notice);

            // the holder is resumed and completes its update
            registry.putInt(Registry.H_MUTATIONS, 2);
            registry.putInt(Registry.H_LOCK, 0);
            assertEquals(42, update.get(10, TimeUnit.SECONDS));
            assertEquals(4, registry.getInt(Registry.H_MUTATIONS), "its update, then the writer's");
        } finally {
            System.setErr(standardError);
        }
    }
}
