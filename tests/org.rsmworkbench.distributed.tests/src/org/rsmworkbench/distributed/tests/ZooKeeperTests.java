// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.rsmworkbench.distributed.internal.RegistrySecrets;
import org.rsmworkbench.emulator.backend.DistributedBackend;

/** What tests of the ZooKeeper registry share: waiting for what it does, making a session expire as for a dead client. */
final class ZooKeeperTests {
    /** How long a test waits at most for the registry to do something (generous: the machine may be loaded). */
    static final long WAIT_MILLIS = 30_000;
    /** The session timeout of the registry's sessions that tests make: a launch's default. */
    static final Duration SESSION_TIMEOUT = DistributedBackend.DEFAULT_SESSION_TIMEOUT;
    /** The same, in milliseconds, as ZooKeeper's client takes it. */
    static final int SESSION_TIMEOUT_MILLIS = (int) SESSION_TIMEOUT.toMillis();

    private ZooKeeperTests() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@link #WAIT_MILLIS}. */
    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_MILLIS + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * A ZooKeeper client of the cluster whose registry is at {@code connectString}, authenticated with its secret (a
     * cluster's znodes are that identity's alone), not connected yet.
     */
    static ZooKeeper client(String connectString, Watcher watcher) throws IOException {
        ZooKeeper client = new ZooKeeper(connectString, SESSION_TIMEOUT_MILLIS, watcher);
        RegistrySecrets.authenticate(client, RegistrySecrets.of(connectString));
        return client;
    }

    /**
     * Expires {@code victim}'s session as ZooKeeper does for a dead client: another client takes it over and closes it.
     *
     * @param connectString the connect string of the cluster's registry (its ensemble is what counts)
     */
    static void expireSession(String connectString, ZooKeeper victim) throws Exception {
        int slash = connectString.indexOf('/');
        String ensemble = slash < 0 ? connectString : connectString.substring(0, slash);
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper killer = new ZooKeeper(ensemble, 4000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, victim.getSessionId(), victim.getSessionPasswd());
        assertTrue(connected.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the second client takes the session over");
        killer.close();
    }
}
