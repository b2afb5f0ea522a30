package org.rsmworkbench.emulator.launch;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.rsmworkbench.emulator.EmulatedCluster;

/**
 * The command line of a node JVM: {@code java --enable-native-access=ALL-UNNAMED <plan JVM args>
 * <node JVM args> <processArguments> -Drsm.launch.nodes=... -cp <program + runtime> <main> <args>}.
 * The class path is the program's, then the RSMAPI and emulator entries ({@link ClassPathEntries#runtime()}).
 */
public final class NodeCommandBuilder {
    /**
     * The system property that tells a node program which nodes run the launch (comma-separated ids),
     * so that it knows its peers when only some nodes of the cluster take part.
     */
    public static final String LAUNCH_NODES_PROPERTY = "rsm.launch.nodes";

    private final LaunchPlan plan;
    private Path javaExecutable = currentJava();
    private List<Path> runtimeClassPath;

    public NodeCommandBuilder(LaunchPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** The java launcher of the JDK that runs this JVM. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** Uses another java launcher (a JDK 25 or newer) for the node JVMs. */
    public NodeCommandBuilder javaExecutable(Path java) {
        javaExecutable = Objects.requireNonNull(java, "java");
        return this;
    }

    /** Uses these entries instead of the ones this JVM loaded RSMAPI and the emulator from. */
    public NodeCommandBuilder runtimeClassPath(List<Path> entries) {
        runtimeClassPath = List.copyOf(entries);
        return this;
    }

    public LaunchPlan plan() {
        return plan;
    }

    /** The class path of every node JVM, program entries first, without duplicates. */
    public String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        plan.classPath().forEach(p -> entries.add(p.toString()));
        (runtimeClassPath != null ? runtimeClassPath : ClassPathEntries.runtime()).forEach(p -> entries.add(p.toString()));
        return String.join(File.pathSeparator, entries);
    }

    /** The command that starts {@code node} as a process of {@code cluster}. */
    public List<String> command(EmulatedCluster cluster, NodeLaunch node) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(plan.jvmArguments());
        command.addAll(node.jvmArguments());
        command.addAll(cluster.processArguments(node.nodeId(), node.credentials()));
        command.add("-D" + LAUNCH_NODES_PROPERTY + "="
                + plan.nodeIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        command.add("-cp");
        command.add(classPath());
        command.add(node.mainClass());
        command.addAll(node.arguments());
        return command;
    }
}
