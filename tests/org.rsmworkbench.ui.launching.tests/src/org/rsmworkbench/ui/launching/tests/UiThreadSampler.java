// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.ui.launching.tests;

import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A profile of what the UI thread does, for the benchmarks: every 10 ms, the UI thread's stack is sampled and the
 * sample counted against its innermost frame outside SWT and the JDK: the code that has the UI thread busy (a test
 * waiting for a condition, {@code TestUtils.waitFor}, when it is idle), until closed.
 */
final class UiThreadSampler implements AutoCloseable {
    private static final long PERIOD_MILLIS = 10;
    private final Thread ui;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean sampling = true;

    UiThreadSampler(Thread ui) {
        this.ui = ui;
        sampler = Thread.ofPlatform().daemon().name("ui-thread-sampler").start(this::sample);
    }

    private void sample() {
        while (sampling) {
            counts.merge(owner(ui.getStackTrace()), 1, Integer::sum);
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String owner(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            String name = frame.getClassName();
            if (!name.startsWith("org.eclipse.swt.") && !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name + "." + frame.getMethodName();
            }
        }
        return "SWT/JDK only";
    }

    /** The ten most sampled owners, with their share of the samples. */
    @Override
    public String toString() {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Math.round(100.0 * e.getValue() / Math.max(1, total)) + " %",
                        (a, _) -> a, LinkedHashMap::new))
                + " of " + total + " samples";
    }

    @Override
    public void close() throws InterruptedException {
        sampling = false;
        sampler.join();
    }
}
