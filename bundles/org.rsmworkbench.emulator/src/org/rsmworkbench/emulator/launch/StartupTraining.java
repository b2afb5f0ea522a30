// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.launch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.rsmworkbench.emulator.ClusterSpec;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.race.internal.NodeAgent;
import org.rsmworkbench.emulator.race.internal.RaceHooks;
import org.rsmworkbench.rsmapi.AccessEntry;
import org.rsmworkbench.rsmapi.Barrier;
import org.rsmworkbench.rsmapi.BarrierMode;
import org.rsmworkbench.rsmapi.BarrierType;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.ExportSegment;
import org.rsmworkbench.rsmapi.ImportSegment;
import org.rsmworkbench.rsmapi.IoVec;
import org.rsmworkbench.rsmapi.LocalMemoryHandle;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.rsmapi.RsmController;
import org.rsmworkbench.rsmapi.RsmException;
import org.rsmworkbench.rsmapi.RsmLibrary;
import org.rsmworkbench.rsmapi.ScatterGather;

/**
 * The training run of a {@link NodeStartupCache}: a node JVM, started with {@code -XX:AOTCacheOutput}, that
 * does what node programs do first, so that the classes, lambdas and method handles of those paths are in
 * the cache. It joins with {@code Rsm.open()}, reads the topology, exports, connects to the segment a peer
 * published, transfers (also scattered), uses a barrier and signals, then leaves and exits normally (the
 * JDK writes the cache at a normal exit).
 * <p>
 * The cluster and the peer live in the JVM that asks for the cache ({@link #run}), not in the training
 * JVM: the JDK loads every class of a cache when a JVM starts, so what only a cluster's owner needs
 * (making the cluster directory and registry) would slow every node JVM down.
 */
final class StartupTraining {
    private static final Credentials USER = new Credentials(1000, 1000, Set.of(), 022, false);
    private static final int TRAINEE_NODE = 1;
    private static final int PEER_NODE = 2;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private StartupTraining() {
    }

    /**
     * Runs a training JVM as node 1 of a private two-node cluster, with {@code javaOptions} (those that
     * write the cache), its output to {@code log}; with {@code races}, as a node JVM that detects races: with the race
     * agent, recording into a folder beside {@code log} that is removed afterwards.
     *
     * @throws IOException when it could not start, did not end within {@code timeout} (it is killed) or failed;
     *         the message ends with its output
     */
    static void run(Path java, List<Path> runtime, boolean races, List<String> javaOptions, Path log, Duration timeout)
            throws IOException, InterruptedException {
        if (!races) {
            run(java, runtime, javaOptions, log, timeout, _ -> {
            });
            return;
        }
        Path raceFiles = Files.createTempDirectory(log.toAbsolutePath().getParent(), "race-training-");
        try {
            Path agent = raceFiles.resolve("rsm-race-agent.jar");
            NodeAgent.writeJar(agent);
            run(java, runtime, javaOptions, log, timeout, commands -> commands.raceAgent(agent)
                    .recording(RaceRun.recordingSettings(null, raceFiles.resolve("recording"))));
        } finally {
            try (Stream<Path> files = Files.walk(raceFiles)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void run(Path java, List<Path> runtime, List<String> javaOptions, Path log, Duration timeout,
            Consumer<NodeCommandBuilder> kind) throws IOException, InterruptedException {
        ClusterSpec spec = ClusterSpec.fullyConnected(2);
        try (EmulatedCluster cluster = EmulatedCluster.start(spec)) {
            RsmLibrary peer = cluster.process(PEER_NODE, USER);
            ExportSegment published = peer.getController("emu0").createExportSegment(peer.allocate(4096), 0);
            int segmentId = published.publish(0, List.of(new AccessEntry(TRAINEE_NODE, 0666)));
            LaunchPlan plan = LaunchPlan.builder(spec).onNodes(List.of(TRAINEE_NODE)).credentials(USER).jvmArguments(javaOptions)
                    .mainClass(StartupTraining.class.getName())
                    .arguments(List.of(Integer.toString(PEER_NODE), Integer.toString(segmentId))).build();
            NodeCommandBuilder commands = new NodeCommandBuilder(plan).javaExecutable(java).runtimeClassPath(runtime);
            kind.accept(commands);
            List<String> command = commands.command(cluster, plan.node(TRAINEE_NODE));
            Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                training.getOutputStream().close();
                if (!training.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IOException("the start-up cache training run did not end within " + timeout.toSeconds() + " s: "
                            + output(log));
                }
                if (training.exitValue() != 0) {
                    throw new IOException("the start-up cache training run failed (exit status " + training.exitValue() + "): "
                            + output(log));
                }
            } finally {
                stop(training);
            }
        } catch (RsmException e) {
            throw new IOException("cannot prepare the start-up cache training run: " + e.getMessage(), e);
        }
    }

    /**
     * Ends a training JVM that is still running (a timeout, an interrupted wait), with the JVM that the JDK
     * starts at exit to write the cache: left alone, that one would write the file after it was cleaned up.
     */
    private static void stop(Process training) {
        if (!training.isAlive()) {
            return;
        }
        List<ProcessHandle> children = training.descendants().toList(); // before they outlive their parent
        training.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            training.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed already; nothing more can be done
        }
    }

    /** The training JVM's output, for an error message. */
    static String output(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(its output cannot be read: " + e.getMessage() + ")";
        }
    }

