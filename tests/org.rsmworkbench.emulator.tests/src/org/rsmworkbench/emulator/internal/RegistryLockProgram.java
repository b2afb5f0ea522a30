// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.rsmworkbench.emulator.ClusterLockTimeoutException;
import org.rsmworkbench.rsmapi.Rsm;

/**
 * A node program that holds its cluster's registry lock on command, for the lock tests: opens its library with
 * {@link Rsm#open()} and answers {@code READY}; then obeys stdin:
 * <pre>
 * HOLD    → a thread takes the registry lock and answers HOLDING, then keeps it, asleep, until RELEASE: alive and
 *           running but making no progress, as a JVM suspended by a debugger looks from outside (not stopped: state S)
 * RELEASE → the holding thread lets the lock go and answers RELEASED
 * MUTATE  → one (empty) update of the registry: answers UPDATED, or GAVE_UP and the timeout's message
 * </pre>
 * End of stdin exits.
 */
public final class RegistryLockProgram {
    private RegistryLockProgram() {
    }

    public static void main(String[] args) throws Exception {
        Rsm.open();
        // the same attachment as the library's (one per cluster directory per JVM), whose lock word names this JVM
        Registry registry = ClusterDirectory.open(Path.of(System.getProperty("rsm.cluster"))).attach().registry;
        say("READY");
        CountDownLatch release = new CountDownLatch(1);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.strip()) {
            case "HOLD" -> Thread.ofPlatform().name("holder").start(() -> {
                try {
                    registry.mutate(() -> {
                        say("HOLDING");
                        release.await();
                        return null;
                    });
                    say("RELEASED");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            case "RELEASE" -> release.countDown();
            case "MUTATE" -> {
                try {
                    registry.mutate(() -> null);
                    say("UPDATED");
                } catch (ClusterLockTimeoutException e) {
                    say("GAVE_UP " + e.getMessage());
                }
            }
            default -> say("ERROR UNKNOWN_COMMAND " + line);
            }
        }
        System.exit(0);
    }

    private static void say(String s) {
        synchronized (System.out) {
            System.out.println(s);
            System.out.flush();
        }
    }
}
