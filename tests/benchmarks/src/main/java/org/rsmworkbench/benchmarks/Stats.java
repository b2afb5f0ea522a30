// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.util.Arrays;

/** What the harnesses make of their trials' figures. */
final class Stats {
    private Stats() {
    }

    /** The median of {@code values} (of an even count, the upper of the two middle ones); {@code values} stay as they are. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