    /** The training node program: arguments are the peer's node and the id of the segment it published. */
    public static void main(String[] args) throws Exception {
        int peerNode = Integer.parseInt(args[0]);
        int segmentId = Integer.parseInt(args[1]);
        RsmLibrary node = Rsm.open();
        try {
            node.getInterconnectTopology();
            RsmController controller = node.getController("emu0");
            exportAndWithdraw(node, controller, peerNode);
            ImportSegment imported = controller.connect(peerNode, segmentId, Rsm.PERM_RDWR);
            transfer(imported);
            scatterGather(node, controller, imported);
            signal(imported);
            imported.disconnect();
        } finally {
            node.close();
        }
    }

    private static void exportAndWithdraw(RsmLibrary node, RsmController controller, int peerNode) throws RsmException {
        ExportSegment segment = controller.createExportSegment(node.allocate(8192), Rsm.ALLOW_REBIND);
        segment.publish(0, List.of(new AccessEntry(peerNode, 0600)));
        segment.republish(List.of(new AccessEntry(peerNode, 0644)));
        segment.unpublish();
        segment.destroy();
    }

    private static void transfer(ImportSegment imported) throws RsmException, IOException {
        MemorySegment mapped = imported.map(Rsm.MAP_NONE, Rsm.PERM_RDWR, 0, imported.size());
        if (Boolean.getBoolean(RaceHooks.PROPERTY)) {
            programAccesses(mapped);
        } else {
            mapped.set(ValueLayout.JAVA_INT, 0, 7);
        }
        imported.unmap();
        imported.setMode(BarrierMode.EXPLICIT);
        Barrier barrier = imported.initBarrier(BarrierType.SEGMENT);
        barrier.open();
        imported.put8(0, new byte[] {1, 2, 3, 4}, 4);
        imported.put32(8, new int[] {5}, 1);
        imported.put64(16, new long[] {6}, 1);
        imported.get8(0, new byte[4], 4);
        imported.get32(8, new int[1], 1);
        imported.get64(16, new long[1], 1);
        MemorySegment buffer = MemorySegment.ofArray(new byte[256]);
        imported.put(256, buffer);
        imported.get(256, buffer);
        barrier.order();
        barrier.close();
        barrier.destroy();
    }

    /**
     * Runs {@link ProgramAccesses} as a class of a node program (from a loader of its own, not from the runtime's
     * jar): the race agent rewrites it as it loads, so what rewriting and the rewritten accesses need is in the cache.
     */
    private static void programAccesses(MemorySegment mapped) throws IOException {
        String name = ProgramAccesses.class.getName();
        byte[] bytes;
        try (InputStream in = StartupTraining.class.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            bytes = in.readAllBytes();
        }
        ClassLoader program = new ClassLoader("rsm-training-program", StartupTraining.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
                }
            }
        };
        try {
            @SuppressWarnings("unchecked")
            Consumer<MemorySegment> accesses = (Consumer<MemorySegment>) program.loadClass(name).getDeclaredConstructor()
                    .newInstance();
            accesses.accept(mapped);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the training program's class cannot be loaded", e);
        }
    }

    /** What a node program does with mapped memory that the race agent rewrites: loads, stores, a copy, a thread. */
    public static final class ProgramAccesses implements Consumer<MemorySegment> {
        @Override
        public void accept(MemorySegment mapped) {
            mapped.set(ValueLayout.JAVA_INT, 0, 7);
            mapped.setAtIndex(ValueLayout.JAVA_LONG, 1, mapped.get(ValueLayout.JAVA_INT, 0));
            MemorySegment.copy(mapped, 0, mapped, 64, 16);
            Thread reader = new Thread(() -> mapped.getAtIndex(ValueLayout.JAVA_LONG, 1));
            reader.start();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void scatterGather(RsmLibrary node, RsmController controller, ImportSegment imported) throws RsmException {
        MemorySegment local = node.allocate(4096);
        LocalMemoryHandle handle = controller.createLocalMemoryHandle(local);
        imported.putv(new ScatterGather(imported, 0).add(new IoVec.Local(local, 0, 0, 64))
                .add(new IoVec.Handle(handle, 64, 64, 64)));
        imported.getv(new ScatterGather(imported, 0).add(new IoVec.Handle(handle, 0, 0, 128)));
        controller.freeLocalMemoryHandle(handle);
    }

    private static void signal(ImportSegment imported) throws RsmException {
        imported.signalPost(0);
        imported.getPollFd();
        imported.releasePollFd();
        try {
            // no one answers: this sleeps on the futex briefly, the path a waiting node takes
            imported.signalWait(1);
        } catch (RsmException timeout) {
            // expected
        }
    }
}
