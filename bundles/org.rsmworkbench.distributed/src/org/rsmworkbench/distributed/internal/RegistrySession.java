// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.internal;

import static org.rsmworkbench.emulator.internal.Errors.error;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.rsmworkbench.emulator.internal.RuntimeThreads;
import org.rsmworkbench.rsmapi.RsmError;
import org.rsmworkbench.rsmapi.RsmException;

/**
 * A session with the ensemble and what its state events mean (it is the session's default watcher).
 * <p>
 * ZooKeeper keeps a session's watches across a reconnect, but a watcher that reads its znode again after it fired (to
 * watch it again) loses the watch when that read fails because the connection dropped meanwhile: such a read is made
 * again once the session is connected again ({@link #rewatch}).
 * <p>
 * The session has ended when ZooKeeper says it expired, and also when it has found no server for twice its timeout
 * ({@link #unansweredMillis}): ZooKeeper tells a client that its session expired only once a server answers it again, while
 * the ensemble has expired it (and the others see the process dead) as soon as the timeout passed. Either way
 * {@code onEnded} runs once, with why.
 */
public final class RegistrySession implements Watcher {
    /** How often {@link #persistently} tries a call again while the client looks for a server. */
    private static final long RETRY_MILLIS = 50;
    private final String connectString;
    private final Consumer<String> onEnded;
    private final CountDownLatch connected = new CountDownLatch(1);
    /** Set once the session ended or was closed: {@code onEnded} has run, or must not. */
    private final AtomicBoolean over = new AtomicBoolean();
    /** The reads to make again at the next reconnect. */
    private final List<Runnable> rearms = new ArrayList<>();
    /** Counts the disconnections (from connected): a timer started at one sees whether a reconnect came since. */
    private long disconnections;
    private boolean disconnected;
    /**
     * The session timeout the ensemble granted at the last connect, or the one asked for until then (ZooKeeper's own
     * figure is 0 before a connect and after an expiry).
     */
    private volatile int timeoutMillis;
    private volatile ZooKeeper zooKeeper;

    private RegistrySession(String connectString, int timeoutMillis, Consumer<String> onEnded) {
        this.connectString = connectString;
        this.timeoutMillis = timeoutMillis;
        this.onEnded = onEnded;
    }

