// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.Diagnostic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.model.ClusterFiles;
import org.rsmworkbench.model.ClusterShapes;
import org.rsmworkbench.model.ClusterSpecs;
import org.rsmworkbench.model.ClusterValidation;
import org.rsmworkbench.model.cluster.Cluster;

/**
 * The cluster model at scale (issue 5: a 1024-node cluster fully linked by a switch loads, validates
 * and converts to a ClusterSpec in under a second). {@code loadValidateConvert} is the whole path
 * from a .rsmcluster file; the others are its parts. The budget is for the first run in a warm IDE,
 * so the figure to compare with 1 s is the single-shot time, not only the warmed average.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClusterModelBenchmark {
    @Param({ "1024" })
    int nodes;

    Path file;
    Cluster loaded;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("switch-" + nodes + "-", ".rsmcluster");
        ClusterFiles.save(ClusterShapes.singleSwitch(nodes), file);
        loaded = ClusterFiles.load(file);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public int loadValidateConvert() throws IOException {
        Cluster cluster = ClusterFiles.load(file);
        Diagnostic diagnostic = ClusterValidation.validate(cluster);
        if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
            throw new IllegalStateException(diagnostic.toString());
        }
        ClusterSpec spec = ClusterSpecs.toSpec(cluster);
        return spec.links().size();
    }

    @Benchmark
    public Cluster load() throws IOException {
        return ClusterFiles.load(file);
    }

    @Benchmark
    public Diagnostic validate() {
        return ClusterValidation.validate(loaded);
    }

    @Benchmark
    public ClusterSpec convert() {
        return ClusterSpecs.toSpec(loaded);
    }

    /** The same path, cold: one shot per fresh JVM (class loading, package init, JIT not warmed). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public int loadValidateConvertCold() throws IOException {
        return loadValidateConvert();
    }
}
