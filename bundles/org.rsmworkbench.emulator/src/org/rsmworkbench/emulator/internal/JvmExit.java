// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The end of a node JVM (System.exit, the SIGTERM of a Terminate, its last thread ending), whose exit hook closes the
 * process's library while other threads of the program may still be inside RSM calls. A C program's threads end with
 * its process, mid-call and silently; here they would find the library closed and fail, and a program that reports
 * failures printed "ERROR BAD_SEG_HNDL ... (its process ended)" at every Terminate. So a call that finds its process
 * closed while the exit hook runs waits for the JVM to halt instead, for at most {@value #HALT_WAIT_MILLIS} ms (then it
 * fails, saying that the JVM is held up, and so do the calls after it, at once: a shutdown hook of the program's own
 * that calls RSM, which the JVM waits for). A thread that holds a lock the exit hook's close may need (the registry's,
 * an import handle's, the process's) fails at once. The close leaves the process's memory mapped, and its imports'
 * mappings on trash, so that the program's loads and stores do not fail either.
 */
final class JvmExit {
    static final long HALT_WAIT_MILLIS = 3000;
    /** The exit hook's thread once it runs, null before: the JVM is ending. */
    private static volatile Thread hook;
    /** Set when a wait ran out: something holds the JVM up (a shutdown hook of the program's own), later calls fail at once. */
    private static volatile boolean heldUp;

    private JvmExit() {
    }

    /** The shutdown hook that runs {@code exit}, which closes the node's library, as the JVM ends. */
    static Thread hook(Runnable exit) {
        return new Thread(() -> {
            hook = Thread.currentThread();
            exit.run();
        }, "rsm-process-exit");
    }

    /**
     * Whether the JVM's shutdown has begun, the exit hook started or not (the shutdown hooks start together: one of the
     * program's may interrupt a thread before the exit hook has run). Not cheap: for failure paths.
     */
    static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    /** Whether the exit hook runs or ran: a library closed now was closed because its JVM ends. */
    static boolean ending() {
        return hook != null;
    }

    /**
     * Before a call fails because its process is closed, or a wait because its thread was interrupted: in an ending JVM
     * (a shutting down one, the exit hook started or not), waits for the halt (see the class comment),
     * interrupted or not, as a C thread does not return from a call of a process that ends. The thread of a copy that
     * the close broke often is: HotSpot sets the interrupt flag of a thread whose access to a shared arena the arena's
     * close ended (JDK-8306324, interpreted and C1 code), and a shutdown hook may interrupt threads.
     *
     * @return false when the wait ran out (now or at an earlier call): the JVM is held up, the call fails after all;
     *         true at once in a JVM that is not ending
     */
    static boolean awaitHalt(Registry registry) {
        Thread exiting = hook;
        if ((exiting == null && !shuttingDown()) || exiting == Thread.currentThread() || registry.isLockedByMe()) {
            return true;
        }
        if (heldUp) {
            return false;
        }
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HALT_WAIT_MILLIS);
        for (long left; (left = deadline - System.nanoTime()) > 0;) {
            LockSupport.parkNanos(JvmExit.class, left);
            interrupted |= Thread.interrupted(); // else park would return at once again
        }
        heldUp = true;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