    /**
     * A session with the ensemble at {@code connectString} that asks for {@code timeout}, authenticated with the cluster's
     * {@code secret} ({@link RegistrySecrets}; null: none), once it is connected within {@code connectMillis};
     * {@code onEnded} runs when it ends (expired, or without an answer for {@link #unansweredMillis}).
     */
    static RegistrySession open(String connectString, String secret, Duration timeout, long connectMillis,
            Consumer<String> onEnded) throws RsmException {
        RegistrySession session = new RegistrySession(connectString, Math.toIntExact(timeout.toMillis()), onEnded);
        try {
            // its threads, made by its constructor, are the runtime's: not among the program's threads in a debugger
            session.zooKeeper = RuntimeThreads.call("rsm-registry-connect",
                    () -> new ZooKeeper(connectString, session.timeoutMillis, session));
            RegistrySecrets.authenticate(session.zooKeeper, secret);
        } catch (IOException | IllegalArgumentException e) {
            throw error(RsmError.CTLR_NOT_PRESENT, "cannot reach the RSM cluster registry at %s: %s", connectString, e.getMessage());
        }
        try {
            if (!session.connected.await(connectMillis, TimeUnit.MILLISECONDS)) {
                session.close();
                throw error(RsmError.CTLR_NOT_PRESENT, "the RSM cluster registry at %s did not answer within %d s: is ZooKeeper"
                        + " running there?", connectString, Math.max(1, connectMillis / 1000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
            throw error(RsmError.INTERRUPTED, "interrupted while connecting to the RSM cluster registry at %s", connectString);
        }
        session.noteGrantedTimeout();
        return session;
    }

    ZooKeeper zooKeeper() {
        return zooKeeper;
    }

    /** How long this process may be silent before ZooKeeper declares it dead: what the ensemble granted at the last connect. */
    int timeoutMillis() {
        return timeoutMillis;
    }

    /** Keeps the timeout the ensemble granted at this connect (the first may come before {@link #open} has the client). */
    private void noteGrantedTimeout() {
        ZooKeeper client = zooKeeper;
        int granted = client == null ? 0 : client.getSessionTimeout();
        if (granted > 0) {
            timeoutMillis = granted;
        }
    }

    /**
     * How long the session may find no server before it counts as ended: longer than its timeout, because an ensemble that
     * elects a new leader meanwhile gives its sessions a new timeout (a client may then reconnect after more than one).
     */
    int unansweredMillis() {
        return 2 * timeoutMillis();
    }

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() != Event.EventType.None) {
            return;
        }
        switch (event.getState()) {
        case SyncConnected -> reconnected();
        case Disconnected -> disconnected();
        case Expired -> expired();
        case Closed -> over.set(true);
        default -> {
            // authentication and read-only states: not used
        }
        }
    }

    private void reconnected() {
        noteGrantedTimeout();
        List<Runnable> again;
        synchronized (this) {
            disconnected = false;
            again = List.copyOf(rearms);
            rearms.clear();
        }
        connected.countDown();
        again.forEach(Runnable::run);
    }

    private void disconnected() {
        long disconnection;
        synchronized (this) {
            if (disconnected) {
                return; // another failed attempt to reconnect: the time counts from the first
            }
            disconnected = true;
            disconnection = ++disconnections;
        }
        int unanswered = unansweredMillis();
        CompletableFuture.delayedExecutor(unanswered, TimeUnit.MILLISECONDS).execute(() -> {
            synchronized (this) {
                if (!disconnected || disconnections != disconnection) {
                    return;
                }
            }
            end("no answer from the cluster registry at " + connectString + " for " + unanswered
                    + " ms, more than the session timeout (" + timeoutMillis() + " ms): ZooKeeper has expired the session");
        });
    }

    /** ZooKeeper says the session expired (its event, or a call that failed for it). */
    void expired() {
        end("ZooKeeper expired its session (no answer from this process within " + timeoutMillis() + " ms)");
    }

    private void end(String why) {
        if (over.compareAndSet(false, true)) {
            onEnded.accept(why);
        }
    }

    /** A read that sets a watch. */
    interface Watching {
        void read() throws KeeperException, InterruptedException;
    }

    /**
     * Makes a watcher's read again after its watch fired, on ZooKeeper's event thread: a read that fails because the
     * connection dropped is made again at the reconnect (whose events, queued after this one, are still to come), so the
     * watch is not lost.
     */
    void rewatch(Watching watching) {
        try {
            watching.read();
        } catch (KeeperException.ConnectionLossException | KeeperException.OperationTimeoutException e) {
            synchronized (this) {
                rearms.add(() -> rewatch(watching));
            }
        } catch (KeeperException e) {
            // the session expired: its own event ends it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes {@code call}, and again while it fails because the connection dropped (the client moving to another server),
     * until the session has gone unanswered for {@link #unansweredMillis}: for the calls of a join, which a passing
     * disconnection must not fail. A call that changes the registry must tell, when made again, that its first try did.
     */
    <T> T persistently(ZooKeeperRegistry.Call<T> call) throws KeeperException, InterruptedException {
        return persistently(call, unansweredMillis());
    }

    /** Makes {@code call} as {@link #persistently(ZooKeeperRegistry.Call)} does, for at most {@code millis}. */
    <T> T persistently(ZooKeeperRegistry.Call<T> call, long millis) throws KeeperException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            try {
                return call.run();
            } catch (KeeperException.ConnectionLossException | KeeperException.OperationTimeoutException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    /**
     * The process is ending cleanly (its last calls are under way, then {@link #close()}): its session ending meanwhile
     * (no server for long) no longer ends the process as dead for the cluster.
     */
    void endingCleanly() {
        over.set(true);
    }

    /** Closes the session: it has not ended for the cluster, {@code onEnded} does not run. */
    void close() {
        over.set(true);
        try {
            zooKeeper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
