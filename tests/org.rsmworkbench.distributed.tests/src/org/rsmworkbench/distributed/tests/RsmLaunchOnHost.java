// Copyright (c) 2026 RSM Workbench contributors
// SPDX-License-Identifier: EPL-2.0
package org.rsmworkbench.distributed.tests;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rsmworkbench.distributed.internal.ZooKeeperBackend;
import org.rsmworkbench.emulator.launch.ClassPathEntries;
import org.rsmworkbench.tests.support.NetworkNamespaces;
import org.rsmworkbench.emulator.launch.NodeCommandBuilder;
import org.rsmworkbench.emulator.launch.RsmLaunch;

/** The command that runs rsm-launch inside a namespace host, as a user runs it on one of a cluster's hosts. */
final class RsmLaunchOnHost {
    private RsmLaunchOnHost() {
    }

    /**
     * rsm-launch on {@code host}, with this JVM's Java and the class path of the runtime and the distributed backend:
     * {@code --hosts HOSTS_FILE --zookeeper ZOOKEEPER --cp NODE_CLASS_PATH}, then {@code options}, the main class, and the
     * program's arguments after {@code --}.
     */
    static List<String> command(NetworkNamespaces.Host host, Path hostsFile, String zookeeper, String nodeClassPath,
            List<String> options, String mainClass, List<String> programArguments) {
        List<String> launcherClassPath = new ArrayList<>();
        ClassPathEntries.runtime().forEach(p -> launcherClassPath.add(p.toString()));
        ZooKeeperBackend.nodeClassPath().forEach(p -> launcherClassPath.add(p.toString()));
        List<String> command = new ArrayList<>(host.prefix());
        command.addAll(List.of(NodeCommandBuilder.currentJava().toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                String.join(File.pathSeparator, launcherClassPath), RsmLaunch.class.getName(), "--hosts", hostsFile.toString(),
                "--zookeeper", zookeeper, "--cp", nodeClassPath));
        command.addAll(options);
        command.add(mainClass);
        command.add("--");
        command.addAll(programArguments);
        return command;
    }
}
