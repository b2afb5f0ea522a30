package org.rsmworkbench.emulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.tests.nodes.LockChainProgram;

/**
 * {@code close()} of an owner whose stop fails still removes the cluster's files. The failure is made with POSIX
 * locks: another process ({@link LockChainProgram}) holds the registry lock and waits for the owner lock, which
 * this JVM holds; stopping the cluster then waits for the registry lock, and the kernel refuses that wait (EDEADLK).
 * With locks that the kernel does not check for deadlocks (open file description locks) the stop waits instead:
 * the other process is then ended after a while, and close() must still remove everything.
 */
@DisplayName("close() removes the cluster's files even when stopping it fails")
class CloseAfterAFailedStopTest {
    private static final long WAIT_MILLIS = 10_000;

    @Test
    @Timeout(90)
    void closeRemovesTheFilesWhenTheRegistryCannotBeLocked(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve(tmp.getFileName() + "-cluster"); // a name of its own: its memory directory's too
        EmulatedCluster cluster = EmulatedCluster.start(ClusterSpec.fullyConnected(2), dir);
        List<Path> memory = KillSoakTest.sharedMemoryDirectories(dir);
        NodeJvm locker = NodeJvm.launch(List.of("-Xmx64m"), LockChainProgram.class, dir.resolve("registry.lock").toString(),
                dir.resolve("cluster.lock").toString());
        try {
            assertEquals("", locker.awaitAnswer("HOLDING", 30_000), locker::transcript);
            awaitWaitingForALock(locker.process().pid());
            CompletableFuture<Void> closing = CompletableFuture.runAsync(cluster::close);
            try {
                closing.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // the stop failed (cannot lock the cluster registry): what this test is about
            } catch (TimeoutException e) {
                locker.close(); // the stop waits for the registry lock: end its holder
                try {
                    closing.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e2) {
                    // as above
                }
            }
            assertFalse(Files.exists(dir), dir + " is removed by close()");
            for (Path m : memory) {
                assertFalse(Files.exists(m), "the memory directory " + m + " is removed by close()");
            }
        } finally {
            locker.close();
            cluster.close();
            for (Path leftOver : KillSoakTest.sharedMemoryDirectories(dir)) { // when a check failed
                KillSoakTest.removeTree(leftOver);
            }
        }
    }

    /** Waits until the process waits for a POSIX lock (a "->" line of /proc/locks names it). */
    private static void awaitWaitingForALock(long pid) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (System.nanoTime() < end) {
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 5 && f[1].equals("->") && f[5].equals(Long.toString(pid))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process " + pid + " does not wait for the owner lock after " + WAIT_MILLIS + " ms");
    }
}
