// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.tests.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The seed loop of the fuzz tests: input i is made from seed base + i, until a time budget is spent. The environment
 * variable RSM_FUZZ_SEED runs that one seed alone, RSM_FUZZ_SECONDS sets the budget (10 s), and RSM_FUZZ_KEEP_GOING
 * collects every failure instead of stopping at the first.
 */
public final class FuzzSeeds {
    /** One input of a fuzz test. */
    @FunctionalInterface
    public interface Input {
        /**
         * Makes the input of {@code seed} and checks what is done with it, running what may hang on {@code executor}.
         *
         * @return what went wrong (naming the seed), or null
         */
        String failure(long seed, ExecutorService executor) throws Exception;
    }

    /** What a run did, for the test's closing line. */
    public record Run(long inputs, long firstSeed, long millis, List<String> failures) {
        public long lastSeed() {
            return firstSeed + inputs - 1;
        }

        /** No input failed, and there was one at least. */
        public void assertPassed() {
            assertTrue(failures.isEmpty(), () -> String.join("\n\n", failures));
            assertTrue(inputs > 0);
        }
    }

    private FuzzSeeds() {
    }

    /** Runs the inputs from {@code baseSeed} on; fails at the first failure unless RSM_FUZZ_KEEP_GOING is set. */
    public static Run run(long baseSeed, Input input) throws Exception {
        String onlySeed = System.getenv("RSM_FUZZ_SEED");
        long firstSeed = onlySeed != null ? Long.parseLong(onlySeed) : baseSeed;
        long budgetMillis = TimeUnit.SECONDS.toMillis(Long.parseLong(System.getenv().getOrDefault("RSM_FUZZ_SECONDS", "10")));
        boolean keepGoing = System.getenv("RSM_FUZZ_KEEP_GOING") != null;
        List<String> failures = new ArrayList<>();
        ExecutorService executor = newExecutor();
        long start = System.currentTimeMillis();
        long inputs = 0;
        try {
            for (long i = 0; onlySeed != null ? i < 1 : System.currentTimeMillis() - start < budgetMillis; i++) {
                String failure = input.failure(firstSeed + i, executor);
                inputs++;
                if (failure != null) {
                    if (!keepGoing) {
                        fail(failure);
                    }
                    System.out.println("FAILURE " + failure.lines().findFirst().orElse(""));
                    failures.add(failure);
                    executor.shutdownNow(); // its thread may be stuck for good
                    executor = newExecutor();
                }
            }
        } finally {
            executor.shutdownNow();
        }
        return new Run(inputs, firstSeed, System.currentTimeMillis() - start, failures);
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("fuzz").unstarted(r));
    }
}
