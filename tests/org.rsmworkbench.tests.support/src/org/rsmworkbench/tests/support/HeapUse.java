// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

/** The heap a test or a harness keeps alive, measured between two states of the JVM. */
public final class HeapUse {
    private HeapUse() {
    }

    /** The heap in use once a full collection frees nothing more (each System.gc() of G1 is a full collection). */
    public static long afterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
