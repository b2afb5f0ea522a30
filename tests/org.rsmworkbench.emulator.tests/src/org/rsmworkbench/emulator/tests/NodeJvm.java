// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.emulator.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.rsmworkbench.emulator.EmulatedCluster;
import org.rsmworkbench.emulator.tests.nodes.NodeProgram;
import org.rsmworkbench.rsmapi.Credentials;
import org.rsmworkbench.rsmapi.Rsm;
import org.rsmworkbench.tests.support.DeadlockProgram;

/**
 * A node program ({@link NodeProgram}) running in a child JVM as a process of an emulated node. Commands go
 * in on stdin, one answer line per command comes back on stdout; every wait is bounded.
 */
final class NodeJvm implements AutoCloseable {

    private static final long ANSWER_SECONDS = 20;

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer transcript = new StringBuffer();
    /** What the program wrote on stderr, which also goes on to this JVM's. */
    private final StringBuffer standardError = new StringBuffer();
    /** Lines starting with {@value #PROGRESS}: counted and kept apart from the answers. */
    private final java.util.concurrent.atomic.AtomicLong progressLines = new java.util.concurrent.atomic.AtomicLong();
    private volatile String lastProgress = "";

    /** The prefix of a line that a node program prints on its own (not an answer to a command). */
    static final String PROGRESS = "PROGRESS ";

    private NodeJvm(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    if (l.startsWith(PROGRESS)) {
                        lastProgress = l.substring(PROGRESS.length());
                        progressLines.incrementAndGet();
                    } else {
                        lines.add(l);
                    }
                }
            } catch (IOException e) {
                lines.add("EOF " + e);
            }
        }, "node-jvm-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        Thread.ofPlatform().daemon().name("node-jvm-stderr-" + process.pid()).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(line -> {
                    System.err.println(line);
                    standardError.append(line).append('\n');
                });
            } catch (IOException | UncheckedIOException e) {
                standardError.append("EOF ").append(e).append('\n');
            }
        });
    }

    static NodeJvm start(EmulatedCluster cluster, int node, Credentials credentials) throws IOException {
        return launch(cluster.processArguments(node, credentials), NodeProgram.class);
    }

    /**
     * A child JVM running {@code mainClass} (from the test class path, e.g. another program of the nodes
     * package) with these JVM options and program arguments; it talks the same stdin/stdout line protocol.
     */
    static NodeJvm launch(List<String> jvmOptions, Class<?> mainClass, String... arguments) throws IOException {
        return launch(List.of(), jvmOptions, mainClass, arguments);
    }

    /** As {@link #launch(List, Class, String...)}, the java command run by {@code wrapper} (e.g. unshare). */
    static NodeJvm launch(List<String> wrapper, List<String> jvmOptions, Class<?> mainClass, String... arguments)
            throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(arguments));
        Process p = new ProcessBuilder(cmd).start();
        return new NodeJvm(p);
    }

    /** The class path of a child: where Rsm, EmulatedCluster, NodeProgram and DeadlockProgram were loaded from. */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] { Rsm.class, EmulatedCluster.class, NodeProgram.class, DeadlockProgram.class }) {
            entries.add(entryOf(c).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path entryOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            return Assumptions.abort("no file location for " + c.getName() + " (" + url + "): cannot build a child class path");
        }
        Path p;
        try {
            p = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
        if (Files.isRegularFile(p)) {
            return p; // a jar
        }
        String classFile = c.getName().replace('.', '/') + ".class";
        // an OSGi bundle directory has its classes below it
        for (Path candidate : List.of(p, p.resolve("target/classes"), p.resolve("bin"))) {
            if (Files.isRegularFile(candidate.resolve(classFile))) {
                return candidate;
            }
        }
        Assumptions.abort("cannot find " + classFile + " below " + p);
        return p;
    }

    /** Sends one command and returns its answer line (fails after a bounded wait). */
    String ask(String command) throws IOException, InterruptedException {
        stdin.write(command + "\n");
        stdin.flush();
        transcript.append("> ").append(command).append('\n');
        String answer = lines.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
        transcript.append("< ").append(answer).append('\n');
        if (answer == null) {
            throw new AssertionError("no answer to \"" + command + "\" within " + ANSWER_SECONDS + " s; alive="
                    + process.isAlive() + "\n" + transcript);
        }
        return answer;
    }

    /** Sends a command without waiting for its answer (a long-running command; see {@link #awaitAnswer}). */
    void send(String command) throws IOException {
        stdin.write(command + "\n");
        stdin.flush();
        transcript.append("> ").append(command).append('\n');
    }

    /** The next answer line, waiting at most {@code millis}; null when none came. */
    String awaitAnswer(long millis) throws InterruptedException {
        String answer = lines.poll(millis, TimeUnit.MILLISECONDS);
        if (answer != null) {
            transcript.append("< ").append(answer).append('\n');
        }
        return answer;
    }

    /** The next answer line, which must start with {@code prefix} and come within {@code millis}; returns the rest. */
    String awaitAnswer(String prefix, long millis) throws InterruptedException {
        String answer = awaitAnswer(millis);
        if (answer == null || !answer.startsWith(prefix)) {
            throw new AssertionError("expected an answer " + prefix + "... within " + millis + " ms, got \"" + answer
                    + "\"; alive=" + process.isAlive() + "\n" + transcript);
        }
        return answer.substring(prefix.length()).trim();
    }

    /** How many {@link #PROGRESS} lines the program printed so far. */
    long progressLines() {
        return progressLines.get();
    }

    /** The last {@link #PROGRESS} line, without the prefix ("" before the first). */
    String lastProgress() {
        return lastProgress;
    }

    /** What the program wrote on stderr so far. */
    String standardError() {
        return standardError.toString();
    }

    /** The commands and answers so far, for failure messages. */
    String transcript() {
        return transcript.toString();
    }

    /** Sends a command whose answer must start with {@code prefix}; returns the rest of the line. */
    String expect(String command, String prefix) throws IOException, InterruptedException {
        String answer = ask(command);
        if (!answer.startsWith(prefix)) {
            throw new AssertionError("\"" + command + "\" answered \"" + answer + "\", expected " + prefix + "...\n"
                    + transcript);
        }
        return answer.substring(prefix.length()).trim();
    }

    Process process() {
        return process;
    }

    /** Waits for the JVM to end; returns its exit status, or -1 after the timeout. */
    int waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
